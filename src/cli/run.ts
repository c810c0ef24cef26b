/**
 * One CLI run, from argv to exit code. The process (stdout, env, cwd) is passed in
 * so tests can run it in-process; main.ts is the only file that touches `process`.
 */
import * as path from 'node:path';
import { overBudgetReason, skippedReport } from '../core/limits';
import type { Severity } from '../core/reportTypes';
import type { Timeline } from '../core/simulate';
import { nonDefaultRules, resolveSettings } from '../core/config';
import { parseCommandLine, type CliOptions, type FailOn } from './args';
import { loadPageAssets, pages, tracePayload, writeArtifact, type PageAssets } from './artifacts';
import { COLORS, NO_COLORS, wantsColor } from './color';
import { escapeLines } from './escape';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { findConfig, withoutIgnored } from './configFile';
import type { FileResult, FileTask } from './fileTask';
import { FILE_WORKER_ROLE } from './workerRole';
import { runAll, TaskPool, type TaskOutcome } from './pool/taskPool';
import { analyzeAsProject, type AnalysisSettings } from './projectRun';
import type { WorkerResult, WorkerTask } from './workerTasks';
import type { AnalyzedFile, RunResult } from './types';
import { usageText } from './usage';
import { automaticJobs } from './workerCount';
import { TOOL_NAME, TOOL_VERSION } from './version';
import { collectFiles, compareCodeUnits, type SourceFile } from './walk';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TROUBLE = 2;

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Defaults to the machine's available parallelism. */
  defaultCores?: number;
  /** Default for --jobs; the machine's available parallelism when not given. */
  defaultJobs?: number;
  /**
   * The analysis workers' script: dist/cli.js (the launcher of the bundle) for the bundle (main.ts passes it),
   * fileWorker.js beside this file for the compiled sources the tests run.
   */
  workerFile?: string;
  /** Folder holding webview.js for --html; defaults to the running bundle's (dist/). */
  distDir?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, io.defaultCores, io.defaultJobs);
  switch (parsed.kind) {
    case 'help':
      io.stdout(usageText());
      return EXIT_OK;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(escapeLines(`${TOOL_NAME}: ${parsed.message}\nRun '${TOOL_NAME} --help' for usage.\n`));
      return EXIT_TROUBLE;
    case 'run':
      return analyzeAndPrint(parsed.options, io);
  }
}

async function analyzeAndPrint(options: CliOptions, io: CliIo): Promise<number> {
  // A missing renderer is a broken install, found before any work (or output) is done.
  let assets: PageAssets | null = null;
  if (options.html !== null) {
    const loaded = loadPageAssets(io.distDir ?? __dirname);
    if ('error' in loaded) {
      io.stderr(escapeLines(`${TOOL_NAME}: ${loaded.error}\n`));
      return EXIT_TROUBLE;
    }
    assets = loaded;
  }

  // A broken configuration is found before any file is read, like a broken command line.
  const lookup = findConfig(options.config, options.paths, io.cwd);
  if (lookup.kind === 'error') {
    io.stderr(escapeLines(lookup.messages.map((message) => `${TOOL_NAME}: ${message}\n`).join('')));
    return EXIT_TROUBLE;
  }
  const resolved = resolveSettings({ config: lookup.found.config, cliPreset: options.preset, cliRules: options.rules });
  const walked = collectFiles(options.paths, io.cwd);
  const sources = withoutIgnored(walked.files, lookup.found);
  const result: RunResult = { files: [], problems: [...walked.problems] };
  // Simulated once, in the worker, and shared by the JSON or text timelines and the trace file.
  const wantsTimelines = options.timeline || options.trace !== null;
  const settings: AnalysisSettings = {
    rules: resolved.rules,
    strict: resolved.strict,
    timelineCores: wantsTimelines ? options.cores : null,
    jobs: options.jobsGiven ? options.jobs : automaticJobs(sources, options.jobs),
    budgetMs: options.timeBudgetMs,
    workerFile: io.workerFile ?? path.join(__dirname, 'fileWorker.js'),
    jsonOnly: options.format === 'json' && options.html === null && options.trace === null,
  };
  const fileTimelines: Timeline[][] = [];
  const notes: string[] = [];
  let results: FileResult[];
  if (options.project && sources.length > 0) {
    const run = await analyzeAsProject(sources, settings, io.cwd);
    results = run.results;
    notes.push(...run.notes.map((note) => `${TOOL_NAME}: ${note}\n`));
  } else {
    const outcomes = await analyzeFiles(sources, settings);
    results = outcomes.map((outcome, index) => toFileResult(outcome, sources[index], options));
  }
  results.forEach((done) => {
    if (done.kind === 'problem') result.problems.push(done.problem);
    else {
      result.files.push(done.file);
      fileTimelines.push(done.timelines ?? []);
    }
  });
  result.problems.sort((a, b) => compareCodeUnits(a.path, b.path));
  const timelines = wantsTimelines ? fileTimelines : null;
  io.stdout(render(result, options, io, options.timeline ? timelines : null, nonDefaultRules(resolved.rules)));

  notes.push(...result.problems.map((problem) => `${TOOL_NAME}: ${problem.path}: ${problem.reason}\n`));
  // Text output already says why a file was not analysed; JSON and SARIF readers are
  // scripts, so the person running them hears about it here.
  if (options.format !== 'text') notes.push(...result.files.flatMap(notAnalysedNote));
  if (sources.length === 0 && walked.problems.length === 0) {
    notes.push(`${TOOL_NAME}: no TypeScript or JavaScript files found in ${options.paths.join(', ')}\n`);
  }
  const artifacts = writeArtifacts(result, options, io, assets, timelines);
  notes.push(...artifacts.notes);
  // Paths and reasons come from the file system and the files: no raw control characters to the terminal.
  if (notes.length > 0) io.stderr(escapeLines(notes.join('')));

  // A requested artefact that is missing fails the run like an unreadable path: the CI
  // job would otherwise go green and then upload nothing.
  return artifacts.failed ? EXIT_TROUBLE : exitCode(result, options.failOn);
}

/** --html and --trace: `wrote FILE` for each file written, or why it was not. */
function writeArtifacts(
  result: RunResult,
  options: CliOptions,
  io: CliIo,
  assets: PageAssets | null,
  timelines: Timeline[][] | null,
): { notes: string[]; failed: boolean } {
  const outputs: { file: string; contents: string }[] = [];
  const notes: string[] = [];
  let failed = false;
  if (options.html !== null && assets !== null) {
    const written = pages(result.files, options.html, options.cores, assets);
    if (written.length === 0) {
      notes.push(`${TOOL_NAME}: --html: no analysed file to draw, nothing written\n`);
      failed = true;
    }
    outputs.push(...written.map((page) => ({ file: page.file, contents: page.html })));
  }
  if (options.trace !== null && timelines !== null) {
    outputs.push({ file: options.trace, contents: `${JSON.stringify(tracePayload(result.files, timelines))}\n` });
  }
  for (const { file, contents } of outputs) {
    const failure = writeArtifact(io.cwd, file, contents);
    if (failure !== null) failed = true;
    notes.push(failure === null ? `${TOOL_NAME}: wrote ${file}\n` : `${TOOL_NAME}: cannot write ${file}: ${failure}\n`);
  }
  return { notes, failed };
}

/**
 * Every file on the worker pool (one thread per job, never more than there are files), each
 * under the time budget; outcomes in the order of `files`, whatever order they finish in,
 * so the output is the same for any --jobs.
 */
async function analyzeFiles(files: readonly SourceFile[], settings: AnalysisSettings): Promise<TaskOutcome<FileResult>[]> {
  if (files.length === 0) return [];
  const pool = new TaskPool<WorkerTask, WorkerResult>({
    workerFile: settings.workerFile,
    workerData: { role: FILE_WORKER_ROLE },
    size: Math.min(settings.jobs, files.length),
    budgetMs: settings.budgetMs,
  });
  try {
    const tasks = files.map((file): FileTask => ({ kind: 'file', absolute: file.absolute, path: file.path, rules: settings.rules, strict: settings.strict, timelineCores: settings.timelineCores }));
    return (await runAll(pool, tasks)) as TaskOutcome<FileResult>[];
  } finally {
    await pool.close();
  }
}

/** A file over its budget is reported as skipped, like one too big to read; a worker that failed is an internal error. */
function toFileResult(outcome: TaskOutcome<FileResult>, source: SourceFile, options: CliOptions): FileResult {
  switch (outcome.kind) {
    case 'done':
      return outcome.value;
    case 'over-budget': {
      const reason = `${overBudgetReason(outcome.budgetMs)} (--time-budget)`;
      return { kind: 'file', file: { path: source.path, text: '', report: skippedReport(source.path, reason) }, timelines: options.timeline || options.trace !== null ? [] : null };
    }
    case 'failed':
      return { kind: 'problem', problem: { path: source.path, reason: `internal error while analysing (please report it): ${outcome.message}` } };
    case 'crashed':
      return { kind: 'problem', problem: { path: source.path, reason: `internal error: the analysis worker stopped (${outcome.message}; please report it)` } };
  }
}

function render(result: RunResult, options: CliOptions, io: CliIo, timelines: Timeline[][] | null, ruleOverrides: CliOptions['rules']): string {
  switch (options.format) {
    case 'json':
      return formatJson(result.files, { timelines: timelines ?? undefined });
    case 'sarif':
      return formatSarif(result, { rules: ruleOverrides });
    case 'text': {
      const paint = wantsColor({ isTTY: io.stdoutIsTTY, env: io.env }) ? COLORS : NO_COLORS;
      return formatText(result, { cores: options.cores, paint, timelines: timelines ?? undefined });
    }
  }
}

function notAnalysedNote(file: AnalyzedFile): string[] {
  const { parseError, skipped } = file.report;
  if (parseError) {
    return [`${TOOL_NAME}: ${file.path}:${parseError.line}:${parseError.column}: parse error, not analysed: ${parseError.message}\n`];
  }
  if (skipped) return [`${TOOL_NAME}: ${file.path}: skipped: ${skipped}\n`];
  return [];
}

/**
 * 2 beats 1: when a path could not be read the run is incomplete, and a CI job should
 * fail loudly for that even if the files that were read have findings too. A parse error
 * alone does not fail the run: the file is reported as not analysed, and failing would
 * turn every half-written file or unsupported syntax into a broken build.
 */
export function exitCode(result: RunResult, failOn: FailOn): number {
  if (result.problems.length > 0) return EXIT_TROUBLE;
  if (failOn === 'none') return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  const failing = result.files.some((file) =>
    file.report.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold),
  );
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
