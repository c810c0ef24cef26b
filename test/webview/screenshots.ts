/**
 * Renders the timeline of each example's most telling function in VS Code's
 * Light+, Dark+ and High Contrast palettes and saves PNGs to media/screenshots/
 * (for the README and for a human to look at).
 *
 *   node esbuild.js && npx tsc -p test/webview && node out/test/webview/screenshots.js
 */
import { mkdirSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { simulate } from '../../src/core/simulate';
import { fixKey } from '../../src/core/fixPreview';
import type { TimelinePayload } from '../../src/protocol';
import type { ThemeName } from '../../src/webview/themes';
import { launchBrowser, openStandalone, payloadFor, ROOT } from './harness';

const OUT = join(ROOT, 'media', 'screenshots');
const THEME_SUFFIX: Record<ThemeName, string> = { light: 'light', dark: 'dark', 'high-contrast': 'hc' };

/**
 * The function that shows the most: lanes of several kinds, a fix with a saving,
 * a readable number of segments. The module top level is never the story.
 */
function mostInteresting(payload: TimelinePayload): number {
  let best = payload.functions[0]?.id ?? 0;
  let bestScore = -Infinity;
  for (const fn of payload.functions) {
    if (fn.name === '<module>') continue;
    const t = simulate(payload, fn.id, { cores: payload.cores });
    const kinds = new Set(t.lanes.filter((l) => l.segments.some((s) => s.kind !== 'idle')).map((l) => l.kind)).size;
    const count = t.lanes.reduce((n, l) => n + l.segments.length, 0);
    const fixes = payload.findings.filter((f) => f.functionId === fn.id).map((f) => savingOf(payload, t.total, f));
    const score = kinds * 10 + (Math.max(0, ...fixes) > 0 ? 8 : 0) + Math.min(count, 30) / 3 - (count > 200 ? 15 : 0) + (/ (callback|executor)$/.test(fn.name) || fn.name === '<anonymous>' ? -5 : 0);
    if (score > bestScore) {
      best = fn.id;
      bestScore = score;
    }
  }
  return best;
}

/** What the finding's quick fix saves, from its precomputed preview (0 without one). */
function savingOf(payload: TimelinePayload, before: number, finding: TimelinePayload['findings'][number]): number {
  const preview = payload.previews?.[fixKey(finding)];
  if (!preview || before <= 0) return 0;
  return (before - simulate(preview, preview.functionId, { cores: payload.cores }).total) / before;
}

function example(name: string, select?: string): TimelinePayload {
  const payload = payloadFor(readFileSync(join(ROOT, 'examples', name), 'utf8'), `examples/${name}`, select, 4, true);
  if (!select) payload.selectedFunctionId = mostInteresting(payload);
  return payload;
}

async function shot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(OUT, file), fullPage: true });
  console.log(`wrote media/screenshots/${file}`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const showcase = example('crawler.ts', 'crawlAll');
    for (const theme of ['light', 'dark', 'high-contrast'] as ThemeName[]) {
      const { page } = await openStandalone(browser, showcase, { theme, viewport: { width: 960, height: 600 } });
      await shot(page, `timeline-${THEME_SUFFIX[theme]}.png`);
      await page.context().close();
    }

    // Before/after: the await-in-loop fix of the sequential crawler.
    const sequential = example('crawler.ts', 'crawlSequential');
    for (const theme of ['dark', 'light'] as ThemeName[]) {
      const { page } = await openStandalone(browser, sequential, { theme, viewport: { width: 960, height: 600 } });
      await page.click('.fix-toggle');
      await shot(page, theme === 'dark' ? 'timeline-before-after.png' : 'timeline-before-after-light.png');
      await page.context().close();
    }

    // The sidebar: narrow, on the side bar's background.
    const parallel = example('image-pipeline.ts', 'blurEach');
    for (const theme of ['light', 'dark'] as ThemeName[]) {
      const { page } = await openStandalone(browser, parallel, { theme, viewport: { width: 340, height: 600 } });
      await page.evaluate(() => document.body.style.setProperty('background-color', 'var(--vscode-sideBar-background)'));
      await shot(page, `sidebar-${theme}.png`);
      await page.context().close();
    }

    for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => /\.[jt]s$/.test(f)).sort()) {
      const payload = example(file);
      const { page } = await openStandalone(browser, payload, { theme: 'dark', viewport: { width: 960, height: 600 } });
      await shot(page, `example-${file.replace(/\.[jt]s$/, '')}.png`);
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
