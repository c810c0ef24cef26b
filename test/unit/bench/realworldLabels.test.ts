import * as assert from 'assert';
import type { Finding } from '../../../bench/realworld/analyzer';
import { csvRow, findingKey, indexByKey, parseCsv, parseLabels, parseRecallLabels, type Label } from '../../../bench/realworld/labels';
import { formatPercent, precision, tallyStudy, uniqueFindings } from '../../../bench/realworld/tally';

const HEADER = 'project,commit,path,line,rule,verdict,reason';

function finding(overrides: Partial<Finding>): Finding {
  return { project: 'p', path: 'src/a.ts', line: 1, column: 1, rule: 'await-in-loop', severity: 'warning', message: 'm', ...overrides };
}

function label(overrides: Partial<Label>): Label {
  return { project: 'p', commit: 'c1', path: 'src/a.ts', line: 1, rule: 'await-in-loop', verdict: 'real', reason: 'r', ...overrides };
}

describe('real-world study: labels', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks, CRLF, and skips blank lines', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,,3\n';
    assert.deepStrictEqual(parseCsv(text), [['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '', '3']]);
  });

  it('writes rows that parse back to the same fields', () => {
    const fields = ['knex', 'lib/a.js', 12, 'uses "tx", then commits'];
    assert.strictEqual(csvRow(fields), 'knex,lib/a.js,12,"uses ""tx"", then commits"');
    assert.deepStrictEqual(parseCsv(csvRow(fields)), [['knex', 'lib/a.js', '12', 'uses "tx", then commits']]);
  });

  it('rejects an unterminated quote instead of swallowing the rest of the file', () => {
    assert.throws(() => parseCsv('a,"b\nc,d\n'), /unterminated quoted field/);
  });

  it('reads labels and names the file and line of a bad row', () => {
    const ok = `${HEADER}\nknex,abc,lib/t.js,7,sequential-awaits,false,"one transaction, in order"\n`;
    assert.deepStrictEqual(parseLabels(ok), [
      { project: 'knex', commit: 'abc', path: 'lib/t.js', line: 7, rule: 'sequential-awaits', verdict: 'false', reason: 'one transaction, in order' },
    ]);
    assert.throws(() => parseLabels(`${HEADER}\nknex,abc,lib/t.js,7,x,maybe,r\n`), /labels\.csv:2: verdict must be real or false, not "maybe"/);
    assert.throws(() => parseLabels(`${HEADER}\nknex,abc,lib/t.js,0,x,real,r\n`), /labels\.csv:2: line must be a positive whole number/);
    assert.throws(() => parseLabels(`${HEADER}\nknex,abc,lib/t.js,3,x,real\n`), /labels\.csv:2: 6 fields, expected 7/);
    assert.throws(() => parseLabels('project,path\n'), /the header must be project,commit,path,line,rule,verdict,reason/);
  });

  it('reads recall labels with their own verdicts', () => {
    const text = 'project,commit,path,line,verdict,reason\npm2,c,lib/God.js,40,rightly-silent,polls the daemon\n';
    assert.strictEqual(parseRecallLabels(text)[0].verdict, 'rightly-silent');
    assert.throws(() => parseRecallLabels('project,commit,path,line,verdict,reason\npm2,c,x.js,1,real,r\n'), /rightly-silent or missed, not "real"/);
  });

  it('keeps only labels made at the pinned commit, and a later row re-judges an earlier one', () => {
    const labels = [label({ verdict: 'real' }), label({ verdict: 'false' }), label({ commit: 'old', line: 2 }), label({ project: 'absent', line: 3 })];
    const index = indexByKey(labels, new Map([['p', 'c1']]), findingKey);
    assert.deepStrictEqual([...index.keys()], [findingKey(label({}))]);
    assert.strictEqual(index.get(findingKey(label({})))?.verdict, 'false');
  });
});

describe('real-world study: precision', () => {
  it('counts one item per rule, file and line', () => {
    const same = [finding({ column: 3 }), finding({ column: 9 }), finding({ rule: 'floating-promise' })];
    assert.deepStrictEqual(uniqueFindings(same).map((f) => [f.rule, f.column]), [['await-in-loop', 3], ['floating-promise', 1]]);
  });

  it('precision is real over judged, and undefined with nothing judged', () => {
    assert.strictEqual(precision(3, 4), 0.75);
    assert.strictEqual(precision(0, 0), null);
    assert.strictEqual(formatPercent(2 / 3), '66.7%');
    assert.strictEqual(formatPercent(null), '-');
  });

  it('tallies each rule, the severity classes and the labels whose finding went away', () => {
    const findings = [
      finding({ line: 1 }),
      finding({ line: 2 }),
      finding({ line: 3 }),
      finding({ line: 4, rule: 'blocking-call', severity: 'error' }),
      finding({ line: 5, rule: 'sequential-awaits', severity: 'info' }),
      finding({ line: 6, rule: 'sequential-awaits', severity: 'info' }),
    ];
    const labels = [
      label({ line: 1, verdict: 'real' }),
      label({ line: 2, verdict: 'false' }),
      label({ line: 4, rule: 'blocking-call', verdict: 'false' }),
      label({ line: 5, rule: 'sequential-awaits', verdict: 'real' }),
      label({ line: 99, rule: 'sequential-awaits', verdict: 'false' }),
    ];
    const index = indexByKey(labels, new Map([['p', 'c1']]), findingKey);
    const study = tallyStudy(findings, index, ['await-in-loop', 'promise-all-cpu', 'blocking-call', 'sequential-awaits']);
    const row = (name: string) => {
      const t = [...study.rules, study.warningAndError, study.info, study.all].find((r) => r.name === name);
      return t && [t.findings, t.judged, t.real, t.false, t.precision, t.unlabeled];
    };
    assert.deepStrictEqual(row('await-in-loop'), [3, 2, 1, 1, 0.5, 1]);
    assert.deepStrictEqual(row('promise-all-cpu'), [0, 0, 0, 0, null, 0]);
    assert.deepStrictEqual(row('blocking-call'), [1, 1, 0, 1, 0, 0]);
    assert.deepStrictEqual(row('sequential-awaits'), [2, 1, 1, 0, 1, 1]);
    assert.deepStrictEqual(row('warning+error'), [4, 3, 1, 2, 1 / 3, 1]);
    assert.deepStrictEqual(row('info'), [2, 1, 1, 0, 1, 1]);
    assert.deepStrictEqual(row('all'), [6, 4, 2, 2, 0.5, 2]);
    assert.deepStrictEqual(study.vanished.real + study.vanished.false, 1);
    assert.deepStrictEqual(study.vanished.byRule.get('sequential-awaits'), { real: 0, false: 1 });
  });
});
