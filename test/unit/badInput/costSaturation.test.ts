/**
 * Issue 11, item 4: loops multiply their body's cost and calls fold in their callee's, so
 * enough nesting overflowed to Infinity: `"total": null` in JSON, "Infinity units" and
 * "main idle NaN%" in text. Costs now saturate (costMath.ts): finite, and never smaller
 * for more work.
 */
import * as assert from 'assert';
import { formatJson } from '../../../src/cli/formatJson';
import { formatText } from '../../../src/cli/formatText';
import { MAX_COST, addCost, mulCost } from '../../../src/core/costMath';
import { analyze } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';

/** `depth` helpers, each running the next one 100 times: flat code whose cost is 100^depth. */
function helperChain(depth: number): string {
  const helpers = Array.from({ length: depth }, (_, i) => `function f${i}(xs: number) {\n  for (let i = 0; i < 100; i++) f${i + 1}(xs);\n}`);
  return [...helpers, `function f${depth}(xs: number) {\n  return xs + 1;\n}`, `export async function run() {\n  await new Worker('./w.js');\n  f0(1);\n}`, ''].join('\n');
}

function totals(depth: number): { total: number; report: ReturnType<typeof analyze>; text: string } {
  const text = helperChain(depth);
  const report = analyze(text, { fileName: 'chain.ts' });
  assert.strictEqual(report.skipped, null);
  const f0 = report.functions.find((fn) => fn.name === 'f0')!;
  return { total: simulate(report, f0.id, { cores: 4 }).total, report, text };
}

describe('bad input: costs stay finite and ordered', () => {
  it('saturating sums and products stop at MAX_COST', () => {
    assert.strictEqual(mulCost(1e300, 1e300), MAX_COST);
    assert.strictEqual(addCost(MAX_COST, MAX_COST), MAX_COST);
    assert.strictEqual(mulCost(64, 64), 4096);
    assert.strictEqual(addCost(2, 3), 5);
  });

  it('a chain of 200 looping helpers has a finite total, JSON numbers and no Infinity or NaN in text', () => {
    const { report, text } = totals(200);
    const timelines = report.functions.map((fn) => simulate(report, fn.id, { cores: 4 }));
    for (const timeline of timelines) {
      assert.ok(Number.isFinite(timeline.total) && timeline.total >= 0, `${timeline.name}: ${timeline.total}`);
      assert.ok(Object.values(timeline.idle).every(Number.isFinite), JSON.stringify(timeline.idle));
      assert.ok(Number.isFinite(timeline.speedup.S) && Number.isFinite(timeline.speedup.P));
    }
    for (const fn of report.functions) assert.ok(fn.parallelFraction >= 0 && fn.parallelFraction <= 1, `${fn.name}: P ${fn.parallelFraction}`);
    const file = { path: 'chain.ts', text, report };
    const json = JSON.parse(formatJson([file], { timelines: [timelines] })) as { files: { functions: { timeline: { total: unknown } }[] }[] };
    assert.ok(json.files[0].functions.every((fn) => typeof fn.timeline.total === 'number'));
    const printed = formatText({ files: [file], problems: [] }, { cores: 4, timelines: [timelines] });
    assert.doesNotMatch(printed, /Infinity|NaN/);
  });

  it('more work never costs less: totals grow with the chain, then stay at the cap', () => {
    const measured = [1, 2, 3, 6, 7, 150, 200].map((depth) => totals(depth).total);
    for (let i = 1; i < measured.length; i++) assert.ok(measured[i] >= measured[i - 1], measured.join(' '));
    assert.ok(measured[2] > measured[1] && measured[1] > measured[0], measured.join(' '));
    assert.ok(measured[measured.length - 1] <= MAX_COST + 10, measured.join(' '));
  });
});
