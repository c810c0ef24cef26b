/**
 * Before/after schedules for findings whose rule has a known rewrite. The
 * rewrite is applied to the segments, not to the source: the same change the
 * quick fix makes, expressed in the model, so the view can show the predicted
 * saving next to the fix. The flagged segment is found by the finding's line.
 */
import { COST, type ForkSegment, type FunctionSummary, type Segment, type WorkerSegment } from '../model/types';
import type { Finding, FunctionReport, Report } from '../reportTypes';
import { summarizeList } from '../model/summarize';
import { speedupOf } from './amdahl';
import { lookupOf, threadCost, type FunctionLookup } from './costs';
import { clampCores, simulate } from './timeline';
import type { AfterFix, SimulateOptions } from './types';

export type FindingRef = Pick<Finding, 'rule' | 'line' | 'endLine' | 'functionId'>;

interface RewriteContext {
  finding: FindingRef;
  lookup: FunctionLookup;
  cores: number;
}

interface Rewrite {
  description: string;
  /** Rewritten segment list, or null when the flagged shape is not in this list. */
  apply(segments: readonly Segment[], ctx: RewriteContext): Segment[] | null;
  /** Work moves to workers: the parallel fraction changes too. */
  parallel?: boolean;
}

const REWRITES: Record<string, Rewrite> = {
  'await-in-loop': {
    description: 'The loop’s iterations start together (Promise.all over the items) instead of one after another.',
    apply: (list, { finding }) =>
      rewriteLists(list, true, (l) => replaceAt(l, (s) => s.kind === 'loop' && s.mode === 'sequential' && contains(s, finding.line), (loop) => {
        const { body, iterations, span, label } = loop as Extract<Segment, { kind: 'loop' }>;
        return [{ kind: 'fork', combinator: 'all', tasks: [body], repeat: iterations, awaited: true, span, label: `Promise.all(… ${label})` }];
      })),
  },
  'sequential-awaits': {
    description: 'The independent awaits start together and are awaited once (Promise.all).',
    apply: (list, ctx) => rewriteLists(list, false, (l) => joinAwaits(l, ctx)),
  },
  'async-foreach': {
    description: 'forEach(async …) becomes await Promise.all(items.map(async …)): the same overlap, but the function now waits for it.',
    apply: (list, { finding }) =>
      rewriteLists(list, false, (l) => replaceAt(l, (s) => s.kind === 'fork' && !s.awaited && startsOn(s, finding.line), (s) => [{ ...(s as ForkSegment), combinator: 'all', awaited: true }])),
  },
  'promise-all-cpu': {
    parallel: true,
    description: 'Each CPU-bound task runs on a worker thread from a pool, so the tasks compute side by side.',
    apply: (list, ctx) =>
      rewriteLists(list, false, (l) => replaceAt(l, (s) => s.kind === 'fork' && startsOn(s, ctx.finding.line), (s) => {
        const fork = s as ForkSegment;
        return [poolStart(fork), { ...fork, tasks: fork.tasks.map((task) => offload(task, fork, ctx)) }];
      })),
  },
  'event-loop-hog': {
    parallel: true,
    description: 'The heavy loop is split into chunks that run on worker threads; the event loop stays free.',
    apply: (list, ctx) => rewriteLists(list, false, (l) => replaceAt(l, (s) => isHeavyAt(s, ctx.finding.line), (s) => splitOverWorkers(s, ctx))),
  },
  'async-cpu-bound': {
    parallel: true,
    description: 'The computation moves to worker threads (its heaviest loop split over the cores); the async function only waits for them.',
    apply: (list, ctx) => offloadHeaviest(list, ctx),
  },
};

export const FIXABLE_RULES: readonly string[] = Object.keys(REWRITES);

export function simulateAfterFix(report: Pick<Report, 'functions' | 'imported'>, finding: FindingRef, options: SimulateOptions): AfterFix | null {
  const rewrite = REWRITES[finding.rule];
  if (!rewrite) return null;
  const lookup = lookupOf(report.functions, report.imported);
  const ctx: RewriteContext = { finding, lookup, cores: clampCores(options.cores) };
  // The flagged code may sit in a callee the function expands (a heavy helper): look there after the function itself.
  const order = [finding.functionId, ...report.functions.map((f) => f.id).filter((id) => id !== finding.functionId)];
  for (const id of order) {
    const fn = lookup(id);
    if (!fn || (finding.rule === 'async-cpu-bound' && id !== finding.functionId)) continue;
    const segments = rewrite.apply(fn.segments, ctx);
    if (!segments) continue;
    const functions: FunctionReport[] = report.functions.map((f) => (f.id === id ? { ...f, segments } : f));
    const before = simulate(report, finding.functionId, options);
    const after = simulate({ functions }, finding.functionId, options);
    if (rewrite.parallel) after.speedup = speedupOf(parallelFraction(functions, finding.functionId), after.cores, after.speedup.S);
    const saving = before.total > 0 ? Math.min(1, Math.max(0, (before.total - after.total) / before.total)) : 0;
    return { rule: finding.rule, before, after, saving: Math.round(saving * 10_000) / 10_000, description: rewrite.description };
  }
  return null;
}

// --- finding the flagged segment --------------------------------------------

function contains(s: Segment, line: number): boolean {
  return s.span.line <= line && line <= s.span.endLine;
}

function startsOn(s: Segment, line: number): boolean {
  return s.span.line === line;
}

/**
 * Applies `f` to the first segment list (the given one, loop bodies, fork tasks)
 * where it succeeds. innerFirst: try nested lists before the list itself, so the
 * innermost matching loop wins.
 */
function rewriteLists(list: readonly Segment[], innerFirst: boolean, f: (list: readonly Segment[]) => Segment[] | null): Segment[] | null {
  if (!innerFirst) {
    const here = f(list);
    if (here) return here;
  }
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    let replaced: Segment | null = null;
    if (s.kind === 'loop') {
      const body = rewriteLists(s.body, innerFirst, f);
      if (body) replaced = { ...s, body };
    } else if (s.kind === 'fork') {
      for (let t = 0; t < s.tasks.length && !replaced; t++) {
        const task = rewriteLists(s.tasks[t], innerFirst, f);
        if (task) replaced = { ...s, tasks: s.tasks.map((old, j) => (j === t ? task : old)) };
      }
    }
    if (replaced) return [...list.slice(0, i), replaced, ...list.slice(i + 1)];
  }
  return innerFirst ? f(list) : null;
}

function replaceAt(list: readonly Segment[], match: (s: Segment) => boolean, make: (s: Segment) => Segment[]): Segment[] | null {
  const i = list.findIndex(match);
  return i < 0 ? null : [...list.slice(0, i), ...make(list[i]), ...list.slice(i + 1)];
}

// --- the rewrites ------------------------------------------------------------

/** Something the flow waits for right there: an awaited I/O call, worker job, fork or call. */
function isAwaitedWait(s: Segment): boolean {
  return (s.kind === 'io' || s.kind === 'worker' || s.kind === 'fork' || s.kind === 'call') && s.awaited;
}

/**
 * The run of awaits starting at the finding's line becomes one awaited fork.
 * Short CPU steps between them (`out.push(...)`) are glue: they move after the
 * fork. When the finding spans several lines, the run stops at its last line.
 */
function joinAwaits(list: readonly Segment[], { finding }: RewriteContext): Segment[] | null {
  const first = list.findIndex((s) => isAwaitedWait(s) && s.span.line === finding.line);
  if (first < 0) return null;
  const lastLine = finding.endLine > finding.line ? finding.endLine : Infinity;
  const waits: Segment[] = [];
  const glue: Segment[] = [];
  let end = first;
  for (let i = first; i < list.length; i++) {
    const s = list[i];
    if (s.span.line > lastLine) break;
    if (isAwaitedWait(s)) {
      waits.push(s);
      end = i + 1;
    } else if (!(s.kind === 'cpu' && s.cost <= 2 && i + 1 < list.length && isAwaitedWait(list[i + 1]))) {
      break;
    }
  }
  if (waits.length < 2) return null;
  for (let i = first; i < end; i++) if (!isAwaitedWait(list[i])) glue.push(list[i]);
  const fork: ForkSegment = { kind: 'fork', combinator: 'all', tasks: waits.map((w) => [w]), repeat: 1, awaited: true, span: waits[0].span, label: `Promise.all([${waits.map((w) => w.label).join(', ')}])` };
  return [...list.slice(0, first), fork, ...glue, ...list.slice(end)];
}

function poolStart(at: Segment): Segment {
  return { kind: 'cpu', cost: COST.workerStartup, span: at.span, label: 'start a worker pool' };
}

function job(cost: number, at: Segment, label: string): WorkerSegment {
  return { kind: 'worker', api: 'worker pool', cost, spawns: false, awaited: true, span: at.span, label };
}

/** A fork task's computation goes to one worker job; its waits stay, after it. */
function offload(task: Segment[], fork: ForkSegment, ctx: RewriteContext): Segment[] {
  const cost = threadCost(task, ctx.lookup);
  const waits = task.filter((s) => s.kind === 'io' && s.awaited);
  const at = task[0] ?? fork;
  return [...(cost > 0 ? [job(cost, at, `worker: ${at.label}`)] : []), ...waits];
}

function isHeavyAt(s: Segment, line: number): boolean {
  if (!startsOn(s, line)) return false;
  return (s.kind === 'loop' && s.mode === 'sync') || (s.kind === 'cpu' && !!s.heavyApi) || s.kind === 'call' || s.kind === 'blocking';
}

/**
 * A loop is split into `cores` chunks (rounded up to whole units; its iterations assumed independent, as
 * the quick fix assumes); so is a call whose callee's cost is mostly one such
 * loop. Anything else moves whole, as one job.
 */
function splitOverWorkers(s: Segment, ctx: RewriteContext): Segment[] {
  const cost = threadCost([s], ctx.lookup);
  if (cost <= 0) return [s];
  const loop = splittableLoop(s, ctx.lookup, 0);
  const chunks = loop ? Math.max(1, Math.min(ctx.cores, loop.iterations)) : 1;
  const label = chunks > 1 ? `chunk of ${s.label}` : s.label;
  const fork: ForkSegment = { kind: 'fork', combinator: 'all', tasks: [[job(Math.ceil(cost / chunks), s, label)]], repeat: chunks, awaited: true, span: s.span, label: `Promise.all(${chunks} worker job${chunks === 1 ? '' : 's'})` };
  return [poolStart(s), fork];
}

function splittableLoop(s: Segment, lookup: FunctionLookup, depth: number): Extract<Segment, { kind: 'loop' }> | null {
  if (s.kind === 'loop') return s.mode === 'sync' ? s : null;
  if (s.kind !== 'call' || depth > 4) return null;
  const callee = lookup(s.calleeId);
  if (!callee) return null;
  const total = threadCost(callee.segments, lookup);
  const heaviest = [...callee.segments].sort((a, b) => threadCost([b], lookup) - threadCost([a], lookup))[0];
  return heaviest && threadCost([heaviest], lookup) * 2 >= total ? splittableLoop(heaviest, lookup, depth + 1) : null;
}

/** async-cpu-bound: the heaviest step of the function goes to workers (split if it is a loop). */
function offloadHeaviest(list: readonly Segment[], ctx: RewriteContext): Segment[] | null {
  let best = -1;
  let bestCost = 0;
  list.forEach((s, i) => {
    const cost = s.kind === 'loop' || s.kind === 'cpu' || s.kind === 'call' || s.kind === 'blocking' ? threadCost([s], ctx.lookup) : 0;
    if (cost > bestCost) {
      best = i;
      bestCost = cost;
    }
  });
  if (best < 0 || bestCost <= COST.statement) return null;
  return [...list.slice(0, best), ...splitOverWorkers(list[best], ctx), ...list.slice(best + 1)];
}

/** Same formula as classify.ts (worker cost over all cost), on the rewritten functions. */
function parallelFraction(functions: readonly FunctionReport[], id: number): number {
  const lookup = lookupOf(functions);
  const memo = new Map<number, FunctionSummary>();
  const empty: FunctionSummary = { cpuCost: 0, heavyCpu: false, waitsOnIo: false, usesWorkers: false, interleaves: false, blocks: false, workerCost: 0 };
  const summaryOf = (fid: number): FunctionSummary => {
    const known = memo.get(fid);
    if (known) return known;
    memo.set(fid, empty); // recursion: the cycle counts once
    const fn = lookup(fid);
    const summary = fn ? summarizeList(fn.segments, summaryOf) : empty;
    memo.set(fid, summary);
    return summary;
  };
  const s = summaryOf(id);
  return s.usesWorkers ? Math.round((s.workerCost / Math.max(1, s.workerCost + s.cpuCost)) * 100) / 100 : 0;
}
