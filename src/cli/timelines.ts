/**
 * The simulated schedules behind --timeline, --html and --trace. Simulated once per
 * function and shared by every output, so a run that asks for JSON timelines and a
 * trace file does the work once and both show the same numbers.
 */
import { isContextName } from '../core/naming';
import type { FunctionReport } from '../core/reportTypes';
import { simulate, type Timeline } from '../core/simulate';
import type { AnalyzedFile } from './types';

/** One timeline per function, in `report.functions` order (empty for unanalysed files). */
export function simulateFile(file: AnalyzedFile, cores: number): Timeline[] {
  // simulate() clamps the core count to what it can draw (MAX_CORES); timeline.cores says what it used.
  return file.report.functions.map((fn) => simulate(file.report, fn.id, { cores }));
}

/** A name the user wrote: not the module, not a name taken from the function's context (`urls.map callback`). */
export function isNamed(fn: FunctionReport): boolean {
  return fn.name !== '<module>' && !isContextName(fn.name);
}

/**
 * Trivial: nothing but CPU on the main thread (no wait, no blocking call, no worker).
 * Its chart is one solid bar that says no more than the table row above it.
 */
export function isTrivial(timeline: Timeline): boolean {
  return timeline.lanes.every((lane) =>
    lane.segments.every((segment) => segment.kind === 'idle' || (segment.kind === 'cpu' && lane.kind === 'main')),
  );
}

/**
 * Which functions get an ASCII chart in the text format (indices into report.functions).
 * - Named functions always: the reader looks for them by the name in the table.
 * - `<module>` only when non-trivial (it waits, blocks or uses workers at load time).
 * - Functions named from their context (`POST /signup handler`, `urls.map callback`) only
 *   when non-trivial and directly under the module (a request handler, a top-level callback):
 *   nothing else draws them. A callback inside another function is already expanded into
 *   that function's chart by the simulator.
 */
export function chartedFunctions(functions: readonly FunctionReport[], timelines: readonly Timeline[]): number[] {
  const moduleIds = new Set(functions.filter((fn) => fn.parentId === null).map((fn) => fn.id));
  const charted: number[] = [];
  functions.forEach((fn, index) => {
    const timeline = timelines[index];
    if (!timeline) return;
    if (isNamed(fn)) charted.push(index);
    else if (isTrivial(timeline)) return;
    else if (fn.parentId === null || moduleIds.has(fn.parentId)) charted.push(index);
  });
  return charted;
}
