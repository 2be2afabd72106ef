// The real VS Code workbench, driven from Node the way a user drives it: the VS Code server build
// (test/host/install-host.mjs) with Call Coach installed from this checkout, its web workbench in
// Debian's headless Chromium through Playwright, keys and clicks on the workbench page and in the
// sidebar webview's own DOM (nested iframes). What the extension writes is read back from disk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';

export const REPO = join(__dirname, '..', '..', '..', '..');

// test/host/*.mjs are ES modules; a dynamic import with a computed URL stays an import() in this
// CommonJS build and is typed by hand below.
interface HostPaths {
  node: string;
  serverMain: string;
  chromium: string;
}
interface Scratch {
  root: string;
  userData: string;
  extensions: string;
}
interface HostModules {
  ensureHost(options: { quiet: boolean }): HostPaths;
  makeScratch(prefix?: string): Scratch;
  copySampleWorkspace(parent?: string): string;
  linkExtension(scratch: Scratch, dir: string): string;
  startServer(options: { paths: HostPaths; scratch: Scratch; extraArgs?: string[]; workspaceTrust?: boolean }): { ready: Promise<{ baseUrl: string }>; stop(): void; output(): string };
  workbenchUrl(options: { baseUrl: string; folder: string }): string;
  launchBrowser(options: { chromium: string; viewport?: { width: number; height: number } }): Promise<{ browser: Browser; page: Page }>;
  findWebviewText(page: Page, options?: { contains?: string }): Promise<{ frame: Frame; text: string } | undefined>;
  openActivity(page: Page, label: string): Promise<void>;
  removeScratch(scratch: Scratch): void;
}

async function hostModules(): Promise<HostModules> {
  const load = (name: string) => import(pathToFileURL(join(REPO, 'test', 'host', name)).href) as Promise<Record<string, unknown>>;
  return { ...(await load('install-host.mjs')), ...(await load('server.mjs')) } as unknown as HostModules;
}

export interface WorkbenchOptions {
  /** Workspace trust on and no prompt: the folder opens in Restricted Mode. */
  restricted?: boolean;
  /** Extension ids to start disabled, e.g. vscode.git. */
  disableExtensions?: string[];
  /** Files to put in the workspace first, by workspace-relative path. */
  files?: Record<string, string>;
  /** User settings beside the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Make the workspace a Git repository with everything in it committed (and a test identity). */
  gitRepository?: boolean;
  /** The extension to install (a folder laid out as the package is); this checkout by default. */
  extensionDir?: string;
  /**
   * The workbench's display language, as a language pack sets it (its NLS script defines
   * `_VSCODE_NLS_LANGUAGE`, which becomes vscode.env.language in the extension host); none can be
   * installed offline, so the page gets the same global before the workbench loads.
   */
  language?: string;
  /** The Call Coach activity's label as the display language writes it. */
  activityLabel?: string;
}

export interface Workbench {
  page: Page;
  /** The workspace folder on disk (a fresh copy of the sample workspace). */
  workspace: string;
  /** The sidebar webview's content frame, once its text includes `contains`. */
  sidebar(contains?: string): Promise<Frame>;
  /** Runs a command from the palette (F1, its title typed, Enter), as a user would. */
  palette(title: string): Promise<void>;
  /** Opens a quick input by its key (Ctrl+P, Ctrl+Shift+O…), pressing again if focus swallowed it. */
  quickInput(key: string): Promise<void>;
  /** The text of the first notification toast that matches. */
  notification(match: RegExp): Promise<string>;
  /** A PNG of the activity bar and sidebar (for the screenshots in the report). */
  shootSidebar(file: string): Promise<void>;
  /** After a failed test: the whole window as test-results/ui-failures/<title>.png, and the sidebar's text on the console. */
  keepFailure(title: string): Promise<void>;
  close(): Promise<void>;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const host = await hostModules();
  const paths = host.ensureHost({ quiet: true });
  const scratch = host.makeScratch('call-coach-ui-');
  const workspace = host.copySampleWorkspace(scratch.root);
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }
  if (options.gitRepository) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Call Coach Test');
    git('config', 'user.email', 'test@example.invalid');
    git('add', '-A');
    git('commit', '-q', '-m', 'The sample workspace');
  }
  const settings = {
    ...(options.restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    ...options.settings,
  };
  if (Object.keys(settings).length) {
    const file = join(scratch.userData, 'User', 'settings.json');
    const { readFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...settings }, null, 2));
  }
  host.linkExtension(scratch, options.extensionDir ?? REPO);
  const server = host.startServer({
    paths,
    scratch,
    workspaceTrust: !!options.restricted,
    extraArgs: (options.disableExtensions ?? []).flatMap((id) => ['--disable-extension', id]),
  });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    server.stop();
    host.removeScratch(scratch);
  };
  try {
    const { baseUrl } = await server.ready;
    const launched = await host.launchBrowser({ chromium: paths.chromium, viewport: { width: 1280, height: 800 } });
    browser = launched.browser;
    const page = launched.page;
    if (options.language) {
      await page.addInitScript((language) => {
        (globalThis as unknown as { _VSCODE_NLS_LANGUAGE: string })._VSCODE_NLS_LANGUAGE = language;
      }, options.language);
    }
    await page.goto(host.workbenchUrl({ baseUrl, folder: workspace }), { waitUntil: 'domcontentloaded' });
    await host.openActivity(page, options.activityLabel ?? 'Call Coach');
    /** Presses `key` until a quick input shows (a key pressed while focus is changing hands is lost). */
    const quickInput = async (key: string) => {
      const input = page.locator('.quick-input-widget input');
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press(key);
        try {
          await input.waitFor({ state: 'visible', timeout: 5_000 });
          return;
        } catch (err) {
          if (attempt >= 4) throw err;
        }
      }
    };
    const sidebar = async (contains?: string): Promise<Frame> => {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const found = await host.findWebviewText(page, contains ? { contains } : {});
        if (found && !/^Loading\b/.test(found.text.trim())) return found.frame;
        if (Date.now() > deadline) throw new Error(`the sidebar never showed ${contains ? JSON.stringify(contains) : 'content'}; it shows: ${found?.text.slice(0, 300) ?? '(nothing)'}`);
        await page.waitForTimeout(250);
      }
    };
    const palette = async (title: string) => {
      await quickInput('F1');
      await page.keyboard.type(title, { delay: 10 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.keyboard.press('Enter');
    };
    const notification = async (match: RegExp) => {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: match }).first();
      await toast.waitFor({ state: 'visible', timeout: 60_000 });
      return toast.innerText();
    };
    const shootSidebar = async (file: string) => {
      mkdirSync(dirname(file), { recursive: true });
      await page.mouse.move(1275, 795); // no hover tooltip in the shot
      await page.waitForTimeout(300);
      const bar = await page.locator('.part.sidebar').boundingBox();
      const status = await page.locator('.part.statusbar').boundingBox();
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: bar ? Math.ceil(bar.x + bar.width) + 4 : 1280, height: status ? Math.round(status.y) : 800 } });
    };
    const keepFailure = async (title: string) => {
      const file = join(REPO, 'test-results', 'ui-failures', `${title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}.png`);
      mkdirSync(dirname(file), { recursive: true });
      await page.screenshot({ path: file }).catch(() => undefined);
      const text = (await host.findWebviewText(page).catch(() => undefined))?.text ?? '(no sidebar)';
      console.log(`[ui] failed: ${title}\n[ui] window: ${file}\n[ui] sidebar: ${text.slice(0, 1500)}`);
    };
    return { page, workspace, sidebar, palette, quickInput, notification, shootSidebar, keepFailure, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * The hooks every workbench describe needs: close the workbench when the describe ends, and keep a
 * screenshot of the whole window for each test that failed. `workbench` is read when a hook runs,
 * after `before` has opened it.
 */
export function closeAfterwards(workbench: () => Workbench | undefined): void {
  after(() => workbench()?.close());
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench()?.keepFailure(this.currentTest.title);
  });
}

/**
 * Presses one of the call's keys and waits for what it does. A call key is a VS Code keybinding:
 * the webview forwards the key to the workbench, which runs the command in the extension host,
 * which tells the sidebar — a round trip that takes a moment under load. Reading the sidebar
 * before it lands sees the old step, and the next press then lands one step too far.
 *
 * A modifier is held until then, as a person's finger is: released at once, the workbench can see
 * a lone Alt (its menu bar's Alt focus) before the forwarded key has done its work.
 */
export async function pressCallKey(page: Page, key: string, landed: () => Promise<unknown>): Promise<void> {
  const parts = key.split('+');
  const last = parts.pop()!;
  for (const modifier of parts) await page.keyboard.down(modifier);
  try {
    await page.keyboard.press(last);
    await landed();
  } finally {
    for (const modifier of parts.reverse()) await page.keyboard.up(modifier);
  }
}

/**
 * Presses a call key that moves to another step (Ctrl+Enter, Alt+K …) and waits until the step has
 * changed: the progress line ("Technique 2 of 5 · Prompt 1 of 2"), read as the DOM has it both times.
 */
export async function stepBy(frame: Frame, page: Page, key: string): Promise<void> {
  const before = await frame.evaluate(() => document.querySelector('.progress')?.textContent ?? '');
  await pressCallKey(page, key, () => frame.waitForFunction((b) => document.querySelector('.progress')?.textContent !== b, before, { timeout: 10_000 }));
}
