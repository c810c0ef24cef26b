/**
 * The configuration file (src/core/config.ts): what is accepted, the exact message for
 * everything that is not, how presets, the file's rules and --rule flags stack, and the
 * ignore patterns.
 */
import * as assert from 'assert';
import { createIgnoreFilter, loadConfig, nonDefaultRules, resolveSettings, type LensConfig } from '../../../src/core/config';
import { PRESETS } from '../../../src/core/presets';
import { allRules } from '../../../src/core/rules/index';

const FILE = '/app/concurrency-lens.config.json';
const KNOWN_RULES = allRules.map((rule) => rule.meta.id).join(', ');

describe('configuration file: valid', () => {
  const valid: { name: string; text: string; file?: string; config: LensConfig | null }[] = [
    { name: 'an empty object', text: '{}', config: { rules: {}, ignore: [] } },
    {
      name: 'every key',
      text: JSON.stringify({ $schema: './schema.json', preset: 'strict', rules: { 'await-in-loop': 'error', 'async-without-await': 'off' }, ignore: ['generated/**', '!generated/keep.ts', '/build', '*.min.js', 'fixtures/[a-c]*.ts', '\\#notes.ts'] }),
      config: { preset: 'strict', rules: { 'await-in-loop': 'error', 'async-without-await': 'off' }, ignore: ['generated/**', '!generated/keep.ts', '/build', '*.min.js', 'fixtures/[a-c]*.ts', '\\#notes.ts'] },
    },
    { name: 'a byte-order mark before the JSON', text: '\ufeff{"preset":"recommended"}', config: { preset: 'recommended', rules: {}, ignore: [] } },
    { name: 'package.json with the key', file: '/app/package.json', text: '{"name":"app","concurrencyLens":{"rules":{"blocking-call":"warning"}}}', config: { rules: { 'blocking-call': 'warning' }, ignore: [] } },
    { name: 'package.json without the key', file: '/app/package.json', text: '{"name":"app"}', config: null },
  ];
  for (const { name, text, file, config } of valid) {
    it(name, () => {
      const loaded = loadConfig(text, file ?? FILE);
      assert.deepStrictEqual(loaded, config === null ? { kind: 'none' } : { kind: 'config', config });
    });
  }
});

describe('configuration file: invalid, with the message naming the file and the key', () => {
  const invalid: { name: string; text: string; file?: string; problems: [string, string][] }[] = [
    { name: 'not JSON', text: '{ "preset": ', problems: [['', `${FILE}: not valid JSON (${jsonError('{ "preset": ')})`]] },
    { name: 'an array', text: '[]', problems: [['', `${FILE}: the configuration must be a JSON object, got an array`]] },
    { name: 'an unknown key', text: '{"prset":"strict"}', problems: [['prset', `${FILE}: unknown key "prset" (known keys: preset, rules, ignore)`]] },
    { name: 'an unknown preset', text: '{"preset":"strong"}', problems: [['preset', `${FILE}: "preset" must be "recommended", "strict", "all" or "off", got "strong"`]] },
    { name: 'rules as a list', text: '{"rules":["await-in-loop"]}', problems: [['rules', `${FILE}: "rules" must be an object of rule id to "off", "info", "warning" or "error", got an array`]] },
    { name: 'an unknown rule id', text: '{"rules":{"await-in-loops":"error"}}', problems: [['rules.await-in-loops', `${FILE}: unknown rule "await-in-loops" in "rules" (known rules: ${KNOWN_RULES})`]] },
    { name: 'a bad severity', text: '{"rules":{"await-in-loop":"warn"}}', problems: [['rules.await-in-loop', `${FILE}: "rules.await-in-loop" must be "off", "info", "warning" or "error", got "warn"`]] },
    { name: 'a severity that is a number', text: '{"rules":{"await-in-loop":2}}', problems: [['rules.await-in-loop', `${FILE}: "rules.await-in-loop" must be "off", "info", "warning" or "error", got 2`]] },
    { name: 'ignore as a string', text: '{"ignore":"dist"}', problems: [['ignore', `${FILE}: "ignore" must be an array of gitignore-style patterns (strings), got "dist"`]] },
    { name: 'a pattern that is not a string', text: '{"ignore":["a",3]}', problems: [['ignore[1]', `${FILE}: "ignore[1]" must be a string, got 3`]] },
    { name: 'an empty pattern', text: '{"ignore":["  "]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("  ") is empty`]] },
    { name: 'a comment pattern', text: '{"ignore":["#tmp"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("#tmp") starts with "#", which gitignore reads as a comment (write "\\#" to match a name starting with #)`]] },
    { name: 'an unclosed bracket', text: '{"ignore":["src/[ab.ts"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("src/[ab.ts") has a "[" at position 5 that is never closed with "]"`]] },
    { name: 'a backwards range', text: '{"ignore":["[z-a].ts"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("[z-a].ts") has a character range written backwards ("z-a")`]] },
    { name: 'a trailing backslash', text: '{"ignore":["gen\\\\"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("gen\\\\") ends with a lone backslash`]] },
    { name: 'a pattern going up', text: '{"ignore":["../shared/**"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("../shared/**") goes up with "..": patterns only match inside the folder of the configuration file`]] },
    { name: 'a line break', text: '{"ignore":["a\\nb"]}', problems: [['ignore[0]', `${FILE}: "ignore[0]" ("a\\nb") contains a line break: give one pattern per entry`]] },
    {
      name: 'several problems at once, each reported',
      text: '{"preset":1,"rules":{"nope":"off"},"extra":true}',
      problems: [
        ['extra', `${FILE}: unknown key "extra" (known keys: preset, rules, ignore)`],
        ['preset', `${FILE}: "preset" must be "recommended", "strict", "all" or "off", got 1`],
        ['rules.nope', `${FILE}: unknown rule "nope" in "rules" (known rules: ${KNOWN_RULES})`],
      ],
    },
    { name: 'package.json: the key is not an object', file: '/app/package.json', text: '{"concurrencyLens":"strict"}', problems: [['concurrencyLens', '/app/package.json: "concurrencyLens" must be a JSON object, got "strict"']] },
    { name: 'package.json: keys are named with their prefix', file: '/app/package.json', text: '{"concurrencyLens":{"preset":"max","rules":{"blocking-call":"on"}}}', problems: [
      ['concurrencyLens.preset', '/app/package.json: "concurrencyLens.preset" must be "recommended", "strict", "all" or "off", got "max"'],
      ['concurrencyLens.rules.blocking-call', '/app/package.json: "concurrencyLens.rules.blocking-call" must be "off", "info", "warning" or "error", got "on"'],
    ] },
  ];
  for (const { name, text, file, problems } of invalid) {
    it(name, () => {
      const loaded = loadConfig(text, file ?? FILE);
      assert.strictEqual(loaded.kind, 'invalid');
      if (loaded.kind !== 'invalid') return;
      assert.deepStrictEqual(loaded.problems.map((p) => [p.key, p.message]), problems);
      assert.ok(loaded.problems.every((p) => p.file === (file ?? FILE)));
    });
  }
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('parses');
}

describe('presets and precedence', () => {
  it('strict is every rule at its default severity, with likely findings reported', () => {
    assert.deepStrictEqual(PRESETS.strict.rules, Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity])));
    assert.strictEqual(PRESETS.strict.strict, true);
    assert.strictEqual(PRESETS.recommended.strict, false);
    assert.deepStrictEqual(Object.keys(PRESETS.recommended.rules).sort(), allRules.map((rule) => rule.meta.id).sort());
  });

  it('all is every rule at its default severity without likely findings; off turns every rule off', () => {
    assert.deepStrictEqual(PRESETS.all.rules, Object.fromEntries(allRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity])));
    assert.strictEqual(PRESETS.all.strict, false);
    assert.deepStrictEqual(PRESETS.off.rules, Object.fromEntries(allRules.map((rule) => [rule.meta.id, 'off'])));
    assert.deepStrictEqual(resolveSettings({ config: { preset: 'off', rules: { 'blocking-call': 'error' }, ignore: [] } }).rules, { ...PRESETS.off.rules, 'blocking-call': 'error' });
  });

  it('without a file or flags: recommended', () => {
    assert.deepStrictEqual(resolveSettings({ config: null }), { preset: 'recommended', rules: { ...PRESETS.recommended.rules }, strict: false });
  });

  it("the file's preset, then its rules, then the --rule flags", () => {
    const config: LensConfig = { preset: 'strict', rules: { 'await-in-loop': 'error', 'blocking-call': 'off' }, ignore: [] };
    const settings = resolveSettings({ config, cliRules: { 'blocking-call': 'info' } });
    assert.strictEqual(settings.preset, 'strict');
    assert.strictEqual(settings.strict, true);
    assert.strictEqual(settings.rules['await-in-loop'], 'error');
    assert.strictEqual(settings.rules['blocking-call'], 'info');
    assert.strictEqual(settings.rules['async-foreach'], PRESETS.strict.rules['async-foreach']);
  });

  it("--preset replaces the file's preset but keeps the file's rules", () => {
    const config: LensConfig = { preset: 'strict', rules: { 'await-in-loop': 'off' }, ignore: [] };
    const settings = resolveSettings({ config, cliPreset: 'recommended' });
    assert.strictEqual(settings.preset, 'recommended');
    assert.strictEqual(settings.strict, false);
    assert.strictEqual(settings.rules['await-in-loop'], 'off');
  });

  it('nonDefaultRules keeps only what differs from the defaults, sorted', () => {
    assert.deepStrictEqual(nonDefaultRules({ ...PRESETS.strict.rules, 'blocking-call': 'warning', 'async-foreach': 'off' }), { 'async-foreach': 'off', 'blocking-call': 'warning' });
  });
});

describe('ignore patterns', () => {
  const ignored = createIgnoreFilter(['generated/**', '!generated/keep.ts', '/build', '*.min.js']);
  const cases: [string, boolean][] = [
    ['generated/api.ts', true],
    ['generated/keep.ts', false],
    ['build/out.js', true],
    ['src/build/x.ts', false],
    ['vendor/jquery.min.js', true],
    ['src/app.ts', false],
    ['../other/generated/api.ts', false],
  ];
  for (const [file, expected] of cases) it(`${file}: ${expected ? 'left out' : 'kept'}`, () => assert.strictEqual(ignored(file), expected));

  it('no patterns leave nothing out', () => assert.strictEqual(createIgnoreFilter([])('generated/api.ts'), false));
});
