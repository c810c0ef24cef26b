/**
 * Node built-ins beyond files: processes, crypto, timers, the network, readline,
 * threads, cluster, the core count, Atomics and the Promise combinators.
 */
import { KNOWLEDGE_COST as COST, type Behaviour } from './behaviour';
import {
  blocks, callsBack, cheap, constructs, makes, offThread, offThreadCallback, registers, spawns, waits, type TableBuilder,
} from './build';

const SUBTLE_METHODS = ['digest', 'encrypt', 'decrypt', 'sign', 'verify', 'deriveBits', 'deriveKey', 'generateKey', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey'];
const DNS_RESOLVERS = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr',
  'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
];

export function addNodeRuntime(t: TableBuilder): void {
  addChildProcess(t);
  addCrypto(t);
  addTimers(t);
  addNetwork(t);
  addThreads(t);
}

function addChildProcess(t: TableBuilder): void {
  t.api('child_process.execSync', blocks('child_process.exec', { wait: 'process' }));
  t.api('child_process.execFileSync', blocks('child_process.execFile', { wait: 'process' }));
  t.api('child_process.spawnSync', blocks('child_process.spawn', { wait: 'process' }));
  t.api(['child_process.spawn', 'child_process.fork'], spawns('process', { instance: 'child_process.ChildProcess' }));
  // exec and execFile buffer the output and call back once the process exits.
  t.api(['child_process.exec', 'child_process.execFile'], spawns('process', {
    wait: 'process', callbackStyle: true, callback: { argument: 'last', runs: 'on-completion' }, instance: 'child_process.ChildProcess',
  }));
  t.type('child_process.ChildProcess', {
    extends: 'events.EventEmitter',
    properties: { stdout: 'stream.Readable', stderr: 'stream.Readable', stdin: 'stream.Writable' },
  });
  t.methods('child_process.ChildProcess', ['send', 'kill', 'disconnect', 'ref', 'unref'], cheap());
}

function addCrypto(t: TableBuilder): void {
  // Key stretching and key generation: libuv's pool with a callback, the calling thread without one.
  const stretching: Record<string, string> = {
    pbkdf2: 'pbkdf2Sync', scrypt: 'scryptSync', generateKeyPair: 'generateKeyPairSync', generateKey: 'generateKeySync',
    generatePrime: 'generatePrimeSync', checkPrime: 'checkPrimeSync',
  };
  for (const [async, sync] of Object.entries(stretching)) {
    t.api(`crypto.${async}`, offThreadCallback());
    t.api(`crypto.${sync}`, blocks(`crypto.${async}`, { cost: COST.heavy }));
  }
  // Cheap enough on the pool that the wait, not the work, is what the caller sees.
  t.api(['crypto.hkdf', 'crypto.randomFill'], offThreadCallback({ cost: COST.wait }));
  // Synchronous unless given a callback; for the usual few bytes the sync form costs microseconds.
  const syncUnlessCallback: Behaviour = cheap({ whenCallback: offThreadCallback({ cost: COST.wait }) });
  t.api(['crypto.randomBytes', 'crypto.randomInt', 'crypto.sign', 'crypto.verify'], syncUnlessCallback);
  t.api([
    'crypto.createHash', 'crypto.createHmac', 'crypto.createCipheriv', 'crypto.createDecipheriv', 'crypto.createSign', 'crypto.createVerify',
    'crypto.createPublicKey', 'crypto.createPrivateKey', 'crypto.createSecretKey', 'crypto.randomUUID', 'crypto.timingSafeEqual',
    'crypto.getRandomValues', 'crypto.randomFillSync', 'crypto.hkdfSync', 'crypto.hash', 'crypto.getHashes', 'crypto.getCiphers',
  ], cheap());
  // Web Crypto (the global `crypto.subtle` and node's `crypto.subtle` / `crypto.webcrypto.subtle`): promises, native threads.
  t.apis('crypto.subtle', SUBTLE_METHODS, offThread());
}

function addTimers(t: TableBuilder): void {
  const timeout: Behaviour = { does: 'wait', wait: 'timer', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'on-completion' }, cost: COST.wait };
  const interval: Behaviour = { ...timeout, callback: { argument: 0, runs: 'repeatedly' } };
  const immediate: Behaviour = { does: 'yield', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'on-completion' }, cost: 1 };
  for (const prefix of ['', 'timers.']) {
    t.api(`${prefix}setTimeout`, timeout);
    t.api(`${prefix}setInterval`, interval);
    t.api(`${prefix}setImmediate`, immediate);
    t.api([`${prefix}clearTimeout`, `${prefix}clearInterval`, `${prefix}clearImmediate`], cheap());
  }
  t.api(['timers/promises.setTimeout', 'timers/promises.scheduler.wait'], waits('timer'));
  t.api('timers/promises.setInterval', cheap({ asyncIterable: 'timer' }));
  const yieldPoint: Behaviour = { does: 'yield', returnsPromise: true, cost: 1 };
  t.api(['timers/promises.setImmediate', 'timers/promises.scheduler.yield', 'scheduler.yield'], yieldPoint);
  // A microtask runs before any I/O: scheduling one is not a yield point.
  t.api('process.nextTick', cheap({ callback: { argument: 0, runs: 'microtask' } }));
}

function addNetwork(t: TableBuilder): void {
  // getaddrinfo runs on libuv's pool; the resolve* family asks DNS servers over the network.
  t.api(['dns.lookup', 'dns.lookupService'], callsBack('network', { offThread: true }));
  t.api(['dns/promises.lookup', 'dns/promises.lookupService'], waits('network', { offThread: true }));
  t.apis('dns', DNS_RESOLVERS, callsBack('network'));
  t.apis('dns/promises', DNS_RESOLVERS, waits('network'));
  t.api('dns.Resolver', constructs('dns.Resolver'));
  t.api('dns/promises.Resolver', constructs('dns/promises.Resolver'));
  t.type('dns.Resolver', {});
  t.type('dns/promises.Resolver', {});
  t.methods('dns.Resolver', DNS_RESOLVERS, callsBack('network'));
  t.methods('dns/promises.Resolver', DNS_RESOLVERS, waits('network'));

  // The connect listener runs once the connection is up; the socket comes back at once.
  t.api(['net.connect', 'net.createConnection'], callsBack('network', { instance: 'net.Socket' }));
  t.api('tls.connect', callsBack('network', { instance: 'tls.TLSSocket' }));
  t.api('net.Socket', constructs('net.Socket'));
  t.api(['net.createServer', 'tls.createServer'], registers('last', { instance: 'net.Server' }));
  t.type('net.Socket', { extends: 'stream.Duplex', ordered: true });
  t.type('tls.TLSSocket', { extends: 'net.Socket', ordered: true });
  t.methods('net.Socket', ['connect'], callsBack('network', { ordered: true }));
  t.methods('net.Socket', ['setTimeout', 'setKeepAlive', 'setNoDelay', 'address'], cheap());
  t.type('net.Server', { extends: 'events.EventEmitter' });
  t.methods('net.Server', ['listen', 'address', 'ref', 'unref'], cheap());
  t.methods('net.Server', ['close'], callsBack('network'));

  // Each request is its own exchange, like fetch; the callback receives the response.
  t.api(['http.request', 'http.get', 'https.request', 'https.get'], callsBack('network', { stateless: true, instance: 'http.ClientRequest' }));
  t.type('http.ClientRequest', { extends: 'stream.Writable', ordered: true });
  t.api(['http.createServer', 'https.createServer'], registers('last', { instance: 'http.Server' }));
  t.api(['http2.createServer', 'http2.createSecureServer'], registers('last', { instance: 'http2.Http2Server' }));
  t.api(['http.Server', 'https.Server'], constructs('http.Server'));
  t.api(['http.Agent', 'https.Agent'], constructs('http.Agent'));
  t.type('http.Server', { extends: 'net.Server' });
  t.type('http2.Http2Server', { extends: 'net.Server' });
  t.type('http.Agent', {});
  t.api('http2.connect', callsBack('network', { instance: 'http2.ClientHttp2Session' }));
  t.type('http2.ClientHttp2Session', { extends: 'events.EventEmitter' });
  t.methods('http2.ClientHttp2Session', ['request'], makes('stream.Duplex'));
  t.methods('http2.ClientHttp2Session', ['close'], callsBack('network'));

  t.api('readline.createInterface', makes('readline.Interface'));
  t.api('readline/promises.createInterface', makes('readline/promises.Interface'));
  // One prompt at a time on one terminal.
  t.type('readline.Interface', { extends: 'events.EventEmitter', asyncIterable: 'stream', ordered: true });
  t.type('readline/promises.Interface', { extends: 'readline.Interface', asyncIterable: 'stream', ordered: true });
  t.methods('readline.Interface', ['question'], callsBack('stream', { ordered: true }));
  t.methods('readline/promises.Interface', ['question'], waits('stream', { ordered: true }));
  t.methods('readline.Interface', ['close', 'pause', 'resume', 'write', 'prompt', 'setPrompt'], cheap());
}

function addThreads(t: TableBuilder): void {
  t.api('worker_threads.Worker', spawns('thread', { newable: true, instance: 'worker_threads.Worker' }));
  t.type('worker_threads.Worker', { extends: 'events.EventEmitter' });
  t.methods('worker_threads.Worker', ['postMessage', 'ref', 'unref'], cheap());
  t.methods('worker_threads.Worker', ['terminate'], waits('thread-pool', { cost: COST.startup }));
  t.api('worker_threads.MessageChannel', constructs('worker_threads.MessageChannel'));
  t.type('worker_threads.MessageChannel', { properties: { port1: 'worker_threads.MessagePort', port2: 'worker_threads.MessagePort' } });
  t.type('worker_threads.MessagePort', { extends: 'events.EventEmitter' });
  t.methods('worker_threads.MessagePort', ['postMessage', 'close', 'start', 'ref', 'unref'], cheap());
  t.api('worker_threads.receiveMessageOnPort', cheap());

  t.api('cluster.fork', spawns('process', { instance: 'cluster.Worker' }));
  t.type('cluster.Worker', { extends: 'events.EventEmitter' });
  t.methods('cluster.Worker', ['send', 'kill', 'disconnect'], cheap());
  t.api(['cluster.setupPrimary', 'cluster.setupMaster'], cheap());

  t.api(['os.cpus', 'os.availableParallelism'], { does: 'cores', returnsPromise: false });
  // Atomics.wait parks the whole thread; waitAsync hands back `{ async, value }` whose `value` is the promise.
  t.api('Atomics.wait', blocks('Atomics.waitAsync', { wait: 'lock' }));
  t.api('Atomics.waitAsync', waits('lock', { returnsPromise: false }));
  t.api('Atomics.notify', cheap());

  for (const combinator of ['all', 'allSettled', 'race', 'any'] as const) {
    t.api(`Promise.${combinator}`, { does: 'combinator', combinator, returnsPromise: true });
  }
  t.api(['Promise.resolve', 'Promise.reject'], cheap({ returnsPromise: true }));
  t.api('Promise.withResolvers', cheap());
}
