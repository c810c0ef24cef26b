/**
 * Project-wide analysis in the real host: the open handler's diagnostics
 * follow an unsaved edit of the helper it imports (test/fixtures/extension-project),
 * and the hover on the call says what the helper does.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { api, brief, closeAll, ours, waitFor, waitForDiagnostics } from './helpers';

// out/test/integration -> the repository's fixture (outside the test workspace, like a second project on disk).
const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/extension-project');
const ORIGINAL = 'return password + salt;';
const BLOCKING = "return crypto.pbkdf2Sync(password, salt, 100000, 64, 'sha512').toString('hex');";
const AT_THE_CALL = 'blocking-call@5:18-5:47 Error';

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(FIXTURE, name)));
  return vscode.window.showTextDocument(document, { preview: false });
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('project index', () => {
  teardown(closeAll);

  test("an unsaved edit of an imported helper changes the open handler's diagnostics, and undoing it clears them", async () => {
    const lens = await api();
    const handler = await open('handler.ts');
    await waitFor('the handler analysed', () => lens.state(handler.document.uri)?.report);
    assert.deepStrictEqual(ours(handler.document.uri).map(brief), []);

    const crypto = await open('crypto.ts');
    const line = crypto.document.getText().split('\n').findIndex((text) => text.includes(ORIGINAL));
    assert.strictEqual(line, 5, 'the fixture has the line to edit');
    const column = crypto.document.lineAt(line).text.indexOf(ORIGINAL);
    assert.ok(await crypto.edit((edit) => edit.replace(new vscode.Range(line, column, line, column + ORIGINAL.length), BLOCKING)));
    assert.ok(crypto.document.isDirty, 'the edit is not saved');

    await waitForDiagnostics(handler.document.uri, [AT_THE_CALL]);
    const diagnostic = ours(handler.document.uri)[0];
    assert.match(diagnostic.message, /^`hashPassword` \(crypto\.ts\) calls `crypto\.pbkdf2Sync`/);
    const related = diagnostic.relatedInformation ?? [];
    assert.deepStrictEqual(
      related.map((r) => [r.location.uri.fsPath, r.location.range.start.line, r.location.range.start.character, r.message.split(':')[0]]),
      [[crypto.document.uri.fsPath, 5, 9, 'the blocking call']],
    );

    // The hover on the call says what the helper does and links to it.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', handler.document.uri, new vscode.Position(4, 20));
    const text = hoverText(hovers);
    assert.ok(text.includes('Blocks the calling thread: `crypto.pbkdf2Sync` at line 6.'), text);
    assert.ok(text.includes(`${vscode.Uri.file(path.join(FIXTURE, 'crypto.ts')).with({ fragment: 'L4' }).toString()}`), text);

    await vscode.window.showTextDocument(crypto.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the edit undone', () => !crypto.document.isDirty && crypto.document.getText().includes(ORIGINAL));
    await waitForDiagnostics(handler.document.uri, []);
  });
});
