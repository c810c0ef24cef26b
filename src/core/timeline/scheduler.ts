/**
 * The discrete-event scheduler behind simulate(). It plays a function's
 * segments the way a JavaScript runtime would, on a machine of N cores
 * (./machine.ts):
 *
 * - One main thread with one FIFO run queue. A task holds the main thread from
 *   the moment it gets it until it waits (an awaited I/O call, fork or worker
 *   job) or ends: synchronous code is never interrupted, which is why CPU work in
 *   Promise.all adds up and a blocking call freezes everyone.
 * - A wait goes on an io row; when it ends, the task rejoins the run queue.
 * - A fork calls its tasks one after another right away (each runs until its
 *   first wait, like `Promise.all([f(), g()])` does), then the parent waits for
 *   the slowest (race/any: the fastest) or, if not awaited, carries on.
 * - Work for other threads: a task handed to a pool goes to one of the pool's
 *   threads (reused, already started) or queues for the first that frees up; a
 *   spawn creates a new thread or process, which first starts up and then
 *   runs its job. Every thread with CPU work, main included, shares the N cores.
 *
 * Every emitted segment remembers `pred`, the segment whose end let it start (the
 * previous step of its task, the wait it woke from, or the segment that held its
 * thread): following `pred` back from the last segment gives the critical path.
 */
import { COST, type PoolSize, type Segment, type Span, type WorkerSegment } from '../model/types';
import type { FunctionReport } from '../reportTypes';
import { calleeOf, keyOf, MAX_CALL_DEPTH, PurityCache, type FunctionLookup } from './costs';
import { Lanes, type RawSegment } from './lanes';
import { Machine } from './machine';

export const DEFAULT_MAX_SEGMENTS = 2000;
export type { RawSegment } from './lanes';
/** Guards against loops that emit nothing (calls to empty functions) spinning for long. */
const MAX_STEPS = 200_000;

/** What the schedule had to assume, turned into sentences by the caller. */
export interface ScheduleNotes {
  ioLatencies: Set<number>;
  guessedIterations: Set<number>;
  forkRepeats: Set<number>;
  workers: boolean;
  spawns: boolean;
  /** Most threads that wanted a core at once, main included: above the core count they took turns. */
  peakRunnable: number;
  /** Pools used, by name, with their thread count on this machine. */
  pools: Map<string, number>;
  blocking: boolean;
  background: boolean;
  notExpanded: boolean;
}

export interface Schedule {
  segments: RawSegment[];
  ioRows: number;
  /** Worker threads created (pool threads and spawned ones), in lane order. */
  threads: number;
  returnsAt: number;
  truncated: boolean;
  notes: ScheduleNotes;
}

export interface ScheduleOptions {
  cores: number;
  ioLatency?: number;
  maxSegments: number;
}

interface Frame {
  list: readonly Segment[];
  index: number;
  /** Iterations left, this one included (1 for plain lists). */
  left: number;
  /** The function whose body this is (recursion guard, by keyOf), null for loop bodies and fork tasks. */
  fnKey: string | null;
  /** The file the code belongs to; undefined for the analysed file. */
  file: string | undefined;
  /** Name used to qualify vague labels ("sync work") of a callee's segments. */
  owner: string | null;
}

interface Join {
  parent: Task;
  remaining: number;
  first: boolean;
  fired: boolean;
}

interface Task {
  frames: Frame[];
  /** Call chain inherited from the task that started this one. */
  chain: string[];
  readyAt: number;
  /** The segment whose end made the task ready. */
  cause: number | null;
  join: Join | null;
  root: boolean;
}

interface Wake {
  time: number;
  task: Task;
  cause: number | null;
}

interface Pool {
  size: number;
  /** Its threads' indexes on the machine (1-based; 0 is main). */
  threads: number[];
  queue: { segment: WorkerSegment; cause: number | null; onDone: (id: number | null) => void }[];
}

export function schedule(fn: FunctionReport, lookup: FunctionLookup, options: ScheduleOptions): Schedule {
  return new Scheduler(lookup, options).run(fn);
}

class Scheduler {
  private now = 0;
  private readonly ready: Task[] = [];
  private readonly wakes: Wake[] = [];
  private mainLast: number | null = null;
  private readonly lanes: Lanes;
  private readonly machine: Machine;
  private readonly pools = new Map<string, Pool>();
  /** Worker threads created so far; thread k is lane `worker k`. */
  private threadCount = 0;
  private steps = 0;
  private stepsExceeded = false;
  private returnsAt: number | null = null;
  private readonly purity: PurityCache;
  private readonly notes: ScheduleNotes = {
    ioLatencies: new Set(),
    guessedIterations: new Set(),
    forkRepeats: new Set(),
    workers: false,
    spawns: false,
    blocking: false,
    background: false,
    notExpanded: false,
    peakRunnable: 0,
    pools: new Map(),
  };

  constructor(
    private readonly lookup: FunctionLookup,
    private readonly options: ScheduleOptions,
  ) {
    this.lanes = new Lanes(options.maxSegments);
    this.machine = new Machine(options.cores, this.lanes);
    this.purity = new PurityCache(lookup);
  }

  run(fn: FunctionReport): Schedule {
    this.ready.push({ frames: [{ list: fn.segments, index: 0, left: 1, fnKey: keyOf(fn), file: fn.file, owner: null }], chain: [], readyAt: 0, cause: null, join: null, root: true });
    while (!this.truncated) {
      this.wakeUntil(this.now);
      const task = this.ready.shift();
      if (task) {
        this.runTask(task);
        continue;
      }
      // Main idles until the next wait ends or a worker finishes a job someone waits for.
      const next = Math.min(this.wakes.length > 0 ? this.wakes[0].time : Infinity, this.machine.nextCompletion());
      if (next === Infinity) break;
      this.machine.advance(next);
      this.now = Math.max(this.now, this.machine.now);
    }
    const { segments, ioRows } = this.lanes;
    const end = segments.reduce((max, s) => Math.max(max, s.end), 0);
    return { segments, ioRows, threads: this.threadCount, returnsAt: this.returnsAt ?? end, truncated: this.truncated, notes: this.notes };
  }

  /** Runs `task` on the main thread until it waits or ends. */
  private runTask(task: Task): void {
    // Ready earlier but main was busy: it queued behind whatever held the thread.
    let cause = this.now > task.readyAt && this.mainLast !== null ? this.mainLast : task.cause;
    for (;;) {
      const step = this.next(task);
      if (this.truncated) return;
      if (!step) return this.finish(task, cause);
      const { segment, frame } = step;
      switch (segment.kind) {
        case 'cpu':
          cause = this.onMain('cpu', segment.cost, vague(segment.label, frame), segment.span, cause);
          break;
        case 'blocking':
          this.notes.blocking = true;
          cause = this.onMain('blocking', segment.cost, segment.label, segment.span, cause);
          break;
        case 'io': {
          const latency = Math.max(0, this.options.ioLatency ?? segment.latency);
          this.notes.ioLatencies.add(latency);
          const wait = this.lanes.wait(this.now, latency, segment.label, segment.span, cause);
          if (this.truncated) return;
          if (wait && segment.awaited) return this.sleep(task, wait.end, wait.id);
          if (!segment.awaited) this.notes.background = true;
          break;
        }
        case 'worker': {
          this.notes.workers = true;
          if (segment.spawns) {
            this.notes.spawns = true;
            cause = this.onMain('cpu', COST.workerStartup, `start ${segment.label}`, segment.span, cause);
          }
          if (!(segment.cost > 0)) break;
          if (segment.awaited) {
            this.hand(segment, cause, (id) => this.wakeNow(task, id));
            return;
          }
          this.notes.background = true;
          this.hand(segment, cause, () => undefined);
          break;
        }
        case 'fork':
          if (this.fork(task, segment, cause)) return;
          break;
        case 'loop': {
          if (segment.iterationsGuessed) this.notes.guessedIterations.add(segment.iterations);
          const pure = this.purity.segmentPureCost(segment, frame.file);
          // Pure CPU loops run to completion without yielding: one block reads better than 64 slivers.
          if (pure !== null) cause = this.onMain('cpu', pure, `${segment.label} ×${segment.iterations}`, segment.span, cause);
          else if (segment.iterations >= 1) task.frames.push({ list: segment.body, index: 0, left: segment.iterations, fnKey: null, file: frame.file, owner: frame.owner });
          break;
        }
        case 'call': {
          const called = this.call(task, segment, frame.file, cause);
          if (called === 'yield') return;
          cause = called;
          break;
        }
      }
    }
  }

  /** Expands a call inline, or starts an un-awaited async callee as a task of its own. */
  private call(task: Task, segment: Extract<Segment, { kind: 'call' }>, file: string | undefined, cause: number | null): number | null | 'yield' {
    const fn = calleeOf(this.lookup, segment, file);
    if (!fn) return this.onMain('cpu', COST.statement, segment.label, segment.span, cause);
    const chain = chainOf(task);
    if (chain.includes(keyOf(fn)) || chain.length >= MAX_CALL_DEPTH) {
      this.notes.notExpanded = true;
      return this.onMain('cpu', COST.statement, `${segment.label} (not expanded)`, segment.span, cause);
    }
    const pure = this.purity.functionPureCost(fn);
    if (pure !== null) return this.onMain('cpu', pure, segment.label, segment.span, cause);
    // A function of another file says so in its labels (`sync work in hash (crypto.ts)`).
    const owner = fn.file ? `${fn.name} (${baseName(fn.file)})` : fn.name;
    const frame: Frame = { list: fn.segments, index: 0, left: 1, fnKey: keyOf(fn), file: fn.file, owner };
    if (!segment.awaited && fn.async) {
      // A floating promise: the callee runs now until its first wait, then this flow carries on without it.
      this.notes.background = true;
      const child: Task = { frames: [frame], chain, readyAt: this.now, cause, join: null, root: false };
      this.requeue(task, cause);
      this.ready.unshift(child, task);
      return 'yield';
    }
    task.frames.push(frame);
    return cause;
  }

  /** Starts a fork's tasks; returns true when the current task gives up the thread. */
  private fork(task: Task, segment: Extract<Segment, { kind: 'fork' }>, cause: number | null): boolean {
    const copies = Math.max(1, segment.repeat);
    if (copies > 1) this.notes.forkRepeats.add(copies);
    const join: Join | null = segment.awaited ? { parent: task, remaining: 0, first: segment.combinator === 'race' || segment.combinator === 'any', fired: false } : null;
    const chain = chainOf(task);
    const top = task.frames.length > 0 ? task.frames[task.frames.length - 1] : null;
    const owner = top?.owner ?? null;
    const file = top?.file;
    const children: Task[] = [];
    for (let copy = 0; copy < copies; copy++) {
      for (const list of segment.tasks) children.push({ frames: [{ list, index: 0, left: 1, fnKey: null, file, owner }], chain, readyAt: this.now, cause, join, root: false });
    }
    if (children.length === 0) return false;
    if (join) {
      join.remaining = children.length;
      if (join.first && children.length > 1) this.notes.background = true; // the losers keep running
    } else {
      this.notes.background = true;
      this.requeue(task, cause);
    }
    // The tasks are called right now, in order, ahead of anything already queued; an un-awaited fork's parent follows them.
    this.ready.unshift(...children, ...(join ? [] : [task]));
    return true;
  }

  private finish(task: Task, cause: number | null): void {
    if (task.root && this.returnsAt === null) this.returnsAt = this.now;
    const join = task.join;
    if (!join) return;
    join.remaining--;
    if (join.fired || (!join.first && join.remaining > 0)) return;
    join.fired = true;
    this.requeue(join.parent, cause);
    this.ready.push(join.parent);
  }

  private next(task: Task): { segment: Segment; frame: Frame } | null {
    while (task.frames.length > 0) {
      if (++this.steps > MAX_STEPS) {
        this.stepsExceeded = true;
        return null;
      }
      const frame = task.frames[task.frames.length - 1];
      if (frame.index < frame.list.length) return { segment: frame.list[frame.index++], frame };
      if (frame.left > 1 && frame.list.length > 0) {
        frame.left--;
        frame.index = 0;
      } else {
        task.frames.pop();
      }
    }
    return null;
  }

  private requeue(task: Task, cause: number | null): void {
    task.readyAt = this.now;
    task.cause = cause;
  }

  private sleep(task: Task, time: number, cause: number | null): void {
    const wake: Wake = { time, task, cause };
    let at = this.wakes.length;
    while (at > 0 && this.wakes[at - 1].time > time) at--; // stable: equal times keep their start order
    this.wakes.splice(at, 0, wake);
  }

  private wakeUntil(time: number): void {
    while (this.wakes.length > 0 && this.wakes[0].time <= time) {
      const wake = this.wakes.shift()!;
      wake.task.readyAt = wake.time;
      wake.task.cause = wake.cause;
      this.ready.push(wake.task);
    }
  }

  /** CPU work on the main thread, from now until it is done (longer than `cost` while it shares a core). */
  private onMain(kind: 'cpu' | 'blocking', cost: number, label: string, span: Span, cause: number | null): number | null {
    if (!(cost > 0)) return cause;
    let done = false;
    let id: number | null = null;
    this.machine.advance(this.now);
    this.machine.submit({ thread: 0, work: cost, kind, label, span, pred: cause, laneKind: 'main', laneIndex: 0, onDone: (segment) => { done = true; id = segment?.id ?? null; } });
    this.track();
    while (!done && !this.lanes.truncated) this.machine.advance(this.machine.nextCompletion());
    this.now = this.machine.now;
    if (id === null) return cause;
    this.mainLast = id;
    return id;
  }

  /** Hands a job to another thread: a pool's (reused) or a new one (start-up first). `onDone` gets the job's segment id. */
  private hand(segment: WorkerSegment, cause: number | null, onDone: (id: number | null) => void): void {
    this.machine.advance(this.now);
    if (segment.spawns) {
      const thread = this.newThread();
      const startup = segment.what === 'process' ? COST.processStartup : COST.threadStartup;
      const what = segment.what === 'process' ? 'process' : 'thread';
      this.machine.submit({ thread, work: startup, kind: 'cpu', label: `${what} start-up: ${segment.label}`, span: segment.span, pred: cause, laneKind: 'worker', laneIndex: thread - 1 });
      this.machine.submit({ thread, work: segment.cost, kind: 'cpu', label: segment.label, span: segment.span, pred: cause, laneKind: 'worker', laneIndex: thread - 1, onDone: (s) => onDone(s?.id ?? null) });
      this.track();
      return;
    }
    const pool = this.poolFor(segment);
    const thread = pool.threads.find((t) => !this.machine.busy(t)) ?? (pool.threads.length < pool.size ? this.addPoolThread(pool) : null);
    if (thread === null) {
      pool.queue.push({ segment, cause, onDone });
      return;
    }
    this.runOnPool(pool, thread, segment, cause, onDone);
  }

  private runOnPool(pool: Pool, thread: number, segment: WorkerSegment, cause: number | null, onDone: (id: number | null) => void): void {
    this.machine.submit({
      thread, work: segment.cost, kind: 'cpu', label: segment.label, span: segment.span, pred: cause, laneKind: 'worker', laneIndex: thread - 1,
      onDone: (s) => {
        // The thread is free again: the pool's oldest waiting task takes it (it waited for this job).
        const next = pool.queue.shift();
        if (next) this.runOnPool(pool, thread, next.segment, s?.id ?? next.cause, next.onDone);
        onDone(s?.id ?? null);
      },
    });
    this.track();
  }

  private poolFor(segment: WorkerSegment): Pool {
    const name = segment.pool?.name ?? `pool:${segment.api}`;
    let pool = this.pools.get(name);
    if (!pool) {
      pool = { size: poolThreads(segment.pool?.size ?? { kind: 'unknown' }, this.options.cores), threads: [], queue: [] };
      this.pools.set(name, pool);
      this.notes.pools.set(name, pool.size);
    }
    return pool;
  }

  private addPoolThread(pool: Pool): number {
    const thread = this.newThread();
    pool.threads.push(thread);
    return thread;
  }

  private newThread(): number {
    return ++this.threadCount;
  }

  private track(): void {
    this.notes.peakRunnable = Math.max(this.notes.peakRunnable, this.machine.runnable);
  }

  /** A worker job someone awaited has finished: that task is ready at the machine's time, in order with the other wakes. */
  private wakeNow(task: Task, cause: number | null): void {
    this.sleep(task, this.machine.now, cause);
  }

  private get truncated(): boolean {
    return this.stepsExceeded || this.lanes.truncated;
  }
}

/** A pool's thread count on `cores` cores (a core-tied size scales with them). */
export function poolThreads(size: PoolSize, cores: number): number {
  switch (size.kind) {
    case 'literal':
      return Math.max(1, Math.round(size.n));
    case 'cores':
      return Math.max(1, Math.floor(cores * size.factor) - size.minus);
    case 'unknown':
      return cores;
  }
}

function chainOf(task: Task): string[] {
  const chain = [...task.chain];
  for (const frame of task.frames) if (frame.fnKey !== null) chain.push(frame.fnKey);
  return chain;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** "sync work" inside a callee says more as "sync work in helper". */
function vague(label: string, frame: Frame): string {
  return label === 'sync work' && frame.owner ? `sync work in ${frame.owner}` : label;
}
