/**
 * The timeline in the real host: the panel and the sidebar draw it for a fixture,
 * and clicking a segment moves the editor's selection to its code. Webviews are
 * separate pages, so the test reads and clicks them through the launcher's
 * automation endpoint (test/host/code-server-launcher.js).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAll, openFixture, waitFor } from './helpers';

async function webview(selector: string, action: 'text' | 'click' = 'text'): Promise<{ found: boolean; text?: string }> {
  const base = process.env.CL_AUTOMATION_URL;
  assert.ok(base, 'webview checks need the code-server launcher (CL_AUTOMATION_URL)');
  const response = await fetch(`${base}/webview?selector=${encodeURIComponent(selector)}&action=${action}`);
  if (!response.ok) throw new Error(`automation: ${response.status} ${await response.text()}`);
  return (await response.json()) as { found: boolean; text?: string };
}

async function webviewText(selector: string, expected: RegExp): Promise<string> {
  let last: { found: boolean; text?: string } = { found: false };
  try {
    return await waitFor(`webview ${selector} to show ${expected}`, async () => {
      last = await webview(selector);
      return last.found && expected.test(last.text ?? '') ? last.text! : undefined;
    }, 20_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

suite('timeline views', () => {
  teardown(closeAll);

  test('the panel shows the timeline of the requested function', async () => {
    const editor = await openFixture('handler.ts');
    const lens = await api();
    const report = await waitFor('a report', () => lens.state(editor.document.uri)?.report ?? undefined);
    const loadUsers = report.functions.find((f) => f.name === 'loadUsers')!;
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), loadUsers.id), true);
    assert.match(await webviewText('select.function-picker option:checked', /loadUsers/), /^loadUsers · line 5/);
    await webviewText('.badge', /^concurrent$/);
    const lanes = await webviewText('svg.chart', /main/);
    assert.match(lanes, /io 1/);
  });

  test('clicking a segment reveals its source range in the editor', async () => {
    const editor = await openFixture('handler.ts');
    const lens = await api();
    const report = await waitFor('a report', () => lens.state(editor.document.uri)?.report ?? undefined);
    const loadUsers = report.functions.find((f) => f.name === 'loadUsers')!;
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), loadUsers.id);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitFor('a segment on line 8', async () => (await webview('g[role="button"][aria-label*="line 8"]', 'click')).found, 15_000);
    await waitFor('the selection to move to line 8', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.start.line === 7;
    });
  });

  test('the sidebar follows the active editor and the function under the cursor', async () => {
    const editor = await openFixture('handler.ts');
    const lens = await api();
    await waitFor('a report', () => lens.state(editor.document.uri)?.report);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    editor.selection = new vscode.Selection(19, 2, 19, 2); // inside total()
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await webviewText('select.function-picker option:checked', /^total · line 18/);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });
});
