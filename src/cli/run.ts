/**
 * One CLI run, from argv to exit code. The process (stdout, env, cwd) is passed in
 * so tests can run it in-process; main.ts is the only file that touches `process`.
 */
import { analyze } from '../core/report';
import type { Report, Severity } from '../core/reportTypes';
import type { Timeline } from '../core/simulate';
import { parseCommandLine, type CliOptions, type FailOn } from './args';
import { loadPageAssets, pages, tracePayload, writeArtifact, type PageAssets } from './artifacts';
import { COLORS, NO_COLORS, wantsColor } from './color';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { readSource } from './readSource';
import { simulateFile } from './timelines';
import type { AnalyzedFile, FileProblem, RunResult } from './types';
import { usageText } from './usage';
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
  /** Folder holding webview.js for --html; defaults to the running bundle's (dist/). */
  distDir?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseCommandLine(argv, io.defaultCores);
  switch (parsed.kind) {
    case 'help':
      io.stdout(usageText());
      return EXIT_OK;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`${TOOL_NAME}: ${parsed.message}\nRun '${TOOL_NAME} --help' for usage.\n`);
      return EXIT_TROUBLE;
    case 'run':
      return analyzeAndPrint(parsed.options, io);
  }
}

function analyzeAndPrint(options: CliOptions, io: CliIo): number {
  // A missing renderer is a broken install, found before any work (or output) is done.
  let assets: PageAssets | null = null;
  if (options.html !== null) {
    const loaded = loadPageAssets(io.distDir ?? __dirname);
    if ('error' in loaded) {
      io.stderr(`${TOOL_NAME}: ${loaded.error}\n`);
      return EXIT_TROUBLE;
    }
    assets = loaded;
  }

  const walked = collectFiles(options.paths, io.cwd);
  const result: RunResult = { files: [], problems: [...walked.problems] };
  for (const source of walked.files) {
    const outcome = analyzeFile(source, options);
    if ('reason' in outcome) result.problems.push(outcome);
    else result.files.push(outcome);
  }
  result.problems.sort((a, b) => compareCodeUnits(a.path, b.path));

  // Simulated once, shared by the JSON or text timelines and the trace file.
  const timelines = options.timeline || options.trace !== null ? result.files.map((file) => simulateFile(file, options.cores)) : null;
  io.stdout(render(result, options, io, options.timeline ? timelines : null));

  const notes = result.problems.map((problem) => `${TOOL_NAME}: ${problem.path}: ${problem.reason}\n`);
  // Text output already says why a file was not analysed; JSON and SARIF readers are
  // scripts, so the person running them hears about it here.
  if (options.format !== 'text') notes.push(...result.files.flatMap(notAnalysedNote));
  if (walked.files.length === 0 && walked.problems.length === 0) {
    notes.push(`${TOOL_NAME}: no TypeScript or JavaScript files found in ${options.paths.join(', ')}\n`);
  }
  const artifacts = writeArtifacts(result, options, io, assets, timelines);
  notes.push(...artifacts.notes);
  if (notes.length > 0) io.stderr(notes.join(''));

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

function analyzeFile(source: SourceFile, options: CliOptions): AnalyzedFile | FileProblem {
  const read = readSource(source.absolute);
  if (read.kind === 'error') return { path: source.path, reason: read.reason };
  if (read.kind === 'skipped') return { path: source.path, text: '', report: skippedReport(source.path, read.reason) };
  try {
    const report = analyze(read.text, { fileName: source.path, rules: options.rules });
    return { path: source.path, text: read.text, report };
  } catch (err) {
    // A bug in one rule must not hide the results for every other file.
    const message = err instanceof Error ? err.message : String(err);
    return { path: source.path, reason: `internal error while analysing (please report it): ${message}` };
  }
}

function render(result: RunResult, options: CliOptions, io: CliIo, timelines: Timeline[][] | null): string {
  switch (options.format) {
    case 'json':
      return formatJson(result.files, { timelines: timelines ?? undefined });
    case 'sarif':
      return formatSarif(result, { rules: options.rules });
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

/** The same shape the core returns for a file it declines to analyse. */
function skippedReport(fileName: string, reason: string): Report {
  return { version: 1, fileName, parseError: null, skipped: reason, quadrant: 'sequential', functions: [], findings: [] };
}
