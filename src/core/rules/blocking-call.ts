/**
 * A call that freezes the thread (sync I/O, sync crypto/zlib, execSync,
 * Atomics.wait, a busy-wait) inside code that shares the event loop with other
 * tasks: async functions, request/event handlers, and the functions written
 * inside them. Startup code (the top level, a `main()` only called from there,
 * an async IIFE), plain sync functions, test callbacks and worker files are
 * left alone: a CLI reading its config with readFileSync blocks nobody.
 */
import type { FunctionInfo, Segment } from '../model';
import { cpuWork } from './cpuWork';
import { isTestCallback, runsAtStartup } from './threadContext';
import { defineRule } from './ruleTypes';
import { isContextName } from '../naming';

/** Cheap for the sizes it is used with (a few random bytes), so not worth a finding. */
export const IGNORED_BLOCKING: ReadonlySet<string> = new Set(['crypto.randomFillSync']);

export const blockingCall = defineRule({
  meta: {
    id: 'blocking-call',
    description: 'Synchronous I/O, sync crypto/zlib, execSync, Atomics.wait or a busy-wait in async code or a handler: the whole event loop freezes.',
    defaultSeverity: 'error',
    docs: 'docs/rules/blocking-call.md',
    picture: 'the loop freezes',
  },
  check(context) {
    const work = cpuWork(context.model);
    if (work.workerFile) return; // blocking a worker's own thread is what workers are for
    const shared = new Set<number>();
    // Parents come before their children in model.functions, so one pass sees a parent's verdict first.
    for (const fn of context.model.functions) {
      if (fn.kind === 'module') continue;
      const inShared = fn.parentId !== null && shared.has(fn.parentId);
      const handler = work.servesEvents(fn);
      if (!fn.async && !handler && !inShared) continue;
      // Startup code (`main()` called from the top level, an async IIFE) and test callbacks block nobody, nor do their callbacks.
      if (!inShared && !handler && (runsAtStartup(context.model, fn) || isTestCallback(context.model, fn))) continue;
      shared.add(fn.id);
      const found: Extract<Segment, { kind: 'blocking' }>[] = [];
      collectBlocking(fn.segments, found);
      for (const seg of found) {
        if (IGNORED_BLOCKING.has(seg.api)) continue;
        context.report({ fn, span: seg.span, message: message(seg.api, where(fn, handler, inShared)) });
      }
    }
  },
});

/** Blocking segments of one function's own code (loop bodies and Promise.all tasks included). */
export function collectBlocking(list: readonly Segment[], out: Extract<Segment, { kind: 'blocking' }>[]): void {
  for (const seg of list) {
    if (seg.kind === 'blocking') out.push(seg);
    else if (seg.kind === 'loop') collectBlocking(seg.body, out);
    else if (seg.kind === 'fork') for (const task of seg.tasks) collectBlocking(task, out);
  }
}

function where(fn: FunctionInfo, handler: boolean, nested: boolean): string {
  const name = isContextName(fn.name) ? null : `\`${fn.name}\``;
  if (handler) return name ? `the handler ${name}` : 'this handler';
  if (fn.async) return name ? `async ${name}` : 'this async function';
  return nested ? 'a callback inside async code' : 'async code';
}

function message(api: string, place: string): string {
  if (api === 'busy-wait') {
    return `This loop spins on the clock in ${place}, freezing the event loop until the time is up: nothing else can run meanwhile. Wait without blocking: \`await setTimeout(ms)\` from 'timers/promises'.`;
  }
  const effect = /^(crypto|zlib|bcrypt|bcryptjs)\./.test(api)
    ? 'computes on the event-loop thread and holds it'
    : api === 'Atomics.wait'
      ? 'parks the event-loop thread'
      : api.startsWith('child_process.')
        ? 'holds the event loop until the command exits'
        : 'holds the event loop until the disk answers';
  return `\`${api}\` in ${place} ${effect}: every other request, timer and callback waits too. ${alternative(api)}`;
}

/** The non-blocking counterpart to suggest, in the words a user would search for. */
export function alternative(api: string): string {
  const [module, name] = splitApi(api);
  const base = name.replace(/Sync$/, '');
  switch (module) {
    case 'fs':
      return base === 'exists' ? 'Use `await fs.promises.access(...)` (or `stat`) instead.' : `Use \`await fs.promises.${base}(...)\` instead.`;
    case 'child_process':
      if (base === 'spawn') return 'Use `child_process.spawn` and wait for its `close` event instead.';
      return `Use \`child_process.${base}\` through \`util.promisify\` instead.`;
    case 'crypto':
    case 'zlib':
      return `Use \`${module}.${base}\` instead (callback or \`util.promisify\`): it runs on libuv's thread pool.`;
    case 'bcrypt':
    case 'bcryptjs':
      return `Use the promise form \`await ${module}.${base}(...)\` instead.`;
    case 'Atomics':
      return 'Use `await Atomics.waitAsync(...).value` instead.';
    default:
      return name.endsWith('Sync') ? `Use the asynchronous \`${module ? `${module}.` : ''}${base}\` instead.` : 'Use an asynchronous API instead.';
  }
}

function splitApi(api: string): [string, string] {
  const dot = api.lastIndexOf('.');
  return dot < 0 ? ['', api] : [api.slice(0, dot), api.slice(dot + 1)];
}
