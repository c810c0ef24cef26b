/**
 * ESLint-style inline suppressions:
 *   // concurrency-lens-disable-next-line [rule, rule]
 *   // concurrency-lens-disable-line [rule]
 *   /* concurrency-lens-disable [rule] *\/   (whole file)
 * No rule list means every rule.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export const DIRECTIVE_PREFIX = 'concurrency-lens-disable';
const DIRECTIVE = /^\s*concurrency-lens-disable(-next-line|-line)?(?:\s+([\w\s,-]+?))?\s*(?:--.*)?$/;

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

export function readSuppressions(comments: readonly TSESTree.Comment[]): Suppressions {
  const fileRules = new Set<string>();
  let wholeFile = false;
  const lineRules = new Map<number, Set<string> | 'all'>();
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value.replace(/^\*+/, ''));
    if (!match) continue;
    const rules = match[2] ? match[2].split(/[\s,]+/).filter(Boolean) : null;
    if (match[1] === undefined) {
      if (rules) rules.forEach((r) => fileRules.add(r));
      else wholeFile = true;
      continue;
    }
    const line = match[1] === '-next-line' ? comment.loc.end.line + 1 : comment.loc.start.line;
    const existing = lineRules.get(line);
    if (!rules || existing === 'all') lineRules.set(line, 'all');
    else lineRules.set(line, new Set([...(existing ?? []), ...rules]));
  }
  return {
    isSuppressed(rule, line) {
      if (wholeFile || fileRules.has(rule)) return true;
      const onLine = lineRules.get(line);
      return onLine === 'all' || (onLine !== undefined && onLine.has(rule));
    },
  };
}
