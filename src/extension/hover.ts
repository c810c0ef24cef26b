/** Hover on a function's head: its quadrant in a sentence, the evidence, P and Amdahl's S(N). */
import * as vscode from 'vscode';
import { describeQuadrant, describeSpeedup } from '../core/explain';
import type { FunctionReport } from '../core/reportTypes';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { functionHeadAt } from './functionsAt';
import type { SharedCores } from './sharedCores';

export class QuadrantHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly cores: SharedCores,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const state = this.analyzer.state(document.uri);
    if (!state?.report || state.version !== document.version) return undefined;
    const fn = functionHeadAt(state.report, document, position);
    if (!fn) return undefined;
    return new vscode.Hover(hoverMarkdown(fn, this.cores.value, document.uri));
  }
}

export function hoverMarkdown(fn: FunctionReport, cores: number, uri: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  // The link's command closes the hover before opening the panel (a plain command link leaves it open over the panel).
  md.isTrusted = { enabledCommands: ['concurrencyLens.showTimelineFromHover'] };
  md.appendMarkdown(`**Concurrency Lens** · $(symbol-event) ${describeQuadrant(fn)}\n\n`);
  if (fn.evidence.length > 0) {
    md.appendMarkdown('Why:\n');
    for (const evidence of fn.evidence) md.appendMarkdown(`- line ${evidence.line}: ${escapeMarkdown(evidence.text)}\n`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(`${describeSpeedup(fn.parallelFraction, cores)}\n\n`);
  const args = encodeURIComponent(JSON.stringify([uri.toString(), fn.id]));
  md.appendMarkdown(`[Show timeline](command:concurrencyLens.showTimelineFromHover?${args} "Open the predicted timeline")`);
  return md;
}

/** Evidence quotes user code: keep it from turning into markdown or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
