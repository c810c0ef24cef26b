/** Text renderings: the ASCII chart for the CLI and the Chrome trace-event export. */
import * as assert from 'assert';
import { simulate, timelineToAscii, timelineToTrace, type TraceEvent } from '../../../src/core/simulate';
import { blocking, cpu, fn, fork, io, worker } from './helpers';

const task = (n: string) => [cpu(2, n), io(6, `wait ${n}`), cpu(1, n)];
const report = {
  functions: [
    fn(0, [...task('A'), ...task('B'), ...task('C')], { name: 'sequential' }),
    fn(1, [fork([task('A'), task('B'), task('C')])], { name: 'interleaved' }),
    fn(2, [fork([[worker(10, 'A')], [worker(20, 'B')], [worker(15, 'C')]])], { name: 'parallel', parallelFraction: 1 }),
  ],
};
const LEGEND = 'legend: █ CPU   ░ waiting on I/O   ▓ blocking call (thread frozen)   · idle   [..] one segment';

describe('timelineToAscii', () => {
  it('sequential on one core', () => {
    assert.strictEqual(timelineToAscii(simulate(report, 0, { cores: 1 }), 54), [
      'sequential: 27 units on 1 core: the main thread',
      'main      |[A█]············██[B█]············██[C█]············██|',
      'io 1      |    [wait A░░░░]      [wait B░░░░]      [wait C░░░░]  |',
      'worker 1   (no work sent to workers)',
      '          0                                                     27',
      LEGEND,
      'critical path: A (main) → wait A (io 1) → A (main) → B (main) → wait B (io 1) → B (main) → C (main) → wait C (io 1) → C (main)',
      "total 27 · main idle 67% · S(1) = 1.00x simulated (Amdahl's bound for P 0.00: 1.00x, ceiling 1.00x)",
    ].join('\n'));
  });

  it('interleaved on one core: the waits stack, the computation takes turns', () => {
    assert.strictEqual(timelineToAscii(simulate(report, 1, { cores: 1 }), 54), [
      'interleaved: 13 units on 1 core: the main thread',
      'main      |[A█████][B██████][C█████]········[A█]·····[B█]····[C█]|',
      'io 1      |        [wait A░░░░░░░░░░░░░░░░░]                     |',
      'io 2      |                 [wait B░░░░░░░░░░░░░░░░░]            |',
      'io 3      |                         [wait C░░░░░░░░░░░░░░░░░]    |',
      'worker 1   (no work sent to workers)',
      '          0                                                     13',
      LEGEND,
      'critical path: A (main) → B (main) → C (main) → wait C (io 3) → C (main)',
      "total 13 · main idle 31% · S(1) = 1.00x simulated (Amdahl's bound for P 0.00: 1.00x, ceiling 1.00x)",
    ].join('\n'));
  });

  it('parallel on three cores', () => {
    assert.strictEqual(timelineToAscii(simulate(report, 2, { cores: 3 }), 54), [
      'parallel: 20 units on 3 cores: the main thread + 3 worker threads',
      'main      |······················································|',
      'worker 1  |[A████████████████████████]···························|',
      'worker 2  |[B███████████████████████████████████████████████████]|',
      'worker 3  |[C██████████████████████████████████████]·············|',
      '          0                                                     20',
      LEGEND,
      'critical path: B (worker 2)',
      // One core would run the three jobs one after another (45 units): 2.25×, below Amdahl's 3× for P = 1.
      "total 20 · main idle 100% · S(3) = 2.25x simulated (Amdahl's bound for P 1.00: 3.00x, ceiling no limit)",
    ].join('\n'));
  });

  it('blocking calls have their own fill, tiny segments stay visible, idle worker lanes fold into one line', () => {
    const t = simulate({ functions: [fn(0, [cpu(1, 'x'), blocking(50, 'execSync'), io(49, 'later'), cpu(1, 'y')], { name: 'f' })] }, 0, { cores: 4 });
    const lines = timelineToAscii(t, 20).split('\n');
    assert.strictEqual(lines[1], 'main      |█[▓▓▓▓▓▓▓]·········█|');
    assert.strictEqual(lines[3], 'worker 1-4 (no work sent to workers)');
    assert.ok(lines[lines.length - 1].startsWith('total 101 · main idle 49%'));
  });

  it('an empty function draws an empty chart', () => {
    const text = timelineToAscii(simulate({ functions: [fn(0, [], { name: 'nothing' })] }, 0, { cores: 1 }));
    assert.ok(text.includes('total 0 · main idle 0%'));
  });
});

describe('timelineToTrace', () => {
  const timelines = [simulate(report, 1, { cores: 1 }), simulate(report, 2, { cores: 3 })];
  const trace = timelineToTrace(timelines);
  const complete = (pid: number) => trace.traceEvents.filter((e) => e.ph === 'X' && e.pid === pid);
  const meta = (name: string, pid: number) => trace.traceEvents.filter((e: TraceEvent) => e.ph === 'M' && e.name === name && e.pid === pid);

  it('one process per function, one thread per lane, named', () => {
    assert.deepStrictEqual(meta('process_name', 1).map((e) => e.args!.name), ['interleaved (total 13 units)']);
    assert.deepStrictEqual(meta('thread_name', 1).map((e) => [e.tid, e.args!.name]), [[1, 'main'], [2, 'io 1'], [3, 'io 2'], [4, 'io 3'], [5, 'worker 1']]);
    assert.deepStrictEqual(meta('thread_name', 2).map((e) => e.args!.name), ['main', 'worker 1', 'worker 2', 'worker 3']);
  });

  it('segments are complete events in microseconds (1 unit = 1000 µs); idle gaps are left out', () => {
    assert.deepStrictEqual(complete(1).map((e) => [e.tid, e.name, e.cat, e.ts, e.dur]), [
      [1, 'A', 'cpu', 0, 2000],
      [1, 'B', 'cpu', 2000, 2000],
      [1, 'C', 'cpu', 4000, 2000],
      [1, 'A', 'cpu', 8000, 1000],
      [1, 'B', 'cpu', 10000, 1000],
      [1, 'C', 'cpu', 12000, 1000],
      [2, 'wait A', 'io', 2000, 6000],
      [3, 'wait B', 'io', 4000, 6000],
      [4, 'wait C', 'io', 6000, 6000],
    ]);
    assert.deepStrictEqual(complete(2).map((e) => [e.tid, e.name, e.ts, e.dur, e.args!.critical]), [
      [2, 'A', 0, 10000, false],
      [3, 'B', 0, 20000, true],
      [4, 'C', 0, 15000, false],
    ]);
  });

  it('is plain JSON the viewers accept', () => {
    const parsed = JSON.parse(JSON.stringify(trace));
    assert.ok(Array.isArray(parsed.traceEvents));
    assert.strictEqual(parsed.displayTimeUnit, 'ms');
    for (const e of parsed.traceEvents) {
      assert.ok(['X', 'M'].includes(e.ph));
      assert.ok(Number.isInteger(e.pid) && Number.isInteger(e.tid) && typeof e.ts === 'number');
      if (e.ph === 'X') assert.ok(e.dur > 0);
    }
  });
});
