import { runRuleTests } from '../ruleTester';

runRuleTests('event-loop-hog', {
  valid: [
    {
      name: 'heavy loop in a plain sync function of a script',
      code: `function mandelbrot(w: number, h: number) {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[y * w + x] = (x * y) & 0xff;
  }
  return out;
}
console.log(mandelbrot(800, 600).length);`,
    },
    {
      name: 'async function that never waits (async-cpu-bound reports it)',
      code: `async function transpose(m: number[][]) {
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < i; j++) [m[i][j], m[j][i]] = [m[j][i], m[i][j]];
  }
  return m;
}`,
    },
    {
      name: 'chunked work in a handler yields between chunks',
      code: `import express from 'express';
import { setImmediate } from 'node:timers/promises';
const app = express();
app.get('/sum', async (req, res) => {
  let total = 0;
  for (let chunk = 0; chunk < 1000; chunk++) {
    for (let i = 0; i < 10_000; i++) total += i * chunk;
    await setImmediate();
  }
  res.json({ total });
});`,
    },
    {
      name: 'a flat formatting loop in a handler',
      code: `import express from 'express';
const app = express();
app.get('/users', async (req, res) => {
  const users = await db.user.findMany();
  const out = [];
  for (const u of users) out.push({ id: u.id, roles: u.roles.map((r) => r.name) });
  res.json(out);
});`,
    },
    {
      name: 'the handler hands the computation to a piscina pool',
      code: `import express from 'express';
import Piscina from 'piscina';
const app = express();
const pool = new Piscina({ filename: './render.js' });
app.post('/render', async (req, res) => {
  res.send(await pool.run(req.body));
});`,
    },
    {
      name: 'worker file: the message handler is supposed to compute',
      code: `import { parentPort } from 'worker_threads';
parentPort!.on('message', (n: number) => {
  let count = 0;
  for (let i = 2; i < n; i++) for (let d = 2; d * d <= i; d++) if (i % d === 0) count++;
  parentPort!.postMessage(count);
});`,
    },
    {
      name: 'loop that awaits in every iteration is I/O, not CPU',
      code: `import { readFile } from 'fs/promises';
async function sizes(dirs: string[][]) {
  let total = 0;
  for (const dir of dirs) {
    for (const file of dir) total += (await readFile(file)).length;
  }
  return total;
}`,
    },
    {
      name: 'CPU tasks in Promise.all in a handler (promise-all-cpu reports them)',
      code: `import express from 'express';
const app = express();
function digest(data: number[]) {
  let h = 0;
  for (const x of data) for (let r = 0; r < 64; r++) h = (h * 31 + x + r) | 0;
  return h;
}
app.post('/digest', async (req, res) => {
  res.json(await Promise.all(req.body.chunks.map((c: number[]) => digest(c))));
});`,
    },
    {
      name: 'outside handlers, a heavy helper is reported only where its loop is',
      code: `import { readFile } from 'node:fs/promises';
function parseGrid(text: string) {
  const rows = text.split('\\n').map((l) => l.split(','));
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < rows[i].length; j++) rows[i][j] = rows[i][j].trim();
  return rows;
}
async function loadGrid(path: string) {
  return parseGrid(await readFile(path, 'utf8'));
}`,
    },
    {
      name: 'shutdown handler on process',
      fileName: 'cleanup.js',
      code: `process.on('SIGTERM', () => {
  for (const conn of pool) for (const stmt of conn.statements) stmt.close();
  process.exit(0);
});`,
    },
  ],
  invalid: [
    {
      name: 'nested loops in an express handler after an await',
      code: `import express from 'express';
const app = express();
app.get('/report', async (req, res) => {
  const rows = await db.query('select * from sales');
  const matrix: number[][] = [];
  for (const a of rows) {
    for (const b of rows) matrix.push([a.amount * b.amount]);
  }
  res.json(matrix);
});`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 24, message: 'this handler' }],
    },
    {
      name: 'sync handler with a big literal loop',
      code: `import express from 'express';
const app = express();
app.post('/sum', (req, res) => {
  let s = 0;
  for (let i = 0; i < 1e7; i++) s += i;
  res.json({ s });
});`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 32 }],
    },
    {
      name: 'handler calling a heavy local helper: reported at the helper\'s loop, which the handler makes hot',
      code: `import express from 'express';
const router = express.Router();
function buildReport(rows: number[][]) {
  let total = 0;
  for (const row of rows) {
    for (const other of rows) total += row[0] * other[0];
  }
  return total;
}
router.get('/report', async (req, res) => {
  const rows = await db.query('select 1');
  res.send(String(buildReport(rows)));
});`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 26, message: '`buildReport` (called by' }],
    },
    {
      name: 'async function that reads a file, then transposes it in place',
      strict: true,
      code: `import { readFile } from 'node:fs/promises';
export async function loadMatrix(path: string) {
  const m = JSON.parse(await readFile(path, 'utf8')) as number[][];
  for (let i = 0; i < m.length; i++) {
    for (let j = 0; j < i; j++) [m[i][j], m[j][i]] = [m[j][i], m[i][j]];
  }
  return m;
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 37, message: '`loadMatrix`, which also waits on I/O' }],
    },
    {
      name: 'http.createServer callback (CommonJS)',
      fileName: 'server.js',
      code: `const http = require('node:http');
http.createServer((req, res) => {
  let primes = 0;
  for (let n = 2; n < 100000; n++) {
    let ok = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) ok = false;
    if (ok) primes++;
  }
  res.end(String(primes));
}).listen(3000);`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 35 }],
    },
    {
      name: 'named handler registered with server.on',
      fileName: 'api.js',
      code: `import { createServer } from 'http';
const server = createServer();
function onRequest(req, res) {
  const grid = [];
  for (let y = 0; y < 500; y++) {
    const row = [];
    for (let x = 0; x < 500; x++) row.push(x ^ y);
    grid.push(row);
  }
  res.end(JSON.stringify(grid));
}
server.on('request', onRequest);
server.listen(8080);`,
      errors: [{ line: 5, column: 3, message: 'the handler `onRequest`' }],
    },
    {
      name: 'websocket message handler',
      code: `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  ws.on('message', async (data: Buffer) => {
    const words = data.toString().split(' ');
    const pairs: string[] = [];
    for (const a of words) {
      for (const b of words) pairs.push(a + b);
    }
    ws.send(pairs.join(','));
  });
});`,
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 27 }],
    },
    {
      name: 'forEach doing nested work, reported at the forEach',
      strict: true,
      code: `import { readFile } from 'fs/promises';
async function normalise(path: string) {
  const rows: number[][] = JSON.parse(await readFile(path, 'utf8'));
  rows.forEach((row) => {
    for (let i = 0; i < row.length; i++) {
      for (let k = 0; k < row.length; k++) row[i] += row[k] / row.length;
    }
  });
  return rows;
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'two separate heavy loops, two findings',
      strict: true,
      code: `import * as fsp from 'fs/promises';
async function stats(path: string) {
  const xs: number[] = JSON.parse(await fsp.readFile(path, 'utf8'));
  let pairs = 0;
  for (const a of xs) for (const b of xs) if (a < b) pairs++;
  let sum = 0;
  for (let i = 0; i < 5_000_000; i++) sum += xs[i % xs.length];
  return { pairs, sum };
}`,
      errors: [
        { line: 5, column: 3, endLine: 5, endColumn: 22 },
        { line: 7, column: 3, endLine: 7, endColumn: 38 },
      ],
    },
    {
      name: 'browser click listener',
      fileName: 'page.js',
      code: `const button = document.getElementById('go');
button.addEventListener('click', () => {
  const n = 3000;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if ((i * j) % 7 === 0) hits++;
  }
  document.title = String(hits);
});`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 30 }],
    },
  ],
});
