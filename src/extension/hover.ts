/**
 * Hover on a function's head: its quadrant in a sentence, the evidence, P and
 * Amdahl's S(N). Hover on a call to a function of another file: what calling
 * it does (its summary) and a link to it.
 */
import * as vscode from 'vscode';
import { contextSentence, describeSpeedup, quadrantSentence } from '../core/explain';
import { simulate } from '../core/timeline/timeline';
import type { FunctionReport, Report } from '../core/reportTypes';
import { baseName, describeCallEffect, externalCallAt, type ExternalCall } from './callSummary';
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
    const call = externalCallAt(state.report, position.line + 1, position.character + 1);
    if (call) return new vscode.Hover(callHoverMarkdown(call));
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

export function callHoverMarkdown(call: ExternalCall): vscode.MarkdownString {
  const { ref, callee } = call;
  const line = callee?.line ?? 1;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**Concurrency Lens** · $(symbol-function) \`${escapeMarkdown(ref.name)}\` from ${escapeMarkdown(baseName(ref.file))}\n\n`);
  for (const sentence of describeCallEffect(ref.effect)) md.appendMarkdown(`- ${sentence}\n`);
  // A file link with a line fragment: VS Code opens the file at that line.
  const target = vscode.Uri.file(ref.file).with({ fragment: `L${line}` });
  md.appendMarkdown(`\n[Go to ${escapeMarkdown(callee?.name ?? ref.name)} (${escapeMarkdown(baseName(ref.file))}:${line})](${target.toString()})`);
  return md;
}

/** Evidence quotes user code: keep it from turning into markdown or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
