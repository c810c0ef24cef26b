/**
 * Analyze Current File's report: a read-only virtual Markdown document (a
 * content provider, so nothing is ever unsaved and closing it asks nothing),
 * shown rendered by VS Code's Markdown preview, and regenerated whenever its
 * file is analysed again.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { summarizeReport } from '../core/summary';
import type { DocumentAnalyzer, DocumentState } from './documentAnalyzer';
import type { SharedCores } from './sharedCores';

export const REPORT_SCHEME = 'concurrency-lens-report';
const MARKDOWN_PREVIEW = 'vscode.markdown.preview.editor';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Source uri -> its report document's uri, for the reports opened so far. */
  private readonly opened = new Map<string, vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly cores: SharedCores,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
      analyzer.onDidChangeState((uri) => {
        const report = this.opened.get(uri.toString());
        if (report) this.changed.fire(report);
      }),
      cores.onDidChange(() => this.opened.forEach((report) => this.changed.fire(report))),
      this.changed,
    ];
  }

  /** The report document of a source file: `…/handler.ts (Concurrency Lens).md`, the source in the query. */
  uriFor(source: vscode.Uri): vscode.Uri {
    const name = `${path.posix.basename(source.path)} (Concurrency Lens).md`;
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}`, query: source.toString() });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    let source: vscode.Uri;
    try {
      source = vscode.Uri.parse(uri.query, true);
    } catch {
      return '# Concurrency Lens\n\nThis report does not name a file.\n';
    }
    this.opened.set(source.toString(), uri);
    return reportText(source, this.analyzer.state(source), this.cores.value);
  }

  /**
   * Opens the rendered report in the group right of the code, but never in the
   * timeline panel's place: when the panel is that group, one group further.
   */
  async show(source: vscode.Uri, sourceColumn: vscode.ViewColumn, panelColumn: vscode.ViewColumn | undefined): Promise<vscode.Uri> {
    const uri = this.uriFor(source);
    this.opened.set(source.toString(), uri);
    this.changed.fire(uri);
    const viewColumn: vscode.ViewColumn = panelColumn === sourceColumn + 1 ? panelColumn + 1 : sourceColumn + 1;
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, MARKDOWN_PREVIEW, { viewColumn, preserveFocus: true, preview: true });
    } catch {
      // No Markdown preview (the built-in extension disabled): the text itself, still read-only.
      await vscode.window.showTextDocument(uri, { viewColumn, preserveFocus: true, preview: true });
    }
    return uri;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
  }
}

export function reportText(source: vscode.Uri, state: DocumentState | undefined, cores: number): string {
  const name = vscode.workspace.asRelativePath(source);
  if (state?.report) {
    const text = summarizeReport(state.report, name, cores);
    return state.stale ? text.replace('\n\n', `\n\n> Out of date: ${state.stale}. This is the last good analysis.\n\n`) : text;
  }
  return `# Concurrency Lens: ${name}\n\nNot analysed: ${state?.skipped ?? state?.stale ?? 'the file is not open'}.\n`;
}
