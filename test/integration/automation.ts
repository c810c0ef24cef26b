/**
 * Reading and clicking the real workbench from a test. Webviews and the
 * workbench's own widgets (status bar, hovers, notifications, quick input) live
 * in the browser page, which the extension host cannot reach; the launcher
 * answers over loopback HTTP (test/host/code-server-launcher.js, CL_AUTOMATION_URL).
 */
import * as assert from 'assert';
import { waitFor } from './helpers';

export interface Found {
  found: boolean;
  text?: string;
}

export type Action = 'text' | 'click' | 'hover' | 'value' | 'input' | 'html';

async function automation(path: string, params: Record<string, string | undefined>): Promise<Found> {
  const base = process.env.CL_AUTOMATION_URL;
  assert.ok(base, 'these checks need the code-server launcher (CL_AUTOMATION_URL)');
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  const response = await fetch(`${base}${path}?${query}`);
  if (!response.ok) throw new Error(`automation ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Found;
}

/** Scopes for `inWebview`: the page's <body data-host>. */
export const PANEL = 'body[data-host="panel"]';
export const SIDEBAR = 'body[data-host="sidebar"]';

/** Acts on the first visible match inside a webview (in `scope`, when given). */
export function inWebview(selector: string, action: Action = 'text', options: { scope?: string; value?: string } = {}): Promise<Found> {
  return automation('/webview', { selector, action, scope: options.scope, value: options.value });
}

/** Acts on the first visible match in the workbench page itself. */
export function inPage(selector: string, action: Action = 'text', value?: string): Promise<Found> {
  return automation('/page', { selector, action, value });
}

/** A key press in the page (Escape closes dialogs and hovers). */
export async function press(key: string): Promise<void> {
  await automation('/keys', { press: key });
}

async function waitForText(what: string, look: () => Promise<Found>, expected: RegExp, timeoutMs: number, context?: () => Promise<Found>): Promise<string> {
  let last: Found = { found: false };
  try {
    return await waitFor(what, async () => {
      last = await look();
      // Monaco draws spaces in its lines as no-break spaces.
      const text = (last.text ?? '').replace(/\u00a0/g, ' ');
      return last.found && expected.test(text) ? text : undefined;
    }, timeoutMs);
  } catch (err) {
    // What the page showed instead, so a failure says more than "not found".
    const around = context ? (await context().catch(() => ({ found: false }) as Found)) : undefined;
    const shown = !around ? '' : around.found ? `; the page shows: ${JSON.stringify((around.text ?? '').slice(0, 400))}` : '; no webview of that scope is visible';
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}${shown}`);
  }
}

/** Polls until a webview element's text (or value) matches. */
export function webviewText(selector: string, expected: RegExp, options: { scope?: string; action?: 'text' | 'value' } = {}): Promise<string> {
  const context = options.scope ? () => inWebview('body', 'text', { scope: options.scope }) : undefined;
  // A webview that has to load its page first can take a while on a busy machine.
  return waitForText(`webview ${selector} to show ${expected}`, () => inWebview(selector, options.action ?? 'text', { scope: options.scope }), expected, 30_000, context);
}

/** Polls until a workbench element's text (or value) matches. */
export function pageText(selector: string, expected: RegExp, action: 'text' | 'value' = 'text'): Promise<string> {
  return waitForText(`page ${selector} to show ${expected}`, () => inPage(selector, action), expected, 15_000);
}

/** Polls until `action` finds its element (and, for a click, has clicked it). */
export async function untilFound(what: string, look: () => Promise<Found>, timeoutMs = 15_000): Promise<void> {
  await waitFor(what, async () => (await look()).found, timeoutMs);
}
