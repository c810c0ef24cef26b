/** The HTML shells, checked as strings (no browser): CSP, escaping, the embedded payload. */
import * as assert from 'assert';
import { embedJson, makeNonce, standaloneTimelineHtml, timelineHtml } from '../../src/webviewHtml';
import { fanOutPayload, HOSTILE } from './fixtures';

describe('webviewHtml', () => {
  it('makeNonce gives 32 random alphanumerics', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => makeNonce()));
    assert.strictEqual(nonces.size, 200);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  });

  it('timelineHtml sets the strict CSP and loads only the given script and stylesheet', () => {
    const html = timelineHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abcdefghijklmnop0123456789ABCDEF', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/timeline.css', title: 'T' });
    assert.ok(html.includes(`content="default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net; script-src 'nonce-abcdefghijklmnop0123456789ABCDEF'; font-src https://x.vscode-cdn.net"`));
    assert.ok(html.includes('<script nonce="abcdefghijklmnop0123456789ABCDEF" src="https://x/dist/webview.js"></script>'));
    assert.ok(html.includes('<link rel="stylesheet" href="https://x/media/timeline.css">'));
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/style=/.test(html), 'no inline style attributes (the CSP would block them)');
  });

  it('escapes the title and attribute values', () => {
    const html = timelineHtml({ cspSource: 'vscode-resource:', nonce: makeNonce(), scriptUri: 'a"b.js', styleUri: 'c.css', title: HOSTILE[0] });
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('src="a&quot;b.js"'));
  });

  it('refuses a nonce that could break out of the attribute', () => {
    assert.throws(() => timelineHtml({ cspSource: 'x', nonce: `abc'; script-src *`, scriptUri: 'a', styleUri: 'b', title: 't' }));
  });

  it('embedJson never lets the payload close its script element', () => {
    const json = embedJson({ a: HOSTILE.join(' '), b: '\u2028' });
    assert.ok(!/[<>&\u2028]/.test(json));
    assert.deepStrictEqual(JSON.parse(json), { a: HOSTILE.join(' '), b: '\u2028' });
  });

  it('standaloneTimelineHtml inlines everything under a nonce CSP', () => {
    const payload = fanOutPayload();
    payload.fileName = HOSTILE[1];
    const html = standaloneTimelineHtml({ script: 'console.log("</script>")', style: 'a{} </style><b>bold</b>', payload, title: HOSTILE[0] });
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(html)?.[1];
    assert.ok(nonce, 'has a nonce');
    assert.ok(html.includes(`default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`));
    // Exactly: the payload, the stub and the bundle; nothing the inputs tried to add.
    assert.strictEqual((html.match(/<script/gi) ?? []).length, 3);
    assert.strictEqual((html.match(/<\/script/gi) ?? []).length, 3);
    assert.strictEqual((html.match(/<\/style/gi) ?? []).length, 1);
    assert.ok(!/https?:/.test(html.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')), 'nothing remote');
    assert.ok(html.includes('--vscode-foreground: #616161'), 'a light palette stands in for the theme');
  });
});
