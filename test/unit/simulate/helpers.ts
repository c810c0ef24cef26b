/** Hand-made FunctionReport data for the simulation tests: exact costs, no parser involved. */
import type { ForkSegment, LoopSegment, Segment, Span } from '../../../src/core/model/types';
import type { FunctionReport } from '../../../src/core/reportTypes';
import type { Timeline } from '../../../src/core/simulate';

export function span(line: number): Span {
  return { line, column: 1, endLine: line, endColumn: 10, start: 0, end: 0 };
}

export const cpu = (cost: number, label = 'work', line = 1): Segment => ({ kind: 'cpu', cost, span: span(line), label });
export const io = (latency: number, label = 'fetch()', line = 1, awaited = true): Segment => ({ kind: 'io', api: 'fetch', latency, awaited, timer: false, span: span(line), label });
export const blocking = (cost: number, label = 'readFileSync()', line = 1): Segment => ({ kind: 'blocking', api: 'fs.readFileSync', cost, span: span(line), label });
export const worker = (cost: number, label = 'pool.run()', opts: { awaited?: boolean; spawns?: boolean; line?: number } = {}): Segment => ({
  kind: 'worker', api: 'piscina.run', cost, spawns: opts.spawns ?? false, awaited: opts.awaited ?? true, span: span(opts.line ?? 1), label,
});
export const call = (calleeId: number, awaited = true, label = `f${calleeId}()`, line = 1): Segment => ({ kind: 'call', calleeId, calleeName: label, awaited, span: span(line), label });

export function fork(tasks: Segment[][], opts: Partial<Pick<ForkSegment, 'combinator' | 'repeat' | 'awaited'>> & { line?: number; endLine?: number } = {}): Segment {
  return { kind: 'fork', combinator: opts.combinator ?? 'all', tasks, repeat: opts.repeat ?? 1, awaited: opts.awaited ?? true, span: { ...span(opts.line ?? 1), endLine: opts.endLine ?? opts.line ?? 1 }, label: 'Promise.all([...])' };
}

export function loop(body: Segment[], iterations: number, mode: LoopSegment['mode'], opts: { line?: number; endLine?: number; guessed?: boolean } = {}): Segment {
  return { kind: 'loop', mode, iterations, iterationsGuessed: opts.guessed ?? false, body, span: { ...span(opts.line ?? 1), endLine: opts.endLine ?? opts.line ?? 1 }, label: 'for (...)' };
}

export function fn(id: number, segments: Segment[], extra: Partial<FunctionReport> = {}): FunctionReport {
  return {
    id, name: `f${id}`, kind: 'function', async: true, quadrant: 'concurrent', parallelFraction: 0, parentId: 0,
    line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0, evidence: [], segments, ...extra,
  };
}

/** A lane's segments as compact [kind, start, end, label] tuples, for exact comparisons. */
export function laneOf(timeline: Timeline, name: string): [string, number, number, string][] {
  const lane = timeline.lanes.find((l) => l.name === name);
  if (!lane) throw new Error(`no lane ${name} in ${timeline.lanes.map((l) => l.name).join(', ')}`);
  return lane.segments.map((s) => [s.kind, s.start, s.end, s.label]);
}

/** The critical path as "lane:label" strings. */
export function criticalOf(timeline: Timeline): string[] {
  return timeline.criticalPath.map(({ lane, index }) => `${timeline.lanes[lane].name}:${timeline.lanes[lane].segments[index].label}`);
}
