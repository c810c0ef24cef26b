import { runRuleTests } from '../ruleTester';

/** Reports its end by events: the error event in its catch, `finish` at the end. */
const reportsByEvents = `import { EventEmitter } from 'events';
export class Runner extends EventEmitter {
  constructor(private readonly files: string[]) {
    super();
    process.nextTick(() => {
      this.start();
    });
  }
  async start() {
    const ready = await Promise.all(this.files.map((f) => fetch(f)));
    try {
      await Promise.all(ready.map((r) => r.text()));
      this.emit('finish');
    } catch (error) {
      this.emit('error', error);
    }
  }
}`;

/** A `for await` loop over lines: a listener in promise form. */
const streamListener = `import * as readline from 'readline';
const eachLine = async (lines: readline.Interface, onLine: (line: string) => Promise<void>) => {
  for await (const line of lines) {
    await onLine(line);
  }
};
export function watch(input: NodeJS.ReadableStream) {
  eachLine(readline.createInterface({ input }), async (line) => {
    if (line === 'r') await fetch('/rerun');
  });
}`;

runRuleTests('floating-promise', {
  valid: [
    {
      name: 'a callee whose only waits are on helpers that cannot reject (Promise.all of a map over them, a .catch that does not rethrow)',
      code: `export class Processor {
  private names: string[] = [];
  constructor(every: number) {
    setInterval(() => this.process(), every);
    this.process();
  }
  async process(): Promise<void> {
    await Promise.all(this.names.map(async (name) => {
      await this.fill(name);
    }));
    await fetch('/tick').catch((err) => console.warn('tick failed', err));
  }
  private async fill(name: string): Promise<void> {
    try {
      await fetch('/jobs/' + name);
    } catch (err) {
      console.error(err);
    }
  }
}`,
    },
    {
      name: 'a callee that ends by announcing on an event (and whose catch announces too) reports to its listeners',
      code: reportsByEvents,
    },
    {
      name: 'a for await loop over a stream is a listener in promise form: it settles when the stream ends',
      code: streamListener,
    },
    {
      name: 'a catch that logs and throws again guards only plain calls: every wait inside is caught further in',
      code: `import { spawn } from 'child_process';
import { unlink } from 'fs/promises';
async function launch(files: string[]) {
  try {
    const child = spawn('node', ['server.js'], { detached: true });
    try {
      await Promise.all(files.map((f) => unlink(f)));
    } catch (err) {
      console.log(err);
    }
    child.unref();
  } catch (err) {
    console.error(err);
    throw err;
  }
}
export function onClose(files: string[]) {
  launch(files);
}`,
    },
    {
      name: 'an async function with no await has finished, and settled its promise, before the next line: nothing floats',
      code: `let current = '';
async function navigate(to: string) {
  current = to;
}
export function open(path: string) {
  navigate(path);
  return current;
}`,
    },
    {
      name: 'the callback form of a promisified API: the last argument is handed the outcome, errors included',
      code: `async function processAll(items: string[], work: (batch: string[]) => Promise<void>, done?: (err?: Error) => void): Promise<void> {
  for (const item of items) await work([item]);
  done?.();
}
export function start(items: string[], callback: (err?: Error) => void) {
  processAll(items, async (batch) => { await fetch(batch[0]); }, (err) => callback(err));
  processAll(items, async (batch) => { await fetch(batch[0]); }, callback);
}`,
    },
    {
      name: 'a script\'s top-level main(): an unhandled rejection ends the program with its error, which is what a script wants',
      code: `import { readFile } from 'node:fs/promises';
async function main() {
  console.log(await readFile('package.json', 'utf8'));
}
main();`,
    },
    {
      name: 'an async IIFE at the top level',
      code: `(async () => {
  const res = await fetch('/config');
  console.log(await res.json());
})();`,
    },
    {
      name: 'a callee that catches around every step cannot reject',
      code: `async function sync(url: string) {
  if (!url) return;
  try {
    await fetch(url);
  } catch (err) {
    console.error(err);
  }
  try {
    await fetch(url + '/done');
  } catch {
    // ignored: best effort
  }
}
export function kick(url: string) {
  sync(url);
}`,
    },
    {
      name: 'awaited, returned, assigned',
      code: `import { writeFile } from 'fs/promises';
async function save(x: string) { await writeFile('out.txt', x); }
export async function run() {
  await save('a');
  const pending = save('b');
  await pending;
  return save('c');
}`,
    },
    {
      name: 'void marks fire-and-forget on purpose',
      code: `async function main() { await fetch('/start'); }
void main();`,
    },
    {
      name: 'a .catch on the result handles the error',
      code: `async function main() { await fetch('/start'); }
main().catch((err) => { console.error(err); process.exitCode = 1; });`,
    },
    {
      name: '.then chains are member calls on the result',
      code: `import { readFile } from 'node:fs/promises';
export function log(path: string) {
  readFile(path, 'utf8').then((text) => console.log(text), console.error);
}`,
    },
    {
      name: 'callback-style fs is not a promise',
      code: `const fs = require('fs');
function touch(path) {
  fs.writeFile(path, '', (err) => { if (err) console.error(err); });
}`,
      fileName: 'touch.js',
    },
    {
      name: 'handler registrations and sync calls',
      code: `import express from 'express';
const app = express();
function audit(msg: string) { console.log(msg); }
app.get('/', async (req, res) => {
  audit('hit');
  res.send('ok');
});
process.on('SIGTERM', async () => { await fetch('/bye'); });`,
    },
    {
      name: 'an async function that catches its own errors',
      code: `async function report(event: object) {
  try {
    await fetch('/telemetry', { method: 'POST', body: JSON.stringify(event) });
  } catch (err) {
    console.warn('telemetry failed', err);
  }
}
export function track(event: object) {
  report(event);
}`,
    },
    {
      name: 'an async IIFE whose waits all sit in a try/catch that does not rethrow',
      code: `export function run(runner: { start(): Promise<void> }) {
  (async () => {
    const timer = setInterval(() => console.log('.'), 1000);
    try {
      await runner.start();
    } catch (err) {
      console.error(err);
    } finally {
      clearInterval(timer);
    }
  })();
  return runner;
}`,
    },
    {
      name: 'an async generator call returns an iterator, not a promise',
      code: `async function* lines() { yield await fetch('/a'); }
export function start() {
  lines();
}`,
    },
    {
      name: 'a non-async local with the same name in another scope',
      code: `export async function outer() {
  async function step() { await fetch('/x'); }
  await step();
}
export function other() {
  function step() { return 1; }
  step();
}`,
    },
    {
      name: 'this.dispose() of one class expression is not the async dispose of another',
      code: `export const Session = class {
  async dispose() { await fetch('/session', { method: 'DELETE' }); }
};
export const Handle = class {
  dispose() { console.log('disposed'); }
  close() {
    this.dispose();
  }
};`,
    },
    {
      name: 'an unknown function is not assumed to return a promise',
      code: `import { emit } from './bus';
export function ping() {
  emit('ping');
}`,
    },
  ],
  invalid: [
    {
      name: 'a callee awaiting Promise.all over a helper that can reject still rejects',
      code: `export class Processor {
  private names: string[] = [];
  constructor() {
    this.process();
  }
  async process(): Promise<void> {
    await Promise.all(this.names.map(async (name) => {
      await this.fill(name);
    }));
  }
  private async fill(name: string): Promise<void> {
    await fetch('/jobs/' + name);
  }
}`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 19, message: 'process' }],
    },
    {
      name: 'strict: a callee that reports by events still loses a failure before its announcement (one level lower)',
      strict: true,
      code: reportsByEvents,
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 19, severity: 'info', message: 'hands its outcome to listeners' }],
    },
    {
      name: 'strict: a stream listener in promise form, dropped',
      strict: true,
      code: streamListener,
      errors: [{ line: 8, column: 3, endLine: 10, endColumn: 5, severity: 'info', message: 'eachLine' }],
    },
    {
      name: 'a catch that logs and throws again around a wait of its own: the rejection still escapes',
      code: `import { unlink } from 'fs/promises';
async function cleanUp(files: string[]) {
  try {
    await Promise.all(files.map((f) => unlink(f)));
  } catch (err) {
    console.error(err);
    throw err;
  }
}
export function onClose(files: string[]) {
  cleanUp(files);
}`,
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 17, message: 'cleanUp' }],
    },
    {
      name: 'a local async function that awaits something it was given keeps going after the call',
      code: `async function settle(pending: Promise<void>) {
  await pending;
  console.log('settled');
}
export function track(pending: Promise<void>) {
  settle(pending);
}`,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 18 }],
    },
    {
      name: 'a floating write inside an async function (fix: await it)',
      code: `import { writeFile } from 'fs/promises';
export async function finish(path: string, data: string) {
  writeFile(path, data);
  console.log('written');
}`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 24, message: 'fs/promises.writeFile' }],
      output: `import { writeFile } from 'fs/promises';
export async function finish(path: string, data: string) {
  await writeFile(path, data);
  console.log('written');
}`,
    },
    {
      name: 'this.save() in a class method',
      code: `import * as fsp from 'node:fs/promises';
export class Repo {
  async save(x: string) { await fsp.appendFile('db.log', x); }
  update(x: string) {
    this.save(x);
    return true;
  }
}`,
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 17, message: 'save' }],
    },
    {
      name: 'fetch in an express handler, JS with require',
      code: `const express = require('express');
const app = express();
app.post('/signup', async (req, res) => {
  fetch('https://hooks.example.com/signup', { method: 'POST' });
  res.sendStatus(201);
});`,
      fileName: 'app.js',
      errors: [{ line: 4, column: 3 }],
      output: `const express = require('express');
const app = express();
app.post('/signup', async (req, res) => {
  await fetch('https://hooks.example.com/signup', { method: 'POST' });
  res.sendStatus(201);
});`,
    },
    {
      name: 'require(...).promises destructured',
      code: `const { unlink } = require('fs').promises;
function cleanup(files) {
  for (const f of files) unlink(f);
}`,
      fileName: 'cleanup.js',
      errors: [{ line: 3, column: 26 }],
    },
    {
      name: 'a sleep whose promise is dropped does not delay anything',
      code: `import { setTimeout as wait } from 'node:timers/promises';
export async function slowDown() {
  wait(500);
  return 'done';
}`,
      errors: [{ line: 3, column: 3, message: 'timer' }],
    },
    {
      name: 'axios default import',
      code: `import axios from 'axios';
export function ping(url: string) {
  axios.get(url);
}`,
      errors: [{ line: 3, column: 3 }],
    },
    {
      name: 'a Promise.all that nobody awaits',
      code: `import { mkdir } from 'fs/promises';
export async function prepare(dirs: string[]) {
  Promise.all(dirs.map((d) => mkdir(d, { recursive: true })));
}`,
      errors: [{ line: 3, column: 3 }],
    },
    {
      name: 'inside a sync forEach callback (no fix: the callback is not async)',
      code: `async function notify(id: string) { await fetch('/notify/' + id); }
export function notifyAll(ids: string[]) {
  ids.forEach((id) => {
    notify(id);
  });
}`,
      errors: [{ line: 4, column: 5 }],
    },
  ],
});
