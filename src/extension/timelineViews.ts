/**
 * The timeline's two homes: a webview panel (Show Timeline) and a sidebar view
 * that follows the active editor and the function under the cursor. Both load
 * the same page (src/webview) and speak src/protocol.ts.
 */
import * as vscode from 'vscode';
import type { Report } from '../core/reportTypes';
import type { ExtensionToWebview, TimelinePayload } from '../protocol';
import { isWebviewToExtension } from '../protocol';
import { makeNonce, timelineHtml } from '../webviewHtml';
import { isAnalysable, readConfig } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { innermostFunctionAt } from './functionsAt';

export function registerTimelineViews(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  const sidebar = new TimelineSidebar(context, analyzer);
  let panel: TimelinePanel | undefined;
  // Only the panel we are tracking clears the slot when it closes.
  const track = (restored?: vscode.WebviewPanel): TimelinePanel => {
    const created: TimelinePanel = new TimelinePanel(context, () => {
      if (panel === created) panel = undefined;
    }, restored);
    return created;
  };
  const showPanel = async (uriText?: string, functionId?: number): Promise<boolean> => {
    const document = await documentFor(uriText);
    if (!document) {
      void vscode.window.showInformationMessage('Concurrency Lens: open a TypeScript or JavaScript file to see its timeline.');
      return false;
    }
    const state = analyzer.state(document.uri)?.report ? analyzer.state(document.uri) : await analyzer.analyze(document, true);
    if (!state?.report) {
      void vscode.window.showWarningMessage(`Concurrency Lens: no timeline for this file (${state?.skipped ?? state?.stale ?? 'not analysed'}).`);
      return false;
    }
    const selected = functionId ?? functionAtCursor(document, state.report) ?? 0;
    panel ??= track();
    panel.show(payloadFor(document, state.report, selected, state.stale));
    return true;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('concurrencyLens.timeline', sidebar, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.window.registerWebviewPanelSerializer(TimelinePanel.viewType, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel) {
        panel?.dispose();
        panel = track(restored);
      },
    }),
    vscode.commands.registerCommand('concurrencyLens.showTimeline', (uri?: string, functionId?: number) => showPanel(typeof uri === 'string' ? uri : undefined, typeof functionId === 'number' ? functionId : undefined)),
    vscode.commands.registerCommand('concurrencyLens.showTimelineAtCursor', () => showPanel()),
    { dispose: () => panel?.dispose() },
  );
}

async function documentFor(uriText: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uriText) return vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
  const document = vscode.window.activeTextEditor?.document;
  return document && isAnalysable(document) ? document : undefined;
}

function functionAtCursor(document: vscode.TextDocument, report: Report): number | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (!editor) return undefined;
  return innermostFunctionAt(report, document.offsetAt(editor.selection.active))?.id;
}

function payloadFor(document: vscode.TextDocument, report: Report, selected: number, stale: string | null): TimelinePayload {
  return {
    fileName: vscode.workspace.asRelativePath(document.uri),
    uri: document.uri.toString(),
    functions: report.functions,
    findings: report.findings,
    selectedFunctionId: selected,
    cores: readConfig().cores,
    stale,
  };
}

/** Page set-up and message handling shared by the panel and the sidebar. */
function attach(context: vscode.ExtensionContext, webview: vscode.Webview, onReady: () => void): vscode.Disposable {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
  webview.html = timelineHtml({
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    title: 'Concurrency timeline',
  });
  return webview.onDidReceiveMessage(async (message: unknown) => {
    if (!isWebviewToExtension(message)) return; // untrusted input: ignore anything malformed
    switch (message.type) {
      case 'ready':
        onReady();
        return;
      case 'reveal': {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(message.uri));
        const range = new vscode.Range(message.line - 1, message.column - 1, message.endLine - 1, message.endColumn - 1);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: range, preserveFocus: false });
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'selectFunction':
        return;
      case 'openDocs':
        await vscode.commands.executeCommand('concurrencyLens.showRuleDocs', message.rule);
        return;
      default: {
        const unhandled: never = message;
        void unhandled;
      }
    }
  });
}

class TimelinePanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pending: ExtensionToWebview | undefined;

  static readonly viewType = 'concurrencyLens.timelinePanel';

  /** `restored`: a panel VS Code brings back after a restart; the page redraws from its saved state. */
  constructor(context: vscode.ExtensionContext, onDispose: () => void, restored?: vscode.WebviewPanel) {
    this.panel = restored ?? vscode.window.createWebviewPanel(TimelinePanel.viewType, 'Concurrency Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: false });
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'activity.svg');
    this.disposables.push(
      attach(context, this.panel.webview, () => {
        this.ready = true;
        if (this.pending) void this.panel.webview.postMessage(this.pending);
      }),
      this.panel.onDidDispose(() => {
        this.disposables.forEach((d) => d.dispose());
        onDispose();
      }),
    );
  }

  show(payload: TimelinePayload): void {
    this.pending = { type: 'show', payload };
    this.panel.title = `Timeline: ${payload.functions.find((f) => f.id === payload.selectedFunctionId)?.name ?? payload.fileName}`;
    if (this.ready) void this.panel.webview.postMessage(this.pending);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel.dispose();
  }
}

/** The sidebar view: follows the active editor, its latest report and the function at the cursor. */
class TimelineSidebar implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private lastSelected = -1;
  private lastPayloadKey = '';

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analyzer: DocumentAnalyzer,
  ) {
    context.subscriptions.push(
      analyzer.onDidChangeState(() => this.refresh(true)),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(true)),
      vscode.window.onDidChangeTextEditorSelection(() => this.refresh(false)),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.lastPayloadKey = '';
    const subscriptions = [
      attach(this.context, view.webview, () => {
        this.lastPayloadKey = '';
        this.refresh(true);
      }),
      view.onDidChangeVisibility(() => this.refresh(true)),
    ];
    view.onDidDispose(() => {
      subscriptions.forEach((d) => d.dispose());
      this.view = undefined;
    });
  }

  /** `full`: the report or the editor changed; otherwise only the cursor moved. */
  private refresh(full: boolean): void {
    if (!this.view?.visible) return;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isAnalysable(document)) {
      if (full) void this.view.webview.postMessage({ type: 'empty', reason: 'Open a TypeScript or JavaScript file to see how its functions run.' } satisfies ExtensionToWebview);
      return;
    }
    const state = this.analyzer.state(document.uri);
    if (!state?.report) {
      if (full) void this.view.webview.postMessage({ type: 'empty', reason: state?.skipped ?? state?.stale ?? 'Analysing…' } satisfies ExtensionToWebview);
      return;
    }
    const selected = functionAtCursor(document, state.report) ?? 0;
    const key = `${document.uri.toString()}@${state.version}`;
    if (full || key !== this.lastPayloadKey) {
      this.lastPayloadKey = key;
      this.lastSelected = selected;
      void this.view.webview.postMessage({ type: 'show', payload: payloadFor(document, state.report, selected, state.stale) } satisfies ExtensionToWebview);
    } else if (selected !== this.lastSelected) {
      this.lastSelected = selected;
      void this.view.webview.postMessage({ type: 'select', functionId: selected } satisfies ExtensionToWebview);
    }
  }
}
