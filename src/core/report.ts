/**
 * analyze(text) -> Report: the whole pipeline (parse, build, classify, rules,
 * suppressions) and the conversion of the model into plain data.
 */
import { buildModel } from './model/build';
import { classifyModel, quadrantFor } from './classify';
import { parseSource } from './parse';
import { runRules } from './runRules';
import { setParents } from './parents';
import { annotateWorkers } from './facts/pools';
import { parallelFractionOf } from './timeline/parallelism';
import type { FunctionInfo, Model, Quadrant } from './model/types';
import type { AnalyzeOptions, FunctionReport, Report } from './reportTypes';

export * from './reportTypes';

/** Files bigger than this are not analysed (the extension has its own, smaller, typing limit). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
const TOO_DEEP = 'code is nested too deeply to analyse (the parser ran out of stack)';

export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const fileName = options.fileName ?? 'file.ts';
  const skipped = reasonToSkip(text);
  if (skipped) return emptyReport(fileName, skipped);
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) {
    return parsed.tooDeep ? emptyReport(fileName, TOO_DEEP) : { ...emptyReport(fileName, null), parseError: parsed.error };
  }
  let model: Model;
  try {
    model = buildModel(parsed.ast, text, fileName);
    // typescript-estree's `parse` leaves `.parent` unset; the facts layer and the rules walk up from nodes.
    setParents(model.ast);
    annotateWorkers(model);
    classifyModel(model);
  } catch (err) {
    // Recursion limits on absurdly nested code: say so, keep the host alive.
    if (err instanceof RangeError) return emptyReport(fileName, TOO_DEEP);
    throw err;
  }
  let findings;
  try {
    findings = runRules(model, options.rules ?? {});
  } catch (err) {
    if (err instanceof RangeError) return emptyReport(fileName, TOO_DEEP);
    throw err;
  }
  const functions = model.functions.map(toFunctionReport);
  // P is read off each parallel function's predicted schedule, so Amdahl's bound covers every simulated speed-up.
  for (const fn of functions) {
    if (fn.quadrant === 'parallel' || fn.quadrant === 'concurrent-parallel') fn.parallelFraction = parallelFractionOf({ functions }, fn.id);
  }
  return {
    version: 1,
    fileName,
    parseError: null,
    skipped: null,
    quadrant: fileQuadrant(model.functions),
    functions,
    findings,
  };
}

function reasonToSkip(text: string): string | null {
  if (text.length > DEFAULT_MAX_BYTES) {
    return `file is ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${DEFAULT_MAX_BYTES / 1024 / 1024} MB analysis limit`;
  }
  if (looksMinified(text)) return 'file looks minified (very long lines); analyse its source instead';
  if (text.includes('\u0000')) return 'file looks binary (contains NUL bytes)';
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
