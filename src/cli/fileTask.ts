/**
 * One file's work, as the CLI hands it to a worker thread: read, decode, analyse and, when
 * the run wants timelines, simulate every function. All of it runs inside the time budget,
 * and the result is plain data that crosses back to the main thread unchanged.
 */
import { skippedReport } from '../core/limits';
import { analyze } from '../core/report';
import type { SeveritySetting } from '../core/reportTypes';
import type { Timeline } from '../core/simulate';
import { readSource } from './readSource';
import { simulateFile } from './timelines';
import type { AnalyzedFile, FileProblem } from './types';

export interface FileTask {
  kind: 'file';
  absolute: string;
  /** As printed. */
  path: string;
  rules: Record<string, SeveritySetting>;
  /** AnalyzeOptions.strict (the `strict` preset). */
  strict: boolean;
  /** Core count to simulate timelines for, or null when no output needs them. */
  timelineCores: number | null;
}

export type FileResult =
  | { kind: 'file'; file: AnalyzedFile; timelines: Timeline[] | null }
  | { kind: 'problem'; problem: FileProblem };

export function runFileTask(task: FileTask): FileResult {
  const read = readSource(task.absolute);
  if (read.kind === 'error') return { kind: 'problem', problem: { path: task.path, reason: read.reason } };
  if (read.kind === 'skipped') return analysed({ path: task.path, text: '', report: skippedReport(task.path, read.reason) }, task);
  try {
    const report = analyze(read.text, { fileName: task.path, rules: task.rules, strict: task.strict });
    return analysed({ path: task.path, text: read.text, report }, task);
  } catch (err) {
    // A bug in one rule must not hide the results for every other file.
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'problem', problem: { path: task.path, reason: `internal error while analysing (please report it): ${message}` } };
  }
}

function analysed(file: AnalyzedFile, task: FileTask): FileResult {
  return { kind: 'file', file, timelines: task.timelineCores === null ? null : simulateFile(file, task.timelineCores) };
}
