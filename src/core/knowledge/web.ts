/**
 * Web platform globals (also present in Node where Node implements them): fetch
 * and its Response, microtasks, cloning and JSON, workers, frames, WebAssembly,
 * Web Locks and the Cache API. Globals are keyed bare: `fetch`, `Worker`.
 */
import { KNOWLEDGE_COST as COST } from './behaviour';
import { blocks, cheap, computes, constructs, makes, registers, spawns, waits, type TableBuilder } from './build';

/** Reading a body waits for the rest of the response to arrive. */
const BODY_READERS = ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'];

export function addWebGlobals(t: TableBuilder): void {
  // Each fetch is its own request: nothing ties two of them together.
  t.api('fetch', waits('network', { stateless: true, instance: 'Response' }));
  t.type('Response', { properties: { body: 'ReadableStream' } });
  t.methods('Response', BODY_READERS, waits('network'));
  t.methods('Response', ['clone'], makes('Response'));
  t.api(['Request', 'Headers', 'URL', 'URLSearchParams', 'FormData', 'AbortController', 'TextEncoder', 'TextDecoder'], cheap({ newable: true }));
  t.api(['AbortSignal.timeout', 'AbortSignal.any'], cheap());
  t.type('ReadableStream', { asyncIterable: 'stream', ordered: true });
  t.methods('ReadableStream', ['getReader'], makes('ReadableStreamDefaultReader'));
  t.methods('ReadableStream', ['pipeTo'], waits('stream', { ordered: true }));
  t.methods('ReadableStream', ['pipeThrough', 'tee'], makes('ReadableStream'));
  t.type('ReadableStreamDefaultReader', { ordered: true });
  t.methods('ReadableStreamDefaultReader', ['read', 'cancel'], waits('stream', { ordered: true }));
  t.methods('ReadableStreamDefaultReader', ['releaseLock'], cheap());

  t.api('queueMicrotask', cheap({ callback: { argument: 0, runs: 'microtask' } }));
  t.api(['structuredClone', 'JSON.parse', 'JSON.stringify'], computes(COST.cheap));
  t.api('navigator.hardwareConcurrency', { does: 'cores', returnsPromise: false });

  t.api('Worker', spawns('thread', { newable: true, instance: 'Worker' }));
  t.api('SharedWorker', spawns('thread', { newable: true, instance: 'SharedWorker' }));
  t.type('EventTarget', {});
  t.methods('EventTarget', ['addEventListener'], registers(1));
  t.methods('EventTarget', ['removeEventListener', 'dispatchEvent'], cheap());
  // A web Worker's terminate stops it at once and returns nothing (unlike worker_threads').
  t.type('Worker', { extends: 'EventTarget' });
  t.methods('Worker', ['postMessage', 'terminate'], cheap());
  t.type('SharedWorker', { extends: 'EventTarget', properties: { port: 'MessagePort' } });
  t.type('MessagePort', { extends: 'EventTarget' });
  t.methods('MessagePort', ['postMessage', 'start', 'close'], cheap());
  t.api('MessageChannel', constructs('MessageChannel'));
  t.type('MessageChannel', { properties: { port1: 'MessagePort', port2: 'MessagePort' } });
  t.api('BroadcastChannel', constructs('BroadcastChannel'));
  t.type('BroadcastChannel', { extends: 'EventTarget' });
  t.methods('BroadcastChannel', ['postMessage', 'close'], cheap());
  t.api('WebSocket', constructs('WebSocket'));
  t.type('WebSocket', { extends: 'EventTarget', ordered: true });
  t.methods('WebSocket', ['send', 'close'], cheap({ ordered: true }));

  const frame = { does: 'wait', wait: 'timer', returnsPromise: false, callbackStyle: true, callback: { argument: 0, runs: 'on-completion' }, cost: COST.wait } as const;
  t.api(['requestAnimationFrame', 'requestIdleCallback'], frame);
  t.api(['cancelAnimationFrame', 'cancelIdleCallback'], cheap());

  // Asynchronous compilation happens on V8's background threads; `new WebAssembly.Module` compiles right here.
  t.api(['WebAssembly.compile', 'WebAssembly.instantiate', 'WebAssembly.compileStreaming', 'WebAssembly.instantiateStreaming'], waits('module', { offThread: true }));
  t.api('WebAssembly.Module', blocks('WebAssembly.compile', { cost: COST.heavy, newable: true }));

  // Web Locks: waits for the lock, then runs the callback (the last argument) while holding it.
  t.api('navigator.locks.request', { does: 'task', wait: 'lock', returnsPromise: true, callback: { argument: 'last', runs: 'task' } });
  t.api('caches.open', waits('cache', { instance: 'Cache' }));
  t.api(['caches.match', 'caches.has', 'caches.delete', 'caches.keys'], waits('cache'));
  t.type('Cache', {});
  t.methods('Cache', ['match', 'matchAll', 'add', 'addAll', 'put', 'delete', 'keys'], waits('cache'));
}
