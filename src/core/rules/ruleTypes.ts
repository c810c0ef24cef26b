/**
 * The shape every rule file exports, in the spirit of typescript-eslint:
 * metadata plus one `check` that reads the model and reports findings.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionInfo, Model, Span } from '../model/types';
import type { QuickFix, Severity } from '../reportTypes';

export interface RuleMeta {
  /** Stable id; also the file name and the diagnostic code. */
  id: string;
  /** One line, in our words, for the README table and SARIF. */
  description: string;
  defaultSeverity: Severity;
  /** Path of the rule's page, relative to the repository root. */
  docs: string;
  /** The misconception this rule teaches about (concepts.md). */
  picture: string;
}

export interface RelatedSpan {
  span: Span;
  message: string;
}

export interface RuleReport {
  fn: FunctionInfo;
  /** Where the squiggle goes. */
  span: Span;
  message: string;
  related?: RelatedSpan[];
  fixes?: QuickFix[];
  /**
   * The evidence is likely rather than certain (for example the function's
   * context is unknown): the finding is reported one severity level below the
   * rule's configured one (error -> warning -> info).
   */
  lowerSeverity?: boolean;
}

export interface RuleContext {
  model: Model;
  report(finding: RuleReport): void;
  /** Span of any node of this file's AST. */
  spanOf(node: TSESTree.Node | TSESTree.Token): Span;
  /** Source text of a node. */
  textOf(node: TSESTree.Node): string;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
