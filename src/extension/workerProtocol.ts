/** Messages between the extension host and its analysis workers. */
import type { ModuleSummary } from '../core/project/summaryTypes';
import type { Report, SeveritySetting } from '../core/reportTypes';

export type ExportFormat = 'json' | 'sarif';

/**
 * One file's entry in the project index: its summary, valid while the file's
 * text hashes to `hash` and the summaries of the files it imports hash to
 * `depsKey` (a helper's summary depends on what its own imports do).
 */
export interface IndexEntry {
  /** Absolute POSIX path (the project layer's name for the file). */
  path: string;
  hash: string;
  depsKey: string;
  /** The project files its imports resolve to. */
  imports: string[];
  /** Null when the file has no summary (syntax error, skipped). */
  summary: ModuleSummary | null;
  /** Hash of the summary's JSON: what importers' `depsKey` is made of, and how a change is noticed. */
  summaryHash: string;
}

/**
 * Analyse the file with its imports: the worker resolves them on the real file
 * system, reads open documents' unsaved texts from `overlays` instead of the
 * disk, summarises what it reaches (bounded) and reuses `known` entries whose
 * hashes still match.
 */
export interface ProjectContext {
  /** The document's absolute POSIX path. */
  path: string;
  /** Workspace folders (absolute POSIX paths): file names in reports are relative to them, as for open documents. */
  roots: string[];
  /** Unsaved texts of open documents, by path; they win over the disk. */
  overlays: Record<string, { text: string; version: number }>;
  /** Index entries the host already has for files this one is known to reach. */
  known: IndexEntry[];
  /** Bumped when a file was created, deleted or renamed, or a configuration file changed: the worker drops its resolution caches. */
  epoch: number;
  /** At most this many imported files are summarised for one request. */
  maxFiles: number;
  /**
   * Time for summarising imports in one request; what is left is summarised by
   * later requests (each keeps what was done). Keeps a first open in a large
   * project inside the worker's time budget.
   */
  importBudgetMs: number;
}

export interface WorkerRequest {
  id: number;
  text: string;
  fileName: string;
  rules: Record<string, SeveritySetting>;
  /** The strict preset: likely findings too, one level lower (from the project's configuration file). */
  strict?: boolean;
  /**
   * Also format the report as the CLI would. Done in the worker so the extension
   * host never loads the rules or the parser (they weigh megabytes).
   */
  exportAs?: { format: ExportFormat; displayPath: string };
  /** Analyse with the file's imports (project-wide); without it, the file stands alone. */
  project?: ProjectContext;
}

export interface WorkerResult {
  report: Report;
  exported?: string;
  /** With `project`: the entry of the file itself and of every file it reached, fresh or reused. */
  entries?: IndexEntry[];
}

export type WorkerResponse = ({ id: number; ok: true } & WorkerResult) | { id: number; ok: false; error: string };
