/**
 * The extension's analysis pool (no `vscode` in it, so plain node runs it) with the real
 * worker bundle: a file over its time budget comes back as a skipped report with the reason,
 * its worker is replaced, and verdicts match the ones given in process.
 */
import * as assert from 'assert';
import * as path from 'node:path';
import { AnalysisPool } from '../../../src/extension/analysisPool';
import { MAX_NESTING } from '../../../src/core/limits';
import { analyze } from '../../../src/core/report';
import { REPO_ROOT } from '../cli/helpers';

const WORKER = path.join(REPO_ROOT, 'dist', 'analysisWorker.js');

function stall(levels: number): string {
  let body = 'x;';
  for (let i = 0; i < levels; i++) body = `f(async function () { ${body} });`;
  return body;
}

describe('extension analysis pool', function () {
  this.timeout(120_000);

  it('a file over its budget is reported as skipped, and the next file is analysed on a fresh worker', async () => {
    // The budget runs from hand-over, so it must leave room for a fresh worker to load the parser.
    const pool = new AnalysisPool(WORKER, 1, 5000);
    try {
      const stalled = await pool.analyze('a', { text: stall(30), fileName: 'stall.ts', rules: {} });
      assert.deepStrictEqual(stalled?.report, {
        version: 1,
        fileName: 'stall.ts',
        parseError: null,
        skipped: 'analysis took longer than the 5 s time budget and was stopped',
        quadrant: 'sequential',
        functions: [],
        findings: [],
      });
      const next = await pool.analyze('b', { text: 'export function f() { return 1; }\n', fileName: 'ok.ts', rules: {} });
      assert.deepStrictEqual(next?.report.functions.map((fn) => fn.name), ['<module>', 'f']);
      assert.strictEqual(pool.workerCount, 1);
    } finally {
      pool.dispose();
    }
  });

  it('gives the same verdict as an analysis in process, just over and just under the depth limit', async () => {
    const pool = new AnalysisPool(WORKER, 1);
    try {
      for (const levels of [MAX_NESTING / 2 - 1, MAX_NESTING / 2 + 1]) {
        const text = `${'{'.repeat(levels)}x;${'}'.repeat(levels)}`;
        const inWorker = await pool.analyze(`deep${levels}`, { text, fileName: 'deep.ts', rules: {} });
        assert.deepStrictEqual(inWorker?.report, analyze(text, { fileName: 'deep.ts' }));
      }
    } finally {
      pool.dispose();
    }
  });
});
