/**
 * Runs the real page (dist/webview.js + media/timeline.css) in headless
 * Chromium: either inside the extension's HTML shell with a stub
 * acquireVsCodeApi that records what the page posts, or as the CLI's
 * standalone file from a file:// URL.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fixKey } from '../../src/core/fixPreview';
import { analyze, previewFix } from '../../src/core/report';
import type { TimelinePayload } from '../../src/protocol';
import { standaloneTimelineHtml, timelineHtml } from '../../src/webviewHtml';
import type { ThemeName } from '../../src/webview/themes';

export const ROOT = resolve(__dirname, '../../..');
const DIST_SCRIPT = join(ROOT, 'dist', 'webview.js');
const STYLE = join(ROOT, 'media', 'timeline.css');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export function readBundle(): { script: string; style: string } {
  let script: string;
  try {
    script = readFileSync(DIST_SCRIPT, 'utf8');
  } catch {
    throw new Error('dist/webview.js is missing: run `node esbuild.js` first');
  }
  return { script, style: readFileSync(STYLE, 'utf8') };
}

/**
 * A payload from real source text, selecting the function named `select` (or
 * the first one). With `withPreviews` it carries the after-fix previews as the
 * CLI's standalone page does; without, the page must ask for them.
 */
export function payloadFor(source: string, fileName: string, select?: string, cores = 4, withPreviews = false): TimelinePayload {
  const report = analyze(source, { fileName });
  const selected = report.functions.find((f) => f.name === select) ?? report.functions[0];
  const payload: TimelinePayload = { fileName, uri: `file:///work/${fileName}`, functions: report.functions, findings: report.findings, selectedFunctionId: selected?.id ?? 0, cores, stale: null };
  if (withPreviews) payload.previews = previewsFor(source, fileName);
  return payload;
}

/** The after-fix preview of every fixable finding of `source`, keyed like the page asks. */
export function previewsFor(source: string, fileName: string): NonNullable<TimelinePayload['previews']> {
  const report = analyze(source, { fileName });
  const previews: NonNullable<TimelinePayload['previews']> = {};
  for (const finding of report.findings) {
    const preview = finding.fixes.length > 0 ? previewFix(source, { fileName }, report, finding) : null;
    if (preview) previews[fixKey(finding)] = preview;
  }
  return previews;
}

export interface PageLog {
  errors: string[];
  console: string[];
  requests: string[];
}

function watch(page: Page): PageLog {
  const log: PageLog = { errors: [], console: [], requests: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  page.on('request', (request) => log.requests.push(request.url()));
  return log;
}

/**
 * Stands in for VS Code inside the page: records posted messages on
 * window.__posted, keeps state in sessionStorage (so it survives a reload, as
 * VS Code keeps it while a view is hidden) and, like VS Code, allows one call.
 */
function stubVsCodeApi(): void {
  const w = window as unknown as Record<string, unknown>;
  const posted: unknown[] = [];
  w.__posted = posted;
  w.__acquireCalls = 0;
  w.acquireVsCodeApi = () => {
    w.__acquireCalls = (w.__acquireCalls as number) + 1;
    if ((w.__acquireCalls as number) > 1) throw new Error('acquireVsCodeApi called twice');
    return {
      postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => {
        const raw = sessionStorage.getItem('vscode-state');
        return raw === null ? undefined : JSON.parse(raw);
      },
      setState: (state: unknown) => sessionStorage.setItem('vscode-state', JSON.stringify(state)),
    };
  };
}

/** The extension's page (timelineHtml with its CSP), served from a temp folder as file://. */
export async function openWebview(browser: Browser, viewport = { width: 1100, height: 900 }): Promise<{ page: Page; log: PageLog }> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-webview-'));
  const { script, style } = readBundle();
  writeFileSync(join(dir, 'webview.js'), script);
  writeFileSync(join(dir, 'timeline.css'), style);
  const html = timelineHtml({ cspSource: 'file:', nonce: 'TestNonce0123456789abcdefABCDEF01', scriptUri: 'webview.js', styleUri: 'timeline.css', title: 'Timeline' });
  writeFileSync(join(dir, 'index.html'), html);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const log = watch(page);
  await page.addInitScript(stubVsCodeApi);
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await page.waitForFunction(() => ((window as unknown as { __posted?: unknown[] }).__posted ?? []).length > 0);
  return { page, log };
}

/** The CLI's standalone page, written to disk and opened from file:// with the network cut off. */
export async function openStandalone(browser: Browser, payload: TimelinePayload, options: { theme?: ThemeName; viewport?: { width: number; height: number }; sidebar?: boolean } = {}): Promise<{ page: Page; log: PageLog; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-standalone-'));
  const { script, style } = readBundle();
  const file = join(dir, 'timeline.html');
  writeFileSync(file, standaloneTimelineHtml({ script, style, payload, title: `Timeline: ${payload.fileName}`, theme: options.theme }));
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1100, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const log = watch(page);
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('svg.chart');
  return { page, log, file };
}

/** Sends an ExtensionToWebview message the way VS Code delivers it (a window message event). */
export async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
  // Message events are async; one round trip through the event loop lets the page handle it.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
}

export function posted(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted);
}
