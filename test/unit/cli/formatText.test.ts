import * as assert from 'assert';
import { COLORS } from '../../../src/cli/color';
import { formatText, functionTable } from '../../../src/cli/formatText';
import type { RunResult } from '../../../src/cli/types';
import { makeFile, makeFinding, makeFunction } from './helpers';

const jobSpan = { line: 141, column: 3, endLine: 141, endColumn: 20, start: 0, end: 0 };
const job = { kind: 'worker' as const, api: 'pool.run', cost: 10, spawns: false, awaited: true, span: jobSpan, label: 'pool.run(chunk)' };
const fourJobs = { kind: 'fork' as const, combinator: 'all' as const, tasks: [[job], [job], [job], [job]], repeat: 1, awaited: true, span: jobSpan, label: 'Promise.all(jobs)' };

const ANSI = /\u001b\[/;

describe('cli text format', () => {
  const result: RunResult = {
    files: [
      makeFile('src/a.ts', {
        quadrant: 'concurrent',
        functions: [
          makeFunction({ name: '<module>', line: 1 }),
          makeFunction({ name: 'saveAll', line: 12, async: true, quadrant: 'concurrent', parallelFraction: 0 }),
          // Four equal jobs for a pool: on 4 cores they run side by side, 4× faster than on one.
          makeFunction({ name: 'crunch', line: 140, quadrant: 'parallel', parallelFraction: 1, segments: [fourJobs] }),
        ],
        findings: [
          makeFinding({ line: 14, column: 3 }),
          makeFinding({
            rule: 'await-in-loop',
            severity: 'warning',
            message: 'Each iteration waits for the previous one.',
            line: 20,
            column: 5,
            related: [{ message: 'the loop', line: 19, column: 3, endLine: 22, endColumn: 4 }],
          }),
        ],
      }),
      makeFile('src/b.ts', { parseError: { message: "',' expected.", line: 2, column: 33 } }),
      makeFile('src/min.js', { skipped: 'file looks minified (very long lines)' }),
    ],
    problems: [{ path: 'src/gone.ts', reason: 'no such file or folder' }],
  };

  it('prints findings as path:line:col severity rule message', () => {
    const text = formatText(result, { cores: 4 });
    const lines = text.split('\n');
    assert.ok(lines.includes('src/a.ts:14:3 error async-foreach forEach drops the promises its async callback returns.'));
    assert.ok(lines.includes('src/a.ts:20:5 warning await-in-loop Each iteration waits for the previous one.'));
    assert.ok(lines.includes('    related: src/a.ts:19:3 the loop'));
  });

  it('gives each file a header with its quadrant and an aligned function table', () => {
    const lines = formatText(result, { cores: 4 }).split('\n');
    assert.strictEqual(lines[0], 'src/a.ts  concurrent');
    const table = lines.slice(1, 5);
    assert.deepStrictEqual(table, [
      '  function       line  quadrant       P  S(4)',
      '  <module>          1  sequential    0%  1.0x',
      '  async saveAll    12  concurrent    0%  1.0x',
      '  crunch          140  parallel    100%  4.0x',
    ]);
  });

  it('says clearly when a file was not analysed and why', () => {
    const text = formatText(result, { cores: 4 });
    assert.ok(text.includes("src/b.ts:2:33 parse error: ',' expected."));
    assert.ok(text.includes('src/min.js  skipped: file looks minified (very long lines)'));
  });

  it('ends with a summary line counting findings by severity and the trouble', () => {
    const lines = formatText(result, { cores: 4 }).trimEnd().split('\n');
    assert.strictEqual(
      lines[lines.length - 1],
      '3 files: 1 error, 1 warning, 0 info; 1 file with a parse error, 1 skipped, 1 path could not be read',
    );
    const clean = formatText({ files: [makeFile('x.ts')], problems: [] }, { cores: 2 }).trimEnd().split('\n');
    assert.strictEqual(clean[clean.length - 1], '1 file: 0 errors, 0 warnings, 0 info');
  });

  it('is plain by default and coloured only when asked', () => {
    assert.doesNotMatch(formatText(result, { cores: 4 }), ANSI);
    const coloured = formatText(result, { cores: 4, paint: COLORS });
    assert.match(coloured, ANSI);
    // Colour must not break the alignment: strip it and the table is the same.
    const stripped = coloured.replace(/\u001b\[\d+m/g, '');
    assert.strictEqual(stripped, formatText(result, { cores: 4 }));
  });

  it('says so when a file has no functions', () => {
    assert.deepStrictEqual(functionTable([], 4), ['  (no functions)']);
  });
});
