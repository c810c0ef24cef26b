#!/usr/bin/env node
/*
 * A stand-in "VS Code executable" for @vscode/test-electron's
 * runTests({ vscodeExecutablePath }). Why: test-electron cannot download VS Code
 * on our machines (only npm + apt are reachable), but code-server (VS Code 1.100.3
 * from npm) + Debian's Chromium give us the real workbench and a real extension
 * host. Install both with scripts/install-test-host.sh.
 *
 * Accepts the flags test-electron passes:
 *   --extensionDevelopmentPath=ABS   (repeatable)
 *   --extensionTestsPath=ABS         (module exporting run(): Promise<void>)
 *   [FOLDER]                         workspace folder (first non-flag arg, from launchArgs)
 *   Other flags (--no-sandbox, --disable-extensions, --user-data-dir ...) are ignored: code-server
 *   rejects most of them, and each run gets a fresh, empty profile and extensions dir anyway.
 *
 * How the result gets back: code-server rejects --extensionDevelopmentPath on its
 * command line, so we pass both paths in the page URL's `payload` query. The
 * browser workbench then starts the remote extension host in test mode; when the
 * test module's run() settles the extension host exits, and the workbench
 * (BrowserExtensionService, on ext-host exit while isExtensionDevHost) calls
 * window.codeAutomationExit(code, logs). The workbench log, which includes the
 * extension host's console.log/error (so mocha's output), goes to
 * window.codeAutomationLog(level, msg) (ConsoleLogInAutomationLogger). We expose
 * both with Playwright, print the log to stdout, and exit with that code.
 * Exit codes: test result (0 = all passed), 124 timeout, 130 signal, 1 host failure,
 * 2 usage / code-server not installed.
 *
 * Env:
 *   CL_TEST_TIMEOUT_MS  overall limit, default 600000 (10 min) -> exit 124
 *   CL_SCREENSHOT_DIR   enables screenshots (PNG of the whole 1280x800 page):
 *                       - extension tests: takeScreenshot(name) from test/suite/screenshot.ts,
 *                         which calls the loopback URL we put in CL_SCREENSHOT_URL of the
 *                         extension host (GET ?name=x saves DIR/x.png, answers {"path"})
 *                       - code running in the page: window.clScreenshot(name)
 *   CL_CODE_SERVER      path to code-server's out/node/entry.js (default: .vscode-test)
 *   CL_CHROMIUM         browser binary, default /usr/bin/chromium
 *   CL_KEEP_TMP=1       keep the temp profile dir (user data, logs) for debugging
 *   CL_VERBOSE=1        also print browser console debug output and code-server stdout
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const http = require('http');
const util = require('util');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = process.env.CL_CODE_SERVER
  || path.join(ROOT, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CL_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.CL_TEST_TIMEOUT_MS) || 600_000;
const VERBOSE = process.env.CL_VERBOSE === '1';
const t0 = Date.now();
// Routine workbench chatter hidden unless CL_VERBOSE=1.
const RENDERER_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|ChatSessionStore)/;
const log = (...a) => console.log(`[launcher +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function parseArgs(argv) {
  const devPaths = [];
  let testsPath, folder;
  for (const a of argv) {
    if (a.startsWith('--extensionDevelopmentPath=')) devPaths.push(path.resolve(a.split('=').slice(1).join('=')));
    else if (a.startsWith('--extensionTestsPath=')) testsPath = path.resolve(a.split('=').slice(1).join('='));
    else if (!a.startsWith('-') && !folder) folder = path.resolve(a);
    // everything else is desktop-only or redundant here (see header)
  }
  return { devPaths, testsPath, folder };
}

/**
 * What the tests can do to an element, in the workbench page or inside a webview:
 *   text   its textContent            value  its .value (inputs, selects)
 *   click  a real mouse click         hover  move the mouse over it
 *   input  set .value to `value` and fire input + change (range sliders)
 *   html   its outerHTML, cut at 4000 characters (for writing a test)
 * Only visible elements count; { found: false } lets the tests poll.
 */
async function act(element, action, value) {
  switch (action || 'text') {
    case 'click':
      await element.click();
      return { found: true };
    case 'hover':
      await element.hover();
      return { found: true };
    case 'value':
      return { found: true, text: await element.evaluate((el) => String(el.value ?? '')) };
    case 'input':
      await element.evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, String(value ?? ''));
      return { found: true };
    case 'html':
      return { found: true, text: (await element.evaluate((el) => el.outerHTML)).slice(0, 4000) };
    case 'text':
      return { found: true, text: await element.evaluate((el) => el.textContent || '') };
    default:
      throw new Error(`unknown action ${action}`);
  }
}

/** The first visible element matching `selector` under `root` (a page or a frame). */
async function firstVisible(root, selector) {
  for (const element of await root.$$(selector)) {
    // An <option> has no box of its own: judge it by its <select>.
    const visible = await element.evaluate((el) => {
      const box = (el.closest('select') || el).getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    });
    if (visible) return element;
  }
  return null;
}

/**
 * Finds the first visible element matching `selector` in any webview (panel or
 * sidebar: iframe.webview > iframe#active-frame) and acts on it. `scope`, when
 * given, is a selector the webview's page must match (e.g. body[data-host=sidebar]),
 * so a test can tell the panel from the sidebar.
 */
async function inWebview(page, selector, action, value, scope) {
  if (!page) throw new Error('no page yet');
  if (!selector) throw new Error('selector missing');
  for (const outer of await page.$$('iframe.webview')) {
    try {
      const frame = await outer.contentFrame();
      const inner = frame && (await frame.$('iframe#active-frame'));
      const content = inner && (await inner.contentFrame());
      if (!content || (scope && !(await content.$(scope)))) continue;
      const element = await firstVisible(content, selector);
      if (element) return await act(element, action, value);
    } catch (e) {
      // A webview reloading (shown again, or its html replaced) is not there yet: the test polls again.
      if (/context was destroyed|detached|Target closed|not attached/i.test(String(e))) continue;
      throw e;
    }
  }
  return { found: false };
}

/** The same for the workbench itself: status bar, hovers, notifications, quick input. */
async function inPage(page, selector, action, value) {
  if (!page) throw new Error('no page yet');
  if (!selector) throw new Error('selector missing');
  const element = await firstVisible(page, selector);
  return element ? act(element, action, value) : { found: false };
}

/** Ask the OS for a free port (listen on 0). Tiny race until code-server binds it; fine for tests. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(port, child, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}`);
    const ok = await new Promise((r) => {
      http.get(`http://127.0.0.1:${port}/healthz`, (res) => { res.resume(); r(res.statusCode === 200); }).on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server not healthy on port ${port} after ${ms} ms`);
}

/** Prefix each line of a child stream; code-server's own chatter only when verbose. */
function pipeLines(stream, prefix, show) {
  let buf = '';
  stream.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const l of lines) if (show(l)) console.log(prefix + l);
  });
}

async function main() {
  const { devPaths, testsPath, folder } = parseArgs(process.argv.slice(2));
  if (!devPaths.length || !testsPath) {
    console.error('usage: code-server-launcher.js --extensionDevelopmentPath=ABS --extensionTestsPath=ABS [FOLDER]');
    return 2;
  }
  if (!fs.existsSync(ENTRY)) {
    console.error(`code-server not found at ${ENTRY}; run scripts/install-test-host.sh`);
    return 2;
  }
  const { chromium } = require('playwright-core');

  // Fresh profile per run: no state leaks between runs, and nothing written to $HOME.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cl-vscode-'));
  const dir = (n) => { const d = path.join(tmp, n); fs.mkdirSync(d, { recursive: true }); return d; };
  const userData = dir('user-data');
  // Quiet, deterministic workbench (no welcome page, no marketplace calls).
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never', // else a "git repository found" toast covers screenshots
  }, null, 2));

  let cs, browser, shotServer, timer, finished = false, settle;
  let cleaning;
  const cleanup = () => (cleaning ??= doCleanup()); // once, whoever asks first
  const doCleanup = async () => {
    clearTimeout(timer);
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (shotServer) shotServer.close();
    if (cs && cs.exitCode === null) {
      // detached => own process group: kill code-server AND its extension host / pty children.
      try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((r) => { const k = setTimeout(r, 5000); cs.once('exit', () => { clearTimeout(k); r(); }); });
    }
    // Stragglers (an extension host that ignored SIGTERM) die with the group.
    if (cs) try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* group already gone */ }
    if (process.env.CL_KEEP_TMP === '1') log(`kept temp dir ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    // test-electron forwards Ctrl+C as SIGINT. Let main() finish so cleanup runs exactly once.
    process.once(sig, () => {
      log(`got ${sig}, stopping`);
      if (settle) settle(130);
      else void cleanup().then(() => process.exit(130));
    });
  }

  try {
    const port = await freePort();
    const env = {
      ...process.env, // keeps test-electron's extensionTestsEnv: the extension host inherits it
      XDG_CONFIG_HOME: dir('xdg-config'), XDG_DATA_HOME: dir('xdg-data'),
      XDG_CACHE_HOME: dir('xdg-cache'), XDG_RUNTIME_DIR: dir('xdg-runtime'), TMPDIR: dir('tmp'),
      // No extension gallery (open-vsx is unreachable; its errors only add noise).
      EXTENSIONS_GALLERY: '{}',
    };

    let page;
    const shotDir = process.env.CL_SCREENSHOT_DIR && path.resolve(process.env.CL_SCREENSHOT_DIR);
    const screenshot = async (name) => {
      if (!page) throw new Error('no page yet');
      fs.mkdirSync(shotDir, { recursive: true });
      const file = path.join(shotDir, `${String(name).replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file });
      log(`screenshot ${file}`);
      return file;
    };
    // The extension host is a Node process on the server side and cannot reach the page,
    // so tests ask us over loopback HTTP: screenshots (when CL_SCREENSHOT_DIR is set), and
    // reading or clicking inside webviews, which live in nested iframes only the page sees.
    shotServer = http.createServer(async (req, res) => {
      try {
        const url = new URL(req.url, 'http://x');
        const reply = (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (url.pathname === '/screenshot') {
          if (!shotDir) throw new Error('screenshots need CL_SCREENSHOT_DIR');
          return reply({ path: await screenshot(url.searchParams.get('name') || `shot-${Date.now()}`) });
        }
        const q = (name) => url.searchParams.get(name);
        if (url.pathname === '/webview') return reply(await inWebview(page, q('selector'), q('action'), q('value'), q('scope')));
        if (url.pathname === '/page') return reply(await inPage(page, q('selector'), q('action'), q('value')));
        if (url.pathname === '/keys') {
          if (!page) throw new Error('no page yet');
          await page.keyboard.press(q('press') || 'Escape');
          return reply({ found: true });
        }
        res.writeHead(404).end('unknown automation request');
      } catch (e) { res.writeHead(500).end(String(e)); }
    });
    await new Promise((r) => shotServer.listen(0, '127.0.0.1', r));
    env.CL_AUTOMATION_URL = `http://127.0.0.1:${shotServer.address().port}`;
    if (shotDir) env.CL_SCREENSHOT_URL = `${env.CL_AUTOMATION_URL}/screenshot`;

    const csArgs = [ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
      '--user-data-dir', userData, '--extensions-dir', dir('extensions')];
    if (folder) csArgs.push(folder);
    log(`starting code-server on 127.0.0.1:${port} (profile ${tmp})`);
    cs = spawn(process.execPath, csArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Last resort if anything calls process.exit before cleanup: never leave code-server behind.
    process.on('exit', () => { try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* gone */ } });
    // Extension-host console output is NOT on code-server's stdout (it reaches us through
    // the page, see codeAutomationLog). code-server's own log is mostly noise: show errors,
    // minus known-harmless ones, and nothing once the result is in (shutdown chatter).
    const NOISE = /vsda|SIGPIPE|socket was left hanging|File Watcher|^\s+at /;
    const show = (l) => VERBOSE || (!finished && l.trim() !== '' && !NOISE.test(l));
    pipeLines(cs.stdout, '[code-server] ', (l) => show(l) && (VERBOSE || /error/i.test(l)));
    pipeLines(cs.stderr, '[code-server:err] ', show);
    await waitHealthy(port, cs, 60_000);
    log('code-server healthy');

    const result = new Promise((res) => {
      // First outcome wins (result, timeout, crash, signal); later ones are ignored.
      const resolve = settle = (code) => { if (!finished) { finished = true; res(code); } };
      // Counted from launcher start, so a hang anywhere (browser, workbench, tests) ends the run.
      timer = setTimeout(() => {
        log(`TIMEOUT: no test result within ${TIMEOUT_MS} ms (CL_TEST_TIMEOUT_MS); killing VS Code`);
        resolve(124);
      }, Math.max(0, TIMEOUT_MS - (Date.now() - t0)));
      (async () => {
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          // Our own signal handlers clean up; Playwright's would process.exit(130) first.
          handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
          env,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        });
        browser.on('disconnected', () => { if (!finished) log('browser disconnected'); resolve(1); });
        page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        // Must be exposed before navigation: the workbench checks typeof === 'function' at exit time.
        // Gets the workbench log AND the extension host's console output (tests, mocha).
        // For extension-host console.log the message is the raw args array: format it like
        // console.log would (else mocha's "%s (%dms)" formats show up comma-joined).
        await page.exposeFunction('codeAutomationLog', (level, raw) => {
          const msg = Array.isArray(raw) ? util.format(...raw) : String(raw);
          if (!VERBOSE && level === 'info' && RENDERER_NOISE.test(msg)) return;
          // The suite's "N passed, N failed" goes out bare so CI can read it as a closing line.
          console.log(/^\d+ passed, \d+ failed/.test(msg) ? msg : `[vscode:${level}] ${msg}`);
        });
        await page.exposeFunction('codeAutomationExit', (code, logs) => {
          log(`extension tests finished: exit code ${code}`);
          if (code !== 0 && Array.isArray(logs)) {
            const dump = path.join(os.tmpdir(), `cl-vscode-logs-${process.pid}`);
            for (const l of logs) {
              const f = path.join(dump, l.relativePath);
              fs.mkdirSync(path.dirname(f), { recursive: true });
              fs.writeFileSync(f, l.contents);
            }
            log(`workbench logs written to ${dump}`);
          }
          resolve(typeof code === 'number' ? code : 1);
        });
        await page.exposeFunction('clScreenshot', (name) => (shotDir ? screenshot(name) : null));
        // Extension-host console.log/mocha output arrives through codeAutomationLog above
        // (the renderer logs it). The raw browser console repeats all of that, so show it
        // only when verbose; uncaught page errors always.
        page.on('console', (m) => { if (VERBOSE) console.log(`[browser:${m.type()}] ${m.text()}`); });
        page.on('pageerror', (e) => console.log(`[browser:pageerror] ${e && e.stack || e}`));
        page.on('crash', () => { log('page crashed'); resolve(1); });

        const base = `http://127.0.0.1:${port}`;
        const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
        const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
          ['extensionTestsPath', remote(testsPath)]];
        const url = `${base}/?${folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true'}`
          + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
        log(`opening ${url}`);
        await page.goto(url, { timeout: 120_000 });
        // Input sent before this is lost; the tests themselves start with the extension host.
        await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
        if (!finished) log('workbench ready; waiting for extension tests');
      })().catch((e) => { if (!finished) log(`ERROR: ${e && e.stack || e}`); resolve(1); });
    });
    return await result;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => { log(`exit ${code}`); process.exit(code); },
  (e) => { console.error('[launcher] fatal', e); process.exit(1); },
);
