import * as assert from 'assert';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, exitCode, runCli, type CliIo } from '../../../src/cli/run';
import type { RunResult } from '../../../src/cli/types';
import { FIXTURES, makeFile, makeFinding, makeTempDir, removeTempDir } from './helpers';

/** runCli with captured output, for behaviour that does not need the bundle. */
async function runInProcess(argv: string[], env: Record<string, string> = {}, isTTY = false, cwd = FIXTURES) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env,
    stdoutIsTTY: isTTY,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    defaultCores: 4,
  };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

describe('cli exit code', () => {
  const withFindings = (...severities: ('info' | 'warning' | 'error')[]): RunResult => ({
    files: [makeFile('a.ts', { findings: severities.map((severity) => makeFinding({ severity })) })],
    problems: [],
  });

  it('0 when nothing reaches the threshold, 1 when something does', async () => {
    assert.strictEqual(exitCode(withFindings(), 'info'), EXIT_OK);
    assert.strictEqual(exitCode(withFindings('warning'), 'error'), EXIT_OK);
    assert.strictEqual(exitCode(withFindings('warning'), 'warning'), EXIT_FINDINGS);
    assert.strictEqual(exitCode(withFindings('info'), 'warning'), EXIT_OK);
    assert.strictEqual(exitCode(withFindings('info'), 'info'), EXIT_FINDINGS);
    assert.strictEqual(exitCode(withFindings('error'), 'error'), EXIT_FINDINGS);
    assert.strictEqual(exitCode(withFindings('error', 'info'), 'warning'), EXIT_FINDINGS);
  });

  it('2 when a path could not be read, even with findings', async () => {
    const result = withFindings('error');
    result.problems.push({ path: 'gone.ts', reason: 'no such file or folder' });
    assert.strictEqual(exitCode(result, 'error'), EXIT_TROUBLE);
  });

  it('a parse error or a skipped file alone does not fail the run', async () => {
    const result: RunResult = {
      files: [
        makeFile('a.ts', { parseError: { message: 'x', line: 1, column: 1 } }),
        makeFile('b.js', { skipped: 'minified' }),
      ],
      problems: [],
    };
    assert.strictEqual(exitCode(result, 'info'), EXIT_OK);
  });
});

describe('cli run (in process)', () => {
  it('prints help and the version on stdout', async () => {
    const help = await runInProcess(['--help']);
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /^Usage: concurrency-lens /);
    assert.match(help.stdout, /async-foreach/);
    assert.strictEqual(help.stderr, '');
    const version = await runInProcess(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  it('usage errors go to stderr with a hint, nothing to stdout', async () => {
    const bad = await runInProcess(['--rule', 'nope=off', 'clean.ts']);
    assert.strictEqual(bad.status, EXIT_TROUBLE);
    assert.strictEqual(bad.stdout, '');
    assert.match(bad.stderr, /^concurrency-lens: unknown rule 'nope'/);
    assert.match(bad.stderr, /Run 'concurrency-lens --help' for usage\./);
  });

  it('colours text only on a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    assert.doesNotMatch((await runInProcess(['clean.ts'])).stdout, /\u001b\[/);
    assert.match((await runInProcess(['clean.ts'], {}, true)).stdout, /\u001b\[/);
    assert.doesNotMatch((await runInProcess(['clean.ts'], { NO_COLOR: '1' }, true)).stdout, /\u001b\[/);
    assert.match((await runInProcess(['clean.ts'], { FORCE_COLOR: '1' })).stdout, /\u001b\[/);
    // Machine formats are never coloured.
    assert.doesNotMatch((await runInProcess(['--format', 'json', 'clean.ts'], { FORCE_COLOR: '1' })).stdout, /\u001b\[/);
  });

  it('parse errors are notes on stderr for machine formats, and in the text itself', async () => {
    const json = await runInProcess(['--format', 'json', 'parse-error.ts']);
    assert.strictEqual(json.status, EXIT_OK);
    assert.match(json.stderr, /^concurrency-lens: parse-error\.ts:\d+:\d+: parse error, not analysed: /);
    const text = await runInProcess(['parse-error.ts']);
    assert.strictEqual(text.stderr, '');
    assert.match(text.stdout, /^parse-error\.ts:\d+:\d+ parse error: /m);
  });

  it('an existing folder with no sources is not an error, but says so', async () => {
    const dir = makeTempDir({ 'docs/readme.md': '# nothing to analyse' });
    try {
      const none = await runInProcess(['--format', 'json', 'docs'], {}, false, dir);
      assert.strictEqual(none.status, EXIT_OK);
      assert.deepStrictEqual(JSON.parse(none.stdout), { version: 1, files: [] });
      assert.strictEqual(none.stderr, 'concurrency-lens: no TypeScript or JavaScript files found in docs\n');
    } finally {
      removeTempDir(dir);
    }
  });
});
