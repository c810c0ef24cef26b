/**
 * The workspace's project index on the extension's side: summaries by path
 * and content hash (SummaryIndex), saved under the workspace's storage folder
 * so a reload reuses them, built in the background on the analysis workers
 * (a cancellable window progress), and kept current by a file watcher and by
 * the analyses of open documents. When a file's summary changes, the open
 * documents that import it are re-analysed, debounced and after the edited
 * file's own analysis, so typing in that file costs no more than before.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AnalysisPool } from './analysisPool';
import { analysisFileName, isAnalysable, readConfig } from './config';
import { hashText } from './contentHash';
import { SummaryIndex } from './summaryIndex';
import type { IndexEntry, ProjectContext } from './workerProtocol';
import { ALWAYS_EXCLUDED, SOURCE_GLOB } from './workspaceAnalysis';

/** Imported files summarised for one request at most. */
const MAX_FILES_PER_REQUEST = 200;
/** Time for summarising imports in one request, well inside the worker's budget (EDITOR_TIME_BUDGET_MS). */
const IMPORT_BUDGET_MS = 5000;
/** Files the background index looks at at most (the rest are summarised when an open file imports them). */
const MAX_INDEX_FILES = 5000;
/** Quiet time before importers of a changed file are re-analysed. */
const DEPENDENTS_DELAY_MS = 300;
/** Quiet time before the index is written to disk. */
const SAVE_DELAY_MS = 2000;
const INDEX_FILE = 'project-index.json';
const WATCHED = '**/{*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,tsconfig*.json,jsconfig*.json,package.json,pnpm-workspace.yaml}';

/** What the document analyzer asks of the index. */
export interface ProjectLink {
  /** Settles once the last session's index is loaded (analyses wait for it, so a reload reuses it). */
  readonly ready: Promise<void>;
  contextFor(uri: vscode.Uri): ProjectContext | undefined;
  absorb(uri: vscode.Uri, entries: readonly IndexEntry[]): void;
}

/** The project layer's name for a file: an absolute POSIX path. */
export function projectPath(uri: vscode.Uri): string {
  return uri.fsPath.split(path.sep).join('/');
}

export class ProjectIndex implements ProjectLink, vscode.Disposable {
  readonly index = new SummaryIndex();
  private epoch = 0;
  private readonly pending = new Set<string>();
  private everything = false;
  private dependentsTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private building: vscode.CancellationTokenSource | undefined;
  readonly ready: Promise<void>;

  constructor(
    private readonly pool: AnalysisPool,
    private readonly storage: vscode.Uri | undefined,
    private readonly reanalyze: (document: vscode.TextDocument) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onFileEvent(uri, 'created')),
      watcher.onDidChange((uri) => this.onFileEvent(uri, 'changed')),
      watcher.onDidDelete((uri) => this.onFileEvent(uri, 'deleted')),
      // Closed without saving: importers go back to the text on disk.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isDirty || this.index.get(projectPath(document.uri))) this.onFileEvent(document.uri, 'changed', true);
      }),
    );
    this.ready = this.load();
  }

  contextFor(uri: vscode.Uri): ProjectContext | undefined {
    if (uri.scheme !== 'file') return undefined;
    const file = projectPath(uri);
    const overlays: ProjectContext['overlays'] = {};
    for (const document of vscode.workspace.textDocuments) {
      // Only unsaved edits differ from the disk; the document itself travels as the request's text.
      if (document.isDirty && document.uri.scheme === 'file' && isAnalysable(document) && document.uri.toString() !== uri.toString()) {
        overlays[projectPath(document.uri)] = { text: document.getText(), version: document.version };
      }
    }
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => projectPath(f.uri));
    return { path: file, roots, overlays, known: this.index.reachableFrom(file), epoch: this.epoch, maxFiles: MAX_FILES_PER_REQUEST, importBudgetMs: IMPORT_BUDGET_MS };
  }

  absorb(uri: vscode.Uri, entries: readonly IndexEntry[]): void {
    const changed = this.index.absorb(entries);
    this.scheduleSave();
    if (changed.length === 0) return;
    this.log.debug(`summaries changed (${changed.map((file) => path.posix.basename(file)).join(', ')}) after analysing ${vscode.workspace.asRelativePath(uri)}`);
    for (const file of changed) this.pending.add(file);
    this.scheduleDependents();
  }

  /** Reads the index saved by an earlier session. */
  private async load(): Promise<void> {
    if (!this.storage) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, INDEX_FILE));
      const loaded = this.index.load(JSON.parse(new TextDecoder().decode(bytes)));
      this.log.info(`project index: ${loaded} summaries loaded from the last session`);
    } catch (err) {
      if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) this.log.warn(`project index not loaded (it is rebuilt): ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * Summarises every workspace source file whose entry is missing or out of
   * date, on the workers, a few at a time so open documents' analyses are not
   * queued behind the whole index. Cancellable from the progress indicator.
   */
  async build(): Promise<{ files: number; summarised: number; cancelled: boolean }> {
    this.building?.cancel();
    const source = (this.building = new vscode.CancellationTokenSource());
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Concurrency Lens: indexing', cancellable: true }, async (progress, cancel) => {
      const stop = cancel.onCancellationRequested(() => source.cancel());
      const token = source.token;
      try {
        const found = await vscode.workspace.findFiles(SOURCE_GLOB, undefined, MAX_INDEX_FILES, token);
        const files = found.filter((uri) => uri.scheme === 'file' && !ALWAYS_EXCLUDED.test(uri.path) && !/\.d\.[cm]?ts$/.test(uri.path));
        const started = Date.now();
        let done = 0;
        let summarised = 0;
        const one = async (uri: vscode.Uri) => {
          if (await this.indexFile(uri)) summarised++;
          done++;
          progress.report({ message: `${done}/${files.length}` });
        };
        let next = 0;
        // One request in flight per lane: an open document's analysis waits for at most that many.
        const lanes = Math.max(1, Math.min(this.pool.maxWorkers, files.length));
        await Promise.all(Array.from({ length: lanes }, async () => {
          while (next < files.length && !token.isCancellationRequested) await one(files[next++]);
        }));
        const cancelled = token.isCancellationRequested;
        this.log.info(`project index ${cancelled ? 'stopped' : 'built'}: ${files.length} files, ${summarised} summarised, the rest reused (${Date.now() - started} ms)`);
        return { files: files.length, summarised, cancelled };
      } finally {
        stop.dispose();
        source.dispose();
        if (this.building === source) this.building = undefined;
      }
    });
  }

  /** Summarises one file unless its entry still matches its text; true when it was summarised. */
  private async indexFile(uri: vscode.Uri): Promise<boolean> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return false; // open: its own analysis keeps it current
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return false;
    }
    if (this.index.get(projectPath(uri))?.hash === hashText(text)) return false;
    const config = readConfig();
    if (text.length > config.maxFileSizeBytes) return false;
    try {
      const result = await this.pool.analyze(`index:${uri.toString()}`, { text, fileName: analysisFileName(uri), rules: config.rules, project: this.contextFor(uri) }, true);
      if (result?.entries) this.absorb(uri, result.entries);
      return result !== undefined;
    } catch (err) {
      this.log.debug(`index: ${vscode.workspace.asRelativePath(uri)} not summarised: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return false;
    }
  }

  private onFileEvent(uri: vscode.Uri, change: 'created' | 'changed' | 'deleted', closed = false): void {
    if (uri.scheme !== 'file' || ALWAYS_EXCLUDED.test(uri.path)) return;
    const file = projectPath(uri);
    // An open document's text is what counts; its own analysis follows its edits and saves.
    const open = !closed && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (change === 'changed' && open) return;
    const { resolution, importers } = this.index.fileEvent(file, change);
    this.scheduleSave();
    if (resolution) {
      this.epoch++;
      this.everything = true; // a new file may now win a resolution anywhere
    } else if (importers.size > 0) {
      this.pending.add(file);
    } else {
      return;
    }
    this.scheduleDependents();
  }

  private scheduleDependents(): void {
    clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => this.reanalyzeDependents(), DEPENDENTS_DELAY_MS);
  }

  private reanalyzeDependents(): void {
    const targets = new Set<string>();
    for (const file of this.pending) for (const importer of this.index.dependentsOf(file)) targets.add(importer);
    const everything = this.everything;
    this.pending.clear();
    this.everything = false;
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== 'file' || !isAnalysable(document)) continue;
      if (everything || targets.has(projectPath(document.uri))) this.reanalyze(document);
    }
  }

  private scheduleSave(): void {
    if (!this.storage) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private async save(): Promise<void> {
    if (!this.storage) return;
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.storage, INDEX_FILE), new TextEncoder().encode(JSON.stringify(this.index.toStored())));
    } catch (err) {
      this.log.warn(`project index not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    this.building?.cancel();
    clearTimeout(this.dependentsTimer);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.save();
    }
    for (const disposable of this.disposables) disposable.dispose();
  }
}
