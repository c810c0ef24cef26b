/**
 * Promise.all over `xs.map(async (x) => io(x))` where xs can be any size and
 * nothing limits how many run at once: every request, file handle or query is
 * opened together. Bounded collections (literals, `.slice(0, 10)`, chunks) and
 * limited callbacks (p-limit, p-queue, a semaphore) stay silent.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model } from '../model/types';
import { collectionSize } from '../facts/collections';
import { contextOf } from '../facts/context';
import { effectOf } from '../facts/effects';
import { defineRule } from './ruleTypes';
import { calleeName, functionOfNode, isFunctionNode, isVisibleFrom, shortText, unwrap } from '../facts/waits';
import { findDeclaration } from '../facts/declarations';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

const LIMITER_MODULES = /^(p-limit|p-queue|p-throttle|p-map|bottleneck|async-sema|@supercharge\/promise-pool|limiter|async-mutex|semaphore|await-semaphore)$/;
/** Names of limiters, and the methods that run a task under one. */
const LIMITER_NAME = /(limit|throttle|queue|sema(phore)?|mutex|bottleneck|pool|gate|ratelimit)/i;
const LIMITER_METHODS = /^(add|schedule|run|acquire|runExclusive|wrap|use|submit|exec)$/;

export const unboundedFanout = defineRule({
  meta: {
    id: 'unbounded-fanout',
    description: 'Promise.all over a map of a collection of unknown size that does I/O, with no limit on how many run at once.',
    defaultSeverity: 'info',
    docs: 'docs/rules/unbounded-fanout.md',
    picture: 'limit concurrency',
  },
  check(context) {
    const { model } = context;
    for (const fn of model.functions) {
      for (const site of fn.sites.calls) {
        if (site.api !== 'Promise.all' && site.api !== 'Promise.allSettled') continue;
        const call = site.node as TSESTree.CallExpression;
        const mapCall = mapCallOf(call.arguments[0]);
        if (!mapCall) continue;
        const callback = callbackOf(model, fn, mapCall.arguments[0]);
        // The callback must really wait (a known API, or a callee whose summary waits), and nothing inside may cap it already.
        const effect = callback ? effectOf(model, callback) : null;
        if (!callback || !effect?.waits?.certain || effect.limited || usesLimiter(model, callback)) continue;
        const items = (mapCall.callee as TSESTree.MemberExpression).object;
        // A parameter of a function whose callers are unknown (an exported helper) is only likely to be large: strict.
        const size = collectionSize(model, items);
        if (size === 'bounded' || size === 'unknown') continue;
        // A flood hurts where the thread serves others (a server's sockets, its pool, its database); a one-shot
        // tool's listing of its own folder is small by nature and has the machine to itself.
        const where = contextOf(model, fn).kind;
        if (where === 'one-shot' || where === 'worker') continue;
        const certain = size === 'outside' && where === 'hot';
        const what = shortText(model, items, 30);
        context.report({
          fn,
          span: context.spanOf(call),
          message: `${site.api} starts the callback's I/O for every element of \`${what}\` at the same moment, with no cap: a large \`${what}\` means that many open requests, sockets or file handles at once. More waits in flight help only until the other side is saturated; cap them with p-limit or process fixed-size chunks.`,
          related: [{ span: context.spanOf(mapCall), message: 'one task per element, all started together' }],
          lowerSeverity: !certain,
        });
      }
    }
  },
});

/** `xs.map(cb)`, directly or through `const tasks = xs.map(cb)`. */
function mapCallOf(arg: Node | undefined): TSESTree.CallExpression | null {
  if (!arg) return null;
  let node = unwrap(arg);
  if (node.type === T.Identifier) {
    const decl = findDeclaration(node.name, node);
    if (!decl || decl.type !== T.VariableDeclarator || !decl.init || (decl.parent as TSESTree.VariableDeclaration).kind !== 'const') return null;
    node = unwrap(decl.init);
  }
  if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression || node.callee.computed) return null;
  if (node.callee.property.type !== T.Identifier || node.callee.property.name !== 'map' || !node.arguments[0]) return null;
  return node;
}

/** The model's function for the map callback: an inline function, or a local function passed by name. */
function callbackOf(model: Model, fn: FunctionInfo, callback: Node): FunctionInfo | null {
  const node = unwrap(callback);
  if (isFunctionNode(node)) return functionOfNode(model, node) ?? null;
  if (node.type !== T.Identifier) return null;
  return model.functions.find((f) => f.name === node.name && f.kind !== 'module' && isVisibleFrom(model, f, fn)) ?? null;
}

/** p-limit's `limit(() => ...)`, p-queue's `queue.add(...)`, a semaphore's `acquire()`, inside the callback. */
function usesLimiter(model: Model, callback: FunctionInfo): boolean {
  for (const site of callback.sites.calls) {
    if (site.node.type !== T.CallExpression) continue;
    const callee = unwrap(site.node.callee);
    const name = calleeName(site.node);
    if (callee.type === T.Identifier) {
      if (LIMITER_NAME.test(callee.name) || isLimiterBinding(model, callee.name, callee)) return true;
    } else if (callee.type === T.MemberExpression && name) {
      const receiver = model.text.slice(callee.object.range[0], callee.object.range[1]);
      if (name === 'acquire' || name === 'runExclusive') return true;
      if (LIMITER_METHODS.test(name) && (LIMITER_NAME.test(receiver) || (callee.object.type === T.Identifier && isLimiterBinding(model, callee.object.name, callee.object)))) return true;
    }
  }
  return false;
}

/** `const limit = pLimit(4)` / `const queue = new PQueue({ concurrency: 4 })` with the factory imported from a limiter package. */
function isLimiterBinding(model: Model, name: string, from: Node): boolean {
  const decl = findDeclaration(name, from);
  if (!decl || decl.type !== T.VariableDeclarator || !decl.init) return false;
  const init = unwrap(decl.init);
  if (init.type !== T.CallExpression && init.type !== T.NewExpression) return false;
  let root: Node = init.callee;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier) return false;
  const binding = model.imports.get(root.name);
  return !!binding && LIMITER_MODULES.test(binding.module);
}
