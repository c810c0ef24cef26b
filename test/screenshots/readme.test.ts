/**
 * `npm run screenshots`: drives the real VS Code host and saves the README's
 * pictures into media/screenshots (not part of `npm test`). Each step waits for
 * the UI to settle before the shot, since the workbench renders asynchronously.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { takeScreenshot } from '../suite/screenshot';
import type { ConcurrencyLensApi } from '../../src/extension/extension';

const settle = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(name: string, line: number, character: number): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  const lens = await vscode.extensions.getExtension<ConcurrencyLensApi>('concurrency-lens.concurrency-lens')!.activate();
  for (let i = 0; i < 100 && !lens.state(document.uri)?.report; i++) await settle(100);
  const position = new vscode.Position(line - 1, character - 1);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await settle();
  return editor;
}

async function shot(name: string): Promise<void> {
  await settle();
  const saved = await takeScreenshot(name);
  assert.ok(saved, 'screenshots need the code-server launcher with CL_SCREENSHOT_DIR');
  console.log(`saved ${saved}`);
}

/** Moves the mouse over a workbench element (the language status hover opens on hover only). */
async function hoverInPage(selector: string): Promise<void> {
  const base = process.env.CL_AUTOMATION_URL;
  assert.ok(base, 'needs the code-server launcher');
  const response = await fetch(`${base}/page?selector=${encodeURIComponent(selector)}&action=hover`);
  assert.ok(response.ok, await response.text());
  await settle(1000);
}

async function theme(name: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
  await settle();
}

suite('README screenshots', () => {
  suiteSetup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.workspace.getConfiguration('workbench').update('startupEditor', 'none', vscode.ConfigurationTarget.Global);
  });

  test('diagnostic with its hover', async () => {
    await theme('Default Dark Modern');
    await open('crawler.ts', 12, 20);
    await vscode.commands.executeCommand('editor.action.showHover');
    await shot('vscode-diagnostic-hover');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('quadrant hover on a function name, CodeLens and status bar', async () => {
    await open('image-pipeline.ts', 28, 24);
    await vscode.commands.executeCommand('editor.action.showHover');
    await shot('vscode-quadrant-hover');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('quick-fix menu', async () => {
    await open('crawler.ts', 55, 5);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await shot('vscode-quick-fix');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('command palette', async () => {
    await open('worker-pool.ts', 1, 1);
    void vscode.commands.executeCommand('workbench.action.quickOpen', '>Concurrency Lens: ');
    await shot('vscode-command-palette');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Analyze Current File: the rendered report beside the code', async () => {
    await open('crawler.ts', 10, 5);
    await vscode.commands.executeCommand('concurrencyLens.analyzeFile');
    await settle(3000);
    await shot('vscode-analyze-report');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('timeline panel and sidebar, dark and light', async () => {
    const editor = await open('crawler.ts', 10, 5);
    await vscode.commands.executeCommand('concurrencyLens.showTimeline', editor.document.uri.toString());
    await shot('vscode-timeline-panel-dark');
    await theme('Default Light Modern');
    await shot('vscode-timeline-panel-light');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open('image-pipeline.ts', 30, 5);
    await vscode.commands.executeCommand('workbench.view.extension.concurrencyLens');
    await shot('vscode-sidebar-light');
    await theme('Default Dark Modern');
    await shot('vscode-sidebar-dark');
  });

  // Last: the mouse stays over the status bar, and its hover would show in every later picture.
  test('language status: the file\'s quadrant, findings and actions', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await open('web-handler.ts', 46, 5);
    await hoverInPage('[id="status.languageStatus"]');
    await shot('vscode-language-status');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
