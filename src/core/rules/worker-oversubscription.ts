/**
 * A worker or process per item, or a pool size not tied to the core count.
 *
 * Two shapes teach "threads are not cores":
 *  (a) a spawn (`new Worker`, `child_process.fork/spawn/exec/execFile`,
 *      `cluster.fork`, threads.js `spawn`) or a pool constructor that runs once
 *      per item: inside a loop or an iterating callback (`.map`, `.forEach`,
 *      `Array.from(xs, cb)`), directly or through local helpers and promise
 *      executors, unless the repetition is bounded by the core count or the
 *      loop waits for each one before starting the next;
 *  (b) a fixed literal size: a loop `i < 16` around a spawn, or a pool built
 *      with `maxThreads: 16`, `Pool(fn, 8)`, `new FixedThreadPool(8, file)`.
 * Literal counts of 1 or 2 stay silent (see the docs page).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { ITERATING_METHODS } from '../model/names';
import type { CallSite, FunctionInfo, LoopNode, Model, Span } from '../model/types';
import { findBinding, modelIndex, propertyName, unwrap, type SiteRef } from '../facts/callbacks';
import { countOf, loopCount, sizeOf, type Count } from '../facts/coreCount';
import { defineRule, type RelatedSpan, type RuleContext } from './ruleTypes';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Fixed counts up to this stay silent: one or two threads fit any machine that runs Node. */
export const LITERAL_LIMIT = 2;
const MAX_DEPTH = 6;

const SPAWNS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  'worker_threads.Worker': 'worker thread',
  Worker: 'worker thread',
  'threads.spawn': 'worker thread',
  'threads.Worker': 'worker thread',
  'child_process.fork': 'child process',
  'child_process.spawn': 'child process',
  'child_process.exec': 'child process',
  'child_process.execFile': 'child process',
  'cluster.fork': 'cluster process',
});
const POOLS = new Set(['piscina', 'piscina.Piscina', 'tinypool', 'tinypool.Tinypool', 'workerpool.pool', 'threads.Pool', 'poolifier.FixedThreadPool', 'poolifier.FixedClusterPool', 'poolifier.DynamicThreadPool', 'poolifier.DynamicClusterPool']);

/**
 * The loop waits (an `await` around or after the spawn, in the same iteration)
 * before starting the next one. `await spawn(new Worker())` itself only waits
 * for start-up: the thread lives on, so that await does not count.
 */
function serialized(fn: FunctionInfo, loop: LoopNode, at: TSESTree.Node): boolean {
  return fn.sites.awaits.some((a) => a.node.type === T.AwaitExpression && a.loops.includes(loop) && a.node.range[1] > at.range[0] && (unwrap(a.node.argument) !== at || wrapsTheWork(fn, at)));
}

/**
 * `await runChild(args)` where `runChild` is a local function that starts the
 * process and settles when it is done: awaiting that call waits for the whole
 * run, so the loop starts one at a time. (`await spawn(new Worker())` from a
 * library only waits for start-up: the thread lives on.)
 */
function wrapsTheWork(fn: FunctionInfo, at: TSESTree.Node): boolean {
  if (at.type !== T.CallExpression) return false;
  const site = fn.sites.calls.find((s) => s.node === at);
  // A local function (a declaration or a `const` arrow, which also carries its name as api), not a library's spawn.
  return !!site && site.calleeId !== null && !site.known;
}

/** `await sem.acquire()` before the spawn: a semaphore or lock bounds how many run at once. */
function gated(fn: FunctionInfo, at: TSESTree.Node): boolean {
  return fn.sites.awaits.some((a) => {
    if (a.node.type !== T.AwaitExpression || a.node.range[1] > at.range[0]) return false;
    const arg = unwrap(a.node.argument);
    return arg.type === T.CallExpression && /^(acquire|acquireLock|lock|take)$/.test(propertyName(arg.callee) ?? '');
  });
}

type Verdict =
  | { kind: 'items'; where: TSESTree.Node; via: string[] }
  | { kind: 'literal'; n: number; where: TSESTree.Node; via: string[] };

interface Acc {
  product: number;
  cores: boolean;
  /** The first fixed-count repetition met, and the helpers crossed to reach it. */
  where: { node: TSESTree.Node; via: string[] } | null;
  via: string[];
}

/**
 * Follows the ways `node` (in `fn`) gets repeated, outwards: the loops around
 * it, the iterating call whose callback contains it, the promise executor or
 * IIFE it sits in, and the local callers of a named helper.
 */
function judge(model: Model, fn: FunctionInfo, node: TSESTree.Node, loops: LoopNode[], acc: Acc, visited: Set<number>): Verdict | null {
  const scope = { model, fn };
  const apply = (count: Count, where: TSESTree.Node): Verdict | null => {
    if (count.kind === 'items') return { kind: 'items', where, via: acc.via };
    if (count.kind === 'cores') acc = { ...acc, cores: true };
    if (count.kind === 'literal' && count.n > 1) acc = { ...acc, product: acc.product * count.n, where: acc.where ?? { node: where, via: acc.via } };
    return null;
  };
  for (let i = loops.length - 1; i >= 0; i--) {
    const count = loopCount(scope, loops[i]);
    if (count.kind !== 'cores' && serialized(fn, loops[i], node)) continue;
    const verdict = apply(count, loops[i]);
    if (verdict) return verdict;
  }
  if (gated(fn, node)) return null;
  const finish = (): Verdict | null => (!acc.cores && acc.where && acc.product > LITERAL_LIMIT ? { kind: 'literal', n: acc.product, where: acc.where.node, via: acc.where.via } : null);
  if (fn.kind === 'module' || visited.has(fn.id) || visited.size > MAX_DEPTH) return finish();
  visited = new Set(visited).add(fn.id);
  const index = modelIndex(model);
  const use = index.usedIn.get(fn.node);
  if (use) {
    const repeat = iteratingCount(model, use);
    if (repeat) return judgeAt(use, repeat);
    if (use.index === -1 || (use.site.node.type === T.NewExpression && use.site.api === 'Promise')) {
      return judge(model, use.fn, use.site.node, use.site.loops, acc, visited); // IIFE or promise executor: runs right there
    }
    return finish(); // a handler, timer or `.then` callback: not a repetition we can count
  }
  // A named helper: each local caller is a separate way in (each judged with what we have so far); the worst one decides.
  let literal: Verdict | null = null;
  let judged = false;
  const via = [...acc.via, fn.name];
  for (const caller of index.callers.get(fn.id) ?? []) {
    judged = true;
    const verdict = judge(model, caller.fn, caller.site.node, caller.site.loops, { ...acc, via }, visited);
    if (verdict?.kind === 'items') return verdict;
    literal ??= verdict;
  }
  for (const passed of index.passedByName.get(fn.id) ?? []) {
    const repeat = iteratingCount(model, passed);
    if (!repeat) continue;
    judged = true;
    const verdict = judgeAt(passed, repeat, via);
    if (verdict?.kind === 'items') return verdict;
    literal ??= verdict;
  }
  return judged ? literal : finish();

  function judgeAt(ref: SiteRef, repeat: Count, viaNames = acc.via): Verdict | null {
    if (repeat.kind === 'items') return { kind: 'items', where: ref.site.node, via: viaNames };
    let next = { ...acc, via: viaNames };
    if (repeat.kind === 'cores') next = { ...next, cores: true };
    if (repeat.kind === 'literal' && repeat.n > 1) next = { ...next, product: next.product * repeat.n, where: next.where ?? { node: ref.site.node, via: viaNames } };
    return judge(model, ref.fn, ref.site.node, ref.site.loops, next, visited);
  }
}

/** `xs.map(cb)` / `xs.forEach(cb)` / `Array.from(xs, cb)`: the callback runs once per item of xs. */
function iteratingCount(model: Model, use: SiteRef & { index: number }): Count | null {
  const call = use.site.node;
  if (call.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return null;
  const method = propertyName(call.callee);
  const scope = { model, fn: use.fn };
  const object = unwrap(call.callee.object);
  if (method === 'from' && object.type === T.Identifier && object.name === 'Array' && use.index === 1) {
    return sizeOf(scope, call); // Array.from({ length: n }, cb) has n items, like the array it builds
  }
  if (method && ITERATING_METHODS.has(method) && method !== 'sort' && method !== 'toSorted' && use.index === 0) return sizeOf(scope, call.callee.object);
  return null;
}

/** `maxThreads: 16`, `Pool(fn, 8)`, `new FixedThreadPool(8, file)`: the size expressions a pool is given. */
function poolSizes(api: string, call: TSESTree.CallExpression | TSESTree.NewExpression): { name: string; value: TSESTree.Node }[] {
  const args = call.arguments;
  const options = (arg: TSESTree.Node | undefined, names: string[]) => {
    let object = arg && unwrap(arg);
    if (object?.type === T.Identifier) {
      const binding = findBinding(object.name, object);
      object = binding?.kind === 'const' && binding.init ? unwrap(binding.init) : undefined;
    }
    if (object?.type !== T.ObjectExpression) return [];
    const out: { name: string; value: TSESTree.Node }[] = [];
    for (const prop of object.properties) {
      if (prop.type !== T.Property || prop.computed) continue;
      const key = prop.key.type === T.Identifier ? prop.key.name : prop.key.type === T.Literal ? String(prop.key.value) : '';
      if (names.includes(key)) out.push({ name: key, value: prop.value });
    }
    return out;
  };
  if (api.startsWith('piscina') || api.startsWith('tinypool')) return options(args[0], ['maxThreads', 'minThreads']);
  if (api === 'workerpool.pool') return args.flatMap((arg) => options(arg, ['maxWorkers', 'minWorkers']));
  if (api === 'threads.Pool') {
    const size = args[1] && unwrap(args[1]);
    return size?.type === T.ObjectExpression ? options(size, ['size']) : size ? [{ name: 'size', value: size }] : [];
  }
  if (api.includes('Fixed')) return args[0] ? [{ name: 'size', value: args[0] }] : [];
  return args.slice(0, 2).map((value, i) => ({ name: i === 0 ? 'minimum size' : 'maximum size', value }));
}

export const workerOversubscription = defineRule({
  meta: {
    id: 'worker-oversubscription',
    description: 'A worker or process started per item, or a pool whose size is a fixed number instead of the core count.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/worker-oversubscription.md',
    picture: 'threads are not cores',
  },
  check(context) {
    const { model } = context;
    // threads.js `spawn(new Worker(file))` is one thread: report the spawn, not the Worker inside it.
    const insideSpawn = new Set<TSESTree.Node>();
    for (const fn of model.functions) {
      for (const site of fn.sites.calls) if (site.api === 'threads.spawn') site.node.arguments.forEach((arg) => insideSpawn.add(unwrap(arg)));
    }
    for (const fn of model.functions) {
      for (const site of fn.sites.calls) {
        if (!site.api || insideSpawn.has(site.node)) continue;
        const what = SPAWNS[site.api] ?? (POOLS.has(site.api) ? 'worker pool' : null);
        if (what) checkSite(context, fn, site, what);
      }
    }
  },
});

function checkSite(context: RuleContext, fn: FunctionInfo, site: CallSite, what: string): void {
  const { model } = context;
  const node = site.node;
  const label = `${node.type === T.NewExpression ? 'new ' : ''}${context.textOf(node.callee).replace(/\s+/g, ' ').slice(0, 40)}`;
  const span = headSpan(context, node);
  const lanes = what.endsWith('process') ? 'Processes' : 'Threads';
  const advice = `${lanes} are not cores: past the core count, extra ones add start-up and switching cost, not speed`;
  const verdict = judge(model, fn, node, site.loops, { product: 1, cores: false, where: null, via: [] }, new Set());
  const through = (via: string[]) => (via.length > 0 ? ` (through ${via.map((name) => `\`${name}\``).join(' → ')})` : '');
  if (verdict?.kind === 'items') {
    const repeated = repeatedText(context, verdict.where);
    context.report({
      fn,
      span,
      message: `\`${label}\` starts a ${what} for every ${repeated}${through(verdict.via)}. ${advice}; create one pool sized from os.availableParallelism() and hand it the items.`,
      related: [{ span: context.spanOf(verdict.where), message: `repeated once per item here` }],
    });
    return;
  }
  if (what === 'worker pool') {
    let worst: { name: string; n: number; value: TSESTree.Node } | null = null;
    for (const size of poolSizes(site.api!, node)) {
      const count = countOf({ model, fn }, size.value);
      if (count.kind === 'literal' && count.n > LITERAL_LIMIT && (!worst || count.n > worst.n)) worst = { name: size.name, n: count.n, value: size.value };
    }
    if (worst) {
      context.report({
        fn,
        span,
        message: `\`${label}\` has a fixed ${worst.name} of ${worst.n} instead of the machine's core count. ${advice}; size it from os.availableParallelism() or keep the library's default.`,
        related: [{ span: context.spanOf(worst.value), message: `fixed size ${worst.n}` }],
      });
      return;
    }
  }
  if (verdict?.kind === 'literal') {
    const related: RelatedSpan[] = [{ span: context.spanOf(verdict.where), message: `repeats ${verdict.n} times` }];
    context.report({
      fn,
      span,
      message: `\`${label}\` runs ${verdict.n} times here${through(verdict.via)}: ${verdict.n} ${plural(what)} is a fixed guess, not the machine's core count. ${advice}; use os.availableParallelism() for the count.`,
      related,
    });
  }
}

function plural(what: string): string {
  return what.endsWith('process') ? `${what}es` : `${what}s`;
}

/** `for (const file of files)` -> "iteration of `for (const file of files)`"; `files.map(cb)` -> "item of `files`". */
function repeatedText(context: RuleContext, where: TSESTree.Node): string {
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(/\s+/g, ' ');
  if (where.type === T.CallExpression && where.callee.type === T.MemberExpression) {
    const object = unwrap(where.callee.object);
    const source = object.type === T.Identifier && object.name === 'Array' && where.arguments[0] ? where.arguments[0] : object;
    return `item of \`${short(context.textOf(source))}\``;
  }
  const loop = where as LoopNode;
  const text = context.textOf(loop);
  const head = loop.type === T.DoWhileStatement ? `while (${context.textOf(loop.test)})` : text.slice(0, loop.body.range[0] - loop.range[0]).trim();
  return `iteration of \`${short(head)}\``;
}

/** From `new`/the callee start to the callee end: `new Worker`, `cp.fork`, `new Piscina`. */
function headSpan(context: RuleContext, node: TSESTree.CallExpression | TSESTree.NewExpression): Span {
  const start = context.spanOf(node);
  const end = context.spanOf(node.callee);
  return { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn, start: start.start, end: end.end };
}
