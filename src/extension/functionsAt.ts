/** Finding functions of a report by editor position. */
import type * as vscode from 'vscode';
import type { FunctionReport, Report } from '../core/reportTypes';

/** The innermost function whose range contains the offset (the module if none). */
export function innermostFunctionAt(report: Report, offset: number): FunctionReport | undefined {
  let best: FunctionReport | undefined;
  for (const fn of report.functions) {
    if (fn.start <= offset && offset <= fn.end && (!best || fn.end - fn.start <= best.end - best.start)) best = fn;
  }
  return best;
}

/**
 * The function whose head (from its start to the end of its first line) holds
 * the position: hovering a function's name or signature, not its body.
 */
export function functionHeadAt(report: Report, document: vscode.TextDocument, position: vscode.Position): FunctionReport | undefined {
  const offset = document.offsetAt(position);
  let best: FunctionReport | undefined;
  for (const fn of report.functions) {
    if (fn.name === '<module>' || fn.line - 1 !== position.line) continue;
    if (offset >= fn.start && offset <= fn.end && (!best || fn.start > best.start)) best = fn;
  }
  return best;
}
