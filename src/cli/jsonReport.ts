/**
 * What of a Report the JSON format prints (formatJson.ts), and nothing more. A worker that
 * knows the run prints only JSON (no --html, no --trace) sends this instead of the whole
 * report: segments, evidence, fixes and the imported functions are most of a report's size,
 * and copying them between threads cost more than the JSON printing itself. Timelines are
 * simulated before this, from the whole report.
 */
import type { Finding, FunctionReport, Report } from '../core/reportTypes';

export function jsonFieldsOnly(report: Report): Report {
  return {
    version: report.version,
    fileName: report.fileName,
    parseError: report.parseError,
    skipped: report.skipped,
    quadrant: report.quadrant,
    functions: report.functions.map(functionFields),
    findings: report.findings.map(findingFields),
  };
}

function functionFields(fn: FunctionReport): FunctionReport {
  return {
    id: fn.id,
    name: fn.name,
    kind: fn.kind,
    async: fn.async,
    quadrant: fn.quadrant,
    parallelFraction: fn.parallelFraction,
    parentId: fn.parentId,
    line: fn.line,
    column: fn.column,
    endLine: fn.endLine,
    endColumn: fn.endColumn,
    start: fn.start,
    end: fn.end,
    evidence: [],
    segments: [],
  };
}

function findingFields(finding: Finding): Finding {
  return { ...finding, fixes: [] };
}
