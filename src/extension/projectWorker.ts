/**
 * The worker's side of project-wide analysis (no `vscode` here): resolve a
 * document's imports on the real file system, summarise the project files it
 * reaches in dependency order, and analyse the document with their summaries.
 * Open documents' unsaved texts win over the disk. Summaries are reused when
 * the file's text and its own imports' summaries hash the same as before, so a
 * keystroke in a handler re-analyses the handler, not its helpers. Import cycles are
 * settled as the CLI settles them: analysed again until their summaries stop changing.
 */
import { createNodeHost } from '../cli/nodeHost';
import { importSpecifiers, MAX_CYCLE_ROUNDS } from '../core/project/analyzeProject';
import { stronglyConnected } from '../core/project/components';
import type { ProjectHost } from '../core/project/host';
import { linkImports } from '../core/project/link';
import { createResolver, type Resolver } from '../core/project/resolve';
import type { ModuleSummary } from '../core/project/summaryTypes';
import { analyzeModule } from '../core/report';
import type { Report, SeveritySetting } from '../core/reportTypes';
import { hashText } from './contentHash';
import type { IndexEntry, ProjectContext } from './workerProtocol';

/** Entries a worker remembers between requests (beyond what the host sends). */
const WORKER_CACHE_LIMIT = 4000;

/** The name a report gives a file: relative to its workspace folder, else its base name (as open documents get). */
export function displayName(path: string, roots: readonly string[]): string {
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path.slice(path.lastIndexOf('/') + 1);
}

/** What depends on the summaries of `imports`: the key under which a summary stays valid. */
export function dependencyKey(imports: readonly string[], summaryHashOf: (path: string) => string | undefined): string {
  return hashText(imports.map((file) => `${file}\n${summaryHashOf(file) ?? '-'}`).join('\n'));
}

export function summaryHash(summary: ModuleSummary | null): string {
  return summary ? hashText(JSON.stringify(summary)) : '-';
}

export class ProjectWorkerState {
  private epoch = -1;
  private resolver: Resolver | null = null;
  private readonly cache = new Map<string, IndexEntry>();

  constructor(private readonly host: ProjectHost = createNodeHost()) {}

  analyze(text: string, fileName: string, rules: Record<string, SeveritySetting>, context: ProjectContext, strict = false): { report: Report; entries: IndexEntry[] } {
    if (context.epoch !== this.epoch || !this.resolver) {
      this.epoch = context.epoch;
      this.resolver = createResolver(this.host);
    }
    for (const entry of context.known) this.remember(entry);
    const run = new ProjectRun(this.resolver, this.host, this.cache, rules, context, strict);
    const result = run.root(text, fileName);
    for (const entry of result.entries) this.remember(entry);
    return result;
  }

  private remember(entry: IndexEntry): void {
    this.cache.delete(entry.path);
    this.cache.set(entry.path, entry);
    if (this.cache.size > WORKER_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** One request: every file reached is read and summarised at most once. */
class ProjectRun {
  private readonly done = new Map<string, IndexEntry>();
  private readonly resolved = new Map<string, Map<string, string>>();
  private readonly visiting = new Set<string>();
  /** What a cycle's members are analysed again from (settleCycles). */
  private readonly sources = new Map<string, { text: string; fileName: string }>();
  private readonly specifiers = new Map<string, string[]>();
  /** Files analysed in this request rather than reused from the cache. */
  private readonly fresh = new Set<string>();
  /** The document's own summary while a cycle through it settles. */
  private rootSummary: { summary: ModuleSummary | null; summaryHash: string } | null = null;
  /** Files whose summary was started (the bound counts these, not the finished ones). */
  private started = 0;
  private readonly deadline: number;

  constructor(
    private readonly resolver: Resolver,
    private readonly host: ProjectHost,
    private readonly cache: Map<string, IndexEntry>,
    private readonly rules: Record<string, SeveritySetting>,
    private readonly context: ProjectContext,
    private readonly strict = false,
  ) {
    this.deadline = Date.now() + context.importBudgetMs;
  }

  root(text: string, fileName: string): { report: Report; entries: IndexEntry[] } {
    const path = this.context.path;
    this.visiting.add(path);
    this.sources.set(path, { text, fileName });
    const { specifiers, imports, depsKey } = this.prepare(path, text);
    let analysis = this.analyzeFile(path, text, specifiers, fileName);
    this.rootSummary = { summary: analysis.summary, summaryHash: summaryHash(analysis.summary) };
    // A keystroke that leaves the document's summary as it was last time changes nothing its cycle reads: typing stays one analysis.
    if (this.rootSummary.summaryHash !== this.cache.get(path)?.summaryHash) this.fresh.add(path);
    if (this.settleCycles(path)) analysis = this.analyzeFile(path, text, specifiers, fileName);
    const summary = analysis.summary;
    const entry: IndexEntry = { path, hash: hashText(text), depsKey, imports, summary, summaryHash: summaryHash(summary) };
    return { report: analysis.report, entries: [entry, ...this.done.values()] };
  }

  /**
   * Depth first, a cycle's back edge was left out: the file reached first through it was
   * summarised without the summary of the file that imports it back. As the CLI does
   * (MAX_CYCLE_ROUNDS), each cycle that holds a file analysed in this request (the document
   * when its summary changed) is analysed again, all its members, until their summaries are the
   * same twice or the rounds or the request's time run out. A cycle of files all reused from
   * the cache was settled when they were made. True when any cycle was analysed again: the
   * document reaches every file here, so it is analysed again with their new summaries.
   */
  private settleCycles(root: string): boolean {
    let settled = false;
    const files = [root, ...this.done.keys()];
    const known = new Set(files);
    const components = stronglyConnected(files, (file) => [...(this.resolved.get(file)?.values() ?? [])].filter((target) => known.has(target)));
    for (const members of components) {
      if (members.length < 2 || !members.some((file) => this.fresh.has(file))) continue;
      settled = true;
      let previous = this.cycleState(members);
      for (let round = 0; round < MAX_CYCLE_ROUNDS && Date.now() <= this.deadline; round++) {
        for (const file of members) this.reanalyse(file);
        const now = this.cycleState(members);
        if (now === previous) break;
        previous = now;
      }
    }
    return settled;
  }

  private cycleState(members: readonly string[]): string {
    return members.map((file) => (file === this.context.path ? (this.rootSummary?.summaryHash ?? '-') : (this.done.get(file)?.summaryHash ?? '-'))).join('\n');
  }

  /** One member's summary again, with what the other members' summaries are now; its cache key stays the one prepare() made. */
  private reanalyse(file: string): void {
    const source = this.sources.get(file);
    if (!source) return;
    let summary: ModuleSummary | null = null;
    try {
      summary = this.analyzeFile(file, source.text, this.specifiers.get(file) ?? [], source.fileName).summary;
    } catch {
      // As in summarise(): no summary rather than no report.
    }
    if (file === this.context.path) this.rootSummary = { summary, summaryHash: summaryHash(summary) };
    else {
      const entry = this.done.get(file);
      if (entry) this.done.set(file, { ...entry, summary, summaryHash: summaryHash(summary) });
    }
  }

  /** Resolve a file's imports and summarise them first (depth first, bounded; a cycle's back edge is left out). */
  private prepare(path: string, text: string): { specifiers: string[]; imports: string[]; depsKey: string } {
    const specifiers = importSpecifiers(text);
    const targets = new Map<string, string>();
    for (const specifier of specifiers) {
      const resolution = this.resolver.resolve(specifier, path);
      if (resolution.kind === 'source' && resolution.file !== path) targets.set(specifier, resolution.file);
    }
    this.resolved.set(path, targets);
    this.specifiers.set(path, specifiers);
    const imports = [...new Set(targets.values())].sort();
    for (const target of imports) this.summarise(target);
    return { specifiers, imports, depsKey: dependencyKey(imports, (file) => this.done.get(file)?.summaryHash) };
  }

  private summarise(path: string): void {
    if (this.done.has(path) || this.visiting.has(path) || this.started >= this.context.maxFiles || Date.now() > this.deadline) return;
    const text = this.context.overlays[path]?.text ?? this.host.readFile(path);
    if (text === undefined) return;
    this.started++;
    this.visiting.add(path);
    this.sources.set(path, { text, fileName: displayName(path, this.context.roots) });
    const { specifiers, imports, depsKey } = this.prepare(path, text);
    const hash = hashText(text);
    const cached = this.cache.get(path);
    let entry: IndexEntry;
    if (cached && cached.hash === hash && cached.depsKey === depsKey) {
      entry = cached;
    } else {
      this.fresh.add(path);
      let summary: ModuleSummary | null = null;
      try {
        summary = this.analyzeFile(path, text, specifiers, displayName(path, this.context.roots)).summary;
      } catch {
        // A helper the analysis trips on must not cost the document its own report; it just has no summary.
      }
      entry = { path, hash, depsKey, imports, summary, summaryHash: summaryHash(summary) };
    }
    this.visiting.delete(path);
    this.done.set(path, entry);
  }

  private analyzeFile(path: string, text: string, specifiers: string[], fileName: string) {
    const imports = linkImports(path, specifiers, {
      resolve: (specifier, from) => this.resolved.get(from)?.get(specifier) ?? this.resolveSource(specifier, from),
      summaryOf: (file) => (file === this.context.path ? this.rootSummary?.summary : this.done.get(file)?.summary) ?? undefined,
    });
    return analyzeModule(text, { fileName, rules: this.rules, strict: this.strict, imports }, path);
  }

  private resolveSource(specifier: string, from: string): string | null {
    const resolution = this.resolver.resolve(specifier, from);
    return resolution.kind === 'source' ? resolution.file : null;
  }
}
