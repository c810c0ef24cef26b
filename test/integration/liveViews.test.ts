/**
 * The timeline views never show a stale picture: the panel redraws from every
 * report of its document and keeps its function across edits, the sidebar and
 * the status bar keep following the editor while a webview has focus, and both
 * views share one core count, remembered for the workspace.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { simulate } from '../../src/core/timeline/timeline';
import { inPage, inWebview, PANEL, pageText, SIDEBAR, untilFound, webviewText } from './automation';
import { api, applyQuickFix, closeAll, functionId, openFixture, openUntitled, reportOf, resetCores, tabLabels, waitFor } from './helpers';

const STATUS_ITEM = '[id="concurrency-lens.concurrency-lens.concurrencyLens.status"]';

const LOOP = [
  "import { readFile } from 'node:fs/promises';",
  'export function first() { return 1; }',
  '',
  'export async function loadAll(ids: string[]) {',
  '  for (const id of ids) {',
  '    await readFile(id);',
  '  }',
  '}',
  '',
].join('\n');

async function showPanel(editor: vscode.TextEditor, name: string): Promise<void> {
  const report = await reportOf(editor);
  assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, name)), true);
}

/** webviewText, with the open tabs in the error: a view that is not visible is then easy to tell from one that shows something else. */
async function shows(selector: string, expected: RegExp, scope: string): Promise<string> {
  try {
    return await webviewText(selector, expected, { scope });
  } catch (err) {
    throw new Error(`${(err as Error).message}; tabs: ${JSON.stringify(tabLabels())}; active editor: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'}`);
  }
}

async function gone(selector: string, scope: string): Promise<void> {
  await waitFor(`${selector} to go`, async () => !(await inWebview(selector, 'text', { scope })).found, 20_000);
}

/** The header's "Predicted total" as the page words it, for a function of the document's latest report. */
async function expectedTotal(editor: vscode.TextEditor, name: string, version: number): Promise<string> {
  const lens = await api();
  const state = await waitFor(`a report of version ${version}`, () => {
    const current = lens.state(editor.document.uri);
    return current?.report && current.version >= version ? current : undefined;
  });
  const total = simulate(state.report!, functionId(state.report!, name), { cores: lens.cores() }).total;
  return `Predicted total${Math.round(total * 10) / 10} units`;
}

suite('live timeline views', function () {
  // Each test loads two or three webviews; on a busy two-core machine that alone can take seconds.
  this.timeout(60_000);
  teardown(async () => {
    await resetCores();
    await closeAll();
  });
  // The sidebar stays open from the first test that opens it to the end of the suite: each
  // reopening reloads its page, which on a loaded machine can take most of a test's time.
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeSidebar'));

  test('the panel redraws after a quick fix: the fixed finding is no longer offered and the total is the new one', async () => {
    const editor = await openUntitled(LOOP);
    await showPanel(editor, 'loadAll');
    assert.match(await webviewText('.fix-text', /await-in-loop/, { scope: PANEL }), /^What if I fix await-in-loop at line 6$/);
    const before = await expectedTotal(editor, 'loadAll', editor.document.version);
    await webviewText('.stats .stat', new RegExp(`^${before}$`), { scope: PANEL });
    await applyQuickFix(editor, 'await-in-loop', /Promise\.all/);
    await gone('.fix-toggle', PANEL);
    const after = await expectedTotal(editor, 'loadAll', editor.document.version);
    assert.notStrictEqual(after, before);
    await webviewText('.stats .stat', new RegExp(`^${after}$`), { scope: PANEL });
  });

  test('the panel keeps its function across edits and undo, at its new line', async () => {
    const editor = await openUntitled(LOOP);
    await showPanel(editor, 'loadAll');
    await webviewText('select.function-picker option:checked', /^loadAll · line 4 /, { scope: PANEL });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'export function added() { return 2; }\nexport function another() { return 3; }\n'));
    await webviewText('select.function-picker option:checked', /^loadAll · line 6 /, { scope: PANEL });
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'Timeline: loadAll')));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => editor.document.getText() === LOOP);
    await webviewText('select.function-picker option:checked', /^loadAll · line 4 /, { scope: PANEL });
  });

  test('a function that disappears is said to be gone, and comes back with undo', async () => {
    const editor = await openUntitled(LOOP);
    await showPanel(editor, 'loadAll');
    await webviewText('select.function-picker option:checked', /^loadAll/, { scope: PANEL });
    await editor.edit((edit) => edit.delete(new vscode.Range(3, 0, 8, 0)));
    assert.strictEqual(await webviewText('.notice', /no longer/, { scope: PANEL }), 'loadAll (line 4) is no longer in this file; showing first instead.');
    await webviewText('select.function-picker option:checked', /^first · line 2 /, { scope: PANEL });
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await webviewText('select.function-picker option:checked', /^loadAll · line 4 /, { scope: PANEL });
    await gone('.notice', PANEL);
  });

  test('while the file does not parse, the panel shows its last good report under an out-of-date banner', async () => {
    const editor = await openUntitled(LOOP);
    await showPanel(editor, 'loadAll');
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
    await editor.edit((edit) => edit.insert(new vscode.Position(8, 0), 'const = ;\n'));
    assert.match(await webviewText('.stale', /Out of date/, { scope: PANEL }), /^Out of date: syntax error at line 9, column \d+: /);
    await webviewText('select.function-picker option:checked', /^loadAll · line 4 /, { scope: PANEL });
    await editor.edit((edit) => edit.delete(new vscode.Range(8, 0, 9, 0)));
    await gone('.stale', PANEL);
  });

  test('the sidebar and the status bar keep following the editor while the panel has focus', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    editor.selection = new vscode.Selection(19, 2, 19, 2); // inside total()
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await webviewText('select.function-picker option:checked', /^total · line 18/, { scope: SIDEBAR });
    await showPanel(editor, 'loadUsers');
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
    // A click in the page moves the focus into the webview: VS Code then has no active text editor.
    await untilFound('the panel to take a click', () => inWebview('.quadrant-sentence', 'click', { scope: PANEL }));
    await waitFor('the panel to have focus', () => vscode.window.activeTextEditor === undefined);
    await webviewText('select.function-picker option:checked', /^total · line 18/, { scope: SIDEBAR });
    assert.strictEqual((await inWebview('.empty', 'text', { scope: SIDEBAR })).found, false, 'the sidebar must not empty itself');
    assert.strictEqual(await pageText(STATUS_ITEM, /findings/), ' concurrent · 2 findings');
  });

  test('one core count for the panel, the sidebar and the hovers, remembered when the panel reopens', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await showPanel(editor, 'loadUsers');
    await webviewText('output.cores-value', /^\d+$/, { scope: SIDEBAR });
    await untilFound('the panel slider', () => inWebview('input.cores-slider', 'input', { scope: PANEL, value: '3' }));
    await webviewText('output.cores-value', /^3$/, { scope: SIDEBAR });
    const lens = await api();
    await waitFor('the shared count', () => lens.cores() === 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 24));
    assert.match(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /\(S\(3\) = 1\.00×\)/);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await waitFor('the panel to close', () => !vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.startsWith('Timeline:'))));
    await showPanel(editor, 'handle');
    await webviewText('output.cores-value', /^3$/, { scope: PANEL });
    assert.strictEqual(await webviewText('input.cores-slider', /^3$/, { scope: PANEL, action: 'value' }), '3');
  });

  test('changing the cores setting replaces what a slider set, in both views', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await showPanel(editor, 'loadUsers');
    await webviewText('output.cores-value', /^\d+$/, { scope: SIDEBAR });
    await untilFound('the sidebar slider', () => inWebview('input.cores-slider', 'input', { scope: SIDEBAR, value: '5' }));
    await shows('output.cores-value', /^5$/, PANEL);
    await vscode.workspace.getConfiguration('concurrencyLens').update('cores', 7, vscode.ConfigurationTarget.Global);
    await shows('output.cores-value', /^7$/, PANEL);
    await shows('output.cores-value', /^7$/, SIDEBAR);
    assert.strictEqual((await api()).cores(), 7);
    assert.strictEqual((await inPage(STATUS_ITEM)).found, true);
  });
});
