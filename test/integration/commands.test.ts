/** Every palette command is registered and runs; hover and CodeLens content. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, closeAll, openFixture, ours, setSetting, waitFor, workspaceUri } from './helpers';

const COMMANDS = [
  'concurrencyLens.analyzeFile',
  'concurrencyLens.showTimeline',
  'concurrencyLens.showTimelineAtCursor',
  'concurrencyLens.explainQuadrant',
  'concurrencyLens.analyzeWorkspace',
  'concurrencyLens.exportReport',
  'concurrencyLens.toggleCodeLens',
  'concurrencyLens.showRuleDocs',
];

async function readyFixture(name: string): Promise<vscode.TextEditor> {
  const editor = await openFixture(name);
  const lens = await api();
  await waitFor('a report', () => lens.state(editor.document.uri)?.report);
  return editor;
}

suite('commands and providers', () => {
  teardown(async () => {
    await setSetting('codeLens', undefined);
    await closeAll();
  });

  test('every contributed command is registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    assert.deepStrictEqual(COMMANDS.filter((c) => !all.includes(c)), []);
    const contributed = (vscode.extensions.getExtension('concurrency-lens.concurrency-lens')!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepStrictEqual([...contributed].sort(), [...COMMANDS].sort());
  });

  test('Analyze Current File opens a readable summary', async () => {
    await readyFixture('handler.ts');
    const text = await vscode.commands.executeCommand<string>('concurrencyLens.analyzeFile');
    assert.match(text, /^# Concurrency Lens: handler\.ts/);
    assert.match(text, /\| loadUsers \| 5 \| concurrent \|/);
    assert.match(text, /## What to do first\n\nLine 14 in `handle`: /);
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.languageId === 'markdown' && e.document.getText() === text));
  });

  test('Explain Quadrant at Cursor explains the function under the cursor', async () => {
    const editor = await readyFixture('handler.ts');
    editor.selection = new vscode.Selection(19, 4, 19, 4); // inside total()
    const text = await vscode.commands.executeCommand<string>('concurrencyLens.explainQuadrant');
    assert.match(text, /^total is sequential: it runs one step after another on one thread/);
  });

  test('Export Report writes the JSON contract and SARIF', async () => {
    await readyFixture('handler.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-export-'));
    const jsonUri = vscode.Uri.file(path.join(dir, 'report.json'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'json', jsonUri.toString());
    const json = JSON.parse(fs.readFileSync(jsonUri.fsPath, 'utf8'));
    assert.deepStrictEqual(Object.keys(json), ['version', 'files']);
    assert.deepStrictEqual(json.files[0].findings.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`), ['await-in-loop:8', 'blocking-call:14']);
    const sarifUri = vscode.Uri.file(path.join(dir, 'report.sarif'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'sarif', sarifUri.toString());
    const sarif = JSON.parse(fs.readFileSync(sarifUri.fsPath, 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs[0].results.length, 2);
  });

  test('Toggle CodeLens flips the setting and the lenses follow', async () => {
    const editor = await readyFixture('handler.ts');
    const before = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    assert.ok(before.some((l) => l.command?.command === 'concurrencyLens.showTimeline'));
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.toggleCodeLens'), false);
    await waitFor('lenses to go', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return !lenses.some((l) => l.command?.command === 'concurrencyLens.showTimeline');
    });
    assert.strictEqual(await vscode.commands.executeCommand('concurrencyLens.toggleCodeLens'), true);
  });

  test('CodeLens: one per named function, with its quadrant and finding count', async () => {
    const editor = await readyFixture('handler.ts');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).filter((l) => l.command?.command === 'concurrencyLens.showTimeline');
    assert.deepStrictEqual(
      lenses.map((l) => `${l.range.start.line + 1}: ${l.command!.title}`),
      ['5: concurrent · 1 finding · show timeline', '13: concurrent · 1 finding · show timeline', '18: sequential · show timeline'],
    );
  });

  test('hover on a function name explains its quadrant, evidence, P and S(N)', async () => {
    const editor = await readyFixture('handler.ts');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 24));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /`loadUsers` is concurrent: it keeps several tasks in progress on one thread/);
    assert.match(text, /line 8: waits on db\\\.find\\\(id\\\)/);
    assert.match(text, /P = 0: none of its work runs on other cores/);
  });

  test('Show Rule Documentation opens the bundled page', async () => {
    const page = await vscode.commands.executeCommand<string>('concurrencyLens.showRuleDocs', 'await-in-loop');
    assert.ok(page.endsWith('/docs/rules/await-in-loop.md'), page);
  });

  test('Analyze Workspace fills the Problems panel, respecting .gitignore', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>('concurrencyLens.analyzeWorkspace');
    assert.strictEqual(summary.cancelled, false);
    const jobs = workspaceUri('project', 'src', 'jobs.ts');
    await waitFor('workspace diagnostics', () => ours(jobs).length === 1);
    assert.deepStrictEqual(ours(workspaceUri('project', 'generated', 'ignored.ts')), []);
    assert.deepStrictEqual(ours(workspaceUri('project', 'src', 'clean.js')), []);
    assert.strictEqual(summary.files, 5); // sample, handler, fixes, jobs, clean: not the ignored one
  });
});
