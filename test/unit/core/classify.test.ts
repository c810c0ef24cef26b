/**
 * Quadrant classification: every quadrant, the evidence that decided it, P,
 * and the callee-summary inheritance design.md promises.
 */
import * as assert from 'assert';
import { analyze } from '../../../src/core/report';
import type { FunctionReport, Report } from '../../../src/core/reportTypes';

function fnNamed(report: Report, name: string): FunctionReport {
  const fn = report.functions.find((f) => f.name === name);
  assert.ok(fn, `no function ${name} in ${report.functions.map((f) => f.name).join(', ')}`);
  return fn;
}

function quadrants(code: string, fileName = 'q.ts'): Record<string, string> {
  const report = analyze(code, { fileName });
  assert.strictEqual(report.parseError, null);
  const out: Record<string, string> = {};
  for (const fn of report.functions) out[fn.name] = fn.quadrant;
  return out;
}

describe('classify: quadrants', () => {
  const table: { name: string; code: string; expected: Record<string, string>; fileName?: string }[] = [
    {
      name: 'plain loops and math are sequential',
      code: `export function sum(xs: number[]) { let t = 0; for (const x of xs) t += x; return t; }`,
      expected: { '<module>': 'sequential', sum: 'sequential' },
    },
    {
      name: 'awaiting fetch is concurrent',
      code: `export async function get(u: string) { const r = await fetch(u); return r.json(); }`,
      expected: { '<module>': 'sequential', get: 'concurrent' },
    },
    {
      name: 'Promise.all over file reads is concurrent',
      code: `import { readFile } from 'node:fs/promises';\nexport async function all(ps: string[]) { return Promise.all(ps.map((p) => readFile(p))); }`,
      expected: { '<module>': 'sequential', all: 'concurrent', 'ps.map callback': 'concurrent' },
    },
    {
      name: 'a pool fan-out joined with Promise.all is parallel',
      code: `import Piscina from 'piscina';\nconst pool = new Piscina({ filename: 'w.js' });\nexport async function run(chunks: number[][]) { return Promise.all(chunks.map((c) => pool.run(c))); }`,
      expected: { '<module>': 'sequential', run: 'parallel', 'chunks.map callback': 'parallel' },
    },
    {
      name: 'reading files and dispatching to workers is concurrent-parallel',
      code: `import { readFile } from 'fs/promises';\nimport { Worker } from 'worker_threads';\nexport async function go(p: string) { const data = await readFile(p); new Worker('./w.js', { workerData: data }); }`,
      expected: { '<module>': 'sequential', go: 'concurrent-parallel' },
    },
    {
      name: 'an async function over CPU work only is sequential',
      code: `export async function crunch(n: number) { let x = 0; for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x += i * j; return x; }`,
      expected: { '<module>': 'sequential', crunch: 'sequential' },
    },
    {
      name: 'an event handler registration is concurrent (the event loop juggles it)',
      code: `import http from 'http';\nhttp.createServer((req, res) => res.end('ok')).listen(8080);`,
      expected: { '<module>': 'concurrent', 'http.createServer handler': 'sequential' },
    },
    {
      name: 'a worker per item through child_process.fork is parallel',
      code: `const { fork } = require('node:child_process');\nfunction spread(jobs) { for (const job of jobs) fork('./job.js', [job]); }`,
      expected: { '<module>': 'sequential', spread: 'parallel' },
      fileName: 'spread.js',
    },
    {
      name: 'listening to a worker you started is joining it, not serving events',
      code: `import { Worker } from 'node:worker_threads';\nexport function inWorker(d: Buffer) { return new Promise((resolve) => { const w = new Worker('./w.js', { workerData: d }); w.once('message', resolve); }); }`,
      expected: { '<module>': 'sequential', inWorker: 'parallel', 'new Promise executor': 'parallel' },
    },
    {
      name: 'class methods are named Class.method and classified on their own',
      code: `class Repo {\n  async load(id: string) { return this.db.get(id); }\n  size() { return 1; }\n  declare db: { get(id: string): Promise<unknown> };\n}`,
      expected: { '<module>': 'sequential', 'Repo.load': 'concurrent', 'Repo.size': 'sequential' },
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      assert.deepStrictEqual(quadrants(row.code, row.fileName), row.expected);
    });
  }

  it('the file quadrant is the union of its functions', () => {
    const report = analyze(
      `import Piscina from 'piscina';\nconst pool = new Piscina();\nexport async function a() { await fetch('/x'); }\nexport async function b(x: number) { return pool.run(x); }`,
      { fileName: 'u.ts' },
    );
    assert.strictEqual(report.quadrant, 'concurrent-parallel');
  });
});

describe('classify: callees lend their summary to callers', () => {
  it('a handler that calls a heavy local helper is heavy, and the evidence says so', () => {
    const report = analyze(
      [
        'function heavy(n: number) { let x = 0; for (let i = 0; i < n; i++) { for (let j = 0; j < n; j++) x += i ^ j; } return x; }',
        'export async function handler(req: { n: number }) { const user = await fetch("/u"); return heavy(req.n) + Number(user.ok); }',
      ].join('\n'),
      { fileName: 'h.ts' },
    );
    const handler = fnNamed(report, 'handler');
    assert.strictEqual(handler.quadrant, 'concurrent');
    assert.ok(handler.evidence.some((e) => e.kind === 'callee' && e.text === 'calls heavy (CPU-heavy)'), JSON.stringify(handler.evidence));
  });

  it('an async function that only awaits a CPU-bound local async function is sequential', () => {
    const report = analyze(
      'async function work(n: number) { let s = 0; for (let i = 0; i < n; i++) for (let j = 0; j < 9; j++) s += j; return s; }\nexport async function outer() { return await work(5); }',
      { fileName: 'o.ts' },
    );
    assert.strictEqual(fnNamed(report, 'outer').quadrant, 'sequential');
    assert.ok(fnNamed(report, 'outer').evidence.some((e) => e.kind === 'async-no-wait'));
  });

  it('calls to functions declared later in the file are resolved (hoisting)', () => {
    const report = analyze('export async function first() { await later(); }\nasync function later() { await fetch("/x"); }', { fileName: 'l.ts' });
    assert.strictEqual(fnNamed(report, 'first').quadrant, 'concurrent');
  });
});

describe('classify: parallel fraction', () => {
  it('is 0 for code that runs on one thread', () => {
    const report = analyze('export async function f() { await fetch("/a"); await fetch("/b"); }', { fileName: 'p.ts' });
    assert.strictEqual(fnNamed(report, 'f').parallelFraction, 0);
  });

  it('grows with the share of work handed to workers', () => {
    const code = (loop: string) =>
      `import Piscina from 'piscina';\nconst pool = new Piscina();\nexport async function f(xs: number[]) { ${loop} return Promise.all(xs.map((x) => pool.run(x))); }`;
    const light = fnNamed(analyze(code(''), { fileName: 'a.ts' }), 'f').parallelFraction;
    const heavyMain = fnNamed(analyze(code('let s = 0; for (let i = 0; i < 64; i++) { s += i; s *= 2; s -= 1; }'), { fileName: 'b.ts' }), 'f').parallelFraction;
    assert.ok(light > 0.8 && light <= 1, `light ${light}`);
    assert.ok(heavyMain < light, `main-thread work should lower P: ${heavyMain} vs ${light}`);
  });
});

describe('model: function names and spans', () => {
  it('names declarations, const arrows, methods, object methods, the module and anonymous callbacks', () => {
    const report = analyze(
      [
        'function decl() {}',
        'const arrow = () => 1;',
        'const expr = function () {};',
        'class Shop { checkout() {} static make = async () => {}; }',
        'const api = { list() { return [1].map((x) => x); } };',
      ].join('\n'),
      { fileName: 'n.ts' },
    );
    assert.deepStrictEqual(
      report.functions.map((f) => [f.name, f.line, f.column]),
      [
        ['<module>', 1, 1],
        ['decl', 1, 1],
        ['arrow', 2, 15],
        ['expr', 3, 14],
        ['Shop.checkout', 4, 14],
        ['Shop.make', 4, 42],
        ['list', 5, 15],
        ['[…].map callback', 5, 39],
      ],
    );
  });
});
