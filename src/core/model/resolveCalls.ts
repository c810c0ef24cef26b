/**
 * After the traversal every function is known, so call segments can be tied to
 * their callee. A call that names no local function is not ours to expand: an
 * awaited one is a wait on something outside the file, anything else is
 * ordinary sync work.
 */
import { loopMode } from './buildLoops';
import type { BuildState } from './buildState';
import { COST, type FunctionInfo, type Segment } from './types';
import { extendSpan } from './spans';

export function resolveLocalCalls(state: BuildState): void {
  for (const fn of state.functions) {
    fn.segments = resolveList(state, fn, fn.segments);
    for (const site of fn.sites.calls) {
      if (site.localName !== undefined) site.calleeId = state.namesToIds.get(site.localName) ?? null;
    }
  }
}

function resolveList(state: BuildState, fn: FunctionInfo, segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const resolved = resolveSegment(state, fn, segment);
    if (!resolved) continue;
    const last = out[out.length - 1];
    // Dropping an unresolved call can leave two CPU runs side by side: keep them one.
    if (resolved.kind === 'cpu' && last?.kind === 'cpu' && !last.heavyApi && !resolved.heavyApi) {
      last.cost += resolved.cost;
      last.span = extendSpan(last.span, resolved.span);
    } else {
      out.push(resolved);
    }
  }
  return out;
}

function resolveSegment(state: BuildState, fn: FunctionInfo, segment: Segment): Segment | null {
  switch (segment.kind) {
    case 'call': {
      // A call into another file stays a call: the timeline expands it from that file's summary.
      if (segment.external) return segment;
      if (segment.calleeId >= 0) {
        if (!fn.calleeIds.includes(segment.calleeId)) fn.calleeIds.push(segment.calleeId);
        return segment;
      }
      const id = state.namesToIds.get(segment.calleeName);
      if (id !== undefined && id !== fn.id) {
        if (!fn.calleeIds.includes(id)) fn.calleeIds.push(id);
        return { ...segment, calleeId: id };
      }
      // A sync function calling itself (`return resolve(x.default)`) is computation, not a wait; an async
      // one awaiting itself waits on whatever its other segments wait on. Either way the call itself is no
      // evidence of I/O, and neither is a call to a name this file does not define: both stay uncertain.
      if (segment.awaited && (id !== fn.id || fn.async)) {
        return { kind: 'io', api: `unknown:${segment.calleeName}`, latency: COST.ioLatency, awaited: true, timer: false, uncertain: true, span: segment.span, label: segment.label };
      }
      return { kind: 'cpu', cost: COST.statement, span: segment.span, label: segment.label };
    }
    case 'loop':
      segment.body = resolveList(state, fn, segment.body);
      // Only now do we know whether an awaited local call is to an async function.
      segment.mode = loopMode(segment.body, (id) => id < 0 || state.functions[id].async);
      return segment;
    case 'fork':
      segment.tasks = segment.tasks.map((task) => resolveList(state, fn, task));
      return segment;
    default:
      return segment;
  }
}
