/**
 * Browser automation: puppeteer and playwright. A browser can drive many pages
 * at once, so a browser or a context is not ordered; one page is a single tab
 * whose navigation, input and reads depend on what came before, so everything
 * done through one page (its keyboard, mouse and locators included) is `ordered`.
 * Synchronous accessors (url(), locator(), getByRole(), ...) are listed apart:
 * they return at once.
 */
import type { Behaviour } from './behaviour';
import { cheap, makes, waits, type TableBuilder } from './build';

const PAGE_ACTIONS_COMMON = [
  'goto', 'click', 'type', 'focus', 'hover', 'tap', 'reload', 'goBack', 'goForward', 'close', 'content', 'setContent', 'title',
  'evaluate', 'evaluateHandle', '$', '$$', '$eval', '$$eval', 'screenshot', 'pdf', 'waitForSelector', 'waitForNavigation',
  'waitForFunction', 'waitForRequest', 'waitForResponse', 'setExtraHTTPHeaders', 'addScriptTag', 'addStyleTag', 'exposeFunction',
  'bringToFront',
];
const PUPPETEER_PAGE_ACTIONS = [
  'select', 'setViewport', 'setUserAgent', 'setCookie', 'cookies', 'deleteCookie', 'setRequestInterception', 'evaluateOnNewDocument',
  'emulate', 'emulateMediaType', 'setJavaScriptEnabled', 'authenticate', 'metrics', 'waitForNetworkIdle', 'setBypassCSP',
];
const PLAYWRIGHT_PAGE_ACTIONS = [
  'fill', 'press', 'check', 'uncheck', 'dblclick', 'selectOption', 'setInputFiles', 'setChecked', 'dragAndDrop', 'dispatchEvent',
  'waitForLoadState', 'waitForURL', 'waitForEvent', 'waitForTimeout', 'innerHTML', 'innerText', 'textContent', 'inputValue',
  'getAttribute', 'isVisible', 'isHidden', 'isEnabled', 'isDisabled', 'isEditable', 'isChecked', 'setViewportSize', 'unroute',
  'unrouteAll', 'addInitScript', 'exposeBinding', 'emulateMedia', 'opener',
];
const PLAYWRIGHT_LOCATOR_ACTIONS = [
  'click', 'dblclick', 'fill', 'type', 'pressSequentially', 'press', 'check', 'uncheck', 'setChecked', 'hover', 'focus', 'blur', 'tap',
  'selectOption', 'selectText', 'setInputFiles', 'textContent', 'innerText', 'innerHTML', 'inputValue', 'getAttribute', 'isVisible',
  'isHidden', 'isEnabled', 'isDisabled', 'isChecked', 'isEditable', 'count', 'all', 'allTextContents', 'allInnerTexts', 'waitFor',
  'screenshot', 'evaluate', 'evaluateAll', 'evaluateHandle', 'boundingBox', 'clear', 'scrollIntoViewIfNeeded', 'dispatchEvent',
  'dragTo', 'highlight', 'ariaSnapshot',
];
/** Ways to point at elements: they build a locator and return at once. */
const PLAYWRIGHT_SELECTORS = ['locator', 'getByRole', 'getByText', 'getByLabel', 'getByPlaceholder', 'getByAltText', 'getByTitle', 'getByTestId', 'frameLocator'];
const INPUT_DEVICES = { Keyboard: ['type', 'press', 'down', 'up', 'insertText', 'sendCharacter'], Mouse: ['click', 'dblclick', 'move', 'down', 'up', 'wheel'] };

export function addBrowsers(t: TableBuilder): void {
  addPuppeteer(t);
  addPlaywright(t);
}

function addInputDevices(t: TableBuilder, library: string): void {
  for (const [device, methods] of Object.entries(INPUT_DEVICES)) {
    t.type(`${library}.${device}`, { ordered: true });
    t.methods(`${library}.${device}`, methods, waits('browser', { ordered: true }));
  }
}

function addPuppeteer(t: TableBuilder): void {
  const browser = waits('browser', { instance: 'puppeteer.Browser' });
  t.api(['puppeteer.launch', 'puppeteer.connect'], browser);
  t.type('puppeteer.Browser', { extends: 'events.EventEmitter' });
  const page = waits('browser', { instance: 'puppeteer.Page' });
  t.methods('puppeteer.Browser', ['newPage'], page);
  t.methods('puppeteer.Browser', ['createBrowserContext', 'createIncognitoBrowserContext'], waits('browser', { instance: 'puppeteer.BrowserContext' }));
  t.methods('puppeteer.Browser', ['pages', 'close', 'disconnect', 'version', 'userAgent'], waits('browser'));
  t.methods('puppeteer.Browser', ['browserContexts', 'isConnected', 'wsEndpoint', 'process', 'targets'], cheap());
  t.type('puppeteer.BrowserContext', { extends: 'events.EventEmitter' });
  t.methods('puppeteer.BrowserContext', ['newPage'], page);
  t.methods('puppeteer.BrowserContext', ['pages', 'close', 'overridePermissions'], waits('browser'));
  t.type('puppeteer.Page', { extends: 'events.EventEmitter', ordered: true, properties: { keyboard: 'puppeteer.Keyboard', mouse: 'puppeteer.Mouse' } });
  t.methods('puppeteer.Page', [...PAGE_ACTIONS_COMMON, ...PUPPETEER_PAGE_ACTIONS], waits('browser', { ordered: true }));
  t.methods('puppeteer.Page', ['url', 'mainFrame', 'frames', 'isClosed', 'viewport', 'target', 'browser', 'browserContext', 'setDefaultTimeout', 'setDefaultNavigationTimeout'], cheap());
  t.methods('puppeteer.Page', ['locator'], makes('puppeteer.Locator'));
  t.type('puppeteer.Locator', { ordered: true, otherMethods: 'same' });
  t.methods('puppeteer.Locator', ['click', 'fill', 'hover', 'scroll', 'wait', 'waitHandle'], waits('browser', { ordered: true }));
  addInputDevices(t, 'puppeteer');
}

function addPlaywright(t: TableBuilder): void {
  const browser = waits('browser', { instance: 'playwright.Browser' });
  const context = waits('browser', { instance: 'playwright.BrowserContext' });
  for (const engine of ['chromium', 'firefox', 'webkit']) {
    t.api([`playwright.${engine}.launch`, `playwright.${engine}.connect`, `playwright.${engine}.connectOverCDP`], browser);
    t.api(`playwright.${engine}.launchPersistentContext`, context);
  }
  const page = waits('browser', { instance: 'playwright.Page' });
  // route(url, handler) registers the handler for matching requests; the registration itself is awaited.
  const route: Behaviour = waits('browser', { registersHandler: true, callback: { argument: 1, runs: 'on-event' } });
  t.type('playwright.Browser', { extends: 'events.EventEmitter' });
  t.methods('playwright.Browser', ['newContext'], context);
  t.methods('playwright.Browser', ['newPage'], page);
  t.methods('playwright.Browser', ['close', 'newBrowserCDPSession', 'startTracing', 'stopTracing'], waits('browser'));
  t.methods('playwright.Browser', ['contexts', 'isConnected', 'version', 'browserType'], cheap());
  t.type('playwright.BrowserContext', { extends: 'events.EventEmitter' });
  t.methods('playwright.BrowserContext', ['newPage'], page);
  t.methods('playwright.BrowserContext', ['route'], route);
  t.methods('playwright.BrowserContext', [
    'close', 'cookies', 'addCookies', 'clearCookies', 'storageState', 'unroute', 'grantPermissions', 'clearPermissions',
    'addInitScript', 'exposeBinding', 'exposeFunction', 'setExtraHTTPHeaders', 'setGeolocation', 'setOffline', 'waitForEvent',
  ], waits('browser'));
  t.methods('playwright.BrowserContext', ['pages', 'browser', 'setDefaultTimeout', 'setDefaultNavigationTimeout'], cheap());
  t.type('playwright.Page', { extends: 'events.EventEmitter', ordered: true, properties: { keyboard: 'playwright.Keyboard', mouse: 'playwright.Mouse' } });
  t.methods('playwright.Page', [...PAGE_ACTIONS_COMMON, ...PLAYWRIGHT_PAGE_ACTIONS], waits('browser', { ordered: true }));
  t.methods('playwright.Page', [
    'url', 'frames', 'mainFrame', 'frame', 'context', 'isClosed', 'viewportSize', 'video', 'workers', 'setDefaultTimeout', 'setDefaultNavigationTimeout',
  ], cheap());
  t.methods('playwright.Page', PLAYWRIGHT_SELECTORS, makes('playwright.Locator'));
  t.methods('playwright.Page', ['route'], route);
  t.type('playwright.Locator', { ordered: true });
  t.methods('playwright.Locator', PLAYWRIGHT_LOCATOR_ACTIONS, waits('browser', { ordered: true }));
  t.methods('playwright.Locator', [...PLAYWRIGHT_SELECTORS, 'first', 'last', 'nth', 'filter', 'and', 'or', 'contentFrame'], makes('playwright.Locator'));
  t.methods('playwright.Locator', ['page'], makes('playwright.Page'));
  addInputDevices(t, 'playwright');
  t.api('playwright.request.newContext', waits('network', { instance: 'playwright.APIRequestContext' }));
  t.type('playwright.APIRequestContext', { stateless: true });
  t.methods('playwright.APIRequestContext', ['get', 'post', 'put', 'patch', 'delete', 'head', 'fetch'], waits('network', { stateless: true }));
  t.methods('playwright.APIRequestContext', ['dispose', 'storageState'], waits('network'));
}
