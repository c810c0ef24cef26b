/** Diagnostics in the real host: exact findings, updates, stale reports, settings, clean-up. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { inPage, untilFound } from './automation';
import { api, resetRules, SUITE_RULES, brief, closeAll, openFixture, openUntitled, ours, setSetting, sleep, waitFor, waitForDiagnostics } from './helpers';

const HANDLER_FINDINGS = [
  'await-in-loop@8:16-8:44 Information', // on at info by the suite's settings (helpers.ts, SUITE_RULES)
  // `handle` serves every request of the server: blocking there is an error.
  'blocking-call@14:16-14:56 Error',
];

suite('diagnostics', () => {
  teardown(async () => {
    await resetRules();
    await setSetting('enable', undefined);
    await setSetting('maxFileSizeKb', undefined);
    await closeAll();
  });

  test('activates on a TypeScript file and exports its API', async () => {
    const editor = await openFixture('handler.ts');
    const lens = await api();
    const state = await waitFor('a report', () => lens.state(editor.document.uri));
    assert.strictEqual(state.report?.quadrant, 'concurrent');
    assert.ok(vscode.extensions.getExtension('concurrency-lens.concurrency-lens')?.isActive);
  });

  test('exact diagnostics (rule, range, severity) for a fixture', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
  });

  test('each diagnostic links to its bundled rule page and points at its evidence', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
    const loop = ours(editor.document.uri).find((d) => brief(d).startsWith('await-in-loop'))!;
    assert.ok(typeof loop.code === 'object');
    assert.strictEqual(loop.code.target.scheme, 'command');
    assert.strictEqual(loop.code.target.path, 'concurrencyLens.showRuleDocs');
    assert.deepStrictEqual(JSON.parse(loop.code.target.query), ['await-in-loop']);
    assert.ok((loop.relatedInformation ?? []).some((r) => r.location.range.start.line === 6), 'related information should point at the loop on line 7');
  });

  test('clicking the rule id in the problem hover opens the rule page inside VS Code', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
    editor.selection = new vscode.Selection(7, 20, 7, 20); // on the await of line 8
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    const link = '.monaco-editor .monaco-hover a.code-link';
    await waitFor('the problem hover', async () => {
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(300);
      return (await inPage(link)).found;
    });
    assert.strictEqual((await inPage(link)).text, 'await-in-loop');
    await untilFound('a click on the rule id', () => inPage(link, 'click'));
    await waitFor('the rule page', () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label === 'Preview await-in-loop.md')));
  });

  test('an edit updates the diagnostics after the debounce', async () => {
    // Not exported: an exported async function owes its callers elsewhere a promise, so it is left alone.
    const editor = await openUntitled('async function f(urls: string[]) {\n  return urls.length;\n}\n');
    const lens = await api();
    await waitFor('first report', () => lens.state(editor.document.uri)?.report);
    assert.deepStrictEqual(ours(editor.document.uri).map(brief), ['async-without-await@1:16-1:17 Information']);
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 1, 21), '  for (const u of urls) console.log(await fetch(u));'));
    await waitForDiagnostics(editor.document.uri, ['await-in-loop@2:37-2:51 Information']);
  });

  test('a syntax error keeps the last good diagnostics and marks the report stale', async () => {
    const editor = await openUntitled('export function save(items: string[]) {\n  items.forEach(async (x) => {\n    await fetch(x);\n  });\n}\n');
    const lens = await api();
    await waitForDiagnostics(editor.document.uri, ['async-foreach@2:3-2:22 Error']);
    await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), 'const = ;\n'));
    const state = await waitFor('a stale state', () => {
      const current = lens.state(editor.document.uri);
      return current?.stale ? current : undefined;
    });
    assert.match(state.stale ?? '', /^syntax error at line 5/);
    assert.deepStrictEqual(ours(editor.document.uri).map(brief), ['async-foreach@2:3-2:22 Error']);
  });

  test('a severity setting change is reflected without reload', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
    await setSetting('rules', { ...SUITE_RULES, 'await-in-loop': 'error', 'blocking-call': 'off' });
    await waitForDiagnostics(editor.document.uri, ['await-in-loop@8:16-8:44 Error']);
  });

  test('with no rules in the settings, the recommended preset applies: await-in-loop is off', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
    await setSetting('rules', undefined);
    await waitForDiagnostics(editor.document.uri, ['blocking-call@14:16-14:56 Error']);
  });

  test('disabling the extension clears its diagnostics', async () => {
    const editor = await openFixture('handler.ts');
    await waitForDiagnostics(editor.document.uri, HANDLER_FINDINGS);
    await setSetting('enable', false);
    await waitForDiagnostics(editor.document.uri, []);
  });

  test('a file over the size limit is explained instead of analysed', async () => {
    await setSetting('maxFileSizeKb', 1);
    const editor = await openUntitled(`export async function big() {\n${'  await fetch("/x");\n'.repeat(80)}}\n`);
    const lens = await api();
    const state = await waitFor('a skipped state', () => {
      const current = lens.state(editor.document.uri);
      return current?.skipped ? current : undefined;
    });
    assert.match(state.skipped ?? '', /over the 1 KB limit for analysis while typing/);
    assert.deepStrictEqual(ours(editor.document.uri), []);
  });

  test('closing a document leaves nothing behind', async () => {
    const editor = await openFixture('handler.ts');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, HANDLER_FINDINGS);
    await closeAll();
    const lens = await api();
    await waitFor('diagnostics to go', () => ours(uri).length === 0 && lens.state(uri) === undefined);
  });
});
