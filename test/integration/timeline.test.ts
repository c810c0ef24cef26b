/**
 * The timeline in the real host: the panel and the sidebar draw it for a fixture,
 * Show Timeline picks a function worth seeing, unnamed functions carry names from
 * their context, and clicking a segment moves the editor's selection to its code
 * without scrolling sideways. Webviews are separate pages, so the test reads and
 * clicks them through the launcher's automation endpoint (./automation.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inPage, inWebview, PANEL, SIDEBAR, untilFound, webviewText } from './automation';
import { closeAll, functionId, openFixture, reportOf, waitFor, waitForTab } from './helpers';

suite('timeline views', () => {
  teardown(closeAll);

  test('the panel shows the timeline of the requested function', async () => {
    const editor = await openFixture('handler.ts');
    const report = await reportOf(editor);
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, 'loadUsers')), true);
    assert.match(await webviewText('select.function-picker option:checked', /loadUsers/, { scope: PANEL }), /^loadUsers · line 5/);
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
    const lanes = await webviewText('svg.chart', /main/, { scope: PANEL });
    assert.match(lanes, /io 1/);
  });

  test('Show Timeline with the cursor outside every function opens the one with the most findings, not the empty module', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.showTimeline'), true);
    // loadUsers and handle have one finding each; loadUsers' loop of waits is predicted longer.
    await webviewText('select.function-picker option:checked', /^loadUsers · line 5 · concurrent$/, { scope: PANEL });
    await waitForTab('2: Timeline: loadUsers (active)');
  });

  test('Show Timeline for Function at Cursor opens the function under the cursor', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    editor.selection = new vscode.Selection(19, 4, 19, 4); // inside total()
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.showTimelineAtCursor'), true);
    await webviewText('select.function-picker option:checked', /^total · line 18 · sequential$/, { scope: PANEL });
  });

  test('unnamed functions are named from their context in the picker, the panel title and the hover', async () => {
    const editor = await openFixture('server.ts');
    const report = await reportOf(editor);
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, 'POST /signup handler'));
    const options = await webviewText('select.function-picker', /POST/, { scope: PANEL });
    assert.strictEqual(
      options,
      [
        'module top level · line 1 · concurrent',
        'POST /signup handler · line 7 · concurrent',
        'http.createServer handler · line 12 · concurrent',
        'warm · line 17 · concurrent',
        'urls.map callback · line 18 · concurrent',
        'setInterval callback · line 21 · sequential',
      ].join(''),
    );
    await waitForTab('2: Timeline: POST /signup handler (active)');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(6, 28));
    assert.match(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /`POST \/signup handler` is concurrent: /);
  });

  test('clicking a segment reveals its source range in the editor', async () => {
    const editor = await openFixture('handler.ts');
    const report = await reportOf(editor);
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, 'loadUsers'));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await untilFound('a segment on line 8', () => inWebview('g[role="button"][aria-label*="line 8"]', 'click', { scope: PANEL }));
    await waitFor('the selection to move to line 8', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.start.line === 7;
    });
  });

  test('a segment far along a long line is revealed from the line start, without scrolling sideways', async () => {
    const editor = await openFixture('wide.ts');
    const report = await reportOf(editor);
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, 'lookup'));
    const column = editor.document.lineAt(4).text.indexOf('db.find(label)');
    assert.ok(column > 100, `the wait should sit far right (column ${column})`);
    await untilFound('the wait on line 5', () => inWebview('g.seg-idle[aria-label*="line 5"]', 'click', { scope: PANEL }));
    const selection = await waitFor('the selection on the wait', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document === editor.document && active.selection.start.line === 4 && active.selection.start.character === column ? active.selection : undefined;
    });
    assert.strictEqual(selection.active.character, column, 'the cursor sits at the start of the range');
    // Monaco scrolls horizontally by moving the lines sideways (style left: -Npx); 0 means the line start is in view.
    const lines = await inPage('.editor-instance .monaco-editor .lines-content', 'html');
    assert.match(lines.text ?? '', /^<div class="lines-content[^"]*" style="[^"]*\bleft: 0px;/);
  });

  test('the sidebar follows the active editor and the function under the cursor', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    editor.selection = new vscode.Selection(19, 2, 19, 2); // inside total()
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await webviewText('select.function-picker option:checked', /^total · line 18/, { scope: SIDEBAR });
    editor.selection = new vscode.Selection(7, 4, 7, 4); // inside loadUsers()
    await webviewText('select.function-picker option:checked', /^loadUsers · line 5/, { scope: SIDEBAR });
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });
});
