/**
 * Timelines as Chrome trace-event JSON (the "JSON Array/Object Format"), which
 * Perfetto and chrome://tracing open: each function is a process, each lane a
 * thread, each segment a complete ('X') event. Idle gaps are left out: the
 * viewers draw empty space themselves.
 */
import type { Timeline } from './types';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: 'X' | 'M';
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, string | number | boolean>;
}

export interface TraceFile {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string>;
}

/** One cost unit is drawn as this many microseconds (1 unit = 1 ms on the viewer's axis). */
export const TRACE_MICROS_PER_UNIT = 1000;

export function timelineToTrace(timelines: readonly Timeline[], microsPerUnit = TRACE_MICROS_PER_UNIT): TraceFile {
  const traceEvents: TraceEvent[] = [];
  timelines.forEach((timeline, t) => {
    const pid = t + 1;
    const meta = (name: string, tid: number, args: Record<string, string | number>): TraceEvent => ({ name, cat: '__metadata', ph: 'M', ts: 0, pid, tid, args });
    traceEvents.push(meta('process_name', 0, { name: `${timeline.name} (total ${timeline.total} units)` }));
    traceEvents.push(meta('process_sort_index', 0, { sort_index: pid }));
    timeline.lanes.forEach((lane, l) => {
      const tid = l + 1;
      traceEvents.push(meta('thread_name', tid, { name: lane.name }));
      traceEvents.push(meta('thread_sort_index', tid, { sort_index: tid }));
      for (const segment of lane.segments) {
        if (segment.kind === 'idle') continue;
        traceEvents.push({
          name: segment.label,
          cat: segment.kind,
          ph: 'X',
          ts: segment.start * microsPerUnit,
          dur: (segment.end - segment.start) * microsPerUnit,
          pid,
          tid,
          args: { line: segment.line, column: segment.column ?? 1, critical: segment.critical === true, units: segment.end - segment.start },
        });
      }
    });
  });
  return {
    traceEvents,
    displayTimeUnit: 'ms',
    otherData: { generator: 'Concurrency Lens', note: 'Relative cost units from the code structure (1 unit drawn as 1 ms), not measurements.' },
  };
}
