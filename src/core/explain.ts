/**
 * Plain-language explanations of quadrants and speed-ups, shared by the hover,
 * the commands, the CLI and the timeline page so they all say the same thing.
 */
import type { Quadrant } from './model/types';
import type { FunctionReport } from './reportTypes';
import type { Speedup, Timeline } from './timeline/types';

export const QUADRANT_LABEL: Record<Quadrant, string> = {
  sequential: 'sequential',
  concurrent: 'concurrent',
  parallel: 'parallel',
  'concurrent-parallel': 'concurrent + parallel',
};

/** One sentence per quadrant: what it means for how this code runs. */
export const QUADRANT_SENTENCE: Record<Quadrant, string> = {
  sequential: 'runs one step after another on one thread: nothing here overlaps, neither waits nor computation.',
  concurrent: 'keeps several tasks in progress on one thread: its waits can overlap, but its computation still takes turns on the event loop.',
  parallel: 'runs work at the same instant on other cores (workers or processes), without interleaving different kinds of tasks on its own thread.',
  'concurrent-parallel': 'overlaps waits on the event loop and also runs work on other cores at the same time.',
};

export function describeQuadrant(fn: Pick<FunctionReport, 'name' | 'quadrant'>): string {
  return `${displayName(fn.name)} is ${QUADRANT_LABEL[fn.quadrant]}: it ${QUADRANT_SENTENCE[fn.quadrant]}`;
}

export function displayName(name: string): string {
  if (name === '<module>') return 'The module top level';
  if (name === '<anonymous>') return 'This anonymous function';
  return `\`${name}\``;
}

/** What a function's predicted schedule shows, in the numbers its quadrant sentence is made from. */
export interface ScheduleFacts {
  /** The most waits outstanding at one moment. */
  waitsInFlight: number;
  /** It waits at least once: while it does, its thread is free for other tasks. */
  yieldsWhileWaiting: boolean;
  /** The most threads, main included, working at one moment. */
  busyThreads: number;
  /** Worker threads it used. */
  threads: number;
}

export function scheduleFacts(timeline: Timeline): ScheduleFacts {
  const io = timeline.lanes.filter((lane) => lane.kind === 'io');
  const busy = timeline.lanes.filter((lane) => lane.kind !== 'io').map((lane) => lane.segments.filter((s) => s.kind !== 'idle'));
  return {
    waitsInFlight: io.length,
    yieldsWhileWaiting: io.length > 0 && (timeline.idle.main ?? 0) > 0,
    busyThreads: mostAtOnce(busy.flat()),
    threads: timeline.threads,
  };
}

/** The largest number of segments running at one instant. */
function mostAtOnce(segments: readonly { start: number; end: number }[]): number {
  const edges: [number, number][] = [];
  for (const s of segments) if (s.end > s.start) edges.push([s.start, 1], [s.end, -1]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (now += step));
  return most;
}

/**
 * The quadrant in one sentence, made from the function's own schedule: how
 * many of its waits are in flight at once, whether it frees the thread while
 * it waits, how many threads work at once. So the words never say more than
 * the picture shows.
 */
export function quadrantSentence(fn: Pick<FunctionReport, 'name' | 'quadrant' | 'evidence'>, timeline: Timeline): string {
  const facts = scheduleFacts(timeline);
  const who = displayName(fn.name);
  const handlers = fn.evidence.some((e) => e.kind === 'handler');
  const parts: string[] = [];
  if (fn.quadrant === 'concurrent' || fn.quadrant === 'concurrent-parallel') {
    if (facts.yieldsWhileWaiting) {
      parts.push(
        facts.waitsInFlight <= 1
          ? 'while it waits, the thread is free for other tasks, but its own waits run one after another (one in flight at a time)'
          : `while it waits, the thread is free for other tasks, and up to ${facts.waitsInFlight} of its own waits are in flight at once`,
      );
    } else if (handlers) {
      parts.push('it registers handlers that run when their events arrive, taking turns with other work on the same thread');
    } else {
      parts.push('it starts work it does not wait for, which goes on while the thread does other things');
    }
  }
  if (fn.quadrant === 'parallel' || fn.quadrant === 'concurrent-parallel') {
    const cores = `${timeline.cores} core${timeline.cores === 1 ? '' : 's'}`;
    parts.push(
      facts.busyThreads <= 1
        ? `it hands its work to another thread, one job at a time, so more cores do not make it faster (on ${cores})`
        : `it runs work on other threads: up to ${facts.busyThreads} threads busy at once on ${cores}${facts.busyThreads > timeline.cores ? ', taking turns' : ''}`,
    );
  }
  if (parts.length === 0) return `${who} is sequential: it runs start to finish on one thread; nothing it does waits or runs elsewhere.`;
  return `${who} is ${QUADRANT_LABEL[fn.quadrant]}: ${parts.join('; and ')}.`;
}

/** The simulated speed-up beside Amdahl's bound for the same P: "S(8) = 3.76× predicted; Amdahl's bound for P = 0.91 is 5.19× (at most 11.1× however many cores)". */
export function describeSpeedup(speedup: Speedup): string {
  const { P, cores, S, amdahl, ceiling } = speedup;
  if (P <= 0) return `P = 0: none of its work runs side by side on other cores, so more cores do not make it faster (S(${cores}) = ${S.toFixed(2)}×).`;
  const limit = ceiling === null ? 'no ceiling' : `at most ${ceiling.toFixed(1)}× however many cores`;
  return `S(${cores}) = ${S.toFixed(2)}× predicted from the schedule; Amdahl's bound for P = ${P.toFixed(2)} is ${amdahl.toFixed(2)}× (${limit}), and the prediction never exceeds it.`;
}

/**
 * Where the function runs and what that means for blocking work, for the
 * hover and Explain Quadrant: the same context fact blocking-call and
 * event-loop-hog read, so a silent rule can be explained.
 */
export function contextSentence(context: FunctionReport['context']): string | null {
  if (!context) return null;
  const why = context.why.replace(/\.$/, '');
  switch (context.kind) {
    case 'hot':
      return `Where it runs: ${why}. Other work waits for this thread, so a blocking call or a long computation here stalls it.`;
    case 'one-shot':
      return `Where it runs: ${why}. It runs once and nothing else waits for its thread, so blocking calls here cost no one else any time.`;
    case 'worker':
      return `Where it runs: ${why}. Blocking here holds only that worker, not the main thread.`;
    case 'unknown':
      return `Where it runs: ${why}. Whether other work waits for its thread is not known here, so blocking calls are reported only with the strict preset.`;
    default: {
      const unhandled: never = context.kind;
      return unhandled;
    }
  }
}
