/** Shared helpers for the integration tests: fixtures, waiting, the extension's API. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Report } from '../../src/core/reportTypes';
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

/**
 * The fixtures exercise rules that the recommended preset turns off because they did not
 * hold up often enough on real projects (README: precision study). The suite turns them on
 * in the user settings at the severities a user choosing them would pick, before any test
 * and again after each test that changes the rules; one test checks the preset itself.
 */
export const SUITE_RULES = { 'await-in-loop': 'info', 'sequential-awaits': 'info', 'sync-promise-executor': 'warning' } as const;

export async function resetRules(): Promise<void> {
  await setSetting('rules', SUITE_RULES);
}

export async function closeAll(): Promise<void> {
  // A fixture a failed test left edited must not leak into the next test (nor ask to be saved).
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
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

/** The editor's report, once there is one. */
export async function reportOf(editor: vscode.TextEditor): Promise<Report> {
  const lens = await api();
  return waitFor('a report', () => lens.state(editor.document.uri)?.report ?? undefined);
}

/** The id of the function named `name` in a report (fails the test when there is none). */
export function functionId(report: Report, name: string): number {
  const fn = report.functions.find((f) => f.name === name);
  assert.ok(fn, `no function ${name} among ${report.functions.map((f) => f.name).join(', ')}`);
  return fn.id;
}

/** Every open tab as `column: label`, for asserting where things opened. */
export function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => `${group.viewColumn}: ${tab.label}${tab.isActive ? ' (active)' : ''}`));
}

/** Waits for a tab (`column: label`, as tabLabels writes it); the error lists the tabs there are. */
export async function waitForTab(expected: string | RegExp, timeoutMs = 10_000): Promise<void> {
  const matches = (label: string) => (typeof expected === 'string' ? label === expected : expected.test(label));
  try {
    await waitFor(`a tab ${expected}`, () => tabLabels().some(matches), timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}; tabs: ${JSON.stringify(tabLabels())}`);
  }
}

/** Back to the cores setting's value: a change of the setting clears what a slider remembered. */
export async function resetCores(): Promise<void> {
  await setSetting('cores', 2);
  await setSetting('cores', undefined);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
