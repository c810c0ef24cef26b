/** The palette commands that are not about the timeline views. */
import * as path from 'path';
import * as vscode from 'vscode';
import { describeQuadrant, describeSpeedup } from '../core/explain';
import { summarizeReport } from '../core/summary';
import type { AnalysisPool } from './analysisPool';
import { isAnalysable, readConfig, SECTION } from './config';
import type { DocumentAnalyzer } from './documentAnalyzer';
import { innermostFunctionAt } from './functionsAt';

export function registerCommands(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer, pool: AnalysisPool): void {
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register('concurrencyLens.analyzeFile', async () => {
    const document = await activeAnalysableDocument();
    if (!document) return undefined;
    const state = await analyzer.analyze(document, true);
    if (!state) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri);
    const text = state.report ? summarizeReport(state.report, name, readConfig().cores) : `# Concurrency Lens: ${name}\n\nNot analysed: ${state.skipped ?? state.stale ?? 'unknown reason'}.\n`;
    const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(summary, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return text;
  });

  register('concurrencyLens.explainQuadrant', async () => {
    const editor = vscode.window.activeTextEditor;
    const document = await activeAnalysableDocument();
    if (!editor || !document) return undefined;
    const state = await analyzer.analyze(document, true);
    const report = state?.report;
    if (!report) {
      void vscode.window.showWarningMessage(`Concurrency Lens: nothing to explain (${state?.skipped ?? state?.stale ?? 'no report'}).`);
      return undefined;
    }
    const fn = innermostFunctionAt(report, document.offsetAt(editor.selection.active));
    if (!fn) return undefined;
    const text = `${describeQuadrant(fn).replace(/`/g, '')} ${describeSpeedup(fn.parallelFraction, readConfig().cores)}`;
    void vscode.window.showInformationMessage(text, 'Show Timeline').then((choice) => {
      if (choice) void vscode.commands.executeCommand('concurrencyLens.showTimeline', document.uri.toString(), fn.id);
    });
    return text;
  });

  register('concurrencyLens.exportReport', async (format?: 'json' | 'sarif', target?: string) => {
    const document = await activeAnalysableDocument();
    if (!document) return undefined;
    const state = await analyzer.analyze(document, true);
    if (!state?.report) {
      void vscode.window.showWarningMessage(`Concurrency Lens: cannot export (${state?.skipped ?? state?.stale ?? 'no report'}).`);
      return undefined;
    }
    const chosen = format ?? (await pickFormat());
    if (!chosen) return undefined;
    const relative = vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
    const config = readConfig();
    const request = { text: document.getText(), fileName: document.fileName, rules: config.rules, exportAs: { format: chosen, displayPath: relative } };
    const content = (await pool.analyze(`export:${document.uri.toString()}`, request))?.exported;
    if (content === undefined) return undefined;
    const uri = target
      ? vscode.Uri.parse(target)
      : await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.file(`${document.uri.fsPath.replace(/\.[^.]+$/, '')}.concurrency.${chosen === 'json' ? 'json' : 'sarif'}`),
          filters: chosen === 'json' ? { JSON: ['json'] } : { SARIF: ['sarif', 'json'] },
        });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    void vscode.window.showInformationMessage(`Concurrency Lens: report saved to ${path.basename(uri.fsPath)}.`);
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
}

async function activeAnalysableDocument(): Promise<vscode.TextDocument | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document && isAnalysable(document)) return document;
  void vscode.window.showInformationMessage('Concurrency Lens: open a TypeScript or JavaScript file first.');
  return undefined;
}

async function pickFormat(): Promise<'json' | 'sarif' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'the CLI\'s --format json contract', format: 'json' as const },
      { label: 'SARIF 2.1.0', description: 'for GitHub code scanning and other SARIF viewers', format: 'sarif' as const },
    ],
    { placeHolder: 'Export the report as…' },
  );
  return picked?.format;
}

/**
 * Rule ids as the manifest lists them (the `concurrencyLens.rules` setting's
 * properties), so the host never loads the rule implementations; a unit test
 * keeps that list equal to the registry.
 */
function ruleIds(context: vscode.ExtensionContext): string[] {
  const properties = context.extension.packageJSON?.contributes?.configuration?.properties?.['concurrencyLens.rules']?.properties;
  return properties ? Object.keys(properties) : [];
}
