/**
 * Guesses about objects the knowledge table does not know, by the names code
 * usually gives them: which methods iterate, register handlers or route
 * requests, which helper names mean a sleep. They are the model's, not facts
 * about any API (src/core/knowledge decides those).
 */

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

/** Events that bring outside work in: a request, a connection, a message, data from a peer, a job. */
const ARRIVAL_EVENTS = /^(request|connection|connect|message|messages|data|upgrade|stream|session|job|jobs|task|command|rpc|call|packet|frame|upload)$/i;
/** Receivers whose events come from outside the process: sockets, servers, ports, queues, buses, workers' peers. */
const OUTSIDE_RECEIVERS = /(^|\.)(\w*(socket|server|ws|wss|io|port|channel|queue|consumer|subscriber|bus|broker|peer|client|conn|connection|pubsub|nsp|namespace|room)s?|app|router|self|window|document|parentPort|process)$/i;

/**
 * Does `receiver.method(event, cb)` register `cb` as a handler of work that arrives from
 * outside (requests, messages, connections) rather than of the program's own events?
 * An emitter the code made for itself (`status.on('stateChange', …)`, `watcher.on('change', …)`)
 * is not evidence that the thread serves anyone; its name or the event's must say so
 * (`socket.on('chat', …)`, `emitter.on('request', …)`).
 */
export function registersOutsideHandler(method: string | null, api: string | null, receiver: string | null, event: string | null): boolean {
  if (api && SERVER_FACTORIES.has(api)) return true;
  if (!method || !receiver) return false;
  // `addEventListener` is the DOM's (and workers'): its events come from the user or a peer.
  if (method === 'addEventListener' || method === 'onmessage') return true;
  if (HANDLER_METHODS.has(method)) return OUTSIDE_RECEIVERS.test(receiver) || (event !== null && ARRIVAL_EVENTS.test(event));
  return ROUTE_METHODS.has(method) && /^(app|router|server|fastify|api|routes?)$/i.test(receiver.split('.').pop()!);
}

/** The event a registration names (`on('message', …)`), when written as a string. */
export function eventName(node: { arguments: readonly { type: string; value?: unknown }[] }): string | null {
  const first = node.arguments[0];
  return first && first.type === 'Literal' && typeof first.value === 'string' ? first.value : null;
}

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
