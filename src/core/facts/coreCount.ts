/**
 * How many times something repeats, read from the syntax: tied to the core
 * count (`os.cpus().length`, `availableParallelism()`, `navigator.hardwareConcurrency`
 * and values derived from them), a fixed literal, once per item of a collection,
 * or a configured value we cannot see (left alone).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, LoopNode, Model } from '../model/types';
import { findBinding, modelIndex, propertyName, unwrap, walkLocal } from './callbacks';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

const MAX_DEPTH = 6;
const CORE_APIS = new Set(['os.cpus', 'os.availableParallelism']);
const ARRAY_VIEWS = new Set(['fill', 'keys', 'values', 'entries', 'map', 'filter', 'slice', 'flat']);
/** A collection of workers, threads or slots (`this.workers`, `threadSlots`) was sized elsewhere: walking it is not "per item". */
const WORKERISH = /^(\w*workers?|\w*threads?|\w*slots?|cpus?|cores?|processes)$/i;

function workerish(scope: Scope, node: TSESTree.Node): boolean {
  const last = /[\w$]+$/.exec(scope.model.text.slice(node.range[0], node.range[1]));
  return !!last && WORKERISH.test(last[0]);
}

/** How many times something repeats: tied to the cores, a fixed number, once per item (unknown), or a configured value. */
export type Count = { kind: 'cores' } | { kind: 'literal'; n: number } | { kind: 'items' } | { kind: 'config' };
const CORES: Count = { kind: 'cores' };
const ITEMS: Count = { kind: 'items' };
const CONFIG: Count = { kind: 'config' };

export interface Scope {
  model: Model;
  fn: FunctionInfo;
}

export function isCoreTied(scope: Scope, expr: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  const again = (node: TSESTree.Node | null | undefined) => !!node && isCoreTied(scope, node, depth + 1);
  switch (e.type) {
    case T.CallExpression: {
      const api = modelIndex(scope.model).siteByNode.get(e)?.site.api;
      if (api && CORE_APIS.has(api)) return true;
      // Math.max(1, cores - 1), Math.min(items.length, cores), clamp(cores, ...), os.cpus().slice(...)
      return e.arguments.some(again) || (e.callee.type === T.MemberExpression && again(e.callee.object));
    }
    case T.MemberExpression:
      return propertyName(e) === 'hardwareConcurrency' || again(e.object);
    case T.Identifier: {
      if (scope.model.coreCountNames.has(e.name)) return true;
      return again(findBinding(e.name, e)?.init);
    }
    case T.BinaryExpression:
    case T.LogicalExpression:
      return again(e.left) || again(e.right);
    case T.ConditionalExpression:
      return again(e.consequent) || again(e.alternate);
    case T.UnaryExpression:
      return again(e.argument);
    default:
      return false;
  }
}

/** A numeric count: `16`, `os.cpus().length`, `items.length`, or something configured. */
export function countOf(scope: Scope, expr: TSESTree.Node, depth = 0): Count {
  if (depth > MAX_DEPTH) return CONFIG;
  if (isCoreTied(scope, expr)) return CORES;
  const e = unwrap(expr);
  if (e.type === T.Literal && typeof e.value === 'number') return { kind: 'literal', n: e.value };
  if (e.type === T.Identifier) {
    const binding = findBinding(e.name, e);
    if (!binding?.init) return CONFIG;
    const inner = countOf(scope, binding.init, depth + 1);
    // A literal is only trusted in a const: a `let` may be reassigned before use.
    return inner.kind === 'literal' && binding.kind !== 'const' ? CONFIG : inner;
  }
  let mentionsSize = false;
  const check = (node: TSESTree.Node) => {
    const member = unwrap(node);
    // `.length` is a collection's size; `.size` is as often a configured pool size (`this.size`), so it is not read.
    if (propertyName(member) === 'length' && member.type === T.MemberExpression && !workerish(scope, member.object)) mentionsSize = true;
  };
  check(e);
  walkLocal(e, check);
  return mentionsSize ? ITEMS : CONFIG;
}

/** How many items a collection has, as far as the syntax tells. */
export function sizeOf(scope: Scope, collection: TSESTree.Node, depth = 0): Count {
  if (depth > MAX_DEPTH) return ITEMS;
  if (isCoreTied(scope, collection)) return CORES;
  const e = unwrap(collection);
  if (e.type === T.ArrayExpression) {
    const first = e.elements[0];
    if (e.elements.length === 1 && first?.type === T.SpreadElement) return sizeOf(scope, first.argument, depth + 1);
    // A written list of distinct entries (`['a.js', 'b.js']`) is a fixed set of roles, not a guess at the machine.
    return e.elements.some((el) => el?.type === T.SpreadElement) ? ITEMS : CONFIG;
  }
  if ((e.type === T.CallExpression || e.type === T.NewExpression) && e.callee.type === T.Identifier && e.callee.name === 'Array' && e.arguments.length === 1) {
    return countOf(scope, e.arguments[0], depth + 1);
  }
  if (e.type === T.CallExpression && e.callee.type === T.MemberExpression) {
    const method = propertyName(e.callee);
    const object = e.callee.object;
    if (object.type === T.Identifier && object.name === 'Array' && method === 'from' && e.arguments[0]) {
      const source = unwrap(e.arguments[0]);
      if (source.type === T.ObjectExpression) {
        const length = source.properties.find((p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'length');
        return length && length.type === T.Property ? countOf(scope, length.value, depth + 1) : CONFIG;
      }
      return sizeOf(scope, source, depth + 1);
    }
    // `files.slice(i, i + cores)`: a batch, bounded by its end, not by the collection.
    if ((method === 'slice' || method === 'splice') && e.arguments.length >= 2) return isCoreTied(scope, e.arguments[1]) ? CORES : CONFIG;
    if (method && ARRAY_VIEWS.has(method)) return sizeOf(scope, object, depth + 1);
  }
  if (e.type === T.Identifier) {
    const binding = findBinding(e.name, e);
    // The element of an outer loop is a batch (`for (const batch of chunks)`): its size is someone else's choice.
    if (binding?.kind === 'loop') return CONFIG;
    if (binding?.init) return sizeOf(scope, binding.init, depth + 1);
  }
  return workerish(scope, e) ? CONFIG : ITEMS;
}

/** Trip count of a loop: the collection of a for-of, the bound of a counting loop. */
export function loopCount(scope: Scope, loop: LoopNode): Count {
  if (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) return sizeOf(scope, loop.right);
  const test = loop.test;
  if (!test || (test.type === T.Literal && test.value === true)) return ITEMS; // for (;;), while (true)
  if (isCoreTied(scope, test) || (loop.type === T.ForStatement && loop.init && isCoreTied(scope, loop.init))) return CORES;
  const start = loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration ? loop.init.declarations[0]?.init : null;
  const from = start?.type === T.Literal && typeof start.value === 'number' ? start.value : 0;
  const comparisons = test.type === T.LogicalExpression && test.operator === '&&' ? [test.left, test.right] : [test];
  let result: Count = CONFIG;
  for (const part of comparisons) {
    let count: Count;
    if (part.type === T.BinaryExpression && ['<', '<=', '>', '>='].includes(part.operator)) {
      const upward = part.operator === '<' || part.operator === '<=';
      count = countOf(scope, upward ? part.right : part.left);
      if (count.kind === 'literal') count = { kind: 'literal', n: count.n - from + (part.operator.endsWith('=') ? 1 : 0) };
    } else count = countOf(scope, part);
    // With `&&` the loop stops at the smaller bound: a fixed number beats a collection size.
    if (count.kind === 'literal') return count;
    if (count.kind === 'items') result = ITEMS;
  }
  return result;
}
