/** A CodeLens above each named function: its quadrant, and a link that opens its timeline. */
import * as vscode from 'vscode';
import { QUADRANT_LABEL } from '../core/explain';
import { readConfig } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';

export class QuadrantCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.subscription = analyzer.onDidChangeState(() => this.changed.fire());
  }

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!readConfig().codeLens) return [];
    const report = this.analyzer.state(document.uri)?.report;
    if (!report) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const fn of report.functions) {
      // Anonymous callbacks would crowd the editor; their parents' lenses lead to them.
      if (fn.name === '<module>' || fn.name === '<anonymous>' || fn.line > document.lineCount) continue;
      const findings = report.findings.filter((f) => f.functionId === fn.id).length;
      const parallel = fn.parallelFraction > 0 ? ` · P ${fn.parallelFraction.toFixed(2)}` : '';
      const issues = findings > 0 ? ` · ${findings} finding${findings === 1 ? '' : 's'}` : '';
      const range = new vscode.Range(fn.line - 1, 0, fn.line - 1, 0);
      lenses.push(
        new vscode.CodeLens(range, {
          title: `${QUADRANT_LABEL[fn.quadrant]}${parallel}${issues} · show timeline`,
          tooltip: `Open the predicted timeline of ${fn.name}`,
          command: 'concurrencyLens.showTimeline',
          arguments: [document.uri.toString(), fn.id],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
