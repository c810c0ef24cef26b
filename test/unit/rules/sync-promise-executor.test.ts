import { runRuleTests } from '../ruleTester';

runRuleTests('sync-promise-executor', {
  valid: [
    {
      name: 'a rejection with an error class reached through a namespace: a verbose Promise.reject',
      fileName: 'auth.js',
      code: `const Parse = require('parse/node').Parse;
exports.validate = (options) => {
  if (!options.url) {
    return new Promise((_, reject) => {
      reject(new Parse.Error(Parse.Error.INTERNAL_SERVER_ERROR, 'auth configuration missing'));
    });
  }
  return Promise.resolve();
};`,
    },
    {
      name: 'a validation whose throw becomes a rejection, and a default filled in: nothing to offload',
      code: `export function checked(params: { ids?: string[]; version?: string }) {
  return new Promise<void>((resolve) => {
    if (!params.ids || !params.ids.length) {
      throw new TypeError('ids are missing');
    }
    if (!params.version) {
      params.version = '5.1';
    }
    resolve();
  });
}`,
    },
    {
      name: 'a timer: resolve is passed as a value',
      code: `export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));`,
    },
    {
      name: 'a callback API: resolve and reject run later, inside the callback (JS)',
      fileName: 'read.js',
      code: `const fs = require('node:fs');
exports.read = (p) => new Promise((resolve, reject) => {
  fs.readFile(p, 'utf8', (err, data) => (err ? reject(err) : resolve(data)));
});`,
    },
    {
      name: 'events: a stream end and a worker reply',
      code: `import { Worker } from 'node:worker_threads';
import type { Readable } from 'node:stream';
export function ended(stream: Readable) {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}
export function runJob(data: unknown) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('./job.js', { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}`,
    },
    {
      name: 'a deferred: resolve and reject are stored for later',
      code: `export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
export class Gate { private open?: () => void; ready = new Promise<void>((r) => { this.open = r; }); }`,
    },
    {
      name: 'then(resolve, reject) and a microtask',
      code: `export function relay<T>(p: PromiseLike<T>) {
  return new Promise<T>((resolve, reject) => { p.then(resolve, reject); });
}
export function soon(compute: () => number) {
  return new Promise((resolve) => queueMicrotask(() => resolve(compute())));
}`,
    },
    {
      name: 'nothing but settling with a ready value (a verbose Promise.resolve/reject)',
      code: `export const ready = new Promise<void>((r) => r());
export const wrap = <T>(x: T) => new Promise<T>((resolve) => resolve(x));
export const fail = (why: string) => new Promise((_, reject) => reject(new Error(\`failed: \${why}\`)));
export const pick = (ok: boolean, v: { id: number }) => new Promise((resolve, reject) => {
  if (ok) resolve({ ...v, ok });
  else reject(new TypeError('not ok'));
});`,
    },
    {
      name: 'an async executor is a different mistake; Promise.resolve is not a constructor',
      code: `export function later(x: Promise<number>) {
  return new Promise(async (resolve) => { resolve((await x) * 2); });
}
export const direct = (s: string) => Promise.resolve(JSON.parse(s));`,
    },
    {
      name: 'an executor that never settles, and one that starts a request',
      code: `import https from 'node:https';
export const forever = new Promise(() => { console.log('waiting'); });
export function get(url: string) {
  return new Promise((resolve, reject) => {
    const req = https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
  });
}`,
    },
    {
      name: 'resolve called from a synchronous iteration callback is still left alone (conservative)',
      code: `export function firstEven(xs: number[]) {
  return new Promise((resolve) => { xs.forEach((x) => { if (x % 2 === 0) resolve(x); }); });
}`,
    },
    {
      name: 'resolving with the promise of the next step (JS): the wrapper follows it, settling later',
      fileName: 'which.js',
      code: `const isexe = require('isexe');
const find = (dirs, cmd) => {
  const step = (i) => new Promise((resolve, reject) => {
    if (i === dirs.length) return reject(new Error('not found: ' + cmd));
    const candidate = dirs[i] + '/' + cmd;
    resolve(check(candidate, i));
  });
  const check = (p, i) => new Promise((resolve) => {
    isexe(p, (err, ok) => resolve(ok ? p : step(i + 1)));
  });
  return step(0);
};
module.exports = find;`,
    },
    {
      name: 'resolving with the result of an imported function we cannot see into',
      code: `import { loadUser } from './users';
export function user(id: string) {
  return new Promise((resolve) => {
    const key = id.trim();
    resolve(loadUser(key));
  });
}`,
    },
  ],
  invalid: [
    {
      name: 'a validation that calls out to do real work before settling is still synchronous work',
      code: `export function checkedDigest(params: { ids?: string[] }) {
  return new Promise<string>((resolve) => {
    if (!params.ids) {
      throw new TypeError('ids are missing');
    }
    resolve(params.ids.map((id) => id.toUpperCase()).sort().join(','));
  });
}`,
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 21, message: 'in `checkedDigest` is settled by synchronous work' }],
    },
    {
      name: 'hashing wrapped in a promise',
      code: `import { createHash } from 'node:crypto';
export function sha256(data: string): Promise<string> {
  return new Promise((resolve) => {
    const digest = createHash('sha256').update(data).digest('hex');
    resolve(digest);
  });
}`,
      errors: [{ line: 3, column: 10, endLine: 3, endColumn: 21, message: 'in `sha256` is settled by synchronous work' }],
    },
    {
      name: 'JSON.parse with try/catch (arrow const)',
      code: `export const parse = (text: string) => new Promise((resolve, reject) => {
  try {
    resolve(JSON.parse(text));
  } catch (err) {
    reject(err);
  }
});`,
      errors: [{ line: 1, column: 40, endColumn: 51, message: 'in `parse`' }],
    },
    {
      name: 'a blocking read wrapped at the top level (JS)',
      fileName: 'config.js',
      code: `const fs = require('fs');
const config = new Promise((resolve) => resolve(JSON.parse(fs.readFileSync('./config.json', 'utf8'))));
module.exports = config;`,
      errors: [{ line: 2, column: 16, endColumn: 27, message: 'use the non-blocking API instead' }],
    },
    {
      name: 'a CPU loop in a promise wrapper',
      code: `function fib(n: number): number { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
export function fibAsync(n: number) {
  return new Promise<number>((resolve) => {
    let total = 0;
    for (let i = 0; i < 1e7; i++) total += i % 7;
    resolve(fib(n) + total);
  });
}`,
      errors: [{ line: 3, column: 10, endColumn: 21, message: 'give CPU-heavy work to a worker' }],
    },
    {
      name: 'a method that validates and computes synchronously',
      code: `export class PriceService {
  constructor(private rates: Map<string, number>) {}
  convert(amount: number, currency: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const rate = this.rates.get(currency);
      if (rate === undefined) return reject(new Error('unknown currency ' + currency));
      resolve(Math.round(amount * rate * 100) / 100);
    });
  }
}`,
      errors: [{ line: 4, column: 12, endColumn: 23, message: 'in `PriceService.convert`' }],
    },
    {
      name: 'a function expression executor with renamed parameters (JS)',
      fileName: 'sort.js',
      code: `exports.sortAsync = function (rows) {
  return new Promise(function (done, fail) {
    if (!Array.isArray(rows)) fail(new TypeError('rows'));
    done(rows.slice().sort((a, b) => a.score - b.score));
  });
};`,
      errors: [{ line: 2, column: 10, endColumn: 21 }],
    },
    {
      name: 'settling inside a loop is still synchronous',
      code: `export function findUser(users: { id: string }[], id: string) {
  return new Promise((resolve, reject) => {
    for (const user of users) {
      if (user.id === id) { resolve(user); return; }
    }
    reject(new Error('no user ' + id));
  });
}`,
      errors: [{ line: 2, column: 10 }],
    },
    {
      name: 'a promise built in an express handler around a compression call',
      code: `import express from 'express';
import * as zlib from 'node:zlib';
const app = express();
app.get('/report', async (req, res) => {
  const body = await new Promise<Buffer>((resolve) => resolve(zlib.gzipSync(JSON.stringify(req.query))));
  res.send(body);
});`,
      errors: [{ line: 5, column: 22, endColumn: 33, message: 'in this handler' }],
    },
    {
      name: 'two wrappers in one file are two findings',
      code: `export const a = () => new Promise((r) => r(Date.now()));
export const b = () => new Promise<string>((r) => r(String(Math.random())));`,
      errors: [
        { line: 1, column: 24, endColumn: 35 },
        { line: 2, column: 24, endColumn: 35 },
      ],
    },
  ],
});
