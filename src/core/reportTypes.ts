/**
 * The Report: the only thing that crosses from the core to the editor, the
 * webview and the CLI. Plain, JSON-serialisable data. Lines and columns are 1-based.
 */
import type { Quadrant, Segment } from './model/types';
import type { ProjectImports } from './project/summaryTypes';

export type Severity = 'info' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Location {
  message: string;
  /** Set when the location is in another file of the project (the callee's): its path. */
  file?: string;
}

/** A text edit on the analysed source (0-based offsets into the text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface QuickFix {
  title: string;
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  message: string;
  /** Evidence elsewhere in the file (the loop around an await, the spawn in a loop...). */
  related: RelatedLocation[];
  /** Safe rewrites, if any. */
  fixes: QuickFix[];
  /** Id of the function the finding sits in (Model.functions index). */
  functionId: number;
}

export interface EvidenceItem extends Location {
  kind: string;
  text: string;
}

export interface FunctionReport extends Location {
  id: number;
  name: string;
  kind: string;
  async: boolean;
  quadrant: Quadrant;
  parallelFraction: number;
  parentId: number | null;
  /** Start/end offsets, so editors can find the function under the cursor. */
  start: number;
  end: number;
  evidence: EvidenceItem[];
  /** The model's segments (nodes stripped), for the timeline. */
  segments: Segment[];
  /** Set on functions of another file of the project (Report.imported): its path. */
  file?: string;
  /**
   * Where it runs, as the facts decide it: serving concurrent work (`hot`),
   * once and done (`one-shot`: a CLI, a test, a migration), on a worker
   * thread, or `unknown` (exported, callers elsewhere); `why` in plain words.
   * blocking-call and event-loop-hog only speak up in hot code.
   */
  context?: { kind: 'hot' | 'one-shot' | 'worker' | 'unknown'; why: string };
}

export interface ParseError {
  message: string;
  line: number;
  column: number;
}

export interface Report {
  version: 1;
  fileName: string;
  parseError: ParseError | null;
  /** Set when the file was not analysed on purpose (too big, minified); parseError stays null. */
  skipped: string | null;
  quadrant: Quadrant;
  functions: FunctionReport[];
  findings: Finding[];
  /**
   * Functions of other files of the project that this file's calls reach,
   * each with its `file`: the timeline expands calls into them. Absent when
   * the file was analysed alone or calls nothing outside.
   */
  imported?: FunctionReport[];
}

export interface AnalyzeOptions {
  fileName?: string;
  /** Per-rule severity overrides. */
  rules?: Record<string, SeveritySetting>;
  /** What the files this one imports do (project-wide analysis); without it, each file stands alone. */
  imports?: ProjectImports;
  /**
   * The `strict` preset: also report what is likely rather than certain (a
   * blocking call in async code whose callers are unknown), one severity level
   * lower. Off by default: where the evidence is not there, rules stay silent.
   */
  strict?: boolean;
}
