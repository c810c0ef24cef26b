/**
 * Questions about segment lists that both the scheduler and the after-fix
 * rewrites ask: is this list pure synchronous CPU work (so it can be drawn as one
 * block), and how much CPU does it cost once loops and local callees are folded in.
 */
import { COST, type Segment } from '../model/types';
import type { FunctionReport } from '../reportTypes';

/** Nesting beyond this is not expanded: deep call chains add nothing readable to a chart. */
export const MAX_CALL_DEPTH = 16;

/**
 * Finds a function by its id in the file it belongs to: `file` undefined is
 * the analysed file; another file's functions come from the report's
 * `imported` list (calls into other files of the project).
 */
export type FunctionLookup = (id: number, file?: string) => FunctionReport | undefined;

export function lookupOf(functions: readonly FunctionReport[], imported: readonly FunctionReport[] = []): FunctionLookup {
  const byId = new Map<number, FunctionReport>();
  for (const fn of functions) byId.set(fn.id, fn);
  const byFile = new Map<string, FunctionReport>();
  for (const fn of imported) byFile.set(`${fn.file ?? ''}#${fn.id}`, fn);
  return (id, file) => (file === undefined ? byId.get(id) : byFile.get(`${file}#${id}`));
}

/** The function a call segment reaches, from code of `file` (undefined: the analysed file). */
export function calleeOf(lookup: FunctionLookup, segment: Extract<Segment, { kind: 'call' }>, file: string | undefined): FunctionReport | undefined {
  if (segment.external) return segment.external.fnId >= 0 ? lookup(segment.external.fnId, segment.external.file) : undefined;
  return lookup(segment.calleeId, file);
}

/** A function's identity across files, for recursion guards and memos. */
export function keyOf(fn: FunctionReport): string {
  return `${fn.file ?? ''}#${fn.id}`;
}

/**
 * Pure CPU: only cpu segments, loops of them and calls to functions that are
 * themselves pure CPU. Such work runs to completion without yielding (even an
 * async callee with no real wait runs synchronously when called), so drawing it
 * as one block is exact. Recursive callees are not pure: they are not expanded.
 */
export class PurityCache {
  private readonly memo = new Map<string, number | null>();
  private readonly inProgress = new Set<string>();

  constructor(private readonly lookup: FunctionLookup) {}

  /** Total CPU cost if the list (code of `file`) is pure CPU, else null. */
  pureCost(list: readonly Segment[], file?: string): number | null {
    let total = 0;
    for (const segment of list) {
      const cost = this.segmentPureCost(segment, file);
      if (cost === null) return null;
      total += cost;
    }
    return total;
  }

  segmentPureCost(segment: Segment, file?: string): number | null {
    switch (segment.kind) {
      case 'cpu':
        return segment.cost;
      case 'loop': {
        const body = this.pureCost(segment.body, file);
        return body === null ? null : body * segment.iterations;
      }
      case 'call': {
        const fn = calleeOf(this.lookup, segment, file);
        // Unknown callee: the model already turned unresolved calls into cpu or io, so this is rare; one statement.
        return fn ? this.functionPureCost(fn) : COST.statement;
      }
      default:
        return null;
    }
  }

  functionPureCost(fn: FunctionReport): number | null {
    const key = keyOf(fn);
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.inProgress.has(key)) return null;
    this.inProgress.add(key);
    const cost = this.pureCost(fn.segments, fn.file);
    this.inProgress.delete(key);
    this.memo.set(key, cost);
    return cost;
  }
}

/**
 * CPU and blocking cost of a list on its own thread, loops multiplied out and
 * local callees folded in (each callee once per call chain). Forks count every
 * task: on one thread their computation adds up. Used to size work moved to workers.
 */
export function threadCost(list: readonly Segment[], lookup: FunctionLookup, chain: readonly string[] = [], file?: string): number {
  let total = 0;
  for (const segment of list) {
    switch (segment.kind) {
      case 'cpu':
      case 'blocking':
        total += segment.cost;
        break;
      case 'loop':
        total += segment.iterations * threadCost(segment.body, lookup, chain, file);
        break;
      case 'fork':
        for (const task of segment.tasks) total += segment.repeat * threadCost(task, lookup, chain, file);
        break;
      case 'call': {
        const fn = calleeOf(lookup, segment, file);
        if (!fn) total += COST.statement;
        else if (!chain.includes(keyOf(fn)) && chain.length < MAX_CALL_DEPTH) total += threadCost(fn.segments, lookup, [...chain, keyOf(fn)], fn.file);
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
