// Loads the real dist/webview.js into Debian's Chromium with a stub acquireVsCodeApi that
// records what the webview posts and what it stores with setState.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { shellHtml } from '../../src/host/csp';

const repo = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Sidebar {
  page: Page;
  /** Messages the webview posted to the host, oldest first. */
  posted(): Promise<{ type: string; [key: string]: unknown }[]>;
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
function sidebarHtml(nonce: string, inject = ''): string {
  const html = shellHtml(ORIGIN, nonce, { codiconCss: `${ORIGIN}/codicon.css`, sidebarCss: `${ORIGIN}/sidebar.css`, script: `${ORIGIN}/webview.js` });
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

/** Opens the sidebar as VS Code would: the same CSP, style sheet and bundle. */
export async function openSidebar(initialState?: unknown, options: { inject?: string; userAgent?: string } = {}): Promise<Sidebar> {
  const page = await (await launch()).newPage({ viewport: { width: 320, height: 800 }, ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r));
  await page.addInitScript((state) => {
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
  }, initialState);
  // Served from a fake origin so the page gets the same CSP as in VS Code: nothing but our
  // nonce'd bundle runs, styles and fonts only from our own origin.
  const nonce = 'test-nonce-' + Math.random().toString(36).slice(2);
  const files: Record<string, [string, string]> = {
    '/webview.js': [join(repo, 'dist', 'webview.js'), 'text/javascript'],
    '/sidebar.css': [join(repo, 'media', 'sidebar.css'), 'text/css'],
    '/codicon.css': [join(repo, 'dist', 'codicons', 'codicon.css'), 'text/css'],
    '/codicon.ttf': [join(repo, 'dist', 'codicons', 'codicon.ttf'), 'font/ttf'],
  };
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') {
      return route.fulfill({ contentType: 'text/html', body: sidebarHtml(nonce, options.inject) });
    }
    const file = files[path];
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: file[1], body: readFileSync(file[0]) });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
  if (errors.length) throw new Error(`webview threw: ${errors.join('; ')}`);
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted),
    savedState: () => page.evaluate(() => (window as unknown as { __state: unknown }).__state),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    violations: () => page.evaluate(() => (window as unknown as { __violations: CspViolation[] }).__violations),
    requests: () => requests.filter((r) => r.failure()?.errorText !== 'csp').map((r) => r.url()),
  };
}
