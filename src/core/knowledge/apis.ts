/**
 * The ecosystem's concurrency-relevant APIs, by qualified name. A qualified name
 * is `module.export.member` with `node:` stripped and `fs.promises` spelled
 * `fs/promises`, so `import { readFile } from 'node:fs/promises'`,
 * `require('fs').promises.readFile` and `fsp.readFile` all become `fs/promises.readFile`.
 */
import { COST } from '../model/types';

export type ApiCategory =
  /** Returns a promise (or takes a callback) that waits on I/O. */
  | 'io'
  /** A timer or sleep. */
  | 'timer'
  /** Freezes the calling thread (sync I/O, sync crypto/zlib, execSync, Atomics.wait). */
  | 'blocking'
  /** Expensive synchronous computation that does not block on I/O. */
  | 'heavy'
  /** Starts a new thread or process. */
  | 'spawn'
  /** Creates a pool of threads or processes (its size matters). */
  | 'pool'
  /** Reads the machine's core count. */
  | 'cores'
  /** A concurrency limiter (p-limit and friends). */
  | 'limiter'
  /** Promise.all / allSettled / race / any. */
  | 'combinator';

export interface ApiInfo {
  category: ApiCategory;
  /** Relative cost on the calling thread (blocking, heavy) or latency (io). */
  cost: number;
}

const FS_METHODS = [
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lstat', 'mkdir', 'mkdtemp', 'open', 'opendir',
  'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate',
  'unlink', 'utimes', 'writeFile', 'exists', 'fstat', 'read', 'write', 'close', 'fsync',
];

const table = new Map<string, ApiInfo>();
const io = (latency: number = COST.ioLatency): ApiInfo => ({ category: 'io', cost: latency });
const put = (names: string[], info: ApiInfo) => names.forEach((name) => table.set(name, info));

for (const method of FS_METHODS) {
  table.set(`fs/promises.${method}`, io());
  table.set(`fs.${method}`, io()); // callback form
  table.set(`fs.${method}Sync`, { category: 'blocking', cost: COST.blocking });
}
put(['fs.createReadStream', 'fs.createWriteStream', 'fs.watch', 'stream/promises.pipeline', 'stream.pipeline', 'stream/promises.finished'], io());
put(['fetch', 'node-fetch', 'axios', 'axios.get', 'axios.post', 'axios.put', 'axios.delete', 'axios.patch', 'axios.request', 'got', 'got.get', 'got.post', 'undici.fetch', 'undici.request', 'ky', 'ky.get', 'ky.post'], io());
put(['http.get', 'http.request', 'https.get', 'https.request', 'http2.connect', 'net.connect', 'net.createConnection', 'dns.lookup', 'dns/promises.lookup', 'dns/promises.resolve'], io());
put(['readline.question', 'readline/promises.question', 'events.once', 'util.promisify'], io());
put(['timers/promises.setTimeout', 'timers/promises.setImmediate', 'timers/promises.setInterval', 'scheduler.wait', 'setTimeout', 'setInterval', 'setImmediate', 'timers.setTimeout', 'timers.setInterval', 'timers.setImmediate'], { category: 'timer', cost: COST.ioLatency });

put(['child_process.execSync', 'child_process.execFileSync', 'child_process.spawnSync', 'Atomics.wait'], { category: 'blocking', cost: COST.blocking });
put(['crypto.pbkdf2Sync', 'crypto.scryptSync', 'crypto.generateKeyPairSync', 'crypto.generatePrimeSync', 'crypto.checkPrimeSync', 'crypto.randomFillSync', 'crypto.hkdfSync'], { category: 'blocking', cost: COST.heavyCall });
for (const method of ['gzip', 'gunzip', 'deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'unzip', 'brotliCompress', 'brotliDecompress']) {
  table.set(`zlib.${method}Sync`, { category: 'blocking', cost: COST.heavyCall });
  table.set(`zlib.${method}`, io(COST.heavyCall)); // runs on libuv's thread pool, calls back
}
put(['crypto.pbkdf2', 'crypto.scrypt', 'crypto.generateKeyPair', 'crypto.randomBytes', 'crypto.subtle.digest', 'crypto.subtle.encrypt', 'crypto.subtle.decrypt', 'crypto.subtle.sign', 'Atomics.waitAsync'], io(COST.heavyCall));
put(['crypto.createHash', 'crypto.createHmac', 'JSON.parse', 'JSON.stringify', 'structuredClone'], { category: 'heavy', cost: 2 });

put(['worker_threads.Worker', 'Worker', 'SharedWorker', 'child_process.fork', 'child_process.spawn', 'child_process.exec', 'child_process.execFile', 'cluster.fork', 'threads.spawn', 'threads.Worker'], { category: 'spawn', cost: COST.workerStartup });
put(['piscina', 'piscina.Piscina', 'tinypool', 'tinypool.Tinypool', 'workerpool.pool', 'threads.Pool', 'poolifier.FixedThreadPool', 'poolifier.DynamicThreadPool'], { category: 'pool', cost: COST.workerStartup });
put(['os.cpus', 'os.availableParallelism', 'navigator.hardwareConcurrency'], { category: 'cores', cost: 0 });
put(['p-limit', 'p-queue', 'p-map', 'bottleneck', 'async-sema.Sema'], { category: 'limiter', cost: 0 });
put(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any'], { category: 'combinator', cost: 0 });
// Password hashing with the sync variants holds the thread for the whole key stretch; hash/compare are async.
put(['bcrypt.hashSync', 'bcrypt.compareSync', 'bcrypt.genSaltSync', 'bcryptjs.hashSync', 'bcryptjs.compareSync', 'bcryptjs.genSaltSync'], { category: 'blocking', cost: COST.heavyCall });
put(['bcrypt.hash', 'bcrypt.compare', 'bcryptjs.hash', 'bcryptjs.compare'], io(COST.heavyCall));
// Yield points: awaiting one lets queued I/O and timers run (chunked work).
put(['scheduler.yield', 'timers/promises.scheduler.yield', 'timers/promises.scheduler.wait'], { category: 'timer', cost: 1 });

export function apiInfo(qualifiedName: string | null): ApiInfo | null {
  if (!qualifiedName) return null;
  return table.get(qualifiedName) ?? null;
}

/** Methods that hand a task to a pool object created by a `pool` API (piscina.run, workerpool.exec, threads queue). */
export const POOL_TASK_METHODS = new Set(['run', 'exec', 'queue', 'execute', 'proxy']);

/** Methods that queue work on a worker or process handle. */
export const WORKER_MESSAGE_METHODS = new Set(['postMessage', 'send']);

/**
 * Method names that, on an object we cannot resolve, very likely start I/O
 * (database clients, HTTP clients, caches). Used only for calls that are awaited
 * or whose promise is otherwise handled, never to invent waits in sync code.
 */
export const IO_LIKE_METHODS = new Set([
  'query', 'execute', 'findOne', 'findMany', 'findUnique', 'findFirst', 'find', 'insert', 'insertOne', 'insertMany',
  'update', 'updateOne', 'updateMany', 'upsert', 'delete', 'deleteOne', 'deleteMany', 'save', 'create', 'count',
  'aggregate', 'get', 'set', 'del', 'hget', 'hset', 'mget', 'publish', 'send', 'request', 'json', 'text', 'blob',
  'arrayBuffer', 'connect', 'download', 'upload', 'put', 'post', 'patch', 'head', 'fetch', 'load', 'read', 'write',
]);

/** Array and collection methods that call their callback synchronously, once per element. */
export const ITERATING_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted']);

/** Callback registrations that make the callback an event or request handler. */
export const HANDLER_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'prependListener', 'subscribe', 'onmessage']);
export const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'use', 'options', 'head', 'route', 'handle']);
export const SERVER_FACTORIES = new Set(['http.createServer', 'https.createServer', 'http2.createServer', 'http2.createSecureServer', 'net.createServer']);

/** Names a sleep helper usually has; awaiting one in a loop means polling or back-off. */
export const SLEEP_NAMES = /^(sleep|delay|wait|pause|backoff|timeout)$/i;

/** Normalise a module specifier: `node:fs` -> `fs`, `fs/promises` stays. */
export function normaliseModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** `fs.promises.readFile` -> `fs/promises.readFile`; `dns.promises.x` likewise. */
export function normaliseQualified(name: string): string {
  return name.replace(/^(fs|dns|stream|readline|timers)\.promises\./, '$1/promises.').replace(/^(\w+)\.default\b/, '$1');
}
