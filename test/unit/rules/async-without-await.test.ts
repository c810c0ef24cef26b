import { runRuleTests } from '../ruleTester';

runRuleTests('async-without-await', {
  valid: [
    {
      name: 'a default standing in for an option that returns a promise: one of the values of ?? or a ternary',
      code: `type Options = { context?: () => Promise<object>; sample?: number | (() => Promise<number>) };
export function serve(options: Options) {
  const context = options.context ?? (async () => ({}));
  const rate = options.sample;
  const sample = typeof rate === 'number' ? async () => rate : rate ? rate : async () => 1;
  return { context, sample };
}`,
    },
    {
      name: 'a local function handed to another API as a property value: the receiver decides it must return a promise',
      code: `import { loadProviders } from './providers';
const register = async (klass: new () => object, container: Map<string, object>) => {
  container.set(klass.name, new klass());
};
export async function load(container: Map<string, object>) {
  await loadProviders({ container, registerServiceFn: register });
}`,
    },
    {
      name: 'a local function passed as an argument to an unknown call',
      code: `import { retry } from './retry';
async function attempt() {
  return;
}
retry(attempt, 3);`,
    },
    {
      name: 'returned as a lazy loader: the callers of the enclosing function decide the contract',
      code: `function resolver(spec: string) {
  if (!spec) return null;
  return async () => ({ spec, kind: 'git' });
}
resolver('a');`,
    },
    {
      name: 'assigned to a variable whose other value is an awaiting function',
      code: `import { readFile } from 'node:fs/promises';
function pick(cached: string | null) {
  let read: () => Promise<string>;
  if (cached !== null) read = async () => cached;
  else read = async () => readFile('x', 'utf8');
  return read;
}
pick(null);`,
    },
    {
      name: 'an exported function: its callers in other files may rely on the promise',
      code: `export async function unsupported(feature: string) {
  throw new Error(feature + ' is not supported');
}`,
    },
    {
      name: 'a public method: subclasses and callers elsewhere may hold it to a promise',
      code: `class Store {
  async load(key: string) {
    return key.length;
  }
}
new Store().load('a');`,
    },
    {
      name: 'awaits',
      code: `import { readFile } from 'node:fs/promises';
async function load(p: string) { const t = await readFile(p, 'utf8'); return t.length; }`,
    },
    {
      name: 'for await counts as awaiting',
      code: `async function count(stream: AsyncIterable<Buffer>) {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}`,
    },
    { name: 'empty stub', code: `export async function notYet(): Promise<void> {}` },
    { name: 'async generator', code: `async function* ids() { yield 1; yield 2; }` },
    {
      name: 'returns a promise-producing call: async turns throws into rejections',
      code: `const cache = new Map<string, Promise<Response>>();
async function get(url: string) {
  if (!url) throw new Error('no url');
  return cache.get(url) ?? fetch(url);
}`,
    },
    {
      name: 'returns a variable holding a started promise',
      code: `async function start(url: string) {
  const pending = fetch(url);
  console.log('started', url);
  return pending;
}`,
    },
    {
      name: 'callback handed to an API that expects a promise',
      code: `import express from 'express';
const app = express();
app.get('/health', async (req, res) => { res.json({ ok: true }); });
describe('x', () => { it('works', async () => { expect(1).toBe(1); }); });`,
    },
    {
      name: 'override of a base method',
      code: `abstract class Store { abstract load(): Promise<string[]>; }
class MemoryStore extends Store {
  private items: string[] = [];
  override async load() { return [...this.items]; }
}`,
    },
    {
      name: 'interface implementation (JS subclass without override keyword too)',
      fileName: 'store.js',
      code: `class Cache extends BaseCache {
  async clear() { this.map.clear(); }
}`,
    },
    {
      name: 'class implementing an interface',
      code: `interface Clock { tick(): Promise<void>; }
class FakeClock implements Clock {
  now = 0;
  async tick() { this.now += 1; }
}`,
    },
    {
      name: 'framework entry points: default export and exports.handler',
      fileName: 'lambda.js',
      code: `exports.handler = async (event) => { console.log(event.path); };
export default async function page() { console.log('render'); }`,
    },
    {
      name: 'a typed object literal implements an interface',
      code: `interface Repo { find(id: string): Promise<string | undefined>; }
const users = new Map<string, string>();
const repo: Repo = { async find(id) { console.log(id); return undefined; } };`,
    },
    {
      name: 'blocking call inside: blocking-call says it better',
      fileName: 'users.cjs',
      code: `const fs = require('node:fs');
async function readUsers(dir) {
  return fs.readdirSync(dir).length;
}`,
    },
    {
      name: 'CPU-bound async function: async-cpu-bound says it better',
      code: `async function crunch(n: number) {
  let s = 0;
  for (let i = 0; i < 10_000_000; i++) s += i % n;
  return s;
}`,
    },
  ],
  invalid: [
    {
      name: 'a local helper awaited by its one caller is still reported: the exemption is for values of ?? and ternaries, not for uses',
      code: `async function enabled(flag: string) {
  return flag === 'on';
}
export async function choose(flag: string) {
  const on = await enabled(flag);
  return on ? 'fast' : 'slow';
}`,
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 23, message: '`enabled` is async but never awaits' }],
    },
    {
      name: 'a named listener: the emitter drops what it returns, so async only risks an unhandled rejection',
      fileName: 'worker.js',
      code: `const { parentPort } = require('node:worker_threads');
async function handleMessage(message) {
  if (message.type === 'stop') parentPort.off('message', handleMessage);
  parentPort.postMessage({ ok: true });
}
parentPort.on('message', handleMessage);`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 29, message: '`handleMessage` is async but never awaits' }],
    },
    {
      name: 'a timer callback by name',
      code: `let socket: { close(): void } | null = null;
async function reconnect() {
  socket?.close();
  socket = null;
}
setTimeout(reconnect, 1000);`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 25, message: '`reconnect` is async but never awaits' }],
    },
    {
      name: 'function declaration, only called as a statement: Remove async',
      code: `const cache = new Map<string, string>();
async function remember(key: string, value: string) {
  cache.set(key, value);
}
remember('a', 'b');`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 24, message: '`remember` is async but never awaits' }],
      output: `const cache = new Map<string, string>();
function remember(key: string, value: string) {
  cache.set(key, value);
}
remember('a', 'b');`,
    },
    {
      name: 'arrow function with a block body',
      code: `let count = 0;
const bump = async (by: number) => { count += by; return count; };`,
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 11 }],
      output: `let count = 0;
const bump = (by: number) => { count += by; return count; };`,
    },
    {
      name: 'arrow with an expression body and no parentheses',
      fileName: 'math.js',
      code: `const double = async n => n * 2;
console.log(double.length);`,
      errors: [{ line: 1, column: 7, endLine: 1, endColumn: 13 }],
    },
    {
      name: 'Promise<T> return type becomes T',
      code: `interface Config { port: number }
async function defaults(): Promise<Config> {
  const c = { port: 8080 };
  return c;
}`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 24 }],
      output: `interface Config { port: number }
function defaults(): Config {
  const c = { port: 8080 };
  return c;
}`,
    },
    {
      name: 'class method called with this.',
      code: `class Queue {
  private items: string[] = [];
  private async reset() {
    this.items = [];
  }
  clear() {
    this.reset();
  }
}`,
      errors: [{ line: 3, column: 17, endLine: 3, endColumn: 22, message: '`Queue.reset`' }],
      output: `class Queue {
  private items: string[] = [];
  private reset() {
    this.items = [];
  }
  clear() {
    this.reset();
  }
}`,
    },
    {
      name: 'awaited by a caller: reported, but no fix offered',
      fileName: 'log.js',
      code: `const lines = [];
async function log(msg) {
  lines.push(new Date().toISOString() + ' ' + msg);
}
async function main() {
  await log('start');
  const res = await fetch('https://example.com');
  await log(String(res.status));
}`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'await only in a nested callback does not count',
      code: `import { writeFile } from 'fs/promises';
async function saveAll(docs: { id: string; body: string }[]) {
  docs.forEach(async (d) => {
    await writeFile(d.id + '.json', d.body);
  });
}
saveAll([]);`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 23 }],
      output: `import { writeFile } from 'fs/promises';
function saveAll(docs: { id: string; body: string }[]) {
  docs.forEach(async (d) => {
    await writeFile(d.id + '.json', d.body);
  });
}
saveAll([]);`,
    },
    {
      name: 'method of a plain local object',
      fileName: 'counter.mjs',
      code: `let hits = 0;
const counter = {
  async hit() { hits++; },
};
counter.hit;`,
      errors: [{ line: 3, column: 9, endLine: 3, endColumn: 12, message: '`hit`' }],
    },
    {
      name: 'function expression nested in a sync function',
      code: `export function setup(state: { ready: boolean }) {
  const init = async function () {
    state.ready = true;
  };
  init();
}`,
      errors: [{ line: 2, column: 9, endLine: 2, endColumn: 13 }],
      output: `export function setup(state: { ready: boolean }) {
  const init = function () {
    state.ready = true;
  };
  init();
}`,
    },
  ],
});
