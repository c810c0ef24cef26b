/**
 * The timeline views' choice of function (src/extension/functionChoice.ts):
 * the same function across edits, and a useful default instead of an empty
 * module chart.
 */
import * as assert from 'assert';
import { analyze } from '../../../src/core/report';
import type { Report } from '../../../src/core/reportTypes';
import { identityOf, preferredFunction, resolveIdentity } from '../../../src/extension/functionChoice';

const HANDLER = [
  "import { readFileSync } from 'node:fs';",
  "import { Pool } from 'pg';",
  'const db = new Pool();',
  'export async function loadUsers(ids: string[]) {',
  '  const users: string[] = [];',
  "  for (const id of ids) users.push(await db.query('SELECT name FROM users WHERE id = $1', [id]));",
  '  return users;',
  '}',
  'export async function handle(path: string) {',
  "  return readFileSync(path, 'utf8').length + (await db.query('SELECT count(*) FROM users')).rowCount;",
  '}',
  'export function total(xs: number[]) { let s = 0; for (const x of xs) s += x; return s; }',
  '',
].join('\n');

function report(text: string): Report {
  // Strict: the exported functions' callers are unknown, and these tests want their findings.
  const result = analyze(text, { fileName: 'h.ts', strict: true });
  assert.strictEqual(result.parseError, null);
  return result;
}

function named(r: Report, name: string) {
  const fn = r.functions.find((f) => f.name === name);
  assert.ok(fn, `no ${name} among ${r.functions.map((f) => f.name).join(', ')}`);
  return fn;
}

describe('function choice: identity across edits', () => {
  it('finds the same function after a function is added above it (its id moved)', () => {
    const before = report(HANDLER);
    const identity = identityOf(before, named(before, 'handle').id)!;
    const after = report(HANDLER.replace('export async function loadUsers', 'function extra() { return 1; }\nexport async function loadUsers'));
    const found = resolveIdentity(after, identity);
    assert.strictEqual(found?.name, 'handle');
    assert.strictEqual(found.line, 10);
    assert.notStrictEqual(found.id, named(before, 'handle').id);
  });

  it('tells namesakes apart by their order, and by their place when one is added', () => {
    const two = report("declare const app: any;\napp.get('/a', (q: any) => q);\nsetTimeout(() => 1, 5);\nsetTimeout(() => 2, 5);\n");
    const second = two.functions.filter((f) => f.name === 'setTimeout callback')[1];
    const identity = identityOf(two, second.id)!;
    assert.deepStrictEqual(identity, { name: 'setTimeout callback', occurrence: 1, namesakes: 2, line: 4 });
    assert.strictEqual(resolveIdentity(report(`// moved\n${"declare const app: any;\napp.get('/a', (q: any) => q);\nsetTimeout(() => 1, 5);\nsetTimeout(() => 2, 5);\n"}`), identity)?.line, 5);
    const three = report("declare const app: any;\napp.get('/a', (q: any) => q);\nsetTimeout(() => 1, 5);\nsetTimeout(() => 0, 5);\nsetTimeout(() => 2, 5);\n");
    assert.strictEqual(resolveIdentity(three, identity)?.line, 4);
  });

  it('is undefined when the function is gone', () => {
    const before = report(HANDLER);
    const identity = identityOf(before, named(before, 'total').id)!;
    assert.strictEqual(resolveIdentity(report(HANDLER.replace(/export function total.*\n/, '')), identity), undefined);
    assert.strictEqual(identityOf(before, 999), undefined);
  });
});

describe('function choice: what Show Timeline opens', () => {
  it('the function at the cursor when the cursor is inside one', () => {
    const r = report(HANDLER);
    assert.strictEqual(preferredFunction(r, 4, named(r, 'total')), named(r, 'total').id);
  });

  it('outside every function (line 1): the one with the most findings, not the empty module', () => {
    const r = report(HANDLER.replace('export function total', "export async function total(xs: number[]) { for (const x of xs) { await db.query('SELECT $1', [x]); await db.query('SELECT $2', [x]); } }\nexport function unused"));
    assert.deepStrictEqual(r.findings.map((f) => `${f.rule}:${f.functionId}`).sort(), [
      `await-in-loop:${named(r, 'loadUsers').id}`,
      `await-in-loop:${named(r, 'total').id}`,
      `blocking-call:${named(r, 'handle').id}`,
    ].sort());
    // One finding each: the longest predicted time decides. Both loops of awaits take far longer
    // than handle's one read and one wait, and total waits twice per item where loadUsers waits once.
    assert.strictEqual(preferredFunction(r, 4, r.functions[0]), named(r, 'total').id);
    const withTwo = report(HANDLER.replace("  return readFileSync(path, 'utf8')", "  readFileSync(path);\n  return readFileSync(path, 'utf8')"));
    assert.strictEqual(preferredFunction(withTwo, 4, withTwo.functions[0]), named(withTwo, 'handle').id);
  });

  it('no findings: the longest predicted time', () => {
    const clean = report('export function quick() { return 1; }\nexport async function slow(u: string) { const a = await fetch(u); return a.json(); }\n');
    assert.deepStrictEqual(clean.findings, []);
    assert.strictEqual(preferredFunction(clean, 4), named(clean, 'slow').id);
  });

  it('a file with only top-level code opens the module', () => {
    const r = report('const x = 1;\nconsole.log(x);\n');
    assert.strictEqual(preferredFunction(r, 4), 0);
  });
});
