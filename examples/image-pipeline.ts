// An image pipeline that reads files, hands the pixel work to worker threads and
// writes the results: async orchestration plus parallel work.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { execSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

function runInWorker(data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker('./blur-worker.js', { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function grayscale(pixels: Uint8ClampedArray) {
  for (let i = 0; i < pixels.length; i += 4) {
    const y = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
    pixels[i] = y;
    pixels[i + 1] = y;
    pixels[i + 2] = y;
  }
  return pixels;
}

// Concurrent and parallel: waits on disk overlap while workers blur.
export async function processFolder(dir: string) {
  const names = await readdir(dir);
  const cores = availableParallelism();
  const results: Buffer[] = [];
  for (let i = 0; i < names.length; i += cores) {
    const batch = names.slice(i, i + cores);
    const buffers = await Promise.all(batch.map((name) => readFile(`${dir}/${name}`)));
    results.push(...(await Promise.all(buffers.map((buffer) => runInWorker(buffer)))));
  }
  return results;
}

export async function archive(dir: string, out: string) {
  const data = await readFile(`${dir}/index.json`);
  const packed = zlib.gzipSync(data);
  const version = execSync('git rev-parse HEAD').toString().trim();
  await writeFile(out, packed);
  return version;
}

// Plain sequential work: a loop, no waits, no workers.
export function histogram(pixels: Uint8ClampedArray) {
  const bins = new Array<number>(256).fill(0);
  for (const value of pixels) bins[value]++;
  return bins;
}

export async function convertAll(images: Uint8ClampedArray[]) {
  return Promise.all(images.map(async (pixels) => grayscale(pixels)));
}

export function blurEach(frames: Buffer[]) {
  for (const frame of frames) {
    const worker = new Worker('./blur-worker.js', { workerData: frame });
    worker.on('message', (out: Buffer) => frames.push(out));
  }
}
