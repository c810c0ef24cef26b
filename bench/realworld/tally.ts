/**
 * Precision per rule and per severity class, from the findings of the present
 * projects and the labels that match them. Pure: the tests feed it by hand.
 */
import type { Finding, Severity } from './analyzer';
import { findingKey, type Label } from './labels';

export interface Tally {
  name: string;
  findings: number;
  judged: number;
  real: number;
  false: number;
  /** real / judged, or null when nothing is judged. */
  precision: number | null;
  unlabeled: number;
}

export interface StudyTally {
  rules: Tally[];
  warningAndError: Tally;
  info: Tally;
  all: Tally;
  /** Labels of present projects whose finding the analyzer no longer reports, per verdict. */
  vanished: { real: number; false: number; byRule: Map<string, { real: number; false: number }> };
}

/** One finding per key (rule, file, line); the first one's severity stands for the key. */
export function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(findingKey(f))) seen.set(findingKey(f), f);
  return [...seen.values()];
}

export function precision(real: number, judged: number): number | null {
  return judged === 0 ? null : real / judged;
}

function tallyOf(name: string, findings: Finding[], labels: Map<string, Label>): Tally {
  let real = 0;
  let wrong = 0;
  for (const f of findings) {
    const label = labels.get(findingKey(f));
    if (label?.verdict === 'real') real++;
    else if (label?.verdict === 'false') wrong++;
  }
  const judged = real + wrong;
  return { name, findings: findings.length, judged, real, false: wrong, precision: precision(real, judged), unlabeled: findings.length - judged };
}

const isInfo = (s: Severity): boolean => s === 'info';

/**
 * `findings` are unique per key; `labels` are indexed by key and already limited to the
 * present projects at their pinned commits. Rules are listed in `ruleOrder` first, then
 * any other rule that has findings.
 */
export function tallyStudy(findings: Finding[], labels: Map<string, Label>, ruleOrder: readonly string[]): StudyTally {
  const rules = [...new Set([...ruleOrder, ...findings.map((f) => f.rule)])];
  const byRule = rules.map((rule) => tallyOf(rule, findings.filter((f) => f.rule === rule), labels));
  const reported = new Set(findings.map(findingKey));
  const vanished = { real: 0, false: 0, byRule: new Map<string, { real: number; false: number }>() };
  for (const [key, label] of labels) {
    if (reported.has(key)) continue;
    vanished[label.verdict]++;
    const entry = vanished.byRule.get(label.rule) ?? { real: 0, false: 0 };
    entry[label.verdict]++;
    vanished.byRule.set(label.rule, entry);
  }
  return {
    rules: byRule,
    warningAndError: tallyOf('warning+error', findings.filter((f) => !isInfo(f.severity)), labels),
    info: tallyOf('info', findings.filter((f) => isInfo(f.severity)), labels),
    all: tallyOf('all', findings, labels),
    vanished,
  };
}

export function formatPercent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

/** A plain-text table: rules, then the severity totals. */
export function formatTally(study: StudyTally): string {
  const header = ['rule', 'findings', 'judged', 'real', 'false', 'precision', 'unlabeled'];
  const row = (t: Tally): string[] => [t.name, String(t.findings), String(t.judged), String(t.real), String(t.false), formatPercent(t.precision), String(t.unlabeled)];
  const body = study.rules.map(row);
  const totals = [study.warningAndError, study.info, study.all].map(row);
  const all = [header, ...body, ...totals];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [line(header), rule, ...body.map(line), rule, ...totals.map(line)];
  if (study.vanished.real + study.vanished.false > 0) {
    const parts = [...study.vanished.byRule].map(([r, v]) => `${r} ${v.real} real/${v.false} false`);
    lines.push('', `labels whose finding is no longer reported: ${study.vanished.real} real, ${study.vanished.false} false (${parts.join('; ')})`);
  }
  return `${lines.join('\n')}\n`;
}
