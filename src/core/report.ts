/**
 * analyze(text) -> Report: the whole pipeline (parse, build, classify, rules,
 * suppressions) and the conversion of the model into plain data.
 */
import { buildModel } from './build';
import { classifyModel, quadrantFor } from './classify';
import { estimateNesting } from './depth';
import { MAX_NESTING, outOfStackReason, skippedReport, tooDeepReason } from './limits';
import { LineIndex } from './lines';
import { parseSource, wantsJsx } from './parse';
import { runRules } from './rules/run';
import type { FunctionInfo, Model, Quadrant } from './model';
import type { AnalyzeOptions, FunctionReport, Report } from './reportTypes';

export * from './reportTypes';

/** Files bigger than this are not analysed (the extension has its own, smaller, typing limit). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const fileName = options.fileName ?? 'file.ts';
  const skipped = reasonToSkip(text, fileName);
  if (skipped) return skippedReport(fileName, skipped);
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) {
    return parsed.tooDeep ? skippedReport(fileName, outOfStackReason('parser')) : { ...emptyReport(fileName, null), parseError: parsed.error };
  }
  let model: Model;
  let findings;
  try {
    model = buildModel(parsed.ast, text, fileName);
    classifyModel(model);
    findings = runRules(model, options.rules ?? {});
  } catch (err) {
    // The depth check keeps nesting far from the stack's end, so this is a recursion bug: keep the host alive, and say so.
    if (err instanceof RangeError) return skippedReport(fileName, outOfStackReason('analysis'));
    throw err;
  }
  return {
    version: 1,
    fileName,
    parseError: null,
    skipped: null,
    quadrant: fileQuadrant(model.functions),
    functions: model.functions.map(toFunctionReport),
    findings,
  };
}

/** Why a file is not analysed at all (size, minified, binary, too deep), decided from the text before parsing; null to go on. */
export function reasonToSkip(text: string, fileName = 'file.ts'): string | null {
  if (text.length > DEFAULT_MAX_BYTES) {
    return `file is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${DEFAULT_MAX_BYTES / 1024 / 1024} MB analysis limit`;
  }
  if (looksMinified(text)) return 'file looks minified (very long lines); analyse its source instead';
  if (text.includes('\u0000')) return 'file looks binary (contains NUL bytes)';
  const nesting = estimateNesting(text, wantsJsx(fileName), MAX_NESTING);
  if (nesting.depth > MAX_NESTING) return tooDeepReason(new LineIndex(text).position(nesting.offset).line);
  return null;
}

/** Minified bundles are long-lined; real sources rarely average over 300 characters a line. */
export function looksMinified(text: string): boolean {
  if (text.length < 20_000) return false;
  const lines = text.split('\n').length;
  return text.length / lines > 300;
}

function emptyReport(fileName: string, skipped: string | null): Report {
  return { version: 1, fileName, parseError: null, skipped, quadrant: 'sequential', functions: [], findings: [] };
}

/** The file's quadrant is the union of its functions' axes. */
export function fileQuadrant(functions: readonly { quadrant: Quadrant }[]): Quadrant {
  let concurrent = false;
  let parallel = false;
  for (const fn of functions) {
    if (fn.quadrant === 'concurrent' || fn.quadrant === 'concurrent-parallel') concurrent = true;
    if (fn.quadrant === 'parallel' || fn.quadrant === 'concurrent-parallel') parallel = true;
  }
  return quadrantFor(concurrent, parallel);
}

function toFunctionReport(fn: FunctionInfo): FunctionReport {
  return {
    id: fn.id,
    name: fn.name,
    kind: fn.kind,
    async: fn.async,
    quadrant: fn.quadrant,
    parallelFraction: fn.parallelFraction,
    parentId: fn.parentId,
    line: fn.span.line,
    column: fn.span.column,
    endLine: fn.span.endLine,
    endColumn: fn.span.endColumn,
    start: fn.span.start,
    end: fn.span.end,
    evidence: fn.evidence.map((e) => ({
      kind: e.kind,
      text: e.text,
      line: e.span.line,
      column: e.span.column,
      endLine: e.span.endLine,
      endColumn: e.span.endColumn,
    })),
    // Segments hold spans and numbers only (no AST nodes), so they are already plain data.
    segments: fn.segments,
  };
}
