/**
 * End-to-end: the bundled dist/cli.js, spawned like a user would run it.
 * The "findings" block at the end needs the rules to be implemented (they are being
 * written at the same time as this CLI); everything else holds with stub rules too.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as sarif from 'sarif';
import type { JsonOutput } from '../../../src/cli/formatJson';
import { FIXTURES, REPO_ROOT, makeTempDir, removeTempDir, runBuiltCli } from './helpers';

function json(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}

describe('cli end to end', () => {
  describe('usage', () => {
    it('--help exits 0 with the usage on stdout', () => {
      const run = runBuiltCli(['--help']);
      assert.strictEqual(run.status, 0);
      assert.match(run.stdout, /Usage: concurrency-lens \[options\] <files or folders>/);
      assert.match(run.stdout, /--fail-on/);
    });

    it('--version prints the package version', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = runBuiltCli(['--version']);
      assert.strictEqual(run.status, 0);
      assert.strictEqual(run.stdout, `${pkg.version}\n`);
    });

    it('the bundle starts with a shebang', () => {
      assert.match(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    });

    const usageErrors: [string, string[], RegExp][] = [
      ['no paths', [], /no files or folders given/],
      ['an unknown flag', ['--frobnicate', 'clean.ts'], /unknown option '--frobnicate'/],
      ['an unknown rule', ['--rule', 'not-a-rule=error', 'clean.ts'], /unknown rule 'not-a-rule'/],
      ['a bad severity', ['--rule', 'async-foreach=loud', 'clean.ts'], /unknown severity 'loud'/],
      ['a bad --fail-on', ['--fail-on', 'never', 'clean.ts'], /unknown --fail-on severity 'never'/],
      ['zero cores', ['--cores', '0', 'clean.ts'], /--cores must be a positive whole number/],
      ['a bad format', ['--format', 'html', 'clean.ts'], /unknown --format 'html'/],
    ];
    for (const [name, args, message] of usageErrors) {
      it(`exits 2 on ${name}, explaining on stderr`, () => {
        const run = runBuiltCli(args, { cwd: FIXTURES });
        assert.strictEqual(run.status, 2);
        assert.strictEqual(run.stdout, '');
        assert.match(run.stderr, message);
        assert.match(run.stderr, /Run 'concurrency-lens --help' for usage\./);
      });
    }
  });

  describe('files and exit codes', () => {
    it('exits 0 on a clean file and prints its report', () => {
      const run = runBuiltCli(['clean.ts'], { cwd: FIXTURES });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^clean\.ts {2}sequential$/m);
      assert.match(run.stdout, /^ {2}sum +\d+ +sequential/m);
      assert.match(run.stdout, /^1 file: 0 errors, 0 warnings, 0 info$/m);
    });

    it('a missing path exits 2 and names it, but the other files are still printed', () => {
      const text = runBuiltCli(['missing.ts', 'clean.ts'], { cwd: FIXTURES });
      assert.strictEqual(text.status, 2);
      assert.match(text.stderr, /^concurrency-lens: missing\.ts: no such file or folder$/m);
      assert.match(text.stdout, /^clean\.ts /m);

      const asJson = runBuiltCli(['--format', 'json', 'clean.ts', 'missing.ts'], { cwd: FIXTURES });
      assert.strictEqual(asJson.status, 2);
      assert.deepStrictEqual(
        json(asJson.stdout).files.map((f) => f.path),
        ['clean.ts'],
      );
    });

    it('a parse error is reported but does not fail the run', () => {
      const asJson = runBuiltCli(['--format', 'json', 'parse-error.ts', 'clean.ts'], { cwd: FIXTURES });
      assert.strictEqual(asJson.status, 0, asJson.stderr);
      const files = json(asJson.stdout).files;
      assert.deepStrictEqual(
        files.map((f) => f.path),
        ['clean.ts', 'parse-error.ts'],
      );
      const broken = files[1];
      assert.deepStrictEqual(Object.keys(broken.parseError ?? {}), ['message', 'line', 'column']);
      assert.strictEqual(broken.parseError?.line, 2);
      assert.deepStrictEqual([broken.functions, broken.findings], [[], []]);
      assert.match(asJson.stderr, /parse-error\.ts:2:\d+: parse error, not analysed/);

      const text = runBuiltCli(['parse-error.ts'], { cwd: FIXTURES });
      assert.strictEqual(text.status, 0);
      assert.match(text.stdout, /^parse-error\.ts:2:\d+ parse error: .+/m);
    });

    it('a file that is not UTF-8 is unreadable: exit 2, the others still run', () => {
      const dir = makeTempDir({ 'latin1.ts': Buffer.from("const caf\xe9 = 'cr\xe8me';\n", 'latin1'), 'ok.ts': 'export const a = 1;\n' });
      try {
        const run = runBuiltCli(['--format', 'json', '.'], { cwd: dir });
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /^concurrency-lens: latin1\.ts: not valid UTF-8 text/m);
        assert.deepStrictEqual(
          json(run.stdout).files.map((f) => f.path),
          ['ok.ts'],
        );
      } finally {
        removeTempDir(dir);
      }
    });

    it('a minified file is skipped with its reason on stderr, adding nothing to the JSON', () => {
      const minified = `var a=${'[1,2,3],'.repeat(4000)}0;`;
      const dir = makeTempDir({ 'bundle.min.js': minified });
      try {
        const run = runBuiltCli(['--format', 'json', 'bundle.min.js'], { cwd: dir });
        assert.strictEqual(run.status, 0, run.stderr);
        assert.deepStrictEqual(json(run.stdout).files, [
          { path: 'bundle.min.js', parseError: null, quadrant: 'sequential', functions: [], findings: [] },
        ]);
        assert.match(run.stderr, /bundle\.min\.js: skipped: .*minified/);
        const text = runBuiltCli(['bundle.min.js'], { cwd: dir });
        assert.match(text.stdout, /^bundle\.min\.js {2}skipped: .*minified/m);
      } finally {
        removeTempDir(dir);
      }
    });
  });

  describe('folders and paths', () => {
    let dir: string;
    before(() => {
      dir = makeTempDir({
        'src/b/c.js': 'export function c() { return 1; }\n',
        'src/a.ts': 'export const a = 1;\n',
        'src/types.d.ts': 'export declare const t: number;\n',
        'lib/z.mjs': 'export default 1;\n',
        'notes.md': '# not code\n',
        'node_modules/dep/index.js': 'module.exports = 1;\n',
        'src/node_modules/dep/index.ts': 'export {};\n',
        '.hidden/h.ts': 'export {};\n',
        'src/.cache/c.ts': 'export {};\n',
      });
    });
    after(() => removeTempDir(dir));

    it('walks folders for sources, skipping node_modules and dot-folders, sorted by path', () => {
      const run = runBuiltCli(['--format', 'json', '.'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      assert.deepStrictEqual(
        json(run.stdout).files.map((f) => f.path),
        ['lib/z.mjs', 'src/a.ts', 'src/b/c.js'],
      );
    });

    it('is deterministic: same output whatever the argument order', () => {
      const one = runBuiltCli(['src', 'lib'], { cwd: dir });
      const two = runBuiltCli(['lib', 'src/b', 'src'], { cwd: dir });
      assert.strictEqual(one.stdout, two.stdout);
      assert.strictEqual(runBuiltCli(['--format', 'sarif', '.'], { cwd: dir }).stdout, runBuiltCli(['--format', 'sarif', '.'], { cwd: dir }).stdout);
    });

    it('prints paths relative to the current folder, even when given absolute ones', () => {
      const run = runBuiltCli(['--format', 'json', path.join(dir, 'src', 'a.ts'), '../lib'], { cwd: path.join(dir, 'src') });
      assert.deepStrictEqual(
        json(run.stdout).files.map((f) => f.path),
        ['../lib/z.mjs', 'a.ts'],
      );
    });

    it('sarif output names the files relative to %SRCROOT%', () => {
      const run = runBuiltCli(['--format', 'sarif', '.'], { cwd: dir });
      assert.strictEqual(run.status, 0, run.stderr);
      const log = JSON.parse(run.stdout) as sarif.Log;
      assert.strictEqual(log.version, '2.1.0');
      assert.strictEqual(log.runs[0].tool.driver.name, 'concurrency-lens');
      assert.strictEqual(log.runs[0].invocations?.[0].executionSuccessful, true);
    });
  });

  // Needs src/core/rules/async-foreach.ts and await-in-loop.ts implemented (stubs today).
  describe('findings (need the rules)', () => {
    it('async-foreach is an error by default: exit 1, reported in every format', () => {
      const text = runBuiltCli(['async-foreach.ts'], { cwd: FIXTURES });
      assert.strictEqual(text.status, 1, text.stdout + text.stderr);
      assert.match(text.stdout, /^async-foreach\.ts:9:\d+ error async-foreach \S.*$/m);

      const asJson = runBuiltCli(['--format', 'json', 'async-foreach.ts'], { cwd: FIXTURES });
      assert.strictEqual(asJson.status, 1);
      const findings = json(asJson.stdout).files[0].findings;
      assert.deepStrictEqual(
        findings.map((f) => [f.rule, f.severity, f.line]),
        [['async-foreach', 'error', 9]],
      );

      const asSarif = runBuiltCli(['--format', 'sarif', 'async-foreach.ts'], { cwd: FIXTURES });
      assert.strictEqual(asSarif.status, 1);
      const results = (JSON.parse(asSarif.stdout) as sarif.Log).runs[0].results ?? [];
      assert.deepStrictEqual(
        results.map((r) => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri]),
        [['async-foreach', 'error', 'async-foreach.ts']],
      );
    });

    it('--rule ID=off removes the rule and its exit code', () => {
      const run = runBuiltCli(['--format', 'json', '--rule', 'async-foreach=off', 'async-foreach.ts'], { cwd: FIXTURES });
      assert.strictEqual(run.status, 0);
      assert.deepStrictEqual(json(run.stdout).files[0].findings, []);
    });

    it('--fail-on decides which severities fail the run', () => {
      const lowered = ['--format', 'json', '--rule', 'async-foreach=warning', 'async-foreach.ts'];
      const warning = runBuiltCli(lowered, { cwd: FIXTURES });
      assert.strictEqual(warning.status, 0, 'a warning does not fail the default --fail-on error');
      assert.strictEqual(json(warning.stdout).files[0].findings[0]?.severity, 'warning');
      assert.strictEqual(runBuiltCli([...lowered, '--fail-on', 'warning'], { cwd: FIXTURES }).status, 1);
      assert.strictEqual(runBuiltCli([...lowered, '--fail-on', 'info'], { cwd: FIXTURES }).status, 1);

      const info = ['--rule', 'async-foreach=info', 'async-foreach.ts'];
      assert.strictEqual(runBuiltCli([...info, '--fail-on', 'warning'], { cwd: FIXTURES }).status, 0);
      assert.strictEqual(runBuiltCli([...info, '--fail-on', 'info'], { cwd: FIXTURES }).status, 1);
    });

    it('a rule the default preset turns off reports once turned on, and raised to error makes the run fail', () => {
      const byDefault = runBuiltCli(['--format', 'json', 'await-in-loop.ts'], { cwd: FIXTURES });
      assert.strictEqual(byDefault.status, 0, byDefault.stderr);
      assert.deepStrictEqual(json(byDefault.stdout).files[0].findings, []);
      const on = runBuiltCli(['--format', 'json', '--rule', 'await-in-loop=info', 'await-in-loop.ts'], { cwd: FIXTURES });
      assert.deepStrictEqual(
        json(on.stdout).files[0].findings.map((f) => [f.rule, f.severity, f.line, f.column]),
        [['await-in-loop', 'info', 9, 25]],
      );
      const raised = runBuiltCli(['--rule', 'await-in-loop=error', 'await-in-loop.ts'], { cwd: FIXTURES });
      assert.strictEqual(raised.status, 1);
      assert.match(raised.stdout, /^await-in-loop\.ts:9:25 error await-in-loop /m);
    });

    it('exit 2 for an unreadable path wins over exit 1 for findings', () => {
      const run = runBuiltCli(['async-foreach.ts', 'missing.ts'], { cwd: FIXTURES });
      assert.strictEqual(run.status, 2);
      assert.match(run.stdout, /^async-foreach\.ts:9:\d+ error async-foreach /m);
    });
  });
});
