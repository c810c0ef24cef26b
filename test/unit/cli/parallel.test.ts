/**
 * Issue 11, item 1 and the CLI half of issue 8: files are analysed on worker threads
 * (--jobs), the output is byte-identical whatever the thread count and completion order,
 * and a file over its time budget is reported as skipped while the others get their reports.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/run';
import { makeTempDir, removeTempDir, REPO_ROOT, runBuiltCli } from './helpers';

/** `levels` nested `async function` arguments: TypeScript's parser takes time exponential in them (24: about a minute). */
function stall(levels: number): string {
  let body = 'x;';
  for (let i = 0; i < levels; i++) body = `f(async function () { ${body} });`;
  return `${body}\n`;
}

async function runInProcess(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdoutIsTTY: false, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), defaultCores: 4, defaultJobs: 2 };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

describe('cli on worker threads', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    const files: Record<string, string> = {};
    for (const folder of ['examples', 'test/fixtures/cli', 'test/fixtures/reports']) {
      for (const name of fs.readdirSync(path.join(REPO_ROOT, folder))) {
        if (/\.(ts|tsx|js)$/.test(name)) files[`${folder.replace(/\//g, '_')}/${name}`] = fs.readFileSync(path.join(REPO_ROOT, folder, name), 'utf8');
      }
    }
    // A large file first in the order, so with several threads it finishes after files listed later.
    files['a_first/large.ts'] = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'crawler.ts'), 'utf8').repeat(40).replace(/export /g, '');
    dir = makeTempDir(files);
  });
  after(() => removeTempDir(dir));

  for (const format of ['text', 'json', 'sarif']) {
    it(`--format ${format}: byte-identical output with 1, 2 and 3 jobs`, async () => {
      const extra = format === 'sarif' ? [] : ['--timeline'];
      const runs = [];
      for (const jobs of ['1', '2', '3']) runs.push(await runInProcess(['--format', format, ...extra, '--fail-on', 'none', '--jobs', jobs, '.'], dir));
      assert.strictEqual(runs[0].status, 0, runs[0].stderr);
      assert.ok(runs[0].stdout.length > 1000);
      for (const run of runs.slice(1)) {
        assert.strictEqual(run.stdout, runs[0].stdout);
        assert.strictEqual(run.stderr, runs[0].stderr);
        assert.strictEqual(run.status, runs[0].status);
      }
    });
  }

  it('a file over its time budget is skipped with the reason; the other files still get theirs', async () => {
    const stalled = makeTempDir({ 'a-stall.ts': stall(26), 'b-clean.ts': 'export function sum(xs: number[]) {\n  let t = 0;\n  for (const x of xs) t += x;\n  return t;\n}\n' });
    try {
      const json = await runInProcess(['--format', 'json', '--time-budget', '0.5', '--jobs', '1', '.'], stalled);
      assert.strictEqual(json.status, 0, json.stderr);
      const files = (JSON.parse(json.stdout) as { files: { path: string; functions: { name: string }[] }[] }).files;
      assert.deepStrictEqual(files.map((f) => [f.path, f.functions.map((fn) => fn.name)]), [['a-stall.ts', []], ['b-clean.ts', ['<module>', 'sum']]]);
      assert.strictEqual(json.stderr, 'concurrency-lens: a-stall.ts: skipped: analysis took longer than the 0.5 s time budget and was stopped (--time-budget)\n');

      // The bundle is its own worker script: the same through dist/cli.js.
      const text = runBuiltCli(['--time-budget', '0.5', '.'], { cwd: stalled });
      assert.strictEqual(text.status, 0, text.stderr);
      assert.match(text.stdout, /^a-stall\.ts {2}skipped: analysis took longer than the 0\.5 s time budget and was stopped \(--time-budget\)$/m);
      assert.match(text.stdout, /^ {2}sum +1 +sequential/m);
      assert.match(text.stdout, /^2 files: 0 errors, 0 warnings, 0 info; 1 skipped$/m);
    } finally {
      removeTempDir(stalled);
    }
  });

  it('SARIF says which file went over its budget, as a note', async () => {
    const stalled = makeTempDir({ 'stall.ts': stall(26) });
    try {
      const run = await runInProcess(['--format', 'sarif', '--time-budget', '0.5', 'stall.ts'], stalled);
      const log = JSON.parse(run.stdout) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] };
      assert.deepStrictEqual(log.runs[0].invocations[0].toolExecutionNotifications.map((n) => [n.level, n.message.text]), [
        ['note', 'File skipped: analysis took longer than the 0.5 s time budget and was stopped (--time-budget)'],
      ]);
    } finally {
      removeTempDir(stalled);
    }
  });
});
