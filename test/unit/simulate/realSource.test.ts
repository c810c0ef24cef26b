/**
 * The scheduling rules on real source through analyze(). Costs come from the
 * model, so each test first reads the few numbers it needs from the report
 * (and checks the segment shape it relies on), then expects an exact schedule.
 */
import * as assert from 'assert';
import type { Segment } from '../../../src/core/model/types';
import { analyze } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';
import { laneOf } from './helpers';

const source = `
import Piscina from 'piscina';
import { readFileSync } from 'node:fs';
const pool = new Piscina({ filename: 'worker.js' });

export async function oneAtATime(urls: string[]) {
  for (const url of urls) {
    await fetch(url);
  }
}

export async function allAtOnce(urls: string[]) {
  await Promise.all(urls.map((url) => fetch(url)));
}

async function crunch(n: number) {
  let total = 0;
  for (let i = 0; i < 40; i++) {
    total += i * n;
  }
  return total;
}

export async function cpuInAll() {
  await Promise.all([crunch(1), crunch(2), crunch(3)]);
}

export async function fourJobs() {
  await Promise.all([pool.run(1), pool.run(2), pool.run(3), pool.run(4)]);
}

async function poll(url: string) {
  const response = await fetch(url);
  return response;
}

export async function freeze() {
  poll('/a');
  const config = readFileSync('config.json', 'utf8');
  return config;
}
`;

describe('simulate: real source through analyze()', () => {
  const report = analyze(source, { fileName: 'rules.ts' });
  const byName = (name: string) => report.functions.find((f) => f.name === name)!;
  const kinds = (segments: Segment[]) => segments.map((s) => s.kind);
  const costOf = (s: Segment) => (s.kind === 'cpu' || s.kind === 'blocking' || s.kind === 'worker' ? s.cost : s.kind === 'io' ? s.latency : NaN);

  it('await in a loop vs Promise.all over the same items: n × (step + wait) vs n × step + one wait', () => {
    const [loop] = byName('oneAtATime').segments;
    assert.ok(loop.kind === 'loop' && loop.mode === 'sequential');
    assert.deepStrictEqual(kinds(loop.body), ['cpu', 'io']);
    const n = loop.iterations;
    const [step, wait] = loop.body.map(costOf);
    const sequential = simulate(report, byName('oneAtATime').id, { cores: 4 });
    assert.strictEqual(sequential.total, n * (step + wait));
    assert.strictEqual(sequential.lanes.filter((l) => l.kind === 'io').length, 1);

    const [start, fork] = byName('allAtOnce').segments;
    assert.ok(start.kind === 'cpu' && fork.kind === 'fork' && fork.repeat === n);
    const callback = report.functions[(fork.tasks[0][0] as { calleeId: number }).calleeId];
    assert.deepStrictEqual(kinds(callback.segments), ['cpu', 'io']);
    const [each] = callback.segments.map(costOf);
    const together = simulate(report, byName('allAtOnce').id, { cores: 4 });
    // The last item starts its wait after every item's step has run: waits overlap, steps take turns.
    assert.strictEqual(together.total, start.cost + n * each + wait);
    assert.strictEqual(together.lanes.filter((l) => l.kind === 'io').length, n);
    for (let i = 0; i < n; i++) {
      const at: number = start.cost + (i + 1) * each;
      assert.deepStrictEqual(laneOf(together, `io ${i + 1}`), [['io', at, at + wait, 'fetch(url)']]);
    }
    assert.strictEqual(sequential.total / together.total, (n * (step + wait)) / (start.cost + n * each + wait));
    assert.ok(sequential.total / together.total > 4);
  });

  it('CPU work in Promise.all: the three calls run one after another on main, total = sum, cores do not matter', () => {
    const [start, fork] = byName('cpuInAll').segments;
    assert.ok(start.kind === 'cpu' && fork.kind === 'fork');
    const crunch = byName('crunch').segments.reduce((sum, s) => sum + (s.kind === 'loop' ? s.iterations * costOf(s.body[0]) : costOf(s)), 0);
    const t = simulate(report, byName('cpuInAll').id, { cores: 8 });
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, start.cost, 'sync work'],
      ['cpu', start.cost, start.cost + crunch, 'crunch(1)'],
      ['cpu', start.cost + crunch, start.cost + 2 * crunch, 'crunch(2)'],
      ['cpu', start.cost + 2 * crunch, start.cost + 3 * crunch, 'crunch(3)'],
    ]);
    assert.strictEqual(t.total, simulate(report, byName('cpuInAll').id, { cores: 1 }).total);
    assert.ok(t.lanes.filter((l) => l.kind === 'worker').every((l) => l.segments.length === 0));
  });

  it('a pool with more tasks than cores queues: 2 cores, 4 equal tasks, total = 2 × task', () => {
    const [start, fork] = byName('fourJobs').segments;
    assert.ok(start.kind === 'cpu' && fork.kind === 'fork' && fork.tasks.length === 4);
    const job = costOf(fork.tasks[0][0]);
    const t = simulate(report, byName('fourJobs').id, { cores: 2 });
    const s = start.cost;
    assert.deepStrictEqual(laneOf(t, 'worker 1'), [['cpu', s, s + job, 'pool.run(1)'], ['cpu', s + job, s + 2 * job, 'pool.run(3)']]);
    assert.deepStrictEqual(laneOf(t, 'worker 2'), [['cpu', s, s + job, 'pool.run(2)'], ['cpu', s + job, s + 2 * job, 'pool.run(4)']]);
    assert.strictEqual(t.total - s, 2 * job);
    assert.strictEqual(simulate(report, byName('fourJobs').id, { cores: 4 }).total - s, job);
  });

  it('a blocking call freezes the main lane: the started request resumes only after it', () => {
    const segments = byName('freeze').segments;
    assert.deepStrictEqual(kinds(segments), ['cpu', 'call', 'cpu', 'blocking', 'cpu']);
    const [s1, , s2, block, s3] = segments.map(costOf);
    assert.deepStrictEqual(kinds(byName('poll').segments), ['cpu', 'io', 'cpu']);
    const [pre, wait, post] = byName('poll').segments.map(costOf);
    assert.ok(wait < s2 + block, 'the wait ends while the thread is frozen');
    const t = simulate(report, byName('freeze').id, { cores: 1 });
    const blockStart = s1 + pre + s2;
    assert.deepStrictEqual(laneOf(t, 'main'), [
      ['cpu', 0, s1, 'sync work'],
      ['cpu', s1, s1 + pre, 'sync work in poll'],
      ['cpu', s1 + pre, blockStart, 'sync work'],
      ['blocking', blockStart, blockStart + block, "readFileSync('config.json', 'utf8')"],
      ['cpu', blockStart + block, blockStart + block + s3, 'sync work'],
      ['cpu', blockStart + block + s3, blockStart + block + s3 + post, 'sync work in poll'],
    ]);
    assert.deepStrictEqual(laneOf(t, 'io 1'), [['io', s1 + pre, s1 + pre + wait, 'fetch(url)']]);
    assert.strictEqual(t.returnsAt, blockStart + block + s3);
    assert.strictEqual(t.idle.main, 0);
  });
});
