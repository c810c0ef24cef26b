/**
 * The vocabulary the analyzer uses to say what calling a known API does to the
 * calling thread. One `Behaviour` per qualified name (see lookup.ts for the
 * naming), one `InstanceType` per kind of object a factory or constructor hands
 * back. Everything here is plain data: no functions, so the table can be frozen,
 * serialised and compared in tests.
 */

/** What an outside wait is on: for messages ("waits on the database") and for deciding whether waits may overlap. */
export type WaitKind =
  | 'network'
  | 'database'
  | 'cache'
  | 'disk'
  | 'timer'
  | 'process'
  /** Work running on libuv's pool or on native threads (zlib, crypto, bcrypt, sharp), or on a worker pool. */
  | 'thread-pool'
  /** A message queue or a job queue outside this process. */
  | 'queue'
  /** A browser driven by puppeteer or playwright. */
  | 'browser'
  /** Loading code (dynamic import, WebAssembly compilation). */
  | 'module'
  /** A semaphore, a mutex, `Atomics.waitAsync`, a Web Lock. */
  | 'lock'
  /** Data arriving on a stream (a pipeline, a terminal, a socket read). */
  | 'stream'
  /** An event from an emitter (`events.once`): what fires it is not known here. */
  | 'event'
  | 'unknown';

/**
 * What the call does to its thread.
 * - `wait`: starts outside work and hands back a promise or calls back later; the thread is free meanwhile.
 * - `block`: freezes the thread until done (sync I/O, sync key stretching, execSync, Atomics.wait).
 * - `compute`: CPU work on this thread that does not wait on anything outside.
 * - `spawn`: starts a new thread or process.
 * - `pool`: creates a pool of threads or processes (its size matters).
 * - `dispatch`: hands a task to an existing pool or worker; the caller waits for its result.
 * - `limiter`: creates a concurrency limiter (p-limit, p-queue, bottleneck, a semaphore).
 * - `task`: runs a function passed to it (see `callback`) and gives back a promise of its result;
 *   what it waits on is what that function waits on (a limiter's `limit(fn)`, `queue.add(fn)`, `pMap`).
 * - `cores`: reads the machine's core count.
 * - `combinator`: Promise.all / allSettled / race / any.
 * - `yield`: lets queued I/O and timers run before continuing (setImmediate, scheduler.yield).
 * - `sync`: cheap synchronous call with no concurrency meaning (a constructor, createHash, a builder step).
 * - `unknown`: only from declaration files: a synchronous function whose cost nothing tells us.
 */
export type Does =
  | 'wait' | 'block' | 'compute' | 'spawn' | 'pool' | 'dispatch' | 'limiter' | 'task'
  | 'cores' | 'combinator' | 'yield' | 'sync' | 'unknown';

/**
 * How a function argument of the call is run.
 * - `on-completion`: once, when the call's outside work is done (Node's `(err, result)` callbacks, setTimeout).
 * - `on-event`: as a handler, once per event (createServer's request listener, fs.watch's listener).
 * - `repeatedly`: again and again on a timer (setInterval).
 * - `task`: once, under this call: a limiter slot, a transaction, a session.
 * - `per-item`: once per element of the input (p-map's mapper).
 * - `microtask`: right after the current synchronous code, before any I/O (queueMicrotask, process.nextTick).
 */
export type CallbackRuns = 'on-completion' | 'on-event' | 'repeatedly' | 'task' | 'per-item' | 'microtask';

export interface CallbackUse {
  /**
   * Which argument holds the function: an index, or `last` for Node's completion callbacks after
   * optional arguments. When the argument at the index is not a function (an optional options
   * object came first, as in bottleneck's `schedule(options, fn)`), it is the first function after it.
   */
  argument: number | 'last';
  runs: CallbackRuns;
  /** Instance type of the callback's first parameter (knex.transaction hands its callback an ordered `knex.Transaction`). */
  receives?: string;
}

/** How big a pool is and where its size is set. */
export interface PoolSize {
  what: 'thread' | 'process';
  /** Option names that set the (maximum) size: `maxThreads`, `maxWorkers`, `size`. */
  sizeOptions: string[];
  /** Index of a positional argument that sets the size (threads.js `Pool(spawn, 4)`, poolifier `new FixedThreadPool(4, file)`). */
  sizeArgument?: number;
  /** The size when none is given; `required` when the caller must give it. */
  defaultSize: 'cores' | 'cores-1' | 'cores*1.5' | 'required' | number;
}

/** How many tasks a limiter lets run at once and where that number is set. */
export interface ConcurrencyLimit {
  sizeOptions: string[];
  sizeArgument?: number;
  /** The limit when none is given: a number, `unbounded` (p-queue and p-map default to Infinity) or `required`. */
  defaultSize: number | 'unbounded' | 'required';
}

/** What calling one API does to the calling thread. */
export interface Behaviour {
  does: Does;
  /**
   * For `wait` and `dispatch`: what the caller waits on. For `block`: what the frozen thread waits on
   * (absent when it is busy computing). For `spawn`: what awaiting the returned handle waits for (execa).
   */
  wait?: WaitKind;
  /** The call hands back a promise (or a thenable). False for callback-style and synchronous APIs. */
  returnsPromise: boolean;
  /** The call reports completion through a callback instead of returning a promise (see `callback`). */
  callbackStyle?: boolean;
  /** A function argument the call runs, and how. */
  callback?: CallbackUse;
  /**
   * How the call behaves when it is given a completion callback as its last argument, when that
   * differs (crypto.randomBytes is synchronous without one; pg's query returns a promise unless given one).
   */
  whenCallback?: Behaviour;
  /** Relative units: a wait's latency, or the thread time of `block`/`compute` (see KNOWLEDGE_COST). */
  cost?: number;
  /** Calls on one object must stay in order (a transaction, one connection, a stream, a browser page): never suggest overlapping them. */
  ordered?: boolean;
  /** Calls are independent of each other (fetch, a stateless HTTP client): overlapping them is safe. */
  stateless?: boolean;
  /** The returned thenable starts its work only when awaited or `.then` is called (Prisma queries). */
  lazy?: boolean;
  /** Constructors and factories: key of the instance type they return (or that their promise resolves to); its methods are looked up as `${instance}#${method}`. */
  instance?: string;
  /** The API is a class, called with `new`. */
  newable?: boolean;
  /** Base classes meant to be extended (`class User extends Model`): the instance type of the subclass itself, whose methods are the static ones. */
  statics?: string;
  /** For `block`: the non-blocking API to suggest instead, as a qualified name ('fs/promises.readFile', 'bcrypt.hash'). */
  alternative?: string;
  /** For `block` without an `alternative`: why there is none to suggest. */
  noAlternative?: string;
  /** The work runs on libuv's pool or native threads (zlib.gzip, crypto.pbkdf2, bcrypt.hash, sharp): the caller waits, other cores work. */
  offThread?: boolean;
  /** For `compute` that returns a promise: the work is cut into slices with yields in between (bcryptjs's async hash), so it does not freeze the thread but still uses it. */
  chunked?: boolean;
  /** For `pool`: its size. */
  pool?: PoolSize;
  /** For `limiter` (and `task` APIs with their own limit, such as p-map): how many tasks run at once. */
  limit?: ConcurrencyLimit;
  /** For `spawn`: what is started. */
  spawnsWhat?: 'thread' | 'process';
  /** For `combinator`: which one. */
  combinator?: 'all' | 'allSettled' | 'race' | 'any';
  /** The call registers its function argument as an event or request handler (createServer, fs.watch, emitter.on). */
  registersHandler?: boolean;
  /** The result is consumed with `for await`: each step waits on this kind (fs/promises.watch, events.on, a cursor). */
  asyncIterable?: WaitKind;
  /** Where the behaviour comes from: the curated table (the default) or a package's declaration file. */
  source?: 'table' | 'declaration';
}

/** An object returned by a factory or constructor. */
export interface InstanceType {
  /** Awaiting the object itself waits on this (knex and mongoose query builders, superagent requests). */
  thenable?: WaitKind;
  /** For thenables: the work starts only when the object is awaited (builders), not when it is created. */
  lazy?: boolean;
  /** Builders: unlisted methods return the same instance type (`same`), or nothing is known about them (`unknown`, the default). */
  otherMethods?: 'same' | 'unknown';
  /** How unlisted methods behave when they are all alike (every method of a Redis client sends a command). Wins over `otherMethods`. */
  methodDefault?: Behaviour;
  /** Operations on one instance, or on objects derived from it, must stay ordered (a transaction, one connection, a page, a stream). */
  ordered?: boolean;
  /** Operations on one instance are independent: overlapping them is safe (an HTTP client, a Redis connection). */
  stateless?: boolean;
  /** What calling the object itself does (an axios instance, a knex instance, p-limit's `limit`). */
  call?: Behaviour;
  /** Known properties and the instance types they hold (`knex.schema`, `undici` response `body`). */
  properties?: Readonly<Record<string, string>>;
  /** Every property not listed holds this instance type (Prisma's model delegates: `prisma.user`, `prisma.post`). */
  otherProperties?: string;
  /** The object is consumed with `for await`: each step waits on this kind (a cursor, a readable stream, a readline interface). */
  asyncIterable?: WaitKind;
  /** Instance type whose methods this one also has (most of Node's objects are event emitters). */
  extends?: string;
}

/**
 * Relative costs, in the units of the model's COST table (src/core/model.ts): ioLatency 12,
 * blocking 12, heavyCall 16, workerStartup 2. Repeated here so the table does not depend on the
 * model's module while the core is being reorganised; a unit test keeps the two in step.
 */
export const KNOWLEDGE_COST = {
  /** Latency of one wait on something outside the process. */
  wait: 12,
  /**
   * A wait the operating system usually answers from its caches in microseconds: file metadata
   * (stat, lstat, realpath, access, readlink). Overlapping two of them saves nothing a user notices.
   */
  quickWait: 2,
  /** Thread time frozen by a synchronous I/O or process call. */
  block: 12,
  /** Key stretching, compression, image encoding: heavy work on this or another thread. */
  heavy: 16,
  /** A cheap computation worth counting (JSON.parse on an ordinary payload, structuredClone). */
  cheap: 2,
  /** Starting a thread or a process. */
  startup: 2,
} as const;
