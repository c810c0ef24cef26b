/**
 * "What if I fix it?": the schedule of the code a quick fix would produce.
 * The fix's edits are applied to the source and the result is analysed like
 * any file, so the after-fix timeline is the real analysis of the rewritten
 * code, never a guess about it, and it exists exactly for the findings whose
 * quick fix the lightbulb offers. The analysis itself needs the parser, so it
 * runs where the analysis runs (the extension's workers, the CLI); this file
 * holds the pure parts both share.
 */
import type { Finding, FunctionReport, Report, TextEdit } from './reportTypes';

/** What the page needs to draw the after-fix timeline of one finding. */
export interface FixPreview {
  /** fixKey of the finding. */
  key: string;
  /** The quick fix's title: what the rewrite does. */
  title: string;
  /** The function to draw in the rewritten code (the one the finding was in). */
  functionId: number;
  functions: FunctionReport[];
  imported?: FunctionReport[];
  /** Findings of the rewritten code in that function: a fix must not leave one of its own making. */
  findings: Finding[];
}

/** A finding's identity within one report: its rule and where it starts. */
export function fixKey(finding: Pick<Finding, 'rule' | 'line' | 'column'>): string {
  return `${finding.rule}@${finding.line}:${finding.column}`;
}

/** The source with the edits applied (edits do not overlap; offsets are into the original). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/**
 * The preview from the report of the original code and the report of the
 * rewritten code: the function the finding was in is found again by name and
 * by its place among functions of that name (ids move when code changes).
 */
export function previewFromReports(before: Pick<Report, 'functions'>, after: Report, finding: Finding, fixIndex = 0): FixPreview | null {
  const fix = finding.fixes[fixIndex];
  const fn = before.functions.find((f) => f.id === finding.functionId);
  if (!fix || !fn || after.parseError || after.skipped) return null;
  const namesakes = before.functions.filter((f) => f.name === fn.name);
  const occurrence = namesakes.indexOf(fn);
  const again = after.functions.filter((f) => f.name === fn.name)[occurrence] ?? functionAround(after, fix.edits[0]?.start ?? fn.start);
  if (!again) return null;
  const preview: FixPreview = {
    key: fixKey(finding),
    title: fix.title,
    functionId: again.id,
    functions: after.functions,
    findings: after.findings.filter((f) => f.functionId === again.id),
  };
  if (after.imported) preview.imported = after.imported;
  return preview;
}

/** The innermost function around an offset of the rewritten code. */
function functionAround(report: Report, offset: number): FunctionReport | undefined {
  let best: FunctionReport | undefined;
  for (const fn of report.functions) {
    if (fn.start <= offset && offset <= fn.end && (!best || fn.end - fn.start < best.end - best.start)) best = fn;
  }
  return best;
}
