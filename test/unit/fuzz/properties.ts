/**
 * What must hold for any input, however mangled: `analyze` returns; every range lies in the
 * file by the editor's line rules, starts before it ends, and its offsets agree with its line
 * and column; every timeline is finite, non-negative, with no two segments overlapping on a
 * lane; the same input gives the same report after other inputs; every offered quick fix
 * yields code that parses. Each check returns the violations it found, as sentences.
 */
import type { Segment, Span } from '../../../src/core/model/types';
import { LineIndex } from '../../../src/core/lines';
import { parseSource } from '../../../src/core/parse';
import { analyze } from '../../../src/core/report';
import type { Location, Report, TextEdit } from '../../../src/core/reportTypes';
import { simulate, type Timeline } from '../../../src/core/simulate';

const CORES = [1, 2, 4];

export interface Checked {
  report: Report;
  violations: string[];
}

/** Analyses `text` and checks every property except determinism (see sameAfter). */
export function checkInput(text: string, fileName: string): Checked {
  const report = analyze(text, { fileName });
  const lines = new LineIndex(text);
  const violations: string[] = [];
  const where = (what: string, range: Location) => `${what} ${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;

  const location = (what: string, range: Location) => {
    for (const [line, column] of [[range.line, range.column], [range.endLine, range.endColumn]]) {
      if (!Number.isInteger(line) || line < 1 || line > lines.lineCount) return violations.push(`${where(what, range)}: line outside the file (${lines.lineCount} lines)`);
      if (!Number.isInteger(column) || column < 1 || column > lines.lineLength(line) + 1) return violations.push(`${where(what, range)}: column outside line ${line} (${lines.lineLength(line)} long)`);
    }
    if (range.line > range.endLine || (range.line === range.endLine && range.column > range.endColumn)) violations.push(`${where(what, range)}: ends before it starts`);
    return undefined;
  };
  const span = (what: string, s: Span) => {
    location(what, s);
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) return violations.push(`${what}: offsets ${s.start}-${s.end} outside 0-${text.length}`);
    const start = lines.position(s.start);
    const end = lines.position(s.end);
    if (start.line !== s.line || start.column + 1 !== s.column || end.line !== s.endLine || end.column + 1 !== s.endColumn) {
      violations.push(`${where(what, s)}: offsets ${s.start}-${s.end} are at ${start.line}:${start.column + 1}-${end.line}:${end.column + 1}`);
    }
    return undefined;
  };
  const segments = (owner: string, list: readonly Segment[]) => {
    for (const segment of list) {
      span(`${owner} ${segment.kind} segment`, segment.span);
      if (segment.kind === 'loop') segments(owner, segment.body);
      if (segment.kind === 'fork') for (const task of segment.tasks) segments(owner, task);
    }
  };

  if (report.parseError) location('parse error', { ...report.parseError, endLine: report.parseError.line, endColumn: report.parseError.column });
  for (const fn of report.functions) {
    span(`function ${fn.name}`, { line: fn.line, column: fn.column, endLine: fn.endLine, endColumn: fn.endColumn, start: fn.start, end: fn.end });
    for (const evidence of fn.evidence) location(`evidence of ${fn.name}`, evidence);
    segments(fn.name, fn.segments);
    for (const cores of CORES) violations.push(...timelineViolations(simulate(report, fn.id, { cores }), lines));
  }
  for (const finding of report.findings) {
    location(`finding ${finding.rule}`, finding);
    for (const related of finding.related) location(`related of ${finding.rule}`, related);
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      if (fixed === null) violations.push(`fix "${fix.title}" of ${finding.rule}: edits overlap or leave the file`);
      else {
        const parsed = parseSource(fixed, fileName);
        if (!parsed.ok) violations.push(`fix "${fix.title}" of ${finding.rule} does not parse: ${parsed.error.message} at ${parsed.error.line}:${parsed.error.column}`);
      }
    }
  }
  return { report, violations };
}

function timelineViolations(timeline: Timeline, lines: LineIndex): string[] {
  const out: string[] = [];
  const name = `timeline of ${timeline.name} on ${timeline.cores} cores`;
  if (!Number.isFinite(timeline.total) || timeline.total < 0) out.push(`${name}: total ${timeline.total}`);
  if (!Number.isFinite(timeline.speedup.S) || !Number.isFinite(timeline.speedup.P)) out.push(`${name}: speedup ${JSON.stringify(timeline.speedup)}`);
  for (const [lane, share] of Object.entries(timeline.idle)) if (!Number.isFinite(share) || share < 0 || share > 1) out.push(`${name}: idle share of ${lane} is ${share}`);
  for (const lane of timeline.lanes) {
    const sorted = [...lane.segments].sort((a, b) => a.start - b.start || a.end - b.end);
    let previousEnd = 0;
    for (const segment of sorted) {
      if (!Number.isFinite(segment.start) || !Number.isFinite(segment.end) || segment.start < 0 || segment.end < segment.start || segment.end > timeline.total + 1e-6) {
        out.push(`${name}: ${lane.name} segment ${segment.label} spans ${segment.start}-${segment.end} (total ${timeline.total})`);
      }
      if (segment.start < previousEnd - 1e-6) out.push(`${name}: ${lane.name} segment ${segment.label} at ${segment.start} overlaps the one ending at ${previousEnd}`);
      previousEnd = Math.max(previousEnd, segment.end);
      if (segment.line < 1 || segment.line > lines.lineCount) out.push(`${name}: segment ${segment.label} on line ${segment.line} of ${lines.lineCount}`);
    }
  }
  return out;
}

/** The edited text, or null when edits overlap or fall outside it. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string | null {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = text.length;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.start > edit.end || edit.end > limit) return null;
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

/** The report for `text` again, after analysing `others`: it must be the same. */
export function sameAfter(text: string, fileName: string, first: Report, others: readonly { text: string; fileName: string }[]): string[] {
  for (const other of others) analyze(other.text, { fileName: other.fileName });
  const again = analyze(text, { fileName });
  return JSON.stringify(again) === JSON.stringify(first) ? [] : ['the report changed after analysing other inputs'];
}
