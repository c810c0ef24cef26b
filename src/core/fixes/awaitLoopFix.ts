/**
 * await-in-loop's quick fix: a `for…of` over independent items becomes one
 * Promise.all over the items (in chunks when the collection's size comes from
 * outside), its body moved into the callback as written, comments included.
 *
 *   for (const url of urls) { const res = await fetch(url); pages.push(await res.text()); }
 *   ->  pages.push(...(await Promise.all(urls.map(async (url) => { const res = await fetch(url); return await res.text(); }))));
 *
 * Only where the rewrite keeps the meaning: no `continue`/`break`/`yield`, no
 * comment in the loop's head, results collected in order only through a final
 * `out.push(x)` (pushes elsewhere would come out in a different order), and a
 * collection that is safe to read twice when it is cut into chunks.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { collectionSize } from '../facts/collections';
import { findDeclaration, isKnownArray } from '../facts/declarations';
import { hasCommentIn, indentAt, referencedNames, unwrap, walk } from '../facts/waits';
import type { FunctionInfo, Model } from '../model/types';
import type { QuickFix } from '../reportTypes';
import { CHUNK_SIZE, togetherStatement } from './together';

// A plain local reference: through the bundle's module interop every `AST_NODE_TYPES.X` would be a getter call.
const T = AST_NODE_TYPES;

type Node = TSESTree.Node;

export function awaitLoopFix(model: Model, fn: FunctionInfo, loop: TSESTree.Node): QuickFix[] {
  const text = model.text;
  if (loop.type !== T.ForOfStatement || loop.await || loop.parent?.type === T.LabeledStatement) return [];
  const left = loop.left;
  if (left.type !== T.VariableDeclaration || left.declarations.length !== 1 || left.declarations[0].init) return [];
  const param = text.slice(left.declarations[0].id.range[0], left.declarations[0].id.typeAnnotation?.range[0] ?? left.declarations[0].id.range[1]).trim();
  const statements = loop.body.type === T.BlockStatement ? loop.body.body : [loop.body];
  if (statements.length === 0 || leavesTheLoop(loop.body) || hasCommentIn(model, loop.range[0], loop.body.range[0])) return [];

  // Results collected in item order: only a final `out.push(x)` into an array declared before the loop.
  const last = statements[statements.length - 1];
  const push = outerPush(last, loop);
  if (pushesElsewhere(statements, loop, push ? last : null)) return [];
  let body: string;
  if (push) {
    // `out.push(await f(x))`: the callback returns f(x)'s promise, Promise.all waits for it.
    const returned = push.value.type === T.AwaitExpression ? push.value.argument : push.value;
    const value = text.slice(returned.range[0], returned.range[1]);
    body = loop.body.type === T.BlockStatement && statements.length > 1
      ? `${text.slice(loop.body.range[0], last.range[0])}return ${value};${text.slice(last.range[1], loop.body.range[1])}`
      : returned.type === T.ObjectExpression ? `(${value})` : value;
  } else {
    body = loop.body.type === T.BlockStatement ? text.slice(loop.body.range[0], loop.body.range[1]) : `{ ${text.slice(loop.body.range[0], loop.body.range[1])} }`;
  }

  const right = unwrap(loop.right);
  const source = text.slice(loop.right.range[0], loop.right.range[1]);
  const plain = right.type === T.Identifier || (right.type === T.MemberExpression && !right.computed);
  const simple = plain || right.type === T.CallExpression || right.type === T.ArrayExpression;
  const wrapped = simple && right === loop.right ? source : `(${source})`;
  const array = isKnownArray(loop.right) ? wrapped : `Array.from(${source})`;
  const size = collectionSize(model, loop.right);
  const chunked = size === 'outside' || size === 'likely';
  // Chunks read the collection for its length and for each slice: only a plain name or property is safe to read twice.
  if (chunked && (!plain || array !== wrapped)) return [];
  const indent = indentAt(text, loop.range[0]) ?? '';
  const statement = togetherStatement({ array, param, body, collectInto: push?.out, chunked, indent, taken: referencedNames(fn.node) });
  const title = chunked ? `Start the iterations ${CHUNK_SIZE} at a time with Promise.all` : 'Start every iteration at once with Promise.all';

  // `const out = []; for (…) out.push(await f(x));` becomes one declaration.
  if (push && !chunked && statements.length === 1) {
    const merged = mergedDeclaration(model, push.out, loop, `await Promise.all(${array}.map(async (${param}) => ${body}))`);
    if (merged) return [{ title, isPreferred: true, edits: [merged] }];
  }
  return [{ title, isPreferred: true, edits: [{ start: loop.range[0], end: loop.range[1], newText: statement }] }];
}

/** `continue`, `break` (of this loop) or `yield` in the body: a callback cannot do them. */
function leavesTheLoop(body: Node): boolean {
  let found = false;
  const visit = (node: Node, inner: boolean) => {
    walk(node, (n, parent) => {
      if (found || parent === null) return !found;
      if (n.type === T.YieldExpression) found = true;
      if ((n.type === T.ContinueStatement || n.type === T.BreakStatement) && (n.label || !inner)) found = true;
      if (n.type === T.ForStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.SwitchStatement) {
        visit(n, true);
        return false;
      }
      return !found;
    }, false);
  };
  visit(body, false);
  return found;
}

interface OuterPush {
  out: string;
  value: TSESTree.Expression;
}

/** `out.push(value)` as a statement, with `out` declared before the loop (not the loop's own variable). */
function outerPush(statement: Node, loop: TSESTree.ForOfStatement): OuterPush | null {
  if (statement.type !== T.ExpressionStatement) return null;
  const call = statement.expression;
  if (call.type !== T.CallExpression || call.arguments.length !== 1 || call.arguments[0].type === T.SpreadElement) return null;
  const callee = call.callee;
  if (callee.type !== T.MemberExpression || callee.computed || callee.object.type !== T.Identifier || callee.property.type !== T.Identifier || callee.property.name !== 'push') return null;
  const decl = findDeclaration(callee.object.name, loop);
  if (!decl || decl.range[1] > loop.range[0]) return null;
  return { out: callee.object.name, value: call.arguments[0] };
}

/** Another push into an array from outside the loop: run together, the items would land in a different order. */
function pushesElsewhere(statements: readonly Node[], loop: TSESTree.ForOfStatement, except: Node | null): boolean {
  let found = false;
  for (const statement of statements) {
    if (statement === except) continue;
    walk(statement, (n) => {
      if (found) return false;
      if (n.type === T.CallExpression && n.callee.type === T.MemberExpression && n.callee.property.type === T.Identifier && /^(push|unshift|splice)$/.test(n.callee.property.name)) {
        const root = unwrap(n.callee.object);
        if (root.type === T.Identifier) {
          const decl = findDeclaration(root.name, n);
          if (decl && decl.range[1] <= loop.range[0]) found = true;
        }
      }
      return !found;
    });
  }
  return found;
}

/** `const out = [];` right before the loop: the pair becomes `const out = await Promise.all(…);`. */
function mergedDeclaration(model: Model, out: string, loop: TSESTree.ForOfStatement, mapped: string): { start: number; end: number; newText: string } | null {
  const decl = findDeclaration(out, loop);
  if (!decl || decl.type !== T.VariableDeclarator || decl.id.type !== T.Identifier || decl.init?.type !== T.ArrayExpression || decl.init.elements.length !== 0) return null;
  const declaration = decl.parent as TSESTree.VariableDeclaration;
  const container = declaration.parent;
  const siblings = container && (container.type === T.BlockStatement || container.type === T.Program) ? (container.body as Node[]) : [];
  const index = siblings.indexOf(declaration);
  if (index < 0 || siblings[index + 1] !== loop || declaration.declarations.length !== 1 || declaration.kind === 'var' || hasCommentIn(model, declaration.range[1], loop.range[0])) return null;
  const head = model.text.slice(decl.id.range[0], decl.id.range[1]);
  return { start: declaration.range[0], end: loop.range[1], newText: `${declaration.kind} ${head} = ${mapped};` };
}
