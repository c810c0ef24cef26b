import { runRuleTests } from '../ruleTester';

runRuleTests('blocking-call', {
  valid: [
    {
      name: 'module top level: reading config at startup',
      code: `import { readFileSync } from 'node:fs';
const config = JSON.parse(readFileSync('./config.json', 'utf8'));
export async function port() { return config.port; }`,
    },
    {
      name: 'plain sync function called from async startup code',
      code: `import fs from 'fs';
function loadConfig() {
  return JSON.parse(fs.readFileSync('./config.json', 'utf8'));
}
async function main() {
  const cfg = loadConfig();
  const res = await fetch(cfg.url);
  console.log(res.status);
}`,
    },
    {
      name: 'the promise API is what we want',
      code: `import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { exec } from 'node:child_process';
const run = promisify(exec);
export async function build(path: string) {
  const src = await readFile(path, 'utf8');
  await run('tsc -p .');
  return src.length;
}`,
    },
    {
      name: 'worker file: blocking its own thread is fine',
      code: `import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
parentPort!.on('message', async (path: string) => {
  parentPort!.postMessage(readFileSync(path).length);
});`,
    },
    {
      name: 'process exit handler must be synchronous',
      fileName: 'shutdown.js',
      code: `const fs = require('fs');
process.on('exit', () => {
  fs.writeFileSync('last-run.json', JSON.stringify({ at: Date.now() }));
});`,
    },
    {
      name: 'a local function that happens to be called readFileSync',
      code: `const files = new Map<string, string>();
function readFileSync(path: string) { return files.get(path) ?? ''; }
export async function content(path: string) {
  return readFileSync(path).trim();
}`,
    },
    {
      name: 'a method of some other object with a Sync name',
      code: `export async function restore(store: { loadSync(k: string): string }) {
  const cache = { readFileSync: (p: string) => p };
  return cache.readFileSync(store.loadSync('k'));
}`,
    },
    {
      name: 'CLI script: execSync at top level and in sync functions',
      fileName: 'release.js',
      code: `const { execSync } = require('node:child_process');
function version() { return execSync('git describe --tags').toString().trim(); }
console.log(version());
execSync('npm publish', { stdio: 'inherit' });`,
    },
    {
      name: 'callback APIs in a handler do not block',
      fileName: 'static.js',
      code: `import http from 'http';
import fs from 'fs';
import zlib from 'zlib';
http.createServer((req, res) => {
  fs.readFile('./index.html', (err, html) => {
    zlib.gzip(html, (e, body) => res.end(body));
  });
}).listen(8080);`,
    },
    {
      name: 'small random fills are not worth a finding',
      code: `import { randomFillSync } from 'crypto';
export async function nonce() {
  return randomFillSync(new Uint8Array(16));
}`,
    },
    {
      name: 'async main of a script, only called from the top level',
      fileName: 'migrate.mjs',
      code: `import { readFileSync } from 'node:fs';
async function main() {
  const sql = readFileSync('./schema.sql', 'utf8');
  await db.exec(sql);
}
main().catch((err) => { console.error(err); process.exit(1); });`,
    },
    {
      name: 'top-level async IIFE',
      fileName: 'seed.cjs',
      code: `const fs = require('fs');
(async () => {
  const rows = JSON.parse(fs.readFileSync('./seed.json', 'utf8'));
  for (const row of rows) await db.insert(row);
  rows.forEach((row) => fs.appendFileSync('./seeded.log', row.id + '\\n'));
})();`,
    },
    {
      name: 'test callbacks',
      code: `import * as fs from 'node:fs';
import * as os from 'node:os';
describe('export', () => {
  it('writes the report', async () => {
    const dir = fs.mkdtempSync(os.tmpdir() + '/x-');
    await exportReport(dir);
    expect(fs.existsSync(dir + '/report.json')).toBe(true);
  });
});`,
    },
    {
      name: 'a sync helper only called from start-up code',
      code: `import { readFileSync } from 'node:fs';
function loadTemplates() {
  return readFileSync('./templates.json', 'utf8');
}
const templates = JSON.parse(loadTemplates());
export function template(name: string) { return templates[name]; }`,
    },
    {
      name: 'an exported sync helper of unknown context says nothing either way',
      code: `import { readFileSync } from 'node:fs';
export function readJson(path: string) {
  return JSON.parse(readFileSync(path, 'utf8'));
}`,
    },
    {
      name: 'a timer callback at the top level of a script',
      fileName: 'tick.js',
      code: `const fs = require('fs');
setTimeout(() => fs.writeFileSync('done.txt', 'ok'), 1000);`,
    },
  ],
  invalid: [
    {
      name: 'a sync helper called from a request handler freezes the handler\'s thread: reported where it blocks',
      code: `import crypto from 'node:crypto';
import http from 'node:http';
function checkPassword(password: string, salt: string) {
  return crypto.pbkdf2Sync(password, salt, 100000, 64, 'sha512');
}
http.createServer((req, res) => {
  res.end(checkPassword(String(req.headers.pw), 'salt'));
}).listen(8080);`,
      errors: [{ line: 4, column: 10, severity: 'error', message: '`crypto.pbkdf2Sync` in `checkPassword` (called by' }],
    },
    {
      name: 'two helpers deep from a route handler',
      code: `import { readFileSync } from 'node:fs';
function readTemplate(name: string) {
  return readFileSync('./views/' + name, 'utf8');
}
function render(name: string, data: object) {
  return readTemplate(name).replace('{{data}}', JSON.stringify(data));
}
app.get('/page', (req, res) => res.send(render('page.html', req.query)));`,
      errors: [{ line: 3, column: 10, severity: 'error', message: 'called by `render`' }],
    },
    {
      name: 'an exported async function of unknown context: reported one level lower',
      code: `import { readFileSync } from 'fs';
export async function loadUser(id: string) {
  return JSON.parse(readFileSync(\`./users/\${id}.json\`, 'utf8'));
}`,
      errors: [{ line: 3, column: 21, severity: 'warning' }],
    },
    {
      name: 'named import in an async function',
      code: `import { readFileSync } from 'fs';
export async function loadUser(id: string) {
  const raw = readFileSync(\`./users/\${id}.json\`, 'utf8');
  return JSON.parse(raw);
}`,
      errors: [{ line: 3, column: 15, endLine: 3, endColumn: 57, message: 'fs.promises.readFile' }],
    },
    {
      name: 'default import with node: prefix in an express handler',
      code: `import express from 'express';
import fs from 'node:fs';
const app = express();
app.post('/log', (req, res) => {
  fs.appendFileSync('./access.log', req.body.line + '\\n');
  res.sendStatus(204);
});`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 58, message: '`fs.appendFileSync` in this handler' }],
    },
    {
      name: 'namespace import of child_process',
      code: `import * as cp from 'child_process';
export async function gitHead() {
  const head = cp.execSync('git rev-parse HEAD').toString();
  const res = await fetch('https://ci.example/builds/' + head);
  return res.json();
}`,
      errors: [{ line: 3, column: 16, endLine: 3, endColumn: 49, message: 'util.promisify' }],
    },
    {
      name: 'require in a CommonJS handler',
      fileName: 'server.js',
      code: `const http = require('http');
const fs = require('fs');
http.createServer((req, res) => {
  const page = fs.readFileSync(__dirname + '/index.html');
  res.end(page);
}).listen(3000);`,
      errors: [{ line: 4, column: 16, endLine: 4, endColumn: 58 }],
    },
    {
      name: 'destructured require with node: prefix',
      fileName: 'thumbs.js',
      code: `const { execFileSync } = require('node:child_process');
async function thumbnail(src, dest) {
  execFileSync('convert', [src, '-resize', '128x128', dest]);
  return dest;
}
module.exports = { thumbnail };`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 61, message: '`child_process.execFile`' }],
    },
    {
      name: 'aliased named import of sync crypto',
      code: `import { pbkdf2Sync as derive } from 'node:crypto';
export const login = async (user: { salt: string; hash: string }, password: string) => {
  const key = derive(password, user.salt, 310000, 32, 'sha256');
  return key.toString('hex') === user.hash;
};`,
      errors: [{ line: 3, column: 15, message: '`crypto.pbkdf2`' }],
    },
    {
      name: 'sync zlib in a fastify-style route',
      code: `import zlib from 'zlib';
fastify.get('/export', async (request, reply) => {
  const body = zlib.gzipSync(JSON.stringify(await loadAll()));
  reply.header('content-encoding', 'gzip').send(body);
});`,
      errors: [{ line: 3, column: 16, message: '`zlib.gzip`' }],
    },
    {
      name: 'Atomics.wait on the main thread',
      code: `const shared = new Int32Array(new SharedArrayBuffer(4));
export async function waitForFlag() {
  Atomics.wait(shared, 0, 0, 1000);
  return Atomics.load(shared, 0);
}`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 35, message: 'Atomics.waitAsync' }],
    },
    {
      name: 'busy-wait loop in async code',
      fileName: 'retry.js',
      code: `async function retry(fn, ms) {
  try {
    return await fn();
  } catch {
    const end = Date.now() + ms;
    while (Date.now() < end) {}
    return fn();
  }
}`,
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 32, message: 'timers/promises' }],
    },
    {
      name: 'inline require in a callback nested in async code',
      fileName: 'scan.cjs',
      code: `async function existing(paths) {
  const found = paths.filter((p) => require('fs').existsSync(p));
  return found;
}`,
      errors: [{ line: 2, column: 37, endLine: 2, endColumn: 64, message: 'fs.promises.access' }],
    },
    {
      name: 'sync bcrypt in a login handler',
      code: `import bcrypt from 'bcrypt';
import { Router } from 'express';
const router = Router();
router.post('/login', async (req, res) => {
  const user = await users.findOne({ email: req.body.email });
  const ok = bcrypt.compareSync(req.body.password, user.hash);
  res.json({ ok });
});`,
      errors: [{ line: 6, column: 14, message: 'bcrypt.compare' }],
    },
    {
      name: 'called at startup and from a handler: not startup-only',
      code: `import { readFileSync } from 'fs';
import express from 'express';
const app = express();
async function template(name: string) {
  return readFileSync('./views/' + name + '.html', 'utf8');
}
template('home').then((html) => console.log(html.length));
app.get('/:page', async (req, res) => { res.send(await template(req.params.page)); });`,
      errors: [{ line: 5, column: 10, message: 'in async `template`' }],
    },
    {
      name: 'several blocking calls in one async method',
      code: `import { statSync, readdirSync } from 'fs';
class Indexer {
  async scan(dir: string) {
    const names = readdirSync(dir);
    return names.map((n) => statSync(dir + '/' + n).size);
  }
}`,
      errors: [
        { line: 4, column: 19, message: 'fs.promises.readdir' },
        { line: 5, column: 29, message: 'fs.promises.stat' },
      ],
    },
  ],
});
