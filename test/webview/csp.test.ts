// The sidebar's Content Security Policy, enforced by Chromium on the very shell the extension
// serves (src/host/csp.ts): with markup injected straight into the page, as if an escape had
// failed, only our nonce'd bundle runs. Inline scripts, a wrong nonce, remote scripts, event
// handler attributes, `javascript:` URLs, eval, inline and remote styles, remote images, frames
// and plugins are all blocked, and each block is reported as a violation.
import { strict as assert } from 'node:assert';
import { buildCsp } from '../../src/host/csp';
import { PWNED } from '../fixtures/hostile';
import { closeBrowser, openSidebar, ORIGIN, type Sidebar } from './harness';

const pwn = (label: string) => `window.${PWNED}='${label}'`;

/**
 * Markup an attacker would inject, one piece per page: how to trigger it, and the violation the
 * policy must report for it (directive, blocked URI).
 */
const ATTACKS: { what: string; markup: string; trigger?: string; directive: string; blocked: string }[] = [
  { what: 'an inline <script>', markup: `<script>${pwn('inline-script')}</script>`, directive: 'script-src-elem', blocked: 'inline' },
  { what: 'a <script> with a wrong nonce', markup: `<script nonce="not-the-nonce">${pwn('wrong-nonce')}</script>`, directive: 'script-src-elem', blocked: 'inline' },
  { what: 'a remote <script>', markup: '<script src="https://evil.example/x.js"></script>', directive: 'script-src-elem', blocked: 'https://evil.example/x.js' },
  { what: 'an onerror handler', markup: `<img src="${ORIGIN}/missing.png" onerror="${pwn('onerror')}">`, directive: 'script-src-attr', blocked: 'inline' },
  { what: 'an onclick handler', markup: `<button id="t" onclick="${pwn('onclick')}">click</button>`, trigger: '#t', directive: 'script-src-attr', blocked: 'inline' },
  { what: 'a javascript: link', markup: `<a id="t" href="javascript:${pwn('javascript-url')}">link</a>`, trigger: '#t', directive: 'script-src-elem', blocked: 'inline' },
  { what: 'an inline <style>', markup: '<style>#app { display: none !important; }</style>', directive: 'style-src-elem', blocked: 'inline' },
  { what: 'a style attribute', markup: '<p id="t" style="color: rgb(0, 128, 0)">styled?</p>', directive: 'style-src-attr', blocked: 'inline' },
  { what: 'a remote style sheet', markup: '<link rel="stylesheet" href="https://evil.example/x.css">', directive: 'style-src-elem', blocked: 'https://evil.example/x.css' },
  { what: 'a remote image', markup: '<img src="https://evil.example/pixel.png">', directive: 'img-src', blocked: 'https://evil.example/pixel.png' },
  { what: 'a plugin', markup: '<object data="https://evil.example/x.swf"></object>', directive: 'object-src', blocked: 'https://evil.example' },
  { what: 'a frame', markup: '<iframe src="https://evil.example/frame.html"></iframe>', directive: 'frame-src', blocked: 'https://evil.example' },
];

const pwned = (s: Sidebar) => s.page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED);
const violated = (s: Sidebar) => s.page.waitForFunction(() => (window as unknown as { __violations: unknown[] }).__violations.length > 0);

describe('sidebar webview: the Content Security Policy in Chromium', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('is the policy the extension serves: nothing by default, our origin for styles, fonts and images, scripts by nonce', () => {
    assert.equal(buildCsp('https://x.vscode-cdn.net', 'n0nce'), "default-src 'none'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net; script-src 'nonce-n0nce'");
  });

  // Attacks that report the same violation (an inline script, a wrong nonce, a javascript: URL,
  // an onclick all report "inline" under script-src-elem/-attr) each get a page of their own;
  // the others share pages, each still told apart by its own directive and blocked URI.
  const pages: (typeof ATTACKS)[] = [];
  for (const attack of ATTACKS) {
    const page = pages.find((p) => !p.some((a) => a.directive === attack.directive && a.blocked === attack.blocked));
    if (page) page.push(attack);
    else pages.push([attack]);
  }

  for (const attacks of pages) {
    it(`blocks ${attacks.map((a) => a.what).join(', ')} injected into the page, and reports each; the bundle still runs`, async () => {
      sidebar = await openSidebar(undefined, { inject: attacks.map((a) => a.markup.replace(/id="t"/, `id="t${ATTACKS.indexOf(a)}"`)).join('\n') });
      // Our nonce'd bundle ran under the same policy: it said ready.
      assert.deepEqual(await sidebar.posted(), [{ type: 'ready' }]);
      for (const a of attacks) if (a.trigger) await sidebar.page.locator(`#t${ATTACKS.indexOf(a)}`).click();
      await sidebar.page.waitForFunction((n) => (window as unknown as { __violations: unknown[] }).__violations.length >= n, attacks.length);
      const pair = (directive: string, blocked: string) => `${directive} ${blocked}`;
      assert.deepEqual((await sidebar.violations()).map((v) => pair(v.directive, v.blocked)).sort(), attacks.map((a) => pair(a.directive, a.blocked)).sort(), 'each attack reported as exactly its violation');
      assert.equal(await pwned(sidebar), undefined, 'no payload ran');
      assert.deepEqual(sidebar.requests().filter((u) => !u.startsWith(`${ORIGIN}/`)), [], 'nothing was fetched from anywhere else');
      for (const a of attacks) {
        const id = `#t${ATTACKS.indexOf(a)}`;
        if (a.what === 'a style attribute') assert.notEqual(await sidebar.page.locator(id).evaluate((e) => getComputedStyle(e).color), 'rgb(0, 128, 0)');
        if (a.what === 'an inline <style>') assert.ok(await sidebar.page.locator('#app').isVisible(), 'the view is not hidden');
      }
    });
  }

  it('blocks handlers in markup inserted after load, as a careless innerHTML would', async () => {
    sidebar = await openSidebar();
    await sidebar.page.evaluate((label) => {
      document.body.insertAdjacentHTML('beforeend', `<img src="x" onerror="window.__pwned='${label}'">`);
    }, 'inserted');
    await violated(sidebar);
    assert.deepEqual((await sidebar.violations()).map((v) => [v.directive, v.blocked]), [['script-src-attr', 'inline']]);
    assert.equal(await pwned(sidebar), undefined);
  });
});
