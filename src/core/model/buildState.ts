/** Shared state of one model build, and the small helpers every build file uses. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { ProjectImports } from '../project/summaryTypes';
import type { CallSegment, ForkSegment, WorkerSegment, FunctionInfo, FunctionKind, ImportBinding, LoopNode, Segment, Span } from './types';
import { extendSpan, spanOf } from './spans';

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Promises started and not yet awaited (`const p = fetch(a)`), joined at `await p`. */
export interface DeferredTasks {
  combinator: ForkSegment['combinator'];
  tasks: Segment[][];
  repeat: number;
  span: Span;
  /** A local call left where it was made; awaiting the variable marks it awaited. */
  inPlace?: CallSegment;
}

export interface FnCtx {
  fn: FunctionInfo;
  /** The segment list being filled (the function's, a loop body's or a fork task's). */
  out: Segment[];
  loops: LoopNode[];
  deferred: Map<string, DeferredTasks>;
  /** Promise variables already joined: awaiting them again waits for nothing. */
  joined: Set<string>;
  className: string | null;
  /** The code being built runs once per item of something (a loop, or a callback of `xs.map`): repeated cheap work adds up. */
  repeated: boolean;
}

export interface BuildState {
  text: string;
  /** What other files of the project export, by the specifiers this file imports them with. */
  projectImports: ProjectImports;
  imports: Map<string, ImportBinding>;
  functions: FunctionInfo[];
  /** Declared names (`f`, `Class.method`) to function ids, for local calls. */
  namesToIds: Map<string, number>;
  /** Names declared at the top level (functions, consts), known before the traversal: they hide globals. */
  declaredNames: ReadonlySet<string>;
  /** Top-level functions by name, known before the traversal, for callbacks passed by reference. */
  topLevelFunctions: ReadonlyMap<string, { async: boolean }>;
  /** Variables holding a worker pool (piscina, tinypool, workerpool, threads.Pool). */
  poolNames: Set<string>;
  /** Variables holding a spawned Worker or child process: listening to them is joining, not serving. */
  workerNames: Set<string>;
  /** The spawn segment of each such variable, so `await once(worker, 'message')` can join it. */
  workerSpawns: Map<string, WorkerSegment>;
  /** Variables holding a concurrency limiter (p-limit). */
  limiterNames: Set<string>;
  /** Variables (and `this.x` fields) holding an object made by a known API, with its instance type (`pool` -> `pg.Pool`). */
  instances: Map<string, string>;
  /** Variables holding `util.promisify(api)` of a known callback API, with that API's table key (`run` -> `child_process.execFile`). */
  promisified: Map<string, string>;
  /** Callbacks that iterating methods run once per element (`xs.map(cb)`), marked before they are built. */
  perItemCallbacks: Set<TSESTree.Node>;
  coreCountNames: Set<string>;
  // The traversal's entry points, passed around to avoid import cycles between build files.
  visit(state: BuildState, node: TSESTree.Node, ctx: FnCtx, parent?: TSESTree.Node | null): void;
  visitFunction(state: BuildState, node: FunctionNode, name: string, ctx: FnCtx): number;
  visitAwaited(state: BuildState, argument: TSESTree.Expression, ctx: FnCtx): void;
}

export function newFunction(state: BuildState, node: TSESTree.Node, name: string, kind: FunctionKind, parentId: number | null): FunctionInfo {
  const span = spanOf(node);
  const fn: FunctionInfo = {
    id: state.functions.length,
    name,
    kind,
    async: false,
    generator: false,
    span,
    headSpan: { ...span, endLine: span.line, endColumn: span.line === span.endLine ? span.endColumn : span.column + 1, end: span.start + 1 },
    parentId,
    childIds: [],
    segments: [],
    calleeIds: [],
    summary: { cpuCost: 0, heavyCpu: false, waitsOnIo: false, usesWorkers: false, interleaves: false, blocks: false, workerCost: 0 },
    quadrant: 'sequential',
    parallelFraction: 0,
    evidence: [],
    isHandler: false,
    node,
    sites: { awaits: [], loops: [], calls: [], promiseConstructors: [] },
  };
  state.functions.push(fn);
  if (parentId !== null) state.functions[parentId].childIds.push(fn.id);
  if (name !== '<anonymous>' && name !== '<module>' && !state.namesToIds.has(name)) state.namesToIds.set(name, fn.id);
  return fn;
}

/**
 * A function passed by name (`items.map(runChunk)`, `.then(handle)`): the local
 * function it names and whether it is async, or null for anything else. A name
 * the traversal has already built (a nested declaration) counts too.
 */
export function referencedFunction(state: BuildState, node: TSESTree.Node | undefined): { name: string; async: boolean } | null {
  if (node?.type !== 'Identifier') return null;
  const built = state.namesToIds.get(node.name);
  if (built !== undefined) return { name: node.name, async: state.functions[built].async };
  const top = state.topLevelFunctions.get(node.name);
  return top ? { name: node.name, async: top.async } : null;
}

/** Adds straight-line work to the current list, merging with a CPU run already there. */
export function addCpu(ctx: FnCtx, node: TSESTree.Node, cost: number, heavyApi?: string, label?: string): void {
  const last = ctx.out[ctx.out.length - 1];
  if (last && last.kind === 'cpu' && !heavyApi && !last.heavyApi) {
    last.cost += cost;
    // The node may lie inside the run already (an expression of the statement just added).
    last.span = extendSpan(last.span, spanOf(node));
    return;
  }
  const segment: Segment = { kind: 'cpu', cost, span: spanOf(node), label: label ?? (heavyApi ? `${heavyApi}()` : 'sync work') };
  // No `heavyApi: undefined` key: the report must round-trip through JSON unchanged.
  if (heavyApi) segment.heavyApi = heavyApi;
  ctx.out.push(segment);
}

/** A short label for a node: its source, first line, at most 48 characters. */
export function labelOf(state: BuildState, node: TSESTree.Node): string {
  const [start, end] = node.range;
  const limit = Math.min(end, start + 49);
  const newline = state.text.indexOf('\n', start);
  const firstLine = state.text.slice(start, newline >= 0 && newline < limit ? newline : limit).trim();
  return firstLine.length > 48 || (limit < end && (newline < 0 || newline >= limit)) ? `${firstLine.slice(0, 47)}…` : firstLine;
}
