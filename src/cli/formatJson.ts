/**
 * The JSON format: a stable contract for scripts. Every object is built key by key
 * (never spread from the Report), so a field added to the core cannot leak into it
 * and the key order never changes.
 */
import type { Finding, FunctionReport, ParseError } from '../core/reportTypes';
import type { Quadrant } from '../core/model/types';
import type { Timeline, TimelineSegment } from '../core/simulate';
import type { AnalyzedFile } from './types';

export interface JsonOutput {
  version: 1;
  files: JsonFile[];
}

export interface JsonFile {
  path: string;
  parseError: JsonParseError | null;
  quadrant: Quadrant;
  functions: JsonFunction[];
  findings: JsonFinding[];
}

export interface JsonParseError {
  message: string;
  line: number;
  column: number;
}

/*
 * `timeline` is the last key and present only with --timeline, so the default output
 * stays byte-for-byte what it was before timelines existed.
 */
export interface JsonFunction {
  name: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  async: boolean;
  quadrant: Quadrant;
  parallelFraction: number;
  timeline?: JsonTimeline;
}

/*
 * The `timeline` key of `--format json --timeline`. Built key by key like the rest of
 * the JSON contract (never the Timeline object itself), so the simulator can grow
 * fields (critical path, idle shares, assumptions) without changing what scripts read.
 */
export interface JsonTimeline {
  cores: number;
  total: number;
  lanes: JsonLane[];
  speedup: { P: number; cores: number; S: number; amdahl: number };
}

export interface JsonLane {
  name: string;
  segments: JsonSegment[];
}

export interface JsonSegment {
  kind: TimelineSegment['kind'];
  start: number;
  end: number;
  label: string;
  line: number;
}

export function jsonTimeline(timeline: Timeline): JsonTimeline {
  return {
    cores: timeline.cores,
    total: roundTo2(timeline.total),
    // Every lane, empty worker lanes included: an idle core is part of the answer.
    lanes: timeline.lanes.map((lane) => ({
      name: lane.name,
      segments: lane.segments.map((segment) => ({
        kind: segment.kind,
        start: roundTo2(segment.start),
        end: roundTo2(segment.end),
        label: segment.label,
        line: segment.line,
      })),
    })),
    speedup: { P: roundTo2(timeline.speedup.P), cores: timeline.speedup.cores, S: roundTo2(timeline.speedup.S), amdahl: roundTo2(timeline.speedup.amdahl) },
  };
}

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Present when the finding points elsewhere too; `file` is set when that place is in another file. */
  related?: JsonRelated[];
}

export interface JsonRelated {
  message: string;
  /** Another file of the project (printed like `path`); absent for the finding's own file. */
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonOptions {
  /** With --timeline: per file (same order as `files`), per function (report.functions order). */
  timelines?: readonly (readonly Timeline[])[];
}

export function formatJson(files: readonly AnalyzedFile[], options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonOutput(files, options), null, 2)}\n`;
}

export function toJsonOutput(files: readonly AnalyzedFile[], options: JsonOptions = {}): JsonOutput {
  return { version: 1, files: files.map((file, index) => jsonFile(file, options.timelines?.[index])) };
}

export function jsonFile(file: AnalyzedFile, timelines?: readonly Timeline[]): JsonFile {
  const { report } = file;
  return {
    path: file.path,
    parseError: report.parseError ? jsonParseError(report.parseError) : null,
    quadrant: report.quadrant,
    // A skipped file has no functions or findings; why it was skipped goes to stderr.
    functions: report.functions.map((fn, index) => jsonFunction(fn, timelines?.[index])),
    findings: report.findings.map(jsonFinding),
  };
}

function jsonParseError(error: ParseError): JsonParseError {
  return { message: error.message, line: error.line, column: error.column };
}

export function jsonFunction(fn: FunctionReport, timeline?: Timeline): JsonFunction {
  const out: JsonFunction = {
    name: fn.name,
    line: fn.line,
    column: fn.column,
    endLine: fn.endLine,
    endColumn: fn.endColumn,
    async: fn.async,
    quadrant: fn.quadrant,
    parallelFraction: roundTo2(fn.parallelFraction),
  };
  if (timeline) out.timeline = jsonTimeline(timeline);
  return out;
}

export function jsonFinding(finding: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
  if (finding.related.length > 0) {
    out.related = finding.related.map((related) => ({
      message: related.message,
      ...(related.file !== undefined ? { file: related.file } : {}),
      line: related.line,
      column: related.column,
      endLine: related.endLine,
      endColumn: related.endColumn,
    }));
  }
  return out;
}

/** Two decimals: the estimate is structural, more digits would promise precision it lacks. */
export function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}
