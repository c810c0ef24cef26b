/**
 * The fixed budgets every analysis runs under, and the reasons a file is skipped when it
 * exceeds one. Free of imports with run-time weight, so the extension host (which must not
 * load the parser) and the CLI's main thread can use it too.
 */
import type { Report } from './reportTypes';

/**
 * Largest nesting estimate (depth.ts) that is parsed. The parser on the main thread's
 * default stack (about 1 MB, cold) copes with more than twice this for every construct
 * measured, so a file under it parses wherever it runs, whatever ran before.
 */
export const MAX_NESTING = 250;

/**
 * The stack of every analysis worker thread, CLI and extension alike (`resourceLimits.stackSizeMb`):
 * fixed and known, and well above what MAX_NESTING needs, so a file's verdict never depends on it.
 */
export const ANALYSIS_STACK_MB = 8;

/**
 * Time one file may take in the CLI before its worker is stopped and the file reported as
 * skipped (`--time-budget`). An ordinary 50,000-line file takes about 2 s on a 2-core
 * machine, but TypeScript's parser alone needs 13 to 30 s for some real bundles (a 3.6 MB,
 * 78,000-line library), and code it slows down on exponentially (24 nested `async function`
 * arguments, 627 bytes) takes a minute and more: CI wants a verdict on the first and only
 * needs to be rid of the second.
 */
export const DEFAULT_TIME_BUDGET_MS = 60_000;

/**
 * The editor's budget, fixed: analysis reruns after every pause in typing, a file that needs
 * more than this gives no as-you-type feedback anyway, and a stuck worker holds one of the
 * few the extension runs (cores - 1). Its status bar says why the file was skipped.
 */
export const EDITOR_TIME_BUDGET_MS = 20_000;

export function tooDeepReason(line: number): string {
  return `code is nested too deeply to analyse (more than ${MAX_NESTING} levels of brackets and operator chains, at line ${line})`;
}

/** The stack ran out although the depth check passed: a bug (a recursion without a guard), not the file's fault. */
export function outOfStackReason(stage: 'parser' | 'analysis'): string {
  return `internal error: the ${stage} ran out of stack although the file is not nested too deeply (please report it)`;
}

export function overBudgetReason(budgetMs: number): string {
  return `analysis took longer than the ${formatSeconds(budgetMs)} time budget and was stopped`;
}

export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(2))} s`;
}

/** The report of a file that was not analysed on purpose: no functions, no findings, the reason. */
export function skippedReport(fileName: string, reason: string): Report {
  return { version: 1, fileName, parseError: null, skipped: reason, quadrant: 'sequential', functions: [], findings: [] };
}
