/**
 * simulate(): runs the scheduler on one function of a Report and shapes the
 * result for the views: lanes (main, io rows, every worker lane), idle gaps on
 * the main lane, the critical path, idle shares, Amdahl's numbers and the
 * assumptions in plain words.
 */
import { COST } from '../model/types';
import type { FunctionReport, Report } from '../reportTypes';
import { sameWorkSpeedup, speedupOf } from './amdahl';
import { lookupOf, type FunctionLookup } from './costs';
import { SWITCH_COST } from './machine';
import { DEFAULT_MAX_SEGMENTS, schedule, type RawSegment, type Schedule } from './scheduler';
import type { SegmentRef, SimulateOptions, Timeline, TimelineLane, TimelineSegment } from './types';

/** The most cores a timeline is drawn for (the views' slider and the settings stop here too). */
export const MAX_CORES = 64;

/** What the scheduler reads of a report: the file's functions, and those of other files its calls reach. */
export type Schedulable = Pick<Report, 'functions' | 'imported'>;

/**
 * One lookup per report: P is read off several schedules of every parallel function
 * (parallelism.ts), and building the lookup each time made a file's analysis quadratic in
 * its function count (a 50,000-line file spent a fifth of its time here). Reports are not
 * changed once made; the imported list is checked too, for callers that pair a function
 * list with another one.
 */
const lookups = new WeakMap<readonly FunctionReport[], { imported: Schedulable['imported']; lookup: FunctionLookup }>();

function lookupFor(report: Schedulable): FunctionLookup {
  const known = lookups.get(report.functions);
  if (known && known.imported === report.imported) return known.lookup;
  const lookup = lookupOf(report.functions, report.imported);
  lookups.set(report.functions, { imported: report.imported, lookup });
  return lookup;
}

export function clampCores(cores: number): number {
  return Number.isFinite(cores) ? Math.min(MAX_CORES, Math.max(1, Math.round(cores))) : 1;
}

export function simulate(report: Schedulable, functionId: number, options: SimulateOptions): Timeline {
  const cores = clampCores(options.cores);
  const lookup = lookupFor(report);
  const fn = lookup(functionId);
  // A stale id (the file changed under the view) gets an empty chart, never an exception.
  if (!fn) return emptyTimeline(functionId, cores);
  const maxSegments = Math.max(1, options.maxSegments ?? DEFAULT_MAX_SEGMENTS);
  const raw = schedule(fn, lookup, { cores, ioLatency: options.ioLatency, maxSegments });
  // The speed-up is simulated: the same function on one core, against this schedule.
  const onOne = cores === 1 ? raw : schedule(fn, lookup, { cores: 1, ioLatency: options.ioLatency, maxSegments });
  return assemble(fn, raw, endOf(onOne), cores, options, maxSegments);
}

/** A function's predicted total on `cores` cores, and how many jobs it gave other threads (the scheduler only: no lanes, no critical path). */
export function predictedRun(report: Schedulable, functionId: number, cores: number, options: Omit<SimulateOptions, 'cores'> = {}): { total: number; workerJobs: number } {
  const lookup = lookupFor(report);
  const fn = lookup(functionId);
  if (!fn) return { total: 0, workerJobs: 0 };
  const raw = schedule(fn, lookup, { cores: clampCores(cores), ioLatency: options.ioLatency, maxSegments: Math.max(1, options.maxSegments ?? DEFAULT_MAX_SEGMENTS) });
  return { total: endOf(raw), workerJobs: raw.segments.filter((s) => s.laneKind === 'worker').length };
}

/** The simulated speed-up of a function on `cores` cores: its predicted total on one core over the total on `cores`. */
export function simulatedSpeedup(report: Schedulable, functionId: number, cores: number): number {
  const total = predictedRun(report, functionId, cores).total;
  return total > 0 ? sameWorkSpeedup(predictedRun(report, functionId, 1).total / total, cores) : 1;
}

function endOf(raw: Schedule): number {
  return raw.segments.reduce((max, s) => Math.max(max, s.end), 0);
}

function emptyTimeline(functionId: number, cores: number): Timeline {
  const lanes: TimelineLane[] = [{ name: 'main', kind: 'main', segments: [] }];
  for (let i = 1; i <= cores; i++) lanes.push({ name: `worker ${i}`, kind: 'worker', segments: [] });
  const idle: Record<string, number> = {};
  for (const lane of lanes) idle[lane.name] = 0;
  return { functionId, name: '?', cores, total: 0, returnsAt: 0, lanes, threads: 0, busiest: 0, criticalPath: [], idle, speedup: speedupOf(0, cores, 1), assumptions: [`No function with id ${functionId} in this report.`], truncated: false };
}

function assemble(fn: FunctionReport, raw: Schedule, totalOnOne: number, cores: number, options: SimulateOptions, maxSegments: number): Timeline {
  const total = endOf(raw);
  const critical = criticalIds(raw.segments);
  const laneOf = (s: RawSegment) => (s.laneKind === 'main' ? 0 : s.laneKind === 'io' ? 1 + s.laneIndex : 1 + raw.ioRows + s.laneIndex);

  const lanes: TimelineLane[] = [{ name: 'main', kind: 'main', segments: [] }];
  for (let row = 1; row <= raw.ioRows; row++) lanes.push({ name: `io ${row}`, kind: 'io', segments: [] });
  // One lane per worker thread used; with none, one empty lane per core so the idle cores show.
  for (let w = 1; w <= (raw.threads > 0 ? raw.threads : cores); w++) lanes.push({ name: `worker ${w}`, kind: 'worker', segments: [] });

  const refs = new Map<number, SegmentRef>();
  const byLane: RawSegment[][] = lanes.map(() => []);
  for (const s of raw.segments) byLane[laneOf(s)].push(s);
  byLane.forEach((list, lane) => {
    list.sort((a, b) => a.start - b.start || a.id - b.id);
    let cursor = 0;
    for (const s of list) {
      // The main thread's gaps are the point of the picture: fill them with labelled idle.
      if (lane === 0 && s.start > cursor) lanes[0].segments.push(idleSegment(cursor, s.start, waitedFor(raw.segments, s.pred), fn));
      refs.set(s.id, { lane, index: lanes[lane].segments.length });
      lanes[lane].segments.push(toSegment(s, critical.has(s.id), fn));
      cursor = Math.max(cursor, s.end);
    }
    if (lane === 0 && total > cursor) lanes[0].segments.push(idleSegment(cursor, total, waitedFor(raw.segments, lastId(raw.segments)), fn));
  });

  const idle: Record<string, number> = {};
  for (const lane of lanes) {
    const busy = lane.segments.reduce((sum, s) => sum + (s.kind === 'idle' ? 0 : s.end - s.start), 0);
    idle[lane.name] = total > 0 ? round4(1 - busy / total) : 0;
  }
  const criticalPath = [...critical].sort((a, b) => raw.segments[a].start - raw.segments[b].start || a - b).map((id) => refs.get(id)!);
  return {
    functionId: fn.id,
    name: fn.name,
    cores,
    total,
    returnsAt: raw.returnsAt,
    lanes,
    threads: raw.threads,
    busiest: raw.notes.peakRunnable,
    criticalPath,
    idle,
    speedup: speedupOf(fn.parallelFraction, cores, total > 0 ? totalOnOne / total : 1),
    assumptions: assumptionsOf(raw, cores, options, maxSegments),
    truncated: raw.truncated,
  };
}

/** The last segment to finish, then back through what each one waited for. */
function criticalIds(segments: readonly RawSegment[]): Set<number> {
  const ids = new Set<number>();
  let at = lastId(segments);
  while (at !== null && !ids.has(at)) {
    ids.add(at);
    at = segments[at].pred;
  }
  return ids;
}

/** Latest end; on a tie the one emitted last (it was caused later). */
function lastId(segments: readonly RawSegment[]): number | null {
  let best: RawSegment | null = null;
  for (const s of segments) if (!best || s.end >= best.end) best = s;
  return best ? best.id : null;
}

/** The wait (io or worker) whose end let the main thread resume, if that is what it was. */
function waitedFor(segments: readonly RawSegment[], id: number | null): RawSegment | null {
  const s = id === null ? null : segments[id];
  return s && s.laneKind !== 'main' ? s : null;
}

function idleSegment(start: number, end: number, waited: RawSegment | null, fn: FunctionReport): TimelineSegment {
  const span = waited?.span;
  return {
    kind: 'idle',
    start,
    end,
    label: waited ? `idle, waiting for ${waited.label}` : 'idle',
    line: span?.line ?? fn.line,
    column: span?.column ?? fn.column,
    endLine: span?.endLine ?? fn.line,
    endColumn: span?.endColumn ?? fn.column,
  };
}

function toSegment(s: RawSegment, critical: boolean, fn: FunctionReport): TimelineSegment {
  const out: TimelineSegment = {
    kind: s.kind,
    start: s.start,
    end: s.end,
    label: s.label,
    ...(s.work !== undefined && s.work < s.end - s.start - 1e-6 ? { work: s.work } : {}),
    line: s.span?.line ?? fn.line,
    column: s.span?.column ?? fn.column,
    endLine: s.span?.endLine ?? fn.endLine,
    endColumn: s.span?.endColumn ?? fn.endColumn,
  };
  if (critical) out.critical = true;
  return out;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function list(values: Iterable<number>): string {
  return [...values].sort((a, b) => a - b).join(', ');
}

function assumptionsOf(raw: Schedule, cores: number, options: SimulateOptions, maxSegments: number): string[] {
  const { notes } = raw;
  const out = ['Times are relative units estimated from the code’s structure (statements, loop counts, known heavy calls), not measurements.'];
  if (notes.ioLatencies.size > 0) {
    const values = [...notes.ioLatencies].sort((a, b) => a - b);
    if (options.ioLatency !== undefined) out.push(`Each I/O wait is assumed to take ${options.ioLatency} units (as configured).`);
    else if (values.length === 1) out.push(`Each I/O wait is assumed to take ${values[0]} units.`);
    else out.push(`I/O waits are assumed to take ${values[0]} to ${values[values.length - 1]} units, depending on the call.`);
  }
  if (notes.guessedIterations.size > 0) out.push(`Loops of unknown length are assumed to run ${list(notes.guessedIterations)} times.`);
  if (notes.forkRepeats.size > 0) out.push(`Tasks mapped over a collection are started ${list(notes.forkRepeats)} times (${COST.unknownIterations} when the collection’s size is unknown).`);
  if (notes.blocking) out.push('A blocking call freezes its thread for its whole duration: nothing else runs there meanwhile.');
  if (notes.workers) {
    const pools = [...notes.pools].map(([name, size]) => `${name.startsWith('pool:') ? 'a pool' : `\`${name}\``} runs ${size} thread${size === 1 ? '' : 's'}`);
    if (pools.length > 0) out.push(`Tasks handed to a pool run on its threads, which already exist and are reused; a task waits when all of them are busy (${pools.join(', ')}).`);
    if (notes.spawns) out.push(`A new worker thread starts up in ${COST.threadStartup} units (a process in ${COST.processStartup}) before it can work, after ${COST.workerStartup} units on the calling thread to create it.`);
    out.push(`The ${cores} core${cores === 1 ? ' is' : 's are'} shared by every thread with work to do, the main thread included${notes.peakRunnable > cores ? `: up to ${notes.peakRunnable} wanted one at once, so they took turns, each slower, and switching between them cost ${Math.round(SWITCH_COST * 100)}% more` : ''}.`);
  }
  if (notes.background && raw.returnsAt < raw.segments.reduce((max, s) => Math.max(max, s.end), 0)) {
    out.push(`Work nobody waits for keeps running after the function’s own flow ends at ${raw.returnsAt}; the total includes it.`);
  }
  if (notes.notExpanded) out.push('Recursive calls, and calls nested very deep, are drawn as one short step instead of being expanded.');
  if (raw.truncated) out.push(`The schedule was cut after ${maxSegments} segments; the total covers only what was drawn.`);
  return out;
}
