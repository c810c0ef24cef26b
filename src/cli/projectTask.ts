/**
 * Project mode, the worker's side: analyse one component of the import graph (a file, or
 * the files of a cycle) with the summaries of the files it imports, and send back each
 * file's summary (for the files that import it) and, for the files asked for, the report
 * and timelines.
 *
 * A worker keeps, for the run, every summary it is sent or makes itself, so a task carries
 * only the summaries this worker has not seen (the main thread keeps count, projectRun.ts):
 * linking a file near the top of a project reads the summaries of most files below it, and
 * copying them all into every task cost more than analysing the file. The worker links the
 * imports itself, from those summaries and the specifiers' resolutions.
 *
 * A cycle's members need each other's summaries, which change while it settles: each member
 * is parsed once and analysed again on the same tree until the summaries are the same
 * twice, or MAX_CYCLE_ROUNDS have run.
 */
import { parseSource } from '../core/parse';
import { MAX_CYCLE_ROUNDS } from '../core/project/analyzeProject';
import { linkImports, type LinkHost } from '../core/project/link';
import type { ModuleSummary } from '../core/project/summaryTypes';
import { analyzeModule, analyzeParsed, reasonToSkip, type ModuleAnalysis } from '../core/report';
import type { AnalyzeOptions, Report, SeveritySetting } from '../core/reportTypes';
import type { Timeline } from '../core/simulate';
import { jsonFieldsOnly } from './jsonReport';
import { simulateFile } from './timelines';
import type { AnalyzedFile } from './types';

export interface ModuleInput {
  /** The project layer's name (absolute POSIX path). */
  key: string;
  /** As printed. */
  path: string;
  text: string;
  specifiers: string[];
  /** Asked for: send back its report. */
  report: boolean;
}

export interface ProjectTask {
  kind: 'project';
  /** Names the CLI run: a worker holds the summaries it is sent or makes for one run only. */
  run: string;
  members: ModuleInput[];
  /** The members import each other: analysed in rounds until their summaries settle. */
  cycle: boolean;
  /** Summaries that linking the members' imports reads and this worker does not hold yet. */
  summaries: Record<string, ModuleSummary>;
  /** What each specifier resolves to, for the members and every file linking reads through (re-exports, a cycle's reach). */
  resolved: Record<string, Record<string, string>>;
  rules: Record<string, SeveritySetting>;
  strict: boolean;
  timelineCores: number | null;
  /** The run prints JSON only: send back just what formatJson prints (jsonReport.ts). */
  jsonOnly: boolean;
}

export interface ModuleOutput {
  key: string;
  summary: ModuleSummary | null;
  /** Only for files asked for. Not the whole AnalyzedFile: the main thread has the text already. */
  report: Report | null;
  timelines: Timeline[] | null;
  /** An internal error while analysing it (a bug): the other members still come back. */
  problem?: string;
}

export interface ProjectResult {
  kind: 'modules';
  modules: ModuleOutput[];
}

/** The summaries this worker holds for the current run. */
let held: { run: string; summaries: Map<string, ModuleSummary> } = { run: '', summaries: new Map() };

function holdings(task: ProjectTask): Map<string, ModuleSummary> {
  if (held.run !== task.run) held = { run: task.run, summaries: new Map() };
  for (const [key, summary] of Object.entries(task.summaries)) held.summaries.set(key, summary);
  return held.summaries;
}

export function runProjectTask(task: ProjectTask): ProjectResult {
  const summaries = holdings(task);
  const link: LinkHost = { resolve: (specifier, from) => task.resolved[from]?.[specifier] ?? null, summaryOf: (file) => summaries.get(file) };
  const analyses = task.cycle ? settleCycle(task, link, summaries) : analyzeSingles(task, link);
  for (const [key, analysis] of analyses) if ('summary' in analysis && analysis.summary) summaries.set(key, analysis.summary);
  const modules = task.members.map((member): ModuleOutput => {
    const analysis = analyses.get(member.key)!;
    if ('problem' in analysis) return { key: member.key, summary: null, report: null, timelines: null, problem: analysis.problem };
    if (!member.report) return { key: member.key, summary: analysis.summary, report: null, timelines: null };
    const file: AnalyzedFile = { path: member.path, text: member.text, report: analysis.report };
    const timelines = task.timelineCores === null ? null : simulateFile(file, task.timelineCores);
    return { key: member.key, summary: analysis.summary, report: task.jsonOnly ? jsonFieldsOnly(analysis.report) : analysis.report, timelines };
  });
  return { kind: 'modules', modules };
}

type Outcome = ModuleAnalysis | { problem: string };

function options(task: ProjectTask, member: ModuleInput, imports: AnalyzeOptions['imports']): AnalyzeOptions {
  return { fileName: member.path, rules: task.rules, strict: task.strict, imports };
}

function guarded(run: () => ModuleAnalysis): Outcome {
  try {
    return run();
  } catch (err) {
    // A bug in one rule must not hide the results for the other files.
    return { problem: `internal error while analysing (please report it): ${err instanceof Error ? err.message : String(err)}` };
  }
}

function analyzeSingles(task: ProjectTask, link: LinkHost): Map<string, Outcome> {
  return new Map(task.members.map((member) => [member.key, guarded(() => analyzeModule(member.text, options(task, member, linkImports(member.key, member.specifiers, link)), member.key))]));
}

function settleCycle(task: ProjectTask, link: LinkHost, summaries: Map<string, ModuleSummary>): Map<string, Outcome> {
  // Parsed once; a file the core skips or cannot parse goes through analyzeModule, which says why.
  const trees = new Map(task.members.map((member) => [member.key, reasonToSkip(member.text, member.path) ? null : parseSource(member.text, member.path)]));
  const outcomes = new Map<string, Outcome>();
  let previous = '';
  for (let round = 0; round < MAX_CYCLE_ROUNDS; round++) {
    for (const member of task.members) {
      const imports = linkImports(member.key, member.specifiers, link);
      const parsed = trees.get(member.key);
      const outcome = guarded(() =>
        parsed?.ok ? analyzeParsed(parsed.ast, member.text, options(task, member, imports), member.key) : analyzeModule(member.text, options(task, member, imports), member.key),
      );
      outcomes.set(member.key, outcome);
      if ('summary' in outcome && outcome.summary) summaries.set(member.key, outcome.summary);
    }
    const now = JSON.stringify(task.members.map((member) => summaries.get(member.key) ?? null));
    if (now === previous) break;
    previous = now;
  }
  return outcomes;
}
