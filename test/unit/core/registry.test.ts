/** The rule registry, the manifest and the docs stay in step. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core/report';
import { allRules } from '../../../src/core/rules';
import { RULE_DEFAULTS } from '../../../src/core/ruleCatalog';

const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const DESIGN_IDS = [
  'async-cpu-bound', 'promise-all-cpu', 'await-in-loop', 'sequential-awaits', 'blocking-call', 'event-loop-hog',
  'worker-oversubscription', 'async-foreach', 'floating-promise', 'async-without-await', 'sync-promise-executor', 'unbounded-fanout',
];

describe('rule registry', () => {
  it('has exactly the twelve rules of the design, each in a file named by its id', () => {
    assert.deepStrictEqual(allRules.map((r) => r.meta.id).sort(), [...DESIGN_IDS].sort());
    for (const rule of allRules) assert.ok(fs.existsSync(path.join(root, 'src/core/rules', `${rule.meta.id}.ts`)), rule.meta.id);
  });

  it('the light catalog (ids and default severities, for configuration without the rules) equals the registry', () => {
    assert.deepStrictEqual({ ...RULE_DEFAULTS }, Object.fromEntries(allRules.map((r) => [r.meta.id, r.meta.defaultSeverity])));
  });

  it('every rule has metadata: description, a default severity and its docs page', () => {
    for (const { meta } of allRules) {
      assert.ok(meta.description.length > 20, `${meta.id} description`);
      assert.ok(['info', 'warning', 'error'].includes(meta.defaultSeverity), `${meta.id} severity`);
      assert.strictEqual(meta.docs, `docs/rules/${meta.id}.md`);
    }
  });

  it('every docs page exists with a bad and a good example', () => {
    for (const { meta } of allRules) {
      const page = fs.readFileSync(path.join(root, meta.docs), 'utf8');
      assert.match(page, new RegExp(`^# ${meta.id}`, 'm'), `${meta.id}: title`);
      assert.match(page, /```(ts|typescript|js)/, `${meta.id}: code examples`);
      assert.match(page, /bad|incorrect/i, `${meta.id}: a bad example`);
      assert.match(page, /good|correct/i, `${meta.id}: a good example`);
    }
  });

  it("every docs page's Bad example is flagged by its rule and its Good example is not (the pages cannot drift from the rules)", () => {
    const firstBlock = (page: string, heading: string) => /```(?:ts|typescript|js|javascript)\n([\s\S]*?)```/.exec(page.slice(page.indexOf(`## ${heading}`)))?.[1] ?? '';
    for (const { meta } of allRules) {
      const page = fs.readFileSync(path.join(root, meta.docs), 'utf8');
      const count = (code: string) => analyze(code, { fileName: 'src/example.ts' }).findings.filter((f) => f.rule === meta.id).length;
      assert.ok(count(firstBlock(page, 'Bad')) >= 1, `${meta.id}: the Bad example is flagged`);
      assert.strictEqual(count(firstBlock(page, 'Good')), 0, `${meta.id}: the Good example is not flagged`);
    }
  });

  it('the extension manifest lists every rule under concurrencyLens.rules', () => {
    const properties = manifest.contributes.configuration.properties['concurrencyLens.rules'].properties;
    assert.deepStrictEqual(Object.keys(properties).sort(), [...DESIGN_IDS].sort());
  });
});
