/**
 * The text format, for people at a terminal. Each file gets a header and a table of
 * its functions; findings use the `path:line:col severity rule message` shape that
 * editors and terminals turn into links, one per line so grep works on them.
 */
import { simulatedSpeedup } from '../core/timeline/timeline';
import type { Quadrant } from '../core/model/types';
import type { Finding, FunctionReport, Severity } from '../core/reportTypes';
import type { Timeline } from '../core/simulate';
import { NO_COLORS, type Paint } from './color';
import { escapeControl } from './escape';
import { timelineBlock } from './formatTimeline';
import type { AnalyzedFile, RunResult } from './types';

export interface TextOptions {
  /** Core count N for the Amdahl speedup column S(N). */
  cores: number;
  paint?: Paint;
  /** With --timeline: per file (result.files order), per function (report.functions order). */
  timelines?: readonly (readonly Timeline[])[];
}

/** Long generated names would push every other column off screen. */
const MAX_NAME_WIDTH = 40;

export function formatText(result: RunResult, options: TextOptions): string {
  const paint = options.paint ?? NO_COLORS;
  const blocks = result.files.map((file, index) => formatFile(file, options.cores, paint, options.timelines?.[index]));
  blocks.push(summaryLine(result, paint));
  return `${blocks.join('\n\n')}\n`;
}

/** Everything printed that came from the files (paths, names, messages quoting code) goes through escapeControl. */
function formatFile(file: AnalyzedFile, cores: number, paint: Paint, timelines?: readonly Timeline[]): string {
  const { report } = file;
  const path = escapeControl(file.path);
  if (report.parseError) {
    const { line, column, message } = report.parseError;
    return [
      `${paint.bold(path)}  ${paint.red('not analysed')}`,
      `${path}:${line}:${column} ${paint.red('parse error:')} ${escapeControl(message)}`,
    ].join('\n');
  }
  if (report.skipped) {
    return `${paint.bold(path)}  ${paint.yellow('skipped:')} ${escapeControl(report.skipped)}`;
  }
  const lines = [`${paint.bold(path)}  ${paintQuadrant(report.quadrant, paint)}`];
  lines.push(...functionTable(report.functions, cores, paint));
  if (report.findings.length > 0) lines.push('');
  for (const finding of report.findings) lines.push(...findingLines(file.path, finding, paint));
  const charts = timelines ? timelineBlock(report.functions, timelines, paint) : [];
  if (charts.length > 0) lines.push('', ...charts);
  return lines.join('\n');
}

/** Name, line, quadrant, parallel fraction P and the simulated speed-up on N cores (never above Amdahl's bound for P). */
export function functionTable(functions: readonly FunctionReport[], cores: number, paint: Paint = NO_COLORS): string[] {
  if (functions.length === 0) return [paint.dim('  (no functions)')];
  const header = ['function', 'line', 'quadrant', 'P', `S(${cores})`];
  const rows = functions.map((fn) => [
    truncate(escapeControl(fn.async ? `async ${fn.name}` : fn.name), MAX_NAME_WIDTH),
    String(fn.line),
    fn.quadrant,
    formatPercent(fn.parallelFraction),
    `${(fn.parallelFraction > 0 ? simulatedSpeedup({ functions: [...functions] }, fn.id, cores) : 1).toFixed(1)}x`,
  ]);
  const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => row[col].length)));
  // Numbers are right-aligned so their digits line up; words are left-aligned.
  const rightAligned = [false, true, false, true, true];
  const layout = (cells: string[]) =>
    cells.map((cell, col) => (rightAligned[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col])));
  const out = [`  ${paint.dim(layout(header).join('  ').trimEnd())}`];
  rows.forEach((row, index) => {
    const cells = layout(row);
    // Colour after padding: escape codes have no width on screen but do have a length.
    cells[2] = paintQuadrant(functions[index].quadrant, paint, cells[2]);
    out.push(`  ${cells.join('  ').trimEnd()}`);
  });
  return out;
}

export function findingLines(filePath: string, finding: Finding, paint: Paint = NO_COLORS): string[] {
  const path = escapeControl(filePath);
  const lines = [
    `${path}:${finding.line}:${finding.column} ${paintSeverity(finding.severity, paint)} ${paint.dim(finding.rule)} ${escapeControl(finding.message)}`,
  ];
  for (const related of finding.related) {
    const where = related.file === undefined ? path : escapeControl(related.file);
    lines.push(`    ${paint.dim('related:')} ${where}:${related.line}:${related.column} ${escapeControl(related.message)}`);
  }
  return lines;
}

function summaryLine(result: RunResult, paint: Paint): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let parseErrors = 0;
  let skipped = 0;
  for (const { report } of result.files) {
    for (const finding of report.findings) counts[finding.severity] += 1;
    if (report.parseError) parseErrors += 1;
    if (report.skipped) skipped += 1;
  }
  const findings = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    `${counts.info} info`,
  ].join(', ');
  const notes: string[] = [];
  if (parseErrors > 0) notes.push(`${plural(parseErrors, 'file')} with a parse error`);
  if (skipped > 0) notes.push(`${skipped} skipped`);
  if (result.problems.length > 0) notes.push(`${plural(result.problems.length, 'path')} could not be read`);
  const text = `${plural(result.files.length, 'file')}: ${findings}${notes.length > 0 ? `; ${notes.join(', ')}` : ''}`;
  if (counts.error > 0 || result.problems.length > 0) return paint.bold(paint.red(text));
  if (counts.warning > 0) return paint.bold(paint.yellow(text));
  return paint.bold(text);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function paintSeverity(severity: Severity, paint: Paint): string {
  if (severity === 'error') return paint.red(severity);
  if (severity === 'warning') return paint.yellow(severity);
  return paint.blue(severity);
}

function paintQuadrant(quadrant: Quadrant, paint: Paint, text: string = quadrant): string {
  switch (quadrant) {
    case 'sequential':
      return text;
    case 'concurrent':
      return paint.cyan(text);
    case 'parallel':
      return paint.magenta(text);
    case 'concurrent-parallel':
      return paint.green(text);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
