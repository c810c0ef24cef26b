/**
 * The timeline panel (Show Timeline). It follows its document: every new
 * report of that file redraws it, the chosen function stays chosen across
 * edits (by identity, not by id), a function that disappeared is said to be
 * gone, and while the file does not parse it shows the last good report under
 * the same "out of date" banner as the sidebar.
 */
import * as vscode from 'vscode';
import type { Report } from '../core/reportTypes';
import { isExtensionToWebview, type ExtensionToWebview, type TimelinePayload } from '../protocol';
import { functionName } from '../webview/format';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { identityOf, preferredFunction, resolveIdentity, type FunctionIdentity } from './functionChoice';
import type { SharedCores } from './sharedCores';
import { answerPreview, attachPage, payloadFor } from './timelinePage';

interface Target {
  uri: vscode.Uri;
  /** The function the user asked for; kept while it is gone, so an undo brings it back. */
  wanted: FunctionIdentity | undefined;
}

export class TimelinePanel {
  static readonly viewType = 'concurrencyLens.timelinePanel';
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private target: Target | undefined;
  private last: TimelinePayload | undefined;

  /** `restored`: a panel VS Code brings back after a restart, with the page's saved state. */
  constructor(
    context: vscode.ExtensionContext,
    private readonly analyzer: DocumentAnalyzer,
    private readonly cores: SharedCores,
    onDispose: () => void,
    restored?: { panel: vscode.WebviewPanel; state: unknown },
  ) {
    this.panel = restored?.panel ?? vscode.window.createWebviewPanel(TimelinePanel.viewType, 'Concurrency Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: false });
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'activity.svg');
    if (restored) {
      this.target = targetFromSavedState(restored.state);
      // Opening the document (not in an editor) gets it analysed, and the panel follows it again.
      if (this.target) void Promise.resolve(vscode.workspace.openTextDocument(this.target.uri)).catch(() => undefined);
    }
    this.disposables.push(
      attachPage(context, this.panel.webview, 'panel', {
        ready: () => {
          this.ready = true;
          this.redraw();
        },
        selectFunction: (functionId) => {
          const report = this.target && this.analyzer.state(this.target.uri)?.report;
          if (!this.target || !report) return;
          this.target.wanted = identityOf(report, functionId);
          this.updateTitle(report, functionId);
        },
        setCores: (count) => void this.cores.set(count),
        previewFix: (key) => void answerPreview(this.analyzer, this.target?.uri, key, (message) => this.post(message)),
      }),
      analyzer.onDidChangeState((uri) => {
        if (this.target && uri.toString() === this.target.uri.toString()) this.redraw();
      }),
      cores.onDidChange((count) => this.post({ type: 'cores', cores: count })),
      this.panel.onDidDispose(() => {
        // An after-fix preview still being computed answers after this, and a disposed panel's
        // webview throws when touched: post() must drop such late answers.
        this.ready = false;
        this.disposables.forEach((d) => d.dispose());
        onDispose();
      }),
    );
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.visible ? this.panel.viewColumn : undefined;
  }

  /** Shows `functionId` of the document's current report and brings the panel forward. */
  show(uri: vscode.Uri, report: Report, functionId: number): void {
    this.target = { uri, wanted: identityOf(report, functionId) };
    this.redraw();
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** Draws the target's latest report, whatever changed: the text, the analysis, the settings. */
  private redraw(): void {
    if (!this.target) return;
    const state = this.analyzer.state(this.target.uri);
    if (!state?.report) {
      // Closed (its analysis is forgotten), not analysable, or never parsed: keep the last picture, marked.
      const reason = state?.skipped ?? state?.stale ?? 'the file is closed; this is its last analysis';
      if (this.last) this.post({ type: 'show', payload: { ...this.last, stale: reason, cores: this.cores.value } });
      // With nothing drawn yet (a panel restored after a restart keeps its saved picture), only a real reason replaces it.
      else if (state) this.post({ type: 'empty', reason });
      return;
    }
    const { report } = state;
    const cores = this.cores.value;
    const wanted = this.target.wanted;
    const found = wanted ? resolveIdentity(report, wanted) : undefined;
    let notice: string | null = null;
    let selected: number;
    if (found) {
      selected = found.id;
      this.target.wanted = identityOf(report, found.id);
    } else {
      selected = preferredFunction(report, cores);
      if (wanted) notice = `${functionName(wanted.name)} (line ${wanted.line}) is no longer in this file; showing ${functionName(report.functions.find((f) => f.id === selected)?.name ?? '?')} instead.`;
    }
    this.last = payloadFor(this.target.uri, report, selected, cores, state.stale, notice);
    this.updateTitle(report, selected);
    this.post({ type: 'show', payload: this.last });
  }

  private updateTitle(report: Report, functionId: number): void {
    const fn = report.functions.find((f) => f.id === functionId);
    this.panel.title = `Timeline: ${fn ? functionName(fn.name) : vscode.workspace.asRelativePath(this.target!.uri)}`;
  }

  private post(message: ExtensionToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}

/** The document and function a restored panel showed, from the page's saved state (validated: it is page data). */
function targetFromSavedState(state: unknown): Target | undefined {
  const saved = state as { payload?: unknown; functionId?: unknown } | null;
  if (!saved || !isExtensionToWebview({ type: 'show', payload: saved.payload })) return undefined;
  const payload = saved.payload as TimelinePayload;
  const functionId = typeof saved.functionId === 'number' ? saved.functionId : payload.selectedFunctionId;
  try {
    return { uri: vscode.Uri.parse(payload.uri, true), wanted: identityOf(payload, functionId) };
  } catch {
    return undefined;
  }
}
