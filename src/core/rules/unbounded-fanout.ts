/**
 * Promise.all over `xs.map(async (x) => io(x))` where xs can be any size and
 * nothing limits how many run at once: every request, file handle or query is
 * opened together. Bounded collections (literals, `.slice(0, 10)`, chunks) and
 * limited callbacks (p-limit, p-queue, a semaphore) stay silent.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionInfo, Model } from '../model/types';
import { contextOf } from '../facts/context';
import { callTaking } from '../facts/threadContext';
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
/** A collection named like one chunk of a bigger one is bounded by construction (a word of the name, singular). */
const CHUNK_WORDS = new Set(['chunk', 'batch', 'page', 'window', 'bucket', 'slice', 'part', 'shard']);
/** Zero-argument methods that reshape a collection without changing where it came from. */
const RESHAPERS = new Set(['reverse', 'flat', 'values', 'keys', 'entries', 'sort', 'toSorted', 'toReversed', 'slice', 'concat']);
const FILTERS = new Set(['filter', 'sort', 'reverse', 'toSorted', 'toReversed', 'map', 'flat']);

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
        if (isBounded(items, 0)) continue;
        // A parameter of a function whose callers are unknown (an exported helper) is only likely to be large: strict.
        const certain = fromOutside(model, items, 0, false);
        if (!certain && !fromOutside(model, items, 0, true)) continue;
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

/** Whether the collection's size is bounded by the code: a literal, a slice with a fixed length, a chunk. */
function isBounded(expr: Node, depth: number): boolean {
  if (depth > 4) return false;
  const node = unwrap(expr);
  switch (node.type) {
    case T.ArrayExpression:
      return node.elements.every((e) => !e || e.type !== T.SpreadElement || isBounded(e.argument, depth + 1));
    case T.Identifier: {
      if (isChunkName(node.name)) return true;
      const decl = findDeclaration(node.name, node);
      if (decl?.type !== T.VariableDeclarator) return false;
      const declaration = decl.parent as TSESTree.VariableDeclaration;
      if (decl.init && declaration.kind === 'const') return isBounded(decl.init, depth + 1);
      // `for (const group of chunk(items, 10))`: each item of a chunking helper is a chunk.
      const loop = declaration.parent;
      if (loop?.type === T.ForOfStatement && loop.left === declaration) {
        const source = unwrap(loop.right);
        const name = source.type === T.CallExpression ? calleeName(source) : null;
        return !!name && /chunk|batch|split|partition|paginate|pages|windows/i.test(name);
      }
      return false;
    }
    case T.MemberExpression: {
      // `page.items`, `batch.rows`: the object it hangs from names the chunk.
      let root: Node = node;
      while (root.type === T.MemberExpression) root = unwrap(root.object);
      return root.type === T.Identifier && isChunkName(root.name);
    }
    case T.CallExpression: {
      const callee = node.callee;
      if (callee.type !== T.MemberExpression || callee.property.type !== T.Identifier) return false;
      const method = callee.property.name;
      if (method === 'slice' || method === 'splice') return node.arguments.length === 2 && isFixedLength(node.arguments[1]) ? true : isBounded(callee.object, depth + 1);
      if (callee.object.type === T.Identifier && callee.object.name === 'Object' && /^(keys|values|entries)$/.test(method) && node.arguments[0]) {
        const target = unwrap(node.arguments[0]);
        if (target.type === T.ObjectExpression) return true;
        const decl = target.type === T.Identifier ? findDeclaration(target.name, target) : null;
        return decl?.type === T.VariableDeclarator && unwrap(decl.init ?? target).type === T.ObjectExpression;
      }
      if (callee.object.type === T.Identifier && callee.object.name === 'Array' && method === 'from') {
        const first = node.arguments[0] ? unwrap(node.arguments[0]) : null;
        if (first?.type === T.ObjectExpression) {
          const length = first.properties.find((p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'length');
          return !!length && length.type === T.Property && isConstant(length.value);
        }
        return !!first && isBounded(first, depth + 1);
      }
      return FILTERS.has(method) && isBounded(callee.object, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * Whether the collection comes from outside the code, so nothing bounds its size:
 * a parameter (`urls`, `req.body.rows`), an awaited result (a query, a directory
 * listing), `process.argv`. Collections the program holds itself (`this.pages()`,
 * a registry Set, `server.clients`) are its own live objects, not a flood of new work.
 */
function fromOutside(model: Model, expr: Node, depth: number, likely: boolean): boolean {
  if (depth > 6) return false;
  const again = (node: Node): boolean => fromOutside(model, node, depth + 1, likely);
  const node = unwrap(expr);
  switch (node.type) {
    case T.AwaitExpression:
      return true;
    case T.Identifier: {
      if (node.name === 'process') return true;
      const decl = findDeclaration(node.name, node);
      if (!decl) return false;
      if (decl.type !== T.VariableDeclarator) return parameterFromOutside(model, decl, likely);
      if (decl.init) return again(decl.init);
      const declaration = decl.parent as TSESTree.VariableDeclaration;
      const loop = declaration.parent;
      return (loop?.type === T.ForOfStatement || loop?.type === T.ForInStatement) && loop.left === declaration && again(loop.right);
    }
    case T.MemberExpression:
      return again(node.object);
    case T.CallExpression: {
      const callee = unwrap(node.callee);
      if (callee.type !== T.MemberExpression) return false;
      const receiver = unwrap(callee.object);
      // Object.keys(x), Array.from(x): the size of x.
      if (receiver.type === T.Identifier && (receiver.name === 'Object' || receiver.name === 'Array') && node.arguments[0]) return again(node.arguments[0]);
      // xs.filter(f), xs.slice(1), text.split('\n'), (await res.json()).items: derived from xs.
      const method = callee.property.type === T.Identifier ? callee.property.name : '';
      return node.arguments.length > 0 || receiver.type === T.AwaitExpression || RESHAPERS.has(method) ? again(receiver) : false;
    }
    case T.NewExpression:
      return !!node.arguments[0] && again(node.arguments[0]); // new Set(ids)
    case T.ArrayExpression:
      return node.elements.some((e) => e?.type === T.SpreadElement && again(e.argument));
    case T.ConditionalExpression:
      return again(node.consequent) || again(node.alternate);
    case T.LogicalExpression:
      return again(node.left) || again(node.right);
    default:
      return false;
  }
}

/**
 * A parameter's size comes from outside only where the function serves
 * others: a request, message or event handler, or a function such a handler
 * calls. A callback's parameters are whatever the API running it hands over
 * (a page of a batch, one chunk), and an exported function's callers are not
 * known: no evidence either way.
 */
function parameterFromOutside(model: Model, param: Node, likely: boolean): boolean {
  let owner: Node | undefined = param.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  const fn = owner ? functionOfNode(model, owner) : undefined;
  if (!fn) return false;
  const where = contextOf(model, fn);
  const isCallback = fn.kind === 'arrow' || fn.kind === 'function-expression';
  if (where.kind === 'unknown') return likely && !(isCallback && !!callTaking(model, fn.node));
  if (where.kind !== 'hot') return false;
  return !isCallback || !where.from;
}

/** `camelCase_words` -> words; true when one of them is a chunk word. */
function isChunkName(name: string): boolean {
  return name.split(/_|(?=[A-Z])/).some((word) => CHUNK_WORDS.has(word.toLowerCase()));
}

/**
 * `slice(0, 10)`, `slice(i, i + 10)`, `slice(start, start + BATCH_SIZE)`, `slice(0, limit)`:
 * an explicit end chosen by the author bounds the batch (`slice(0, xs.length)` does not).
 */
function isFixedLength(end: Node): boolean {
  const to = unwrap(end);
  if (isConstant(to) || to.type === T.Identifier) return true;
  return to.type === T.BinaryExpression && to.operator === '+' && (isConstant(to.right) || isConstant(to.left));
}

/** A number literal or an UPPER_CASE constant, or a `const` initialised with one. */
function isConstant(expr: Node): boolean {
  const node = unwrap(expr);
  if (node.type === T.Literal && typeof node.value === 'number') return true;
  if (node.type !== T.Identifier) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(node.name)) return true;
  const decl = findDeclaration(node.name, node);
  return decl?.type === T.VariableDeclarator && (decl.parent as TSESTree.VariableDeclaration).kind === 'const' && !!decl.init && unwrap(decl.init).type === T.Literal;
}
