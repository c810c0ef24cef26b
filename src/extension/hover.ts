/** Hover on a function's head: its quadrant in a sentence, the evidence, P and Amdahl's S(N). */
import * as vscode from 'vscode';
import { contextSentence, describeSpeedup, quadrantSentence } from '../core/explain';
import { simulate } from '../core/timeline/timeline';
import type { FunctionReport, Report } from '../core/reportTypes';
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
    return new vscode.Hover(hoverMarkdown(state.report, fn, this.cores.value, document.uri));
  }
}

export function hoverMarkdown(report: Report, fn: FunctionReport, cores: number, uri: vscode.Uri): vscode.MarkdownString {
  // The sentence and the speed-up are read off the same predicted schedule the timeline draws.
  const timeline = simulate(report, fn.id, { cores });
  const md = new vscode.MarkdownString(undefined, true);
  // The link's command closes the hover before opening the panel (a plain command link leaves it open over the panel).
  md.isTrusted = { enabledCommands: ['concurrencyLens.showTimelineFromHover'] };
  md.appendMarkdown(`**Concurrency Lens** · $(symbol-event) ${quadrantSentence(fn, timeline)}\n\n`);
  if (fn.evidence.length > 0) {
    md.appendMarkdown('Why:\n');
    for (const evidence of fn.evidence) md.appendMarkdown(`- line ${evidence.line}: ${escapeMarkdown(evidence.text)}\n`);
    md.appendMarkdown('\n');
  }
  const where = contextSentence(fn.context);
  if (where) md.appendMarkdown(`${escapeMarkdown(where)}\n\n`);
  md.appendMarkdown(`${describeSpeedup(timeline.speedup)}\n\n`);
  const args = encodeURIComponent(JSON.stringify([uri.toString(), fn.id]));
  md.appendMarkdown(`[Show timeline](command:concurrencyLens.showTimelineFromHover?${args} "Open the predicted timeline")`);
  return md;
}

/** Evidence quotes user code: keep it from turning into markdown or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
