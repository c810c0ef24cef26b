/**
 * Quadrant and parallel fraction for every function, with the evidence that
 * decided them. Concurrency is structure (waits that overlap, handlers, tasks in
 * flight); parallelism is execution (work on other threads or processes).
 */
import { COST, type Evidence, type FunctionInfo, type Model, type Quadrant, type Segment } from './model/types';

const MAX_EVIDENCE = 6;

export function classifyModel(model: Model): void {
  for (const fn of model.functions) classifyFunction(model, fn);
}

function classifyFunction(model: Model, fn: FunctionInfo): void {
  const { summary } = fn;
  const concurrent = summary.waitsOnIo || summary.interleaves;
  const parallel = summary.usesWorkers;
  fn.quadrant = quadrantFor(concurrent, parallel);
  const found: Evidence[] = fn.evidence.filter((e) => e.kind === 'handler');
  collectEvidence(model, fn.segments, found);
  if (fn.async && !summary.waitsOnIo && !summary.usesWorkers) {
    found.push({ kind: 'async-no-wait', span: fn.headSpan, text: 'async, but nothing it awaits ever waits on I/O' });
  }
  fn.evidence = found.slice(0, MAX_EVIDENCE);
}

export function quadrantFor(concurrent: boolean, parallel: boolean): Quadrant {
  if (concurrent && parallel) return 'concurrent-parallel';
  if (parallel) return 'parallel';
  if (concurrent) return 'concurrent';
  return 'sequential';
}

function collectEvidence(model: Model, segments: readonly Segment[], found: Evidence[]): void {
  for (const segment of segments) {
    if (found.length >= MAX_EVIDENCE) return;
    switch (segment.kind) {
      case 'io':
        found.push({ kind: segment.awaited ? 'await-io' : 'callback-io', span: segment.span, text: `${segment.awaited ? 'waits on' : 'starts'} ${segment.label}` });
        break;
      case 'blocking':
        found.push({ kind: 'blocking', span: segment.span, text: `blocks the thread: ${segment.label}` });
        break;
      case 'worker':
        found.push({ kind: 'worker', span: segment.span, text: `${segment.spawns ? 'starts a thread/process' : 'hands work to a worker'}: ${segment.label}` });
        break;
      case 'fork':
        found.push({ kind: 'fork', span: segment.span, text: `starts tasks together: ${segment.label}` });
        break;
      case 'loop':
        if (segment.mode === 'sync' && segment.iterations * costOf(segment.body) >= COST.heavyLoop) {
          found.push({ kind: 'cpu-loop', span: segment.span, text: `CPU loop: ${segment.label}` });
        } else {
          collectEvidence(model, segment.body, found);
        }
        break;
      case 'call': {
        const callee = segment.calleeId >= 0 ? model.functions[segment.calleeId] : null;
        if (!callee) break;
        // Callees may be classified after their callers, so read their summary, not their quadrant.
        const calleeQuadrant = quadrantFor(callee.summary.waitsOnIo || callee.summary.interleaves, callee.summary.usesWorkers);
        if (calleeQuadrant !== 'sequential' || callee.summary.heavyCpu) {
          found.push({ kind: 'callee', span: segment.span, text: `calls ${callee.name} (${callee.summary.heavyCpu && calleeQuadrant === 'sequential' ? 'CPU-heavy' : calleeQuadrant})` });
        }
        break;
      }
      case 'cpu':
        if (segment.heavyApi && segment.cost >= COST.heavyCall) found.push({ kind: 'cpu-loop', span: segment.span, text: `heavy call: ${segment.label}` });
        break;
    }
  }
}

function costOf(segments: readonly Segment[]): number {
  let total = 0;
  for (const segment of segments) {
    if (segment.kind === 'cpu' || segment.kind === 'blocking') total += segment.cost;
    else if (segment.kind === 'loop') total += segment.iterations * costOf(segment.body);
  }
  return total;
}
