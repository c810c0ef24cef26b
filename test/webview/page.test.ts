/** The timeline page in headless Chromium, inside the extension's HTML shell with a stub VS Code API. */
import * as assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import { simulate } from '../../src/core/simulate';
import { segmentAria } from '../../src/webview/format';
import { awaitLoopPayload, fanOutPayload } from './fixtures';
import { launchBrowser, openWebview, posted, send, type PageLog } from './harness';

let browser: Browser;
let page: Page;
let log: PageLog;

const laneNames = () => page.$$eval('svg.chart .lane-label', (els) => els.map((el) => el.textContent));
const statValue = (term: string) =>
  page.$$eval('.stat', (els, t) => els.find((el) => el.querySelector('dt')?.textContent === t)?.querySelector('dd')?.textContent ?? null, term);
async function setCores(n: number): Promise<void> {
  await page.$eval('#cl-cores', (el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, n);
  // The page redraws on the next animation frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

describe('timeline page (webview)', function () {
  this.timeout(60_000);
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ({ page, log } = await openWebview(browser));
  });
  afterEach(async () => {
    assert.deepStrictEqual(log.errors, [], 'no uncaught errors in the page');
    assert.deepStrictEqual(log.console.filter((line) => line.startsWith('error')), [], 'no console errors (CSP violations show here)');
    await page.context().close();
  });

  it('posts ready once, after acquiring the VS Code API once', async () => {
    assert.deepStrictEqual(await posted(page), [{ type: 'ready' }]);
    assert.strictEqual(await page.evaluate(() => (window as unknown as { __acquireCalls: number }).__acquireCalls), 1);
  });

  it('draws the lanes and segments of a known schedule', async () => {
    const payload = fanOutPayload(4);
    await send(page, { type: 'show', payload });
    const expected = simulate(payload, 1, { cores: 4 });
    assert.deepStrictEqual(await laneNames(), expected.lanes.map((lane) => lane.name));
    assert.deepStrictEqual(await laneNames(), ['main', 'worker 1', 'worker 2', 'worker 3', 'worker 4']);
    const drawn = await page.$$eval('svg.chart .seg', (els) => els.map((el) => el.getAttribute('aria-label')));
    const all = expected.lanes.flatMap((lane) => lane.segments.map((seg) => segmentAria(lane.name, seg)));
    assert.deepStrictEqual(drawn, all);
    // Positions: x is proportional to start, width to duration, on one scale.
    const boxes = await page.$$eval('svg.chart .seg-box', (els) => els.map((el) => ({ x: Number(el.getAttribute('x')), w: Number(el.getAttribute('width')) })));
    const segs = expected.lanes.flatMap((lane) => lane.segments);
    const wide = segs.map((seg, i) => ({ seg, box: boxes[i] })).filter(({ seg }) => seg.end - seg.start >= 2);
    const perUnit = (wide[0].box.w + 1.5) / (wide[0].seg.end - wide[0].seg.start);
    for (const { seg, box } of wide) {
      assert.ok(Math.abs((box.w + 1.5) / (seg.end - seg.start) - perUnit) < 0.05, `width of ${seg.label} is proportional`);
      assert.ok(Math.abs(box.x - 0.75 - (boxes[0].x - 0.75) - seg.start * perUnit) < 0.6, `x of ${seg.label} is proportional`);
    }
    assert.strictEqual(await statValue('Predicted total'), `${expected.total} units`);
    assert.strictEqual(await page.$$eval('svg.chart .seg.critical', (els) => els.length), expected.criticalPath.length);
  });

  it('the core slider re-simulates in the page', async () => {
    const payload = fanOutPayload(4);
    await send(page, { type: 'show', payload });
    await setCores(1);
    const one = simulate(payload, 1, { cores: 1 }).total;
    assert.strictEqual(await statValue('Predicted total'), `${one} units`);
    assert.deepStrictEqual(await laneNames(), ['main', 'worker 1']);
    await setCores(4);
    const four = simulate(payload, 1, { cores: 4 }).total;
    assert.ok(four < one, `4 cores (${four}) beat 1 core (${one})`);
    assert.strictEqual(await statValue('Predicted total'), `${four} units`);
    assert.match((await page.textContent('.speedup-law')) ?? '', /^S\(4\) ≤ 3\.08× by Amdahl's law with P = 0\.90/);
  });

  it('a click on a segment posts reveal with its source range', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    await page.click('.lane-worker .seg >> nth=0');
    const messages = await posted(page);
    assert.deepStrictEqual(messages[messages.length - 1], { type: 'reveal', uri: 'file:///work/src/fanout.ts', line: 6, column: 28, endLine: 6, endColumn: 44 });
  });

  it('the keyboard moves between segments and Enter / Space reveal', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    assert.strictEqual(await page.$$eval('svg.chart .seg[tabindex="0"]', (els) => els.length), 1, 'one tab stop per chart');
    await page.focus('svg.chart .seg[tabindex="0"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal').map((m) => m.line);
    assert.deepStrictEqual(reveals, [5, 6, 6], 'prepare (line 5), the idle wait for the jobs (line 6), a job on worker 1 (line 6)');
    assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', /^worker 1 lane: CPU work 'pool\.run\(chunk\)'/);
  });

  it('ignores invalid messages', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    const before = await page.innerHTML('#app');
    for (const bad of [null, 'show', 42, {}, { type: 'bogus' }, { type: 'show' }, { type: 'show', payload: { fileName: 1 } }, { type: 'select', functionId: -1 }, { type: 'select', functionId: '1' }, { type: 'empty' }, { type: 'select', functionId: 99 }]) {
      await send(page, bad);
    }
    assert.strictEqual(await page.innerHTML('#app'), before);
  });

  it('select switches the function; the picker posts selectFunction', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    await send(page, { type: 'select', functionId: 2 });
    assert.strictEqual(await page.inputValue('#cl-function'), '2');
    assert.deepStrictEqual(await laneNames(), ['main', 'io 1', 'io 2', 'worker 1–4']);
    await page.selectOption('#cl-function', '1');
    assert.deepStrictEqual((await posted(page)).pop(), { type: 'selectFunction', functionId: 1 });
    assert.strictEqual(await statValue('Predicted total'), `${simulate(fanOutPayload(), 1, { cores: 4 }).total} units`);
  });

  it('a repeated show keeps the function the user picked; a new selection from the extension wins', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    await page.selectOption('#cl-function', '2');
    await send(page, { type: 'show', payload: fanOutPayload() });
    assert.strictEqual(await page.inputValue('#cl-function'), '2');
    await send(page, { type: 'show', payload: { ...fanOutPayload(), selectedFunctionId: 0 } });
    assert.strictEqual(await page.inputValue('#cl-function'), '0');
    assert.match((await page.textContent('.lane-note')) ?? '', /no work sent to workers/);
  });

  it('restores its state after being hidden and shown (reload) before any message', async () => {
    await send(page, { type: 'show', payload: awaitLoopPayload() });
    await send(page, { type: 'fixPreview', key: 'await-in-loop@5:17', preview: awaitLoopPayload(true).previews!['await-in-loop@5:17'] });
    await setCores(2);
    await page.click('.fix-toggle');
    await page.reload();
    await page.waitForSelector('svg.chart');
    assert.deepStrictEqual(await posted(page), [{ type: 'ready' }], 'the preview came back with the state: not asked again');
    assert.strictEqual(await page.inputValue('#cl-cores'), '2');
    assert.strictEqual(await page.$$eval('svg.chart', (els) => els.length), 2, 'the before/after pair is still open');
    assert.strictEqual(await page.textContent('.file-name'), 'src/crawl.ts');
  });

  it('the slider tells the extension the core count, and follows the count the extension shares', async () => {
    await send(page, { type: 'show', payload: fanOutPayload(4) });
    await setCores(3);
    assert.deepStrictEqual((await posted(page)).filter((m) => m.type === 'setCores'), [{ type: 'setCores', cores: 3 }]);
    // The other view's slider moved: the extension passes the count on.
    await send(page, { type: 'cores', cores: 6 });
    assert.strictEqual(await page.inputValue('#cl-cores'), '6');
    assert.match((await page.textContent('.speedup-law')) ?? '', /^S\(6\) ≤ /);
    // A new report carries the shared count too.
    await send(page, { type: 'show', payload: fanOutPayload(2) });
    assert.strictEqual(await page.inputValue('#cl-cores'), '2');
    // Out of range or malformed: ignored.
    await send(page, { type: 'cores', cores: 0 });
    await send(page, { type: 'cores', cores: 2.5 });
    assert.strictEqual(await page.inputValue('#cl-cores'), '2');
  });

  it('shows the notice when the function asked for is gone, and hides it otherwise', async () => {
    await send(page, { type: 'show', payload: { ...fanOutPayload(), notice: 'loadAll (line 4) is no longer in this file; showing fanOut instead.' } });
    assert.strictEqual(await page.textContent('.notice'), 'loadAll (line 4) is no longer in this file; showing fanOut instead.');
    assert.strictEqual(await page.isVisible('.notice'), true);
    await send(page, { type: 'show', payload: fanOutPayload() });
    assert.strictEqual(await page.isVisible('.notice'), false);
  });

  it('shows before and after for a fixable finding from a precomputed preview, with the saving', async () => {
    const payload = awaitLoopPayload(true);
    assert.deepStrictEqual(Object.keys(payload.previews ?? {}), ['await-in-loop@5:17']);
    await send(page, { type: 'show', payload });
    assert.match((await page.textContent('.fix-toggle')) ?? '', /What if I fix await-in-loop at line 5.*saves \d+%/);
    await page.click('.fix-toggle');
    assert.strictEqual(await page.getAttribute('.fix-toggle', 'aria-pressed'), 'true');
    const titles = await page.$$eval('.chart-title', (els) => els.map((el) => el.textContent));
    assert.strictEqual(titles.length, 2);
    const [before, after] = await page.$$eval('svg.chart', (els) => els.map((el) => el.querySelectorAll('.seg').length));
    assert.ok(before > 0 && after > 0);
    const ioRows = await page.$$eval('svg.chart', (els) => els.map((el) => [...el.querySelectorAll('.lane-label')].filter((l) => /^io /.test(l.textContent ?? '')).length));
    assert.ok(ioRows[1] > ioRows[0], `after the fix the waits overlap (${ioRows})`);
    assert.ok(!(await posted(page)).some((m) => (m as { type: string }).type === 'previewFix'), 'a precomputed preview is not asked for');
    await page.click('.fix button.link');
    assert.deepStrictEqual((await posted(page)).pop(), { type: 'openDocs', rule: 'await-in-loop' });
    await page.click('.fix-toggle');
    assert.strictEqual(await page.$$eval('svg.chart', (els) => els.length), 1);
  });

  it('asks the extension for a preview once, says it is computing, then draws the answer', async () => {
    const payload = awaitLoopPayload();
    await send(page, { type: 'show', payload });
    const asks = (await posted(page)).filter((m) => (m as { type: string }).type === 'previewFix');
    assert.deepStrictEqual(asks, [{ type: 'previewFix', key: 'await-in-loop@5:17' }]);
    assert.match((await page.textContent('.fix-toggle')) ?? '', /computing…/);
    assert.strictEqual(await page.isDisabled('.fix-toggle'), true);
    const preview = awaitLoopPayload(true).previews!['await-in-loop@5:17'];
    await send(page, { type: 'fixPreview', key: 'await-in-loop@5:17', preview });
    assert.match((await page.textContent('.fix-toggle')) ?? '', /saves \d+%/);
    await page.click('.fix-toggle');
    assert.strictEqual(await page.$$eval('svg.chart', (els) => els.length), 2);
    // Redrawing (the slider) does not ask again.
    await send(page, { type: 'cores', cores: 2 });
    assert.strictEqual((await posted(page)).filter((m) => (m as { type: string }).type === 'previewFix').length, 1);
  });

  it('says why when the rewritten code has no preview', async () => {
    await send(page, { type: 'show', payload: awaitLoopPayload() });
    await send(page, { type: 'fixPreview', key: 'await-in-loop@5:17', preview: null, reason: 'The rewritten code does not parse.' });
    assert.match((await page.textContent('.fix-toggle')) ?? '', /no preview/);
    assert.strictEqual(await page.textContent('.fix-totals'), 'The rewritten code does not parse.');
  });

  it('shows the empty state', async () => {
    await send(page, { type: 'show', payload: fanOutPayload() });
    await send(page, { type: 'empty', reason: 'Open a TypeScript or JavaScript file.' });
    assert.ok(await page.isVisible('.empty'));
    assert.ok(await page.isHidden('main.view'));
    assert.match((await page.textContent('.empty')) ?? '', /Open a TypeScript or JavaScript file\./);
  });
});
