/**
 * The Timeline: what simulate() returns and what the webview, the CLI chart and
 * the trace export draw. Plain, JSON-serialisable data (no Infinity, no Maps),
 * so it can cross to the webview and go into `--format json` unchanged.
 * Times are relative cost units from the model, never milliseconds.
 */

export type LaneKind = 'main' | 'io' | 'worker';

/** What a stretch of a lane is doing. `idle` appears only on the main lane (the gaps where it waits). */
export type TimelineSegmentKind = 'cpu' | 'io' | 'blocking' | 'idle';

export interface TimelineSegment {
  kind: TimelineSegmentKind;
  start: number;
  end: number;
  label: string;
  /** CPU units done, when it is less than the segment's length: the thread shared a core with others. */
  work?: number;
  /** Source range (1-based) to reveal on click. */
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** On the chain of segments that decides `total`. */
  critical?: boolean;
}

export interface TimelineLane {
  /** `main`, `io 1`, `io 2`, ... (one row per overlapping wait), `worker 1` ... (one per worker thread). */
  name: string;
  kind: LaneKind;
  segments: TimelineSegment[];
}

/** A segment of `lanes[lane].segments[index]`. */
export interface SegmentRef {
  lane: number;
  index: number;
}

/**
 * One speed-up. `S` is simulated: the predicted total on one core over the
 * predicted total on `cores` cores. `amdahl` is Amdahl's bound for the same
 * parallel fraction P, 1 / ((1 - P) + P / cores), which S never exceeds.
 */
export interface Speedup {
  /** Parallel fraction of the function (FunctionReport.parallelFraction), read off its schedule. */
  P: number;
  cores: number;
  /** Simulated: T(1 core) / T(cores). */
  S: number;
  /** Amdahl's bound on `cores` cores for P. */
  amdahl: number;
  /** Amdahl's limit 1 / (1 - P) as cores grow; null when P = 1 (no limit: the JSON cannot hold Infinity). */
  ceiling: number | null;
}

export interface Timeline {
  functionId: number;
  name: string;
  cores: number;
  /** When the last segment ends: the predicted time of everything the function started. */
  total: number;
  /**
   * When the function's own flow finishes (its promise settles). Smaller than
   * `total` when it leaves work running in the background (un-awaited promises,
   * the losers of a race, workers it does not wait for).
   */
  returnsAt: number;
  /**
   * main, then the io rows (as many as waits ever overlap; none if nothing waits),
   * then one lane per worker thread the function used (pool threads and spawned
   * ones); when it uses none, N empty worker lanes, so idle cores are visible.
   */
  lanes: TimelineLane[];
  /** Worker threads the function used (pool threads and spawned ones). */
  threads: number;
  /** The most threads, main included, that had CPU work at the same moment: above `cores` they took turns. */
  busiest: number;
  /** The chain that decides `total`, earliest first; its segments also carry `critical: true`. */
  criticalPath: SegmentRef[];
  /** Share of `total` each lane (by name) spends idle, 0..1. For an io row, idle means nothing is waited on there. */
  idle: Record<string, number>;
  speedup: Speedup;
  /** What the numbers rest on, in plain words, for the page and the CLI to show. */
  assumptions: string[];
  /** true when the schedule was cut at the segment cap (huge loops, deep fan-out). */
  truncated: boolean;
}

export interface SimulateOptions {
  /** Worker lanes (cores). Clamped to 1..256. */
  cores: number;
  /** Overrides every I/O wait's latency, timers included (the model's default is COST.ioLatency). */
  ioLatency?: number;
  /** Cap on emitted segments (default 2,000); the timeline is marked truncated past it. */
  maxSegments?: number;
}

/** The before/after pair for a finding whose rule has a known rewrite. */
export interface AfterFix {
  rule: string;
  before: Timeline;
  after: Timeline;
  /** (before.total - after.total) / before.total, clamped to 0..1: 0 when the rewrite is not faster. */
  saving: number;
  /** One line on what the rewrite changes in the schedule. */
  description: string;
}
