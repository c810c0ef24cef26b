import * as assert from 'assert';
import { findingsFor, runRuleTests } from '../ruleTester';

/** A fan-out whose callback catches every error of its own. */
const pushToSubscribers = `import { push } from './client';
export function onSave(subscribers: { id: string }[], event: object) {
  subscribers.forEach(async (sub) => {
    try {
      await push(sub.id, event);
    } catch (err) {
      console.error('push failed', sub.id, err);
    }
  });
}`;

const saveAll = `import { save } from './store';
export async function saveAll() {
  ['a', 'b', 'c'].forEach(async (item) => { await save(item); });
}`;

const importAll = `import { readdir, readFile } from 'node:fs/promises';
import { db } from './db';

export async function importAll(dir: string) {
  const files = await readdir(dir);
  files.forEach(async (file) => {
    const text = await readFile(file, 'utf8');
    await db.insert({ file, text });
  });
  console.log('imported', files.length);
}`;

runRuleTests('async-foreach', {
  valid: [
    {
      name: 'a callback that catches every error of its own: a deliberate fan-out that loses only its timing',
      code: pushToSubscribers,
    },
    {
      name: 'filter on an object that is not known to be an array (a watcher\'s own filter method awaits its callback)',
      code: `export async function watch(watcher: { filter(fn: (path: string) => Promise<boolean>): void }) {
  watcher.filter(async (path) => path.endsWith('.ts'));
}`,
    },
    {
      name: 'for…of with await',
      code: `import { writeFile } from 'fs/promises';
export async function saveAll(pages: Map<string, string>) {
  for (const [name, html] of pages) await writeFile(name, html);
}`,
    },
    {
      name: 'Promise.all over map with an async callback',
      code: `export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}`,
    },
    {
      name: 'forEach with a synchronous callback and a non-async local function',
      code: `function log(line: string) { console.log(line); }
export function print(lines: string[]) {
  lines.forEach((line) => console.log(line.trim()));
  lines.forEach(log);
}`,
    },
    {
      name: 'Node stream helpers await async callbacks',
      code: `import { createReadStream } from 'node:fs';
export async function lines(path: string) {
  const stream = createReadStream(path);
  await stream.forEach(async (chunk) => { await handle(chunk); });
  const kept = await readable.filter(async (chunk) => check(chunk)).toArray();
}`,
    },
    {
      name: 'the async library takes the callback second (JS)',
      fileName: 'jobs.js',
      code: `const async = require('async');
async.forEach(items, async (item) => { await process(item); });
async.filter(items, async (item) => exists(item));`,
    },
    {
      name: 'reduce chaining promises on purpose',
      code: `export function inOrder(tasks: (() => Promise<void>)[]) {
  return tasks.reduce(async (previous, task) => { await previous; await task(); }, Promise.resolve());
}`,
    },
    {
      name: 'an imported function passed by name: we cannot tell it is async',
      code: `import { save } from './store';
export function saveAll(items: string[]) { items.forEach(save); }`,
    },
    {
      name: 'map and filter with ordinary callbacks',
      code: `export async function names(users: { name: string; active: boolean }[]) {
  const started = users.map(async (u) => u.name);
  return users.filter(Boolean).filter((u) => u.active).find((u) => u.name === 'x');
}`,
    },
    {
      name: 'predicates over values already awaited',
      code: `export async function active(ids: string[], isActive: (id: string) => Promise<boolean>) {
  const flags = await Promise.all(ids.map(isActive));
  return ids.filter((_, i) => flags[i]);
}`,
    },
    {
      name: 'a parameter that shares its name with a local async function',
      code: `async function handle(job: string) { await fetch(job); }
export function runAll(jobs: string[], handle: (job: string) => void) {
  jobs.forEach(handle);
}
export const again = () => handle('x');`,
    },
  ],
  invalid: [
    {
      name: 'strict: a callback that catches its errors still runs unwaited, one level lower and without the rejection claim',
      strict: true,
      code: pushToSubscribers,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 28, severity: 'warning', message: 'its errors are caught inside, so only the timing is lost' }],
    },
    {
      name: 'waits that could overlap over a listing from outside: Promise.all, 10 at a time (for…of would be await-in-loop, one per item unbounded-fanout)',
      code: importAll,
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 22, message: '`files.forEach` drops the promise an async callback returns' }],
      output: `import { readdir, readFile } from 'node:fs/promises';
import { db } from './db';

export async function importAll(dir: string) {
  const files = await readdir(dir);
  for (let i = 0; i < files.length; i += 10) {
    await Promise.all(files.slice(i, i + 10).map(async (file) => {
      const text = await readFile(file, 'utf8');
      await db.insert({ file, text });
    }));
  }
  console.log('imported', files.length);
}`,
    },
    {
      name: 'nothing known about the waits: for…of first (keeps today\'s order) ...',
      code: saveAll,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 32 }],
      output: `import { save } from './store';
export async function saveAll() {
  for (const item of ['a', 'b', 'c']) { await save(item); }
}`,
    },
    {
      name: '... and Promise.all(map) second',
      code: saveAll,
      errors: [{ line: 3, column: 3 }],
      fixIndex: 1,
      output: `import { save } from './store';
export async function saveAll() {
  await Promise.all(['a', 'b', 'c'].map(async (item) => { await save(item); }));
}`,
    },
    {
      name: 'waits that must stay in order (one transaction): for…of only',
      code: `export async function moveAll(tx: { query(sql: string, args: unknown[]): Promise<void> }, ids: string[]) {
  ids.forEach(async (id) => { await tx.query('UPDATE t SET moved = true WHERE id = $1', [id]); });
}`,
      errors: [{ line: 2, column: 3 }],
      output: `export async function moveAll(tx: { query(sql: string, args: unknown[]): Promise<void> }, ids: string[]) {
  for (const id of ids) { await tx.query('UPDATE t SET moved = true WHERE id = $1', [id]); }
}`,
    },
    {
      name: 'awaited forEach with an expression body and a typed parameter',
      code: `interface User { email: string }
declare function sendMail(u: User): Promise<void>;
export async function notify(users: User[]) {
  await users.forEach(async (u: User) => sendMail(u));
}`,
      errors: [{ line: 4, column: 9, endLine: 4, endColumn: 28, message: 'the `await` in front waits for nothing' }],
      output: `interface User { email: string }
declare function sendMail(u: User): Promise<void>;
export async function notify(users: User[]) {
  for (const u of users) {
    await sendMail(u);
  }
}`,
    },
    {
      name: 'filter with an async predicate keeps everything',
      code: `import { stat } from 'fs/promises';
export async function bigFiles(paths: string[]) {
  return paths.filter(async (p) => (await stat(p)).size > 1e6);
}`,
      errors: [{ line: 3, column: 10, endColumn: 28, message: 'every item is kept' }],
    },
    {
      name: 'some, every, find and findIndex with async callbacks on an array',
      code: `async function isBanned(user: { id: string }) { return (await db.bans.findOne({ id: user.id })) !== null; }
async function check(users: { id: string }[]) {
  const anyBanned = users.some(isBanned);
  const allBanned = users.every(async (u) => isBanned(u));
  const first = users.find(isBanned);
  const at = users.findIndex(async function (u) { return isBanned(u); });
  return [anyBanned, allBanned, first, at];
}`,
      errors: [
        { line: 3, column: 21, endColumn: 40, message: 'true for any non-empty list' },
        { line: 4, column: 21, endColumn: 38, message: 'always true' },
        { line: 5, column: 17, endColumn: 36, message: 'first item, whatever the check says' },
        { line: 6, column: 14, endColumn: 35, message: 'returns 0' },
      ],
    },
    {
      name: 'a local async function passed by name that fetches, over a caller\'s list: only Promise.all, in chunks',
      code: `async function upload(file: string) { await fetch('/upload', { method: 'POST', body: file }); }
export async function uploadAll(files: string[]) {
  files.forEach(upload);
}`,
      errors: [{ line: 3, column: 3, endColumn: 23, message: 'the async function `upload`' }],
      output: `async function upload(file: string) { await fetch('/upload', { method: 'POST', body: file }); }
export async function uploadAll(files: string[]) {
  for (let i = 0; i < files.length; i += 10) {
    await Promise.all(files.slice(i, i + 10).map(upload));
  }
}`,
    },
    {
      name: 'a callback that returns early: Promise.all only, since return would change meaning in a loop',
      code: `import { unlink } from 'node:fs/promises';
export async function clean(paths: string[]) {
  paths.forEach(async (p, i) => {
    if (p.endsWith('.keep')) return;
    await unlink(p);
  });
}`,
      errors: [{ line: 3, column: 3 }],
      output: `import { unlink } from 'node:fs/promises';
export async function clean(paths: string[]) {
  for (let start = 0; start < paths.length; start += 10) {
    await Promise.all(paths.slice(start, start + 10).map(async (p, i) => {
      if (p.endsWith('.keep')) return;
      await unlink(p);
    }));
  }
}`,
    },
    {
      name: 'a Set: for…of keeps forEach order (tabs kept)',
      code: `import { redis } from './redis';
export async function expireAll(keys: Set<string>) {
\tkeys.forEach(async (key) => await redis.del(key));
}`,
      errors: [{ line: 3, column: 2 }],
      output: `import { redis } from './redis';
export async function expireAll(keys: Set<string>) {
\tfor (const key of keys) {
\t\tawait redis.del(key);
\t}
}`,
    },
    {
      name: 'a Map: flagged, but no fix (for…of would give entries)',
      code: `const sessions = new Map<string, { save(): Promise<void> }>();
export async function flush() {
  sessions.forEach(async (session) => { await session.save(); });
}`,
      errors: [{ line: 3, column: 3, endColumn: 25 }],
    },
    {
      name: 'an express handler that forgets to wait (JS, destructured parameter)',
      fileName: 'routes.js',
      code: `const express = require('express');
const app = express();
app.post('/orders', async (req, res) => {
  const items = Array.from(req.body.items);
  items.forEach(async ({ sku, qty }) => {
    await db.query('UPDATE stock SET qty = qty - $1 WHERE sku = $2', [qty, sku]);
  });
  res.sendStatus(204);
});`,
      errors: [{ line: 5, column: 3, endColumn: 22 }],
      output: `const express = require('express');
const app = express();
app.post('/orders', async (req, res) => {
  const items = Array.from(req.body.items);
  for (const { sku, qty } of items) {
    await db.query('UPDATE stock SET qty = qty - $1 WHERE sku = $2', [qty, sku]);
  }
  res.sendStatus(204);
});`,
    },
    {
      name: 'a multi-line receiver chain: the span starts at the chain; the callback parameter name also appears in the chain, so only Promise.all',
      code: `export async function run(jobs: { ready: boolean; run(): Promise<void> }[]) {
  jobs
    .filter((j) => j.ready)
    .forEach(async (j) => { await j.run(); });
}`,
      errors: [{ line: 2, column: 3, endLine: 4, endColumn: 19 }],
      output: `export async function run(jobs: { ready: boolean; run(): Promise<void> }[]) {
  await Promise.all(jobs
    .filter((j) => j.ready)
    .map(async (j) => { await j.run(); }));
}`,
    },
  ],
});

describe('rule async-foreach: when no fix is offered', () => {
  const fixesOf = (code: string, fileName?: string) => findingsFor('async-foreach', code, fileName).map((f) => f.fixes.map((x) => x.title));

  it('the enclosing function is not async (await would be illegal)', () => {
    assert.deepStrictEqual(fixesOf(`export function saveAll(items: string[]) {
  items.forEach(async (item) => { await fetch(item); });
}`), [[]]);
  });

  it('the receiver is not known to be an array or a set', () => {
    assert.deepStrictEqual(fixesOf(`export async function saveAll(order) {
  order.items.forEach(async (item) => { await fetch(item); });
}`, 'x.js'), [[]]);
  });

  it('the forEach value is used, or the call is optional', () => {
    assert.deepStrictEqual(fixesOf(`export async function saveAll(items?: string[]) {
  const r = [1, 2].forEach(async (n) => { await fetch(String(n)); });
  items?.forEach(async (item) => { await fetch(item); });
  return r;
}`), [[], []]);
  });

  it('a function expression that reads this, or a loop variable the receiver uses: Promise.all only', () => {
    assert.deepStrictEqual(fixesOf(`export async function saveAll(this: { prefix: string }, ids: string[]) {
  ids.forEach(async function (id) { await fetch(this.prefix + id); });
  [ids].forEach(async (ids) => { await fetch(ids.join()); });
}`), [['Rewrite with Promise.all, 10 items at a time (overlaps the waits, bounded)'], ['Rewrite with Promise.all(map) (overlaps the waits)']]);
  });

  it('a comment outside the callback body: Promise.all only (for…of would drop it)', () => {
    assert.deepStrictEqual(fixesOf(`export async function saveAll() {
  ['a', 'b'].forEach(/* each */ async (item) => { await fetch(item); });
}`), [['Rewrite with Promise.all(map) (overlaps the waits)']]);
  });

  it('a caller\'s list with a comment outside the callback: none (the chunked rewrite would drop it, a plain one would be unbounded)', () => {
    assert.deepStrictEqual(fixesOf(`export async function saveAll(items: string[]) {
  items.forEach(/* each */ async (item) => { await fetch(item); });
}`), [[]]);
  });
});
