import { runRuleTests } from '../ruleTester';

const HASH = `function digest(data: number[]) {
  let h = 7;
  for (const x of data) {
    for (let round = 0; round < 64; round++) h = (h * 31 + x + round) | 0;
  }
  return h;
}
`;

runRuleTests('promise-all-cpu', {
  valid: [
    {
      name: 'tasks that only do constant work are not CPU-bound work worth a finding',
      code: `async function label(user: { first: string; last: string }) {
  return user.first + ' ' + user.last;
}
export async function labels(users: { first: string; last: string }[]) {
  return Promise.all(users.map((u) => label(u)));
}`,
    },
    {
      name: 'a short fixed loop per task is constant work',
      code: `async function checksum(bytes: Uint8Array) {
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += bytes[i];
  return sum;
}
export async function headers(blocks: Uint8Array[]) {
  return Promise.all(blocks.map((b) => checksum(b)));
}`,
    },
    {
      name: 'Promise.all over network calls: the waits overlap',
      code: `async function loadAll(urls: string[]) {
  return Promise.all(urls.map((u) => fetch(u).then((r) => r.json())));
}`,
    },
    {
      name: 'CPU tasks sent to a piscina pool run in parallel',
      code: `import Piscina from 'piscina';
const pool = new Piscina({ filename: './digest.js' });
async function digestAll(chunks: number[][]) {
  return Promise.all(chunks.map((c) => pool.run(c)));
}`,
    },
    {
      name: 'a local helper that hands the work to worker_threads',
      code: `import { Worker } from 'node:worker_threads';
function inWorker(data: number[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker('./digest.js', { workerData: data });
    w.once('message', resolve);
    w.once('error', reject);
  });
}
async function all(chunks: number[][]) {
  return Promise.all(chunks.map((c) => inWorker(c)));
}`,
    },
    {
      name: 'one task waits on I/O, so computing meanwhile overlaps it',
      code: `${HASH}
async function refresh(url: string, data: number[]) {
  const [remote, local] = await Promise.all([fetch(url), digest(data)]);
  return { remote, local };
}`,
    },
    {
      name: 'each task reads a file first: the reads overlap',
      code: `import { readFile } from 'fs/promises';
${HASH}
async function digestFiles(paths: string[]) {
  return Promise.all(paths.map(async (p) => digest([...(await readFile(p))])));
}`,
    },
    {
      name: 'light tasks: nothing heavy to parallelise',
      code: `function label(n: number) { return 'item ' + n; }
async function labels(ns: number[]) {
  return Promise.all(ns.map((n) => label(n)));
}`,
    },
    {
      name: 'Promise.race is not a join of all tasks',
      code: `${HASH}
async function first(a: number[], b: number[]) {
  return Promise.race([digest(a), digest(b)]);
}`,
    },
    {
      name: 'a single task',
      code: `${HASH}
async function one(a: number[]) {
  const [h] = await Promise.all([digest(a)]);
  return h;
}`,
    },
    {
      name: 'executor wrappers are sync-promise-executor territory',
      fileName: 'wrap.js',
      code: `function heavy(n) {
  let s = 0;
  for (let i = 0; i < 1e7; i++) s += i % n;
  return s;
}
async function run() {
  return Promise.all([1, 2].map((n) => new Promise((resolve) => resolve(heavy(n)))));
}`,
    },
  ],
  invalid: [
    {
      name: 'a linear pass over each image is still computation: the tasks run back to back',
      code: `function grayscale(pixels: Uint8ClampedArray) {
  for (let i = 0; i < pixels.length; i += 4) {
    const y = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
    pixels[i] = pixels[i + 1] = pixels[i + 2] = y;
  }
  return pixels;
}
export async function convertAll(images: Uint8ClampedArray[]) {
  return Promise.all(images.map(async (pixels) => grayscale(pixels)));
}`,
      errors: [{ line: 9, column: 10, message: '`grayscale`' }],
    },
    {
      name: 'array of CPU-bound calls',
      code: `${HASH}
async function both(a: number[], b: number[]) {
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  return x ^ y;
}`,
      errors: [{ line: 10, column: 24, endLine: 10, endColumn: 59, message: 'concurrency is not parallelism' }],
    },
    {
      name: 'mapped sync helper',
      code: `${HASH}
export async function digestAll(chunks: number[][]) {
  return Promise.all(chunks.map((c) => digest(c)));
}`,
      errors: [{ line: 10, column: 10, endLine: 10, endColumn: 51, message: '`digest`' }],
    },
    {
      name: 'mapped async callback doing the computation itself',
      code: `async function scores(docs: string[][]) {
  const result = await Promise.all(
    docs.map(async (words) => {
      let score = 0;
      for (const a of words) for (const b of words) score += a.length * b.length;
      return score;
    }),
  );
  return result;
}`,
      errors: [{ line: 2, column: 24, endLine: 8, endColumn: 4, message: 'the mapped callback' }],
    },
    {
      name: 'allSettled over CPU-bound async functions',
      code: `async function render(page: number) {
  const pixels = new Uint8Array(1024 * 1024);
  for (let y = 0; y < 1024; y++) {
    for (let x = 0; x < 1024; x++) pixels[y * 1024 + x] = (x * y * page) & 0xff;
  }
  return pixels;
}
async function renderBook() {
  return Promise.allSettled([render(1), render(2), render(3)]);
}`,
      errors: [{ line: 9, column: 10, message: 'Promise.allSettled' }],
    },
    {
      name: 'promises started first, joined later',
      code: `${HASH}
async function pair(a: number[], b: number[]) {
  const first = digest(a);
  const second = digest(b);
  return Promise.all([first, second]);
}`,
      errors: [{ line: 12, column: 10 }],
    },
    {
      name: 'JavaScript with require, mapped array joined later',
      fileName: 'thumbs.js',
      code: `const path = require('node:path');
function resize(image) {
  const out = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) out.push(image.pixels[y * image.width + x] >> 1);
  }
  return { name: path.basename(image.name), out };
}
async function resizeAll(images) {
  const jobs = images.map(async (img) => resize(img));
  return Promise.all(jobs);
}`,
      errors: [{ line: 11, column: 10, endLine: 11, endColumn: 27 }],
    },
    {
      name: 'inside a loop over batches',
      code: `${HASH}
async function batches(groups: number[][][]) {
  const out: number[][] = [];
  for (const group of groups) {
    out.push(await Promise.all(group.map((g) => digest(g))));
  }
  return out;
}`,
      errors: [{ line: 12, column: 20 }],
    },
    {
      name: 'in a plain function that returns the join',
      fileName: 'primes.mjs',
      code: `function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) { prime = false; break; }
    if (prime) count++;
  }
  return count;
}
export function countAll(limits) {
  return Promise.all(limits.map((l) => countPrimes(l)));
}`,
      errors: [{ line: 11, column: 10, message: '`countPrimes`' }],
    },
  ],
});
