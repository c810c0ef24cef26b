import { runRuleTests } from '../ruleTester';

runRuleTests('worker-oversubscription', {
  valid: [
    {
      name: 'loop bounded by os.cpus().length',
      code: `import cluster from 'node:cluster';
import os from 'node:os';
if (cluster.isPrimary) {
  for (let i = 0; i < os.cpus().length; i++) cluster.fork();
}`,
    },
    {
      name: 'classic numCPUs from require(os).cpus().length (JS)',
      fileName: 'server.js',
      code: `const cluster = require('cluster');
const numCPUs = require('os').cpus().length;
if (cluster.isMaster) {
  for (let i = 0; i < numCPUs; i++) {
    cluster.fork();
  }
}`,
    },
    {
      name: 'pool sized from availableParallelism, minus one for the main thread',
      code: `import { Piscina } from 'piscina';
import { availableParallelism } from 'node:os';
export const pool = new Piscina({ filename: new URL('./hash.js', import.meta.url).href, maxThreads: Math.max(1, availableParallelism() - 1) });`,
    },
    {
      name: 'pools with the library default size',
      code: `import Piscina from 'piscina';
import Tinypool from 'tinypool';
import workerpool from 'workerpool';
const a = new Piscina({ filename: './a.js' });
const b = new Tinypool({ filename: './b.js' });
const c = workerpool.pool('./c.js');`,
    },
    {
      name: 'one worker created once at the top level',
      code: `import { Worker } from 'worker_threads';
const worker = new Worker('./resize.js');
export function resize(img: Buffer) {
  worker.postMessage(img);
}`,
    },
    {
      name: 'each worker is awaited before the next one starts',
      code: `import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
export async function convertAll(files: string[]) {
  for (const file of files) {
    const w = new Worker('./convert.js', { workerData: file });
    await once(w, 'exit');
  }
}`,
    },
    {
      name: 'batches of core-count size, each batch awaited',
      code: `import { Worker } from 'node:worker_threads';
import * as os from 'os';
const cores = os.availableParallelism();
function runTask(file: string) {
  return new Promise((resolve, reject) => {
    const w = new Worker('./task.js', { workerData: file });
    w.once('message', resolve);
    w.once('error', reject);
  });
}
export async function runAll(files: string[]) {
  for (let i = 0; i < files.length; i += cores) {
    const batch = files.slice(i, i + cores);
    await Promise.all(batch.map((f) => runTask(f)));
  }
}`,
    },
    {
      name: 'a written list of distinct services, and a loop of two',
      code: `import { fork } from 'child_process';
for (const script of ['api.js', 'jobs.js', 'mailer.js']) fork(script);
for (let i = 0; i < 2; i++) fork('./replica.js');`,
    },
    {
      name: 'a count we cannot see (constructor argument, environment)',
      code: `import { Worker } from 'worker_threads';
export class WorkerPool {
  private workers: Worker[] = [];
  constructor(private size: number) {
    for (let i = 0; i < this.size; i++) this.workers.push(new Worker('./w.js'));
  }
}
const n = Number(process.env.WORKERS) || 4;
for (let i = 0; i < n; i++) new Worker('./w.js');`,
    },
    {
      name: 'web workers bounded by navigator.hardwareConcurrency (JS)',
      fileName: 'main.js',
      code: `const workers = [];
for (let i = 0; i < navigator.hardwareConcurrency; i++) {
  workers.push(new Worker(new URL('./tile.js', import.meta.url)));
}`,
    },
    {
      name: 'threads.js pool sized from the cores, and one worker per core via cpus().forEach',
      code: `import { spawn, Pool, Worker } from 'threads';
import { cpus } from 'node:os';
import cluster from 'cluster';
export const pool = Pool(() => spawn(new Worker('./workers/hash')), { size: cpus().length });
cpus().forEach(() => cluster.fork());`,
    },
    {
      name: 'a semaphore bounds how many helpers run at once',
      code: `import { fork } from 'node:child_process';
import { Sema } from 'async-sema';
const sema = new Sema(4);
export async function renderAll(pages: string[]) {
  await Promise.all(pages.map(async (page) => {
    await sema.acquire();
    try {
      const child = fork('./render.js', [page]);
      await new Promise((r) => child.on('exit', r));
    } finally {
      sema.release();
    }
  }));
}`,
    },
    {
      name: 'a local class called Worker is not a thread',
      code: `class Worker { constructor(public id: number) {} }
export const crew = [1, 2, 3, 4, 5].map((id) => new Worker(id));
for (let i = 0; i < 10; i++) new Worker(i);`,
    },
    {
      name: 'a worker per request in a handler is left to other rules (documented)',
      code: `import express from 'express';
import { Worker } from 'node:worker_threads';
const app = express();
app.post('/thumb', (req, res) => {
  const w = new Worker('./thumb.js', { workerData: req.body });
  w.once('message', (m) => res.json(m));
});`,
    },
    {
      name: 'replacing the workers of a pool sized elsewhere',
      code: `import { Worker } from 'node:worker_threads';
export class Pool {
  private workers: Worker[] = [];
  restartAll() {
    for (let i = 0; i < this.workers.length; i++) {
      void this.workers[i].terminate();
      this.workers[i] = new Worker('./w.js');
    }
  }
}`,
    },
    {
      name: 'Array.from sized by the cores, with a derived count',
      code: `import { Worker } from 'node:worker_threads';
import os from 'node:os';
const size = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
export const workers = Array.from({ length: size }, (_, i) => new Worker('./w.js', { workerData: i }));`,
    },
  ],
  invalid: [
    {
      name: 'a worker per file in a for-of loop',
      code: `import { Worker } from 'node:worker_threads';
export function hashAll(files: string[]) {
  for (const file of files) {
    const w = new Worker('./hash.js', { workerData: file });
    w.on('message', (digest) => console.log(file, digest));
  }
}`,
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 25, message: 'for every iteration of `for (const file of files)`' }],
    },
    {
      name: 'a worker per item through a helper and Promise.all(map) (JS, require)',
      fileName: 'resize.js',
      code: `const { Worker } = require('worker_threads');
function runInWorker(image) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('./resize-worker.js', { workerData: image });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
async function resizeAll(images) {
  return Promise.all(images.map((img) => runInWorker(img)));
}
module.exports = { resizeAll };`,
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 30, message: 'every item of `images` (through `runInWorker`)' }],
    },
    {
      name: 'cluster.fork in a loop with a literal bound',
      code: `import cluster from 'cluster';
if (cluster.isPrimary) {
  for (let i = 0; i < 8; i++) {
    cluster.fork();
  }
}`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 17, message: 'runs 8 times' }],
    },
    {
      name: 'Piscina with a literal maxThreads',
      code: `import Piscina from 'piscina';
export const pool = new Piscina({
  filename: require.resolve('./worker'),
  maxThreads: 16,
});`,
      errors: [{ line: 2, column: 21, endLine: 2, endColumn: 32, message: 'fixed maxThreads of 16' }],
    },
    {
      name: 'workerpool through a namespace import, literal maxWorkers',
      code: `import * as workerpool from 'workerpool';
const pool = workerpool.pool(__dirname + '/primes.js', { maxWorkers: 32 });`,
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 29, message: 'maxWorkers of 32' }],
    },
    {
      name: 'threads.js Pool with a literal size: the spawn inside is not reported separately',
      code: `import { spawn, Pool, Worker } from 'threads';
const pool = Pool(() => spawn(new Worker('./workers/auth')), 8);`,
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 18, message: 'size of 8' }],
    },
    {
      name: 'poolifier fixed pool, and tinypool named import reporting the largest literal',
      code: `import { FixedThreadPool } from 'poolifier';
import { Tinypool as TP } from 'tinypool';
const fixed = new FixedThreadPool(16, './worker.js');
const tiny = new TP({ filename: './w.mjs', minThreads: 4, maxThreads: 32 });`,
      errors: [
        { line: 3, column: 15, endColumn: 34, message: 'fixed size of 16' },
        { line: 4, column: 14, endColumn: 20, message: 'maxThreads of 32' },
      ],
    },
    {
      name: 'a child process per item through forEach and an aliased import',
      code: `import { execFile as run } from 'child_process';
export function thumbnails(paths: string[]) {
  paths.forEach((p) => {
    run('convert', [p, '-resize', '200x200', p + '.thumb.png'], (err) => {
      if (err) console.error(err);
    });
  });
}`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 8, message: 'starts a child process for every item of `paths`' }],
    },
    {
      name: 'Array.from with a literal length',
      code: `import { Worker } from 'worker_threads';
export const workers = Array.from({ length: 8 }, () => new Worker('./w.js'));`,
      errors: [{ line: 2, column: 56, endColumn: 66, message: '8 worker threads is a fixed guess' }],
    },
    {
      name: 'a const literal bound and an inclusive loop',
      code: `import { Worker } from 'worker_threads';
import cluster from 'cluster';
const WORKERS = 6;
for (let i = 0; i < WORKERS; i++) new Worker('./w.js');
for (let i = 1; i <= 4; i++) cluster.fork();`,
      errors: [
        { line: 4, column: 35, message: 'runs 6 times' },
        { line: 5, column: 30, message: 'runs 4 times' },
      ],
    },
    {
      name: 'draining a queue into processes (namespace node: import)',
      code: `import * as cp from 'node:child_process';
export function drain(queue: string[]) {
  while (queue.length > 0) {
    const job = queue.shift()!;
    cp.spawn('ffmpeg', ['-i', job, job + '.mp4']);
  }
}`,
      errors: [{ line: 5, column: 5, endColumn: 13, message: 'for every iteration of `while (queue.length > 0)`' }],
    },
    {
      name: 'awaiting threads.js spawn only waits for start-up',
      code: `import { spawn, Worker } from 'threads';
export async function startAll(jobs: string[]) {
  const handles = [];
  for (const job of jobs) {
    handles.push(await spawn(new Worker('./job')));
  }
  return handles;
}`,
      errors: [{ line: 5, column: 24, endColumn: 29, message: 'for every iteration' }],
    },
    {
      name: 'require(child_process).fork in a map over a parameter (JS)',
      fileName: 'crawl.js',
      code: `exports.crawl = function (urls) {
  return urls.map((url) => require('child_process').fork('./crawler.js', [url]));
};`,
      errors: [{ line: 2, column: 28, message: 'every item of `urls`' }],
    },
    {
      name: 'a pool built per item is a pool of threads per item',
      code: `import { Piscina } from 'piscina';
export async function processAll(files: string[]) {
  for (const file of files) {
    const pool = new Piscina({ filename: file });
    pool.run({});
  }
}`,
      errors: [{ line: 4, column: 18, endColumn: 29, message: 'starts a worker pool for every iteration' }],
    },
    {
      name: 'a fixed loop inside a helper called once: reported at the spawn, without naming the helper',
      code: `import { Worker } from 'node:worker_threads';
function startWorkers() {
  const all: Worker[] = [];
  for (let i = 0; i < 12; i++) all.push(new Worker('./w.js'));
  return all;
}
export const workers = startWorkers();`,
      errors: [{ line: 4, column: 41, endColumn: 51, message: '`new Worker` runs 12 times here: 12 worker threads' }],
    },
  ],
});
