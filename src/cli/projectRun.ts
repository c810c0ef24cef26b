/**
 * Project mode, the main thread's side: find the import graph (projectGraph.ts), then hand
 * its components to the worker pool as soon as the components they import are done, each
 * with the summaries of what it imports that its worker does not hold yet (summaryLedger.ts).
 * Independent files run at once on different
 * workers; a file waits only for its own imports. Each file keeps its time budget (a cycle
 * gets one budget per member, since it is analysed as one task); a file over its budget
 * is reported as skipped, and the files importing it are analysed without its summary.
 *
 * The output does not depend on the order in which workers finish: every task's inputs
 * are fixed once its imports are done, and results are collected per file.
 */
import { overBudgetReason, skippedReport } from '../core/limits';
import { createResolver } from '../core/project/resolve';
import type { ModuleSummary } from '../core/project/summaryTypes';
import type { SeveritySetting } from '../core/reportTypes';
import type { FileResult } from './fileTask';
import { FILE_WORKER_ROLE } from './workerRole';
import { createNodeHost } from './nodeHost';
import { TaskPool, type TaskFor, type TaskOutcome } from './pool/taskPool';
import { discoverProject, toKey, type Prescanned, type ProjectFile, type ProjectGraph } from './projectGraph';
import { readSource } from './readSource';
import { SummaryLedger } from './summaryLedger';
import type { ModuleInput, ModuleOutput, ProjectTask } from './projectTask';
import type { AnalyzedFile } from './types';
import { displayPath, type SourceFile } from './walk';
import type { ScanTask, WorkerResult, WorkerTask } from './workerTasks';

export interface AnalysisSettings {
  rules: Record<string, SeveritySetting>;
  strict: boolean;
  /** Core count for timelines, or null when no output needs them. */
  timelineCores: number | null;
  jobs: number;
  budgetMs: number | null;
  workerFile: string;
  /** Only the JSON format is printed (no --html, no --trace): workers send back only what it prints. */
  jsonOnly: boolean;
}

export interface ProjectRunResult {
  /** One per asked-for file, in the order of `files`. */
  results: FileResult[];
  /** Imported files that could not be read. */
  notes: string[];
}

export async function analyzeAsProject(files: readonly SourceFile[], settings: AnalysisSettings, cwd: string): Promise<ProjectRunResult> {
  // Every asked-for file that can be read is a component of its own or in a cycle with others, so
  // more workers than files would idle. They start now: loading the bundle on their threads
  // overlaps reading and resolving the import graph here, which needs no worker.
  const pool = new TaskPool<WorkerTask, WorkerResult>({
    workerFile: settings.workerFile,
    workerData: { role: FILE_WORKER_ROLE },
    size: Math.max(1, Math.min(settings.jobs, files.length)),
    budgetMs: settings.budgetMs,
  });
  pool.prestart();
  const late: string[] = [];
  let notes: string[] = [];
  const byKey = new Map<string, FileResult>();
  try {
    const graph = discoverProject(files, cwd, createResolver(createNodeHost()), await scanAsked(files, pool, settings));
    for (const problem of graph.problems) byKey.set(problemKey(problem.path), { kind: 'problem', problem });
    notes = [...graph.notes];
    await schedule(graph, settings, pool, cwd, byKey, late);
  } finally {
    await pool.close();
  }
  // Sorted: they are found in the order workers finish, which must not show.
  notes.push(...late.sort());
  const results = files.map((file) => byKey.get(toKey(file.absolute)) ?? byKey.get(problemKey(file.path)) ?? internalProblem(file.path, 'the file was not analysed'));
  return { results, notes };
}

/**
 * The asked-for files read here and their import specifiers found on the workers, a share
 * each: the scan is TypeScript's scanner over every file, which the workers warm up for
 * their parses anyway, while the main thread would pay for it alone and idle meanwhile.
 * A share that does not come back is scanned here instead.
 */
async function scanAsked(files: readonly SourceFile[], pool: TaskPool<WorkerTask, WorkerResult>, settings: AnalysisSettings): Promise<Prescanned> {
  const out = new Map<string, { read: ReturnType<typeof readSource>; specifiers: string[] | null }>();
  const withText: { absolute: string; text: string }[] = [];
  for (const file of files) {
    if (out.has(file.absolute)) continue;
    const read = readSource(file.absolute);
    out.set(file.absolute, { read, specifiers: null });
    if (read.kind === 'text') withText.push({ absolute: file.absolute, text: read.text });
  }
  const shares = Math.max(1, Math.min(settings.jobs, withText.length));
  const size = Math.ceil(withText.length / shares);
  const tasks: Promise<void>[] = [];
  for (let start = 0; start < withText.length; start += size) {
    const share = withText.slice(start, start + size);
    const task: ScanTask = { kind: 'scan', texts: share.map((file) => file.text) };
    tasks.push(
      pool.run(task, settings.budgetMs === null ? null : settings.budgetMs * share.length).then((outcome) => {
        if (outcome.kind !== 'done' || outcome.value.kind !== 'specifiers') return;
        const found = outcome.value.specifiers;
        share.forEach((file, index) => (out.get(file.absolute)!.specifiers = found[index]));
      }),
    );
  }
  await Promise.all(tasks);
  return out;
}

/** Unreadable files are keyed by their printed path (how the graph reports them), kept apart from analysed ones. */
function problemKey(shown: string): string {
  return `problem:${shown}`;
}

function schedule(
  graph: ProjectGraph,
  settings: AnalysisSettings,
  pool: TaskPool<WorkerTask, WorkerResult>,
  cwd: string,
  byKey: Map<string, FileResult>,
  notes: string[],
): Promise<unknown> {
  const ledger = new SummaryLedger(graph);
  const componentOf = new Map<string, number>();
  graph.components.forEach((members, index) => members.forEach((key) => componentOf.set(key, index)));
  const finished: Promise<void>[] = [];
  graph.components.forEach((members, index) => {
    const needs = new Set<number>();
    for (const key of members) for (const target of Object.values(graph.files.get(key)!.resolved)) {
      const other = componentOf.get(target);
      if (other !== undefined && other !== index) needs.add(other);
    }
    // Components come in dependency order, so everything this one needs is already scheduled.
    finished[index] = Promise.all([...needs].map((other) => finished[other]))
      .then(() => runComponent(members, graph, settings, pool, cwd, ledger, byKey, notes))
      .catch((err: unknown) => {
        // A bug here must cost this component's files, not the run (and not the files waiting on it).
        const message = err instanceof Error ? err.message : String(err);
        for (const key of members) {
          const file = graph.files.get(key)!;
          if (file.asked && !byKey.has(key)) byKey.set(key, internalProblem(file.path, `internal error while scheduling (please report it): ${message}`));
        }
      });
  });
  return Promise.all(finished);
}

async function runComponent(
  keys: readonly string[],
  graph: ProjectGraph,
  settings: AnalysisSettings,
  pool: TaskPool<WorkerTask, WorkerResult>,
  cwd: string,
  ledger: SummaryLedger,
  byKey: Map<string, FileResult>,
  notes: string[],
): Promise<void> {
  const members: ProjectFile[] = [];
  for (const key of keys) {
    const file = graph.files.get(key)!;
    if ('text' in file.source) members.push(file);
    else if (file.asked) byKey.set(key, skipped(file, file.source.skipped, settings));
  }
  if (members.length === 0) return;
  const inputs = members.map((file): ModuleInput => ({
    key: file.key,
    path: file.path,
    text: (file.source as { text: string }).text,
    specifiers: file.specifiers,
    report: file.asked,
  }));
  let worker: number | null = null;
  let shipped: string[] = [];
  const task: TaskFor<ProjectTask> = (takenBy) => {
    worker = takenBy;
    const shipment = ledger.shipment(takenBy, members);
    shipped = Object.keys(shipment.summaries);
    return {
      kind: 'project',
      run: ledger.run,
      members: inputs,
      cycle: members.length > 1,
      ...shipment,
      rules: settings.rules,
      strict: settings.strict,
      timelineCores: settings.timelineCores,
      jsonOnly: settings.jsonOnly,
    };
  };
  const outcome = (await pool.run(task as TaskFor<WorkerTask>, settings.budgetMs === null ? null : settings.budgetMs * members.length)) as TaskOutcome<{ kind: 'modules'; modules: ModuleOutput[] }>;
  if (outcome.kind === 'done') ledger.delivered(worker!, shipped);
  for (const file of members) {
    const result = resultFor(file, outcome, settings, cwd, (key, summary) => ledger.made(worker!, key, summary));
    if (result === null) continue;
    if (file.asked) byKey.set(file.key, result);
    else if (result.kind === 'problem') notes.push(`${file.path} (imported): ${result.problem.reason}; the files importing it were analysed without it`);
    else if (result.file.report.skipped) notes.push(`${file.path} (imported): skipped: ${result.file.report.skipped}; the files importing it were analysed without it`);
  }
}

/** What to report for one member: null for an imported file that went well. */
function resultFor(
  file: ProjectFile,
  outcome: TaskOutcome<{ kind: 'modules'; modules: ModuleOutput[] }>,
  settings: AnalysisSettings,
  cwd: string,
  made: (key: string, summary: ModuleSummary) => void,
): FileResult | null {
  switch (outcome.kind) {
    case 'done': {
      const output = outcome.value.modules.find((module) => module.key === file.key);
      if (!output) return internalProblem(file.path, 'the worker sent no result for the file');
      if (output.summary) made(file.key, output.summary);
      if (output.problem) return { kind: 'problem', problem: { path: file.path, reason: output.problem } };
      // A file read only for its summary has nothing more to say.
      if (!file.asked) return null;
      if (!output.report) return internalProblem(file.path, 'the worker sent no report for the file');
      return { kind: 'file', file: withRelatedPaths({ path: file.path, text: (file.source as { text: string }).text, report: output.report }, cwd), timelines: output.timelines };
    }
    case 'over-budget':
      return skipped(file, `${overBudgetReason(outcome.budgetMs)} (--time-budget)`, settings);
    case 'failed':
      return internalProblem(file.path, `internal error while analysing (please report it): ${outcome.message}`);
    case 'crashed':
      return internalProblem(file.path, `internal error: the analysis worker stopped (${outcome.message}; please report it)`);
  }
}

function skipped(file: ProjectFile, reason: string, settings: AnalysisSettings): FileResult {
  return { kind: 'file', file: { path: file.path, text: '', report: skippedReport(file.path, reason) }, timelines: settings.timelineCores === null ? null : [] };
}

function internalProblem(path: string, reason: string): FileResult {
  return { kind: 'problem', problem: { path, reason } };
}

/** Related locations in another file name it as every other path is printed: relative to where the CLI runs. */
function withRelatedPaths(file: AnalyzedFile, cwd: string): AnalyzedFile {
  const findings = file.report.findings.map((finding) =>
    finding.related.some((related) => related.file !== undefined)
      ? { ...finding, related: finding.related.map((related) => (related.file === undefined ? related : { ...related, file: displayPath(cwd, related.file) })) }
      : finding,
  );
  return { ...file, report: { ...file.report, findings } };
}
