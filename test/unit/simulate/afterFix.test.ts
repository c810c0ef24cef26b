/**
 * Before/after schedules for findings with a known rewrite: hand-made segments
 * with exact totals, then the real rules' findings through analyze().
 */
import * as assert from 'assert';
import { COST } from '../../../src/core/model/types';
import { analyze } from '../../../src/core/report';
import { FIXABLE_RULES, simulateAfterFix } from '../../../src/core/simulate';
import { call, cpu, fn, fork, io, laneOf, loop } from './helpers';

const finding = (rule: string, line: number, functionId = 0, endLine = line) => ({ rule, line, endLine, functionId });

describe('simulateAfterFix (hand-made segments)', () => {
  it('await-in-loop: the sequential loop becomes Promise.all over its iterations', () => {
    const report = { functions: [fn(0, [loop([cpu(1, 'prepare', 4), io(10, 'fetch(item)', 4)], 5, 'sequential', { line: 3, endLine: 5 }), cpu(1, 'return', 6)])] };
    const result = simulateAfterFix(report, finding('await-in-loop', 4), { cores: 2 })!;
    assert.strictEqual(result.before.total, 5 * 11 + 1);
    // after: five steps back to back (0..5), the last wait 5..15, then the return.
    assert.strictEqual(result.after.total, 5 + 10 + 1);
    assert.strictEqual(result.after.lanes.filter((l) => l.kind === 'io').length, 5);
    assert.deepStrictEqual(laneOf(result.after, 'io 5'), [['io', 5, 15, 'fetch(item)']]);
    assert.strictEqual(result.saving, Math.round((40 / 56) * 10_000) / 10_000);
    assert.strictEqual(result.rule, 'await-in-loop');
  });

  it('await-in-loop: the innermost sequential loop around the await is the one rewritten', () => {
    const inner = loop([io(4, 'get', 3)], 3, 'sequential', { line: 3, endLine: 3 });
    const report = { functions: [fn(0, [loop([inner], 2, 'sequential', { line: 2, endLine: 4 })])] };
    const result = simulateAfterFix(report, finding('await-in-loop', 3), { cores: 1 })!;
    assert.strictEqual(result.before.total, 2 * 3 * 4);
    assert.strictEqual(result.after.total, 2 * 4, 'the outer loop still runs its two rounds one after the other');
  });

  it('sequential-awaits: the run of independent awaits becomes one awaited fork', () => {
    const report = { functions: [fn(0, [io(10, 'a', 2), cpu(1, 'glue', 3), io(10, 'b', 3), io(10, 'c', 4), cpu(2, 'use', 5), io(10, 'later', 6)])] };
    const result = simulateAfterFix(report, finding('sequential-awaits', 2, 0, 4), { cores: 1 })!;
    assert.strictEqual(result.before.total, 43);
    assert.deepStrictEqual(laneOf(result.after, 'main'), [
      ['idle', 0, 10, 'idle, waiting for c'], // all three end at 10; the last one to finish releases the join
      ['cpu', 10, 11, 'glue'],
      ['cpu', 11, 13, 'use'],
      ['idle', 13, 23, 'idle, waiting for later'],
    ]);
    assert.strictEqual(result.after.total, 23);
    assert.strictEqual(simulateAfterFix(report, finding('sequential-awaits', 6), { cores: 1 }), null, 'a single await has nothing to join');
  });

  it('async-foreach: the dropped promises are awaited; same overlap, the function now returns after them', () => {
    const each = fn(1, [io(8, 'send(u)', 3)], { name: '<anonymous>' });
    const report = { functions: [fn(0, [fork([[call(1)]], { combinator: 'deferred', awaited: false, repeat: 3, line: 2 }), cpu(1, 'done', 4)]), each] };
    const result = simulateAfterFix(report, finding('async-foreach', 2), { cores: 1 })!;
    assert.strictEqual(result.before.returnsAt, 1);
    assert.strictEqual(result.before.total, 8);
    assert.strictEqual(result.after.returnsAt, 9);
    assert.strictEqual(result.after.total, 9);
    assert.strictEqual(result.saving, 0, 'a correctness fix, not a speed-up: the saving is clamped at 0');
  });

  it('promise-all-cpu: each CPU task becomes a worker job; they run side by side', () => {
    const report = { functions: [fn(0, [fork([[cpu(30, 'a')], [cpu(30, 'b')], [cpu(30, 'c')]], { line: 2 })])] };
    const result = simulateAfterFix(report, finding('promise-all-cpu', 2), { cores: 3 })!;
    assert.strictEqual(result.before.total, 90);
    assert.deepStrictEqual(laneOf(result.after, 'main')[0], ['cpu', 0, COST.workerStartup, 'start a worker pool']);
    for (const w of [1, 2, 3]) assert.deepStrictEqual(laneOf(result.after, `worker ${w}`).map(([k, s, e]) => [k, s, e]), [['cpu', COST.workerStartup, COST.workerStartup + 30]]);
    assert.strictEqual(result.after.total, COST.workerStartup + 30);
    // 90 on workers; on main the pool start plus, as summarize() counts it, one hand-off per job.
    assert.strictEqual(result.after.speedup.P, Math.round((90 / (90 + 4 * COST.workerStartup)) * 100) / 100);
    assert.strictEqual(result.before.speedup.P, 0);
  });

  it('event-loop-hog: the heavy loop is split over the cores', () => {
    const report = { functions: [fn(0, [cpu(1, 'parse', 2), loop([cpu(2)], 40, 'sync', { line: 3, endLine: 5 }), io(10, 'reply', 6)])] };
    const result = simulateAfterFix(report, finding('event-loop-hog', 3), { cores: 4 })!;
    assert.strictEqual(result.before.total, 1 + 80 + 10);
    assert.strictEqual(result.after.total, 1 + COST.workerStartup + 20 + 10);
    assert.strictEqual(result.after.lanes.filter((l) => l.kind === 'worker' && l.segments.length === 1).length, 4);
  });

  it('async-cpu-bound: the heaviest step (a call to a loop-heavy helper) is split over the cores', () => {
    const helper = fn(1, [cpu(1), loop([cpu(1)], 63, 'sync', { line: 9 })], { name: 'crunch', async: false });
    const report = { functions: [fn(0, [call(1, false, 'crunch(x)', 2)], { line: 1 }), helper] };
    const result = simulateAfterFix(report, finding('async-cpu-bound', 1), { cores: 4 })!;
    assert.strictEqual(result.before.total, 64);
    assert.strictEqual(result.after.total, COST.workerStartup + 16);
  });

  it('returns null for rules without a rewrite and for lines where the shape is not found', () => {
    const report = { functions: [fn(0, [io(10, 'a', 2)])] };
    assert.strictEqual(simulateAfterFix(report, finding('blocking-call', 2), { cores: 1 }), null);
    assert.strictEqual(simulateAfterFix(report, finding('await-in-loop', 2), { cores: 1 }), null);
    assert.deepStrictEqual([...FIXABLE_RULES].sort(), ['async-cpu-bound', 'async-foreach', 'await-in-loop', 'event-loop-hog', 'promise-all-cpu', 'sequential-awaits']);
  });
});

describe('simulateAfterFix (real findings through analyze)', () => {
  const source = `
export async function downloadAll(urls: string[]) {
  const out = [];
  for (const url of urls) {
    out.push(await fetch(url));
  }
  return out;
}

export async function twoInARow() {
  const a = await fetch('/a');
  const b = await fetch('/b');
  return [a, b];
}
`;
  const report = analyze(source, { fileName: 'fix.ts' });

  it('await-in-loop: the predicted saving of Promise.all over the loop', () => {
    const found = report.findings.find((f) => f.rule === 'await-in-loop');
    assert.ok(found, `findings: ${report.findings.map((f) => f.rule).join(', ')}`);
    const fnReport = report.functions[found.functionId];
    const loopSeg = fnReport.segments.find((s) => s.kind === 'loop')!;
    assert.ok(loopSeg.kind === 'loop');
    const n = loopSeg.iterations;
    const stepCost = loopSeg.body.reduce((sum, s) => sum + (s.kind === 'cpu' ? s.cost : 0), 0);
    const wait = COST.ioLatency;
    const outside = fnReport.segments.reduce((sum, s) => sum + (s.kind === 'cpu' ? s.cost : 0), 0);
    const result = simulateAfterFix(report, found, { cores: 4 })!;
    assert.strictEqual(result.before.total, outside + n * (stepCost + wait));
    assert.strictEqual(result.after.total, outside + n * stepCost + wait);
    assert.strictEqual(result.saving, Math.round(((result.before.total - result.after.total) / result.before.total) * 10_000) / 10_000);
    assert.ok(result.saving > 0.7, `saving ${result.saving}`);
  });

  it('sequential-awaits: two independent fetches overlap after the fix', () => {
    const found = report.findings.find((f) => f.rule === 'sequential-awaits');
    assert.ok(found, `findings: ${report.findings.map((f) => f.rule).join(', ')}`);
    const result = simulateAfterFix(report, found, { cores: 1 })!;
    assert.strictEqual(result.before.total - result.after.total, COST.ioLatency);
  });
});
