/**
 * Project mode, the worker's side: analyse one component of the import graph (a file, or
 * the files of a cycle) with what the main thread knows about the files it imports, and
 * send back each file's summary (for the files that import it) and, for the files asked
 * for, the report and timelines.
 *
 * A single file gets its imports already linked (ProjectImports). A cycle's members need
 * each other's summaries, which change while it settles, so a cycle gets the summaries of
 * everything it reaches and the resolved specifiers, and links itself on every round:
 * each member is parsed once and analysed again on the same tree until the summaries are
 * the same twice, or MAX_CYCLE_ROUNDS have run.
 */
import { parseSource } from '../core/parse';
import { MAX_CYCLE_ROUNDS } from '../core/project/analyzeProject';
import { linkImports } from '../core/project/link';
import type { ModuleSummary, ProjectImports } from '../core/project/summaryTypes';
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
  /** A single file's linked imports (absent for a cycle's members). */
  imports?: ProjectImports;
}

export interface ProjectTask {
  kind: 'project';
  members: ModuleInput[];
  /** For a cycle: the summaries of every file it reaches, and what each specifier resolves to. */
  cycle: { summaries: Record<string, ModuleSummary>; resolved: Record<string, Record<string, string>> } | null;
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

export function runProjectTask(task: ProjectTask): ProjectResult {
  const analyses = task.cycle === null ? analyzeSingles(task) : settleCycle(task, task.cycle);
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

function options(task: ProjectTask, member: ModuleInput, imports: ProjectImports | undefined): AnalyzeOptions {
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

function analyzeSingles(task: ProjectTask): Map<string, Outcome> {
  return new Map(task.members.map((member) => [member.key, guarded(() => analyzeModule(member.text, options(task, member, member.imports), member.key))]));
}

function settleCycle(task: ProjectTask, cycle: NonNullable<ProjectTask['cycle']>): Map<string, Outcome> {
  const local = new Map<string, ModuleSummary>();
  const link = {
    resolve: (specifier: string, from: string) => cycle.resolved[from]?.[specifier] ?? null,
    summaryOf: (file: string) => local.get(file) ?? cycle.summaries[file],
  };
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
      if ('summary' in outcome && outcome.summary) local.set(member.key, outcome.summary);
    }
    const now = JSON.stringify(task.members.map((member) => local.get(member.key) ?? null));
    if (now === previous) break;
    previous = now;
  }
  return outcomes;
}
