/** Each quick fix applied in the real host, with the resulting text checked. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, applyQuickFix, closeAll, openUntitled, ours, waitFor } from './helpers';

async function fixed(source: string, rule: string, title: string | RegExp): Promise<string> {
  const editor = await openUntitled(source);
  const lens = await api();
  await waitFor('a report', () => lens.state(editor.document.uri)?.report);
  await applyQuickFix(editor, rule, title);
  return editor.document.getText();
}

suite('quick fixes', () => {
  teardown(closeAll);

  test('await-in-loop: Promise.all over chunks of a collection whose size comes from outside', async () => {
    // Reads of different files are independent waits; `paths` is an exported function's parameter, so its
    // length is the caller's to choose, and the rewrite starts at most 10 reads at a time.
    const source = [
      "import { readFile } from 'node:fs/promises';",
      'export async function loadAll(paths: string[]) {',
      '  for (const path of paths) {',
      '    await readFile(path);',
      '  }',
      '}',
      '',
    ].join('\n');
    const text = await fixed(source, 'await-in-loop', 'Start the iterations 10 at a time with Promise.all');
    assert.strictEqual(text, [
      "import { readFile } from 'node:fs/promises';",
      'export async function loadAll(paths: string[]) {',
      '  for (let i = 0; i < paths.length; i += 10) {',
      '    await Promise.all(paths.slice(i, i + 10).map(async (path) => {',
      '      await readFile(path);',
      '    }));',
      '  }',
      '}',
      '',
    ].join('\n'));
  });

  test('sequential-awaits: one Promise.all for independent awaits', async () => {
    // Two requests through fetch, which keeps no state between them: nothing orders one after the other.
    const source = [
      'export async function stats() {',
      "  const users = await fetch('/api/users');",
      "  const orders = await fetch('/api/orders');",
      '  return { users, orders };',
      '}',
      '',
    ].join('\n');
    const text = await fixed(source, 'sequential-awaits', 'Start these waits together with Promise.all');
    assert.strictEqual(text, [
      'export async function stats() {',
      "  const [users, orders] = await Promise.all([fetch('/api/users'), fetch('/api/orders')]);",
      '  return { users, orders };',
      '}',
      '',
    ].join('\n'));
  });

  test('async-foreach: rewrite as for…of', async () => {
    const source = [
      'declare const db: { save(x: string): Promise<void> };',
      'export async function saveAll(items: string[]) {',
      '  items.forEach(async (item) => {',
      '    await db.save(item);',
      '  });',
      '}',
      '',
    ].join('\n');
    const text = await fixed(source, 'async-foreach', /for…of/);
    assert.strictEqual(text, [
      'declare const db: { save(x: string): Promise<void> };',
      'export async function saveAll(items: string[]) {',
      '  for (const item of items) {',
      '    await db.save(item);',
      '  }',
      '}',
      '',
    ].join('\n'));
  });

  test('async-without-await: remove async', async () => {
    // Not exported, and its only caller does not use the result as a promise.
    const source = 'async function label(x: string) {\n  return `#${x}`;\n}\nexport function show() {\n  label(\'a\');\n}\n';
    const text = await fixed(source, 'async-without-await', /[Rr]emove .*async/);
    assert.strictEqual(text, source.replace('async function label', 'function label'));
  });

  test('disable for this line inserts the directive and the finding goes away', async () => {
    const source = 'export function save(items: string[]) {\n  items.forEach(async (x) => {\n    await fetch(x);\n  });\n}\n';
    const editor = await openUntitled(source);
    await applyQuickFix(editor, 'async-foreach', 'Disable async-foreach for this line');
    assert.strictEqual(editor.document.getText(), source.replace('  items.forEach', '  // concurrency-lens-disable-next-line async-foreach\n  items.forEach'));
    await waitFor('the finding to go', () => ours(editor.document.uri).length === 0);
  });

  test('disable for this file inserts a block directive at the top', async () => {
    const source = 'export function save(items: string[]) {\n  items.forEach(async (x) => {\n    await fetch(x);\n  });\n}\n';
    const editor = await openUntitled(source);
    await applyQuickFix(editor, 'async-foreach', 'Disable async-foreach for this file');
    assert.strictEqual(editor.document.getText(), `/* concurrency-lens-disable async-foreach */\n${source}`);
    await waitFor('the finding to go', () => ours(editor.document.uri).length === 0);
  });

  test('every finding offers its documentation, and a rewrite is preferred where one is clearly right', async () => {
    const editor = await openUntitled('export async function save(items: string[]) {\n  items.forEach(async (x) => {\n    await fetch(x);\n  });\n}\n');
    const diagnostic = await waitFor('an async-foreach diagnostic', () => ours(editor.document.uri).find((d) => typeof d.code === 'object' && d.code.value === 'async-foreach'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const docs = actions.find((a) => a.title === 'Show documentation for async-foreach');
    assert.ok(docs, `a documentation action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(docs.command?.command ?? (docs as unknown as vscode.Command).command, 'concurrencyLens.showRuleDocs', JSON.stringify(docs));
    assert.ok(actions.some((a) => a.isPreferred), `no preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
  });
});
