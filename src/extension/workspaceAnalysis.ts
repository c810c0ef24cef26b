/**
 * Analyze Workspace: every matching file (files.exclude and .gitignore
 * respected), spread over the analysis worker pool, results in the Problems
 * panel, with a cancellable progress notification.
 */
import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';
import type { Report } from '../core/reportTypes';
import type { AnalysisPool } from './analysisPool';
import { analysisFileName, readConfig } from './config';
import { toDiagnostic } from './convert';
import type { ProjectLink } from './projectIndex';

export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
export const ALWAYS_EXCLUDED = /(^|\/)(node_modules|\.git|dist|out)\//;

export interface WorkspaceSummary {
  files: number;
  /** The files looked at (Export Report exports these). */
  uris: vscode.Uri[];
  findings: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
}

/** With `project`, each file is analysed with what its imports do, and the index keeps the summaries. */
export async function analyzeWorkspace(pool: AnalysisPool, diagnostics: vscode.DiagnosticCollection, isOpen: (uri: vscode.Uri) => boolean, log: vscode.LogOutputChannel, project?: ProjectLink): Promise<WorkspaceSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Concurrency Lens: analysing the workspace', cancellable: true },
    async (progress, token) => {
      // `undefined` exclude applies the user's files.exclude.
      const found = await vscode.workspace.findFiles(SOURCE_GLOB, undefined, undefined, token);
      const files = await withoutIgnored(found.filter((uri) => !ALWAYS_EXCLUDED.test(uri.path) && !uri.path.endsWith('.d.ts')));
      const summary: WorkspaceSummary = { files: files.length, uris: files, findings: 0, failed: 0, skipped: 0, cancelled: false };
      const started = Date.now();
      log.info(`analysing the workspace: ${files.length} files (${found.length - files.length} excluded by .gitignore, build folders or .d.ts)`);
      const config = readConfig();
      let done = 0;
      const analyzeOne = async (uri: vscode.Uri) => {
        if (token.isCancellationRequested) return;
        let report: Report | undefined;
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          const result = await pool.analyze(`workspace:${uri.toString()}`, { text, fileName: analysisFileName(uri), rules: config.rules, project: project?.contextFor(uri) });
          if (result?.entries) project?.absorb(uri, result.entries);
          report = result?.report;
        } catch (err) {
          summary.failed++;
          log.warn(`skipped ${vscode.workspace.asRelativePath(uri)}: ${err instanceof TypeError ? 'not valid UTF-8' : err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        }
        if (report?.skipped || report?.parseError) {
          summary.skipped++;
          const why = report.skipped ?? `syntax error at line ${report.parseError!.line}: ${report.parseError!.message}`;
          log.info(`skipped ${vscode.workspace.asRelativePath(uri)}: ${why}`);
        }
        // Open documents are owned by the live analysis; don't fight over their diagnostics.
        if (report && !token.isCancellationRequested && !isOpen(uri)) {
          diagnostics.set(uri, report.findings.map((finding) => toDiagnostic(finding, uri)));
        }
        summary.findings += report?.findings.length ?? 0;
        done++;
        progress.report({ message: `${done} of ${files.length} files`, increment: 100 / Math.max(1, files.length) });
      };
      // Keep every worker busy: as many requests in flight as the pool has workers, plus one queued.
      const lanes = Math.max(1, config.cores);
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(lanes, files.length) }, async () => {
        while (next < files.length && !token.isCancellationRequested) await analyzeOne(files[next++]);
      }));
      summary.cancelled = token.isCancellationRequested;
      log.info(`workspace ${summary.cancelled ? 'analysis stopped' : 'analysed'} in ${Date.now() - started} ms: ${summary.findings} findings, ${summary.skipped} skipped, ${summary.failed} unreadable`);
      return summary;
    },
  );
}

/** Drops files matched by a .gitignore at the root of their workspace folder. */
async function withoutIgnored(files: vscode.Uri[]): Promise<vscode.Uri[]> {
  const matchers = new Map<string, Ignore | null>();
  const out: vscode.Uri[] = [];
  for (const uri of files) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      out.push(uri);
      continue;
    }
    const key = folder.uri.toString();
    if (!matchers.has(key)) matchers.set(key, await readGitignore(folder.uri));
    const matcher = matchers.get(key);
    const relative = uri.path.slice(folder.uri.path.length).replace(/^\//, '');
    if (!matcher || !matcher.ignores(relative)) out.push(uri);
  }
  return out;
}

async function readGitignore(folder: vscode.Uri): Promise<Ignore | null> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, '.gitignore'));
    return ignore().add(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
