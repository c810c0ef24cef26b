/**
 * Whether an async function can reject in practice: the one answer
 * floating-promise, async-foreach and the module summaries (CallEffect.canReject)
 * read. A function cannot reject when each wait and each throw of its own body
 * is either inside a `try` whose `catch` does not throw again, or awaits
 * something that cannot reject itself: a local or imported function that
 * cannot, `Promise.allSettled(…)`, `Promise.all` over such calls (`xs.map(async
 * (x) => { try … catch … })`), or a promise with a `.catch` that does not
 * rethrow. Errors a plain call throws synchronously are not counted: a sync
 * function would throw them to its caller just the same. Starting such a
 * function in the background loses nothing but its timing.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model } from '../model/types';
import { functionOfNode, isFunctionNode, resolvedCallee, siteOf, unwrap, walk } from './waits';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

const memo = new WeakMap<Model, Map<Node, boolean>>();

/** `node` is a function (with a block body) that cannot reject; `model` lets it look through the calls it awaits. */
export function cannotReject(model: Model | null, node: Node): boolean {
  if (!isFunctionNode(node) || node.body.type !== T.BlockStatement) return false;
  if (!model) return safeBody(null, null, node.body.body);
  let known = memo.get(model);
  if (!known) memo.set(model, (known = new Map()));
  const cached = known.get(node);
  if (cached !== undefined) return cached;
  known.set(node, false); // recursion: a cycle proves nothing
  const answer = safeBody(model, functionOfNode(model, node) ?? null, node.body.body);
  known.set(node, answer);
  return answer;
}

function safeBody(model: Model | null, fn: FunctionInfo | null, body: readonly TSESTree.Statement[]): boolean {
  let guarded = 0;
  const safe = (statements: readonly TSESTree.Statement[]): boolean => {
    for (const statement of statements) {
      if (statement.type === T.TryStatement && statement.handler) {
        if (statement.finalizer && !quiet(model, fn, statement.finalizer)) return false;
        // A catch that throws again (`catch (e) { log(e); throw e }`) is harmless when the block it guards is itself
        // safe: every wait in there is caught further in, so what reaches this catch is a synchronous error of a
        // plain call, which this test ignores everywhere else too (nodebb's installer `launch`).
        if (!quiet(model, fn, statement.handler.body, true) && !safe(statement.block.body)) return false;
        guarded++;
        continue;
      }
      if (statement.type === T.IfStatement) {
        if (!quiet(model, fn, statement.test)) return false;
        const branches = [statement.consequent, ...(statement.alternate ? [statement.alternate] : [])];
        if (!branches.every((b) => safe(b.type === T.BlockStatement ? b.body : [b]))) return false;
        continue;
      }
      const waits = quietWaits(model, fn, statement);
      if (waits === null) return false;
      guarded += waits;
    }
    return true;
  };
  return safe(body) && guarded > 0;
}

/** No throw of its own, and (unless `awaitsAllowed`) every await in it cannot reject. */
function quiet(model: Model | null, fn: FunctionInfo | null, node: Node, awaitsAllowed = false): boolean {
  if (awaitsAllowed) return !ownNodes(node).some((n) => n.type === T.ThrowStatement);
  return quietWaits(model, fn, node) !== null;
}

/** How many awaits the node holds when none of them can reject and it throws nothing itself; null otherwise. */
function quietWaits(model: Model | null, fn: FunctionInfo | null, node: Node): number | null {
  let count = 0;
  for (const n of ownNodes(node)) {
    if (n.type === T.ThrowStatement) return null;
    if (n.type === T.AwaitExpression || (n.type === T.ForOfStatement && n.await)) {
      if (n.type !== T.AwaitExpression || !settlesQuietly(model, fn, n.argument)) return null;
      count++;
    }
  }
  return count;
}

/** The awaited value is a promise that cannot reject. */
function settlesQuietly(model: Model | null, fn: FunctionInfo | null, value: Node): boolean {
  const operand = unwrap(value);
  if (!model || !fn || operand.type !== T.CallExpression) return false;
  const callee = unwrap(operand.callee);
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    const method = callee.property.name;
    const onPromise = callee.object.type === T.Identifier && callee.object.name === 'Promise';
    if (onPromise && method === 'allSettled') return true;
    if (onPromise && method === 'all') return operand.arguments.length === 1 && allQuiet(model, fn, operand.arguments[0]);
    // `p.catch(() => …)`: the handler's own outcome is what is awaited.
    if (method === 'catch' && operand.arguments.length === 1) {
      const handler = unwrap(operand.arguments[0]);
      return isFunctionNode(handler) && (handler.body.type !== T.BlockStatement || !ownNodes(handler.body).some((n) => n.type === T.ThrowStatement || n.type === T.AwaitExpression));
    }
  }
  const site = siteOf(fn, operand);
  if (!site) return false;
  if (site.external) return site.external.effect.returnsPromise && !site.external.effect.canReject;
  const target = resolvedCallee(model, fn, site);
  return !!target && target.async && !target.generator && cannotReject(model, target.node);
}

/** `[a(), b()]` of quiet calls, or `xs.map(fn)` with a function that cannot reject. */
function allQuiet(model: Model, fn: FunctionInfo, list: Node): boolean {
  const node = unwrap(list);
  if (node.type === T.ArrayExpression) return node.elements.every((e) => !!e && e.type !== T.SpreadElement && settlesQuietly(model, fn, e));
  if (node.type !== T.CallExpression || node.arguments.length !== 1) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression || callee.computed || callee.property.type !== T.Identifier || callee.property.name !== 'map') return false;
  const mapper = unwrap(node.arguments[0]);
  return isFunctionNode(mapper) && mapper.async && cannotReject(model, mapper);
}

/** The node and its descendants, nested functions left out (their awaits and throws are theirs). */
function ownNodes(node: Node): Node[] {
  const out: Node[] = [];
  walk(node, (n) => {
    out.push(n);
  }, false);
  return out;
}
