/**
 * The configuration file and --preset/--config on the command line: which file is found,
 * what it changes, and the exact message and exit code 2 for every way it can be wrong.
 */
import * as assert from 'assert';
import { allRules } from '../../../src/core/rules/index';
import { makeTempDir, removeTempDir } from './helpers';
import { BLOCKING_PROJECT, json, runIn } from './projectHelpers';

/** The blocking helper called from an async function that is not a handler: only `strict` reports it (one level lower). */
const UNKNOWN_CALLERS = {
  ...BLOCKING_PROJECT,
  'src/login.ts': `import { hash } from './hash';\nexport async function login(password: string) {\n  return hash(password);\n}\n`,
};

describe('cli configuration file', function () {
  // Each case starts worker threads and reads a project; on a busy machine that takes seconds.
  this.timeout(120_000);
  let dir = '';
  afterEach(() => {
    if (dir) removeTempDir(dir);
    dir = '';
  });
  const findings = (stdout: string) => json(stdout).files.flatMap((file) => file.findings.map((f) => `${file.path}:${f.line} ${f.severity} ${f.rule}`));

  it('without a file: the recommended preset (the likely finding stays silent)', async () => {
    dir = makeTempDir(UNKNOWN_CALLERS);
    const run = await runIn(dir, ['--format', 'json', 'src/login.ts']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(findings(run.stdout), []);
  });

  it("concurrency-lens.config.json's preset and rules apply, --rule wins over them", async () => {
    dir = makeTempDir({ ...UNKNOWN_CALLERS, 'concurrency-lens.config.json': '{"preset":"strict","rules":{"blocking-call":"error"}}' });
    const run = await runIn(dir, ['--format', 'json', 'src']);
    assert.strictEqual(run.status, 1, run.stderr);
    assert.deepStrictEqual(findings(run.stdout), ['src/login.ts:3 warning blocking-call', 'src/server.ts:4 error blocking-call']);
    const lowered = await runIn(dir, ['--format', 'json', '--rule', 'blocking-call=info', 'src']);
    assert.deepStrictEqual(findings(lowered.stdout), ['src/login.ts:3 info blocking-call', 'src/server.ts:4 info blocking-call']);
  });

  it('a "concurrencyLens" key in package.json works the same; --preset replaces its preset', async () => {
    dir = makeTempDir({ ...UNKNOWN_CALLERS, 'package.json': '{"name":"app","concurrencyLens":{"preset":"off","rules":{"blocking-call":"warning"}}}' });
    const run = await runIn(dir, ['--format', 'json', 'src']);
    assert.deepStrictEqual(findings(run.stdout), ['src/server.ts:4 warning blocking-call']);
    const strict = await runIn(dir, ['--format', 'json', '--preset', 'strict', 'src']);
    assert.deepStrictEqual(findings(strict.stdout), ['src/login.ts:3 info blocking-call', 'src/server.ts:4 warning blocking-call']);
  });

  it('the preset off turns every rule off', async () => {
    dir = makeTempDir(BLOCKING_PROJECT);
    const run = await runIn(dir, ['--format', 'json', '--preset', 'off', 'src']);
    assert.strictEqual(run.status, 0);
    assert.deepStrictEqual(findings(run.stdout), []);
  });

  it('ignore patterns leave files out of the report, but an ignored helper still informs its callers', async () => {
    dir = makeTempDir({ ...BLOCKING_PROJECT, 'concurrency-lens.config.json': '{"ignore":["src/hash.ts"]}' });
    const run = await runIn(dir, ['--format', 'json', '.']);
    assert.deepStrictEqual(json(run.stdout).files.map((file) => file.path), ['src/server.ts']);
    assert.deepStrictEqual(findings(run.stdout), ['src/server.ts:4 error blocking-call']);
  });

  it('--config names the file; the SARIF log records the overrides', async () => {
    dir = makeTempDir({ ...BLOCKING_PROJECT, 'lens/ci.json': '{"rules":{"blocking-call":"warning"}}' });
    const run = await runIn(dir, ['--format', 'sarif', '--config', 'lens/ci.json', 'src']);
    assert.strictEqual(run.status, 0, run.stderr);
    const invocation = JSON.parse(run.stdout).runs[0].invocations[0];
    // Besides the file's override, the rules the recommended preset turns off differ from their descriptors' defaults.
    const off = new Set([
      'async-cpu-bound', 'await-in-loop', 'event-loop-hog', 'promise-all-cpu', 'sequential-awaits', 'sync-promise-executor', 'unbounded-fanout', 'worker-oversubscription',
    ]);
    // And the rule it reports at info although its default is a warning.
    const lowered = new Set(['floating-promise']);
    const expected = allRules.flatMap((rule, index) => {
      if (rule.meta.id === 'blocking-call') return [{ descriptor: { id: rule.meta.id, index }, configuration: { enabled: true, level: 'warning' } }];
      if (lowered.has(rule.meta.id)) return [{ descriptor: { id: rule.meta.id, index }, configuration: { enabled: true, level: 'note' } }];
      return off.has(rule.meta.id) ? [{ descriptor: { id: rule.meta.id, index }, configuration: { enabled: false } }] : [];
    });
    assert.strictEqual(expected.length, 10);
    expected.sort((a, b) => a.descriptor.id.localeCompare(b.descriptor.id)); // the log lists them by rule id
    assert.deepStrictEqual(invocation.ruleConfigurationOverrides, expected);
  });

  const invalid: { name: string; files: Record<string, string>; argv?: string[]; stderr: string }[] = [
    {
      name: 'a bad severity',
      files: { 'concurrency-lens.config.json': '{"rules":{"await-in-loop":"warn"}}' },
      stderr: 'concurrency-lens: concurrency-lens.config.json: "rules.await-in-loop" must be "off", "info", "warning" or "error", got "warn"\n',
    },
    {
      name: 'an unknown key in package.json',
      files: { 'package.json': '{"concurrencyLens":{"presets":"strict"}}' },
      stderr: 'concurrency-lens: package.json: unknown key "concurrencyLens.presets" (known keys: preset, rules, ignore)\n',
    },
    {
      name: 'two problems, one line each',
      files: { 'concurrency-lens.config.json': '{"preset":"max","ignore":["../up"]}' },
      stderr:
        'concurrency-lens: concurrency-lens.config.json: "preset" must be "recommended", "strict", "all" or "off", got "max"\n' +
        'concurrency-lens: concurrency-lens.config.json: "ignore[0]" ("../up") goes up with "..": patterns only match inside the folder of the configuration file\n',
    },
    {
      name: 'a --config file that is missing',
      files: {},
      argv: ['--config', 'nope.json'],
      stderr: 'concurrency-lens: cannot read the configuration file nope.json: no such file or folder\n',
    },
    {
      name: 'a --config package.json without the key',
      files: { 'other/package.json': '{"name":"other"}' },
      argv: ['--config', 'other/package.json'],
      stderr: 'concurrency-lens: --config other/package.json: the package.json has no "concurrencyLens" key\n',
    },
    {
      name: 'paths under different configuration files',
      files: { 'a/concurrency-lens.config.json': '{}', 'a/x.ts': '', 'b/concurrency-lens.config.json': '{}', 'b/y.ts': '' },
      argv: ['a', 'b'],
      stderr:
        'concurrency-lens: the paths given use different configuration files (a -> a/concurrency-lens.config.json; b -> b/concurrency-lens.config.json): analyse them in separate runs, or pass --config FILE\n',
    },
  ];
  for (const { name, files, argv, stderr } of invalid) {
    it(`exit 2 and nothing analysed for ${name}`, async () => {
      dir = makeTempDir({ ...BLOCKING_PROJECT, ...files });
      const run = await runIn(dir, [...(argv ?? []), ...(argv?.includes('a') ? [] : ['src'])]);
      assert.strictEqual(run.status, 2);
      assert.strictEqual(run.stdout, '');
      assert.strictEqual(run.stderr, stderr);
    });
  }
});
