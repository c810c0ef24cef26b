/** Lookups of Node built-ins and web globals, with every field of the answer. */
import * as assert from 'assert';
import { behaviourOf, instanceTypeOf, normaliseQualifiedName } from '../../../src/core/knowledge';
import { builds, callsBackOn, cheapCall, completion, expectBehaviours, handler, waitsOn } from './helpers';

const offThreadCallback = (cost = 16) => callsBackOn('thread-pool', { offThread: true, cost });

describe('knowledge: fs, streams, events and zlib', () => {
  expectBehaviours({
    'fs.readFileSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fs/promises.readFile', wait: 'disk' },
    'fs.existsSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fs/promises.access', wait: 'disk' },
    'fs.writeSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'fs/promises.FileHandle#write', wait: 'disk' },
    'fs.readFile': callsBackOn('disk'),
    'fs/promises.readFile': waitsOn('disk'),
    'fs/promises.open': waitsOn('disk', { instance: 'fs/promises.FileHandle' }),
    'fs/promises.FileHandle#write': waitsOn('disk', { ordered: true }),
    'fs/promises.watch': cheapCall({ asyncIterable: 'disk' }),
    // Not listed: the module rule (every function of fs/promises waits on the disk) answers.
    'fs/promises.lchmod': waitsOn('disk'),
    'fs.createReadStream': builds('fs.ReadStream'),
    'fs.ReadStream#pipe': cheapCall({ ordered: true }),
    'fs.ReadStream#on': handler(1),
    'fs.watch': handler('last', { instance: 'fs.FSWatcher' }),
    'stream/promises.pipeline': waitsOn('stream'),
    'stream.pipeline': callsBackOn('stream'),
    'events.once': waitsOn('event'),
    'events.on': cheapCall({ asyncIterable: 'event' }),
    'zlib.gzipSync': { does: 'block', returnsPromise: false, cost: 16, alternative: 'zlib.gzip' },
    'zlib.gzip': offThreadCallback(),
    'zlib.createGzip': builds('stream.Transform'),
  });

  it('reads fs.promises, node: and .default spellings as the table does', () => {
    const canonical = behaviourOf('fs/promises.readFile');
    assert.strictEqual(behaviourOf('fs.promises.readFile'), canonical);
    assert.strictEqual(behaviourOf('node:fs/promises.readFile'), canonical);
    assert.strictEqual(behaviourOf('node:fs.promises.readFile'), canonical);
    assert.strictEqual(normaliseQualifiedName('axios.default.get'), 'axios.get');
    assert.strictEqual(normaliseQualifiedName('defaultsDeep.defaultValue'), 'defaultsDeep.defaultValue');
    assert.strictEqual(normaliseQualifiedName('crypto.webcrypto.subtle.digest'), 'crypto.subtle.digest');
    assert.strictEqual(normaliseQualifiedName('globalThis.fetch'), 'fetch');
  });

  it('describes streams as ordered, async-iterable event emitters', () => {
    assert.deepStrictEqual(instanceTypeOf('fs.ReadStream'), { extends: 'stream.Readable', asyncIterable: 'disk', ordered: true });
    assert.deepStrictEqual(instanceTypeOf('stream.Readable'), { extends: 'events.EventEmitter', asyncIterable: 'stream', ordered: true });
  });
});

describe('knowledge: processes, crypto, timers, network, threads', () => {
  expectBehaviours({
    'child_process.execSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'child_process.exec', wait: 'process' },
    'child_process.spawnSync': { does: 'block', returnsPromise: false, cost: 12, alternative: 'child_process.spawn', wait: 'process' },
    'child_process.spawn': { does: 'spawn', spawnsWhat: 'process', returnsPromise: false, cost: 2, instance: 'child_process.ChildProcess' },
    'child_process.exec': {
      does: 'spawn', spawnsWhat: 'process', returnsPromise: false, cost: 2, wait: 'process', callbackStyle: true, callback: completion,
      instance: 'child_process.ChildProcess',
    },
    'crypto.pbkdf2Sync': { does: 'block', returnsPromise: false, cost: 16, alternative: 'crypto.pbkdf2' },
    'crypto.scryptSync': { does: 'block', returnsPromise: false, cost: 16, alternative: 'crypto.scrypt' },
    'crypto.generateKeyPairSync': { does: 'block', returnsPromise: false, cost: 16, alternative: 'crypto.generateKeyPair' },
    'crypto.pbkdf2': offThreadCallback(),
    'crypto.createHash': cheapCall(),
    'crypto.randomUUID': cheapCall(),
    'crypto.timingSafeEqual': cheapCall(),
    'crypto.randomBytes': cheapCall({ whenCallback: offThreadCallback(12) }),
    'crypto.subtle.digest': waitsOn('thread-pool', { offThread: true, cost: 16 }),
    setTimeout: { does: 'wait', wait: 'timer', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'on-completion' }, cost: 12 },
    'timers.setInterval': { does: 'wait', wait: 'timer', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'repeatedly' }, cost: 12 },
    setImmediate: { does: 'yield', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'on-completion' }, cost: 1 },
    'timers/promises.setTimeout': waitsOn('timer'),
    'timers/promises.setImmediate': { does: 'yield', returnsPromise: true, cost: 1 },
    'timers/promises.scheduler.yield': { does: 'yield', returnsPromise: true, cost: 1 },
    'process.nextTick': cheapCall({ callback: { argument: 0, runs: 'microtask' } }),
    'dns.lookup': callsBackOn('network', { offThread: true }),
    'dns/promises.resolveMx': waitsOn('network'),
    'net.connect': callsBackOn('network', { instance: 'net.Socket' }),
    'http.get': callsBackOn('network', { stateless: true, instance: 'http.ClientRequest' }),
    'https.request': callsBackOn('network', { stateless: true, instance: 'http.ClientRequest' }),
    'http.createServer': handler('last', { instance: 'http.Server' }),
    'http.Server#listen': cheapCall(),
    'readline/promises.Interface#question': waitsOn('stream', { ordered: true }),
    'worker_threads.Worker': { does: 'spawn', spawnsWhat: 'thread', returnsPromise: false, cost: 2, newable: true, instance: 'worker_threads.Worker' },
    'worker_threads.Worker#postMessage': cheapCall(),
    'worker_threads.Worker#on': handler(1),
    'cluster.fork': { does: 'spawn', spawnsWhat: 'process', returnsPromise: false, cost: 2, instance: 'cluster.Worker' },
    'os.cpus': { does: 'cores', returnsPromise: false },
    'os.availableParallelism': { does: 'cores', returnsPromise: false },
    'Atomics.wait': { does: 'block', returnsPromise: false, cost: 12, alternative: 'Atomics.waitAsync', wait: 'lock' },
    'Atomics.waitAsync': { does: 'wait', wait: 'lock', returnsPromise: false, cost: 12 },
    'Promise.allSettled': { does: 'combinator', combinator: 'allSettled', returnsPromise: true },
    'util.promisify': null,
  });
});

describe('knowledge: web globals', () => {
  expectBehaviours({
    fetch: waitsOn('network', { stateless: true, instance: 'Response' }),
    'globalThis.fetch': waitsOn('network', { stateless: true, instance: 'Response' }),
    'Response#json': waitsOn('network'),
    structuredClone: { does: 'compute', returnsPromise: false, cost: 2 },
    'JSON.parse': { does: 'compute', returnsPromise: false, cost: 2 },
    'JSON.stringify': { does: 'compute', returnsPromise: false, cost: 2 },
    queueMicrotask: cheapCall({ callback: { argument: 0, runs: 'microtask' } }),
    'navigator.hardwareConcurrency': { does: 'cores', returnsPromise: false },
    Worker: { does: 'spawn', spawnsWhat: 'thread', returnsPromise: false, cost: 2, newable: true, instance: 'Worker' },
    SharedWorker: { does: 'spawn', spawnsWhat: 'thread', returnsPromise: false, cost: 2, newable: true, instance: 'SharedWorker' },
    'Worker#terminate': cheapCall(),
    'Worker#addEventListener': handler(1),
    'WebAssembly.Module': { does: 'block', returnsPromise: false, cost: 16, alternative: 'WebAssembly.compile', newable: true },
    'navigator.locks.request': { does: 'task', wait: 'lock', returnsPromise: true, callback: { argument: 'last', runs: 'task' } },
    'caches.open': waitsOn('cache', { instance: 'Cache' }),
    URL: cheapCall({ newable: true }),
  });

  it('keeps a web Worker apart from worker_threads.Worker', () => {
    assert.deepStrictEqual(instanceTypeOf('Worker'), { extends: 'EventTarget' });
    assert.deepStrictEqual(behaviourOf('worker_threads.Worker#terminate'), waitsOn('thread-pool', { cost: 2 }));
  });
});
