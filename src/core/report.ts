/**
 * analyze(text) -> Report: the whole pipeline (parse, build, classify, rules,
 * suppressions) and the conversion of the model into plain data.
 */
import { buildModel } from './model/build';
import { classifyModel, quadrantFor } from './classify';
import { estimateNesting } from './depth';
import { MAX_NESTING, outOfStackReason, skippedReport, tooDeepReason } from './limits';
import { LineIndex } from './lines';
import { parseSource, wantsJsx } from './parse';
import { runRules } from './runRules';
import { setParents } from './parents';
import { annotateWorkers } from './facts/pools';
import { parallelFractionOf } from './timeline/parallelism';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { FunctionInfo, Model, Quadrant, Segment } from './model/types';
import { summarizeModule } from './project/summarize';
import type { ModuleSummary, ProjectImports, SummaryFunction } from './project/summaryTypes';
import { contextOf, type ContextFact } from './facts/context';
import { applyEdits, previewFromReports, type FixPreview } from './fixPreview';
import type { AnalyzeOptions, Finding, FunctionReport, Report } from './reportTypes';

export * from './reportTypes';

/** Files bigger than this are not analysed (the extension has its own, smaller, typing limit). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  return analyzeModule(text, options).report;
}

/** A file's report, and its summary for the files that import it (null when it was not analysed). */
export interface ModuleAnalysis {
  report: Report;
  summary: ModuleSummary | null;
}

/** analyze(), plus the file's ModuleSummary under the path `file` (the project layer's name for it; default the file name). */
export function analyzeModule(text: string, options: AnalyzeOptions = {}, file = options.fileName ?? 'file.ts'): ModuleAnalysis {
  const fileName = options.fileName ?? 'file.ts';
  const skipped = reasonToSkip(text, fileName);
  if (skipped) return { report: skippedReport(fileName, skipped), summary: null };
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) {
    return { report: parsed.tooDeep ? skippedReport(fileName, outOfStackReason('parser')) : { ...emptyReport(fileName, null), parseError: parsed.error }, summary: null };
  }
  return analyzeParsed(parsed.ast, text, options, file);
}

/** The pipeline after parsing: the project layer calls it again on the same tree while import cycles settle. */
export function analyzeParsed(ast: TSESTree.Program, text: string, options: AnalyzeOptions = {}, file = options.fileName ?? 'file.ts'): ModuleAnalysis {
  const fileName = options.fileName ?? 'file.ts';
  let model: Model;
  try {
    model = buildModel(ast, text, fileName, options.imports);
    // typescript-estree's `parse` leaves `.parent` unset; the facts layer and the rules walk up from nodes.
    setParents(model.ast);
    annotateWorkers(model);
    classifyModel(model);
  } catch (err) {
    // The depth check keeps nesting far from the stack's end, so this is a recursion bug: keep the host alive, and say so.
    if (err instanceof RangeError) return { report: skippedReport(fileName, outOfStackReason('analysis')), summary: null };
    throw err;
  }
  let findings;
  let summary: ModuleSummary;
  try {
    findings = runRules(model, options.rules ?? {}, options.strict ?? false);
    summary = summarizeModule(model, file);
  } catch (err) {
    // The depth check keeps nesting far from the stack's end, so this is a recursion bug: keep the host alive, and say so.
    if (err instanceof RangeError) return { report: skippedReport(fileName, outOfStackReason('analysis')), summary: null };
    throw err;
  }
  const functions = model.functions.map((fn) => toFunctionReport(fn, contextOf(model, fn)));
  const imported = importedFunctions(functions, model.projectImports);
  // P is read off each parallel function's predicted schedule, so Amdahl's bound covers every simulated speed-up.
  const schedulable = { functions, imported };
  for (const fn of functions) {
    if (fn.quadrant === 'parallel' || fn.quadrant === 'concurrent-parallel') fn.parallelFraction = parallelFractionOf(schedulable, fn.id);
  }
  const report: Report = {
    version: 1,
    fileName,
    parseError: null,
    skipped: null,
    quadrant: fileQuadrant(model.functions),
    functions,
    findings,
  };
  if (imported.length > 0) report.imported = imported;
  return { report, summary };
}

/**
 * The after-fix preview of one finding: its quick fix applied to `text` and the
 * result analysed with the same options (null when there is no fix, or the
 * rewritten code does not analyse).
 */
export function previewFix(text: string, options: AnalyzeOptions, report: Report, finding: Finding, fixIndex = 0): FixPreview | null {
  const fix = finding.fixes[fixIndex];
  if (!fix) return null;
  return previewFromReports(report, analyze(applyEdits(text, fix.edits), options), finding, fixIndex);
}

/** The other files' functions this file's calls reach, transitively, as reports carrying their `file`. */
function importedFunctions(functions: readonly FunctionReport[], imports: ProjectImports): FunctionReport[] {
  const out: FunctionReport[] = [];
  const seen = new Set<string>();
  const byFile = new Map<string, Map<number, SummaryFunction>>();
  const find = (file: string, id: number) => {
    let map = byFile.get(file);
    if (!map) byFile.set(file, (map = new Map((imports.functions[file] ?? []).map((f) => [f.id, f]))));
    return map.get(id);
  };
  const queue: { file: string; id: number }[] = [];
  const visit = (segments: readonly Segment[], file: string | undefined) => {
    for (const seg of segments) {
      if (seg.kind === 'call' && seg.external && seg.external.fnId >= 0) queue.push({ file: seg.external.file, id: seg.external.fnId });
      else if (seg.kind === 'call' && file !== undefined && !seg.external) queue.push({ file, id: seg.calleeId });
      else if (seg.kind === 'loop') visit(seg.body, file);
      else if (seg.kind === 'fork') for (const task of seg.tasks) visit(task, file);
    }
  };
  for (const fn of functions) visit(fn.segments, undefined);
  while (queue.length > 0) {
    const { file, id } = queue.shift()!;
    const key = `${file}#${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = find(file, id);
    if (!found) continue;
    out.push({
      id: found.id, name: found.name, kind: 'function', async: found.async, quadrant: 'sequential', parallelFraction: 0, parentId: null,
      line: found.line, column: found.column, endLine: found.endLine, endColumn: found.endColumn, start: 0, end: 0, evidence: [], segments: found.segments, file,
    });
    visit(found.segments, file);
  }
  return out;
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

function toFunctionReport(fn: FunctionInfo, where: ContextFact): FunctionReport {
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
    context: { kind: where.kind, why: where.why },
  };
}
