/**
 * How big a collection can be, as far as the code tells: bounded by the code
 * itself (a literal list, a fixed-length slice, a chunk or page of a bigger
 * one, a configuration object's entries), or from outside (an awaited result
 * such as a query or a directory listing, a request's data, a parameter of a
 * function that serves others). unbounded-fanout reads it, and so do the
 * quick fixes that start a collection's waits together (await-in-loop,
 * async-foreach): an unbounded one gets a rewrite in fixed-size chunks.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Model } from '../model/types';
import { contextOf } from './context';
import { findDeclaration } from './declarations';
import { callTaking } from './threadContext';
import { calleeName, functionOfNode, isFunctionNode, unwrap } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

/** A collection named like one chunk of a bigger one is bounded by construction (a word of the name, singular). */
const CHUNK_WORDS = new Set(['chunk', 'batch', 'page', 'window', 'bucket', 'slice', 'part', 'shard']);
/** Zero-argument methods that reshape a collection without changing where it came from. */
const RESHAPERS = new Set(['reverse', 'flat', 'values', 'keys', 'entries', 'sort', 'toSorted', 'toReversed', 'slice', 'concat']);
const FILTERS = new Set(['filter', 'sort', 'reverse', 'toSorted', 'toReversed', 'map', 'flat']);

/** How large a collection may grow: `bounded` by the code, `outside` (unbounded), `likely` (a parameter whose callers are unknown), or `unknown`. */
export type CollectionSize = 'bounded' | 'outside' | 'likely' | 'unknown';

export function collectionSize(model: Model, collection: Node): CollectionSize {
  if (isBounded(collection, 0)) return 'bounded';
  if (fromOutside(model, collection, 0, false)) return 'outside';
  return fromOutside(model, collection, 0, true) ? 'likely' : 'unknown';
}

/** Whether the collection's size is bounded by the code: a literal, a slice with a fixed length, a chunk. */
export function isBounded(expr: Node, depth: number): boolean {
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
