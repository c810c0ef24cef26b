/** The settings and the project's configuration file, merged for one document. */
import * as assert from 'assert';
import { mergeSettings } from '../../../src/extension/settingsMerge';
import { PRESETS } from '../../../src/core/presets';

describe('settings merged with the configuration file', () => {
  it('without a file: the recommended preset with the settings over it, nothing to say', () => {
    const merged = mergeSettings(null, { 'await-in-loop': 'error' }, '/app/src/a.ts');
    assert.deepStrictEqual(merged, { rules: { ...PRESETS.recommended.rules, 'await-in-loop': 'error' }, strict: false, preset: 'recommended', file: null, ignored: false, note: null });
  });

  it('the file wins where both name a rule, and the note says which', () => {
    const found = { file: '/app/concurrency-lens.config.json', config: { preset: 'strict' as const, rules: { 'await-in-loop': 'off' as const, 'blocking-call': 'warning' as const }, ignore: [] } };
    const merged = mergeSettings(found, { 'await-in-loop': 'error', 'floating-promise': 'info', 'blocking-call': 'warning' }, '/app/src/a.ts');
    assert.strictEqual(merged.rules['await-in-loop'], 'off');
    assert.strictEqual(merged.rules['floating-promise'], 'info', 'a rule the file does not name keeps the setting');
    assert.strictEqual(merged.rules['unbounded-fanout'], 'info', "the file's preset fills the rest");
    assert.strictEqual(merged.strict, true);
    assert.strictEqual(merged.note, 'concurrency-lens.config.json overrides your concurrencyLens.rules for: await-in-loop (off).');
  });

  it("a document the file's ignore patterns match is ignored; one outside the file's folder is not", () => {
    const found = { file: '/app/concurrency-lens.config.json', config: { rules: {}, ignore: ['generated/**'] } };
    assert.strictEqual(mergeSettings(found, {}, '/app/generated/api.ts').ignored, true);
    assert.strictEqual(mergeSettings(found, {}, '/app/src/api.ts').ignored, false);
    assert.strictEqual(mergeSettings(found, {}, '/elsewhere/generated/api.ts').ignored, false);
  });
});
