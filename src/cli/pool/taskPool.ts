/**
 * A small pool of worker threads that run one kind of task, each under a time budget.
 *
 * Usage (main thread):
 *
 *     const pool = new TaskPool<MyTask, MyResult>({ workerFile, size: 4, budgetMs: 20_000 });
 *     const outcome = await pool.run(task);       // never rejects
 *     switch (outcome.kind) {
 *       case 'done':        use(outcome.value); break;    // the handler's return value
 *       case 'failed':      outcome.message; break;       // the handler threw; its worker lives on
 *       case 'over-budget': outcome.budgetMs; break;      // stopped; its worker was terminated and replaced
 *       case 'crashed':     outcome.message; break;       // the worker died (or could not start); replaced
 *     }
 *     await pool.close();                         // terminates the workers; later runs are 'crashed'
 *
 * and in `workerFile` (see serveTasks.ts): `serveTasks((task: MyTask): MyResult => …)`.
 *
 * - Tasks and results cross threads by structured clone: plain data (JSON-like objects,
 *   arrays, strings, numbers, Maps...), no functions or class instances.
 * - Tasks start in submission order as workers become free; each result comes back on the
 *   promise of its own `run` call, so the caller decides the order of the output (collect
 *   by index, see runAll) and completion order never shows.
 * - Workers start lazily (or all at once with prestart()), at most `size` at a time, and each one says when it has loaded
 *   its script; a task's budget starts only when it is handed to a ready worker, so module
 *   loading never counts against a file.
 * - Each worker has a fixed stack (`stackSizeMb`, default ANALYSIS_STACK_MB): work that
 *   recurses gets the same room whichever thread runs it.
 * - Dependent work (a file whose imports must be summarised first) is scheduled by the
 *   caller: await the outcomes a task needs, then `run` it with them in the task's data.
 *   `run` also takes a function that makes the task for the worker that takes it (TaskFor).
 */
import { Worker } from 'node:worker_threads';
import { ANALYSIS_STACK_MB } from '../../core/limits';
import { adoptEarlyWorker } from './earlyWorker';
import { READY, type FromWorker, type ToWorker } from './messages';

export interface TaskPoolOptions {
  /** The script each worker runs; it must call serveTasks(). */
  workerFile: string;
  /** Most workers alive at once (at least 1). */
  size: number;
  /** Wall-clock milliseconds one task may run; null for no limit. */
  budgetMs: number | null;
  /** Given to every worker as `workerData`, e.g. to tell a bundle that it runs as a worker. */
  workerData?: unknown;
  /** Each worker's stack in MB (default ANALYSIS_STACK_MB). */
  stackSizeMb?: number;
}

export type TaskOutcome<R> =
  | { kind: 'done'; value: R }
  | { kind: 'failed'; message: string }
  | { kind: 'over-budget'; budgetMs: number }
  | { kind: 'crashed'; message: string };

/**
 * A task made when a worker takes it, for that worker: the caller can leave out what the
 * worker already holds (see projectRun.ts). `worker` is the thread's id, new for a replaced worker.
 */
export type TaskFor<T> = (worker: number) => T;

interface Pending<T, R> {
  task: T | TaskFor<T>;
  budgetMs: number | null;
  resolve(outcome: TaskOutcome<R>): void;
}

interface Slot<T, R> {
  worker: Worker;
  ready: boolean;
  current: (Pending<T, R> & { id: number }) | null;
  timer: NodeJS.Timeout | null;
}

export class TaskPool<T, R> {
  private readonly queue: Pending<T, R>[] = [];
  private readonly slots: Slot<T, R>[] = [];
  private nextId = 1;
  private closed = false;
  /** Why workers cannot start (one died before loading its script): every later task fails with it. */
  private broken: string | null = null;

  constructor(private readonly options: TaskPoolOptions) {}

  /** Runs one task; resolves with its outcome (never rejects). `budgetMs` overrides the pool's budget for this task. */
  run(task: T | TaskFor<T>, budgetMs: number | null = this.options.budgetMs): Promise<TaskOutcome<R>> {
    if (this.closed) return Promise.resolve({ kind: 'crashed', message: 'the worker pool is closed' });
    if (this.broken !== null) return Promise.resolve({ kind: 'crashed', message: this.broken });
    return new Promise((resolve) => {
      this.queue.push({ task, budgetMs, resolve });
      this.pump();
    });
  }

  /**
   * Starts every worker now instead of on the first tasks, so their script loads while the
   * caller is still preparing work (project mode reads and resolves the import graph first).
   */
  prestart(): void {
    while (!this.closed && this.broken === null && this.slots.length < Math.max(1, this.options.size)) this.spawn();
  }

  /** Workers alive now (starting, idle or busy). */
  get workerCount(): number {
    return this.slots.length;
  }

  /** Stops every worker. Tasks not finished yet resolve as 'crashed'. */
  async close(): Promise<void> {
    this.closed = true;
    this.failQueued('the worker pool was closed');
    const slots = this.slots.splice(0);
    for (const slot of slots) this.settle(slot, { kind: 'crashed', message: 'the worker pool was closed' });
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed && this.broken === null) {
      const idle = this.slots.find((slot) => slot.ready && slot.current === null);
      if (!idle) {
        const starting = this.slots.filter((slot) => !slot.ready).length;
        // Start another worker only for work no starting worker will take.
        if (this.slots.length < Math.max(1, this.options.size) && starting < this.queue.length) this.spawn();
        return;
      }
      this.dispatch(idle, this.queue.shift()!);
    }
  }

  private dispatch(slot: Slot<T, R>, pending: Pending<T, R>): void {
    const id = this.nextId++;
    slot.current = { ...pending, id };
    const { budgetMs } = pending;
    if (budgetMs !== null) slot.timer = setTimeout(() => this.stop(slot, { kind: 'over-budget', budgetMs }), budgetMs);
    try {
      const task = typeof pending.task === 'function' ? (pending.task as TaskFor<T>)(slot.worker.threadId) : pending.task;
      slot.worker.postMessage({ id, task } satisfies ToWorker<T>);
    } catch (err) {
      // A task that cannot be made or cloned is the caller's mistake; the worker is fine.
      this.settle(slot, { kind: 'failed', message: `the task cannot be sent to a worker: ${messageOf(err)}` });
      this.pump();
    }
  }

  private spawn(): void {
    const spec = { file: this.options.workerFile, workerData: this.options.workerData, stackSizeMb: this.options.stackSizeMb ?? ANALYSIS_STACK_MB };
    // The launcher may have started one already (earlyWorker.ts); it may even be ready.
    const early = adoptEarlyWorker(spec);
    const worker = early?.worker ?? new Worker(spec.file, { workerData: spec.workerData, resourceLimits: { stackSizeMb: spec.stackSizeMb } });
    const slot: Slot<T, R> = { worker, ready: early?.ready ?? false, current: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (message: FromWorker<R>) => {
      if (message.type === READY) {
        slot.ready = true;
        return this.pump();
      }
      if (!slot.current || message.id !== slot.current.id) return;
      this.settle(slot, message.ok ? { kind: 'done', value: message.value } : { kind: 'failed', message: message.message });
      this.pump();
    });
    worker.on('error', (err) => this.died(slot, messageOf(err)));
    worker.on('exit', (code) => this.died(slot, `the worker exited with code ${code}`));
    // An adopted worker that is ready already sends no READY to wake the queue.
    if (slot.ready) queueMicrotask(() => this.pump());
  }

  /** A worker died: its task (if any) crashed; one that never got ready means no worker can start. */
  private died(slot: Slot<T, R>, message: string): void {
    if (!this.slots.includes(slot)) return;
    if (!slot.ready && !this.closed) {
      this.broken = `the analysis worker could not start: ${message}`;
      // The others still starting run the same script: stop them too.
      for (const other of this.slots.filter((s) => !s.ready)) {
        this.remove(other);
        void other.worker.terminate();
      }
      this.failQueued(this.broken);
      return;
    }
    this.stop(slot, { kind: 'crashed', message });
  }

  /** Ends the slot's task with `outcome`, terminates its worker, and lets a new one take the queue. */
  private stop(slot: Slot<T, R>, outcome: TaskOutcome<R>): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot);
    this.settle(slot, outcome);
    void slot.worker.terminate();
    this.pump();
  }

  private remove(slot: Slot<T, R>): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private settle(slot: Slot<T, R>, outcome: TaskOutcome<R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const current = slot.current;
    slot.current = null;
    current?.resolve(outcome);
  }

  private failQueued(message: string): void {
    for (const pending of this.queue.splice(0)) pending.resolve({ kind: 'crashed', message });
  }
}

/** Runs every task on the pool; outcomes in the order of `tasks`, whatever order they finish in. */
export function runAll<T, R>(pool: TaskPool<T, R>, tasks: readonly T[]): Promise<TaskOutcome<R>[]> {
  return Promise.all(tasks.map((task) => pool.run(task)));
}

/** What went wrong, in words: a worker can report a plain object (no Error), which would print as [object Object]. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null) {
    const { message, code, name } = err as { message?: unknown; code?: unknown; name?: unknown };
    const parts = [name, code, message].filter((part) => typeof part === 'string' && part.length > 0);
    if (parts.length > 0) return parts.join(': ');
    try {
      return JSON.stringify(err).slice(0, 200);
    } catch {
      return Object.prototype.toString.call(err);
    }
  }
  return String(err);
}
