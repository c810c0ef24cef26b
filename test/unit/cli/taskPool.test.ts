/**
 * The CLI's worker pool (src/cli/pool): outcomes in submission order, a task over its budget
 * stopped and its worker replaced, a crash or a throw confined to its task, a worker script
 * that cannot load reported instead of retried for ever, the launcher's early worker adopted
 * only by a pool that asks for the same kind.
 */
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_STACK_MB } from '../../../src/core/limits';
import { adoptEarlyWorker, startEarlyWorker } from '../../../src/cli/pool/earlyWorker';
import { runAll, TaskPool, type TaskOutcome } from '../../../src/cli/pool/taskPool';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers';

type Task = { kind: 'echo'; value: number; delayMs?: number } | { kind: 'throw' } | { kind: 'spin' } | { kind: 'exit' } | { kind: 'stack' } | { kind: 'thread' };

const SERVE = JSON.stringify(path.join(REPO_ROOT, 'out/src/cli/pool/serveTasks.js'));
const WORKER = `
const { serveTasks } = require(${SERVE});
function depth() { let n = 0; const f = () => { n++; f(); }; try { f(); } catch {} return n; }
serveTasks(async (task) => {
  if (task.kind === 'echo') { if (task.delayMs) await new Promise((r) => setTimeout(r, task.delayMs)); return task.value * 2; }
  if (task.kind === 'throw') throw new Error('bad task');
  if (task.kind === 'spin') for (;;) {}
  if (task.kind === 'exit') process.exit(3);
  if (task.kind === 'stack') return depth();
  if (task.kind === 'thread') return require('node:worker_threads').threadId;
});`;

describe('cli worker pool', () => {
  let dir: string;
  let workerFile: string;
  before(() => {
    dir = makeTempDir({ 'worker.js': WORKER, 'broken.js': 'throw new Error("cannot load");' });
    workerFile = path.join(dir, 'worker.js');
  });
  after(() => removeTempDir(dir));

  it('gives each task its own outcome, in submission order whatever order they finish in', async () => {
    const pool = new TaskPool<Task, number>({ workerFile, size: 3, budgetMs: null });
    try {
      // The first task finishes last.
      const tasks: Task[] = [{ kind: 'echo', value: 1, delayMs: 300 }, ...[2, 3, 4, 5, 6].map((value): Task => ({ kind: 'echo', value }))];
      const outcomes = await runAll(pool, tasks);
      assert.deepStrictEqual(outcomes, [2, 4, 6, 8, 10, 12].map((value) => ({ kind: 'done', value })));
      assert.ok(pool.workerCount <= 3);
    } finally {
      await pool.close();
    }
  });

  it('prestart starts every worker before any task, and the tasks then run on them', async () => {
    const pool = new TaskPool<Task, number>({ workerFile, size: 2, budgetMs: null });
    try {
      pool.prestart();
      assert.strictEqual(pool.workerCount, 2);
      pool.prestart();
      assert.strictEqual(pool.workerCount, 2);
      const outcomes = await runAll(pool, [1, 2, 3].map((value): Task => ({ kind: 'echo', value })));
      assert.deepStrictEqual(outcomes, [2, 4, 6].map((value) => ({ kind: 'done', value })));
      assert.strictEqual(pool.workerCount, 2);
    } finally {
      await pool.close();
    }
  });

  it('stops a task over its budget, replaces its worker and goes on', async () => {
    const pool = new TaskPool<Task, number>({ workerFile, size: 1, budgetMs: 300 });
    try {
      const outcomes = await runAll(pool, [{ kind: 'echo', value: 1 }, { kind: 'spin' }, { kind: 'echo', value: 2 }]);
      assert.deepStrictEqual(outcomes, [{ kind: 'done', value: 2 }, { kind: 'over-budget', budgetMs: 300 }, { kind: 'done', value: 4 }]);
      assert.strictEqual(pool.workerCount, 1);
    } finally {
      await pool.close();
    }
  });

  it('a throwing task fails alone; a worker that dies crashes only its task', async () => {
    const pool = new TaskPool<Task, number>({ workerFile, size: 1, budgetMs: 10_000 });
    try {
      const outcomes: TaskOutcome<number>[] = await runAll(pool, [{ kind: 'throw' }, { kind: 'exit' }, { kind: 'echo', value: 5 }]);
      assert.deepStrictEqual(outcomes, [
        { kind: 'failed', message: 'bad task' },
        { kind: 'crashed', message: 'the worker exited with code 3' },
        { kind: 'done', value: 10 },
      ]);
    } finally {
      await pool.close();
    }
  });

  it('every worker gets the same, fixed stack', async () => {
    const small = new TaskPool<Task, number>({ workerFile, size: 1, budgetMs: null, stackSizeMb: 1 });
    const large = new TaskPool<Task, number>({ workerFile, size: 1, budgetMs: null, stackSizeMb: 4 });
    try {
      const [a, b] = await runAll(small, [{ kind: 'stack' }, { kind: 'stack' }]);
      const [c] = await runAll(large, [{ kind: 'stack' }]);
      assert.ok(a.kind === 'done' && b.kind === 'done' && c.kind === 'done');
      assert.ok(c.value > 2 * a.value, `1 MB: ${a.value} frames, 4 MB: ${c.value}`);
    } finally {
      await Promise.all([small.close(), large.close()]);
    }
  });

  it('a worker script that cannot load fails every task once, with the reason, instead of respawning', async () => {
    const pool = new TaskPool<Task, number>({ workerFile: path.join(dir, 'broken.js'), size: 2, budgetMs: null });
    try {
      const outcomes = await runAll(pool, [{ kind: 'echo', value: 1 }, { kind: 'echo', value: 2 }]);
      for (const outcome of outcomes) {
        assert.strictEqual(outcome.kind, 'crashed');
        assert.match((outcome as { message: string }).message, /^the analysis worker could not start: cannot load$/);
      }
      assert.strictEqual(pool.workerCount, 0);
    } finally {
      await pool.close();
    }
  });

  it('after close, tasks crash at once instead of waiting', async () => {
    const pool = new TaskPool<Task, number>({ workerFile, size: 1, budgetMs: null });
    await pool.close();
    assert.deepStrictEqual(await pool.run({ kind: 'echo', value: 1 }), { kind: 'crashed', message: 'the worker pool is closed' });
    assert.ok(fs.existsSync(workerFile));
  });
  describe('the early worker the launcher starts', () => {
    const spec = () => ({ file: workerFile, workerData: { role: 'test' }, stackSizeMb: ANALYSIS_STACK_MB });

    it('is adopted by the first pool of the same kind, before it is ready, and runs its tasks', async () => {
      const early = startEarlyWorker(spec());
      const pool = new TaskPool<Task, number>({ workerFile, workerData: { role: 'test' }, size: 1, budgetMs: null });
      try {
        assert.deepStrictEqual(await pool.run({ kind: 'thread' }), { kind: 'done', value: early });
        assert.strictEqual(pool.workerCount, 1);
      } finally {
        await pool.close();
      }
    });

    it('is adopted ready: its READY came before the pool, and the first task still starts', async () => {
      const early = startEarlyWorker(spec());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const pool = new TaskPool<Task, number>({ workerFile, workerData: { role: 'test' }, size: 1, budgetMs: null });
      try {
        assert.deepStrictEqual(await pool.run({ kind: 'thread' }), { kind: 'done', value: early });
      } finally {
        await pool.close();
      }
    });

    it('is left alone by a pool of another kind, which starts its own worker', async () => {
      const early = startEarlyWorker(spec());
      const pool = new TaskPool<Task, number>({ workerFile, workerData: { role: 'other' }, size: 1, budgetMs: null });
      try {
        const outcome = await pool.run({ kind: 'thread' });
        assert.strictEqual(outcome.kind, 'done');
        assert.notStrictEqual((outcome as { value: number }).value, early);
      } finally {
        await pool.close();
        const parked = adoptEarlyWorker(spec());
        assert.ok(parked, 'still parked for a pool of its own kind');
        await parked.worker.terminate();
      }
      assert.strictEqual(adoptEarlyWorker(spec()), null, 'handed over once only');
    });
  });
});
