/**
 * Process runners, thread and process pools, and concurrency limiters from npm.
 */
import type { Behaviour } from './behaviour';
import { KNOWLEDGE_COST as COST } from './behaviour';
import { blocks, cheap, dispatches, limiter, makes, pools, registers, runsTask, spawns, waits, type TableBuilder } from './build';

export function addWorkers(t: TableBuilder): void {
  addProcessRunners(t);
  addPools(t);
  addLimiters(t);
}

function addProcessRunners(t: TableBuilder): void {
  // execa's result is both a child process and a promise of its outcome.
  const execa = spawns('process', { returnsPromise: true, wait: 'process', instance: 'execa.Subprocess' });
  t.api(['execa', 'execa.execa', 'execa.execaCommand', 'execa.command', 'execa.execaNode', 'execa.node', 'execa.$'], execa);
  t.api(['execa.execaSync', 'execa.sync'], blocks('execa.execa', { wait: 'process' }));
  t.api(['execa.execaCommandSync', 'execa.commandSync'], blocks('execa.execaCommand', { wait: 'process' }));
  t.api(['execa.$.sync', 'execa.$.s'], blocks('execa.$', { wait: 'process' }));
  t.type('execa.Subprocess', { extends: 'child_process.ChildProcess', thenable: 'process' });
  t.methods('execa.Subprocess', ['pipe'], execa);

  // zx: `$` starts the command at once and hands back a ProcessPromise.
  const zx = spawns('process', { returnsPromise: true, wait: 'process', instance: 'zx.ProcessPromise' });
  t.api('zx.$', zx);
  t.api('zx.$.sync', blocks('zx.$', { wait: 'process' }));
  t.type('zx.ProcessPromise', { thenable: 'process', otherMethods: 'same' });
  t.methods('zx.ProcessPromise', ['text', 'json', 'lines', 'buffer', 'blob', 'kill'], waits('process'));
  t.methods('zx.ProcessPromise', ['pipe'], zx);
  t.api('zx.sleep', waits('timer'));
  t.api('zx.fetch', waits('network', { stateless: true, instance: 'Response' }));
  t.api('zx.question', waits('stream'));
  t.api(['zx.glob', 'zx.which'], waits('disk'));
  t.api(['zx.cd', 'zx.echo'], cheap());
  // retry(count, [delay], fn) and spinner([title], fn) run fn, their last argument.
  t.api(['zx.retry', 'zx.spinner'], { does: 'task', returnsPromise: true, callback: { argument: 'last', runs: 'task' } });

  t.api(['cross-spawn', 'cross-spawn.spawn'], spawns('process', { instance: 'child_process.ChildProcess' }));
  t.api('cross-spawn.sync', blocks('cross-spawn', { wait: 'process' }));
}

function addPools(t: TableBuilder): void {
  t.api(['piscina', 'piscina.Piscina'], pools({ what: 'thread', sizeOptions: ['maxThreads'], defaultSize: 'cores*1.5' }, { newable: true, instance: 'piscina.Piscina' }));
  t.type('piscina.Piscina', { extends: 'events.EventEmitter' });
  t.methods('piscina.Piscina', ['run', 'runTask'], dispatches());
  t.methods('piscina.Piscina', ['destroy', 'close'], waits('thread-pool', { cost: COST.startup }));

  // tinypool's default runtime is worker_threads; `runtime: 'child_process'` makes it a process pool.
  t.api(['tinypool', 'tinypool.Tinypool'], pools({ what: 'thread', sizeOptions: ['maxThreads'], defaultSize: 'cores' }, { newable: true, instance: 'tinypool.Tinypool' }));
  t.type('tinypool.Tinypool', { extends: 'events.EventEmitter' });
  t.methods('tinypool.Tinypool', ['run'], dispatches());
  t.methods('tinypool.Tinypool', ['destroy', 'recycleWorkers'], waits('thread-pool', { cost: COST.startup }));
  t.methods('tinypool.Tinypool', ['cancelPendingTasks'], cheap());

  t.api('workerpool.pool', pools({ what: 'thread', sizeOptions: ['maxWorkers'], defaultSize: 'cores-1' }, { instance: 'workerpool.Pool' }));
  t.type('workerpool.Pool', {});
  t.methods('workerpool.Pool', ['exec'], dispatches());
  t.methods('workerpool.Pool', ['proxy'], waits('thread-pool', { cost: COST.startup, instance: 'workerpool.Proxy' }));
  t.methods('workerpool.Pool', ['terminate'], waits('thread-pool', { cost: COST.startup }));
  t.methods('workerpool.Pool', ['stats'], cheap());
  t.type('workerpool.Proxy', { methodDefault: dispatches() });
  t.api(['workerpool.worker', 'workerpool.workerEmit'], cheap());

  // threads.js: `new Worker(file)` starts the thread; `spawn(worker)` waits until it is ready and returns a proxy.
  t.api(['threads.Worker', 'threads.BlobWorker'], spawns('thread', { newable: true, instance: 'threads.Worker' }));
  t.type('threads.Worker', {});
  t.api('threads.spawn', waits('thread-pool', { cost: COST.startup, instance: 'threads.ModuleThread' }));
  t.type('threads.ModuleThread', { methodDefault: dispatches(), call: dispatches() });
  t.api('threads.Thread.terminate', waits('thread-pool', { cost: COST.startup }));
  t.api('threads.Pool', pools({ what: 'thread', sizeOptions: ['size'], sizeArgument: 1, defaultSize: 'cores' }, { instance: 'threads.Pool' }));
  t.type('threads.Pool', {});
  t.methods('threads.Pool', ['queue'], dispatches({ callback: { argument: 0, runs: 'task' } }));
  t.methods('threads.Pool', ['completed', 'settled', 'terminate'], waits('thread-pool'));
  t.methods('threads.Pool', ['events'], cheap());

  const poolifier: Array<[string, 'thread' | 'process', number]> = [
    ['FixedThreadPool', 'thread', 0], ['DynamicThreadPool', 'thread', 1], ['FixedClusterPool', 'process', 0], ['DynamicClusterPool', 'process', 1],
  ];
  for (const [name, what, sizeArgument] of poolifier) {
    t.api(`poolifier.${name}`, pools({ what, sizeOptions: [], sizeArgument, defaultSize: 'required' }, { newable: true, instance: 'poolifier.Pool' }));
  }
  t.type('poolifier.Pool', {});
  t.methods('poolifier.Pool', ['execute', 'mapExecute'], dispatches());
  t.methods('poolifier.Pool', ['destroy'], waits('thread-pool', { cost: COST.startup }));
  t.methods('poolifier.Pool', ['start'], cheap());

  // comlink: every call through the proxy posts a message to the worker and waits for the answer.
  t.api('comlink.wrap', makes('comlink.Remote'));
  t.type('comlink.Remote', { call: dispatches(), methodDefault: dispatches(), otherProperties: 'comlink.Remote' });
  t.api(['comlink.expose', 'comlink.transfer', 'comlink.proxy'], cheap());
}

function addLimiters(t: TableBuilder): void {
  const concurrencyOption = { sizeOptions: ['concurrency'] };
  t.api('p-limit', limiter({ ...concurrencyOption, sizeArgument: 0, defaultSize: 'required' }, { instance: 'p-limit.Limit' }));
  t.type('p-limit.Limit', { call: runsTask(0) });
  t.methods('p-limit.Limit', ['clearQueue'], cheap());
  // limitFunction(fn, { concurrency }) returns fn wrapped in its own limiter.
  t.api('p-limit.limitFunction', limiter({ ...concurrencyOption, defaultSize: 'required' }, { instance: 'p-limit.LimitedFunction' }));
  t.type('p-limit.LimitedFunction', { call: { does: 'task', returnsPromise: true } });

  const unbounded = { ...concurrencyOption, defaultSize: 'unbounded' as const };
  t.api('p-map', { does: 'task', returnsPromise: true, callback: { argument: 1, runs: 'per-item' }, limit: unbounded });
  t.api('p-map.pMapSettled', { does: 'task', returnsPromise: true, callback: { argument: 1, runs: 'per-item' }, limit: unbounded });
  t.api('p-map.pMapIterable', { does: 'task', returnsPromise: false, asyncIterable: 'unknown', callback: { argument: 1, runs: 'per-item' }, limit: unbounded });

  t.api('p-queue', limiter(unbounded, { newable: true, instance: 'p-queue.PQueue' }));
  t.type('p-queue.PQueue', { extends: 'events.EventEmitter' });
  t.methods('p-queue.PQueue', ['add'], runsTask(0));
  t.methods('p-queue.PQueue', ['addAll'], { does: 'task', returnsPromise: true, callback: { argument: 0, runs: 'per-item' } });
  // These wait for the queue's own tasks to drain: what that waits on is whatever the tasks do.
  t.methods('p-queue.PQueue', ['onIdle', 'onEmpty', 'onSizeLessThan', 'onPendingZero'], waits('unknown'));
  t.methods('p-queue.PQueue', ['clear', 'pause', 'start', 'sizeBy'], cheap());

  t.api('bottleneck', limiter({ sizeOptions: ['maxConcurrent'], defaultSize: 'unbounded' }, { newable: true, instance: 'bottleneck.Bottleneck' }));
  t.type('bottleneck.Bottleneck', {});
  // schedule([options], fn, ...args): the function is the first function argument.
  t.methods('bottleneck.Bottleneck', ['schedule'], runsTask(0));
  t.methods('bottleneck.Bottleneck', ['wrap'], makes('bottleneck.Wrapped'));
  // stop() resolves once the jobs already running have finished.
  t.methods('bottleneck.Bottleneck', ['stop'], waits('unknown'));
  t.methods('bottleneck.Bottleneck', ['on', 'once'], registers(1));
  t.methods('bottleneck.Bottleneck', ['updateSettings', 'counts', 'jobStatus', 'jobs', 'empty', 'queued'], cheap());
  t.type('bottleneck.Wrapped', { call: { does: 'task', returnsPromise: true } });

  t.api('async-sema.Sema', limiter({ sizeOptions: [], sizeArgument: 0, defaultSize: 'required' }, { newable: true, instance: 'async-sema.Sema' }));
  t.type('async-sema.Sema', {});
  t.methods('async-sema.Sema', ['acquire', 'drain'], waits('lock'));
  t.methods('async-sema.Sema', ['release', 'tryAcquire', 'nrWaiting'], cheap());
  // RateLimit(rps) returns a function to await before each call: it waits until the rate allows.
  t.api('async-sema.RateLimit', limiter({ sizeOptions: [], sizeArgument: 0, defaultSize: 'required' }, { instance: 'async-sema.RateLimiter' }));
  t.type('async-sema.RateLimiter', { call: waits('timer') });

  const lock: Behaviour = waits('lock');
  t.api('async-mutex.Mutex', limiter({ sizeOptions: [], defaultSize: 1 }, { newable: true, instance: 'async-mutex.Mutex' }));
  t.api('async-mutex.Semaphore', limiter({ sizeOptions: [], sizeArgument: 0, defaultSize: 'required' }, { newable: true, instance: 'async-mutex.Mutex' }));
  t.type('async-mutex.Mutex', {});
  t.methods('async-mutex.Mutex', ['acquire', 'waitForUnlock'], lock);
  t.methods('async-mutex.Mutex', ['runExclusive'], runsTask(0, { wait: 'lock' }));
  t.methods('async-mutex.Mutex', ['release', 'isLocked', 'cancel', 'getValue', 'setValue'], cheap());
}
