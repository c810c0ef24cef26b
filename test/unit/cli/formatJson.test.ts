import * as assert from 'assert';
import { formatJson, roundTo2 } from '../../../src/cli/formatJson';
import { makeFile, makeFinding, makeFunction } from './helpers';

describe('cli json format', () => {
  const analysed = makeFile('src/a.ts', {
    quadrant: 'concurrent-parallel',
    functions: [
      makeFunction({
        id: 0,
        name: '<module>',
        kind: 'module',
        parentId: null,
        line: 1,
        column: 1,
        endLine: 20,
        endColumn: 1,
        evidence: [{ kind: 'worker', text: 'new Worker()', line: 3, column: 1, endLine: 3, endColumn: 10 }],
      }),
      makeFunction({
        name: 'crunch',
        async: true,
        quadrant: 'concurrent-parallel',
        parallelFraction: 0.876543,
        line: 4,
        column: 8,
        endLine: 12,
        endColumn: 2,
      }),
    ],
    findings: [
      makeFinding({
        rule: 'worker-oversubscription',
        severity: 'warning',
        message: 'A worker per item.',
        line: 6,
        column: 5,
        endLine: 6,
        endColumn: 30,
        related: [
          { message: 'the loop', line: 5, column: 3, endLine: 8, endColumn: 4 },
          { message: 'the worker script', file: 'src/worker.ts', line: 1, column: 1, endLine: 1, endColumn: 2 },
        ],
        fixes: [{ title: 'use a pool', isPreferred: true, edits: [] }],
      }),
    ],
  });
  const broken = makeFile('src/b.ts', { parseError: { message: "',' expected.", line: 2, column: 33 } });
  const skipped = makeFile('src/min.js', { skipped: 'file looks minified' });

  it('prints exactly the contract: keys, order, nothing extra, 2-space indent', () => {
    const expected = {
      version: 1,
      files: [
        {
          path: 'src/a.ts',
          parseError: null,
          quadrant: 'concurrent-parallel',
          functions: [
            {
              name: '<module>',
              line: 1,
              column: 1,
              endLine: 20,
              endColumn: 1,
              async: false,
              quadrant: 'sequential',
              parallelFraction: 0,
            },
            {
              name: 'crunch',
              line: 4,
              column: 8,
              endLine: 12,
              endColumn: 2,
              async: true,
              quadrant: 'concurrent-parallel',
              parallelFraction: 0.88,
            },
          ],
          findings: [
            {
              rule: 'worker-oversubscription',
              severity: 'warning',
              message: 'A worker per item.',
              line: 6,
              column: 5,
              endLine: 6,
              endColumn: 30,
              related: [
                { message: 'the loop', line: 5, column: 3, endLine: 8, endColumn: 4 },
                { message: 'the worker script', file: 'src/worker.ts', line: 1, column: 1, endLine: 1, endColumn: 2 },
              ],
            },
          ],
        },
        {
          path: 'src/b.ts',
          parseError: { message: "',' expected.", line: 2, column: 33 },
          quadrant: 'sequential',
          functions: [],
          findings: [],
        },
        // A skipped file adds nothing to the contract: empty lists, no reason field.
        { path: 'src/min.js', parseError: null, quadrant: 'sequential', functions: [], findings: [] },
      ],
    };
    // String equality checks key order too, which deepStrictEqual would not.
    assert.strictEqual(formatJson([analysed, broken, skipped]), `${JSON.stringify(expected, null, 2)}\n`);
  });

  it('key order, spelled out', () => {
    const parsed = JSON.parse(formatJson([analysed, broken]));
    assert.deepStrictEqual(Object.keys(parsed), ['version', 'files']);
    assert.deepStrictEqual(Object.keys(parsed.files[0]), ['path', 'parseError', 'quadrant', 'functions', 'findings']);
    assert.deepStrictEqual(Object.keys(parsed.files[0].functions[1]), [
      'name',
      'line',
      'column',
      'endLine',
      'endColumn',
      'async',
      'quadrant',
      'parallelFraction',
    ]);
    assert.deepStrictEqual(Object.keys(parsed.files[0].findings[0]), [
      'rule',
      'severity',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'related',
    ]);
    assert.deepStrictEqual(Object.keys(parsed.files[0].findings[0].related[1]), ['message', 'file', 'line', 'column', 'endLine', 'endColumn']);
    assert.deepStrictEqual(Object.keys(parsed.files[1].parseError), ['message', 'line', 'column']);
  });

  it('an empty run is still a valid document', () => {
    assert.strictEqual(formatJson([]), '{\n  "version": 1,\n  "files": []\n}\n');
  });

  it('rounds the parallel fraction to two decimals', () => {
    assert.strictEqual(roundTo2(0.904), 0.9);
    assert.strictEqual(roundTo2(0.905001), 0.91);
    assert.strictEqual(roundTo2(1), 1);
    assert.strictEqual(roundTo2(1 / 3), 0.33);
  });
});
