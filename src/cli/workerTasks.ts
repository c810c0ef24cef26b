/**
 * Everything the CLI's analysis workers do: one file alone (`--no-project`), or one
 * component of the project's import graph (project mode). One worker script serves both.
 */
import { importSpecifiers } from '../core/project/analyzeProject';
import { runFileTask, type FileResult, type FileTask } from './fileTask';
import { runProjectTask, type ProjectResult, type ProjectTask } from './projectTask';

/** Project mode's first step for the files asked for: the import specifiers of each text (projectGraph.ts). */
export interface ScanTask {
  kind: 'scan';
  texts: string[];
}

export interface ScanResult {
  kind: 'specifiers';
  specifiers: string[][];
}

export type WorkerTask = FileTask | ProjectTask | ScanTask;
export type WorkerResult = FileResult | ProjectResult | ScanResult;

export function runWorkerTask(task: WorkerTask): WorkerResult {
  if (task.kind === 'scan') return { kind: 'specifiers', specifiers: task.texts.map(importSpecifiers) };
  return task.kind === 'project' ? runProjectTask(task) : runFileTask(task);
}
