/**
 * What the CLI hands its formatters. The formatters never touch the file system
 * or the process, so tests can feed them hand-built reports.
 */
import type { Report } from '../core/reportTypes';

/** One file the core has looked at (analysed, skipped, or failed to parse). */
export interface AnalyzedFile {
  /** Relative to the current directory, forward slashes: what every format prints. */
  path: string;
  /** The decoded source; SARIF fingerprints hash the text of the finding's line. */
  text: string;
  report: Report;
}

/** A path the CLI could not analyse at all (missing, unreadable, not UTF-8, internal error). */
export interface FileProblem {
  path: string;
  reason: string;
}

/** Everything one run produced, in the order it is printed (sorted by path). */
export interface RunResult {
  files: AnalyzedFile[];
  problems: FileProblem[];
}
