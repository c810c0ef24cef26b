/**
 * The scheduling rules, one at a time, with exact schedules from hand-made
 * segments: await in a loop vs Promise.all, CPU in Promise.all, worker queueing,
 * blocking calls, races, background work, loops, calls, guards.
 */
import * as assert from 'assert';
import { COST } from '../../../src/core/model/types';
import { simulate, type Timeline } from '../../../src/core/simulate';
import { blocking, call, cpu, criticalOf, fn, fork, io, laneOf, loop, worker } from './helpers';

const one = (segments: Parameters<typeof fn>[1], cores = 1, extra = {}): Timeline => simulate({ functions: [fn(0, segments, extra)] }, 0, { cores });

describe('simulate: waits in a loop vs Promise.all', () => {
  const body = [cpu(1, 'prepare'), io(10, 'fetch(item)')];

  it('an awaited loop waits for each item in turn: total = n × (cpu + wait)', () => {
    const t = one([loop(body, 5, 'sequential')]);
    assert.strictEqual(t.total, 5 * 11);
    assert.deepStrictEqual(laneOf(t, 'io 1').map(([, start, end]) => [start, end]), [[1, 11], [12, 22], [23, 33], [34, 44], [45, 55]]);
    assert.strictEqual(t.lanes.filter((l) => l.kind === 'io').length, 1);
  });

  it('Promise.all over the same items: the waits stack, total = n × cpu + one wait', () => {
    const t = one([fork([body], { repeat: 5 })]);
    assert.strictEqual(t.total, 5 + 10);
    assert.deepStrictEqual(laneOf(t, 'main').filter(([kind]) => kind === 'cpu').map(([, start, end]) => [start, end]), [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
    for (let row = 1; row <= 5; row++) assert.deepStrictEqual(laneOf(t, `io ${row}`), [['io', row, row + 10, 'fetch(item)']]);
    const sequential = one([loop(body, 5, 'sequential')]);
    assert.strictEqual(sequential.total / t.total, 55 / 15);
  });
});

describe('simulate: CPU work', () => {
  it('Promise.all over CPU-bound tasks: no overlap, total = sum, and more cores do not help', () => {
    const segments = [fork([[cpu(5, 'hash A')], [cpu(7, 'hash B')], [cpu(9, 'hash C')]])];
    const t = one(segments, 1);
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, 5, 'hash A'],
      ['cpu', 5, 12, 'hash B'],
      ['cpu', 12, 21, 'hash C'],
    ]);
    assert.strictEqual(t.total, 21);
    assert.strictEqual(one(segments, 8).total, 21);
  });

  it('a pure CPU loop is one block of iterations × body cost', () => {
    const t = one([loop([cpu(2), loop([cpu(1)], 3, 'sync')], 4, 'sync')]);
    assert.deepStrictEqual(laneOf(t, 'main'), [['cpu', 0, 20, 'for (...) ×4']]);
  });

  it('a blocking call freezes the main lane: no other task runs until it ends', () => {
    // A task is started (not awaited), the flow then blocks for 10; the task's wait ends at 4 but it resumes at 11.
    const t = one([fork([[cpu(1, 'A start'), io(3, 'A wait'), cpu(2, 'A end')]], { awaited: false }), blocking(10, 'readFileSync'), cpu(1, 'after')]);
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, 1, 'A start'],
      ['blocking', 1, 11, 'readFileSync'],
      ['cpu', 11, 12, 'after'],
      ['cpu', 12, 14, 'A end'],
    ]);
    assert.deepStrictEqual(laneOf(t, 'io 1'), [['io', 1, 4, 'A wait']]);
    assert.strictEqual(t.returnsAt, 12);
    assert.strictEqual(t.total, 14);
    const block = t.lanes[0].segments.find((s) => s.kind === 'blocking')!;
    for (const s of t.lanes[0].segments) if (s !== block) assert.ok(s.end <= block.start || s.start >= block.end, `${s.label} overlaps the blocking call`);
  });
});

describe('simulate: workers', () => {
  it('a pool with more tasks than cores queues: 2 cores, 4 equal tasks, total = 2 × task', () => {
    const t = one([fork([[worker(10, 'job 1')], [worker(10, 'job 2')], [worker(10, 'job 3')], [worker(10, 'job 4')]])], 2);
    assert.deepStrictEqual(laneOf(t, 'worker 1'), [['cpu', 0, 10, 'job 1'], ['cpu', 10, 20, 'job 3']]);
    assert.deepStrictEqual(laneOf(t, 'worker 2'), [['cpu', 0, 10, 'job 2'], ['cpu', 10, 20, 'job 4']]);
    assert.strictEqual(t.total, 20);
    // The last job waited for the lane, not for the main thread: the critical path runs through the queue.
    assert.deepStrictEqual(criticalOf(t), ['worker 2:job 2', 'worker 2:job 4']);
    assert.strictEqual(one([fork([[worker(10)], [worker(10)], [worker(10)], [worker(10)]])], 4).total, 10, 'with 4 cores they all run at once');
  });

  it('a loop handing each item to a worker without waiting: jobs queue on the lanes, the function returns early', () => {
    const t = one([loop([worker(6, 'pool.run(item)', { awaited: false })], 5, 'workers')], 2);
    assert.deepStrictEqual(laneOf(t, 'worker 1').map(([, s, e]) => [s, e]), [[0, 6], [6, 12], [12, 18]]);
    assert.deepStrictEqual(laneOf(t, 'worker 2').map(([, s, e]) => [s, e]), [[0, 6], [6, 12]]);
    assert.strictEqual(t.total, 18);
    assert.strictEqual(t.returnsAt, 0);
    assert.ok(t.assumptions.some((a) => a.includes('keeps running after')));
  });

  it('spawning a worker costs COST.workerStartup on the main thread, then the new thread starts up before it works', () => {
    const t = one([worker(10, 'new Worker()', { spawns: true })], 2);
    const ready = COST.workerStartup + COST.threadStartup;
    assert.deepStrictEqual(laneOf(t, 'main'), [['cpu', 0, COST.workerStartup, 'start new Worker()'], ['idle', COST.workerStartup, ready + 10, 'idle, waiting for new Worker()']]);
    assert.deepStrictEqual(laneOf(t, 'worker 1'), [['cpu', COST.workerStartup, ready, 'thread start-up: new Worker()'], ['cpu', ready, ready + 10, 'new Worker()']]);
  });
});

describe('simulate: forks, background work, calls', () => {
  it('race joins at the fastest task; the slower one keeps running in the background', () => {
    const t = one([fork([[io(5, 'fast')], [io(9, 'slow')]], { combinator: 'race' }), cpu(1, 'next')]);
    assert.deepStrictEqual(laneOf(t, 'main'), [['idle', 0, 5, 'idle, waiting for fast'], ['cpu', 5, 6, 'next'], ['idle', 6, 9, 'idle, waiting for slow']]);
    assert.strictEqual(t.returnsAt, 6);
    assert.strictEqual(t.total, 9);
  });

  it('an un-awaited wait runs in the background while the flow goes on', () => {
    const t = one([io(10, 'fire and forget', 1, false), cpu(2, 'go on')]);
    assert.deepStrictEqual(laneOf(t, 'main'), [['cpu', 0, 2, 'go on'], ['idle', 2, 10, 'idle, waiting for fire and forget']]);
    assert.deepStrictEqual(laneOf(t, 'io 1'), [['io', 0, 10, 'fire and forget']]);
    assert.strictEqual(t.returnsAt, 2);
  });

  it('local calls expand inline; an un-awaited async callee runs until its first wait, then the caller goes on', () => {
    const callee = fn(1, [cpu(2, 'callee start'), io(5, 'callee wait'), cpu(1, 'callee end')], { name: 'save' });
    const awaited = simulate({ functions: [fn(0, [call(1, true, 'save()'), cpu(1, 'after')]), callee] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(awaited, 'main').map(([k, s, e, l]) => `${k} ${s}-${e} ${l}`), ['cpu 0-2 callee start', 'idle 2-7 idle, waiting for callee wait', 'cpu 7-8 callee end', 'cpu 8-9 after']);
    const floating = simulate({ functions: [fn(0, [call(1, false, 'save()'), cpu(1, 'after')]), callee] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(floating, 'main').map(([k, s, e, l]) => `${k} ${s}-${e} ${l}`), ['cpu 0-2 callee start', 'cpu 2-3 after', 'idle 3-7 idle, waiting for callee wait', 'cpu 7-8 callee end']);
    assert.strictEqual(floating.returnsAt, 3);
  });

  it('a call to a pure CPU helper is one block labelled with the call', () => {
    const helper = fn(1, [cpu(1), loop([cpu(2)], 10, 'sync')], { name: 'crunch', async: false });
    const t = simulate({ functions: [fn(0, [call(1, false, 'crunch(data)')]), helper] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(t, 'main'), [['cpu', 0, 21, 'crunch(data)']]);
  });

  it('recursion is not expanded forever', () => {
    const t = simulate({ functions: [fn(0, [io(2, 'step'), call(0, true, 'again()')])] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(t, 'main'), [['idle', 0, 2, 'idle, waiting for step'], ['cpu', 2, 3, 'again() (not expanded)']]);
    assert.ok(t.assumptions.some((a) => a.startsWith('Recursive calls')));
  });

  it('huge schedules are cut at the segment cap and marked truncated', () => {
    const t = simulate({ functions: [fn(0, [loop([loop([cpu(1), io(1)], 64, 'sequential')], 64, 'sequential')])] }, 0, { cores: 1, maxSegments: 50 });
    assert.strictEqual(t.truncated, true);
    assert.strictEqual(t.lanes.reduce((n, l) => n + l.segments.filter((s) => s.kind !== 'idle').length, 0), 50);
    assert.ok(t.assumptions.some((a) => a.includes('cut after 50 segments')));
    assert.strictEqual(one([cpu(1)]).truncated, false);
  });
});

describe('simulate: output shape', () => {
  const interleaved = [fork([[cpu(2, 'A1'), io(6, 'A'), cpu(1, 'A2')], [cpu(2, 'B1'), io(6, 'B'), cpu(1, 'B2')]])];

  it('critical path: the chain back from the last segment, flagged on the segments too', () => {
    const t = one(interleaved);
    assert.deepStrictEqual(criticalOf(t), ['main:A1', 'main:B1', 'io 2:B', 'main:B2']);
    const flagged = t.lanes.flatMap((l) => l.segments.filter((s) => s.critical).map((s) => s.label));
    assert.deepStrictEqual(flagged.sort(), ['A1', 'B', 'B1', 'B2']);
  });

  it('idle shares per lane, main lane gaps filled with idle segments', () => {
    const t = one(interleaved, 2);
    // main: busy 0-4, idle 4-8, A2 8-9, idle 9-10, B2 10-11
    assert.strictEqual(t.total, 11);
    assert.deepStrictEqual(t.idle, { main: round(5 / 11), 'io 1': round(5 / 11), 'io 2': round(5 / 11), 'worker 1': 1, 'worker 2': 1 });
    assert.deepStrictEqual(laneOf(t, 'main').filter(([k]) => k === 'idle').map(([, s, e]) => [s, e]), [[4, 8], [9, 10]]);
  });

  it('lanes: main, io rows, then every worker lane (idle cores stay visible)', () => {
    const t = one(interleaved, 3);
    assert.deepStrictEqual(t.lanes.map((l) => `${l.name}/${l.kind}`), ['main/main', 'io 1/io', 'io 2/io', 'worker 1/worker', 'worker 2/worker', 'worker 3/worker']);
  });

  it('is deterministic and JSON-safe (no Infinity: a ceiling without limit is null)', () => {
    const a = one(interleaved, 4, { parallelFraction: 1 });
    assert.deepStrictEqual(one(interleaved, 4, { parallelFraction: 1 }), a);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), a);
    assert.strictEqual(a.speedup.ceiling, null);
  });

  it('segments carry their source range; assumptions name the I/O latency, guessed loops, and the option override', () => {
    const t = one([loop([io(12, 'fetch(u)', 7)], 8, 'sequential', { guessed: true, line: 6, endLine: 8 })]);
    assert.strictEqual(t.lanes[1].segments[0].line, 7);
    assert.ok(t.assumptions.includes('Each I/O wait is assumed to take 12 units.'));
    assert.ok(t.assumptions.includes('Loops of unknown length are assumed to run 8 times.'));
    const fast = simulate({ functions: [fn(0, [io(12), io(12)])] }, 0, { cores: 1, ioLatency: 3 });
    assert.strictEqual(fast.total, 6);
    assert.ok(fast.assumptions.includes('Each I/O wait is assumed to take 3 units (as configured).'));
  });

  it('an unknown function id gives an empty timeline, not an exception', () => {
    const t = simulate({ functions: [] }, 42, { cores: 2 });
    assert.strictEqual(t.total, 0);
    assert.deepStrictEqual(t.lanes.map((l) => l.name), ['main', 'worker 1', 'worker 2']);
  });
});

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
