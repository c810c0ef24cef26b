/**
 * The hostile fixture (names, labels, file name, messages full of markup and
 * script) must render as text and run nothing, in the webview and in the
 * standalone page; the standalone page must work offline from file://.
 */
import * as assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { fanOutPayload, HOSTILE, hostilePayload } from './fixtures';
import { launchBrowser, openStandalone, openWebview, send, type PageLog } from './harness';

let browser: Browser;

/** Hovers, opens and toggles everything that draws user strings, then checks nothing ran. */
async function assertInert(page: Page, log: PageLog, fileName: string): Promise<void> {
  await page.hover('svg.chart .seg >> nth=1');
  if (await page.$('.fix-toggle')) await page.click('.fix-toggle');
  const options = await page.$$eval('#cl-function option', (els) => els.map((el) => el.textContent ?? ''));
  await page.selectOption('#cl-function', { index: Math.min(1, options.length - 1) });
  await page.waitForTimeout(300); // an injected <img onerror> would fire by now
  const seen = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: document.querySelectorAll('#app img, #app iframe, #app script, #app object, #app embed, #app [onload], #app [onerror], #app [srcdoc]').length,
    svgClasses: [...document.querySelectorAll('svg')].map((el) => el.getAttribute('class')),
    file: document.querySelector('.file-name')?.textContent ?? null,
    stale: document.querySelector('.stale')?.textContent ?? null,
    labels: [...document.querySelectorAll('svg.chart .seg')].map((el) => `${el.getAttribute('aria-label')} ${el.querySelector('title')?.textContent}`).join('\n'),
  }));
  assert.strictEqual(seen.pwned, null, 'no hostile script ran');
  assert.strictEqual(seen.injected, 0, 'no element came from user strings');
  for (const cls of seen.svgClasses) assert.match(cls ?? '', /^(chart|spark-chart|swatch|shared-defs)$/, 'every svg is one the page made');
  assert.strictEqual(seen.file, fileName, 'the file name is shown as text, verbatim');
  assert.strictEqual(seen.stale, `Out of date: ${HOSTILE[2]}`);
  assert.ok(options.some((text) => text.includes(HOSTILE[0]) || text.includes(HOSTILE[1])), 'hostile function names appear as text in the picker');
  assert.ok(HOSTILE.some((h) => seen.labels.includes(h)), 'hostile labels appear as text in the chart');
  assert.deepStrictEqual(log.errors, []);
  assert.deepStrictEqual(log.console.filter((line) => line.startsWith('error')), [], 'no CSP violations or other errors');
}

describe('timeline page security', function () {
  this.timeout(60_000);
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('the hostile fixture renders as text in the webview', async () => {
    const { page, log } = await openWebview(browser);
    const payload = hostilePayload();
    await send(page, { type: 'show', payload });
    await page.waitForSelector('svg.chart');
    await assertInert(page, log, payload.fileName);
    // The reveal message carries numbers and the uri, never labels.
    await page.click('svg.chart .seg >> nth=0');
    const last = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.pop());
    assert.deepStrictEqual(Object.keys(last as object).sort(), ['column', 'endColumn', 'endLine', 'line', 'type', 'uri']);
    await page.context().close();
  });

  it('the hostile fixture renders as text in the standalone page', async () => {
    const payload = hostilePayload();
    const { page, log } = await openStandalone(browser, payload);
    assert.strictEqual(await page.evaluate(() => document.scripts.length), 3, 'payload, stub and bundle: nothing more');
    await assertInert(page, log, payload.fileName);
    await page.context().close();
  });

  it('the standalone page works offline from a file:// URL', async () => {
    const { page, log } = await openStandalone(browser, fanOutPayload());
    assert.ok(log.requests.every((url) => url.startsWith('file:') || url.startsWith('data:')), `only local loads: ${log.requests.join(', ')}`);
    assert.strictEqual(await page.$$eval('svg.chart .lane-label', (els) => els.length), 5);
    assert.deepStrictEqual(await page.evaluate(() => (window as unknown as { __concurrencyLensPosted: unknown[] }).__concurrencyLensPosted), [{ type: 'ready' }]);
    // The slider re-simulates without an extension behind the page.
    await page.$eval('#cl-cores', (el) => {
      (el as HTMLInputElement).value = '1';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.strictEqual(await page.$$eval('svg.chart .lane-label', (els) => els.length), 2);
    assert.deepStrictEqual(log.errors, []);
    assert.deepStrictEqual(log.console.filter((line) => line.startsWith('error')), []);
    await page.context().close();
  });
});
