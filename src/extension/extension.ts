/**
 * Concurrency Lens: the VS Code adapter. Activation only wires things up; the
 * parser loads in a worker thread on the first analysis, never on the host's
 * critical path. Everything is disposed through context.subscriptions.
 */
import * as vscode from 'vscode';
import { ActiveDocumentTracker, isShownInAnyTab } from './activeDocument';
import { AnalysisPool, type PoolEvent } from './analysisPool';
import { QuadrantCodeLensProvider } from './codeLens';
import { LensCodeActionProvider } from './codeActions';
import { registerCommands, ruleIds } from './commands';
import { configurationProblems, DOCUMENT_SELECTOR, isAnalysable, machineCores, SECTION } from './config';
import { ProjectConfigs } from './projectConfig';
import { DocumentAnalyzer, type DocumentState } from './documentAnalyzer';
import { QuadrantHoverProvider } from './hover';
import { ReportDocuments } from './reportView';
import { SharedCores } from './sharedCores';
import { ProjectIndex } from './projectIndex';
import { LensStatus } from './statusBar';
import { registerTimelineViews } from './timelineViews';
import { analyzeWorkspace, type WorkspaceSummary } from './workspaceAnalysis';

/** What the extension exports: used by the integration tests and by other extensions. */
export interface ConcurrencyLensApi {
  state(uri: vscode.Uri): DocumentState | undefined;
  analyze(document: vscode.TextDocument): Promise<DocumentState | undefined>;
  /** The core count the views, hovers and summaries use (the sliders' shared value). */
  cores(): number;
  /** The log file behind the output channel (what the user sees in Output › Concurrency Lens). */
  readonly logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): ConcurrencyLensApi {
  const log = vscode.window.createOutputChannel('Concurrency Lens', { log: true });
  const logPoolEvent = (event: PoolEvent) => {
    if (event.kind === 'started') log.info(`analysis worker started (${event.workers} running)`);
    else log.warn(`analysis worker replaced: ${event.reason}`);
  };
  // One worker per core but one, so the host and the renderer keep a core for typing.
  const pool = new AnalysisPool(vscode.Uri.joinPath(context.extensionUri, 'dist', 'analysisWorker.js').fsPath, Math.max(1, machineCores() - 1), undefined, logPoolEvent);
  const diagnostics = vscode.languages.createDiagnosticCollection('concurrency-lens');
  const analyzer = new DocumentAnalyzer(pool, diagnostics, log);
  const project = new ProjectIndex(pool, context.storageUri, (document) => void analyzer.analyze(document), log);
  analyzer.useProject(project);
  // The project's configuration file, shared with the CLI: it wins over the settings for its files.
  const configs = new ProjectConfigs(log);
  analyzer.useConfigs(configs);
  configs.onDidChange(() => {
    for (const document of vscode.workspace.textDocuments) if (isAnalysable(document)) void analyzer.analyze(document);
  });
  const active = new ActiveDocumentTracker();
  const cores = new SharedCores(context.workspaceState);
  const codeLens = new QuadrantCodeLensProvider(analyzer);
  const reports = new ReportDocuments(analyzer, cores);
  context.subscriptions.push(log, { dispose: () => pool.dispose() }, diagnostics, analyzer, project, configs, active, cores, codeLens, reports, new LensStatus(analyzer, active));

  const knownRules = ruleIds(context);
  const reportConfiguration = () => {
    for (const problem of configurationProblems(knownRules)) log.warn(`settings: ${problem}`);
  };
  reportConfiguration();
  let workspaceFiles: readonly vscode.Uri[] | undefined;

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new QuadrantHoverProvider(analyzer, cores)),
    vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, codeLens),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new LensCodeActionProvider(analyzer), LensCodeActionProvider.metadata),
    vscode.workspace.onDidOpenTextDocument((document) => void analyzer.analyze(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) analyzer.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => void analyzer.analyze(document)),
    // A document reopened in a tab after its diagnostics were dropped gets them back.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && !analyzer.state(editor.document.uri)) void analyzer.analyze(editor.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => analyzer.forget(document.uri)),
    // VS Code may keep a closed file's document alive for a while; when its last tab
    // closes, its diagnostics should go at once.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      for (const tab of event.closed) {
        if (tab.input instanceof vscode.TabInputText && !isShownInAnyTab(tab.input.uri.toString())) analyzer.forget(tab.input.uri);
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      reportConfiguration();
      codeLens.refresh();
      analyzer.reanalyzeAll();
    }),
    vscode.commands.registerCommand('concurrencyLens.analyzeWorkspace', async (): Promise<WorkspaceSummary> => {
      const summary = await analyzeWorkspace(pool, diagnostics, (uri) => analyzer.state(uri) !== undefined, log, project);
      if (!summary.cancelled) workspaceFiles = summary.uris;
      const verb = summary.cancelled ? 'stopped after' : 'analysed';
      void vscode.window.showInformationMessage(`Concurrency Lens ${verb} ${summary.files} files: ${summary.findings} findings${summary.failed ? `, ${summary.failed} unreadable` : ''}. See the Problems panel.`);
      return summary;
    }),
  );
  const views = registerTimelineViews(context, analyzer, active, cores);
  registerCommands(context, { analyzer, pool, active, cores, reports, views, workspaceFiles: () => workspaceFiles, log });

  for (const document of vscode.workspace.textDocuments) if (isAnalysable(document)) void analyzer.analyze(document);
  // The index after the open documents' first analyses (they are queued first), from the last session's summaries.
  void project.ready.then(() => project.build()).catch((err) => log.warn(`project index: ${err instanceof Error ? err.message : String(err)}`));
  return {
    state: (uri) => analyzer.state(uri),
    analyze: (document) => analyzer.analyze(document, true),
    cores: () => cores.value,
    logUri: vscode.Uri.joinPath(context.logUri, 'Concurrency Lens.log'),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
