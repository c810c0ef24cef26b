/**
 * What calling a function of this file does to the caller's thread, in the
 * terms a module summary carries (CallEffect): whether it returns a promise,
 * waits (on what, known or guessed), blocks, computes work that grows with its
 * input, hands work to other threads, can reject, or limits its own
 * concurrency. Local and imported callees are folded in. One answer per
 * function, memoised: the summary of exports, the rules and the hovers read it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { KNOWLEDGE_COST as COST, type WaitKind } from '../knowledge/behaviour';
import type { FunctionInfo, Model, Segment } from '../model/types';
import type { CallEffect, SourceSite } from '../project/summaryTypes';
import { cpuWork } from './cpuWork';
import { outcomeByEvent } from './outcomeByEvent';
import { cannotReject } from './rejection';
import { isFunctionNode } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

const NOTHING: CallEffect = { returnsPromise: false, waits: null, blocks: null, computes: null, offload: null, canReject: false, limited: false };

const cache = new WeakMap<Model, Map<number, CallEffect>>();

export function effectOf(model: Model, fn: FunctionInfo): CallEffect {
  let memo = cache.get(model);
  if (!memo) cache.set(model, (memo = new Map()));
  const known = memo.get(fn.id);
  if (known) return known;
  memo.set(fn.id, NOTHING); // recursion: a cycle adds nothing
  const effect = computeEffect(model, fn, memo);
  memo.set(fn.id, effect);
  return effect;
}

interface Walk {
  kinds: Set<WaitKind>;
  certain: boolean;
  waits: boolean;
  /** Some wait takes a real round trip (not only quick file-metadata waits). */
  slow: boolean;
  blocks: (SourceSite & { api: string }) | null;
  spawns: boolean;
  pools: boolean;
  limited: boolean;
}

function computeEffect(model: Model, fn: FunctionInfo, memo: Map<number, CallEffect>): CallEffect {
  const walk: Walk = { kinds: new Set(), certain: false, waits: false, slow: false, blocks: null, spawns: false, pools: false, limited: false };
  visit(model, fn.segments, walk, memo);
  // An async function that loads code by a computed name (`require(path)`, a plugin or a migration) waits on
  // loading code as far as its callers are concerned: they load one module after another on purpose.
  if (fn.async && loadsCodeByName(fn)) {
    walk.waits = true;
    walk.slow = true;
    walk.certain = true;
    walk.kinds.add('module');
  }
  const work = cpuWork(model);
  const site = work.computeSite(fn);
  const heavy = work.heavySite(fn);
  const returnsPromise = fn.async || returnsAPromise(fn, walk);
  return {
    returnsPromise,
    waits: walk.waits ? { kinds: [...walk.kinds].sort(), certain: walk.certain, ...(walk.slow ? {} : { quick: true as const }) } : null,
    blocks: walk.blocks,
    computes: site && !fn.summary.waitsOnIo ? { line: site.origin.span.line, column: site.origin.span.column, label: site.origin.label, heavy: heavy !== null } : null,
    offload: walk.spawns ? 'spawn' : walk.pools ? 'pool' : null,
    canReject: returnsPromise && !cannotReject(model, fn.node),
    limited: walk.limited,
    ...(settlesAtOnce(fn) ? { settlesAtOnce: true as const } : {}),
    ...(outcomeByEvent(fn) ? { outcomeByEvent: true as const } : {}),
  };
}

function visit(model: Model, list: readonly Segment[], walk: Walk, memo: Map<number, CallEffect>): void {
  for (const seg of list) {
    switch (seg.kind) {
      case 'io':
        walk.waits = true;
        if (seg.latency > COST.quickWait) walk.slow = true;
        if (seg.wait) walk.kinds.add(seg.wait);
        if (!seg.uncertain) walk.certain = true;
        break;
      case 'blocking':
        walk.blocks ??= { api: seg.api, line: seg.span.line, column: seg.span.column, label: seg.label };
        break;
      case 'worker':
        if (seg.spawns) walk.spawns = true;
        else walk.pools = walk.limited = true;
        break;
      case 'loop': {
        const before = walk.waits;
        walk.waits = false;
        visit(model, seg.body, walk, memo);
        // A quick wait once per item of a collection is not quick any more.
        if (walk.waits) walk.slow = true;
        walk.waits ||= before;
        break;
      }
      case 'fork':
        for (const task of seg.tasks) visit(model, task, walk, memo);
        break;
      case 'call': {
        if (seg.calleeName === '<task>') walk.limited = true;
        const inner = seg.external ? seg.external.effect : seg.calleeId >= 0 ? effectOf(model, model.functions[seg.calleeId]) : null;
        if (!inner) break;
        if (inner.waits) {
          walk.waits = true;
          if (!inner.waits.quick) walk.slow = true;
          inner.waits.kinds.forEach((kind) => walk.kinds.add(kind));
          walk.certain ||= inner.waits.certain;
        }
        // A blocking call deep in a local helper is reported where it is; the summary points at the nearest one.
        if (inner.blocks && !walk.blocks) walk.blocks = seg.external ? { ...inner.blocks, label: `${seg.label} → ${inner.blocks.label}` } : inner.blocks;
        if (inner.offload === 'spawn') walk.spawns = true;
        if (inner.offload === 'pool') walk.pools = true;
        walk.limited ||= inner.limited;
        break;
      }
      case 'cpu':
        break;
    }
  }
}

/** Async, not a generator, and no `await` or `for await` of its own (the same fact async-without-await reads). */
export function settlesAtOnce(fn: FunctionInfo): boolean {
  return fn.async && !fn.generator && fn.kind !== 'module' && fn.sites.awaits.length === 0;
}

/** `require(x)` with a computed specifier in the function's own body: module loading chosen at run time. */
function loadsCodeByName(fn: FunctionInfo): boolean {
  return fn.sites.calls.some(({ node }) => {
    if (node.type !== T.CallExpression || node.callee.type !== T.Identifier || node.callee.name !== 'require') return false;
    const spec = node.arguments[0];
    return !!spec && !(spec.type === T.Literal && typeof spec.value === 'string');
  });
}

/** A sync function that hands back a promise: it returns a call that waits (`return fetch(url)`, `return pool.run(x)`). */
function returnsAPromise(fn: FunctionInfo, walk: Walk): boolean {
  if (fn.kind === 'module' || fn.generator) return false;
  const node = fn.node as TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
  if (!isFunctionNode(node)) return false;
  if (node.body.type !== T.BlockStatement) return returnedWaits(fn, node.body, walk);
  let found = false;
  const statements = [...node.body.body];
  while (statements.length > 0 && !found) {
    const statement = statements.pop()!;
    if (statement.type === T.ReturnStatement) found = !!statement.argument && returnedWaits(fn, statement.argument, walk);
    else if (statement.type === T.IfStatement) statements.push(statement.consequent, ...(statement.alternate ? [statement.alternate] : []));
    else if (statement.type === T.BlockStatement) statements.push(...statement.body);
    else if (statement.type === T.TryStatement) statements.push(statement.block);
  }
  return found;
}

/** The returned expression is a call or `new Promise` whose work this function's flow waits for. */
function returnedWaits(fn: FunctionInfo, value: TSESTree.Node, walk: Walk): boolean {
  if (value.type === T.NewExpression && value.callee.type === T.Identifier && value.callee.name === 'Promise') return true;
  if (value.type !== T.CallExpression) return false;
  const site = fn.sites.calls.find((s) => s.node === value);
  if (site?.external) return site.external.effect.returnsPromise;
  return walk.waits || walk.pools || walk.spawns;
}
