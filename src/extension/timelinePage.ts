/**
 * What the timeline panel and the sidebar share: the page set-up (strict CSP,
 * the extension's own folders only), the payload built from a report, and the
 * messages the page sends (validated: a webview is untrusted input).
 */
import * as vscode from 'vscode';
import type { Report } from '../core/reportTypes';
import type { ExtensionToWebview, TimelinePayload } from '../protocol';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { isWebviewToExtension } from '../protocol';
import { makeNonce, timelineHtml } from '../webviewHtml';

export interface PageHandlers {
  /** The page loaded (again: a hidden view reloads when shown) and waits for a payload. */
  ready(): void;
  /** The user picked a function in the page's picker. */
  selectFunction(functionId: number): void;
  /** The user moved the core-count slider. */
  setCores(cores: number): void;
  /** The page wants the after-fix schedule of a finding. */
  previewFix(key: string): void;
}

export function payloadFor(uri: vscode.Uri, report: Report, selected: number, cores: number, stale: string | null, notice: string | null = null): TimelinePayload {
  return {
    fileName: vscode.workspace.asRelativePath(uri),
    uri: uri.toString(),
    functions: report.functions,
    findings: report.findings,
    selectedFunctionId: selected,
    cores,
    stale,
    notice,
    ...(report.imported ? { imported: report.imported } : {}),
  };
}

/** Answers a page's request for an after-fix preview of a finding of the document it shows. */
export async function answerPreview(analyzer: DocumentAnalyzer, uri: vscode.Uri | undefined, key: string, post: (message: ExtensionToWebview) => void): Promise<void> {
  if (!uri) return;
  const { preview, reason } = await analyzer.preview(uri, key);
  post(reason === undefined ? { type: 'fixPreview', key, preview } : { type: 'fixPreview', key, preview, reason });
}

export function attachPage(context: vscode.ExtensionContext, webview: vscode.Webview, host: 'panel' | 'sidebar', handlers: PageHandlers): vscode.Disposable {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
  webview.html = timelineHtml({
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    title: 'Concurrency timeline',
    host,
  });
  return webview.onDidReceiveMessage(async (message: unknown) => {
    if (!isWebviewToExtension(message)) return; // untrusted input: ignore anything malformed
    switch (message.type) {
      case 'ready':
        handlers.ready();
        return;
      case 'reveal':
        await revealInEditor(vscode.Uri.parse(message.uri), new vscode.Range(message.line - 1, message.column - 1, message.endLine - 1, message.endColumn - 1));
        return;
      case 'selectFunction':
        handlers.selectFunction(message.functionId);
        return;
      case 'setCores':
        handlers.setCores(message.cores);
        return;
      case 'previewFix':
        handlers.previewFix(message.key);
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

/**
 * Selects a segment's range in the editor that shows its file (the first column
 * if none does). The cursor goes to the range's start and the editor scrolls to
 * the start of that line: revealing the whole range scrolled long lines sideways.
 */
async function revealInEditor(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
  const valid = document.validateRange(range);
  editor.selection = new vscode.Selection(valid.end, valid.start);
  editor.revealRange(new vscode.Range(valid.start.line, 0, valid.start.line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
