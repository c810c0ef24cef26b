/**
 * Baseline checks that the integration host itself works: we run inside a real
 * VS Code extension host, our extension is loaded in development mode, and the
 * workspace folder from runTest.ts is open. Extension feature tests go next to this.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

suite('integration host', () => {
  test('runs inside VS Code >= 1.100', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || minor >= 100, `VS Code ${vscode.version}`);
  });

  test('our extension is loaded in development mode', () => {
    const ext = vscode.extensions.getExtension('concurrency-lens.concurrency-lens');
    assert.ok(ext, 'extension concurrency-lens.concurrency-lens not found');
  });

  test('workspace folder is open and its files are readable', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.ts'));
    assert.strictEqual(doc.languageId, 'typescript');
  });
});
