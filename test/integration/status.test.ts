/**
 * Where a VS Code user looks for a linter's state: the Language Status item,
 * the output channel (a log with a level the user sets), and the view's name
 * in the palette.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inPage, pageText, press, untilFound, webviewText, PANEL } from './automation';
import { api, resetRules, closeAll, openFixture, openUntitled, reportOf, setSetting, sleep, tabLabels, waitFor, waitForTab } from './helpers';

const LANGUAGE_STATUS = '[id="status.languageStatus"]';

/** The output channel's log file, once it holds a line matching `pattern`. */
async function logged(pattern: RegExp): Promise<string> {
  const lens = await api();
  return waitFor(`a log line ${pattern}`, async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(lens.logUri));
    return pattern.test(text) ? text : undefined;
  });
}

/**
 * Opens the language status hover and clicks the action whose command is
 * `command`, until `done` says it worked: the hover closes when the pointer
 * leaves it, so a click can land after it has gone.
 */
async function clickLanguageStatusAction(command: string, done: () => Promise<boolean>): Promise<void> {
  const link = `.hover-language-status a[href="command:${command}"]`;
  await waitFor(`the language status action ${command} to work`, async () => {
    if (await done()) return true;
    await inPage(LANGUAGE_STATUS, 'hover');
    await sleep(400);
    await inPage(link, 'click');
    await sleep(600);
    return done();
  }, 20_000);
}

suite('language status, output channel, view name', () => {
  teardown(async () => {
    await resetRules();
    await setSetting('maxFileSizeKb', undefined);
    await press('Escape');
    await closeAll();
  });

  test('the Language Status item shows the file\'s quadrant and finding count, and opens the timeline', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await waitFor('the hover', async () => {
      await inPage(LANGUAGE_STATUS, 'hover');
      await sleep(400);
      return (await inPage('.hover-language-status')).found;
    });
    assert.strictEqual(await pageText('.hover-language-status .left', /findings/), ' concurrent · 2 findingsConcurrency Lens');
    await clickLanguageStatusAction('concurrencyLens.showTimeline', async () => tabLabels().includes('2: Timeline: loadUsers (active)'));
    await waitForTab(/^2: Timeline: loadUsers \(active\)$/);
    await webviewText('.badge', /^concurrent$/, { scope: PANEL });
  });

  test('the Language Status item\'s second action shows the output channel', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor('no panel open', async () => !(await inPage('.part.panel .monaco-editor .view-lines')).found);
    await clickLanguageStatusAction('concurrencyLens.showOutput', async () => (await inPage('.part.panel .monaco-editor .view-lines')).found);
    await pageText('.part.panel .monaco-editor .view-lines', /analysed handler\.ts in \d+ ms: 2 findings/);
  });

  test('the output channel logs each analysis (file, time, findings) and the worker start', async () => {
    const editor = await openFixture('handler.ts');
    await reportOf(editor);
    const text = await logged(/analysed handler\.ts in/);
    assert.match(text, /\[info\] analysis worker started \(1 running\)/);
    assert.match(text, /\[info\] analysed handler\.ts in \d+ ms: 2 findings, 4 functions, concurrent/);
    await vscode.commands.executeCommand('concurrencyLens.analyzeWorkspace');
    await logged(/\[info\] workspace analysed in \d+ ms: 8 findings, 0 skipped, 0 unreadable/);
  });

  test('skipped files are logged with the reason, once per reason', async () => {
    await setSetting('maxFileSizeKb', 1);
    const editor = await openUntitled(`export async function big() {\n${'  await fetch("/x");\n'.repeat(80)}}\n`);
    const name = vscode.workspace.asRelativePath(editor.document.uri);
    const text = await logged(new RegExp(`\\[info\\] skipped ${name}: 2 KB is over the 1 KB limit for analysis while typing`));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// more\n'));
    const lens = await api();
    await waitFor('the edit to be looked at', () => lens.state(editor.document.uri)?.version === editor.document.version);
    const after = await logged(/skipped/);
    assert.strictEqual(after.split(`[info] skipped ${name}`).length, text.split(`[info] skipped ${name}`).length, 'the same reason again is not repeated at info');
  });

  test('configuration problems are logged', async () => {
    await setSetting('rules', { 'no-such-rule': 'error', 'await-in-loop': 'loud' });
    const text = await logged(/no-such-rule/);
    assert.match(text, /\[warning\] settings: concurrencyLens\.rules: unknown rule "no-such-rule" \(known: async-cpu-bound, /);
    assert.match(text, /\[warning\] settings: concurrencyLens\.rules\.await-in-loop: "loud" is not off, info, warning or error; the rule keeps its default/);
  });

  test('the log level is the user\'s to set: at Debug the channel also shows the repeated skips', async () => {
    void vscode.commands.executeCommand('workbench.action.setLogLevel');
    await untilFound('the channel in Set Log Level', () => inPage('.quick-input-list .monaco-list-row[aria-label^="Concurrency Lens"]', 'click'));
    await untilFound('the Debug level', () => inPage('.quick-input-list .monaco-list-row[aria-label^="Debug"]', 'click'));
    try {
      await setSetting('maxFileSizeKb', 1);
      const editor = await openUntitled(`export async function big() {\n${'  await fetch("/y");\n'.repeat(80)}}\n`);
      const name = vscode.workspace.asRelativePath(editor.document.uri);
      await logged(new RegExp(`\\[info\\] skipped ${name}`));
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// more\n'));
      await logged(new RegExp(`\\[debug\\] skipped ${name}: 2 KB is over the 1 KB limit`));
    } finally {
      void vscode.commands.executeCommand('workbench.action.setLogLevel');
      await untilFound('the channel in Set Log Level', () => inPage('.quick-input-list .monaco-list-row[aria-label^="Concurrency Lens"]', 'click'));
      await untilFound('the Info level', () => inPage('.quick-input-list .monaco-list-row[aria-label^="Info"]', 'click'));
    }
  });

  test('the sidebar view is "Concurrency Timeline", apart from VS Code\'s own Timeline view', async () => {
    const views = vscode.extensions.getExtension('concurrency-lens.concurrency-lens')!.packageJSON.contributes.views.concurrencyLens as { id: string; name: string }[];
    assert.deepStrictEqual(views.map((v) => v.name), ['Concurrency Timeline']);
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Focus on Timeline View');
    const rows = await pageText('.quick-input-list .monaco-list-rows', /Focus on/);
    assert.strictEqual(rows.split('Focus on Timeline View').length - 1, 1, rows);
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Focus on Concurrency Timeline View');
    await pageText('.quick-input-list .monaco-list-row', /Focus on Concurrency Timeline View/);
    await press('Escape');
  });
});
