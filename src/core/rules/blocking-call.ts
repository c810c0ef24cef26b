/**
 * A call that freezes the thread (sync I/O, sync crypto/zlib, execSync,
 * Atomics.wait, a busy-wait) where that thread serves other work. Where a
 * function runs is a fact of its own (facts/context.ts): request and event
 * handlers and what they call are hot; start-up code, tests, scripts and
 * worker files are not, and a CLI reading its config with readFileSync blocks
 * nobody. Async code whose callers are unknown (an exported function of a
 * library) is reported one level lower: it is likely, not certain, to share
 * its thread. A sync function of unknown context stays silent.
 */
import { spanOf } from '../model/spans';
import type { FunctionInfo, Model, Segment, Span } from '../model/types';
import { contextOf, type ContextFact } from '../facts/context';
import { defineRule } from './ruleTypes';
import { isContextName } from '../naming';

/** Cheap for the sizes it is used with (a few random bytes), so not worth a finding. */
export const IGNORED_BLOCKING: ReadonlySet<string> = new Set(['crypto.randomFillSync']);

export const blockingCall = defineRule({
  meta: {
    id: 'blocking-call',
    description: 'Synchronous I/O, sync crypto/zlib, execSync, Atomics.wait or a busy-wait where the thread serves other work: the whole event loop freezes.',
    defaultSeverity: 'error',
    docs: 'docs/rules/blocking-call.md',
    picture: 'the loop freezes',
  },
  check(context) {
    const { model } = context;
    for (const fn of model.functions) {
      const where = sharesThread(model, fn);
      if (!where) continue;
      const found: Extract<Segment, { kind: 'blocking' }>[] = [];
      collectBlocking(fn.segments, found);
      for (const seg of found) {
        if (IGNORED_BLOCKING.has(seg.api)) continue;
        context.report({ fn, span: seg.span, message: message(seg.api, placeOf(fn, where)), lowerSeverity: where.kind !== 'hot' });
      }
      // A helper of another file that blocks: reported here, at its call (its own file cannot know its callers).
      for (const site of fn.sites.calls) {
        const blocks = site.external?.effect.blocks;
        if (!site.external || !blocks || IGNORED_BLOCKING.has(blocks.api)) continue;
        const file = site.external.file;
        context.report({
          fn,
          span: spanOf(site.node),
          message: `\`${site.external.name}\` (${baseName(file)}) calls \`${blocks.api}\`, which ${effectOf(blocks.api)}; called from ${placeOf(fn, where)}, every other request, timer and callback waits too. ${alternative(blocks.api)}`,
          related: [{ span: pointSpan(blocks.line, blocks.column), message: `the blocking call: ${blocks.label}`, file }],
          lowerSeverity: where.kind !== 'hot',
        });
      }
    }
  },
});

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** A position in another file, as a span (its extent is not in the summary). */
function pointSpan(line: number, column: number): Span {
  return { line, column, endLine: line, endColumn: column + 1, start: 0, end: 0 };
}

/** The function's context when its thread may serve other work while it blocks, else null. */
function sharesThread(model: Model, fn: FunctionInfo): ContextFact | null {
  if (fn.kind === 'module') return null;
  const where = contextOf(model, fn);
  if (where.kind === 'hot') return where;
  // Unknown callers: async code is likely to share its thread; a plain sync helper says nothing either way.
  return where.kind === 'unknown' && runsInAsyncCode(model, fn) ? where : null;
}

/** Async itself, or a callback written inside async code (`paths.filter((p) => existsSync(p))`). */
function runsInAsyncCode(model: Model, fn: FunctionInfo): boolean {
  for (let current: FunctionInfo | null = fn; current && current.kind !== 'module'; current = current.parentId === null ? null : model.functions[current.parentId]) {
    if (current.async) return true;
    if (current.kind !== 'arrow' && current.kind !== 'function-expression') return false;
  }
  return false;
}

/** Blocking segments of one function's own code (loop bodies and Promise.all tasks included). */
export function collectBlocking(list: readonly Segment[], out: Extract<Segment, { kind: 'blocking' }>[]): void {
  for (const seg of list) {
    if (seg.kind === 'blocking') out.push(seg);
    else if (seg.kind === 'loop') collectBlocking(seg.body, out);
    else if (seg.kind === 'fork') for (const task of seg.tasks) collectBlocking(task, out);
  }
}

/** "in this handler", "in async `load`", "in `checkPassword` (called by `handle` (line 12), which serves other work on this thread)". */
function placeOf(fn: FunctionInfo, where: ContextFact): string {
  const name = isContextName(fn.name) ? null : `\`${fn.name}\``;
  const own = !where.from;
  if (own && where.kind === 'hot') return name ? `the handler ${name}` : 'this handler';
  const base = fn.async ? (name ? `async ${name}` : 'this async function') : name ?? (where.from ? 'a callback' : 'async code');
  return where.from && where.kind === 'hot' ? `${base} (${where.why})` : base;
}

function message(api: string, place: string): string {
  if (api === 'busy-wait') {
    return `This loop spins on the clock in ${place}, freezing the event loop until the time is up: nothing else can run meanwhile. Wait without blocking: \`await setTimeout(ms)\` from 'timers/promises'.`;
  }
  return `\`${api}\` in ${place} ${effectOf(api)}: every other request, timer and callback waits too. ${alternative(api)}`;
}

/** What a blocking API does to the thread, in a few words. */
function effectOf(api: string): string {
  if (/^(crypto|zlib|bcrypt|bcryptjs)\./.test(api)) return 'computes on the event-loop thread and holds it';
  if (api === 'Atomics.wait') return 'parks the event-loop thread';
  if (api.startsWith('child_process.')) return 'holds the event loop until the command exits';
  return 'holds the event loop until the disk answers';
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
