/**
 * The timeline page's HTML shell, for the extension's webviews and for the
 * CLI's standalone `--html` file. Pure string building (no DOM, no vscode):
 * everything interpolated is escaped, and both pages carry a strict
 * Content-Security-Policy whose only script source is a per-page nonce.
 */
import { randomBytes } from 'crypto';
import type { TimelinePayload } from './protocol';
import { THEME_BODY_CLASS, themeCss, type ThemeName } from './webview/themes';

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 characters from a CSPRNG (rejection sampling keeps every character equally likely). */
export function makeNonce(): string {
  let out = '';
  while (out.length < 32) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && out.length < 32) out += NONCE_ALPHABET[byte % 62];
    }
  }
  return out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function checkNonce(nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,128}$/.test(nonce)) throw new Error('timeline page: the nonce must be 16+ base64 characters');
  return nonce;
}

export interface TimelineHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri(dist/webview.js) */
  scriptUri: string;
  /** webview.asWebviewUri(media/timeline.css) */
  styleUri: string;
  title: string;
  /** Which view the page lives in (`panel`, `sidebar`), on <body data-host>: the stylesheet and the tests tell them apart by it. */
  host?: 'panel' | 'sidebar';
}

/** The page inside VS Code: script and stylesheet come from the extension's own folders only. */
export function timelineHtml(options: TimelineHtmlOptions): string {
  const nonce = checkNonce(options.nonce);
  const src = escapeHtml(options.cspSource);
  const csp = `default-src 'none'; img-src ${src} data:; style-src ${src}; script-src 'nonce-${nonce}'; font-src ${src}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body${options.host ? ` data-host="${options.host}"` : ''}>
<div id="app" class="app"><p class="loading">Loading the timeline…</p></div>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

export interface StandaloneHtmlOptions {
  /** The contents of dist/webview.js. */
  script: string;
  /** The contents of media/timeline.css. */
  style: string;
  payload: TimelinePayload;
  title: string;
  /** Palette standing in for the VS Code theme (default light). */
  theme?: ThemeName;
  nonce?: string;
}

/**
 * JSON that is safe inside a <script type="application/json"> element: `<` can
 * never start `</script>` or `<!--`, and the line separators stay escaped.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The bundle's source map is a separate file the standalone page does not carry. */
function withoutSourceMap(script: string): string {
  return script.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

/** Raw text inside <script> or <style> must not close its element early. */
function rawText(text: string, tag: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * Stands in for VS Code in the standalone page: the bundle's 'ready' is
 * answered with the embedded payload as a 'show' message, exactly as the
 * extension would; state lives in memory; 'reveal' has no editor to go to.
 */
const STUB = `(function () {
  var state;
  var posted = [];
  window.__concurrencyLensPosted = posted;
  window.acquireVsCodeApi = function () {
    return {
      postMessage: function (message) {
        posted.push(message);
        if (message && message.type === 'ready') {
          var el = document.getElementById('payload');
          if (el) window.postMessage({ type: 'show', payload: JSON.parse(el.textContent || 'null') }, '*');
        }
      },
      getState: function () { return state; },
      setState: function (value) { state = value; }
    };
  };
})();`;

/** One self-contained file (the CLI's `--html`): no network, no other files, works from file://. */
export function standaloneTimelineHtml(options: StandaloneHtmlOptions): string {
  const nonce = checkNonce(options.nonce ?? makeNonce());
  const theme = options.theme ?? 'light';
  const csp = `default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">
${themeCss(theme)}
${rawText(options.style, 'style')}
</style>
</head>
<body class="${THEME_BODY_CLASS[theme]} standalone" data-vscode-theme-kind="${THEME_BODY_CLASS[theme]}">
<div id="app" class="app"><p class="loading">Loading the timeline… (this page needs JavaScript)</p></div>
<script type="application/json" id="payload">${embedJson(options.payload)}</script>
<script nonce="${nonce}">${STUB}</script>
<script nonce="${nonce}">${rawText(withoutSourceMap(options.script), 'script')}</script>
</body>
</html>
`;
}
