/** The palette commands that are not about the timeline views, and the CodeLens targets. */
import * as vscode from 'vscode';
import { contextSentence, describeSpeedup, quadrantSentence } from '../core/explain';
import { simulate } from '../core/timeline/timeline';
import type { AnalysisPool } from './analysisPool';
import type { ActiveDocumentTracker } from './activeDocument';
import { isAnalysable, SECTION } from './config';
import { toRange } from './convert';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { announceSaved, defaultExportUri, formatSources, readSources } from './exportReport';
import { innermostFunctionAt } from './functionsAt';
import type { ReportDocuments } from './reportView';
import type { SharedCores } from './sharedCores';
import type { TimelineViews } from './timelineViews';
import type { ExportFormat } from './workerProtocol';

export interface CommandDeps {
  analyzer: DocumentAnalyzer;
  pool: AnalysisPool;
  active: ActiveDocumentTracker;
  cores: SharedCores;
  reports: ReportDocuments;
  views: TimelineViews;
  /** The files the last Analyze Workspace run looked at (undefined until it has run). */
  workspaceFiles(): readonly vscode.Uri[] | undefined;
  log: vscode.LogOutputChannel;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const { analyzer, active, cores } = deps;
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('concurrencyLens.analyzeFile', async () => {
    const document = documentOrHint(active);
    if (!document) return undefined;
    await analyzer.analyze(document, true);
    const sourceColumn = active.textEditor?.viewColumn ?? vscode.ViewColumn.One;
    const uri = await deps.reports.show(document.uri, sourceColumn, deps.views.panelColumn());
    return deps.reports.provideTextDocumentContent(uri);
  });

  register('concurrencyLens.explainQuadrant', async (uriText?: string, functionId?: number) => {
    const document = typeof uriText === 'string' ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText)) : documentOrHint(active);
    if (!document) return undefined;
    const state = analyzer.state(document.uri)?.report && typeof functionId === 'number' ? analyzer.state(document.uri) : await analyzer.analyze(document, true);
    const report = state?.report;
    if (!report) {
      void vscode.window.showWarningMessage(`Concurrency Lens: nothing to explain (${state?.skipped ?? state?.stale ?? 'no report'}).`);
      return undefined;
    }
    const editor = active.textEditor;
    const fn = typeof functionId === 'number' ? report.functions.find((f) => f.id === functionId) : editor ? innermostFunctionAt(report, document.offsetAt(editor.selection.active)) : undefined;
    if (!fn) return undefined;
    const timeline = simulate(report, fn.id, { cores: cores.value });
    const text = [quadrantSentence(fn, timeline).replace(/`/g, ''), contextSentence(fn.context)?.replace(/`/g, ''), describeSpeedup(timeline.speedup)].filter(Boolean).join(' ');
    void vscode.window.showInformationMessage(text, 'Show Timeline').then((choice) => {
      if (choice) void vscode.commands.executeCommand('concurrencyLens.showTimeline', document.uri.toString(), fn.id);
    });
    return text;
  });

  // A CodeLens target: one finding is selected in the editor, several open in a peek.
  register('concurrencyLens.showFindings', async (uriText?: string, functionId?: number) => {
    if (typeof uriText !== 'string' || typeof functionId !== 'number') return 0;
    const uri = vscode.Uri.parse(uriText);
    const findings = analyzer.state(uri)?.report?.findings.filter((f) => f.functionId === functionId) ?? [];
    if (findings.length === 0) return 0;
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    const first = toRange(findings[0]);
    if (findings.length === 1) {
      editor.selection = new vscode.Selection(first.start, first.end);
      editor.revealRange(first, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else {
      const locations = findings.map((f) => new vscode.Location(uri, toRange(f)));
      await vscode.commands.executeCommand('editor.action.peekLocations', uri, first.start, locations, 'peek');
    }
    return findings.length;
  });

  // After Analyze Workspace the export covers every file it looked at; `scope` 'file' asks for the active file only.
  register('concurrencyLens.exportReport', async (format?: ExportFormat, target?: string, scope?: ExportScope) => {
    const workspaceFiles = deps.workspaceFiles();
    const document = active.document;
    let choice: { format: ExportFormat; scope: ExportScope } | undefined = format ? { format, scope: scope ?? (workspaceFiles ? 'workspace' : 'file') } : undefined;
    choice ??= await pickExport(workspaceFiles?.length, document && vscode.workspace.asRelativePath(document.uri));
    if (!choice) return undefined;
    const uris = choice.scope === 'workspace' ? workspaceFiles : document ? [document.uri] : undefined;
    if (!uris) {
      void vscode.window.showInformationMessage(choice.scope === 'workspace' ? 'Concurrency Lens: run Analyze Workspace first.' : 'Concurrency Lens: open a TypeScript or JavaScript file first.');
      return undefined;
    }
    const { sources, unreadable } = await readSources(uris);
    if (sources.length === 0) {
      void vscode.window.showWarningMessage('Concurrency Lens: nothing to export (no readable file).');
      return undefined;
    }
    const uri = target
      ? vscode.Uri.parse(target)
      : await vscode.window.showSaveDialog({
          defaultUri: defaultExportUri(choice.format, choice.scope === 'file' ? uris[0] : undefined),
          filters: choice.format === 'json' ? { JSON: ['json'] } : { SARIF: ['sarif', 'json'] },
          title: 'Export the Concurrency Lens report',
        });
    if (!uri) return undefined;
    const content = await formatSources(deps.pool, sources, unreadable, choice.format);
    if (content === undefined) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    deps.log.info(`exported ${sources.length} file(s) as ${choice.format} to ${uri.fsPath}`);
    void announceSaved({ uri, files: sources.length, unreadable: unreadable.length });
    return uri.toString();
  });

  register('concurrencyLens.toggleCodeLens', async () => {
    const config = vscode.workspace.getConfiguration(SECTION);
    const next = !config.get<boolean>('codeLens', true);
    await config.update('codeLens', next, vscode.ConfigurationTarget.Global);
    return next;
  });

  register('concurrencyLens.showRuleDocs', async (rule?: string) => {
    const known = ruleIds(context);
    const id = rule ?? (await vscode.window.showQuickPick(known, { placeHolder: 'Which rule?' }));
    if (!id || !known.includes(id)) return undefined;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return page.toString();
  });

  register('concurrencyLens.showOutput', () => deps.log.show(true));
}

/** The document the command is about (the last active editor's), or a hint when there is none. */
function documentOrHint(active: ActiveDocumentTracker): vscode.TextDocument | undefined {
  const document = active.document;
  if (document && isAnalysable(document)) return document;
  void vscode.window.showInformationMessage('Concurrency Lens: open a TypeScript or JavaScript file first.');
  return undefined;
}

type ExportScope = 'workspace' | 'file';

/** Format and scope in one pick; the workspace first when Analyze Workspace has run. */
async function pickExport(workspaceFiles: number | undefined, fileName: string | undefined): Promise<{ format: ExportFormat; scope: ExportScope } | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormat; scope: ExportScope })[] = [];
  const formats = [
    { format: 'json' as const, label: 'JSON', detail: 'the CLI\'s --format json contract' },
    { format: 'sarif' as const, label: 'SARIF 2.1.0', detail: 'for GitHub code scanning and other SARIF viewers' },
  ];
  if (workspaceFiles !== undefined) for (const f of formats) items.push({ label: f.label, description: `the workspace: ${workspaceFiles} files from the last Analyze Workspace`, detail: f.detail, format: f.format, scope: 'workspace' });
  if (fileName) for (const f of formats) items.push({ label: f.label, description: fileName, detail: f.detail, format: f.format, scope: 'file' });
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Concurrency Lens: open a TypeScript or JavaScript file, or run Analyze Workspace, first.');
    return undefined;
  }
  return vscode.window.showQuickPick(items, { placeHolder: 'Export the report as…' });
}

/**
 * Rule ids as the manifest lists them (the `concurrencyLens.rules` setting's
 * properties), so the host never loads the rule implementations; a unit test
 * keeps that list equal to the registry.
 */
export function ruleIds(context: vscode.ExtensionContext): string[] {
  const properties = context.extension.packageJSON?.contributes?.configuration?.properties?.['concurrencyLens.rules']?.properties;
  return properties ? Object.keys(properties) : [];
}
