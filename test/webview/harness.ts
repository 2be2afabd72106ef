// Loads the real dist/webview.js into Debian's Chromium with a stub acquireVsCodeApi that
// records what the webview posts and what it stores with setState, and stands in for the
// workbench's keybinding service: a key press that matches one of package.json's contributed
// keybindings (its `mac` variant under a Mac user agent) comes back as the host's `shortcut`
// message, as its command would send it (src/host/callCommands.ts). The view handles no call key
// itself, so tests that press keys go the way VS Code takes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { shellHtml } from '../../src/host/csp';
import { SHORTCUTS } from '../../src/shortcuts';
import { englishStrings } from './englishStrings';

const repo = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Sidebar {
  page: Page;
  /** Messages the webview posted to the host, oldest first (focus reports apart, see below). */
  posted(): Promise<{ type: string; [key: string]: unknown }[]>;
  /** What the webview reported of its focus (`focus` messages, for the keybindings' context key), oldest first. */
  focusReports(): Promise<boolean[]>;
  /** What the webview last saved with setState. */
  savedState(): Promise<unknown>;
  /** Delivers a message as the extension host would. */
  send(message: unknown): Promise<void>;
  /** Content Security Policy violations the page reported, oldest first. */
  violations(): Promise<CspViolation[]>;
  /** URLs the page requested that the CSP let through (to the network or our route), oldest first. */
  requests(): string[];
}

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

let browser: Browser | undefined;

export const ORIGIN = 'http://sidebar.test';

/**
 * The very shell and CSP that src/host/webviewHtml.ts serves, with this test origin as cspSource;
 * `inject` (tests of the policy itself) goes into the body before the bundle's script.
 */
function sidebarHtml(nonce: string, loading: string, inject = ''): string {
  const html = shellHtml(ORIGIN, nonce, { codiconCss: `${ORIGIN}/codicon.css`, sidebarCss: `${ORIGIN}/sidebar.css`, script: `${ORIGIN}/webview.js` }, { language: 'en', loading });
  return inject ? html.replace('<script nonce=', `${inject}\n<script nonce=`) : html;
}

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

interface Binding {
  key: string;
  action: string;
}

/** package.json's keybindings for the call, on Windows/Linux or macOS, with the action each command passes on. */
function contributedBindings(mac: boolean): Binding[] {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { contributes: { keybindings: { command: string; key: string; mac?: string }[] } };
  return manifest.contributes.keybindings.flatMap((b) => {
    const action = SHORTCUTS.find((s) => s.command === b.command)?.action;
    return action ? [{ key: mac && b.mac ? b.mac : b.key, action }] : [];
  });
}

/** Opens the sidebar as VS Code would: the same CSP, style sheet and bundle. */
export async function openSidebar(initialState?: unknown, options: { inject?: string; userAgent?: string } = {}): Promise<Sidebar> {
  const page = await (await launch()).newPage({ viewport: { width: 320, height: 800 }, ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r));
  await page.addInitScript(({ state, bindings }) => {
    const w = window as unknown as Record<string, unknown>;
    w.__posted = [];
    w.__state = state;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (w.__violations as unknown[]).push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => (w.__posted as unknown[]).push(JSON.parse(JSON.stringify(m))),
      getState: () => w.__state,
      setState: (s: unknown) => (w.__state = JSON.parse(JSON.stringify(s))),
    });
    // The workbench's keybinding service: VS Code's webview forwards every keydown (after the
    // page's own handlers, whatever they did with it) and runs the command bound to it. Letters
    // match by physical key, as with Alt or Option held the character is the layout's.
    const matches = (e: KeyboardEvent, key: string) => {
      const parts = key.split('+');
      const base = parts[parts.length - 1]!;
      const mods = new Set(parts.slice(0, -1));
      if (e.ctrlKey !== mods.has('ctrl') || e.altKey !== mods.has('alt') || e.shiftKey !== mods.has('shift') || e.metaKey !== mods.has('cmd')) return false;
      return base === 'enter' ? e.key === 'Enter' : e.code === `Key${base.toUpperCase()}`;
    };
    window.addEventListener('keydown', (e) => {
      const binding = bindings.find((b) => matches(e, b.key));
      if (binding) window.dispatchEvent(new MessageEvent('message', { data: { type: 'shortcut', action: binding.action } }));
    });
  }, { state: initialState, bindings: contributedBindings(/Mac/.test(options.userAgent ?? '')) });
  // Served from a fake origin so the page gets the same CSP as in VS Code: nothing but our
  // nonce'd bundle runs, styles and fonts only from our own origin.
  const nonce = 'test-nonce-' + Math.random().toString(36).slice(2);
  const strings = await englishStrings();
  const files: Record<string, [string, string]> = {
    '/webview.js': [join(repo, 'dist', 'webview.js'), 'text/javascript'],
    '/sidebar.css': [join(repo, 'media', 'sidebar.css'), 'text/css'],
    '/codicon.css': [join(repo, 'dist', 'codicons', 'codicon.css'), 'text/css'],
    '/codicon.ttf': [join(repo, 'dist', 'codicons', 'codicon.ttf'), 'font/ttf'],
  };
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({ contentType: 'text/html', body: sidebarHtml(nonce, strings.loading, options.inject) });
    }
    const file = files[path];
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: file[1], body: readFileSync(file[0]) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  if (errors.length) throw new Error(`webview threw: ${errors.join('; ')}`);
  // As the host does after `ready`: the strings first (src/host/sidebarProvider.ts).
  await page.evaluate((m) => window.postMessage(m, '*'), { type: 'strings', language: 'en', strings });
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type !== 'focus')),
    focusReports: () => page.evaluate(() => (window as unknown as { __posted: { type: string; focused?: boolean }[] }).__posted.flatMap((m) => (m.type === 'focus' ? [!!m.focused] : []))),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    // Resolves once the view has handled it: our listener, added after the view's, runs after it.
    send: (message) =>
      page.evaluate(
        (m) =>
          new Promise<void>((resolve) => {
            window.addEventListener('message', () => resolve(), { once: true });
            window.postMessage(m, '*');
          }),
        message,
      ),
    violations: () => page.evaluate(() => (window as unknown as { __violations: CspViolation[] }).__violations),
    requests: () => requests.filter((r) => r.failure()?.errorText !== 'csp').map((r) => r.url()),
  };
}
