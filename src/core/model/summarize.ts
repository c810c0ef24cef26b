/**
 * Folds each function's segments, and its local callees' summaries, into a
 * FunctionSummary. A handler that calls a heavy local helper is heavy; an async
 * function that only awaits a CPU-bound local async function never waits.
 */
import type { CallEffect } from '../project/summaryTypes';
import { COST, type FunctionInfo, type FunctionSummary, type Segment } from './types';

const EMPTY: FunctionSummary = { cpuCost: 0, heavyCpu: false, waitsOnIo: false, usesWorkers: false, interleaves: false, blocks: false, workerCost: 0 };

export function summarize(functions: FunctionInfo[]): void {
  const done = new Set<number>();
  const inProgress = new Set<number>();
  const summaryOf = (id: number): FunctionSummary => {
    const fn = functions[id];
    if (done.has(id)) return fn.summary;
    if (inProgress.has(id)) return EMPTY; // recursion: count the cycle once
    inProgress.add(id);
    const summary = summarizeList(fn.segments, summaryOf);
    if (fn.evidence.some((e) => e.kind === 'handler')) summary.interleaves = true;
    fn.summary = summary;
    inProgress.delete(id);
    done.add(id);
    return summary;
  };
  for (const fn of functions) summaryOf(fn.id);
}

/** What a call into another file contributes, read from that file's summary of the callee. */
function summaryOfEffect(effect: CallEffect): FunctionSummary {
  return {
    cpuCost: COST.statement,
    heavyCpu: effect.computes?.heavy ?? false,
    waitsOnIo: effect.waits !== null,
    usesWorkers: effect.offload !== null,
    interleaves: false,
    blocks: effect.blocks !== null,
    workerCost: effect.offload ? COST.heavyLoop / 2 : 0,
  };
}

/** Summary of one segment list; `summaryOf` gives a local callee's summary. */
export function summarizeList(segments: readonly Segment[], summaryOf: (id: number) => FunctionSummary): FunctionSummary {
  const acc: FunctionSummary = { ...EMPTY };
  const fold = (inner: FunctionSummary, times: number) => {
    acc.cpuCost += inner.cpuCost * times;
    acc.workerCost += inner.workerCost * times;
    acc.heavyCpu ||= inner.heavyCpu;
    acc.waitsOnIo ||= inner.waitsOnIo;
    acc.usesWorkers ||= inner.usesWorkers;
    acc.interleaves ||= inner.interleaves;
    acc.blocks ||= inner.blocks;
  };
  for (const segment of segments) {
    switch (segment.kind) {
      case 'cpu':
        acc.cpuCost += segment.cost;
        if (segment.heavyApi && segment.cost >= COST.heavyCall) acc.heavyCpu = true;
        break;
      case 'io':
        acc.waitsOnIo = true;
        if (!segment.awaited) acc.interleaves = true;
        break;
      case 'blocking':
        acc.cpuCost += segment.cost;
        acc.blocks = true;
        break;
      case 'worker':
        acc.usesWorkers = true;
        acc.workerCost += segment.cost;
        acc.cpuCost += COST.workerStartup;
        break;
      case 'fork':
        for (const task of segment.tasks) {
          const inner = summarizeList(task, summaryOf);
          fold(inner, segment.repeat);
          // Overlapping waits is what a fork buys; a fork of pure worker jobs is parallel, not interleaved.
          if (inner.waitsOnIo) acc.interleaves = true;
        }
        if (!segment.awaited) acc.interleaves = true;
        break;
      case 'loop': {
        const inner = summarizeList(segment.body, summaryOf);
        fold(inner, segment.iterations);
        if (inner.cpuCost * segment.iterations >= COST.heavyLoop && !inner.waitsOnIo) acc.heavyCpu = true;
        break;
      }
      case 'call': {
        if (segment.external) fold(summaryOfEffect(segment.external.effect), 1);
        else if (segment.calleeId >= 0) fold(summaryOf(segment.calleeId), 1);
        break;
      }
    }
  }
  return acc;
}
