/**
 * The concurrency model: what build.ts extracts from the syntax tree and what
 * classify.ts, the rules and simulate.ts read. Plain data except for the `node`
 * fields, which point back into the typescript-estree AST for the rules and
 * quick fixes; report.ts strips them before anything leaves the core.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { WaitKind } from '../knowledge/behaviour';
import type { CallEffect, ImportedSymbol, ProjectImports } from '../project/summaryTypes';

/** A source span. Lines and columns are 1-based (as in the CLI, JSON and SARIF); offsets are 0-based. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
}

export type Quadrant = 'sequential' | 'concurrent' | 'parallel' | 'concurrent-parallel';
export const QUADRANTS: readonly Quadrant[] = ['sequential', 'concurrent', 'parallel', 'concurrent-parallel'];

export type FunctionKind = 'module' | 'function' | 'method' | 'arrow' | 'function-expression';

/**
 * Relative cost units. They are not milliseconds: the timeline says so.
 * One unit is a short run of straight-line statements.
 */
export const COST = {
  statement: 1,
  /** Iterations assumed for a loop over a collection whose size is unknown. */
  unknownIterations: 8,
  /** Iterations assumed for an indexed `for (let i = 0; i < n; i++)` loop: they usually walk numeric data. */
  unknownIndexedIterations: 16,
  /** Upper bound on a literal trip count, so `for (i < 1e9)` stays drawable. */
  maxIterations: 64,
  /** Latency of one awaited I/O call. */
  ioLatency: 12,
  /** Time the calling thread is frozen by a synchronous I/O or process call. */
  blocking: 12,
  /** A known heavy synchronous call (sync hashing, compression, big sorts). */
  heavyCall: 16,
  /** Creating a worker or process, and sending it a message: the calling thread's share. */
  workerStartup: 2,
  /** A new worker thread's own start-up (a fresh V8 isolate loading its script), before it can take work. */
  threadStartup: 24,
  /** A new process's start-up (a whole runtime booting), before it can take work. */
  processStartup: 48,
  /** A loop body costing at least this much (times its iterations) counts as heavy CPU. */
  heavyLoop: 64,
} as const;

export type SegmentKind = 'cpu' | 'io' | 'blocking' | 'fork' | 'worker' | 'loop' | 'call';

interface SegmentBase {
  span: Span;
  /** Short human label, e.g. `fetch(url)` or `for (const x of items)`. */
  label: string;
}

/** Synchronous work on the calling thread. */
export interface CpuSegment extends SegmentBase {
  kind: 'cpu';
  cost: number;
  /** The known heavy API that makes this expensive, if any (e.g. `crypto.pbkdf2Sync`). */
  heavyApi?: string;
}

/** A wait for something outside the thread: network, disk, database, timer. */
export interface IoSegment extends SegmentBase {
  kind: 'io';
  /** Qualified API name (`fs/promises.readFile`, `fetch`, `timers.setTimeout`) or `unknown`. */
  api: string;
  latency: number;
  /** true when the current function waits for it here (`await x`, `.then` chain returned). */
  awaited: boolean;
  /** true for timers and sleeps (polling and back-off look like this). */
  timer: boolean;
  /** What it waits on, when the knowledge table or a callee's summary says (`network`, `database`, `disk`, ...). */
  wait?: WaitKind;
  /**
   * Nothing says this waits: an awaited call we cannot see into. The timeline
   * draws it as a wait, but no finding may rest on it (it could be a cache hit
   * or plain computation).
   */
  uncertain?: true;
}

/** Sync I/O, sync crypto/zlib, execSync, Atomics.wait, busy-waits: the thread is frozen. */
export interface BlockingSegment extends SegmentBase {
  kind: 'blocking';
  api: string;
  cost: number;
}

/** Tasks started together: Promise.all/allSettled/race/any, or promises started then awaited later. */
export interface ForkSegment extends SegmentBase {
  kind: 'fork';
  combinator: 'all' | 'allSettled' | 'race' | 'any' | 'deferred';
  /** One segment list per task. A mapped collection is one task with `repeat` > 1. */
  tasks: Segment[][];
  /** How many copies of each task run (a `.map` over a collection of unknown size uses COST.unknownIterations). */
  repeat: number;
  awaited: boolean;
}

/** Work sent to another thread or process. */
export interface WorkerSegment extends SegmentBase {
  kind: 'worker';
  /** `worker_threads.Worker`, `piscina.run`, `child_process.fork`, `cluster.fork`, ... */
  api: string;
  /** Work done on the other side (relative units). */
  cost: number;
  /** true when this call creates a new thread/process (as opposed to handing a task to a pool). */
  spawns: boolean;
  /** For a spawn: a thread (worker_threads, Web Worker) or a whole process (child_process, cluster); they start up at different costs. */
  what?: 'thread' | 'process';
  /** For a task handed to a pool: which pool, and how many threads it runs. Filled by the facts layer. */
  pool?: PoolRef;
  awaited: boolean;
}

/** A worker pool the code creates once and hands tasks to: its threads are reused. */
export interface PoolRef {
  /** The binding that holds it (`pool`, `this.workers`), so tasks for one pool share its threads. */
  name: string;
  size: PoolSize;
}

/**
 * How many threads a pool runs: a fixed number, tied to the core count
 * (`os.availableParallelism() - 1`, a library default of 1.5 × cores), or unknown
 * (configured somewhere we cannot see; the timeline then assumes one per core).
 */
export type PoolSize = { kind: 'literal'; n: number } | { kind: 'cores'; factor: number; minus: number } | { kind: 'unknown' };

export type LoopMode =
  /** Plain synchronous repetition. */
  | 'sync'
  /** Awaits inside: one iteration after another, each waiting. */
  | 'sequential'
  /** Each iteration hands work to a worker/process without waiting for it: runs in parallel. */
  | 'workers';

export interface LoopSegment extends SegmentBase {
  kind: 'loop';
  mode: LoopMode;
  iterations: number;
  /** true when the trip count is a guess (collection of unknown size, `while`). */
  iterationsGuessed: boolean;
  body: Segment[];
}

/**
 * A call to a function declared in the same file (`calleeId`), or in another
 * file of the project (`external`, with `calleeId` -1); it expands to the
 * callee's own segments.
 */
export interface CallSegment extends SegmentBase {
  kind: 'call';
  calleeId: number;
  calleeName: string;
  awaited: boolean;
  external?: ExternalRef;
}

/** A function of another file: which file, and its id in that file's model (-1 when its summary has no body to draw). */
export interface ExternalRef {
  file: string;
  fnId: number;
  /** The name the importing code calls it by (`hashPassword`, `db.query`). */
  name: string;
  /** What calling it does, from its file's summary. */
  effect: CallEffect;
}

export type Segment = CpuSegment | IoSegment | BlockingSegment | ForkSegment | WorkerSegment | LoopSegment | CallSegment;

/** What a function does, once its local callees are folded in. */
export interface FunctionSummary {
  /** Total CPU cost on the calling thread (loops multiplied out, callees included). */
  cpuCost: number;
  /** Cost of the biggest single loop, or of heavy calls, on the calling thread. */
  heavyCpu: boolean;
  /** Waits on real I/O or timers (own or through callees). */
  waitsOnIo: boolean;
  /** Hands work to workers/processes (own or through callees). */
  usesWorkers: boolean;
  /** Has forks or un-awaited promises or event-handler registration: structure that interleaves tasks. */
  interleaves: boolean;
  /** Calls that freeze the thread. */
  blocks: boolean;
  /** Cost of work placed on other threads. */
  workerCost: number;
}

/** Why a function got its quadrant: the nodes that decided it. */
export interface Evidence {
  kind: 'await-io' | 'fork' | 'worker' | 'handler' | 'callback-io' | 'cpu-loop' | 'blocking' | 'callee' | 'async-no-wait';
  span: Span;
  text: string;
}

export interface FunctionInfo {
  /** Index in Model.functions; the module top level is 0. */
  id: number;
  name: string;
  kind: FunctionKind;
  async: boolean;
  generator: boolean;
  span: Span;
  /** Span of the name (or of the `function`/arrow head) for narrow squiggles. */
  headSpan: Span;
  parentId: number | null;
  childIds: number[];
  segments: Segment[];
  /** Ids of local functions this one calls. */
  calleeIds: number[];
  /** Filled by summarize(); callees folded in. */
  summary: FunctionSummary;
  /** Filled by classify(). */
  quadrant: Quadrant;
  parallelFraction: number;
  evidence: Evidence[];
  /** true when it is passed as a callback to a request/event handler registration. */
  isHandler: boolean;
  node: TSESTree.Node;
  /** Where it awaits, loops, calls and builds promises: collected during the same traversal, read by the facts layer. */
  sites: FunctionSites;
}

export interface AwaitSite {
  node: TSESTree.AwaitExpression | TSESTree.ForOfStatement;
  /** Innermost-last stack of loops (inside this function) that contain this await. */
  loops: LoopNode[];
}

export type LoopNode =
  | TSESTree.ForStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForInStatement
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement;

export interface CallSite {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** Qualified API name if recognised (see apis.ts), else null. */
  api: string | null;
  /** Local callee, if the call targets a function declared in this file (set after the traversal). */
  calleeId: number | null;
  /** The name the call would have if it is local (`f`, `Class.method`), before resolution. */
  localName?: string;
  /** Loops (inside this function) around the call, innermost last. */
  loops: LoopNode[];
  /** Directly under `await`. */
  awaited: boolean;
  /** The call is the whole expression of an expression statement (its value is dropped). */
  discarded: boolean;
  /** A function imported from another file of the project, with what calling it does (from that file's summary). */
  external?: { file: string; name: string; symbol: ImportedSymbol; effect: CallEffect };
}

export interface FunctionSites {
  awaits: AwaitSite[];
  loops: LoopNode[];
  calls: CallSite[];
  /** `new Promise(executor)` expressions directly in this function. */
  promiseConstructors: TSESTree.NewExpression[];
}

/** A resolved import or require binding: local name -> module export. */
export interface ImportBinding {
  module: string;
  /** Export name, `default`, or `*` for a namespace. */
  imported: string;
}

export interface Model {
  fileName: string;
  /** What the file's imports from other files of the project do (empty when analysed alone). */
  projectImports: ProjectImports;
  /** Names holding an object made by a known API, with its instance type (`pool` -> `piscina.Piscina`). */
  instances: ReadonlyMap<string, string>;
  functions: FunctionInfo[];
  imports: Map<string, ImportBinding>;
  /** Local identifiers bound to the core count (`const n = os.cpus().length`). */
  coreCountNames: Set<string>;
  comments: TSESTree.Comment[];
  ast: TSESTree.Program;
  text: string;
}
