import { runRuleTests } from '../ruleTester';

runRuleTests('sequential-awaits', {
  valid: [
    {
      name: 'two file-metadata lookups the OS answers from its caches: overlapping them saves microseconds',
      code: `import { lstat, realpath } from 'node:fs/promises';
async function lstatIfExists(p: string) {
  try { return await lstat(p); } catch { return null; }
}
export async function check(target: string, parent: string) {
  const stats = await lstatIfExists(target);
  const real = await realpath(parent);
  return stats !== null && real.length > 0;
}`,
    },
    {
      name: 'calls on an object nothing is known about: no evidence that they wait, no suggestion',
      code: `export async function dashboard(req: any) {
  const user = await req.db.users.findOne({ id: req.params.id });
  const orders = await req.db.orders.find({ userId: req.params.id });
  return { user, orders };
}`,
    },
    {
      name: 'reads in one transaction share it',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function report() {
  const client = await pool.connect();
  const a = await client.query('SELECT 1');
  const b = await client.query('SELECT 2');
  client.release();
  return [a, b];
}`,
    },
    {
      name: 'the second request needs the first result',
      code: `export async function profile(id: string) {
  const res = await fetch('/users/' + id);
  const user = await res.json();
  return user;
}`,
    },
    {
      name: 'bare awaits are ordered side effects',
      code: `import { writeFile, rename } from 'node:fs/promises';
export async function atomicWrite(path: string, data: string) {
  await writeFile(path + '.tmp', data);
  await rename(path + '.tmp', path);
}`,
    },
    {
      name: 'a write followed by a read keeps its order',
      code: `export async function createAndList(db: any, user: object) {
  const created = await db.users.insert(user);
  const all = await db.users.findMany();
  return { created, all };
}`,
    },
    {
      name: 'a POST keeps its place',
      code: `export async function submit(form: object) {
  const saved = await fetch('/api/forms', { method: 'POST', body: JSON.stringify(form) });
  const list = await fetch('/api/forms');
  return [saved, list];
}`,
    },
    {
      name: 'write SQL through a generic query method',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function move(id: number) {
  const removed = await pool.query('DELETE FROM queue WHERE id = $1 RETURNING *', [id]);
  const rows = await pool.query('SELECT * FROM queue');
  return [removed, rows];
}`,
    },
    {
      name: 'awaiting local async functions that never wait',
      code: `async function parse(text: string) { return JSON.parse(text); }
export async function both(a: string, b: string) {
  const x = await parse(a);
  const y = await parse(b);
  return [x, y];
}`,
    },
    {
      name: 'sleeps are not I/O to overlap',
      code: `import { setTimeout as sleep } from 'timers/promises';
export async function pace() {
  const a = await sleep(100, 'a');
  const b = await sleep(100, 'b');
  return a + b;
}`,
    },
    {
      name: 'promises already started, then awaited',
      code: `export async function both() {
  const pa = fetch('/a');
  const pb = fetch('/b');
  const a = await pa;
  const b = await pb;
  return [a, b];
}`,
    },
    {
      name: 'a statement in between breaks the run',
      code: `const fs = require('fs/promises');
async function read(dir) {
  const a = await fs.readFile(dir + '/a');
  console.log('read a');
  const b = await fs.readFile(dir + '/b');
  return [a, b];
}`,
      fileName: 'read.js',
    },
    {
      name: 'prompts are answered one after another',
      code: `import * as readline from 'node:readline/promises';
export async function ask() {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const name = await rl.question('Name? ');
  const age = await rl.question('Age? ');
  return { name, age };
}`,
    },
    {
      name: 'queries inside one transaction stay in order',
      code: `export async function report(prisma: any) {
  return prisma.$transaction(async (tx: any) => {
    const users = await tx.user.findMany();
    const posts = await tx.post.findMany();
    return { users, posts };
  });
}`,
    },
    {
      name: 'AWS SDK v3: a Put command keeps its place',
      code: `import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function roundTrip(body: string) {
  const put = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: body }));
  const got = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
  return [put, got];
}`,
    },
    {
      name: 'a closure in the later operand reads the earlier result',
      code: `export async function load(db: any) {
  const config = await db.config.findFirst();
  const rows = await db.rows.findMany({ where: () => config.filter });
  return rows;
}`,
    },
  ],
  invalid: [
    {
      name: 'a helper that stats every file of a list is no quick lookup: it still counts as a wait worth overlapping',
      code: `import { stat, readFile } from 'node:fs/promises';
async function totalSize(files: string[]) {
  let total = 0;
  for (const f of files) total += (await stat(f)).size;
  return total;
}
export async function report(files: string[]) {
  const size = await totalSize(files);
  const readme = await readFile('README.md', 'utf8');
  return readme + size;
}`,
      errors: [{ line: 8, column: 16 }],
    },
    {
      name: 'two independent reads (single-line fix)',
      code: `import { readFile } from 'node:fs/promises';
export async function loadPair() {
  const a = await readFile('a.txt', 'utf8');
  const b = await readFile('b.txt', 'utf8');
  return a + b;
}`,
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 44, message: 'readFile' }],
      output: `import { readFile } from 'node:fs/promises';
export async function loadPair() {
  const [a, b] = await Promise.all([readFile('a.txt', 'utf8'), readFile('b.txt', 'utf8')]);
  return a + b;
}`,
    },
    {
      name: 'three database reads in an express handler (multi-line fix)',
      code: `import express from 'express';
import { Pool } from 'pg';
const app = express();
const db = new Pool();
app.get('/dashboard/:id', async (req: any, res: any) => {
  const user = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  const orders = await db.query('SELECT * FROM orders WHERE user_id = $1', [req.params.id]);
  const invoices = await db.query('SELECT * FROM invoices WHERE user_id = $1', [req.params.id]);
  res.json({ user, orders, invoices });
});`,
      errors: [{ line: 6, column: 16, endLine: 6, endColumn: 84 }],
      output: `import express from 'express';
import { Pool } from 'pg';
const app = express();
const db = new Pool();
app.get('/dashboard/:id', async (req: any, res: any) => {
  const [user, orders, invoices] = await Promise.all([
    db.query('SELECT * FROM users WHERE id = $1', [req.params.id]),
    db.query('SELECT * FROM orders WHERE user_id = $1', [req.params.id]),
    db.query('SELECT * FROM invoices WHERE user_id = $1', [req.params.id]),
  ]);
  res.json({ user, orders, invoices });
});`,
    },
    {
      name: 'type annotations become a typed tuple',
      code: `import axios from 'axios';
interface User { id: string }
export async function load(id: string): Promise<void> {
  const user: User = (await axios.get('/users/' + id)).data;
  const a: { data: User[] } = await axios.get('/users');
  const b: { data: string[] } = await axios.get('/roles');
  console.log(user, a, b);
}`,
      errors: [{ line: 5, column: 31 }],
      output: `import axios from 'axios';
interface User { id: string }
export async function load(id: string): Promise<void> {
  const user: User = (await axios.get('/users/' + id)).data;
  const [a, b]: [{ data: User[] }, { data: string[] }] = await Promise.all([
    axios.get('/users'),
    axios.get('/roles'),
  ]);
  console.log(user, a, b);
}`,
    },
    {
      name: 'destructuring targets are kept inside the array pattern',
      code: `const axios = require('axios');
async function load() {
  let { data: users } = await axios.get('/users');
  let { data: roles } = await axios.get('/roles');
  return { users, roles };
}`,
      fileName: 'load.js',
      errors: [{ line: 3, column: 25 }],
      output: `const axios = require('axios');
async function load() {
  let [{ data: users }, { data: roles }] = await Promise.all([
    axios.get('/users'),
    axios.get('/roles'),
  ]);
  return { users, roles };
}`,
    },
    {
      name: 'a dependent await splits the runs',
      code: `export async function page(api: any, id: string) {
  const res = await fetch('/a/' + id);
  const body = await res.json();
  const extra = await fetch('/b/' + id);
  return [body, extra];
}`,
      errors: [{ line: 3, column: 16, endLine: 3, endColumn: 32 }],
    },
    {
      name: 'local async helpers that do I/O',
      code: `import * as fsp from 'fs/promises';
async function loadConfig() { return JSON.parse(await fsp.readFile('config.json', 'utf8')); }
async function loadSecrets() { return fsp.readFile('/run/secrets/token', 'utf8'); }
export async function boot() {
  const config = await loadConfig();
  const secrets = await loadSecrets();
  return { config, secrets };
}`,
      errors: [{ line: 5, column: 18, message: 'loadConfig' }],
      output: `import * as fsp from 'fs/promises';
async function loadConfig() { return JSON.parse(await fsp.readFile('config.json', 'utf8')); }
async function loadSecrets() { return fsp.readFile('/run/secrets/token', 'utf8'); }
export async function boot() {
  const [config, secrets] = await Promise.all([loadConfig(), loadSecrets()]);
  return { config, secrets };
}`,
    },
    {
      name: 'AWS SDK v3: two Get commands',
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export async function both() {
  const a = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'a' }));
  const b = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'b' }));
  return [a, b];
}`,
      errors: [{ line: 4, column: 13, message: 's3.send' }],
    },
    {
      name: 'mixed const and let: reported, no fix',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function stats() {
  const hits = await redis.get('hits');
  let misses = await redis.get('misses');
  misses = misses ?? 0;
  return { hits, misses };
}`,
      errors: [{ line: 4, column: 16 }],
    },
    {
      name: 'a comment between the statements: reported, no fix that would drop it',
      code: `import { readFile } from 'node:fs/promises';
export async function sizes() {
  const a = await readFile('a');
  // the second file
  const b = await readFile('b');
  return a.length + b.length;
}`,
      errors: [{ line: 3, column: 13 }],
    },
    {
      name: 'two separate runs in one function',
      code: `import { readFile, writeFile } from 'fs/promises';
export async function twice() {
  const a = await readFile('a');
  const b = await readFile('b');
  await writeFile('log', String(a) + String(b));
  const c = await readFile('c');
  const d = await readFile('d');
  return [c, d];
}`,
      errors: [{ line: 3, column: 13 }, { line: 6, column: 13 }],
    },
    {
      name: 'a worker pool and an HTTP call, module top level (no semicolons)',
      code: `import Piscina from 'piscina'
const pool = new Piscina({ filename: './hash.js' })
const digest = await pool.run('data')
const remote = await fetch('https://example.com/digest')
console.log(digest, remote)`,
      errors: [{ line: 3, column: 16 }],
      output: `import Piscina from 'piscina'
const pool = new Piscina({ filename: './hash.js' })
const [digest, remote] = await Promise.all([pool.run('data'), fetch('https://example.com/digest')])
console.log(digest, remote)`,
    },
  ],
});
