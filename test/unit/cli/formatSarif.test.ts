import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as sarif from 'sarif';
import { allRules } from '../../../src/core/rules/index';
import {
  FINGERPRINT_KEY,
  artifactLocation,
  formatSarif,
  pascalCase,
  toSarifLog,
} from '../../../src/cli/formatSarif';
import type { RunResult } from '../../../src/cli/types';
import { REPO_ROOT, makeFile, makeFinding } from './helpers';

const SOURCE = ['export function f(items: string[]) {', '  items.forEach(async (x) => { await save(x); });', '}', ''].join('\n');

function run(log: sarif.Log): sarif.Run {
  assert.strictEqual(log.runs.length, 1);
  return log.runs[0];
}

describe('cli sarif format', () => {
  const result: RunResult = {
    files: [
      makeFile(
        'src/a.ts',
        {
          findings: [
            makeFinding({ rule: 'async-foreach', severity: 'error', line: 2, column: 3, endLine: 2, endColumn: 50 }),
            makeFinding({
              rule: 'await-in-loop',
              severity: 'warning',
              message: 'Each iteration waits for the previous one.',
              related: [{ message: 'the loop', line: 1, column: 1, endLine: 3, endColumn: 2 }],
            }),
            makeFinding({ rule: 'sequential-awaits', severity: 'info', message: 'These waits could overlap.' }),
          ],
        },
        SOURCE,
      ),
      makeFile('src/b.ts', { parseError: { message: "',' expected.", line: 4, column: 9 } }),
    ],
    problems: [],
  };

  it('has the top-level fields GitHub code scanning requires', () => {
    const log = JSON.parse(formatSarif(result)) as sarif.Log;
    assert.strictEqual(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.strictEqual(log.version, '2.1.0');
    const driver = run(log).tool.driver;
    assert.strictEqual(driver.name, 'concurrency-lens');
    assert.match(driver.informationUri ?? '', /^https:\/\//);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(driver.semanticVersion, pkg.version);
    assert.strictEqual(run(log).columnKind, 'utf16CodeUnits');
  });

  it('describes every rule, whether or not it fired', () => {
    const rules = run(toSarifLog({ files: [], problems: [] })).tool.driver.rules ?? [];
    assert.deepStrictEqual(
      rules.map((rule) => rule.id),
      allRules.map((rule) => rule.meta.id),
    );
    for (const [index, descriptor] of rules.entries()) {
      const meta = allRules[index].meta;
      assert.strictEqual(descriptor.name, pascalCase(meta.id));
      assert.match(descriptor.name ?? '', /^[A-Z][A-Za-z0-9]*$/);
      assert.strictEqual(descriptor.shortDescription?.text, meta.description);
      assert.ok(descriptor.fullDescription?.text.includes(meta.description));
      assert.ok(descriptor.help?.text && descriptor.help.markdown, `help text and markdown for ${meta.id}`);
      assert.strictEqual(
        descriptor.helpUri,
        `https://github.com/concurrency-lens/concurrency-lens/blob/main/docs/rules/${meta.id}.md`,
      );
      const expectedLevel = meta.defaultSeverity === 'info' ? 'note' : meta.defaultSeverity;
      assert.strictEqual(descriptor.defaultConfiguration?.level, expectedLevel);
    }
  });

  it('PascalCases rule ids', () => {
    assert.strictEqual(pascalCase('async-foreach'), 'AsyncForeach');
    assert.strictEqual(pascalCase('worker-oversubscription'), 'WorkerOversubscription');
  });

  it('maps findings to results: ids, index, level, message, location', () => {
    const sarifRun = run(toSarifLog(result));
    const results = sarifRun.results ?? [];
    assert.deepStrictEqual(
      results.map((r) => [r.ruleId, r.level]),
      [
        ['async-foreach', 'error'],
        ['await-in-loop', 'warning'],
        ['sequential-awaits', 'note'],
      ],
    );
    for (const r of results) {
      assert.strictEqual(sarifRun.tool.driver.rules?.[r.ruleIndex ?? -1]?.id, r.ruleId, 'ruleIndex points at the rule');
    }
    assert.strictEqual(results[0].message.text, 'forEach drops the promises its async callback returns.');
    assert.deepStrictEqual(results[0].locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 50 },
        },
      },
    ]);
    assert.strictEqual(results[0].relatedLocations, undefined);
    assert.deepStrictEqual(results[1].relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 1, startColumn: 1, endLine: 3, endColumn: 2 },
        },
        message: { text: 'the loop' },
      },
    ]);
  });

  it('fingerprints survive code added above and tell duplicates apart', () => {
    const finding = makeFinding({ line: 2 });
    const shifted = makeFinding({ line: 5 });
    const print = (file: ReturnType<typeof makeFile>) =>
      (run(toSarifLog({ files: [file], problems: [] })).results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    const before = print(makeFile('src/a.ts', { findings: [finding] }, SOURCE));
    const after = print(makeFile('src/a.ts', { findings: [shifted] }, `// new\n// lines\n// above\n${SOURCE}`));
    assert.match(before[0] ?? '', /^[0-9a-f]{32}:1$/);
    assert.deepStrictEqual(after, before);

    const twice = print(makeFile('src/a.ts', { findings: [finding, finding] }, SOURCE));
    assert.notStrictEqual(twice[0], twice[1]);
    const otherFile = print(makeFile('src/c.ts', { findings: [finding] }, SOURCE));
    assert.notStrictEqual(otherFile[0], before[0]);
  });

  it('reports parse errors as notifications of a successful run', () => {
    const invocation = run(toSarifLog(result)).invocations?.[0];
    assert.strictEqual(invocation?.executionSuccessful, true);
    const notes = invocation?.toolExecutionNotifications ?? [];
    assert.strictEqual(notes.length, 1);
    assert.strictEqual(notes[0].level, 'warning');
    assert.match(notes[0].message.text ?? '', /',' expected\./);
    assert.deepStrictEqual(notes[0].locations?.[0].physicalLocation?.region, { startLine: 4, startColumn: 9 });
  });

  it('an unreadable path makes the run unsuccessful', () => {
    const invocation = run(toSarifLog({ files: [], problems: [{ path: 'gone.ts', reason: 'no such file or folder' }] }))
      .invocations?.[0];
    assert.strictEqual(invocation?.executionSuccessful, false);
    assert.strictEqual(invocation?.toolExecutionNotifications?.[0].level, 'error');
    assert.match(invocation?.toolExecutionNotifications?.[0].message.text ?? '', /no such file/);
  });

  it('records --rule overrides', () => {
    const invocation = run(toSarifLog(result, { rules: { 'await-in-loop': 'info', 'async-foreach': 'off' } }))
      .invocations?.[0];
    const index = (id: string) => allRules.findIndex((rule) => rule.meta.id === id);
    assert.deepStrictEqual(invocation?.ruleConfigurationOverrides, [
      { descriptor: { id: 'async-foreach', index: index('async-foreach') }, configuration: { enabled: false } },
      {
        descriptor: { id: 'await-in-loop', index: index('await-in-loop') },
        configuration: { enabled: true, level: 'note' },
      },
    ]);
  });

  it('writes URIs, not paths', () => {
    assert.deepStrictEqual(artifactLocation('my src/a#1.ts'), { uri: 'my%20src/a%231.ts', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(artifactLocation('../lib/x.ts'), { uri: '../lib/x.ts', uriBaseId: '%SRCROOT%' });
    // Another Windows drive has no relative form: an absolute file URI, without a base id.
    assert.deepStrictEqual(artifactLocation('D:/work/x.ts'), { uri: 'file:///D:/work/x.ts' });
  });
});
