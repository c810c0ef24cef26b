/**
 * The sidebar view: the timeline of the function under the cursor in the last
 * active text editor (it keeps following that editor while a webview or the
 * panel has focus), redrawn from every new report of its file.
 */
import * as vscode from 'vscode';
import type { ExtensionToWebview } from '../protocol';
import type { ActiveDocumentTracker } from './activeDocument';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { preferredFunction } from './functionChoice';
import { innermostFunctionAt } from './functionsAt';
import type { SharedCores } from './sharedCores';
import { answerPreview, attachPage, payloadFor } from './timelinePage';

export class TimelineSidebar implements vscode.WebviewViewProvider {
  static readonly viewId = 'concurrencyLens.timeline';
  private view: vscode.WebviewView | undefined;
  private lastSelected = -1;
  private lastPayloadKey = '';
  /** The default function of one report version (computing it simulates functions: not on every cursor move). */
  private fallback = { key: '', id: 0 };

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly analyzer: DocumentAnalyzer,
    private readonly active: ActiveDocumentTracker,
    private readonly cores: SharedCores,
  ) {
    context.subscriptions.push(
      analyzer.onDidChangeState((uri) => {
        if (uri.toString() === active.document?.uri.toString()) this.refresh(true);
      }),
      active.onDidChange(() => this.refresh(true)),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === active.document) this.refresh(false);
      }),
      cores.onDidChange((count) => this.post({ type: 'cores', cores: count })),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.lastPayloadKey = '';
    const subscriptions = [
      attachPage(this.context, view.webview, 'sidebar', {
        ready: () => {
          this.lastPayloadKey = '';
          this.refresh(true);
        },
        selectFunction: () => undefined, // the page keeps the pick until the cursor moves to another function
        setCores: (count) => void this.cores.set(count),
        previewFix: (key) => void answerPreview(this.analyzer, this.active.document?.uri, key, (message) => this.post(message)),
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
    const document = this.active.document;
    if (!document) {
      if (full) this.post({ type: 'empty', reason: 'Open a TypeScript or JavaScript file to see how its functions run.' });
      return;
    }
    const state = this.analyzer.state(document.uri);
    if (!state?.report) {
      if (full) this.post({ type: 'empty', reason: state?.skipped ?? state?.stale ?? 'Analysing…' });
      return;
    }
    const key = `${document.uri.toString()}@${state.version}@${state.stale ?? ''}`;
    const editor = this.active.textEditor;
    const atCursor = editor ? innermostFunctionAt(state.report, document.offsetAt(editor.selection.active)) : undefined;
    let selected: number;
    if (atCursor && atCursor.kind !== 'module') selected = atCursor.id;
    else {
      if (this.fallback.key !== key) this.fallback = { key, id: preferredFunction(state.report, this.cores.value) };
      selected = this.fallback.id;
    }
    if (full || key !== this.lastPayloadKey) {
      this.lastPayloadKey = key;
      this.lastSelected = selected;
      this.post({ type: 'show', payload: payloadFor(document.uri, state.report, selected, this.cores.value, state.stale) });
    } else if (selected !== this.lastSelected) {
      this.lastSelected = selected;
      this.post({ type: 'select', functionId: selected });
    }
  }

  private post(message: ExtensionToWebview): void {
    if (this.view) void this.view.webview.postMessage(message);
  }
}
