/**
 * The author said the order is deliberate: a comment just above the loop or the
 * call ("populate in series: one transaction cannot run operations in
 * parallel"), or a branch taken only when the caller asked for order
 * (`if (options.ordered) { for … await … } else { Promise.all(…) }`). That is
 * the best evidence there is that these waits must not overlap, and no finding
 * should argue with it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionInfo, Model } from '../model/types';
import { isFunctionNode } from './waits';

const T = AST_NODE_TYPES;

/** Words that say "one after another, on purpose". */
const ORDER_WORDS =
  /\b(in (series|sequence|order)|serially|sequentially|one (at a time|by one|after (the )?(other|another))|orders? matters?|must (run|happen|be done|go|stay)( \w+)? in order|(keep|keeps|preserve|preserves|preserving|maintain|maintains) (the |their |its )?order|not (run |be run )?in parallel|(cannot|can't|can not|must not|mustn't|shouldn't|should not|doesn't support[^.]{0,60}) (run |be run |\w+ )?in parallel|ordered)\b/i;
/** A condition that selects the ordered path. */
const ORDER_FLAG = /\b(ordered|serial|sequential|series|inOrder|inSeries|sequentially)\b/i;
/** How far above a statement a comment still speaks about it, in lines. */
const COMMENT_REACH = 3;

export function orderStated(model: Model, fn: FunctionInfo, node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn.node; current = current.parent) {
    if (isFunctionNode(current) && current !== node) return false;
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === T.IfStatement && parent.consequent === current && ORDER_FLAG.test(model.text.slice(parent.test.range[0], parent.test.range[1]))) return true;
    if (isStatement(current) && commentAbove(model, current)) return true;
  }
  return false;
}

function isStatement(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type === T.VariableDeclaration;
}

const orderCommentLines = new WeakMap<Model, Set<number>>();

/** A comment ending within COMMENT_REACH lines above the statement's first line says the order matters. */
function commentAbove(model: Model, statement: TSESTree.Node): boolean {
  let lines = orderCommentLines.get(model);
  if (!lines) {
    // Reading `model.comments` parses the file again (parse.ts collects comments on demand): only when the words may sit in a comment.
    lines = mayHoldOrderComment(model.text) ? new Set(model.comments.filter((c) => ORDER_WORDS.test(c.value)).map((c) => c.loc.end.line)) : new Set<number>();
    orderCommentLines.set(model, lines);
  }
  if (lines.size === 0) return false;
  const line = statement.loc.start.line;
  for (let above = line - 1; above >= line - COMMENT_REACH; above--) if (lines.has(above)) return true;
  return false;
}

/**
 * Whether any of the words could be inside a comment: after a `//` on its line, or after a
 * `/*` not closed before it. Never wrong in the silent direction (a comment holding the words
 * always passes); a `//` in a string or a `/*` in a regex only costs the reparse. Identifiers
 * such as `ordered` no longer make every file that has them parse again for its comments (a
 * generated 50,000-line file spent a quarter of its analysis on that).
 */
function mayHoldOrderComment(text: string): boolean {
  for (const match of text.matchAll(new RegExp(ORDER_WORDS.source, 'gi'))) {
    const at = match.index;
    if (text.lastIndexOf('//', at) >= text.lastIndexOf('\n', at) + 1) return true;
    if (text.lastIndexOf('/*', at) > text.lastIndexOf('*/', at)) return true;
  }
  return false;
}
