// CPU-heavy work done three ways: wrongly with async, wrongly with a worker per
// item, and rightly with a pool sized from the machine's cores.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Piscina from 'piscina';

const pool = new Piscina({ filename: new URL('./hash-worker.js', import.meta.url).href, maxThreads: os.availableParallelism() });
const oversized = new Piscina({ filename: './resize-worker.js', maxThreads: 32 });

function fib(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 1000; j++) [a, b] = [b, (a + b) % 1_000_007];
  }
  return a;
}

// "async makes it faster": it does not; this still runs on the calling thread.
export async function fibAsync(n: number) {
  return fib(n);
}

// Promise.all over CPU work: concurrency without parallelism, one after another.
export async function fibMany(inputs: number[]) {
  return Promise.all(inputs.map((n) => fibAsync(n)));
}

// Wrapping sync work in a promise does not move it anywhere.
export function fibPromise(n: number): Promise<number> {
  return new Promise((resolve) => {
    resolve(fib(n));
  });
}

// A new thread per item: threads are not cores.
export function hashAllNaive(files: string[]) {
  return files.map((file) => new Worker('./hash-worker.js', { workerData: file }));
}

// The parallel quadrant: the same CPU job fanned out over a pool, then joined.
export async function hashAll(chunks: Uint8Array[]) {
  return Promise.all(chunks.map((chunk) => pool.run(chunk)));
}

export async function resizeAll(images: Uint8Array[]) {
  return Promise.all(images.map((image) => oversized.run(image)));
}
