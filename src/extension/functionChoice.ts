/**
 * Which function a timeline view shows, and how it keeps showing the same one
 * while the file is edited. Ids are positions in a report and move whenever a
 * function is added above; an identity (name, which one of that name, where it
 * was) survives edits. No `vscode` here: plain data in, plain data out.
 */
import type { FunctionReport, Report } from '../core/reportTypes';
import { simulate } from '../core/timeline/timeline';

export interface FunctionIdentity {
  name: string;
  /** Which of the functions with this name (0 = first in the file). */
  occurrence: number;
  /** How many had this name, so an added or removed namesake is noticed. */
  namesakes: number;
  line: number;
}

/** Past this many candidates the longest-time pick simulates only the largest ones. */
const MAX_SIMULATED = 200;
/** A cheap cap per simulation: the ranking only needs totals, not every segment. */
const RANKING_SEGMENTS = 400;

export function identityOf(report: Pick<Report, 'functions'>, functionId: number): FunctionIdentity | undefined {
  const fn = report.functions.find((f) => f.id === functionId);
  if (!fn) return undefined;
  const namesakes = report.functions.filter((f) => f.name === fn.name);
  return { name: fn.name, occurrence: namesakes.indexOf(fn), namesakes: namesakes.length, line: fn.line };
}

/** The function an identity names in a newer report, or undefined when it is gone (renamed or deleted). */
export function resolveIdentity(report: Pick<Report, 'functions'>, identity: FunctionIdentity): FunctionReport | undefined {
  const namesakes = report.functions.filter((f) => f.name === identity.name);
  if (namesakes.length === 0) return undefined;
  // The same set of namesakes: the same position among them, wherever the edit moved it.
  if (namesakes.length === identity.namesakes) return namesakes[identity.occurrence];
  // One was added or removed: the nearest to where it was.
  return namesakes.reduce((best, f) => (Math.abs(f.line - identity.line) < Math.abs(best.line - identity.line) ? f : best));
}

/**
 * The function to open when none was asked for: the one at the cursor when the
 * cursor is inside one, else the one with the most findings, else the one with
 * the longest predicted time. The module top level only when it is all there is,
 * or when its own code has the most findings.
 */
export function preferredFunction(report: Pick<Report, 'functions' | 'findings'>, cores: number, atCursor?: FunctionReport): number {
  if (atCursor && atCursor.kind !== 'module') return atCursor.id;
  const findings = new Map<number, number>();
  for (const finding of report.findings) findings.set(finding.functionId, (findings.get(finding.functionId) ?? 0) + 1);
  const candidates = report.functions.filter((f) => f.kind !== 'module' || (findings.get(f.id) ?? 0) > 0);
  if (candidates.length === 0) return report.functions[0]?.id ?? 0;
  const most = Math.max(...candidates.map((f) => findings.get(f.id) ?? 0));
  const tied = candidates.filter((f) => (findings.get(f.id) ?? 0) === most);
  return tied.length === 1 ? tied[0].id : longest(report, tied, cores).id;
}

/** The candidate with the longest predicted total; the earliest in the file among equals. */
function longest(report: Pick<Report, 'functions'>, candidates: FunctionReport[], cores: number): FunctionReport {
  // A huge file: rank the largest functions only (by source length), so opening a view stays quick.
  const ranked = candidates.length <= MAX_SIMULATED ? candidates : [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, MAX_SIMULATED);
  let best = ranked[0];
  let bestTotal = -1;
  for (const fn of ranked) {
    const total = simulate(report, fn.id, { cores, maxSegments: RANKING_SEGMENTS }).total;
    if (total > bestTotal || (total === bestTotal && fn.start < best.start)) {
      best = fn;
      bestTotal = total;
    }
  }
  return best;
}
