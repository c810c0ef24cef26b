/**
 * Whole-project analysis on an in-memory project: summaries of exports, calls
 * into other files drawn in the caller's timeline, barrels followed, cycles
 * settled, and every file parsed once in dependency order.
 */
import * as assert from 'assert';
import { analyzeProject, importSpecifiers, type ReadSource } from '../../../src/core/project/analyzeProject';
import { createMemoryHost } from '../../../src/core/project';
import { simulate } from '../../../src/core/simulate';

function project(files: Record<string, string>) {
  const host = createMemoryHost(files);
  const read: ReadSource = (path) => {
    const text = host.readFile(path);
    return text === undefined ? { problem: 'no such file' } : { text };
  };
  return { host, read };
}

const crypto = `import crypto from 'node:crypto';
export function hashPassword(password: string, salt: string) {
  return crypto.pbkdf2Sync(password, salt, 100000, 64, 'sha512').toString('hex');
}
export async function loadUser(id: string) {
  const res = await fetch('https://users.example/' + id);
  return res.json();
}
`;

const handler = `import http from 'node:http';
import { hashPassword, loadUser } from './crypto';
export const server = http.createServer(async (req, res) => {
  const user = await loadUser(String(req.url));
  res.end(hashPassword(String(req.headers.pw), user.salt));
});
`;

describe('project: analysis across files', () => {
  const { host, read } = project({ '/app/package.json': '{"name":"app"}', '/app/src/crypto.ts': crypto, '/app/src/handler.ts': handler });
  const result = analyzeProject(host, ['/app/src/handler.ts'], read);

  it('reads the files the given ones import, and analyses them first', () => {
    assert.deepStrictEqual(result.order, ['/app/src/crypto.ts', '/app/src/handler.ts']);
    assert.deepStrictEqual([...result.results.keys()].sort(), ['/app/src/crypto.ts', '/app/src/handler.ts']);
  });

  it("summarises each export's effect on the caller's thread", () => {
    const summary = result.results.get('/app/src/crypto.ts')!.summary!;
    assert.deepStrictEqual(Object.keys(summary.exports).sort(), ['hashPassword', 'loadUser']);
    const hash = summary.exports.hashPassword.call!;
    assert.strictEqual(hash.returnsPromise, false);
    assert.deepStrictEqual(hash.blocks && { api: hash.blocks.api, line: hash.blocks.line }, { api: 'crypto.pbkdf2Sync', line: 3 });
    assert.strictEqual(hash.waits, null);
    const load = summary.exports.loadUser.call!;
    assert.strictEqual(load.returnsPromise, true);
    assert.deepStrictEqual(load.waits, { kinds: ['network'], certain: true });
    assert.strictEqual(load.canReject, true);
  });

  it("draws the imported helper's blocking call inside the handler's timeline, labelled with its file", () => {
    const report = result.results.get('/app/src/handler.ts')!.report;
    const handlerFn = report.functions.find((f) => f.kind === 'arrow')!;
    assert.strictEqual(handlerFn.quadrant, 'concurrent');
    assert.deepStrictEqual(report.imported?.map((f) => `${f.file}:${f.name}`).sort(), ['/app/src/crypto.ts:hashPassword', '/app/src/crypto.ts:loadUser']);
    const timeline = simulate(report, handlerFn.id, { cores: 2 });
    const main = timeline.lanes.find((lane) => lane.name === 'main')!;
    const blocking = main.segments.filter((s) => s.kind === 'blocking').map((s) => s.label);
    assert.deepStrictEqual(blocking, ["crypto.pbkdf2Sync(password, salt, 100000, 64, '…"]);
    const io = timeline.lanes.filter((lane) => lane.kind === 'io').flatMap((lane) => lane.segments.map((s) => s.label));
    // Reading the body is a second wait on the network (the table knows fetch's Response).
    assert.deepStrictEqual(io, ["fetch('https://users.example/' + id)", 'res.json()']);
    assert.ok(main.segments.some((s) => s.label === 'sync work in loadUser (crypto.ts)'), main.segments.map((s) => s.label).join(' | '));
  });
});

describe('project: barrels, CommonJS and cycles', () => {
  it('follows `export *` and `export { a as b } from` to the file that defines the export', () => {
    const { host, read } = project({
      '/p/lib/crypto.ts': crypto,
      '/p/lib/index.ts': `export * from './crypto';\nexport { hashPassword as hash } from './crypto';\n`,
      '/p/main.ts': `import { hash, loadUser } from './lib';\nexport async function run() { await loadUser('x'); return hash('a', 'b'); }\n`,
    });
    const result = analyzeProject(host, ['/p/main.ts'], read);
    const report = result.results.get('/p/main.ts')!.report;
    const run = report.functions.find((f) => f.name === 'run')!;
    const external = run.segments.flatMap((s) => (s.kind === 'call' && s.external ? [`${s.external.name}@${s.external.file}`] : []));
    assert.deepStrictEqual(external, ['loadUser@/p/lib/crypto.ts', 'hash@/p/lib/crypto.ts']);
    assert.strictEqual(run.quadrant, 'concurrent');
  });

  it('reads CommonJS exports: module.exports = { a } and exports.x =', () => {
    const { host, read } = project({
      '/c/fsutil.js': `const fs = require('fs');\nfunction readConfig(p) { return fs.readFileSync(p, 'utf8'); }\nexports.size = async (p) => (await fs.promises.stat(p)).size;\nmodule.exports.readConfig = readConfig;\n`,
      '/c/app.js': `const { readConfig, size } = require('./fsutil');\nasync function main() { readConfig('x'); return size('y'); }\nmodule.exports = { main };\n`,
    });
    const result = analyzeProject(host, ['/c/app.js'], read);
    const summary = result.results.get('/c/fsutil.js')!.summary!;
    assert.deepStrictEqual(Object.keys(summary.exports).sort(), ['readConfig', 'size']);
    assert.strictEqual(summary.exports.readConfig.call!.blocks!.api, 'fs.readFileSync');
    assert.deepStrictEqual(summary.exports.size.call!.waits, { kinds: ['disk'], certain: true, quick: true }); // a stat: file metadata
    const app = result.results.get('/c/app.js')!.summary!;
    assert.deepStrictEqual(app.exports.main.call!.blocks!.api, 'fs.readFileSync');
  });

  it('settles an import cycle in a bounded number of rounds, each member knowing the other', () => {
    const { host, read } = project({
      '/y/a.ts': `import { b } from './b';\nexport async function a(n: number): Promise<number> { if (n <= 0) return 0; await fetch('/a'); return b(n - 1); }\n`,
      '/y/b.ts': `import { a } from './a';\nexport async function b(n: number): Promise<number> { return a(n - 1); }\n`,
    });
    const result = analyzeProject(host, ['/y/a.ts'], read);
    assert.deepStrictEqual(result.order, ['/y/a.ts', '/y/b.ts']);
    // b only waits through a: it learns that from a's summary in a later round.
    assert.deepStrictEqual(result.results.get('/y/b.ts')!.summary!.exports.b.call!.waits, { kinds: ['network'], certain: true });
    assert.strictEqual(result.results.get('/y/b.ts')!.report.functions.find((f) => f.name === 'b')!.quadrant, 'concurrent');
  });

  it('lists the specifiers a file imports, without node:', () => {
    assert.deepStrictEqual(importSpecifiers(`import fs from 'node:fs';\nimport { a } from './a.js';\nconst b = require('../b');\nexport * from './c';\n`).sort(), ['../b', './a.js', './c', 'fs']);
  });
});

describe('project: exports named like Object.prototype members', () => {
  it('a call such as `lib.toString()` or `lib.constructor()` finds no inherited export, and the report stays plain data', () => {
    const { host, read } = project({
      '/app/package.json': '{"name":"app"}',
      '/app/src/lib.js': `exports.load = async function load(id) { return fetch('https://x.example/' + id); };\n`,
      '/app/src/use.js': `const lib = require('./lib');\nconst { constructor } = require('./lib');\nexports.run = async function run() {\n  lib.toString();\n  lib.hasOwnProperty('load');\n  constructor();\n  return lib.load('a');\n};\n`,
    });
    const result = analyzeProject(host, ['/app/src/use.js'], read);
    const report = result.results.get('/app/src/use.js')!.report;
    const functionsIn = (value: unknown, seen = new Set<unknown>()): number => {
      if (typeof value === 'function') return 1;
      if (!value || typeof value !== 'object' || seen.has(value)) return 0;
      seen.add(value);
      return Object.values(value).reduce((n: number, v) => n + functionsIn(v, seen), 0);
    };
    assert.strictEqual(functionsIn(report), 0, 'no function reached the report (it must cross a worker boundary)');
    assert.doesNotThrow(() => structuredClone(report));
    const externals = report.functions.flatMap((f) => f.segments).filter((s) => s.kind === 'call' && s.external).map((s) => (s as { external: { name: string } }).external.name);
    assert.deepStrictEqual(externals, ['lib.load']);
  });
});

describe('project: whether an imported function can reject, and how it reports', () => {
  const { host, read } = project({
    '/app/package.json': '{"name":"app"}',
    '/app/src/jobs.ts': `export async function fill(name: string) {
  try {
    await fetch('/jobs/' + name);
  } catch (err) {
    console.error(err);
  }
}
export async function process(names: string[]) {
  await Promise.all(names.map(async (name) => {
    await fill(name);
  }));
}
export async function sync(url: string) {
  await fetch(url);
}
export async function watch(lines: AsyncIterable<string>, onLine: (line: string) => Promise<void>) {
  for await (const line of lines) await onLine(line);
}
`,
    '/app/src/main.ts': `import { process, sync, watch } from './jobs';
export function start(names: string[], lines: AsyncIterable<string>) {
  process(names);
  sync('/ping');
  watch(lines, async (line) => { await fetch('/' + line); });
}
`,
  });
  const result = analyzeProject(host, ['/app/src/main.ts'], read);

  it('a summary that awaits only helpers which cannot reject cannot reject either; a stream loop hands its outcome to listeners', () => {
    const exports = result.results.get('/app/src/jobs.ts')!.summary!.exports;
    assert.deepStrictEqual(
      Object.fromEntries(['fill', 'process', 'sync', 'watch'].map((name) => [name, { canReject: exports[name].call!.canReject, byEvent: exports[name].call!.outcomeByEvent ?? false }])),
      { fill: { canReject: false, byEvent: false }, process: { canReject: false, byEvent: false }, sync: { canReject: true, byEvent: false }, watch: { canReject: true, byEvent: true } },
    );
  });

  it('floating-promise in the importing file reads those facts: only the dropped call that can reject and reports by its promise', () => {
    const findings = result.results.get('/app/src/main.ts')!.report.findings.filter((f) => f.rule === 'floating-promise');
    assert.deepStrictEqual(findings.map((f) => `${f.line}:${f.message.slice(0, 40)}`), ['4:`sync(\'/ping\')` starts the async functio']);
  });
});
