/** Span helpers: typescript-estree locations (1-based lines, 0-based columns) to our 1-based spans. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Span } from './types';

export function spanOf(node: TSESTree.Node | TSESTree.Token): Span {
  return {
    line: node.loc.start.line,
    column: node.loc.start.column + 1,
    endLine: node.loc.end.line,
    endColumn: node.loc.end.column + 1,
    start: node.range[0],
    end: node.range[1],
  };
}

/** From the start of `from` to the end of `to`. */
export function spanBetween(from: TSESTree.Node | TSESTree.Token, to: TSESTree.Node | TSESTree.Token): Span {
  const a = spanOf(from);
  const b = spanOf(to);
  return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn, start: a.start, end: b.end };
}
