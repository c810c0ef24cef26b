import * as assert from 'assert';
import { parseCommandLine, type CliOptions, type ParsedArgs } from '../../../src/cli/args';

function options(parsed: ParsedArgs): CliOptions {
  assert.strictEqual(parsed.kind, 'run', JSON.stringify(parsed));
  return (parsed as { kind: 'run'; options: CliOptions }).options;
}

function usageError(parsed: ParsedArgs): string {
  assert.strictEqual(parsed.kind, 'usage-error', JSON.stringify(parsed));
  return (parsed as { kind: 'usage-error'; message: string }).message;
}

describe('cli args', () => {
  it('defaults: text, error threshold, machine cores, no overrides', () => {
    assert.deepStrictEqual(options(parseCommandLine(['src'], 6, 3)), {
      format: 'text',
      cores: 6,
      rules: {},
      preset: null,
      config: null,
      project: true,
      failOn: 'error',
      timeline: false,
      html: null,
      trace: null,
      jobs: 3,
      jobsGiven: false,
      timeBudgetMs: 60_000,
      paths: ['src'],
    });
  });

  it('reads every option', () => {
    const parsed = options(
      parseCommandLine(
        [
          '--format', 'sarif', '--cores=3', '--rule', 'async-foreach=off', '--rule', 'await-in-loop=error', '--fail-on', 'info',
          '--html', 'out/page.html', '--trace=trace.json', '--jobs', '5', '--time-budget', '2.5', '--preset', 'strict',
          '--config', 'lens.json', '--no-project', 'a.ts', 'lib',
        ],
        8,
      ),
    );
    assert.deepStrictEqual(parsed, {
      format: 'sarif',
      cores: 3,
      rules: { 'async-foreach': 'off', 'await-in-loop': 'error' },
      preset: 'strict',
      config: 'lens.json',
      project: false,
      failOn: 'info',
      timeline: false,
      html: 'out/page.html',
      trace: 'trace.json',
      jobs: 5,
      jobsGiven: true,
      timeBudgetMs: 2500,
      paths: ['a.ts', 'lib'],
    });
  });

  it('--timeline goes with text and json', () => {
    assert.strictEqual(options(parseCommandLine(['--timeline', 'x'])).timeline, true);
    assert.strictEqual(options(parseCommandLine(['--format', 'json', '--timeline', 'x'])).timeline, true);
  });

  it('-j is --jobs; --time-budget takes seconds, or none for no limit', () => {
    assert.strictEqual(options(parseCommandLine(['-j', '1', 'x'])).jobs, 1);
    assert.strictEqual(options(parseCommandLine(['--time-budget', '90', 'x'])).timeBudgetMs, 90_000);
    assert.strictEqual(options(parseCommandLine(['--time-budget=0.25', 'x'])).timeBudgetMs, 250);
    assert.strictEqual(options(parseCommandLine(['--time-budget', 'none', 'x'])).timeBudgetMs, null);
  });

  it('--fail-on none is accepted', () => {
    assert.strictEqual(options(parseCommandLine(['--fail-on', 'none', 'x'])).failOn, 'none');
  });

  it('a later --rule for the same id wins', () => {
    const parsed = options(parseCommandLine(['--rule', 'async-foreach=off', '--rule', 'async-foreach=info', 'x']));
    assert.deepStrictEqual(parsed.rules, { 'async-foreach': 'info' });
  });

  it('paths after -- may start with a dash', () => {
    assert.deepStrictEqual(options(parseCommandLine(['--', '-weird.ts'])).paths, ['-weird.ts']);
  });

  it('help and version win over other arguments', () => {
    assert.deepStrictEqual(parseCommandLine(['--help']), { kind: 'help' });
    assert.deepStrictEqual(parseCommandLine(['-h', '--format', 'bogus']), { kind: 'help' });
    assert.deepStrictEqual(parseCommandLine(['--version']), { kind: 'version' });
    assert.deepStrictEqual(parseCommandLine(['-v']), { kind: 'version' });
  });

  const errors: [string, string[], RegExp][] = [
    ['no paths', [], /no files or folders given/],
    ['no paths with options', ['--format', 'json'], /no files or folders given/],
    ['unknown flag', ['--bogus', 'x'], /unknown option '--bogus'/],
    ['unknown short flag', ['-x', 'x'], /unknown option '-x'/],
    ['--timeline with sarif', ['--format', 'sarif', '--timeline', 'x'], /--timeline applies to the text and json formats \(with sarif, use --html FILE or --trace FILE\)/],
    ['--timeline with a value', ['--timeline=yes', 'x'], /option '--timeline' does not take a value/],
    ['--html without a file', ['x', '--html'], /option '--html' needs a value/],
    ['--html with an empty file name', ['--html=', 'x'], /--html needs a file name/],
    ['--trace with a blank file name', ['--trace', ' ', 'x'], /--trace needs a file name/],
    ['--html and --trace on one file', ['--html', 'a.out', '--trace', 'a.out', 'x'], /--html and --trace would both write 'a\.out'/],
    ['missing value', ['x', '--format'], /option '--format' needs a value/],
    ['value on a boolean', ['--help=yes', 'x'], /option '--help' does not take a value/],
    ['bad format', ['--format', 'xml', 'x'], /unknown --format 'xml' \(use text, json or sarif\)/],
    ['bad fail-on', ['--fail-on', 'off', 'x'], /unknown --fail-on severity 'off' \(use info, warning, error or none\)/],
    ['zero cores', ['--cores', '0', 'x'], /--cores must be a positive whole number, got '0'/],
    ['negative cores', ['--cores=-2', 'x'], /--cores must be a positive whole number/],
    ['fractional cores', ['--cores', '2.5', 'x'], /--cores must be a positive whole number/],
    ['cores not a number', ['--cores', 'many', 'x'], /--cores must be a positive whole number/],
    ['zero jobs', ['--jobs', '0', 'x'], /--jobs must be a whole number from 1 to 64, got '0'/],
    ['too many jobs', ['--jobs', '65', 'x'], /--jobs must be a whole number from 1 to 64/],
    ['fractional jobs', ['-j', '1.5', 'x'], /--jobs must be a whole number/],
    ['a zero time budget', ['--time-budget', '0', 'x'], /--time-budget must be a number of seconds above 0 and at most 86400, or none, got '0'/],
    ['a time budget with a unit', ['--time-budget', '20s', 'x'], /--time-budget must be a number of seconds/],
    ['a negative time budget', ['--time-budget=-1', 'x'], /--time-budget must be a number of seconds/],
    ['rule without =', ['--rule', 'async-foreach', 'x'], /--rule expects ID=SEVERITY/],
    ['unknown rule', ['--rule', 'no-such-rule=off', 'x'], /unknown rule 'no-such-rule'.*known rules: .*async-foreach/],
    ['bad rule severity', ['--rule', 'async-foreach=fatal', 'x'], /unknown severity 'fatal' for rule 'async-foreach'/],
    ['unknown preset', ['--preset', 'strong', 'x'], /^unknown --preset 'strong' \(use recommended, strict, all or off\)$/],
    ['--preset without a name', ['x', '--preset'], /^option '--preset' needs a value$/],
    ['--config with a blank file name', ['--config', ' ', 'x'], /^--config needs a file name$/],
    ['--no-project with a value', ['--no-project=yes', 'x'], /^option '--no-project' does not take a value$/],
  ];
  for (const [name, argv, expected] of errors) {
    it(`usage error: ${name}`, () => {
      assert.match(usageError(parseCommandLine(argv)), expected);
    });
  }
});
