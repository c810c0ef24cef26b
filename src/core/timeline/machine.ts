/**
 * The machine the schedule runs on: N cores shared by every thread that has
 * CPU work at the moment (the main thread while it computes or blocks, each
 * worker thread while it starts up or runs a job). While no more threads want
 * a core than there are cores, each runs at full speed; past that they take
 * turns (processor sharing), each at N / runnable of full speed, minus a small
 * cost for switching between them. That is why more threads than cores adds
 * time and no speed.
 *
 * Work is in the model's cost units; a job's wall-clock span stretches while
 * it shares a core. Completed jobs are recorded as segments on their lanes.
 */
import type { Span } from '../model/types';
import type { Lanes, RawSegment } from './lanes';
import type { LaneKind } from './types';

/** Share of time lost to switching between threads while more of them want a core than there are cores. */
export const SWITCH_COST = 0.1;
/** Below this, remaining work counts as done (rates are fractions, so sums drift). */
const EPSILON = 1e-9;

export interface JobSpec {
  /** 0 is the main thread; worker threads are 1, 2, … in the order they were created. */
  thread: number;
  work: number;
  kind: 'cpu' | 'blocking';
  label: string;
  span: Span | null;
  /** The segment whose end let this job be submitted. */
  pred: number | null;
  laneKind: LaneKind;
  laneIndex: number;
  /** Called when the job completes, with its segment (null once the segment cap was reached). */
  onDone?: (segment: RawSegment | null, end: number) => void;
}

interface Running {
  spec: JobSpec;
  left: number;
  start: number;
  pred: number | null;
}

interface ThreadState {
  running: Running | null;
  queue: JobSpec[];
  /** The thread's last completed segment: what a queued job waited for. */
  last: number | null;
  lastEnd: number;
}

export class Machine {
  now = 0;
  private readonly threads: ThreadState[] = [];

  constructor(
    private readonly cores: number,
    private readonly lanes: Lanes,
  ) {}

  /** Starts `spec` now on its thread, or queues it behind the thread's current and queued jobs. */
  submit(spec: JobSpec): void {
    const thread = this.thread(spec.thread);
    if (thread.running || thread.queue.length > 0) {
      thread.queue.push(spec);
      return;
    }
    this.begin(thread, spec, spec.pred);
  }

  /** True while the thread runs or has queued work. */
  busy(thread: number): boolean {
    const state = this.threads[thread];
    return !!state && (state.running !== null || state.queue.length > 0);
  }

  /** How many threads want a core right now. */
  get runnable(): number {
    let count = 0;
    for (const t of this.threads) if (t?.running) count++;
    return count;
  }

  /** Speed of each running thread, 1 = a core of its own. */
  get rate(): number {
    const runnable = this.runnable;
    return runnable <= this.cores ? 1 : (this.cores / runnable) * (1 - SWITCH_COST);
  }

  /** When the next running job completes at today's rate; Infinity when nothing runs. */
  nextCompletion(): number {
    let least = Infinity;
    for (const t of this.threads) if (t?.running && t.running.left < least) least = t.running.left;
    return least === Infinity ? Infinity : this.now + least / this.rate;
  }

  /** Moves time forward to `to`, completing jobs on the way (in time order, then thread order). */
  advance(to: number): void {
    while (to > this.now + EPSILON || this.hasFinished()) {
      const next = Math.min(this.nextCompletion(), to);
      const rate = this.rate;
      const elapsed = Math.max(0, next - this.now);
      for (const t of this.threads) if (t?.running) t.running.left -= elapsed * rate;
      this.now = Math.max(this.now, next);
      let finished = false;
      for (const t of this.threads) {
        if (t?.running && t.running.left <= EPSILON) {
          this.complete(t);
          finished = true;
        }
      }
      if (!finished && next >= to) break;
    }
    this.now = Math.max(this.now, to);
  }

  private hasFinished(): boolean {
    return this.threads.some((t) => t?.running && t.running.left <= EPSILON);
  }

  private thread(index: number): ThreadState {
    while (this.threads.length <= index) this.threads.push({ running: null, queue: [], last: null, lastEnd: 0 });
    return this.threads[index];
  }

  private begin(thread: ThreadState, spec: JobSpec, pred: number | null): void {
    thread.running = { spec, left: Math.max(0, spec.work), start: this.now, pred };
  }

  private complete(thread: ThreadState): void {
    const { spec, start, pred } = thread.running!;
    thread.running = null;
    const end = this.now;
    const segment = this.lanes.emit({ laneKind: spec.laneKind, laneIndex: spec.laneIndex, kind: spec.kind, start, end, label: spec.label, span: spec.span, pred, work: spec.work });
    if (segment) thread.last = segment.id;
    thread.lastEnd = end;
    const next = thread.queue.shift();
    // A queued job waited for this one: that is what let it start.
    if (next) this.begin(thread, next, segment?.id ?? next.pred);
    spec.onDone?.(segment, end);
  }
}
