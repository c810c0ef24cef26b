/**
 * Shared reading of "CPU work on the calling thread" for async-cpu-bound,
 * promise-all-cpu, event-loop-hog, blocking-call and async-without-await.
 *
 * The model's `summary.heavyCpu` counts blocking calls in loops and any
 * unknown-size loop with enough statements, and caps literal trip counts, so
 * these rules use their own test and find the site to point at. A loop is
 * heavy when its literal work (trip count x body cost) is big, or when its
 * estimated work is at least COST.heavyLoop AND it nests another statement
 * loop that multiplies the work (a cross product, not a walk of the current
 * item) or calls known heavy work. Blocking calls (blocking-call's job), `new
 * Promise` executors (sync-promise-executor's job) and Promise.all tasks
 * (promise-all-cpu's job) are left out so one mistake gets one finding.
 * Handlers, worker files and AST paths: threadContext.ts; loop heads, trip
 * counts and nesting: loopShape.ts; segment-list helpers: segments.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { callbackScope, crossesOuter, literalTrips, loopHeadSpan, loopScope, NO_SCOPE, type ItemScope } from './loopShape';
import { collectForks, withLostCalls } from './segments';
import { modelIndex, unwrap, walkLocal } from './callbacks';
import { callTaking, isTestCallback, isWorkerFile, namedHandlers, oneShot, onProcess, workerSegment } from './threadContext';
import { COST, type ForkSegment, type FunctionInfo, type LoopNode, type LoopSegment, type Model, type Segment, type Span } from '../model/types';
import { addCost, mulCost } from '../costMath';

/** Literal work (trip count x body cost) above which a single flat loop is heavy on its own. */
const BIG_WORK = 100_000;
/** How many local calls deep heavy work may sit and still be pinned on an async function / a handler's call. */
const MAX_CPU_DEPTH = 3;
const MAX_HOG_DEPTH = 2;
/** A literal trip count below this is a small constant: the loop does not grow with any input. */
const SMALL_LOOP = 32;
/** An await on one of these inside a loop is a deliberate yield (chunked work), not a wait. */
const YIELD_TEXT = /\b(setImmediate|setTimeout|nextTick|yield\w*|sleep|delay|tick)\b/;

export interface HeavyOrigin {
  fn: FunctionInfo;
  span: Span;
  label: string;
}

/** Where a function's CPU work is: in itself (`via` empty) or through local helpers. */
export interface HeavySite {
  /** In the function examined: the heavy loop, heavy call, or the call to the helper. */
  span: Span;
  label: string;
  via: FunctionInfo[];
  /** The heavy loop or call at the end of the chain. */
  origin: HeavyOrigin;
}

export class CpuWork {
  private readonly sites = new Map<number, HeavySite | null>();
  private readonly grows = new Map<number, HeavySite | null>();
  private readonly costs = new Map<number, number>();
  private readonly workers = new Map<number, boolean>();
  private readonly waits = new Map<number, boolean>();
  private readonly loopNodes = new Map<number, Map<number, LoopNode>>();
  private readonly restored = new Map<number, readonly Segment[]>();
  private handlers: Set<number> | null = null;
  private forksByTask: Map<number, ForkSegment[]> | null = null;
  readonly workerFile: boolean;

  constructor(readonly model: Model) {
    this.workerFile = isWorkerFile(model);
  }

  /** The heavy CPU site nearest the surface of this function's own thread work, or null. */
  heavySite(fn: FunctionInfo): HeavySite | null {
    if (this.sites.has(fn.id)) return this.sites.get(fn.id)!;
    this.sites.set(fn.id, null); // recursion: a cycle adds nothing
    // Not gated on summary.heavyCpu: the model caps literal trip counts, so `i < 1e6` with a light body may not count there.
    const site = this.findIn(fn, this.segmentsOf(fn));
    this.sites.set(fn.id, site);
    return site;
  }

  /** Heavy, and nothing in it waits or goes to another thread: pure computation. */
  isCpuBound(fn: FunctionInfo): boolean {
    return !fn.summary.waitsOnIo && !this.usesWorkers(fn) && !this.mayWait(fn) && this.heavySite(fn) !== null;
  }

  /**
   * Whether the function waits on anything at all in its own flow: an awaited
   * call we cannot see into (a database helper of unknown type), a promise it
   * returns from such a call, a fork it awaits. Unknown waits are no evidence
   * of I/O, but no evidence of pure computation either: CPU verdicts need both
   * the heavy work and the certainty that nothing else is waited for.
   */
  mayWait(fn: FunctionInfo, depth = 0): boolean {
    const known = this.waits.get(fn.id);
    if (known !== undefined) return known;
    this.waits.set(fn.id, false); // recursion: a cycle adds nothing
    const visit = (list: readonly Segment[]): boolean =>
      list.some((seg) => {
        if (seg.kind === 'io') return seg.awaited;
        if (seg.kind === 'fork') return seg.awaited && seg.tasks.some(visit);
        if (seg.kind === 'loop') return visit(seg.body);
        if (seg.kind !== 'call') return false;
        if (seg.external) return seg.external.effect.returnsPromise && (seg.external.effect.waits !== null || seg.awaited);
        if (seg.calleeId < 0 || !this.model.functions[seg.calleeId]) return seg.awaited;
        return depth < MAX_CPU_DEPTH && this.mayWait(this.model.functions[seg.calleeId], depth + 1);
      });
    const result = visit(fn.segments) || this.returnsForeignCall(fn);
    // Only a verdict reached from the top is complete: a deeper one may have been cut at MAX_CPU_DEPTH.
    if (depth === 0 || result) this.waits.set(fn.id, result);
    else this.waits.delete(fn.id);
    return result;
  }

  /**
   * `return db.exists(keys)` or `(x) => client.addIndex(x)`: the function hands
   * back what a call we cannot see into returns, quite possibly a promise of a
   * query. Whatever it computes first, its task is not known to be pure CPU.
   */
  private returnsForeignCall(fn: FunctionInfo): boolean {
    if (fn.kind === 'module') return false;
    const node = fn.node as { body?: { type: string } };
    const returned: unknown[] = [];
    if (node.body && node.body.type !== T.BlockStatement) returned.push(node.body);
    walkLocal(fn.node, (n) => {
      if (n.type === T.ReturnStatement && n.argument) returned.push(n.argument);
    });
    const index = modelIndex(this.model);
    return returned.some((value) => {
      const inner = unwrap(value as Parameters<typeof unwrap>[0]);
      const call = inner.type === T.AwaitExpression ? unwrap(inner.argument) : inner;
      if (call.type !== T.CallExpression) return false;
      const site = index.siteByNode.get(call)?.site;
      return !!site && site.calleeId === null && !site.known;
    });
  }

  /** async-cpu-bound's predicate, shared so async-without-await can stay silent where it fires. */
  asyncCpuBoundSite(fn: FunctionInfo): HeavySite | null {
    if (!fn.async || fn.generator || fn.kind === 'module' || this.workerFile) return null;
    if (this.servesEvents(fn) || this.isCpuForkTask(fn)) return null; // event-loop-hog / promise-all-cpu report these
    if (isTestCallback(this.model, fn)) return null; // a test computing only delays the test
    const site = this.isCpuBound(fn) ? this.heavySite(fn) : null;
    return site && site.via.length <= MAX_CPU_DEPTH ? site : null;
  }

  /** Outermost heavy loops in the function's own code (and, with `calls`, calls to heavy local helpers). */
  outermostHeavy(fn: FunctionInfo, calls: boolean): HeavySite[] {
    const found: HeavySite[] = [];
    const walk = (list: readonly Segment[]) => {
      for (const seg of list) {
        if (seg.kind === 'loop') {
          if (this.isHeavyLoop(fn, seg)) found.push(this.loopSite(fn, seg));
          else if (!this.yieldsIn(fn, seg)) walk(seg.body);
        } else if (seg.kind === 'cpu' && seg.heavyApi && seg.cost >= COST.heavyCall) {
          if (calls) found.push({ span: seg.span, label: seg.label, via: [], origin: { fn, span: seg.span, label: seg.label } });
        } else if (calls && seg.kind === 'call' && this.followable(seg)) {
          const callee = this.model.functions[seg.calleeId];
          const inner = this.heavySite(callee);
          // The helper's own loop, or one more call down: deeper chains are too indirect to pin on this call.
          if (inner && inner.via.length <= MAX_HOG_DEPTH - 1 && !this.usesWorkers(callee)) found.push({ span: seg.span, label: seg.label, via: [callee, ...inner.via], origin: inner.origin });
        }
      }
    };
    walk(this.segmentsOf(fn));
    return found;
  }

  /**
   * Where the function's own thread work grows with its input: its heavy site,
   * else the first loop (its own, or a local helper's) over a collection or a
   * bound that is not a small constant, with no wait inside. Such work takes its
   * time on this thread whatever wraps it; constant work is not worth a word.
   */
  computeSite(fn: FunctionInfo): HeavySite | null {
    const heavy = this.heavySite(fn);
    if (heavy) return heavy;
    if (this.grows.has(fn.id)) return this.grows.get(fn.id)!;
    this.grows.set(fn.id, null); // recursion: a cycle adds nothing
    const site = this.growingLoop(fn, this.segmentsOf(fn), 0);
    this.grows.set(fn.id, site);
    return site;
  }

  private growingLoop(fn: FunctionInfo, list: readonly Segment[], depth: number): HeavySite | null {
    for (const seg of list) {
      if (seg.kind === 'loop' && !this.anyWait(seg.body) && !this.yieldsIn(fn, seg)) {
        const node = this.loopNode(fn, seg);
        const literal = node ? literalTrips(this.model, fn, node) : 0;
        if (literal > 0 ? literal >= SMALL_LOOP : seg.iterationsGuessed) return this.loopSite(fn, seg);
        const inner = this.growingLoop(fn, seg.body, depth);
        if (inner) return inner;
      } else if (seg.kind === 'call' && this.followable(seg) && depth < MAX_CPU_DEPTH) {
        const callee = this.model.functions[seg.calleeId];
        if (callee.summary.waitsOnIo || this.usesWorkers(callee)) continue;
        const inner = this.computeSite(callee);
        if (inner) return { span: seg.span, label: seg.label, via: [callee, ...inner.via], origin: inner.origin };
      }
    }
    return null;
  }

  /** Promise.all/allSettled whose every task is CPU-bound local work: the callees doing it, else null. */
  cpuBoundFork(fork: ForkSegment): FunctionInfo[] | null {
    if (fork.combinator !== 'all' && fork.combinator !== 'allSettled') return null;
    if (fork.tasks.length * fork.repeat < 2) return null;
    const heavy: FunctionInfo[] = [];
    for (const task of fork.tasks) {
      let taskHeavy = false;
      for (const seg of task) {
        if (seg.kind === 'cpu') continue;
        if (seg.kind !== 'call' || !this.followable(seg)) return null;
        const callee = this.model.functions[seg.calleeId];
        if (callee.summary.waitsOnIo || this.usesWorkers(callee) || this.mayWait(callee)) return null;
        const site = this.computeSite(callee);
        if (site && site.via.length <= MAX_CPU_DEPTH) {
          taskHeavy = true;
          if (!heavy.includes(callee)) heavy.push(callee);
        }
      }
      if (!taskHeavy) return null;
    }
    return heavy;
  }

  /** A request or event handler: an inline callback given to a registration, or a named one (`app.get('/', handle)`). */
  servesEvents(fn: FunctionInfo): boolean {
    if (fn.isHandler) {
      const registration = callTaking(this.model, fn.node) ?? undefined;
      return !onProcess(registration) && !oneShot(registration);
    }
    if (!this.handlers) this.handlers = namedHandlers(this.model);
    return this.handlers.has(fn.id);
  }

  /** Work handed to a worker or process, own or through callees (`res.send` is not a worker, see workerSegment). */
  usesWorkers(fn: FunctionInfo): boolean {
    if (!fn.summary.usesWorkers) return false;
    const known = this.workers.get(fn.id);
    if (known !== undefined) return known;
    this.workers.set(fn.id, false);
    const result = this.anyWorker(fn.segments);
    this.workers.set(fn.id, result);
    return result;
  }

  /** The function's segments, plus the local calls the model dropped (see withLostCalls). */
  segmentsOf(fn: FunctionInfo): readonly Segment[] {
    let list = this.restored.get(fn.id);
    if (!list) this.restored.set(fn.id, (list = withLostCalls(this.model, fn)));
    return list;
  }

  /** The statement loop behind a loop segment of `fn`, if it is one (not `.map` and friends). */
  loopNode(fn: FunctionInfo, seg: LoopSegment): LoopNode | undefined {
    let byStart = this.loopNodes.get(fn.id);
    if (!byStart) {
      byStart = new Map(fn.sites.loops.map((node) => [node.range[0], node]));
      this.loopNodes.set(fn.id, byStart);
    }
    return byStart.get(seg.span.start);
  }

  /** The heavy site nearest to the surface: own loops first, then the shortest chain of helpers. */
  private findIn(fn: FunctionInfo, list: readonly Segment[]): HeavySite | null {
    let best: HeavySite | null = null;
    for (const seg of list) {
      if (seg.kind === 'loop') {
        if (this.isHeavyLoop(fn, seg)) return this.loopSite(fn, seg);
        const inner = this.yieldsIn(fn, seg) ? null : this.findIn(fn, seg.body);
        if (inner && inner.via.length === 0) return inner;
        if (inner && (!best || inner.via.length < best.via.length)) best = inner;
      } else if (seg.kind === 'cpu' && seg.heavyApi && seg.cost >= COST.heavyCall) {
        return { span: seg.span, label: seg.label, via: [], origin: { fn, span: seg.span, label: seg.label } };
      } else if (seg.kind === 'call' && this.followable(seg)) {
        const callee = this.model.functions[seg.calleeId];
        const inner = this.heavySite(callee);
        if (inner && (!best || inner.via.length + 1 < best.via.length)) best = { span: seg.span, label: seg.label, via: [callee, ...inner.via], origin: inner.origin };
      }
    }
    return best;
  }

  private loopSite(fn: FunctionInfo, seg: LoopSegment): HeavySite {
    const span = loopHeadSpan(this.model, fn, seg, this.loopNode(fn, seg));
    return { span, label: seg.label, via: [], origin: { fn, span, label: seg.label } };
  }

  /** See the file comment: enough work, nothing that waits, and a reason to believe the work is real. */
  isHeavyLoop(fn: FunctionInfo, seg: LoopSegment): boolean {
    if (this.anyWait(seg.body)) return false;
    const node = this.loopNode(fn, seg);
    if (node && fn.sites.awaits.some((a) => a.loops.includes(node))) return false;
    const bodyCost = Math.max(1, this.listCost(seg.body));
    const literal = node ? literalTrips(this.model, fn, node) : 0;
    if (mulCost(literal, bodyCost) >= BIG_WORK) return true;
    if (mulCost(seg.iterations, bodyCost) < COST.heavyLoop) return false;
    return this.nestsLoop(fn, seg.body, node ? loopScope(node, NO_SCOPE) : NO_SCOPE) || this.callsHeavy(seg.body);
  }

  /** A loop whose body awaits a timer or a sleep is chunked work that lets others run. */
  private yieldsIn(fn: FunctionInfo, seg: LoopSegment): boolean {
    const node = this.loopNode(fn, seg);
    if (node && fn.sites.awaits.some((a) => a.loops.includes(node) && a.node.type === T.AwaitExpression && YIELD_TEXT.test(this.model.text.slice(a.node.range[0], a.node.range[1])))) return true;
    return seg.body.some((s) => s.kind === 'io' && s.timer);
  }

  private followable(seg: Segment): seg is Extract<Segment, { kind: 'call' }> {
    return seg.kind === 'call' && seg.calleeId >= 0 && seg.calleeName !== '<promise executor>';
  }

  private anyWait(list: readonly Segment[]): boolean {
    for (const seg of list) {
      if (seg.kind === 'io' || seg.kind === 'fork' || (seg.kind === 'worker' && workerSegment(seg))) return true;
      if (seg.kind === 'loop' && this.anyWait(seg.body)) return true;
      if (seg.kind === 'call' && seg.calleeId >= 0) {
        const callee = this.model.functions[seg.calleeId];
        if (callee.summary.waitsOnIo || this.usesWorkers(callee)) return true;
      }
    }
    return false;
  }

  private anyWorker(list: readonly Segment[]): boolean {
    for (const seg of list) {
      if (seg.kind === 'worker' && workerSegment(seg)) return true;
      if (seg.kind === 'loop' && this.anyWorker(seg.body)) return true;
      if (seg.kind === 'fork' && seg.tasks.some((t) => this.anyWorker(t))) return true;
      if (seg.kind === 'call' && seg.calleeId >= 0 && this.usesWorkers(this.model.functions[seg.calleeId])) return true;
    }
    return false;
  }

  /** CPU cost on this thread without blocking calls, executors or forks (other rules own those). */
  private listCost(list: readonly Segment[]): number {
    let total = 0;
    for (const seg of list) {
      if (seg.kind === 'cpu') total = addCost(total, seg.cost);
      else if (seg.kind === 'loop') total = addCost(total, mulCost(seg.iterations, Math.max(1, this.listCost(seg.body))));
      else if (this.followable(seg)) total = addCost(total, this.fnCost(seg.calleeId));
    }
    return total;
  }

  private fnCost(id: number): number {
    const known = this.costs.get(id);
    if (known !== undefined) return known;
    this.costs.set(id, 0);
    const cost = this.listCost(this.segmentsOf(this.model.functions[id]));
    this.costs.set(id, cost);
    return cost;
  }

  /**
   * A statement loop inside this one that multiplies its work (see
   * crossesOuter): directly, or in an inline callback run per item
   * (`rows.forEach((r) => { for … })`). A named helper that loops does not
   * count by itself; it counts when it is heavy on its own (callsHeavy).
   */
  private nestsLoop(fn: FunctionInfo, list: readonly Segment[], scope: ItemScope, entered: ReadonlySet<number> = new Set([fn.id])): boolean {
    for (const seg of list) {
      if (seg.kind === 'loop') {
        const node = this.loopNode(fn, seg);
        if (node && crossesOuter(this.model, fn, node, seg, scope)) return true;
        if (this.nestsLoop(fn, seg.body, node ? loopScope(node, scope) : scope, entered)) return true;
      } else if (this.followable(seg) && seg.calleeName.startsWith('<') && !entered.has(seg.calleeId)) {
        // `<anonymous>.m` methods of a class expression start with '<' too, and may call each
        // other: each callee is entered once per chain, or two such methods recurse for ever.
        const callback = this.model.functions[seg.calleeId];
        if (this.nestsLoop(callback, callback.segments, callbackScope(callback, scope), new Set([...entered, callback.id]))) return true;
      }
    }
    return false;
  }

  private callsHeavy(list: readonly Segment[]): boolean {
    for (const seg of list) {
      if (seg.kind === 'cpu' && seg.heavyApi && seg.cost >= COST.heavyCall) return true;
      if (seg.kind === 'loop' && this.callsHeavy(seg.body)) return true;
      if (this.followable(seg) && this.heavySite(this.model.functions[seg.calleeId])) return true;
    }
    return false;
  }

  /** Functions whose CPU work runs as tasks of a CPU-bound Promise.all (the tasks and the helpers they reach): promise-all-cpu's case. */
  cpuForkWork(): Set<number> {
    const out = new Set<number>();
    for (const owner of this.model.functions) {
      const forks: ForkSegment[] = [];
      collectForks(owner.segments, forks);
      for (const fork of forks) {
        for (const callee of this.cpuBoundFork(fork) ?? []) {
          out.add(callee.id);
          for (const via of this.computeSite(callee)?.via ?? []) out.add(via.id);
        }
      }
    }
    return out;
  }

  private isCpuForkTask(fn: FunctionInfo): boolean {
    if (!this.forksByTask) {
      // Built once: which Promise.all/allSettled forks run each function as a task.
      this.forksByTask = new Map();
      for (const owner of this.model.functions) {
        const forks: ForkSegment[] = [];
        collectForks(owner.segments, forks);
        for (const fork of forks) {
          for (const task of fork.tasks) {
            for (const seg of task) {
              if (seg.kind !== 'call' || seg.calleeId < 0) continue;
              const list = this.forksByTask.get(seg.calleeId) ?? [];
              list.push(fork);
              this.forksByTask.set(seg.calleeId, list);
            }
          }
        }
      }
    }
    return (this.forksByTask.get(fn.id) ?? []).some((f) => this.cpuBoundFork(f) !== null);
  }
}

const cache = new WeakMap<Model, CpuWork>();

/** One CpuWork per model, shared by the rules that read it. */
export function cpuWork(model: Model): CpuWork {
  let work = cache.get(model);
  if (!work) {
    work = new CpuWork(model);
    cache.set(model, work);
  }
  return work;
}
