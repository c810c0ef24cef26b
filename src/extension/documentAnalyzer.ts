/**
 * Keeps one analysis per open document: debounced on edits, immediate on open,
 * save and settings change, cancellable (last request wins), and tolerant of
 * syntax errors (the last good report stays, marked stale, instead of the
 * diagnostics flashing away while the user types).
 */
import * as vscode from 'vscode';
import { applyEdits, fixKey, previewFromReports, type FixPreview } from '../core/fixPreview';
import type { Report, SeveritySetting } from '../core/reportTypes';
import { AnalysisPool } from './analysisPool';
import { analysisFileName, isAnalysable, readConfig } from './config';
import { toDiagnostic } from './convert';
import type { ProjectLink } from './projectIndex';
import { mergeSettings, type EffectiveSettings, type ProjectConfigs } from './projectConfig';

/** Whole-file analysis is allowed up to the core's own limit when the user asks for it. */
const EXPLICIT_LIMIT_BYTES = 4 * 1024 * 1024;

export interface DocumentState {
  /** The last report that parsed (null until one does). */
  report: Report | null;
  /** Document version the report was computed from: quick-fix offsets are only valid for it. */
  version: number;
  /** Why the report may be out of date (syntax error, failure), or null. */
  stale: string | null;
  /** Why the file is not analysed (too large, minified), or null. */
  skipped: string | null;
  /** What the project's configuration file changes for this file (it overrides settings, or could not be used). */
  settingsNote?: string | null;
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeState = this.changed.event;
  /** Set once the project index exists: analyses then read what the document's imports do. */
  private project: ProjectLink | null = null;
  private configs: ProjectConfigs | null = null;

  constructor(
    private readonly pool: AnalysisPool,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  useProject(project: ProjectLink): void {
    this.project = project;
  }

  /** What a worker request needs of the settings: the rules and the strict preset. */
  rulesFor(uri: vscode.Uri): { rules: Record<string, SeveritySetting>; strict: boolean } {
    const { rules, strict } = this.settingsFor(uri, readConfig().rules);
    return { rules, strict };
  }

  useConfigs(configs: ProjectConfigs): void {
    this.configs = configs;
  }

  /** The VS Code settings' rules, with the project's configuration file over them for its files. */
  settingsFor(uri: vscode.Uri, settingsRules: Record<string, SeveritySetting>): EffectiveSettings {
    return this.configs?.settingsFor(uri, settingsRules) ?? mergeSettings(null, settingsRules, null);
  }

  state(uri: vscode.Uri): DocumentState | undefined {
    return this.states.get(uri.toString());
  }

  /** Analyse after the configured quiet period (typing). */
  schedule(document: vscode.TextDocument): void {
    if (!isAnalysable(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.analyze(document), readConfig().debounceMs));
  }

  /** Analyse now. `explicit` (a command) lifts the typing size limit. Resolves with the new state. */
  async analyze(document: vscode.TextDocument, explicit = false): Promise<DocumentState | undefined> {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    await this.project?.ready;
    const config = readConfig();
    if (!config.enable || !isAnalysable(document) || document.isClosed) {
      this.forget(document.uri);
      return undefined;
    }
    const text = document.getText();
    const name = vscode.workspace.asRelativePath(document.uri);
    const settings = this.settingsFor(document.uri, config.rules);
    if (settings.ignored) {
      const reason = `ignored by ${vscode.workspace.asRelativePath(settings.file!)} (its "ignore" patterns)`;
      this.logSkip(key, name, reason);
      return this.update(document.uri, { report: null, version: document.version, stale: null, skipped: reason, settingsNote: settings.note });
    }
    const limit = explicit ? EXPLICIT_LIMIT_BYTES : config.maxFileSizeBytes;
    if (text.length > limit) {
      const kb = Math.round(text.length / 1024);
      const reason = `${kb} KB is over the ${Math.round(limit / 1024)} KB limit for analysis while typing (concurrencyLens.maxFileSizeKb); run "Analyze Current File" to analyse it once`;
      this.logSkip(key, name, reason);
      return this.update(document.uri, { report: null, version: document.version, stale: null, skipped: reason });
    }
    const version = document.version;
    const started = Date.now();
    let report: Report | undefined;
    try {
      const result = await this.pool.analyze(key, { text, fileName: analysisFileName(document.uri), rules: settings.rules, strict: settings.strict, project: this.project?.contextFor(document.uri) });
      report = result?.report;
      // Summaries are valid for the texts they were computed from, even when this report is superseded.
      if (result?.entries && !document.isClosed) this.project?.absorb(document.uri, result.entries);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.error(`analysis of ${name} failed: ${message}`);
      const previous = this.states.get(key);
      return this.update(document.uri, { report: previous?.report ?? null, version: previous?.version ?? version, stale: `analysis failed: ${message.split('\n')[0]}`, skipped: null });
    }
    // Superseded by a newer request, or the text moved on while we worked: the newer run will publish.
    if (!report || document.isClosed || document.version !== version) {
      this.log.trace(`analysis of ${name} (version ${version}) superseded by a newer edit`);
      return this.states.get(key);
    }
    const ms = Date.now() - started;
    if (report.parseError) {
      const previous = this.states.get(key);
      const where = `line ${report.parseError.line}, column ${report.parseError.column}`;
      this.log.info(`${name}: syntax error at ${where} (${ms} ms); keeping the last good report, marked out of date`);
      return this.update(document.uri, { report: previous?.report ?? null, version: previous?.version ?? -1, stale: `syntax error at ${where}: ${report.parseError.message}`, skipped: null }, false);
    }
    if (report.skipped) {
      this.logSkip(key, name, report.skipped);
      return this.update(document.uri, { report: null, version, stale: null, skipped: report.skipped });
    }
    const count = report.findings.length;
    this.log.info(`analysed ${name} in ${ms} ms: ${count} finding${count === 1 ? '' : 's'}, ${report.functions.length} functions, ${report.quadrant}${explicit ? ' (asked for)' : ''}`);
    return this.update(document.uri, { report, version, stale: null, skipped: null, settingsNote: settings.note });
  }

  /**
   * The after-fix preview of a finding of the document's current report: its
   * quick fix applied to the text, the result analysed on a worker like any
   * file. A reason instead when there is nothing to preview.
   */
  async preview(uri: vscode.Uri, key: string): Promise<{ preview: FixPreview | null; reason?: string }> {
    const state = this.states.get(uri.toString());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!state?.report || !document) return { preview: null, reason: 'the file is not open' };
    if (state.stale || document.version !== state.version) return { preview: null, reason: 'the file has changed since this report; the preview comes with the next analysis' };
    const finding = state.report.findings.find((f) => fixKey(f) === key);
    if (!finding || finding.fixes.length === 0) return { preview: null, reason: 'this finding has no quick fix' };
    const fixed = applyEdits(document.getText(), finding.fixes[0].edits);
    // With the same imports as the report it is compared with; the preview's entries are not kept (the text is not the document's).
    const result = await this.pool.analyze(`preview:${uri.toString()}:${key}`, { text: fixed, fileName: analysisFileName(uri), ...this.rulesFor(uri), project: this.project?.contextFor(uri) });
    const preview = result ? previewFromReports(state.report, result.report, finding) : null;
    return preview ? { preview } : { preview: null, reason: 'the rewritten code could not be analysed' };
  }

  /** A file skipped for the same reason at every keystroke is said once at info, then at debug. */
  private logSkip(key: string, name: string, reason: string): void {
    const again = this.states.get(key)?.skipped === reason;
    this.log[again ? 'debug' : 'info'](`skipped ${name}: ${reason}`);
  }

  /** Re-analyse every open document (settings changed). */
  reanalyzeAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isAnalysable(document)) void this.analyze(document);
    }
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.diagnostics.delete(uri);
    if (this.states.delete(key)) this.changed.fire(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.states.clear();
    this.changed.dispose();
  }

  /** `publish` false keeps the diagnostics already shown (a stale report's). */
  private update(uri: vscode.Uri, state: DocumentState, publish = true): DocumentState {
    this.states.set(uri.toString(), state);
    if (publish) this.diagnostics.set(uri, (state.report?.findings ?? []).map((finding) => toDiagnostic(finding, uri)));
    this.changed.fire(uri);
    return state;
  }
}
