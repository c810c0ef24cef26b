/**
 * Node's built-in modules, as a static list: the core may not ask node itself
 * (`module.builtinModules`), and the answer must not depend on the node that runs the
 * analysis. The list is Node 20's and 22's, subpaths included.
 */

const BUILTINS = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
  'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
  'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
  'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
  'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
  'wasi', 'worker_threads', 'zlib',
]);

/** Only reachable with the `node:` prefix (`node:test`), never as a bare name. */
const PREFIX_ONLY = new Set(['sea', 'sqlite', 'test', 'test/reporters']);

export type BuiltinLookup =
  | { kind: 'builtin'; module: string }
  /** `node:` names something Node does not have. */
  | { kind: 'unknown-builtin' }
  | { kind: 'not-builtin' };

/** `fs`, `node:fs`, `fs/promises` -> `{ builtin, module: 'fs' | 'fs/promises' }` (no prefix). */
export function lookupBuiltin(specifier: string): BuiltinLookup {
  if (specifier.startsWith('node:')) {
    const name = specifier.slice('node:'.length);
    return BUILTINS.has(name) || PREFIX_ONLY.has(name) ? { kind: 'builtin', module: name } : { kind: 'unknown-builtin' };
  }
  return BUILTINS.has(specifier) ? { kind: 'builtin', module: specifier } : { kind: 'not-builtin' };
}
