/**
 * Export Report: the workspace's reports after Analyze Workspace has run (every
 * file it analysed, re-read now), else the active file's. The formatting is the
 * CLI's, done in the analysis workers one file at a time and joined here, so
 * the host never loads the rules. The save dialog starts at the workspace root,
 * and the message that follows offers to open the file or reveal it.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisPool } from './analysisPool';
import { analysisFileName, readConfig } from './config';
import type { ExportFormat } from './workerProtocol';

export interface ExportSource {
  uri: vscode.Uri;
  text: string;
}

export interface ExportResult {
  uri: vscode.Uri;
  files: number;
  unreadable: number;
}

/** The text to export for each file: an open document's current text (maybe unsaved), else the disk's. */
export async function readSources(uris: readonly vscode.Uri[]): Promise<{ sources: ExportSource[]; unreadable: vscode.Uri[] }> {
  const sources: ExportSource[] = [];
  const unreadable: vscode.Uri[] = [];
  for (const uri of uris) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      sources.push({ uri, text: open.getText() });
      continue;
    }
    try {
      sources.push({ uri, text: new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri)) });
    } catch {
      unreadable.push(uri);
    }
  }
  return { sources, unreadable };
}

/** Formats every source as `format` and joins them into one report, in the order given. */
export async function formatSources(pool: AnalysisPool, sources: readonly ExportSource[], unreadable: readonly vscode.Uri[], format: ExportFormat): Promise<string | undefined> {
  const rules = readConfig().rules;
  const parts: string[] = [];
  for (const source of sources) {
    const displayPath = vscode.workspace.asRelativePath(source.uri, false).replace(/\\/g, '/');
    const request = { text: source.text, fileName: analysisFileName(source.uri), rules, exportAs: { format, displayPath } };
    const exported = (await pool.analyze(`export:${source.uri.toString()}`, request))?.exported;
    if (exported === undefined) return undefined; // superseded by another export of the same file
    parts.push(exported);
  }
  const paths = unreadable.map((uri) => vscode.workspace.asRelativePath(uri, false));
  return format === 'json' ? joinJson(parts) : joinSarif(parts, paths);
}

/** `{"version":1,"files":[…]}` of every part, in order. */
export function joinJson(parts: readonly string[]): string {
  const files = parts.flatMap((part) => (JSON.parse(part) as { files: unknown[] }).files);
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

interface SarifRun {
  results?: unknown[];
  invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
}

/** One run: the rules of the first part (every part lists them all), every part's results and notifications. */
export function joinSarif(parts: readonly string[], unreadable: readonly string[]): string {
  const logs = parts.map((part) => JSON.parse(part) as { runs: SarifRun[] });
  if (logs.length === 0) throw new Error('no report to join');
  const base = logs[0];
  const run = base.runs[0];
  run.results = logs.flatMap((log) => log.runs[0]?.results ?? []);
  const notifications = logs.flatMap((log) => log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? []);
  for (const file of unreadable) {
    notifications.push({ level: 'error', message: { text: 'Could not read: not a readable UTF-8 file' }, locations: [{ physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' } } }] });
  }
  const invocation = run.invocations?.[0] ?? { executionSuccessful: true };
  invocation.executionSuccessful = unreadable.length === 0;
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
  else delete invocation.toolExecutionNotifications;
  run.invocations = [invocation];
  return `${JSON.stringify(base, null, 2)}\n`;
}

/** Where the save dialog starts: the workspace root (the file's folder when there is no workspace). */
export function defaultExportUri(format: ExportFormat, single: vscode.Uri | undefined): vscode.Uri {
  const extension = format === 'json' ? 'json' : 'sarif';
  const folder = (single && vscode.workspace.getWorkspaceFolder(single)) ?? vscode.workspace.workspaceFolders?.[0];
  const name = single ? `${path.posix.basename(single.path).replace(/\.[^.]+$/, '')}.concurrency.${extension}` : `concurrency-lens.${extension}`;
  if (folder) return vscode.Uri.joinPath(folder.uri, name);
  return single ? vscode.Uri.joinPath(single, '..', name) : vscode.Uri.file(name);
}

/** "Report saved to …" with Open (in an editor) and Reveal (in the Explorer). */
export async function announceSaved(result: ExportResult): Promise<void> {
  const where = vscode.workspace.asRelativePath(result.uri);
  const what = result.files === 1 ? '1 file' : `${result.files} files`;
  const unreadable = result.unreadable > 0 ? ` (${result.unreadable} unreadable, listed in the report)` : '';
  const choice = await vscode.window.showInformationMessage(`Concurrency Lens: report of ${what}${unreadable} saved to ${where}.`, 'Open', 'Reveal');
  if (choice === 'Open') await vscode.window.showTextDocument(result.uri, { preview: true });
  else if (choice === 'Reveal') await reveal(result.uri);
}

/** In the Explorer when the file is in the workspace, else in the system's file manager (desktop only). */
async function reveal(uri: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.commands.executeCommand('revealInExplorer', uri);
  else await Promise.resolve(vscode.commands.executeCommand('revealFileInOS', uri)).catch(() => undefined);
}
