/**
 * How many times a collection's callback or a loop's body runs, when the code
 * says so (a literal list, a fixed-size slice) and the guess otherwise.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { COST } from './types';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

export function iterationGuess(collection: TSESTree.Node): number {
  if (collection.type === T.ArrayExpression) return Math.max(1, collection.elements.length);
  // `xs.slice(i, i + 10)`: at most 10 of xs's items (a chunk of a list of guessed size holds them all).
  if (collection.type === T.CallExpression && collection.callee.type === T.MemberExpression && !collection.callee.computed && collection.callee.property.type === T.Identifier && collection.callee.property.name === 'slice' && collection.arguments.length === 2) {
    const length = sliceLength(collection.arguments[0], collection.arguments[1]);
    if (length !== null) return Math.max(1, Math.min(length, iterationGuess(collection.callee.object)));
  }
  return COST.unknownIterations;
}

/** `slice(0, 10)` and `slice(i, i + 10)`: a literal length; null otherwise. */
function sliceLength(start: TSESTree.Node, end: TSESTree.Node): number | null {
  if (end.type === T.Literal && typeof end.value === 'number') return start.type === T.Literal && typeof start.value === 'number' ? end.value - start.value : null;
  if (end.type === T.BinaryExpression && end.operator === '+' && end.right.type === T.Literal && typeof end.right.value === 'number' && end.left.type === T.Identifier && start.type === T.Identifier && start.name === end.left.name) return end.right.value;
  return null;
}
