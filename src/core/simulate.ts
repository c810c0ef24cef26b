/**
 * Model -> timeline: a predicted schedule of one function on the event loop,
 * its outstanding waits and N worker lanes, from the plain-data Report (so it
 * runs in node, in the CLI and bundled into the webview: no vscode, DOM or node
 * APIs here or in ./timeline/).
 *
 * - simulate(report, functionId, { cores, ioLatency? }) -> Timeline
 * - amdahl(P, N), amdahlCeiling(P), speedupTable(P, cores[])
 * - timelineToAscii(timeline, width) for the CLI, timelineToTrace(timelines)
 *   for Perfetto / chrome://tracing
 *
 * The scheduling rules are in ./timeline/scheduler.ts; the shapes in ./timeline/types.ts.
 */
export type { AfterFix, LaneKind, SegmentRef, SimulateOptions, Speedup, Timeline, TimelineLane, TimelineSegment, TimelineSegmentKind } from './timeline/types';
export { simulate, simulatedSpeedup, predictedRun, clampCores, MAX_CORES } from './timeline/timeline';
export { parallelFractionOf } from './timeline/parallelism';
export { DEFAULT_MAX_SEGMENTS } from './timeline/scheduler';
export { amdahl, amdahlCeiling, speedupOf, speedupTable, type SpeedupRow } from './timeline/amdahl';
export { timelineToAscii, summaryLine, formatNumber, ASCII_FILL, ASCII_LEGEND } from './timeline/ascii';
export { timelineToTrace, TRACE_MICROS_PER_UNIT, type TraceEvent, type TraceFile } from './timeline/trace';
