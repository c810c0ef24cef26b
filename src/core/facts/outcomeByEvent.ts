/**
 * Whether an async function hands its outcome to listeners rather than to its
 * promise. Two shapes:
 *
 * - it ends by announcing on an event: its last step is `emit(…)` or
 *   `dispatchEvent(…)` (`this.emit('finish')`, `ws.dispatchEvent(new Event('open'))`),
 *   or a `try` whose block ends so and whose `catch` announces too
 *   (`emit('error', e)`). Its callers learn of its end by subscribing;
 * - it is a `for await` loop over a stream of events (`for await (const line of
 *   lines)`): a listener in promise form, whose promise settles only when the
 *   stream ends, usually with the program.
 *
 * Starting such a function without keeping its promise is how it is meant to
 * be used; what is left at risk is a failure before the announcement, which is
 * why floating-promise still reports these calls under the strict preset.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo } from '../model/types';
import { containsNode, isFunctionNode, unwrap } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

const AWAIT = new Set<string>([T.AwaitExpression]);
const ANNOUNCE = /^(emit|dispatchEvent)$/;

export function outcomeByEvent(fn: FunctionInfo): boolean {
  if (!fn.async || fn.generator || fn.kind === 'module') return false;
  const node = fn.node;
  if (!isFunctionNode(node) || node.body.type !== T.BlockStatement) return false;
  const body = node.body.body;
  const last = body[body.length - 1];
  if (!last) return false;
  if (last.type === T.ForOfStatement && last.await) return !body.slice(0, -1).some((s) => containsNode(s, AWAIT));
  return announces(last);
}

/** The statement ends by announcing on an event, on every way out of it. */
function announces(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ExpressionStatement) return isAnnouncement(statement.expression);
  if (statement.type === T.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return !!last && announces(last);
  }
  if (statement.type === T.TryStatement) return !!statement.handler && announces(statement.block) && announces(statement.handler.body);
  return false;
}

function isAnnouncement(expression: TSESTree.Expression): boolean {
  const call = unwrap(expression.type === T.AwaitExpression ? expression.argument : expression);
  if (call.type !== T.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type === T.Identifier) return ANNOUNCE.test(callee.name);
  return callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && ANNOUNCE.test(callee.property.name);
}
