/**
 * What kind of collection an expression is, when the syntax says so (a
 * literal, a constructor, an annotation, a known API that returns an array):
 * async-foreach's predicate check and its quick fixes read it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Model } from '../model/types';
import { findBinding, modelIndex, propertyName, unwrap } from './callbacks';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Node streams' forEach/filter/some/... do await async callbacks, so a receiver that looks like one is left alone. */
export const STREAM_LIKE = /stream|readable/i;

export type CollectionKind = 'array' | 'set' | 'map';
const ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'split', 'sort', 'reverse']);
const ARRAY_APIS = new Set(['fs/promises.readdir', 'fs.readdirSync']);

/** What the receiver is, when the syntax (a literal, a constructor, an annotation) says so. */
export function collectionKind(model: Model, expr: TSESTree.Node, depth = 0): CollectionKind | null {
  if (depth > 4) return null;
  const e = unwrap(expr);
  switch (e.type) {
    case T.ArrayExpression:
      return 'array';
    case T.NewExpression:
      if (e.callee.type !== T.Identifier) return null;
      return e.callee.name === 'Array' ? 'array' : e.callee.name === 'Set' ? 'set' : e.callee.name === 'Map' ? 'map' : null;
    case T.AwaitExpression:
    case T.CallExpression: {
      const inner = e.type === T.AwaitExpression ? unwrap(e.argument) : e;
      if (inner.type !== T.CallExpression) return null;
      const api = modelIndex(model).siteByNode.get(inner)?.site.api;
      if (api && ARRAY_APIS.has(api)) return 'array';
      if (e.type === T.AwaitExpression || inner.callee.type !== T.MemberExpression) return null;
      const method = propertyName(inner.callee);
      const object = unwrap(inner.callee.object);
      if (object.type === T.Identifier && ((object.name === 'Array' && (method === 'from' || method === 'of')) || (object.name === 'Object' && /^(keys|values|entries)$/.test(method ?? '')))) return 'array';
      return method && ARRAY_METHODS.has(method) && !STREAM_LIKE.test(model.text.slice(object.range[0], object.range[1])) ? 'array' : null;
    }
    case T.Identifier: {
      const binding = findBinding(e.name, e);
      if (!binding) return null;
      if (binding.type) return typeCollection(binding.type);
      return binding.init ? collectionKind(model, binding.init, depth + 1) : null;
    }
    default:
      return null;
  }
}

function typeCollection(type: TSESTree.TypeNode): CollectionKind | null {
  if (type.type === T.TSArrayType || type.type === T.TSTupleType) return 'array';
  if (type.type === T.TSTypeOperator && type.operator === 'readonly' && type.typeAnnotation) return typeCollection(type.typeAnnotation);
  if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier) {
    const name = type.typeName.name;
    if (name === 'Array' || name === 'ReadonlyArray') return 'array';
    if (name === 'Set' || name === 'ReadonlySet') return 'set';
    if (name === 'Map' || name === 'ReadonlyMap') return 'map';
  }
  return null;
}
