/**
 * CodeLens above each named function and each request or event handler, one
 * lens per part so each click does what it says: the quadrant explains itself,
 * the findings go to the first finding (or a peek of all of them), and
 * "show timeline" opens the panel.
 */
import * as vscode from 'vscode';
import { QUADRANT_LABEL } from '../core/explain';
import type { FunctionReport } from '../core/reportTypes';
import { readConfig } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';

/** Unnamed functions that still stand on their own (src/core/naming.ts names them). */
const STANDALONE = new Set(['default export', 'immediately invoked function']);

/**
 * Named functions get lenses, and so do unnamed ones that stand on their own:
 * registered handlers, whose context names end in " handler" (`POST /signup
 * handler`, `http.createServer handler`), the default export and IIFEs. Other
 * callbacks would crowd the editor; their parents' lenses lead to them.
 */
export function wantsLens(fn: Pick<FunctionReport, 'name' | 'kind'>): boolean {
  if (fn.kind === 'module' || fn.name === '<anonymous>') return false;
  return !fn.name.includes(' ') || fn.name.endsWith(' handler') || STANDALONE.has(fn.name);
}

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
    const uri = document.uri.toString();
    const lenses: vscode.CodeLens[] = [];
    for (const fn of report.functions) {
      if (!wantsLens(fn) || fn.line > document.lineCount) continue;
      const range = new vscode.Range(fn.line - 1, 0, fn.line - 1, 0);
      const findings = report.findings.filter((f) => f.functionId === fn.id).length;
      const parallel = fn.parallelFraction > 0 ? ` · P ${fn.parallelFraction.toFixed(2)}` : '';
      lenses.push(
        new vscode.CodeLens(range, {
          title: `${QUADRANT_LABEL[fn.quadrant]}${parallel}`,
          tooltip: `Why ${fn.name} is ${QUADRANT_LABEL[fn.quadrant]}`,
          command: 'concurrencyLens.explainQuadrant',
          arguments: [uri, fn.id],
        }),
      );
      if (findings > 0) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `${findings} finding${findings === 1 ? '' : 's'}`,
            tooltip: findings === 1 ? 'Go to the finding' : `Peek the ${findings} findings`,
            command: 'concurrencyLens.showFindings',
            arguments: [uri, fn.id],
          }),
        );
      }
      lenses.push(
        new vscode.CodeLens(range, {
          title: 'show timeline',
          tooltip: `Open the predicted timeline of ${fn.name}`,
          command: 'concurrencyLens.showTimeline',
          arguments: [uri, fn.id],
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
