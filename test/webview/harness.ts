// Loads the real dist/webview.js into Debian's Chromium with a stub acquireVsCodeApi that
// records what the webview posts and what it stores with setState.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
}

let browser: Browser | undefined;
const ORIGIN = 'http://sidebar.test';

/** The same shell and CSP as src/host/webviewHtml.ts, with this test origin as cspSource. */
function sidebarHtml(nonce: string): string {
  const csp = `default-src 'none'; style-src ${ORIGIN}; font-src ${ORIGIN}; img-src ${ORIGIN}; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${ORIGIN}/codicon.css"><link rel="stylesheet" href="${ORIGIN}/sidebar.css"></head>
<body><main id="app" aria-busy="true"></main><div id="status" class="status" role="status" aria-live="polite"></div>
<script nonce="${nonce}" src="${ORIGIN}/webview.js"></script></body></html>`;
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
export async function openSidebar(initialState?: unknown): Promise<Sidebar> {
  const page = await (await launch()).newPage({ viewport: { width: 320, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript((state) => {
    const w = window as unknown as Record<string, unknown>;
    w.__posted = [];
    w.__state = state;
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
      return route.fulfill({ contentType: 'text/html', body: sidebarHtml(nonce) });
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
  };
}
