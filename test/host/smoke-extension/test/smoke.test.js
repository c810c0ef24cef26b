// Smoke tests for the integration host (run by test/host/run-smoke.js through
// the real suite loader out/test/suite/index.js).
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { takeScreenshot } = require('../../../../out/test/suite/screenshot');

const ID = 'concurrency-lens.cl-host-smoke';

suite('host smoke', () => {
  test('extension activates by itself (onStartupFinished)', async () => {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext, `${ID} not found`);
    // Do not call ext.activate(): we want to prove the activation event fired.
    for (let i = 0; i < 100 && !ext.isActive; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(ext.isActive, 'not activated within 10 s');
    assert.ok(ext.exports.activatedAt > 0);
  });

  test('contributed command runs', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('clSmoke.hello', 'lens'), 'hello lens');
  });

  test('a file opens in the editor (screenshot if enabled)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.ts'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(path.basename(vscode.window.activeTextEditor.document.fileName), 'sample.ts');
    await new Promise((r) => setTimeout(r, 1500)); // let the editor paint / syntax colours load
    const file = await takeScreenshot('smoke-editor');
    if (process.env.CL_SCREENSHOT_DIR) assert.ok(file, 'screenshot not taken');
  });

  test('failure is reported (only when CL_SMOKE_FAIL=1)', function () {
    if (process.env.CL_SMOKE_FAIL !== '1') this.skip();
    assert.strictEqual(1 + 1, 3, 'deliberate failure');
  });
});
