/** Runs every enabled rule over a model and returns sorted, unsuppressed findings. */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Model } from './model/types';
import type { Finding, SeveritySetting } from './reportTypes';
import { mayHoldDirective, readSuppressions } from './suppress';
import { spanOf } from './model/spans';
import { allRules } from './rules/index';
import type { RuleContext, RuleReport } from './rules/ruleTypes';

export function runRules(model: Model, overrides: Record<string, SeveritySetting>, strict = false): Finding[] {
  const suppressions = readSuppressions(mayHoldDirective(model.text) ? model.comments : []);
  const findings: Finding[] = [];
  for (const rule of allRules) {
    const severity = overrides[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const context: RuleContext = {
      model,
      strict,
      spanOf: (node) => spanOf(node),
      textOf: (node: TSESTree.Node) => model.text.slice(node.range[0], node.range[1]),
      report(found: RuleReport) {
        if (suppressions.isSuppressed(rule.meta.id, found.span.line)) return;
        if (found.lowerSeverity && !strict) return;
        findings.push(toFinding(rule.meta.id, found.lowerSeverity ? lower(severity) : severity, found));
      },
    };
    rule.check(context);
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

function lower(severity: Finding['severity']): Finding['severity'] {
  return severity === 'error' ? 'warning' : 'info';
}

function toFinding(rule: string, severity: Finding['severity'], found: RuleReport): Finding {
  const { span } = found;
  return {
    rule,
    severity,
    message: found.message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    related: (found.related ?? []).map((r) => ({
      message: r.message,
      line: r.span.line,
      column: r.span.column,
      endLine: r.span.endLine,
      endColumn: r.span.endColumn,
      ...(r.file ? { file: r.file } : {}),
    })),
    fixes: found.fixes ?? [],
    functionId: found.fn.id,
  };
}
