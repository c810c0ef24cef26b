/**
 * The timeline's two homes: a webview panel (Show Timeline) that follows its
 * document, and a sidebar view that follows the last active editor and the
 * function under the cursor. Both load the same page (src/webview), speak
 * src/protocol.ts and share one core count.
 */
import * as vscode from 'vscode';
import type { ActiveDocumentTracker } from './activeDocument';
import { isAnalysable } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { preferredFunction } from './functionChoice';
import { innermostFunctionAt } from './functionsAt';
import type { SharedCores } from './sharedCores';
import { TimelinePanel } from './timelinePanel';
import { TimelineSidebar } from './timelineSidebar';

export interface TimelineViews {
  /** The column the panel is showing in, or undefined when it is closed or hidden. */
  panelColumn(): vscode.ViewColumn | undefined;
}

export function registerTimelineViews(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer, active: ActiveDocumentTracker, cores: SharedCores): TimelineViews {
  const sidebar = new TimelineSidebar(context, analyzer, active, cores);
  let panel: TimelinePanel | undefined;
  // Only the panel we are tracking clears the slot when it closes.
  const track = (restored?: { panel: vscode.WebviewPanel; state: unknown }): TimelinePanel => {
    const created: TimelinePanel = new TimelinePanel(context, analyzer, cores, () => {
      if (panel === created) panel = undefined;
    }, restored);
    return created;
  };
  const showPanel = async (uriText?: string, functionId?: number): Promise<boolean> => {
    const document = await documentFor(uriText, active);
    if (!document) {
      void vscode.window.showInformationMessage('Concurrency Lens: open a TypeScript or JavaScript file to see its timeline.');
      return false;
    }
    const state = analyzer.state(document.uri)?.report ? analyzer.state(document.uri) : await analyzer.analyze(document, true);
    if (!state?.report) {
      void vscode.window.showWarningMessage(`Concurrency Lens: no timeline for this file (${state?.skipped ?? state?.stale ?? 'not analysed'}).`);
      return false;
    }
    const known = functionId !== undefined && state.report.functions.some((f) => f.id === functionId);
    const selected = known ? functionId : preferredFunction(state.report, cores.value, functionAtCursor(document, state.report));
    panel ??= track();
    panel.show(document.uri, state.report, selected);
    return true;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(TimelineSidebar.viewId, sidebar, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.window.registerWebviewPanelSerializer(TimelinePanel.viewType, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: unknown) {
        panel?.dispose();
        panel = track({ panel: restored, state });
      },
    }),
    vscode.commands.registerCommand('concurrencyLens.showTimeline', (uri?: unknown, functionId?: unknown) => showPanel(typeof uri === 'string' ? uri : undefined, typeof functionId === 'number' ? functionId : undefined)),
    vscode.commands.registerCommand('concurrencyLens.showTimelineAtCursor', () => showPanel()),
    // A hover's "Show timeline" link: the hover would otherwise stay open over the new panel.
    vscode.commands.registerCommand('concurrencyLens.showTimelineFromHover', async (uri?: unknown, functionId?: unknown) => {
      await vscode.commands.executeCommand('editor.action.hideHover');
      return showPanel(typeof uri === 'string' ? uri : undefined, typeof functionId === 'number' ? functionId : undefined);
    }),
    { dispose: () => panel?.dispose() },
  );
  return { panelColumn: () => panel?.viewColumn };
}

async function documentFor(uriText: string | undefined, active: ActiveDocumentTracker): Promise<vscode.TextDocument | undefined> {
  if (uriText) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
    return isAnalysable(document) ? document : undefined;
  }
  return active.document;
}

/** The function under the cursor of an editor showing the document (the module when outside every function). */
function functionAtCursor(document: vscode.TextDocument, report: Parameters<typeof innermostFunctionAt>[0]) {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  return editor ? innermostFunctionAt(report, document.offsetAt(editor.selection.active)) : undefined;
}
