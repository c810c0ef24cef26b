/**
 * ESLint-style inline suppressions:
 *   // concurrency-lens-disable-next-line [rule, rule]
 *   // concurrency-lens-disable-line [rule]
 *   /* concurrency-lens-disable [rule] *\/   (whole file)
 * No rule list means every rule.
 *
 * A maintainer who already silenced the ESLint rule that says the same thing
 * (`// eslint-disable-next-line no-await-in-loop`, `/* eslint-disable
 * require-await *\/`) has decided on that code: the matching rule of ours is
 * silent there too. Only named rules count, never a bare `eslint-disable`.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';

export const DIRECTIVE_PREFIX = 'concurrency-lens-disable';
const DIRECTIVE = /^\s*concurrency-lens-disable(-next-line|-line)?(?:\s+([\w\s,-]+?))?\s*(?:--.*)?$/;

/** ESLint rules (core and popular plugins) that flag the same thing as one of ours. */
const ESLINT_EQUIVALENTS: Record<string, string> = {
  'no-await-in-loop': 'await-in-loop',
  'require-await': 'async-without-await',
  '@typescript-eslint/require-await': 'async-without-await',
  '@typescript-eslint/no-floating-promises': 'floating-promise',
  'promise/catch-or-return': 'floating-promise',
  '@typescript-eslint/no-misused-promises': 'async-foreach',
  'no-sync': 'blocking-call',
  'n/no-sync': 'blocking-call',
  'node/no-sync': 'blocking-call',
  'no-async-promise-executor': 'sync-promise-executor',
};
const ESLINT_DIRECTIVE = /^\s*eslint-(disable|enable)(-next-line|-line)?\s+([^\n]*?)\s*(?:--.*)?$/;

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

/**
 * Whether the text can hold a directive at all: each one names `concurrency-lens-disable` or
 * `eslint-` in a comment, and a comment's value is part of the text. When it cannot, the
 * file's comments need not be collected (see parse.ts).
 */
export function mayHoldDirective(text: string): boolean {
  return text.includes(DIRECTIVE_PREFIX) || text.includes('eslint-');
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
  const ranges = eslintDirectives(comments, lineRules);
  return {
    isSuppressed(rule, line) {
      if (wholeFile || fileRules.has(rule)) return true;
      const onLine = lineRules.get(line);
      if (onLine === 'all' || (onLine !== undefined && onLine.has(rule))) return true;
      return ranges.some((r) => r.rule === rule && r.from <= line && line <= r.to);
    },
  };
}

/** ESLint's own directives for the equivalent rules: line ones go into `lineRules`, block ones become line ranges. */
function eslintDirectives(comments: readonly TSESTree.Comment[], lineRules: Map<number, Set<string> | 'all'>): { rule: string; from: number; to: number }[] {
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  for (const comment of comments) {
    const match = ESLINT_DIRECTIVE.exec(comment.value.replace(/^\*+/, ''));
    if (!match) continue;
    const rules = match[3].split(/[\s,]+/).map((r) => ESLINT_EQUIVALENTS[r]).filter((r): r is string => !!r);
    if (rules.length === 0) continue;
    if (match[2]) {
      const line = match[2] === '-next-line' ? comment.loc.end.line + 1 : comment.loc.start.line;
      const existing = lineRules.get(line);
      if (existing !== 'all') lineRules.set(line, new Set([...(existing ?? []), ...rules]));
    } else if (match[1] === 'disable') {
      for (const rule of rules) if (!open.has(rule)) open.set(rule, comment.loc.start.line);
    } else {
      for (const rule of rules) {
        const from = open.get(rule);
        if (from !== undefined) ranges.push({ rule, from, to: comment.loc.start.line });
        open.delete(rule);
      }
    }
  }
  for (const [rule, from] of open) ranges.push({ rule, from, to: Number.MAX_SAFE_INTEGER });
  return ranges;
}
