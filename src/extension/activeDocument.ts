/**
 * The document the sidebar, the status bar and the language status describe:
 * the last active text editor's, even while a webview (the timeline panel, a
 * preview) or another part of the window has focus. `activeTextEditor` turns
 * undefined then, and following it made the views empty themselves the moment
 * the user clicked the panel's slider.
 */
import * as vscode from 'vscode';
import { isAnalysable } from './config';

/** Editors that are not the user's code: the Output view, the debug console's input. */
const NOT_CODE = new Set(['output', 'debug', 'vscode-terminal']);

export class ActiveDocumentTracker implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The followed editor changed (another file, or none any more). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.editor = vscode.window.activeTextEditor;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // No text editor (a webview or panel has focus): keep following the last one.
        if (!editor || NOT_CODE.has(editor.document.uri.scheme)) return;
        this.set(editor);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.editor?.document) this.set(vscode.window.activeTextEditor);
      }),
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        const followed = this.editor?.document.uri.toString();
        if (followed && event.closed.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === followed) && !isShownInAnyTab(followed)) {
          this.set(vscode.window.activeTextEditor);
        }
      }),
      this.changed,
    ];
  }

  /** The followed editor's document when it is TypeScript or JavaScript. */
  get document(): vscode.TextDocument | undefined {
    const document = this.editor?.document;
    return document && !document.isClosed && isAnalysable(document) ? document : undefined;
  }

  /** The followed editor itself (for its cursor), when it still shows the document. */
  get textEditor(): vscode.TextEditor | undefined {
    const document = this.document;
    if (!document) return undefined;
    return vscode.window.visibleTextEditors.find((e) => e === this.editor) ?? vscode.window.visibleTextEditors.find((e) => e.document === document) ?? this.editor;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }

  private set(editor: vscode.TextEditor | undefined): void {
    if (editor === this.editor) return;
    this.editor = editor;
    this.changed.fire();
  }
}

export function isShownInAnyTab(uri: string): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri));
}
