/**
 * Runs in a worker thread: the parser, the analysis and the report formatters
 * never run on the extension host's thread, so a big file cannot freeze typing
 * and activation stays light. No `vscode` here.
 */
import { parentPort } from 'worker_threads';
import { formatJson } from '../cli/formatJson';
import { formatSarif } from '../cli/formatSarif';
import { analyze } from '../core/report';
import { ProjectWorkerState } from './projectWorker';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/** Resolution caches and summaries this worker keeps between requests. */
const project = new ProjectWorkerState();

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    if (request.project) {
      const { report, entries } = project.analyze(request.text, request.fileName, request.rules, request.project, request.strict ?? false);
      response = { id: request.id, ok: true, report, entries };
    } else {
      response = { id: request.id, ok: true, report: analyze(request.text, { fileName: request.fileName, rules: request.rules, strict: request.strict ?? false }) };
    }
    const report = response.report;
    if (request.exportAs) {
      const file = { path: request.exportAs.displayPath, text: request.text, report };
      response.exported = request.exportAs.format === 'json' ? formatJson([file]) : formatSarif({ files: [file], problems: [] }, { rules: request.rules });
    }
  } catch (err) {
    response = { id: request.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
  }
  parentPort?.postMessage(response);
});
