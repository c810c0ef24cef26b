/**
 * The JSON format: a stable contract for scripts. Every object is built key by key
 * (never spread from the Report), so a field added to the core cannot leak into it
 * and the key order never changes.
 */
import type { Finding, FunctionReport, ParseError } from '../core/reportTypes';
import type { Quadrant } from '../core/model';
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
 * When timelines land, add an optional `timeline` key at the end of JsonFunction and
 * fill it in jsonFunction() only when --timeline is given, so the default contract
 * stays byte-for-byte what it is today.
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
}

export interface JsonFinding {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function formatJson(files: readonly AnalyzedFile[]): string {
  return `${JSON.stringify(toJsonOutput(files), null, 2)}\n`;
}

export function toJsonOutput(files: readonly AnalyzedFile[]): JsonOutput {
  return { version: 1, files: files.map(jsonFile) };
}

export function jsonFile(file: AnalyzedFile): JsonFile {
  const { report } = file;
  return {
    path: file.path,
    parseError: report.parseError ? jsonParseError(report.parseError) : null,
    quadrant: report.quadrant,
    // A skipped file has no functions or findings; why it was skipped goes to stderr.
    functions: report.functions.map(jsonFunction),
    findings: report.findings.map(jsonFinding),
  };
}

function jsonParseError(error: ParseError): JsonParseError {
  return { message: error.message, line: error.line, column: error.column };
}

export function jsonFunction(fn: FunctionReport): JsonFunction {
  return {
    name: fn.name,
    line: fn.line,
    column: fn.column,
    endLine: fn.endLine,
    endColumn: fn.endColumn,
    async: fn.async,
    quadrant: fn.quadrant,
    parallelFraction: roundTo2(fn.parallelFraction),
  };
}

export function jsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
  };
}

/** Two decimals: the estimate is structural, more digits would promise precision it lacks. */
export function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}
