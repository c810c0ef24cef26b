/**
 * The three pictures of concepts.md ("Timelines"), with exact schedules: from
 * hand-made segments (costs chosen to be easy to check) and from real source
 * through analyze() (costs from the model, so expectations use COST).
 */
import * as assert from 'assert';
import { COST } from '../../../src/core/model/types';
import { analyze } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';
import { cpu, criticalOf, fn, fork, io, laneOf, worker } from './helpers';

/** A task that computes, waits, then computes again. */
const task = (name: string) => [cpu(2, `${name}1`), io(6, `wait ${name}`), cpu(1, `${name}2`)];

describe('simulate: the three scenarios of concepts.md (hand-made segments)', () => {
  it('sequential on one core: [A][B][C], total = A + B + C', () => {
    const report = { functions: [fn(0, [cpu(3, 'A'), cpu(4, 'B'), cpu(5, 'C')])] };
    const t = simulate(report, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, 3, 'A'],
      ['cpu', 3, 7, 'B'],
      ['cpu', 7, 12, 'C'],
    ]);
    assert.strictEqual(t.total, 12);
    assert.deepStrictEqual(laneOf(t, 'worker 1'), []);
  });

  it('sequential tasks that wait: each wait leaves the main thread idle, total = sum of everything', () => {
    const t = simulate({ functions: [fn(0, [...task('A'), ...task('B'), ...task('C')])] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, 2, 'A1'],
      ['idle', 2, 8, 'idle, waiting for wait A'],
      ['cpu', 8, 9, 'A2'],
      ['cpu', 9, 11, 'B1'],
      ['idle', 11, 17, 'idle, waiting for wait B'],
      ['cpu', 17, 18, 'B2'],
      ['cpu', 18, 20, 'C1'],
      ['idle', 20, 26, 'idle, waiting for wait C'],
      ['cpu', 26, 27, 'C2'],
    ]);
    // No two waits at once: one io row is enough.
    assert.deepStrictEqual(laneOf(t, 'io 1'), [
      ['io', 2, 8, 'wait A'],
      ['io', 11, 17, 'wait B'],
      ['io', 20, 26, 'wait C'],
    ]);
    assert.strictEqual(t.lanes.filter((l) => l.kind === 'io').length, 1);
    assert.strictEqual(t.total, 27);
    assert.strictEqual(t.idle.main, 0.6667);
  });

  it('interleaved on one core: waits overlap on stacked io rows, computation does not', () => {
    const t = simulate({ functions: [fn(0, [fork([task('A'), task('B'), task('C')])])] }, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, 2, 'A1'],
      ['cpu', 2, 4, 'B1'],
      ['cpu', 4, 6, 'C1'],
      ['idle', 6, 8, 'idle, waiting for wait A'],
      ['cpu', 8, 9, 'A2'],
      ['idle', 9, 10, 'idle, waiting for wait B'],
      ['cpu', 10, 11, 'B2'],
      ['idle', 11, 12, 'idle, waiting for wait C'],
      ['cpu', 12, 13, 'C2'],
    ]);
    assert.deepStrictEqual(laneOf(t, 'io 1'), [['io', 2, 8, 'wait A']]);
    assert.deepStrictEqual(laneOf(t, 'io 2'), [['io', 4, 10, 'wait B']]);
    assert.deepStrictEqual(laneOf(t, 'io 3'), [['io', 6, 12, 'wait C']]);
    assert.strictEqual(t.total, 13); // vs 27 one after another
    const busy = t.lanes[0].segments.filter((s) => s.kind === 'cpu').reduce((sum, s) => sum + s.end - s.start, 0);
    assert.strictEqual(busy, 9, 'the computation still adds up on the one thread');
    assert.deepStrictEqual(criticalOf(t), ['main:A1', 'main:B1', 'main:C1', 'io 3:wait C', 'main:C2']);
    assert.strictEqual(t.idle.main, 0.3077);
  });

  it('parallel on three cores: A, B, C on their own lanes, total = max(A, B, C)', () => {
    const report = { functions: [fn(0, [fork([[worker(10, 'A')], [worker(20, 'B')], [worker(15, 'C')]])], { parallelFraction: 1 })] };
    const t = simulate(report, 0, { cores: 3 });
    assert.deepStrictEqual(laneOf(t, 'worker 1'), [['cpu', 0, 10, 'A']]);
    assert.deepStrictEqual(laneOf(t, 'worker 2'), [['cpu', 0, 20, 'B']]);
    assert.deepStrictEqual(laneOf(t, 'worker 3'), [['cpu', 0, 15, 'C']]);
    assert.deepStrictEqual(laneOf(t, 'main'), [['idle', 0, 20, 'idle, waiting for B']]);
    assert.strictEqual(t.total, 20);
    assert.deepStrictEqual(criticalOf(t), ['worker 2:B']);
    assert.deepStrictEqual(t.idle, { main: 1, 'worker 1': 0.5, 'worker 2': 0, 'worker 3': 0.25 });
    // The same jobs on one core queue: total = A + B + C.
    const one = simulate(report, 0, { cores: 1 });
    assert.deepStrictEqual(laneOf(one, 'worker 1'), [['cpu', 0, 10, 'A'], ['cpu', 10, 30, 'B'], ['cpu', 30, 45, 'C']]);
    assert.strictEqual(one.total, 45);
  });
});

describe('simulate: the three scenarios from real source (analyze)', () => {
  const source = `
import Piscina from 'piscina';
const pool = new Piscina({ filename: 'worker.js' });

async function taskA() { const r = await fetch('/a'); return r; }
async function taskB() { const r = await fetch('/b'); return r; }
async function taskC() { const r = await fetch('/c'); return r; }

export async function oneByOne() {
  const a = await taskA();
  const b = await taskB();
  const c = await taskC();
  return [a, b, c];
}

export async function together() {
  return Promise.all([taskA(), taskB(), taskC()]);
}

export async function onWorkers() {
  return Promise.all([pool.run('a'), pool.run('b'), pool.run('c')]);
}
`;
  const report = analyze(source, { fileName: 'scenarios.ts' });
  const id = (name: string) => report.functions.find((f) => f.name === name)!.id;
  const L = COST.ioLatency;

  /** taskX is `cpu, wait, cpu`: its costs, read from the report so a change of cost model keeps this exact. */
  const shape = (name: string) => {
    const segments = report.functions[id(name)].segments;
    assert.deepStrictEqual(segments.map((s) => s.kind), ['cpu', 'io', 'cpu'], `${name} is compute, wait, compute`);
    const cost = (i: number) => (segments[i] as { cost: number }).cost;
    return { pre: cost(0), post: cost(2) };
  };
  const own = (name: string) => report.functions[id(name)].segments.map((s) => (s.kind === 'cpu' ? s.cost : s.kind));

  it('one after another: the waits never overlap and everything adds up', () => {
    const t = simulate(report, id('oneByOne'), { cores: 1 });
    const [a, b, c] = [shape('taskA'), shape('taskB'), shape('taskC')];
    const [s1, , s2, , s3, , s4] = own('oneByOne') as number[];
    assert.deepStrictEqual(own('oneByOne').filter((x) => typeof x !== 'number'), ['call', 'call', 'call']);
    const aStart = s1 + a.pre;
    const bStart = aStart + L + a.post + s2 + b.pre;
    const cStart = bStart + L + b.post + s3 + c.pre;
    assert.deepStrictEqual(laneOf(t, 'io 1'), [
      ['io', aStart, aStart + L, "fetch('/a')"],
      ['io', bStart, bStart + L, "fetch('/b')"],
      ['io', cStart, cStart + L, "fetch('/c')"],
    ]);
    assert.strictEqual(t.lanes.filter((l) => l.kind === 'io').length, 1);
    assert.strictEqual(t.total, cStart + L + c.post + s4);
    assert.strictEqual(t.total, s1 + s2 + s3 + s4 + a.pre + a.post + b.pre + b.post + c.pre + c.post + 3 * L);
  });

  it('Promise.all: each task runs until its wait, the waits overlap on three io rows, the rest takes turns', () => {
    const t = simulate(report, id('together'), { cores: 1 });
    const [a, b, c] = [shape('taskA'), shape('taskB'), shape('taskC')];
    const [s] = own('together') as number[];
    const aStart = s + a.pre;
    const bStart = aStart + b.pre;
    const cStart = bStart + c.pre;
    // One-statement steps: each task's second half is ready by the time the previous one's is done.
    assert.ok(a.post >= b.pre && b.post >= c.pre && L > cStart - aStart);
    const aEnd = aStart + L + a.post;
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, s, 'sync work'],
      ['cpu', s, aStart, 'sync work in taskA'],
      ['cpu', aStart, bStart, 'sync work in taskB'],
      ['cpu', bStart, cStart, 'sync work in taskC'],
      ['idle', cStart, aStart + L, "idle, waiting for fetch('/a')"],
      ['cpu', aStart + L, aEnd, 'sync work in taskA'],
      ['cpu', aEnd, aEnd + b.post, 'sync work in taskB'],
      ['cpu', aEnd + b.post, aEnd + b.post + c.post, 'sync work in taskC'],
    ]);
    assert.strictEqual(t.total, aEnd + b.post + c.post);
    assert.deepStrictEqual(laneOf(t, 'io 1'), [['io', aStart, aStart + L, "fetch('/a')"]]);
    assert.deepStrictEqual(laneOf(t, 'io 2'), [['io', bStart, bStart + L, "fetch('/b')"]]);
    assert.deepStrictEqual(laneOf(t, 'io 3'), [['io', cStart, cStart + L, "fetch('/c')"]]);
    assert.ok(t.total < simulate(report, id('oneByOne'), { cores: 1 }).total - L, 'overlapping the waits saves at least one wait');
  });

  it('a worker pool on three cores: total = the longest job (after the statement that starts them)', () => {
    const t = simulate(report, id('onWorkers'), { cores: 3 });
    const [s] = own('onWorkers') as number[];
    const fork = report.functions[id('onWorkers')].segments[1];
    assert.ok(fork.kind === 'fork' && fork.tasks.every(([job]) => job.kind === 'worker'));
    const job = (fork.tasks[0][0] as { cost: number }).cost; // the model's cost of one pool task
    assert.deepStrictEqual(laneOf(t, 'main'), [['cpu', 0, s, 'sync work'], ['idle', s, s + job, "idle, waiting for pool.run('c')"]]);
    assert.deepStrictEqual(laneOf(t, 'worker 1'), [['cpu', s, s + job, "pool.run('a')"]]);
    assert.deepStrictEqual(laneOf(t, 'worker 2'), [['cpu', s, s + job, "pool.run('b')"]]);
    assert.deepStrictEqual(laneOf(t, 'worker 3'), [['cpu', s, s + job, "pool.run('c')"]]);
    assert.strictEqual(t.total, s + job);
    assert.ok(t.speedup.P > 0.8, `P ${t.speedup.P}`);
  });
});
