/**
 * The active file's quadrant and finding count, in two places: the status-bar
 * item (a click opens the timeline) and a Language Status item, where VS Code
 * users look for a linter's state, with actions for the timeline and the log.
 * Both describe the last active text editor, so focusing a webview (the
 * panel's slider, a segment) does not make them disappear.
 */
import * as vscode from 'vscode';
import { QUADRANT_LABEL } from '../core/explain';
import type { ActiveDocumentTracker } from './activeDocument';
import { DOCUMENT_SELECTOR } from './config';
import type { DocumentAnalyzer, DocumentState } from './documentAnalyzer';

interface Summary {
  text: string;
  tooltip: string;
  severity: vscode.LanguageStatusSeverity;
  busy: boolean;
}

export function summaryOf(state: DocumentState | undefined): Summary {
  if (!state) return { text: 'Analysing…', tooltip: 'Analysing…', severity: vscode.LanguageStatusSeverity.Information, busy: true };
  if (state.skipped) return { text: 'Not analysed', tooltip: `Not analysed: ${state.skipped}`, severity: vscode.LanguageStatusSeverity.Warning, busy: false };
  if (!state.report) return { text: 'No report', tooltip: state.stale ?? 'No report yet', severity: vscode.LanguageStatusSeverity.Warning, busy: false };
  const count = state.report.findings.length;
  const stale = state.stale ? ' (out of date)' : '';
  return {
    text: `${QUADRANT_LABEL[state.report.quadrant]} · ${count} finding${count === 1 ? '' : 's'}${stale}`,
    tooltip: state.stale ? `Showing the last good analysis: ${state.stale}` : `File quadrant: ${QUADRANT_LABEL[state.report.quadrant]}.`,
    severity: state.stale ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information,
    busy: false,
  };
}

export class LensStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('concurrencyLens.status', vscode.StatusBarAlignment.Right, 100);
  readonly language = vscode.languages.createLanguageStatusItem('concurrencyLens.language', DOCUMENT_SELECTOR);
  /** A second item for the second action (one item has one command): the log. */
  readonly output = vscode.languages.createLanguageStatusItem('concurrencyLens.output', DOCUMENT_SELECTOR);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly active: ActiveDocumentTracker,
  ) {
    this.item.name = 'Concurrency Lens';
    this.item.command = 'concurrencyLens.showTimeline';
    this.language.name = 'Concurrency Lens';
    this.language.detail = 'Concurrency Lens';
    this.language.command = { title: 'Show Timeline', command: 'concurrencyLens.showTimeline', tooltip: 'Open the predicted timeline of this file' };
    this.output.name = 'Concurrency Lens log';
    this.output.text = '$(output) Concurrency Lens log';
    this.output.detail = 'each analysis, its time and findings';
    this.output.command = { title: 'Show Output', command: 'concurrencyLens.showOutput', tooltip: 'Open the Concurrency Lens output channel' };
    this.subscriptions.push(
      analyzer.onDidChangeState((uri) => {
        if (uri.toString() === active.document?.uri.toString()) this.update();
      }),
      active.onDidChange(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = this.active.document;
    if (!document) {
      this.item.hide();
      return;
    }
    const state = this.analyzer.state(document.uri);
    const summary = summaryOf(state);
    this.item.text = `${summary.busy ? '$(loading~spin)' : state?.report ? '$(pulse)' : '$(warning)'} ${summary.text}`;
    const note = state?.settingsNote ? ` ${state.settingsNote}` : '';
    this.item.tooltip = (state?.report && !state.stale ? `${summary.tooltip} Click to open the timeline.` : summary.tooltip) + note;
    this.item.backgroundColor = state?.stale ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.language.text = `$(pulse) ${summary.text}`;
    this.language.detail = state?.report && !state.stale ? 'Concurrency Lens' : `Concurrency Lens: ${summary.tooltip}`;
    this.language.severity = summary.severity;
    this.language.busy = summary.busy;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
    this.language.dispose();
    this.output.dispose();
  }
}
