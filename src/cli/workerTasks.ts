/**
 * Everything the CLI's analysis workers do: one file alone (`--no-project`), or one
 * component of the project's import graph (project mode). One worker script serves both.
 */
import { runFileTask, type FileResult, type FileTask } from './fileTask';
import { runProjectTask, type ProjectResult, type ProjectTask } from './projectTask';

export type WorkerTask = FileTask | ProjectTask;
export type WorkerResult = FileResult | ProjectResult;

export function runWorkerTask(task: WorkerTask): WorkerResult {
  return task.kind === 'project' ? runProjectTask(task) : runFileTask(task);
}
