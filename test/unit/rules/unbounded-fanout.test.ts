import { runRuleTests } from '../ruleTester';

runRuleTests('unbounded-fanout', {
  valid: [
    {
      name: 'a one-shot script listing its own folder: small by nature, the machine to itself (even strict)',
      strict: true,
      fileName: 'scripts/clean.ts',
      code: `import { readdir, unlink } from 'node:fs/promises';
export async function clean(dir: string) {
  const names = await readdir(dir);
  await Promise.all(names.map((name) => unlink(dir + '/' + name)));
}`,
    },
    {
      name: 'a parameter of an exported helper: its callers decide its size, so only strict says anything',
      code: `export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}`,
    },
    {
      name: 'a page handed to a batch callback is bounded by the batch',
      code: `import { Pool } from 'pg';
const pool = new Pool();
declare const batch: { process(key: string, fn: (ids: string[]) => Promise<void>, opts: object): Promise<void> };
export async function reindex() {
  await batch.process('users', async (ids) => {
    await Promise.all(ids.map((id) => pool.query('UPDATE users SET indexed = true WHERE id = $1', [id])));
  }, { batch: 500 });
}`,
      strict: true,
    },
    {
      name: 'the callback waits on nothing known',
      code: `import express from 'express';
const app = express();
app.post('/import', async (req: any, res: any) => {
  await Promise.all(req.body.rows.map((row: any) => req.db.rows.insert(row)));
  res.sendStatus(204);
});`,
    },
    {
      name: 'p-limit around each task (the binding comes from the p-limit import)',
      code: `import pLimit from 'p-limit';
const atMost8 = pLimit(8);
export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map((url) => atMost8(() => fetch(url))));
}`,
    },
    {
      name: 'p-queue with a concurrency option',
      code: `import PQueue from 'p-queue';
const jobs = new PQueue({ concurrency: 4 });
export async function uploadAll(files: string[], upload: (f: string) => Promise<void>) {
  await Promise.all(files.map((f) => jobs.add(() => upload(f))));
}`,
    },
    {
      name: 'a semaphore acquired inside the callback',
      code: `import { Sema } from 'async-sema';
const sema = new Sema(5);
export async function crawl(urls: string[]) {
  return Promise.all(urls.map(async (url) => {
    await sema.acquire();
    try { return await fetch(url); } finally { sema.release(); }
  }));
}`,
    },
    {
      name: 'an array literal has a known size',
      code: `import { readFile } from 'fs/promises';
export async function loadConfigs() {
  return Promise.all(['app.json', 'db.json', 'cache.json'].map((f) => readFile(f, 'utf8')));
}`,
    },
    {
      name: 'a const array literal declared above',
      code: `const REGIONS = ['us-east-1', 'eu-west-1'];
export async function pingRegions() {
  return Promise.all(REGIONS.map((r) => fetch('https://' + r + '.example.com/health')));
}`,
    },
    {
      name: 'slice(0, N) with a literal N',
      code: `export async function preview(ids: string[]) {
  return Promise.all(ids.slice(0, 10).map((id) => fetch('/items/' + id)));
}`,
    },
    {
      name: 'chunked: slice(i, i + SIZE) inside a stepping loop',
      code: `const fs = require('node:fs/promises');
const CHUNK = 25;
async function readAll(paths) {
  const out = [];
  for (let i = 0; i < paths.length; i += CHUNK) {
    out.push(...(await Promise.all(paths.slice(i, i + CHUNK).map((p) => fs.readFile(p)))));
  }
  return out;
}`,
      fileName: 'read.js',
    },
    {
      name: 'each item of a chunking helper is a chunk',
      code: `import chunk from 'lodash/chunk';
export async function sendInBatches(db: any, rows: object[]) {
  for (const group of chunk(rows, 100)) {
    await Promise.all(group.map((row) => db.rows.insert(row)));
  }
}`,
    },
    {
      name: 'the callback does no I/O',
      code: `export async function doubled(xs: number[]) {
  return Promise.all(xs.map(async (x) => x * 2));
}`,
    },
    {
      name: 'the callback hands work to a worker pool (the pool bounds it)',
      code: `import Piscina from 'piscina';
const pool = new Piscina({ filename: './resize.js' });
export async function resizeAll(images: Buffer[]) {
  return Promise.all(images.map((img) => pool.run(img)));
}`,
    },
    {
      name: 'a collection the program holds itself (its open pages, its clients)',
      code: `export class Browser {
  private pages = new Set<{ close(): Promise<void> }>();
  async closeAll(server: { clients: Set<{ terminate(): Promise<void> }> }) {
    await Promise.all([...this.pages].map((p) => p.close()));
    await Promise.all(this.contexts().map(async (c) => fetch(c)));
  }
  contexts(): string[] { return []; }
}`,
    },
    {
      name: 'Promise.race is not a fan-out to join',
      code: `export async function fastest(mirrors: string[]) {
  return Promise.race(mirrors.map((m) => fetch(m)));
}`,
    },
  ],
  invalid: [
    {
      name: 'rows returned by an awaited query, in a request handler: reported by default',
      code: `import { createServer } from 'node:http';
import { Pool } from 'pg';
const pool = new Pool();
createServer(async (req, res) => {
  const { rows } = await pool.query('SELECT id, url FROM pages');
  const statuses = await Promise.all(rows.map(async (row: { url: string }) => (await fetch(row.url)).status));
  res.end(JSON.stringify(statuses));
}).listen(8080);`,
      errors: [{ line: 6, column: 26, message: 'at the same moment, with no cap' }],
    },
    {
      name: 'fetch for every url of a parameter',
      strict: true,
      code: `export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}`,
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 73, message: 'urls' }],
    },
    {
      name: 'allSettled over tasks mapped earlier',
      strict: true,
      code: `export async function notifyAll(ids: number[]) {
  const tasks = ids.map(async (id) => fetch('https://hooks.example/' + id));
  const results = await Promise.allSettled(tasks);
  return results;
}`,
      errors: [{ line: 3, column: 25, endLine: 3, endColumn: 50, message: 'allSettled' }],
    },
    {
      name: 'a local helper passed by name',
      strict: true,
      code: `import { readFile } from 'node:fs/promises';
async function load(path: string) {
  return readFile(path, 'utf8');
}
export async function loadAll(paths: string[]) {
  return Promise.all(paths.map(load));
}`,
      errors: [{ line: 6, column: 10, endLine: 6, endColumn: 38 }],
    },
    {
      name: 'JS with require: fs.promises namespace',
      strict: true,
      code: `const fsp = require('fs').promises;
async function statAll(files) {
  const stats = await Promise.all(files.map((f) => fsp.stat(f)));
  return stats.map((s) => s.size);
}`,
      fileName: 'stat.js',
      errors: [{ line: 3, column: 23, endLine: 3, endColumn: 65 }],
    },
    {
      name: 'multi-line callback in an express handler',
      code: `import express from 'express';
import { Pool } from 'pg';
const app = express();
const pool = new Pool();
app.post('/import', async (req: any, res: any) => {
  await Promise.all(
    req.body.rows.map(async (row: any) => {
      await pool.query('INSERT INTO rows VALUES ($1)', [row]);
    }),
  );
  res.sendStatus(204);
});`,
      errors: [{ line: 6, column: 9, endLine: 10, endColumn: 4 }],
    },
    {
      name: 'a filtered collection is still of unknown size',
      strict: true,
      code: `import axios from 'axios';
export async function refreshActive(users: { id: string; active: boolean }[]) {
  await Promise.all(users.filter((u) => u.active).map((u) => axios.post('/refresh/' + u.id)));
}`,
      errors: [{ line: 3, column: 9 }],
    },
    {
      name: 'slice without an end bound',
      strict: true,
      code: `import { unlink } from 'fs/promises';
export async function dropOld(files: string[]) {
  await Promise.all(files.slice(100).map((f) => unlink(f)));
}`,
      errors: [{ line: 3, column: 9 }],
    },
    {
      name: 'a let variable is not a fixed list',
      strict: true,
      code: `import got from 'got';
export async function ping(hosts: string[]) {
  let targets = hosts;
  await Promise.all(targets.map((h) => got('https://' + h)));
}`,
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'node: prefixed named import with alias, Object.keys of an unknown object',
      strict: true,
      code: `import { readFile as read } from 'node:fs/promises';
export async function readEach(byName: Record<string, string>) {
  return Promise.all(Object.keys(byName).map((k) => read(byName[k])));
}`,
      errors: [{ line: 3, column: 10 }],
    },
    {
      name: 'rows returned by an awaited query, in an exported helper whose callers are unknown: strict',
      strict: true,
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function enrich() {
  const { rows } = await pool.query('SELECT id, url FROM pages');
  return Promise.all(rows.map(async (row: { url: string }) => (await fetch(row.url)).status));
}`,
      errors: [{ line: 5, column: 10 }],
    },
    {
      name: 'a de-duplicated copy of a parameter is as large as the parameter',
      strict: true,
      code: `import { stat } from 'node:fs/promises';
export async function statUnique(paths: string[]) {
  return Promise.all([...new Set(paths)].map((p) => stat(p)));
}`,
      errors: [{ line: 3, column: 10 }],
    },
  ],
});
