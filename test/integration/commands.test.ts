/** Every palette command is registered and runs; Analyze Current File's read-only report. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inWebview, PANEL, webviewText } from './automation';
import { api, closeAll, functionId, openFixture, openUntitled, ours, reportOf, tabLabels, waitFor, workspaceUri } from './helpers';

const COMMANDS = [
  'concurrencyLens.analyzeFile',
  'concurrencyLens.showTimeline',
  'concurrencyLens.showTimelineAtCursor',
  'concurrencyLens.explainQuadrant',
  'concurrencyLens.analyzeWorkspace',
  'concurrencyLens.exportReport',
  'concurrencyLens.toggleCodeLens',
  'concurrencyLens.showRuleDocs',
  'concurrencyLens.showOutput',
];

const REPORT_SCOPE = '.markdown-body';

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

suite('commands', () => {
  teardown(closeAll);

  test('every contributed command is registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    assert.deepStrictEqual(COMMANDS.filter((c) => !all.includes(c)), []);
    const contributed = (vscode.extensions.getExtension('concurrency-lens.concurrency-lens')!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepStrictEqual([...contributed].sort(), [...COMMANDS].sort());
  });

  test('Analyze Current File shows a rendered, read-only report beside the code, and nothing in the workspace is unsaved', async function () {
    this.timeout(60_000); // the first Markdown preview starts the Markdown extension
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    const text = await vscode.commands.executeCommand<string>('concurrencyLens.analyzeFile');
    assert.match(text, /^# Concurrency Lens: handler\.ts/);
    assert.match(text, /\| loadUsers \| 5 \| concurrent \|/);
    // The most severe finding first: the blocking read in the request handler (an error) before the loop (information).
    assert.match(text, /## What to do first\n\nLine 14 in `handle`: `fs\.readFileSync` in the handler `handle` holds the event loop/);
    await waitFor('the report tab', () => allTabs().some((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'vscode.markdown.preview.editor'));
    assert.deepStrictEqual(tabLabels(), ['1: handler.ts (active)', '2: handler.ts (Concurrency Lens).md (active)']);
    // Rendered by the Markdown preview: headings and a table, not Markdown source.
    assert.strictEqual(await webviewText('h1', /Concurrency Lens/, { scope: REPORT_SCOPE }), 'Concurrency Lens: handler.ts');
    await webviewText('table tbody tr:nth-child(2) td', /^loadUsers$/, { scope: REPORT_SCOPE });
    assert.deepStrictEqual(allTabs().filter((t) => t.isDirty).map((t) => t.label), []);
    // The old way opened an untitled Markdown document: dirty, and asking to be saved on close.
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.isDirty || (d.isUntitled && d.languageId === 'markdown')).map((d) => d.uri.toString()), []);
    const report = allTabs().find((t) => t.label === 'handler.ts (Concurrency Lens).md')!;
    // Closing asks nothing (a dirty document would wait for an answer here).
    assert.strictEqual(await vscode.window.tabGroups.close(report), true);
  });

  test('Analyze Current File does not take the timeline panel\'s place', async function () {
    this.timeout(60_000);
    const editor = await openFixture('handler.ts');
    const report = await reportOf(editor);
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString(), functionId(report, 'handle'));
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
    await vscode.commands.executeCommand('concurrencyLens.analyzeFile');
    await waitFor('the report tab', () => allTabs().some((t) => t.label === 'handler.ts (Concurrency Lens).md'));
    assert.deepStrictEqual(tabLabels(), ['1: handler.ts (active)', '2: Timeline: handle (active)', '3: handler.ts (Concurrency Lens).md (active)']);
    assert.strictEqual((await inWebview('.badge', 'text', { scope: PANEL })).text, 'concurrent');
  });

  test('the report follows its file: an edit shows up in it', async function () {
    this.timeout(60_000);
    const fixture = await vscode.workspace.openTextDocument(workspaceUri('handler.ts'));
    const editor = await openUntitled(fixture.getText());
    await reportOf(editor);
    const text = await vscode.commands.executeCommand<string>('concurrencyLens.analyzeFile');
    assert.match(text, /## Findings \(2\)/);
    const reportUri = allTabs().map((t) => t.input).find((input): input is vscode.TabInputCustom => input instanceof vscode.TabInputCustom)!.uri;
    await editor.edit((edit) => edit.replace(editor.document.lineAt(13).range, "  const page = '<h1>Users</h1>';"));
    const lens = await api();
    await waitFor('one finding left', () => lens.state(editor.document.uri)?.report?.findings.length === 1);
    const updated = await waitFor('the report to be regenerated', async () => {
      const current = (await vscode.workspace.openTextDocument(reportUri)).getText();
      return current.includes('## Findings (1)') ? current : undefined;
    });
    assert.doesNotMatch(updated, /blocking-call/);
    // The third heading: Functions, How they run, then Findings.
    await webviewText('h2:nth-of-type(3)', /^Findings \(1\)$/, { scope: REPORT_SCOPE });
  });

  test('Explain Quadrant at Cursor explains the function under the cursor', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    editor.selection = new vscode.Selection(19, 4, 19, 4); // inside total()
    const text = await vscode.commands.executeCommand<string>('concurrencyLens.explainQuadrant');
    assert.match(text, /^total is sequential: it runs start to finish on one thread; nothing it does waits or runs elsewhere\./);
  });

  test('Toggle CodeLens flips the setting and the lenses follow', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    const before = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(before.some((l) => l.command?.command === 'concurrencyLens.showTimeline'));
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.toggleCodeLens'), false);
    await waitFor('lenses to go', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return !lenses.some((l) => l.command?.command.startsWith('concurrencyLens.'));
    });
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.toggleCodeLens'), true);
  });

  test('Show Rule Documentation opens the bundled page', async () => {
    const page = await vscode.commands.executeCommand<string>('concurrencyLens.showRuleDocs', 'await-in-loop');
    assert.ok(page.endsWith('/docs/rules/await-in-loop.md'), page);
    await waitFor('the preview tab', () => allTabs().some((t) => t.label === 'Preview await-in-loop.md'));
  });

  test('Analyze Workspace fills the Problems panel, respecting .gitignore', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>('concurrencyLens.analyzeWorkspace');
    assert.strictEqual(summary.cancelled, false);
    const jobs = workspaceUri('project', 'src', 'jobs.ts');
    await waitFor('workspace diagnostics', () => ours(jobs).length === 1);
    assert.deepStrictEqual(ours(workspaceUri('project', 'generated', 'ignored.ts')), []);
    assert.deepStrictEqual(ours(workspaceUri('project', 'src', 'clean.js')), []);
    assert.strictEqual(summary.files, 7); // sample, handler, fixes, server, wide, jobs, clean: not the ignored one
  });
});
