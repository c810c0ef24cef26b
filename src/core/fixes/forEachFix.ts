/**
 * async-foreach's quick fixes for `xs.forEach(async (x) => …)`, chosen so the
 * rewrite does not earn a finding of its own:
 *
 * - the callback's waits could overlap (await-in-loop would flag a for…of):
 *   Promise.all over the items only, in chunks of CHUNK_SIZE when the
 *   collection's size comes from outside (unbounded-fanout would flag one
 *   request per item);
 * - its waits must stay in order (a transaction, a stream, a lock): for…of,
 *   one at a time, and no Promise.all, which would break that order;
 * - no evidence either way: both, for…of preferred (it keeps today's order).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { boundNames, isCallable, modelIndex, unwrap, walkLocal } from '../facts/callbacks';
import { collectionKind } from '../facts/collectionKind';
import { collectionSize } from '../facts/collections';
import { isOrdered, overlapEvidence } from '../facts/overlap';
import { hasCommentIn, indentAt, referencedNames } from '../facts/waits';
import type { FunctionInfo, Model } from '../model/types';
import type { QuickFix } from '../reportTypes';
import { CHUNK_SIZE, togetherStatement } from './together';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

/** Quick fixes for a `xs.forEach(cb);` statement inside an async function whose receiver is a known collection. */
export function forEachFixes(model: Model, fn: FunctionInfo, call: TSESTree.CallExpression, arg: TSESTree.Node): QuickFix[] {
  // `await` must stay legal where the rewrite puts it; top-level await depends on the module system, so not there.
  if (!fn.async || fn.kind === 'module' || call.optional || (call.callee as TSESTree.MemberExpression).optional) return [];
  const parent = call.parent;
  const awaitedStatement = parent?.type === T.AwaitExpression ? parent.parent : undefined;
  const statement = parent?.type === T.ExpressionStatement ? parent : awaitedStatement?.type === T.ExpressionStatement ? awaitedStatement : null;
  if (!statement) return [];
  const receiver = (call.callee as TSESTree.MemberExpression).object;
  const kind = collectionKind(model, receiver);
  if (!kind) return [];
  // Rebuilding the statement would lose a comment outside the callback (the plain Promise.all only inserts text).
  const cbNode = isCallable(arg) ? arg : null;
  const outside = hasCommentIn(model, statement.range[0], statement.range[1]) && model.comments.some((c) => c.range[0] >= statement.range[0] && c.range[1] <= statement.range[1] && !(cbNode && c.range[0] >= cbNode.range[0] && c.range[1] <= cbNode.range[1]));
  const waits = waitsOf(model, arg);

  const fixes: QuickFix[] = [];
  const forOf = outside || waits === 'overlap' ? null : forOfText(model, statement, receiver, arg);
  if (forOf) fixes.push({ title: 'Rewrite as for…of (one at a time, keeps order)', isPreferred: true, edits: [{ start: statement.range[0], end: statement.range[1], newText: forOf }] });
  if (kind !== 'array' || waits === 'ordered') return fixes;

  const preferred = fixes.length === 0;
  // Only real waits on a collection from outside make a flood worth bounding (what unbounded-fanout asks for too).
  const size = waits === 'overlap' ? collectionSize(model, receiver) : 'unknown';
  if (size === 'outside' || size === 'likely') {
    // Chunks read the collection for its length and for each slice: only a plain name or property is safe to read twice.
    const plain = receiver.type === T.Identifier || (receiver.type === T.MemberExpression && !receiver.computed);
    if (!plain || outside) return fixes;
    const newText = togetherStatement({
      array: model.text.slice(receiver.range[0], receiver.range[1]),
      callback: model.text.slice(arg.range[0], arg.range[1]),
      chunked: true,
      indent: indentAt(model.text, statement.range[0]) ?? '',
      taken: referencedNames(fn.node),
    });
    fixes.push({ title: `Rewrite with Promise.all, ${CHUNK_SIZE} items at a time (overlaps the waits, bounded)`, isPreferred: preferred, edits: [{ start: statement.range[0], end: statement.range[1], newText }] });
    return fixes;
  }
  const property = (call.callee as TSESTree.MemberExpression).property;
  fixes.push({
    title: 'Rewrite with Promise.all(map) (overlaps the waits)',
    isPreferred: preferred,
    edits: [
      { start: call.range[0], end: call.range[0], newText: parent?.type === T.AwaitExpression ? 'Promise.all(' : 'await Promise.all(' },
      { start: property.range[0], end: property.range[1], newText: 'map' },
      { start: call.range[1], end: call.range[1], newText: ')' },
    ],
  });
  return fixes;
}

/**
 * What the facts say about the callback's awaited calls: one must stay in
 * order with the others (`ordered`), they are real waits that could run side by
 * side (`overlap`, the same evidence await-in-loop asks for), or nothing
 * either way (`unknown`).
 */
function waitsOf(model: Model, arg: TSESTree.Node): 'ordered' | 'overlap' | 'unknown' {
  const index = modelIndex(model);
  const target = isCallable(arg) ? index.fnByNode.get(arg) : arg.type === T.Identifier ? index.fnByName.get(arg.name) : undefined;
  if (!target) return 'unknown';
  let overlap = false;
  for (const site of target.sites.calls) {
    if (!site.awaited || site.node.type !== T.CallExpression) continue;
    if (isOrdered(model, target, site.node)) return 'ordered';
    if (overlapEvidence(model, target, site.node)) overlap = true;
  }
  return overlap ? 'overlap' : 'unknown';
}

/**
 * `for (const x of xs) { BODY }` for `xs.forEach(async (x) => { BODY })`, or
 * null when the body would change meaning inside a loop: a second parameter, a
 * `return`, `var` or function declarations (their scope changes), `this` or
 * `arguments` of a function expression, or a loop variable the receiver reads.
 */
function forOfText(model: Model, statement: TSESTree.Node, receiver: TSESTree.Expression, arg: TSESTree.Node): string | null {
  const textOf = (node: TSESTree.Node) => model.text.slice(node.range[0], node.range[1]);
  if (!isCallable(arg) || arg.generator || arg.params.length !== 1) return null;
  const param = arg.params[0];
  if (param.type !== T.Identifier && param.type !== T.ObjectPattern && param.type !== T.ArrayPattern) return null;
  if (param.type === T.Identifier && param.optional) return null;
  const receiverText = textOf(receiver);
  if (boundNames(param).some((name) => new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(receiverText))) return null;
  let unsafe = false;
  walkLocal(arg, (node) => {
    if (node.type === T.ReturnStatement || node.type === T.FunctionDeclaration || (node.type === T.VariableDeclaration && node.kind === 'var')) unsafe = true;
  });
  if (arg.type === T.FunctionExpression) {
    // Its own `this`/`arguments` (also read from nested arrows) would become the enclosing function's.
    walkLocal(arg, (node) => {
      if (node.type === T.ThisExpression || node.type === T.MetaProperty || (node.type === T.Identifier && node.name === 'arguments')) unsafe = true;
      return node.type !== T.FunctionExpression && node.type !== T.FunctionDeclaration;
    }, true);
  }
  if (unsafe) return null;

  const text = model.text;
  const paramText = param.typeAnnotation ? text.slice(param.range[0], param.typeAnnotation.range[0]).trimEnd() : textOf(param);
  const receiverCode = unwrap(receiver).type === T.SequenceExpression ? `(${receiverText})` : receiverText;
  let bodyText: string;
  if (arg.body.type === T.BlockStatement) bodyText = textOf(arg.body);
  else {
    const lineStart = text.lastIndexOf('\n', statement.range[0] - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, statement.range[0]))![0];
    const unit = indent.includes('\t') ? '\t' : '  ';
    const expr = arg.body;
    const simple = expr.type === T.AwaitExpression || expr.type === T.CallExpression || expr.type === T.Identifier || expr.type === T.MemberExpression || expr.type === T.NewExpression;
    const awaited = expr.type === T.AwaitExpression ? textOf(expr) : `await ${simple ? textOf(expr) : `(${textOf(expr)})`}`;
    bodyText = `{\n${indent}${unit}${awaited};\n${indent}}`;
  }
  return `for (const ${paramText} of ${receiverCode}) ${bodyText}`;
}

