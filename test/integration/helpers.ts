/** Shared helpers for the integration tests: fixtures, waiting, the extension's API. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ConcurrencyLensApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'concurrency-lens.concurrency-lens';

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function api(): Promise<ConcurrencyLensApi> {
  const extension = vscode.extensions.getExtension<ConcurrencyLensApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Polls until `check` returns a truthy value (diagnostics arrive asynchronously). */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function openFixture(...parts: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  return vscode.window.showTextDocument(document);
}

/** An untitled TypeScript editor: tests can edit it freely and nothing is saved. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'typescript', content });
  return vscode.window.showTextDocument(document);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Concurrency Lens');
}

/** `rule@line:col-line:col severity`, 1-based, for compact exact assertions. */
export function brief(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const { start, end } = diagnostic.range;
  return `${code}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${vscode.DiagnosticSeverity[diagnostic.severity]}`;
}

export async function waitForDiagnostics(uri: vscode.Uri, expected: string[]): Promise<void> {
  await waitFor(`diagnostics ${JSON.stringify(expected)}, have ${JSON.stringify(ours(uri).map(brief))}`, () => {
    const have = ours(uri).map(brief).sort();
    return JSON.stringify(have) === JSON.stringify([...expected].sort());
  });
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('concurrencyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Applies the code action titled `title` offered for the diagnostic of `rule`. */
export async function applyQuickFix(editor: vscode.TextEditor, rule: string, title: string | RegExp): Promise<void> {
  const diagnostic = await waitFor(`a ${rule} diagnostic`, () => ours(editor.document.uri).find((d) => brief(d).startsWith(`${rule}@`)));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no quick fix ${String(title)}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(action.edit, `quick fix ${action.title} has no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
}
