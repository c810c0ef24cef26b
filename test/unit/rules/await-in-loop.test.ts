import { runRuleTests } from '../ruleTester';

runRuleTests('await-in-loop', {
  valid: [
    {
      name: 'every iteration hands the same cache to its call, which checks and fills it across awaits',
      code: `import { readFile } from 'node:fs/promises';
async function loadScript(file: string, cache: Map<string, string>) {
  const known = cache.get(file);
  if (known !== undefined) return known;
  const text = await readFile(file, 'utf8');
  cache.set(file, text);
  return text;
}
export async function loadAll(files: string[], cache = new Map<string, string>()) {
  const scripts: string[] = [];
  for (const file of files) {
    scripts.push(await loadScript(file, cache));
  }
  return scripts;
}`,
    },
    {
      name: 'the body also awaits calls nothing vouches for (a generator run, a read-modify-write of a shared file): running the iterations together is not shown safe',
      code: `import { mkdir } from 'node:fs/promises';
import { createPackage, addToWorkspace } from 'some-unknown-tool';
export async function initAll(paths: string[]) {
  for (const path of paths) {
    await mkdir(path, { recursive: true });
    await createPackage(path);
    await addToWorkspace(path);
  }
}`,
    },
    {
      name: "a class that keeps one EntityManager calls its own methods in a loop: they share that unit of work, in order",
      code: `import { readFile } from 'node:fs/promises';
export class Loader {
  readonly #em: { flush(): Promise<void> };
  constructor(em: { flush(): Promise<void> }) { this.#em = em; }
  async populateAll(fields: string[]) {
    for (const field of fields) await this.populateField(field);
  }
  private async populateField(field: string) { await readFile(field); await this.#em.flush(); }
}`,
    },
    {
      name: 'a Runner class (one connection) running its queries one by one',
      code: `import { readFile } from 'node:fs/promises';
export class Runner {
  async queryArray(queries: string[]) {
    const results = [];
    for (const query of queries) results.push(await this.run(query));
    return results;
  }
  private async run(query: string) { return readFile(query, 'utf8'); }
}`,
    },
    {
      name: 'an unknown object\'s method: nothing says it waits, so nothing is suggested',
      code: `export async function sendAll(emails: string[], mailer: any) {
  for (const email of emails) await mailer.sendMail({ to: email });
}`,
    },
    {
      name: 'one pg client is one connection: its queries run one at a time anyway',
      code: `import { Client } from 'pg';
export async function markSeen(client: Client, orders: { id: number }[]) {
  for (const order of orders) {
    await client.query('UPDATE orders SET seen = true WHERE id = $1', [order.id]);
  }
}`,
    },
    {
      name: 'every call gets the same transaction: ordered',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function saveAll(rows: { id: number }[], transaction: unknown) {
  for (const row of rows) await save(row, { transaction });
}
async function save(row: { id: number }, options: object) { await pool.query('INSERT INTO t VALUES ($1)', [row.id]); }`,
    },
    {
      name: 'loading modules one after another',
      code: `export async function loadPlugins(paths: string[]) {
  const plugins = [];
  for (const p of paths) plugins.push(await import(p));
  return plugins;
}`,
    },
    {
      name: 'polling: a sleep awaited in the loop',
      code: `import { setTimeout as sleep } from 'node:timers/promises';
export async function waitForJob(job: { status(): Promise<string> }) {
  for (let i = 0; i < 10; i++) {
    const status = await job.status();
    if (status === 'done') return status;
    await sleep(1000);
  }
}`,
    },
    {
      name: 'retry with back-off in a counted loop',
      code: `const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function getWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url);
    } catch {
      await delay(2 ** attempt * 100);
    }
  }
  throw new Error('gave up');
}`,
    },
    {
      name: 'while loops are left alone (queues, polling)',
      code: `export async function drain(queue: string[]) {
  while (queue.length > 0) {
    await fetch(queue.shift()!);
  }
}`,
    },
    {
      name: 'cursor pagination: the next request needs the previous cursor',
      code: `export async function listAll(api: { list(cursor?: string): Promise<{ items: string[]; next?: string }> }, pages: number[]) {
  let cursor: string | undefined;
  const all: string[] = [];
  for (const _page of pages) {
    const page = await api.list(cursor);
    all.push(...page.items);
    cursor = page.next;
  }
  return all;
}`,
    },
    {
      name: 'accumulator: acc = await step(acc)',
      code: `export async function pipeline(steps: Array<(x: Buffer) => Promise<Buffer>>, input: Buffer) {
  let acc = input;
  for (const transform of steps) acc = await transform(acc);
  return acc;
}`,
    },
    {
      name: 'accumulator: total += await f(x)',
      code: `import { stat } from 'fs/promises';
export async function totalSize(files: string[]) {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}`,
    },
    {
      name: 'stops at the first success',
      code: `export async function firstReachable(mirrors: string[]) {
  for (const url of mirrors) {
    const res = await fetch(url);
    if (res.ok) return res;
  }
  return null;
}`,
    },
    {
      name: 'breaks on an awaited result',
      code: `export async function findFree(db: any, names: string[]) {
  let free = null;
  for (const name of names) {
    const taken = await db.users.findOne({ name });
    if (!taken) { free = name; break; }
  }
  return free;
}`,
    },
    {
      name: 'throws on an awaited result',
      code: `export async function checkAll(urls: string[]) {
  for (const url of urls) {
    const res = await fetch(url, { method: 'HEAD' });
    if (!res.ok) throw new Error(url + ' is down');
  }
}`,
    },
    {
      name: 'for await over a stream',
      code: `import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
export async function importLines(path: string, db: any) {
  const lines = createInterface({ input: createReadStream(path) });
  for await (const line of lines) {
    await db.insert({ line });
  }
}`,
    },
    {
      name: 'the await belongs to a nested function',
      code: `export function schedule(ids: string[]) {
  for (const id of ids) {
    setImmediate(async () => {
      await fetch('/jobs/' + id);
    });
  }
}`,
    },
    {
      name: 'a mutex makes each iteration wait on purpose',
      code: `import { Mutex } from 'async-mutex';
const mutex = new Mutex();
export async function bump(counters: Map<string, number>, keys: string[]) {
  for (const key of keys) {
    const release = await mutex.acquire();
    try { counters.set(key, (counters.get(key) ?? 0) + 1); } finally { release(); }
  }
}`,
    },
    {
      name: 'reading a stream chunk by chunk',
      code: `export async function readChunks(reader: ReadableStreamDefaultReader<Uint8Array>, max: number) {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < max; i++) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return chunks;
}`,
    },
    {
      name: 'batches: each iteration awaits a Promise.all',
      code: `import { readFile } from 'fs/promises';
export async function readInBatches(batches: string[][]) {
  for (const batch of batches) {
    await Promise.all(batch.map((f) => readFile(f)));
  }
}`,
    },
    {
      name: 'try/catch with continue skips failures one at a time',
      code: `const fs = require('fs/promises');
async function copyAll(files) {
  for (const f of files) {
    try {
      await fs.copyFile(f, f + '.bak');
    } catch (err) {
      continue;
    }
  }
}`,
      fileName: 'copy.js',
    },
    {
      name: 'a set shared between iterations (dedupe)',
      code: `export async function loadUnique(items: { key: string }[], load: (k: string) => Promise<void>) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    await load(item.key);
  }
}`,
    },
    {
      name: 'ordered steps: migrations run in order',
      code: `export async function migrate(migrations: { up(db: unknown): Promise<void> }[], db: unknown) {
  for (const migration of migrations) {
    await migration.up(db);
  }
}`,
    },
    {
      name: 'an async generator yields items lazily',
      code: `export async function* fetchEach(urls: string[]) {
  for (const url of urls) yield await fetch(url);
}`,
    },
    {
      name: 'awaiting promises that were already started',
      code: `export async function settleInOrder(pending: Promise<number>[]) {
  const out: number[] = [];
  for (const p of pending) out.push(await p);
  return out;
}`,
    },
    {
      name: 'awaiting a local async function that never waits',
      code: `async function square(n: number) { return n * n; }
export async function squares(xs: number[]) {
  const out = [];
  for (const x of xs) out.push(await square(x));
  return out;
}`,
    },
    {
      name: 'messages on one socket keep their order',
      code: `export async function replay(ws: { send(m: string): Promise<void> }, messages: string[]) {
  for (const m of messages) await ws.send(m);
}`,
    },
    {
      name: 'modules load in order',
      code: `export async function loadPlugins(files: string[], requireOrImport: (f: string) => Promise<unknown>) {
  const loaded = [];
  for (const file of files) loaded.push(await requireOrImport(file));
  return loaded;
}`,
    },
    {
      name: 'the same request N times is not a loop over items',
      code: `export async function warmUp() {
  for (let i = 0; i < 3; i++) await fetch('/health');
}`,
    },
  ],
  invalid: [
    {
      name: 'reading the body of what an awaited fetch returned is part of that wait',
      fileName: 'keys.mjs',
      code: `async function fetchOk(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error('failed: ' + url);
  return res;
}
export async function keysOf(fingerprints) {
  const keys = [];
  for (const fp of fingerprints) {
    const armored = (await (await fetchOk('https://keys.example/' + fp)).text()).trim();
    keys.push({ fp, armored });
  }
  return keys;
}`,
      errors: [{ line: 9, column: 29 }],
    },
    {
      name: 'results pushed to an array, a fixed list: the declaration is merged into one Promise.all',
      code: `import { readFile } from 'node:fs/promises';
export async function loadAll() {
  const contents: string[] = [];
  for (const p of ['a.json', 'b.json', 'c.json']) {
    contents.push(await readFile(p, 'utf8'));
  }
  return contents;
}`,
      errors: [{ line: 5, column: 19, endLine: 5, endColumn: 44, message: 'readFile' }],
      output: `import { readFile } from 'node:fs/promises';
export async function loadAll() {
  const contents: string[] = await Promise.all(['a.json', 'b.json', 'c.json'].map(async (p) => readFile(p, 'utf8')));
  return contents;
}`,
    },
    {
      name: 'results pushed to an array of a parameter: chunks of ten, so a long list never opens every file at once',
      code: `import { readFile } from 'node:fs/promises';
export async function loadAll(paths: string[]) {
  const contents: string[] = [];
  for (const p of paths) {
    contents.push(await readFile(p, 'utf8'));
  }
  return contents;
}`,
      errors: [{ line: 5, column: 19, endLine: 5, endColumn: 44, message: 'readFile' }],
      output: `import { readFile } from 'node:fs/promises';
export async function loadAll(paths: string[]) {
  const contents: string[] = [];
  for (let i = 0; i < paths.length; i += 10) {
    contents.push(...(await Promise.all(paths.slice(i, i + 10).map(async (p) => readFile(p, 'utf8')))));
  }
  return contents;
}`,
    },
    {
      name: 'results pushed to an array declared further up',
      code: `import * as fsp from 'fs/promises';
export async function loadAll(paths: string[]) {
  const out = [];
  console.log('loading', paths.length);
  for (const p of paths) {
    out.push(await fsp.readFile(p));
  }
  return out;
}`,
      errors: [{ line: 6, column: 14 }],
      output: `import * as fsp from 'fs/promises';
export async function loadAll(paths: string[]) {
  const out = [];
  console.log('loading', paths.length);
  for (let i = 0; i < paths.length; i += 10) {
    out.push(...(await Promise.all(paths.slice(i, i + 10).map(async (p) => fsp.readFile(p)))));
  }
  return out;
}`,
    },
    {
      name: 'a bare await statement in a for-of (block kept as the callback body)',
      code: `import { rm } from 'fs/promises';
export async function cleanup(paths: string[]) {
  for (const p of paths) {
    await rm(p, { force: true });
  }
}`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 33 }],
      output: `import { rm } from 'fs/promises';
export async function cleanup(paths: string[]) {
  for (let i = 0; i < paths.length; i += 10) {
    await Promise.all(paths.slice(i, i + 10).map(async (p) => {
      await rm(p, { force: true });
    }));
  }
}`,
    },
    {
      name: 'a Set is not an array: the rewrite goes through Array.from',
      code: `async function notify() {
  const targets = new Set(['https://a.example/hook', 'https://b.example/hook']);
  for (const url of targets) await fetch(url, { method: 'POST' });
}`,
      errors: [{ line: 3, column: 30, endLine: 3, endColumn: 66 }],
      output: `async function notify() {
  const targets = new Set(['https://a.example/hook', 'https://b.example/hook']);
  await Promise.all(Array.from(targets).map(async (url) => { await fetch(url, { method: 'POST' }); }));
}`,
    },
    {
      name: 'indexed for loop writing results by index (no fix: not a for-of)',
      code: `export async function users(ids: number[]) {
  const res: unknown[] = [];
  for (let i = 0; i < ids.length; i++) {
    res[i] = await fetch('https://api.example/users/' + ids[i]);
  }
  return res;
}`,
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 64 }],
    },
    {
      name: 'for-in over object keys, JS with require',
      code: `const axios = require('axios');
async function refresh(endpoints) {
  for (const name in endpoints) {
    await axios.post(endpoints[name] + '/refresh');
  }
}`,
      fileName: 'refresh.js',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'nested loops are reported once, at the first await',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function markSeen(users: { orders: { id: number }[] }[]) {
  for (const user of users) {
    for (const order of user.orders) {
      await pool.query('UPDATE orders SET seen = true WHERE id = $1', [order.id]);
    }
  }
}`,
      errors: [{ line: 6, column: 7 }],
    },
    {
      name: 'a counter that is only written is not a dependency',
      code: `import axios from 'axios';
export async function sendAll(urls: string[]) {
  let sent = 0;
  for (const url of urls) {
    await axios.post(url, { ping: true });
    sent++;
  }
  return sent;
}`,
      errors: [{ line: 5, column: 5 }],
    },
    {
      name: 'a local async helper that does I/O, in an express handler',
      code: `import express from 'express';
import { readFile } from 'fs/promises';
const app = express();
async function loadTemplate(name: string) {
  return readFile('views/' + name + '.html', 'utf8');
}
app.get('/bundle', async (req, res) => {
  const parts: string[] = [];
  for (const name of ['header', 'body', 'footer']) {
    const html = await loadTemplate(name);
    parts.push(html);
  }
  res.send(parts.join(''));
});`,
      errors: [{ line: 10, column: 18, endLine: 10, endColumn: 42, message: 'loadTemplate' }],
    },
    {
      name: 'awaiting worker tasks one by one (default import of piscina)',
      code: `import Piscina from 'piscina';
const pool = new Piscina({ filename: './resize.js' });
export async function resizeAll(images: Buffer[]) {
  const out: Buffer[] = [];
  for (const image of images) {
    const small = await pool.run(image);
    out.push(small);
  }
  return out;
}`,
      errors: [{ line: 6, column: 19 }],
    },
    {
      name: 'AWS SDK v3: send(new XCommand) is a request, not an ordered message',
      code: `import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function deleteAll(bucket: string, keys: string[]) {
  for (const key of keys) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }
}`,
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 73 }],
      output: `import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function deleteAll(bucket: string, keys: string[]) {
  for (let i = 0; i < keys.length; i += 10) {
    await Promise.all(keys.slice(i, i + 10).map(async (key) => {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    }));
  }
}`,
    },
    {
      name: 'node: prefixed namespace require in a JS file',
      code: `const dns = require('node:dns').promises;
async function resolveAll(hosts) {
  const addresses = {};
  for (const host of hosts) {
    addresses[host] = await dns.lookup(host);
  }
  return addresses;
}`,
      fileName: 'dns.js',
      errors: [{ line: 5, column: 23 }],
    },
  ],
});
