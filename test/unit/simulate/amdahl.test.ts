/** Amdahl's law: S(N) = 1 / ((1 - P) + P / N), ceiling 1 / (1 - P). */
import * as assert from 'assert';
import { amdahl, amdahlCeiling, simulate, speedupOf, speedupTable } from '../../../src/core/simulate';
import { fn, worker } from './helpers';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('amdahl', () => {
  it('P = 0.9: S(2) = 1.818…, S(4) = 3.077…, ceiling 10', () => {
    close(amdahl(0.9, 1), 1);
    close(amdahl(0.9, 2), 1 / 0.55);
    close(amdahl(0.9, 4), 1 / 0.325);
    assert.strictEqual(amdahl(0.9, 2).toFixed(3), '1.818');
    assert.strictEqual(amdahl(0.9, 4).toFixed(3), '3.077');
    close(amdahlCeiling(0.9)!, 10);
  });

  it('a table for a slider', () => {
    const table = speedupTable(0.9, [1, 2, 4, 8, 16, 1024]);
    assert.deepStrictEqual(table.map((r) => r.cores), [1, 2, 4, 8, 16, 1024]);
    assert.deepStrictEqual(table.map((r) => r.S.toFixed(2)), ['1.00', '1.82', '3.08', '4.71', '6.40', '9.91']);
    for (let i = 1; i < table.length; i++) assert.ok(table[i].S > table[i - 1].S && table[i].S < 10, 'grows toward the ceiling, never past it');
  });

  it('edge cases: P = 0 gives no speedup, P = 1 is linear with no ceiling (null), bad input is clamped', () => {
    close(amdahl(0, 64), 1);
    close(amdahlCeiling(0)!, 1);
    close(amdahl(1, 8), 8);
    assert.strictEqual(amdahlCeiling(1), null);
    close(amdahl(0.5, 0), 1); // fewer than one core counts as one
    close(amdahl(1.5, 2), 2); // P above 1 is 1
    close(amdahl(NaN, 4), 1);
    assert.deepStrictEqual(speedupOf(0.75, 2, 1.5), { P: 0.75, cores: 2, S: 1.5, amdahl: 1 / (0.25 + 0.375), ceiling: 4 });
  });

  it('every timeline carries the simulated S beside Amdahl’s bound for its function’s P', () => {
    // One job: another core does not make it faster, whatever P says.
    const report = { functions: [fn(0, [worker(10)], { parallelFraction: 0.9 })] };
    const t = simulate(report, 0, { cores: 4 });
    assert.strictEqual(t.speedup.P, 0.9);
    assert.strictEqual(t.speedup.cores, 4);
    close(t.speedup.S, 1);
    close(t.speedup.amdahl, 1 / 0.325);
    close(t.speedup.ceiling!, 10);
  });
});
