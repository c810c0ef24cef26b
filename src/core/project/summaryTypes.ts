/**
 * What one file tells the files that import it, as plain JSON: for each
 * export, what calling it does, in the facts layer's terms. The project index
 * keeps one per file (by content hash); an importing file's analysis reads the
 * summaries of what it imports, so a handler calling `hashPassword` from
 * `./crypto` knows that the call blocks.
 */
import type { WaitKind } from '../knowledge/behaviour';
import type { Segment } from '../model/types';

/**
 * Bumped whenever what a summary says changes, so an index stored by an older build is rebuilt rather than
 * read with facts missing. 2: CallEffect.settlesAtOnce, outcomeByEvent and waits.quick; catches that rethrow only
 * synchronous errors no longer make a function able to reject.
 */
export const SUMMARY_VERSION = 2;

/** What calling a function does to the caller's thread. */
export interface CallEffect {
  /** Calling it hands back a promise (it is async, or returns one). */
  returnsPromise: boolean;
  /**
   * It waits on something outside the thread in its own flow: what on, and whether that is known rather than
   * guessed; `quick` when every wait is one the OS answers from its caches (file metadata, COST.quickWait).
   */
  waits: { kinds: WaitKind[]; certain: boolean; quick?: true } | null;
  /** It freezes the calling thread: the first blocking call, where it is (in the callee's file). */
  blocks: SourceSite & { api: string } | null;
  /** CPU work on the calling thread that grows with its input; `heavy` when it grows faster than the input or is known heavy work. */
  computes: SourceSite & { heavy: boolean } | null;
  /** It hands work to other threads or processes: a new one per call, or a pool's. */
  offload: 'spawn' | 'pool' | null;
  /** Its promise can reject; false when its body catches every error. */
  canReject: boolean;
  /** It caps how much of its work runs at once (a limiter or a pool inside). */
  limited: boolean;
  /**
   * An async function with no `await` (nor `for await`) of its own: it runs to the end and settles its
   * promise before the caller's next line. Absent otherwise (and in summaries written before it existed).
   */
  settlesAtOnce?: true;
  /**
   * It hands its outcome to listeners rather than to its promise: it ends by emitting an event, or it is a
   * `for await` loop over an event stream (facts/outcomeByEvent.ts). Absent otherwise.
   */
  outcomeByEvent?: true;
}

export interface SourceSite {
  line: number;
  column: number;
  /** A short label of the code there: `crypto.pbkdf2Sync(password, salt, …)`. */
  label: string;
}

/** A function of the summarised file, kept so that importers' timelines can expand calls into it. */
export interface SummaryFunction {
  /** Id in the summarised file's own model. */
  id: number;
  name: string;
  async: boolean;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  segments: Segment[];
}

export interface ExportedSymbol {
  kind: 'function' | 'class' | 'instance' | 'value';
  /** The name it has inside its file. */
  local: string;
  line: number;
  column: number;
  /** What calling it does (a function, or a class's constructor). */
  call?: CallEffect;
  /** The function in `functions` that implements it. */
  fnId?: number;
  /** Methods of an exported class, or of an exported instance of a class of the file. */
  members?: Record<string, { call: CallEffect; fnId?: number }>;
  /** An exported object made by a known API (`export const pool = new Piscina()`): its methods are the knowledge table's. */
  instanceOf?: string;
}

export interface ReExport {
  /** The specifier as written. */
  from: string;
  /** `export * from`, or the names re-exported (`export { a as b } from`). */
  names: 'all' | { imported: string; exported: string }[];
}

export interface ModuleSummary {
  version: typeof SUMMARY_VERSION;
  /** The file's path as the project layer names it. */
  file: string;
  exports: Record<string, ExportedSymbol>;
  reexports: ReExport[];
  /** The exported functions and every local function they reach, for timelines. */
  functions: SummaryFunction[];
}

/** An import as the importing file's analysis sees it: re-exports followed, each symbol with the file that defines it. */
export interface ImportedSymbol extends ExportedSymbol {
  file: string;
}

export interface ImportedModule {
  /** The file the specifier resolves to. */
  file: string;
  exports: Record<string, ImportedSymbol>;
}

/**
 * Everything a file's analysis is given about other files: the modules its
 * specifiers resolve to, and the summarised functions of every file they
 * reach (for drawing calls into them).
 */
export interface ProjectImports {
  modules: Record<string, ImportedModule>;
  functions: Record<string, SummaryFunction[]>;
}
