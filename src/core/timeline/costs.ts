/**
 * Questions about segment lists that both the scheduler and the after-fix
 * rewrites ask: is this list pure synchronous CPU work (so it can be drawn as one
 * block), and how much CPU does it cost once loops and local callees are folded in.
 */
import { COST, type Segment } from '../model/types';
import type { FunctionReport } from '../reportTypes';

/** Nesting beyond this is not expanded: deep call chains add nothing readable to a chart. */
export const MAX_CALL_DEPTH = 16;

export type FunctionLookup = (id: number) => FunctionReport | undefined;

export function lookupOf(functions: readonly FunctionReport[]): FunctionLookup {
  const byId = new Map<number, FunctionReport>();
  for (const fn of functions) byId.set(fn.id, fn);
  return (id) => byId.get(id);
}

/**
 * Pure CPU: only cpu segments, loops of them and calls to functions that are
 * themselves pure CPU. Such work runs to completion without yielding (even an
 * async callee with no real wait runs synchronously when called), so drawing it
 * as one block is exact. Recursive callees are not pure: they are not expanded.
 */
export class PurityCache {
  private readonly memo = new Map<number, number | null>();
  private readonly inProgress = new Set<number>();

  constructor(private readonly lookup: FunctionLookup) {}

  /** Total CPU cost if the list is pure CPU, else null. */
  pureCost(list: readonly Segment[]): number | null {
    let total = 0;
    for (const segment of list) {
      const cost = this.segmentPureCost(segment);
      if (cost === null) return null;
      total += cost;
    }
    return total;
  }

  segmentPureCost(segment: Segment): number | null {
    switch (segment.kind) {
      case 'cpu':
        return segment.cost;
      case 'loop': {
        const body = this.pureCost(segment.body);
        return body === null ? null : body * segment.iterations;
      }
      case 'call':
        return this.functionPureCost(segment.calleeId);
      default:
        return null;
    }
  }

  functionPureCost(id: number): number | null {
    if (this.memo.has(id)) return this.memo.get(id)!;
    const fn = this.lookup(id);
    // Unknown callee: the model already turned unresolved calls into cpu or io, so this is rare; one statement.
    if (!fn) return COST.statement;
    if (this.inProgress.has(id)) return null;
    this.inProgress.add(id);
    const cost = this.pureCost(fn.segments);
    this.inProgress.delete(id);
    this.memo.set(id, cost);
    return cost;
  }
}

/**
 * CPU and blocking cost of a list on its own thread, loops multiplied out and
 * local callees folded in (each callee once per call chain). Forks count every
 * task: on one thread their computation adds up. Used to size work moved to workers.
 */
export function threadCost(list: readonly Segment[], lookup: FunctionLookup, chain: readonly number[] = []): number {
  let total = 0;
  for (const segment of list) {
    switch (segment.kind) {
      case 'cpu':
      case 'blocking':
        total += segment.cost;
        break;
      case 'loop':
        total += segment.iterations * threadCost(segment.body, lookup, chain);
        break;
      case 'fork':
        for (const task of segment.tasks) total += segment.repeat * threadCost(task, lookup, chain);
        break;
      case 'call': {
        const fn = lookup(segment.calleeId);
        if (!fn) total += COST.statement;
        else if (!chain.includes(fn.id) && chain.length < MAX_CALL_DEPTH) total += threadCost(fn.segments, lookup, [...chain, fn.id]);
        break;
      }
      case 'worker':
        if (segment.spawns) total += COST.workerStartup;
        break;
      case 'io':
        break;
    }
  }
  return total;
}
