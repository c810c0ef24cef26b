/** Pure layout helpers of the page, in node: axis ticks, label fitting, folding idle worker lanes. */
import * as assert from 'assert';
import { simulate, type Timeline } from '../../src/core/simulate';
import { fitLabel, rowsOf } from '../../src/webview/chart';
import { niceTicks } from '../../src/webview/scale';
import { fanOutPayload } from './fixtures';

describe('timeline layout', () => {
  it('niceTicks steps by 1, 2 or 5 and never leaves the axis with only 0', () => {
    assert.deepStrictEqual(niceTicks(4175, 2), [0, 2000, 4000]);
    assert.deepStrictEqual(niceTicks(33, 7), [0, 5, 10, 15, 20, 25, 30]);
    assert.deepStrictEqual(niceTicks(1, 3), [0, 0.5, 1]);
    assert.deepStrictEqual(niceTicks(0, 5), [0]);
  });

  it('fitLabel shows the label, a recognisable cut, a short form, or nothing', () => {
    assert.strictEqual(fitLabel(['fetch(url)'], 200), 'fetch(url)');
    assert.strictEqual(fitLabel(['fetch(url)'], 60), 'fetch(u…');
    assert.strictEqual(fitLabel(['fetch(url)'], 40), null);
    assert.strictEqual(fitLabel(['idle, waiting for fetch(url)', 'idle'], 40), 'idle');
    assert.strictEqual(fitLabel(['a\n  b'], 200), 'a b');
  });

  it('folds idle worker lanes: all of them when no work goes to workers, runs of them past 8 lanes', () => {
    const payload = fanOutPayload();
    assert.deepStrictEqual(rowsOf(simulate(payload, 2, { cores: 4 })).map((r) => r.name), ['main', 'io 1', 'io 2', 'worker 1–4']);
    // The simulator draws a lane per thread with work; idle lanes beside busy ones are added here
    // to exercise the folding the page still does for any timeline that has them.
    const four = simulate(payload, 1, { cores: 4 });
    const withIdle = (count: number): Timeline => ({ ...four, lanes: [...four.lanes, ...Array.from({ length: count }, (_, i) => ({ name: `worker ${i + 5}`, kind: 'worker' as const, segments: [] }))] });
    const many = rowsOf(withIdle(28));
    assert.deepStrictEqual(many.map((r) => r.name), ['main', 'worker 1', 'worker 2', 'worker 3', 'worker 4', 'worker 5–32']);
    assert.strictEqual(many[5].lanes.length, 28);
    assert.deepStrictEqual(rowsOf(withIdle(2)).map((r) => r.name).slice(-2), ['worker 5', 'worker 6'], 'up to 8 worker lanes every lane is drawn');
  });
});
