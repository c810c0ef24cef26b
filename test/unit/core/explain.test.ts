/**
 * Quadrant sentences and speed-up lines are made from the function's own
 * predicted schedule, so they say what the timeline draws: the issue's
 * "its waits can overlap" next to "waits in flight: up to 1" cannot happen.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSpeedup, quadrantSentence, scheduleFacts } from '../../../src/core/explain';
import { analyze, type Report } from '../../../src/core/report';
import { simulate } from '../../../src/core/simulate';

const ROOT = path.resolve(__dirname, '../../../..');
const example = (name: string): Report => analyze(fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'), { fileName: name });

function sentence(report: Report, name: string, cores = 2): string {
  const fn = report.functions.find((f) => f.name === name)!;
  return quadrantSentence(fn, simulate(report, fn.id, { cores }));
}

describe('explain: sentences from the schedule', () => {
  const crawler = example('crawler.ts');
  const pool = example('worker-pool.ts');

  it('one fetch at a time: concurrent, the thread is free while it waits, its own waits run one after another', () => {
    assert.strictEqual(
      sentence(crawler, 'crawlSequential'),
      '`crawlSequential` is concurrent: while it waits, the thread is free for other tasks, but its own waits run one after another (one in flight at a time).',
    );
    const fn = crawler.functions.find((f) => f.name === 'crawlSequential')!;
    assert.strictEqual(scheduleFacts(simulate(crawler, fn.id, { cores: 2 })).waitsInFlight, 1);
  });

  it('Promise.all over the urls: as many waits in flight as the timeline stacks', () => {
    const fn = crawler.functions.find((f) => f.name === 'crawlAll')!;
    const timeline = simulate(crawler, fn.id, { cores: 2 });
    const rows = timeline.lanes.filter((lane) => lane.kind === 'io').length;
    assert.ok(rows > 1);
    assert.strictEqual(sentence(crawler, 'crawlAll'), `\`crawlAll\` is concurrent: while it waits, the thread is free for other tasks, and up to ${rows} of its own waits are in flight at once.`);
  });

  it('a pool fan-out: the threads busy at once depend on the cores', () => {
    // The main thread hands out the chunks while two workers compute: three threads want the two cores.
    assert.strictEqual(sentence(pool, 'hashAll', 2), '`hashAll` is parallel: it runs work on other threads: up to 3 threads busy at once on 2 cores, taking turns.');
    assert.strictEqual(sentence(pool, 'hashAll', 4), '`hashAll` is parallel: it runs work on other threads: up to 5 threads busy at once on 4 cores, taking turns.');
  });

  it('computation wrapped in async: sequential, and said so', () => {
    assert.strictEqual(sentence(pool, 'fibAsync'), '`fibAsync` is sequential: it runs start to finish on one thread; nothing it does waits or runs elsewhere.');
  });

  it('the speed-up line gives the simulated figure and Amdahl\'s bound for the same P', () => {
    const fn = pool.functions.find((f) => f.name === 'hashAll')!;
    const { speedup } = simulate(pool, fn.id, { cores: 4 });
    assert.ok(speedup.S <= speedup.amdahl + 1e-9);
    assert.strictEqual(
      describeSpeedup(speedup),
      `S(4) = ${speedup.S.toFixed(2)}× predicted from the schedule; Amdahl's bound for P = ${speedup.P.toFixed(2)} is ${speedup.amdahl.toFixed(2)}× (at most ${speedup.ceiling!.toFixed(1)}× however many cores), and the prediction never exceeds it.`,
    );
  });
});
