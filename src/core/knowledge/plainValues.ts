/**
 * Calls that hand back a plain value, never a promise, whatever they are called
 * on: built-in globals (`JSON.parse`, `Array.from`, `Object.entries`, `Math.max`)
 * and methods of strings, arrays, maps and sets. Read by the model (an async
 * function that returns `Array.from(xs)` waits on nothing) and by
 * sync-promise-executor (resolving with one settles at once).
 *
 * Not `get`/`find`/`keys`: on a cache or a Map they return values, but on a
 * database or Redis client they return promises (`client.keys('*')`).
 */

/** Globals and modules whose calls return plain values (matched against the qualified API name). */
const PLAIN_APIS = /^(JSON|Math|Object|Array|String|Number|Boolean|Date|Buffer|BigInt|structuredClone|parseInt|parseFloat|encodeURIComponent|decodeURIComponent|path|url|querystring|util\.format|util\.inspect)\b/;

/** Methods that return values, not promises, on any receiver that has them. */
const PLAIN_METHODS = new Set([
  'digest', 'toString', 'toFixed', 'toISOString', 'join', 'slice', 'map', 'filter', 'reduce', 'sort', 'split', 'trim', 'replace',
  'replaceAll', 'toUpperCase', 'toLowerCase', 'concat', 'flat', 'flatMap', 'stringify', 'parse', 'test', 'match', 'padStart',
  'padEnd', 'at', 'indexOf', 'includes', 'values', 'entries',
]);

export function isPlainValueApi(api: string | null | undefined): boolean {
  return !!api && PLAIN_APIS.test(api);
}

export function isPlainValueMethod(method: string | null | undefined): boolean {
  return !!method && PLAIN_METHODS.has(method);
}
