/**
 * The worker's side of project-wide analysis on an in-memory project: a
 * document is analysed with what its imports do, an open document's unsaved
 * text wins over the disk, and summaries are reused while the file's text and
 * its own imports hash the same.
 */
import * as assert from 'assert';
import { createMemoryHost } from '../../../src/core/project';
import { analyzeProject } from '../../../src/core/project/analyzeProject';
import { ProjectWorkerState, displayName } from '../../../src/extension/projectWorker';
import type { IndexEntry, ProjectContext } from '../../../src/extension/workerProtocol';

const handler = `import { createServer } from 'node:http';
import { hashPassword } from './crypto';

const server = createServer((req, res) => {
  const digest = hashPassword(String(req.url));
  res.end(digest);
});

server.listen(8080);
`;

const harmless = `import * as crypto from 'node:crypto';
export function hashPassword(password: string): string {
  return password + 'salt';
}
`;

const blocking = `import * as crypto from 'node:crypto';
export function hashPassword(password: string): string {
  return crypto.pbkdf2Sync(password, 'salt', 100000, 64, 'sha512').toString('hex');
}
`;

/** An import cycle: a's handle() reaches b's check(), which calls a's slowHash(), which blocks. */
const cycleA = `import * as crypto from 'node:crypto';
import { check } from './b';
export function handle(input: string): string {
  return check(input);
}
export function slowHash(input: string): string {
  return crypto.pbkdf2Sync(input, 'salt', 100000, 64, 'sha512').toString('hex');
}
`;

const cycleB = `import { slowHash } from './a';
export function check(input: string): string {
  return slowHash(input);
}
`;

function context(overrides: Partial<ProjectContext> = {}): ProjectContext {
  return { path: '/app/src/handler.ts', roots: ['/app'], overlays: {}, known: [], epoch: 0, maxFiles: 50, importBudgetMs: 60_000, ...overrides };
}

function brief(findings: { rule: string; line: number; column: number; endLine: number; endColumn: number }[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
}

describe('extension: project analysis in the worker', () => {
  const files = { '/app/package.json': '{"name":"app"}', '/app/src/handler.ts': handler, '/app/src/crypto.ts': blocking };

  it("reports the imported helper's blocking call at its call in the handler, pointing into the helper's file", () => {
    const state = new ProjectWorkerState(createMemoryHost(files));
    const { report, entries } = state.analyze(handler, 'src/handler.ts', {}, context());
    assert.deepStrictEqual(brief(report.findings), ['blocking-call@5:18-5:47']);
    assert.deepStrictEqual(report.findings[0].related.map((r) => [r.file, r.line, r.column]), [['/app/src/crypto.ts', 3, 10]]);
    assert.deepStrictEqual(entries.map((e) => [e.path, e.imports]), [
      ['/app/src/handler.ts', ['/app/src/crypto.ts']],
      ['/app/src/crypto.ts', []],
    ]);
    assert.strictEqual(entries[1].summary?.exports.hashPassword.call?.blocks?.api, 'crypto.pbkdf2Sync');
  });

  it("an open document's unsaved text wins over the file on disk", () => {
    const state = new ProjectWorkerState(createMemoryHost({ ...files, '/app/src/crypto.ts': harmless }));
    assert.deepStrictEqual(brief(state.analyze(handler, 'src/handler.ts', {}, context()).report.findings), []);
    const edited = context({ overlays: { '/app/src/crypto.ts': { text: blocking, version: 7 } } });
    assert.deepStrictEqual(brief(state.analyze(handler, 'src/handler.ts', {}, edited).report.findings), ['blocking-call@5:18-5:47']);
    // The edit undone (no overlay any more): the disk's text again.
    assert.deepStrictEqual(brief(state.analyze(handler, 'src/handler.ts', {}, context()).report.findings), []);
  });

  it('reuses a summary while the text hashes the same, and makes a new one when it changes', () => {
    const state = new ProjectWorkerState(createMemoryHost({ ...files, '/app/src/crypto.ts': harmless }));
    const first = state.analyze(handler, 'src/handler.ts', {}, context()).entries[1];
    const again = state.analyze(handler, 'src/handler.ts', {}, context()).entries[1];
    assert.strictEqual(again, first, 'the same entry object: not summarised again');
    const changed = state.analyze(handler, 'src/handler.ts', {}, context({ overlays: { '/app/src/crypto.ts': { text: blocking, version: 2 } } })).entries[1];
    assert.notStrictEqual(changed.hash, first.hash);
    assert.notStrictEqual(changed.summaryHash, first.summaryHash);
  });

  it("uses the host's known entries (from the index) instead of summarising again", () => {
    const host = createMemoryHost({ ...files, '/app/src/crypto.ts': harmless });
    const known: IndexEntry = new ProjectWorkerState(host).analyze(handler, 'src/handler.ts', {}, context()).entries[1];
    const fresh = new ProjectWorkerState(host);
    assert.strictEqual(fresh.analyze(handler, 'src/handler.ts', {}, context({ known: [known] })).entries[1], known);
    // An entry for other text is not trusted.
    const stale = { ...known, hash: 'not-the-hash' };
    assert.notStrictEqual(fresh.analyze(handler, 'src/handler.ts', {}, context({ known: [stale], epoch: 1 })).entries[1], stale);
  });

  it('a helper whose own import changed gets a new summary (its key includes its imports)', () => {
    const helper = `import { hashPassword } from './crypto';\nexport function login(p: string) { return hashPassword(p); }\n`;
    const route = `import { createServer } from 'node:http';\nimport { login } from './login';\ncreateServer((req, res) => { res.end(login(String(req.url))); }).listen(1);\n`;
    const state = new ProjectWorkerState(createMemoryHost({ ...files, '/app/src/crypto.ts': harmless, '/app/src/login.ts': helper }));
    const ctx = (overlays: ProjectContext['overlays']) => context({ path: '/app/src/route.ts', overlays });
    const before = state.analyze(route, 'src/route.ts', {}, ctx({}));
    assert.deepStrictEqual(brief(before.report.findings), []);
    const after = state.analyze(route, 'src/route.ts', {}, ctx({ '/app/src/crypto.ts': { text: blocking, version: 3 } }));
    assert.deepStrictEqual(brief(after.report.findings), ['blocking-call@3:38-3:60']);
    const loginBefore = before.entries.find((e) => e.path === '/app/src/login.ts')!;
    const loginAfter = after.entries.find((e) => e.path === '/app/src/login.ts')!;
    assert.strictEqual(loginAfter.hash, loginBefore.hash);
    assert.notStrictEqual(loginAfter.depsKey, loginBefore.depsKey);
  });

  it('an import cycle ends, and the number of files summarised is bounded', () => {
    const a = `import { b } from './b';\nexport function a() { return b(); }\n`;
    const b = `import { a } from './a';\nexport function b() { return a(); }\n`;
    const state = new ProjectWorkerState(createMemoryHost({ '/c/a.ts': a, '/c/b.ts': b, '/c/main.ts': `import { a } from './a';\na();\n` }));
    const { entries } = state.analyze(`import { a } from './a';\na();\n`, 'main.ts', {}, context({ path: '/c/main.ts', roots: ['/c'] }));
    assert.deepStrictEqual(entries.map((e) => e.path), ['/c/main.ts', '/c/b.ts', '/c/a.ts']);
    const bounded = state.analyze(`import { a } from './a';\na();\n`, 'main.ts', {}, context({ path: '/c/main.ts', roots: ['/c'], maxFiles: 1, epoch: 1 }));
    assert.strictEqual(bounded.entries.length, 2);
  });

  it('settles an import cycle as the CLI does: a summary that needs the file importing it back is made again', () => {
    // Depth first from the handler: b.ts is summarised while a.ts is still open, so without
    // a second round b's check() does not know that a's slowHash() blocks, nor does a's handle().
    const root = handler.replace("import { hashPassword } from './crypto';", "import { handle } from './a';").replace('hashPassword(', 'handle(');
    const files = { '/app/src/a.ts': cycleA, '/app/src/b.ts': cycleB, '/app/src/handler.ts': root };
    const state = new ProjectWorkerState(createMemoryHost(files));
    const { report, entries } = state.analyze(root, 'handler.ts', {}, context());
    assert.deepStrictEqual(brief(report.findings), ['blocking-call@5:18-5:41']);
    const line = /blocking-call@(\d+)/.exec(brief(report.findings)[0])![1];
    assert.strictEqual(root.split('\n')[Number(line) - 1].trim(), 'const digest = handle(String(req.url));');
    assert.deepStrictEqual(entries.map((e) => e.path).sort(), ['/app/src/a.ts', '/app/src/b.ts', '/app/src/handler.ts']);
    // The CLI's whole-project analysis gives the handler the same finding.
    const cli = analyzeProject(createMemoryHost(files), ['/app/src/handler.ts'], (file) => ({ text: files[file as keyof typeof files] }));
    assert.deepStrictEqual(brief(cli.results.get('/app/src/handler.ts')!.report.findings), brief(report.findings));
  });

  it('settles a cycle through the open document itself: its partner learns what the document does', () => {
    // The document (a.ts) is open; b.ts is summarised depth first while a.ts has no summary yet.
    const state = new ProjectWorkerState(createMemoryHost({ '/app/src/a.ts': cycleA, '/app/src/b.ts': cycleB }));
    const { entries } = state.analyze(cycleA, 'a.ts', {}, context({ path: '/app/src/a.ts' }));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    assert.strictEqual(byPath.get('/app/src/b.ts')!.summary!.exports.check.call!.blocks!.api, 'crypto.pbkdf2Sync');
    assert.strictEqual(byPath.get('/app/src/a.ts')!.summary!.exports.handle.call!.blocks!.api, 'crypto.pbkdf2Sync');
    // Typing that leaves the document's summary as it was does not analyse the cycle again: b's entry is the cached one.
    const again = state.analyze(`${cycleA}// a comment typed at the end\n`, 'a.ts', {}, context({ path: '/app/src/a.ts' }));
    assert.strictEqual(again.entries.find((e) => e.path === '/app/src/b.ts'), byPath.get('/app/src/b.ts'));
    // A change to what the document does goes round the cycle again.
    const harmlessA = cycleA.replace("crypto.pbkdf2Sync(input, 'salt', 100000, 64, 'sha512').toString('hex')", 'input');
    const changed = state.analyze(harmlessA, 'a.ts', {}, context({ path: '/app/src/a.ts' }));
    assert.strictEqual(changed.entries.find((e) => e.path === '/app/src/b.ts')!.summary!.exports.check.call!.blocks, null);
  });

  it('names files relative to their workspace folder, else by their base name', () => {
    assert.strictEqual(displayName('/app/src/a.ts', ['/other', '/app']), 'src/a.ts');
    assert.strictEqual(displayName('/elsewhere/lib/b.ts', ['/app']), 'b.ts');
  });
});
