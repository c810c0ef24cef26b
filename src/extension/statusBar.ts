/** The status-bar item: the active file's quadrant and finding count; a click opens the timeline. */
import * as vscode from 'vscode';
import { QUADRANT_LABEL } from '../core/explain';
import { isAnalysable } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';

export class LensStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('concurrencyLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.item.name = 'Concurrency Lens';
    this.item.command = 'concurrencyLens.showTimeline';
    this.subscriptions.push(
      analyzer.onDidChangeState((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isAnalysable(document)) {
      this.item.hide();
      return;
    }
    const state = this.analyzer.state(document.uri);
    if (!state) {
      this.item.text = '$(loading~spin) Concurrency Lens';
      this.item.tooltip = 'Analysing…';
    } else if (state.skipped) {
      this.item.text = '$(circle-slash) Concurrency Lens: not analysed';
      this.item.tooltip = `Not analysed: ${state.skipped}`;
    } else if (!state.report) {
      this.item.text = '$(warning) Concurrency Lens: no report';
      this.item.tooltip = state.stale ?? 'No report yet';
    } else {
      const count = state.report.findings.length;
      const stale = state.stale ? ' (stale)' : '';
      this.item.text = `$(pulse) ${QUADRANT_LABEL[state.report.quadrant]} · ${count} finding${count === 1 ? '' : 's'}${stale}`;
      this.item.tooltip = state.stale
        ? `Showing the last good analysis: ${state.stale}`
        : `File quadrant: ${QUADRANT_LABEL[state.report.quadrant]}. Click to open the timeline.`;
    }
    this.item.backgroundColor = state?.stale ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
