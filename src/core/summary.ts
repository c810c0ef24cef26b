/**
 * A readable Markdown summary of one report: the file's quadrant, each
 * function's quadrant, the findings, and what to do first. Used by the
 * "Analyze Current File" command.
 */
import { displayName, QUADRANT_LABEL, QUADRANT_SENTENCE, quadrantSentence } from './explain';
import { simulate } from './timeline/timeline';
import type { Finding, Report, Severity } from './reportTypes';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function summarizeReport(report: Report, displayPath: string, cores: number): string {
  const lines = [`# Concurrency Lens: ${displayPath}`, ''];
  if (report.parseError) {
    lines.push(`The file does not parse (line ${report.parseError.line}, column ${report.parseError.column}): ${report.parseError.message}`);
    return `${lines.join('\n')}\n`;
  }
  if (report.skipped) {
    lines.push(`Not analysed: ${report.skipped}.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`**File quadrant: ${QUADRANT_LABEL[report.quadrant]}.** Taken as a whole, it ${QUADRANT_SENTENCE[report.quadrant]}`, '');
  lines.push('## Functions', '', `| function | line | quadrant | P | predicted speed-up on ${cores} cores | Amdahl's bound |`, '|---|---:|---|---:|---:|---:|');
  const sentences: string[] = [];
  for (const fn of report.functions) {
    const timeline = simulate(report, fn.id, { cores });
    lines.push(`| ${escapeCell(fn.name)} | ${fn.line} | ${QUADRANT_LABEL[fn.quadrant]} | ${fn.parallelFraction.toFixed(2)} | ${timeline.speedup.S.toFixed(2)}× | ${timeline.speedup.amdahl.toFixed(2)}× |`);
    if (fn.quadrant !== 'sequential') sentences.push(`- line ${fn.line}: ${quadrantSentence(fn, timeline)}`);
  }
  if (sentences.length > 0) lines.push('', '## How they run', '', ...sentences);
  lines.push('', `## Findings (${report.findings.length})`, '');
  if (report.findings.length === 0) lines.push('None: no known concurrency misconception in this file.');
  for (const finding of report.findings) lines.push(`- line ${finding.line}, ${finding.severity} \`${finding.rule}\`: ${finding.message}`);
  const first = whatToDoFirst(report.findings);
  if (first) {
    const fn = report.functions.find((f) => f.id === first.functionId);
    lines.push('', '## What to do first', '', `Line ${first.line}${fn ? ` in ${displayName(fn.name)}` : ''}: ${first.message}${first.fixes.length ? ` A quick fix is available (${first.fixes[0].title}).` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The most severe finding, the earliest one among equals. */
export function whatToDoFirst(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.line - b.line)[0];
}

function escapeCell(text: string): string {
  return text.replace(/[|<>]/g, (c) => `\\${c}`);
}
