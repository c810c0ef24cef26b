/**
 * Export Report: one file's report, the workspace's after Analyze Workspace,
 * the save dialog starting at the workspace root, and the message's Open and
 * Reveal buttons, in the real host.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { inPage, pageText, press, untilFound } from './automation';
import { closeAll, openFixture, reportOf, waitFor, workspaceUri } from './helpers';

/** Analyze Workspace, then its "analysed N files" message out of the way of the export's. */
async function analyzeWorkspaceQuietly(): Promise<void> {
  await vscode.commands.executeCommand('concurrencyLens.analyzeWorkspace');
  await vscode.commands.executeCommand('notifications.clearAll');
  await waitFor('no notification', async () => !(await inPage('.notification-toast')).found);
}

suite('export: one file', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  test('Export Report writes the active file as the JSON contract and as SARIF', async () => {
    await reportOf(await openFixture('handler.ts'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-export-'));
    const jsonUri = vscode.Uri.file(path.join(dir, 'report.json'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'json', jsonUri.toString(), 'file');
    const json = JSON.parse(fs.readFileSync(jsonUri.fsPath, 'utf8'));
    assert.deepStrictEqual(Object.keys(json), ['version', 'files']);
    assert.deepStrictEqual(json.files.map((f: { path: string }) => f.path), ['handler.ts']);
    assert.deepStrictEqual(json.files[0].findings.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`), ['await-in-loop:8', 'blocking-call:14']);
    const sarifUri = vscode.Uri.file(path.join(dir, 'report.sarif'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'sarif', sarifUri.toString(), 'file');
    const sarif = JSON.parse(fs.readFileSync(sarifUri.fsPath, 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.strictEqual(sarif.runs[0].results.length, 2);
  });

  test('the save dialog starts at the workspace root, not next to the source', async () => {
    await reportOf(await openFixture('project', 'src', 'jobs.ts'));
    void vscode.commands.executeCommand('concurrencyLens.exportReport', 'sarif', undefined, 'file');
    // code-server's own file dialog: a quick input holding the suggested path.
    const suggested = await pageText('.quick-input-widget .quick-input-box input', /concurrency/, 'value');
    assert.strictEqual(suggested, workspaceUri('jobs.concurrency.sarif').fsPath);
    await press('Escape');
  });
});

suite('export: the workspace, after Analyze Workspace', () => {
  const exported = workspaceUri('out', 'concurrency-lens.json');
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAll();
    fs.rmSync(path.dirname(exported.fsPath), { recursive: true, force: true });
  });

  test('Export Report exports every file Analyze Workspace looked at, from the workspace root', async () => {
    await analyzeWorkspaceQuietly();
    await reportOf(await openFixture('handler.ts'));
    void vscode.commands.executeCommand('concurrencyLens.exportReport', 'json');
    assert.strictEqual(await pageText('.quick-input-widget .quick-input-box input', /concurrency/, 'value'), workspaceUri('concurrency-lens.json').fsPath);
    await press('Escape');
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cl-export-')), 'all.sarif'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'sarif', target.toString());
    const sarif = JSON.parse(fs.readFileSync(target.fsPath, 'utf8'));
    const files = new Set<string>(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepStrictEqual([...files].sort(), ['fixes.ts', 'handler.ts', 'project/src/jobs.ts', 'sample.ts']);
    // handler 2, fixes 4, sample 1, jobs 1; server.ts and wide.ts wait on a `db` nothing is known about, which is no evidence of I/O.
    assert.strictEqual(sarif.runs[0].results.length, 8);
    const json = vscode.Uri.file(target.fsPath.replace(/\.sarif$/, '.json'));
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'json', json.toString());
    const paths = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')).files.map((f: { path: string }) => f.path);
    assert.deepStrictEqual([...paths].sort(), ['fixes.ts', 'handler.ts', 'project/src/clean.js', 'project/src/jobs.ts', 'sample.ts', 'server.ts', 'wide.ts']);
  });

  test('the saved message offers Open and Reveal, and Open opens the report', async () => {
    await analyzeWorkspaceQuietly();
    fs.mkdirSync(path.dirname(exported.fsPath), { recursive: true });
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'json', exported.toString());
    assert.strictEqual(await pageText('.notification-toast .notification-list-item-message', /saved/), 'Concurrency Lens: report of 7 files saved to out/concurrency-lens.json.');
    assert.strictEqual((await inPage('.notification-toast a.monaco-button:nth-child(2)')).text, 'Reveal');
    await untilFound('the Open button', () => inPage('.notification-toast a.monaco-button:first-child', 'click'));
    await waitFor('the report in an editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === exported.fsPath);
    assert.strictEqual(JSON.parse(vscode.window.activeTextEditor!.document.getText()).files.length, 7);
  });

  test('Reveal shows the report in the Explorer', async () => {
    await analyzeWorkspaceQuietly();
    fs.mkdirSync(path.dirname(exported.fsPath), { recursive: true });
    await vscode.commands.executeCommand('concurrencyLens.exportReport', 'json', exported.toString());
    await untilFound('the Reveal button', () => inPage('.notification-toast a.monaco-button:nth-child(2)', 'click'));
    assert.strictEqual(await pageText('.explorer-folders-view .monaco-list-row.selected', /concurrency-lens/), 'concurrency-lens.json');
  });
});
