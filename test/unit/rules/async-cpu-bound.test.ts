import { runRuleTests } from '../ruleTester';

runRuleTests('async-cpu-bound', {
  valid: [
    {
      name: 'async function that also waits on I/O (event-loop-hog territory)',
      code: `import { readFile } from 'node:fs/promises';
async function loadMatrix(path: string) {
  const rows = (await readFile(path, 'utf8')).split('\\n').map((l) => l.split(',').map(Number));
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows.length; j++) rows[i][j] *= 2;
  }
  return rows;
}`,
    },
    {
      name: 'plain sync function with a heavy loop',
      code: `function checksum(data: Uint8Array) {
  let sum = 0;
  for (let i = 0; i < 10_000_000; i++) sum = (sum + data[i % data.length]) | 0;
  return sum;
}`,
    },
    {
      name: 'heavy work handed to a piscina pool',
      code: `import Piscina from 'piscina';
const pool = new Piscina({ filename: new URL('./hash.js', import.meta.url).href });
async function hashAll(chunks: Buffer[]) {
  const out: string[] = [];
  for (const chunk of chunks) out.push(await pool.run(chunk));
  return out;
}`,
    },
    {
      name: 'one flat loop over a collection is not heavy',
      code: `async function summarize(orders: { total: number; tax: number }[]) {
  let total = 0;
  let tax = 0;
  for (const order of orders) {
    total += order.total;
    tax += order.tax;
  }
  return { total, tax };
}`,
    },
    {
      name: 'request handler (event-loop-hog reports it)',
      code: `import express from 'express';
const app = express();
app.get('/primes', async (req, res) => {
  const found: number[] = [];
  for (let n = 2; n < 200000; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) found.push(n);
  }
  res.json(found);
});`,
    },
    {
      name: 'worker file: computing is its job',
      code: `import { parentPort } from 'node:worker_threads';
async function crunch(values: number[]) {
  let acc = 0;
  for (const a of values) for (const b of values) acc += a * b;
  return acc;
}
parentPort!.on('message', async (values) => parentPort!.postMessage(await crunch(values)));`,
    },
    {
      name: 'file named like a worker entry',
      fileName: 'src/hash.worker.ts',
      code: `export default async function digest(values: number[]) {
  let acc = 0;
  for (const a of values) for (const b of values) acc = (acc * 31 + a * b) | 0;
  return acc;
}`,
    },
    {
      name: 'a test callback',
      code: `it('sorts a large array', async () => {
  const xs = Array.from({ length: 1000 }, (_, i) => 1000 - i);
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length - 1; j++) if (xs[j] > xs[j + 1]) [xs[j], xs[j + 1]] = [xs[j + 1], xs[j]];
  expect(xs[0]).toBe(1);
});`,
    },
    {
      name: 'inner loops that walk the current item only flatten the data',
      code: `async function headerPairs(headers: Record<string, string | string[]>) {
  const out: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) {
      for (const sub of value) out.push(Buffer.from(name), Buffer.from(sub));
    }
  }
  const keys = Object.keys(headers).sort();
  for (const key of keys) {
    const values = ([] as string[]).concat(headers[key]);
    for (const v of values.sort()) out.push(Buffer.from(key + v));
  }
  return out;
}`,
    },
    {
      name: 'a small literal inner loop only multiplies by a constant',
      code: `async function toBits(input: string) {
  let out = '';
  for (const ch of input) {
    for (let bit = 0; bit < 8; bit++) out += (ch.charCodeAt(0) >> bit) & 1;
  }
  return out;
}`,
    },
    {
      name: 'async generator',
      code: `async function* pairs(items: number[]) {
  for (const a of items) for (const b of items) yield [a, b];
}`,
    },
    {
      name: 'map callback inside Promise.all (promise-all-cpu reports it)',
      code: `async function scoreAll(docs: string[][]) {
  return Promise.all(docs.map(async (words) => {
    let score = 0;
    for (const a of words) for (const b of words) score += a.length * b.length;
    return score;
  }));
}`,
    },
    {
      name: 'chunked work that yields to the event loop',
      code: `import { setImmediate as yieldNow } from 'timers/promises';
async function sumSquares(n: number) {
  let total = 0;
  for (let start = 0; start < n; start += 10_000) {
    for (let i = start; i < start + 10_000; i++) {
      for (let k = 0; k < 4; k++) total += i * k;
    }
    await yieldNow();
  }
  return total;
}`,
    },
    {
      name: 'sync I/O in a loop is blocking, not computation',
      fileName: 'load.js',
      code: `const fs = require('fs');
async function readAll(files) {
  const out = [];
  for (const f of files) out.push(fs.readFileSync(f, 'utf8'));
  return out;
}`,
    },
    {
      name: 'new Promise wrapper (sync-promise-executor reports it)',
      code: `async function fib(n: number) {
  return new Promise<number>((resolve) => {
    let a = 0, b = 1;
    for (let i = 0; i < 1_000_000; i++) [a, b] = [b, (a + b) % 1000007];
    resolve(a);
  });
}`,
    },
    {
      name: 'awaits a local async function that does I/O',
      code: `async function fetchAll(urls: string[]) {
  const out = [];
  for (const u of urls) out.push(await (await fetch(u)).json());
  return out;
}
async function main() {
  return fetchAll(['https://a', 'https://b']);
}`,
    },
  ],
  invalid: [
    {
      name: 'a module-private async function that only computes: reported by default',
      code: `async function checksum(data: number[]) {
  let sum = 0;
  for (const a of data) for (const b of data) sum = (sum + a * b) % 65521;
  return sum;
}
export const run = (data: number[]) => checksum(data);`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 24, message: '`checksum` is async but only computes' }],
    },
    {
      name: 'nested loops in an async function declaration',
      code: `async function similarity(a: number[], b: number[]) {
  let best = 0;
  for (const x of a) {
    for (const y of b) best = Math.max(best, x * y);
  }
  return best;
}`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 26, message: 'async does not make computation faster' }],
    },
    {
      name: 'async arrow with a big literal loop, reported at its name',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      code: `export const countPrimes = async (limit: number) => {
  let count = 0;
  for (let n = 2; n < 5_000_000; n++) {
    if (isPrime(n)) count++;
  }
  return count;
};
function isPrime(n: number) { return n > 1; }`,
      errors: [{ line: 1, column: 14, endLine: 1, endColumn: 25, message: '`countPrimes`' }],
    },
    {
      name: 'async method',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      code: `class Renderer {
  async rasterize(width: number, height: number) {
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels[y * width + x] = (x ^ y) & 0xff;
    }
    return pixels;
  }
}`,
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 18, message: '`Renderer.rasterize`' }],
    },
    {
      name: 'an async function whose only await is a CPU-bound local async function',
      code: `async function hash(data: number[]) {
  let h = 0;
  for (let i = 0; i < data.length; i++) {
    for (let j = 0; j < 100; j++) h = (h * 31 + data[i] * j) | 0;
  }
  return h;
}
async function main() {
  const digest = await hash([1, 2, 3]);
  console.log(digest);
}`,
      errors: [
        { line: 1, column: 16, endLine: 1, endColumn: 20 },
        { line: 8, column: 16, endLine: 8, endColumn: 20, message: 'through `hash`' },
      ],
    },
    {
      name: 'async wrapper around a heavy sync helper',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      code: `function rank(items: { score: number }[]) {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[j].score > items[i].score) [items[i], items[j]] = [items[j], items[i]];
    }
  }
  return items;
}
export async function topItems(items: { score: number }[]) {
  const ranked = rank(items);
  ranked.length = Math.min(ranked.length, 10);
  return ranked;
}`,
      errors: [{ line: 9, column: 23, message: 'through `rank`' }],
    },
    {
      name: 'JavaScript file, while loops',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      fileName: 'primes.js',
      code: `async function sieve(limit) {
  const marks = new Uint8Array(limit);
  let p = 2;
  while (p * p < limit) {
    let k = p * p;
    while (k < limit) { marks[k] = 1; k += p; }
    p++;
  }
  return marks;
}
module.exports = { sieve };`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 21 }],
    },
    {
      name: 'bound from a top-level constant',
      code: `const ITERATIONS = 2_000_000;
async function estimatePi() {
  let inside = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const x = Math.random();
    const y = Math.random();
    if (x * x + y * y <= 1) inside++;
  }
  return (4 * inside) / ITERATIONS;
}`,
      errors: [{ line: 2, column: 16 }],
    },
    {
      name: 'a heavy helper called in a loop',
      code: `function stretch(password: string) {
  let h = password.length;
  for (let round = 0; round < 100_000; round++) h = (h * 33) ^ round;
  return h;
}
const hashAll = async (passwords: string[]) => {
  const out: number[] = [];
  for (const p of passwords) out.push(stretch(p));
  return out;
};`,
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 14, message: '`hashAll`' }],
    },
    {
      name: 'forEach callback doing nested loops; related points at the work',
      fileName: 'grid.js',
      code: `async function blur(rows) {
  rows.forEach((row, y) => {
    for (let x = 1; x < row.length - 1; x++) {
      for (let k = 0; k < row.length; k++) row[x] += rows[y][k] / row.length;
    }
  });
  return rows;
}`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 20 }],
    },
    {
      name: 'a file named worker-pool.ts is the main side, not a worker',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      fileName: 'src/worker-pool.ts',
      code: `export async function fibAsync(n: number) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < 1000; j++) [a, b] = [b, (a + b) % 1_000_007];
  return a;
}`,
      errors: [{ line: 1, column: 23, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'anonymous default export: reported on its async keyword',
      strict: true, // exported or public: async may be its contract, so only strict reports it
      code: `export default async (points: { x: number; y: number }[]) => {
  let closest = Infinity;
  for (const p of points) for (const q of points) if (p !== q) closest = Math.min(closest, Math.hypot(p.x - q.x, p.y - q.y));
  return closest;
};`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 21, message: 'This function is async but only computes' }],
    },
    {
      name: 'nested lookup in an object method',
      code: `const codec = {
  async encode(input: string, table: string[]) {
    let out = '';
    for (const ch of input) {
      for (const entry of table) if (entry.startsWith(ch)) out += entry.length;
    }
    return out;
  },
};`,
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 15, message: '`encode`' }],
    },
  ],
});
