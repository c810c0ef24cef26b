/** CodeLens and hovers in the real host: one lens per part, each doing its part; the hover's link. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inPage, pageText, untilFound, webviewText, PANEL } from './automation';
import { closeAll, openFixture, openUntitled, reportOf, sleep, waitFor, waitForTab } from './helpers';

async function lenses(editor: vscode.TextEditor): Promise<vscode.CodeLens[]> {
  await reportOf(editor);
  return waitFor('lenses', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    return found.length > 0 ? found : undefined;
  });
}

/** `line: title -> command` of every lens, in order. */
function describe(found: vscode.CodeLens[]): string[] {
  return found.map((l) => `${l.range.start.line + 1}: ${l.command!.title} -> ${l.command!.command}`);
}

function run(lens: vscode.CodeLens): Thenable<unknown> {
  return vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
}

suite('CodeLens and hovers', () => {
  teardown(closeAll);

  test('CodeLens: one lens per part (quadrant, findings, timeline) above each named function', async () => {
    const editor = await openFixture('handler.ts');
    assert.deepStrictEqual(describe(await lenses(editor)), [
      '5: concurrent -> concurrencyLens.explainQuadrant',
      '5: 1 finding -> concurrencyLens.showFindings',
      '5: show timeline -> concurrencyLens.showTimeline',
      '13: concurrent -> concurrencyLens.explainQuadrant',
      '13: 1 finding -> concurrencyLens.showFindings',
      '13: show timeline -> concurrencyLens.showTimeline',
      '18: sequential -> concurrencyLens.explainQuadrant',
      '18: show timeline -> concurrencyLens.showTimeline',
    ]);
  });

  test('CodeLens: request handlers without a name get lenses too, other callbacks do not', async () => {
    const editor = await openFixture('server.ts');
    const found = await lenses(editor);
    assert.deepStrictEqual([...new Set(found.map((l) => l.range.start.line + 1))], [7, 12, 17]);
    assert.deepStrictEqual(found.filter((l) => l.range.start.line === 6).map((l) => l.command!.tooltip), ['Why POST /signup handler is concurrent', 'Open the predicted timeline of POST /signup handler']);
  });

  test('each lens does what it says: the quadrant explains, the finding is selected, the timeline opens', async () => {
    const editor = await openFixture('handler.ts');
    const [quadrant, finding, timeline] = await lenses(editor);
    assert.match(String(await run(quadrant)), /^loadUsers is concurrent: while it waits, the thread is free for other tasks, but its own waits run one after another \(one in flight at a time\)\./);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.strictEqual(await run(finding), 1);
    const selection = vscode.window.activeTextEditor!.selection;
    assert.deepStrictEqual([selection.start.line, selection.start.character, selection.end.line, selection.end.character], [7, 15, 7, 43]);
    assert.strictEqual(await run(timeline), true);
    await webviewText('select.function-picker option:checked', /^loadUsers · line 5/, { scope: PANEL });
  });

  test('a findings lens with several findings opens a peek of them', async () => {
    const editor = await openUntitled('export async function twice(a: string[], b: string[]) {\n  for (const x of a) await fetch(x);\n  for (const y of b) await fetch(y);\n}\n');
    const found = await lenses(editor);
    const findings = found.find((l) => l.command!.command === 'concurrencyLens.showFindings')!;
    assert.strictEqual(findings.command!.title, '2 findings');
    assert.strictEqual(await run(findings), 2);
    assert.strictEqual(await pageText('.peekview-widget .peekview-title .meta', /Locations/), 'Locations (2)');
  });

  test('hover on a function name explains its quadrant, evidence, P and S(N)', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 24));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /`loadUsers` is concurrent: while it waits, the thread is free for other tasks, but its own waits run one after another/);
    assert.match(text, /line 8: waits on readFile\\\(path, 'utf8'\\\)/);
    assert.match(text, /P = 0: none of its work runs side by side on other cores, so more cores do not make it faster \(S\(\d+\) = 1\.00×\)/);
  });

  test('the hover\'s Show timeline link opens the panel and closes the hover', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    editor.selection = new vscode.Selection(4, 24, 4, 24); // on loadUsers
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    const link = '.monaco-editor .monaco-hover a[data-href^="command:concurrencyLens.showTimelineFromHover"]';
    await waitFor('the hover with its link', async () => {
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(300);
      return (await inPage(link)).found;
    });
    await untilFound('a click on Show timeline', () => inPage(link, 'click'));
    await waitForTab('2: Timeline: loadUsers (active)');
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
    await waitFor('the hover to close', async () => !(await inPage('.monaco-editor .monaco-hover .hover-contents')).found);
  });
});
