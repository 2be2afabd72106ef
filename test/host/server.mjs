// Shared pieces for running the VS Code server build (see install-host.mjs) and driving its web
// workbench in Debian's headless Chromium: used by code-wrapper.mjs, open.mjs and screenshot.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './install-host.mjs';

/** Builds dist/ (node esbuild.mjs) unless `skip` (the scripts' --no-build); throws when the build fails. */
export function buildExtension(skip = false) {
  if (skip) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed (node esbuild.mjs)');
}

export const SAMPLE_WORKSPACE = join(REPO_ROOT, 'test', 'fixtures', 'sample-workspace');

/** A scratch folder holding the server's HOME, XDG dirs, TMPDIR and VS Code state. */
export function makeScratch(prefix = 'call-coach-host-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    home: join(root, 'home'),
    config: join(root, 'xdg-config'),
    data: join(root, 'xdg-data'),
    cache: join(root, 'xdg-cache'),
    tmp: join(root, 'tmp'),
    serverData: join(root, 'server-data'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    browserProfile: join(root, 'browser-profile'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // code-server's build keeps the web client's user settings on the server, here.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
  return dirs;
}

/** Quiet, offline-friendly defaults: no chat panel, welcome page, update or gallery checks. */
export const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
};

/**
 * Makes the server load the extension at `extensionDir` as an installed extension, in place (no
 * copy, no .vsix): a built VS Code honours `extensionDevelopmentPath` in the URL payload only with
 * --enable-smoke-test-driver, which is for tests. Rebuild + "Developer: Reload Window" picks up
 * changes to dist/.
 */
export function linkExtension(scratch, extensionDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const entry = {
    identifier: { id: `${manifest.publisher}.${manifest.name}`.toLowerCase() },
    version: manifest.version,
    location: { $mid: 1, path: resolve(extensionDir), scheme: 'file' },
    metadata: { installedTimestamp: Date.now(), source: 'resource' },
  };
  writeFileSync(join(scratch.extensions, 'extensions.json'), JSON.stringify([entry]));
  return entry.identifier.id;
}

/** A fresh copy of the sample workspace (tests and demos may write into it). */
export function copySampleWorkspace(parent) {
  const target = join(parent ?? mkdtempSync(join(tmpdir(), 'call-coach-ws-')), 'sample-workspace');
  cpSync(SAMPLE_WORKSPACE, target, { recursive: true });
  return target;
}

/**
 * Starts `server-main.js` on Node 24 in its own process group and resolves once it listens.
 * Returns { port, proc, output(), stop() }; stop() kills the whole group (extension host too).
 * Workspace trust is off (every folder trusted) unless `workspaceTrust`; `extraArgs` go to the
 * server as they are (e.g. `--disable-extension vscode.git`).
 */
export function startServer({ paths, scratch, port = 0, host = '127.0.0.1', smokeTestDriver = false, workspaceTrust = false, extraArgs = [], env = process.env, logLevel, onOutput, timeoutMs = 120_000 }) {
  const args = [
    paths.serverMain,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--telemetry-level', 'off',
    '--server-data-dir', scratch.serverData,
    '--user-data-dir', scratch.userData,
    '--extensions-dir', scratch.extensions,
    ...extraArgs,
  ];
  if (smokeTestDriver) args.push('--enable-smoke-test-driver');
  if (logLevel) args.push('--log', logLevel);
  const proc = spawn(paths.node, args, {
    cwd: scratch.root,
    detached: true, // own process group: stop() reaches the extension host and its children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      HOME: scratch.home,
      XDG_CONFIG_HOME: scratch.config,
      XDG_DATA_HOME: scratch.data,
      XDG_CACHE_HOME: scratch.cache,
      TMPDIR: scratch.tmp,
    },
  });
  let tail = '';
  let stopped = false;
  const remember = (chunk) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-20_000);
    onOutput?.(text);
    return text;
  };
  const stop = () => {
    if (stopped || proc.pid === undefined) return;
    stopped = true;
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-proc.pid, signal);
      } catch {
        /* group already gone */
      }
    }
  };
  const ready = new Promise((resolvePort, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start listening within ${timeoutMs / 1000} s.\n${tail}`)), timeoutMs);
    proc.stdout.on('data', (chunk) => {
      buffered += remember(chunk);
      const m = /Extension host agent listening on (\d+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        buffered = '';
        resolvePort(Number(m[1]));
      }
    });
    proc.stderr.on('data', remember);
    proc.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server could not start: ${err.message}`));
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited early (${code ?? signal}).\n${tail}`));
    });
  });
  return {
    proc,
    stop,
    output: () => tail,
    ready: ready.then((p) => ({ port: p, baseUrl: `http://${host}:${p}/` })),
  };
}

/** The workbench URL that opens `folder` with the extension(s) under development (and tests). */
export function workbenchUrl({ baseUrl, folder, extensionDevelopmentPaths = [], extensionTestsPath }) {
  const authority = new URL(baseUrl).host;
  const remote = (p) => `vscode-remote://${authority}${encodeURI(resolve(p))}`;
  const payload = [
    ...extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ...(extensionTestsPath ? [['extensionTestsPath', remote(extensionTestsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const params = new URLSearchParams();
  if (folder) params.set('folder', resolve(folder));
  params.set('payload', JSON.stringify(payload));
  return `${baseUrl}?${params}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Launches headless Chromium through playwright-core (never downloads a browser). */
export async function launchBrowser({ chromium: executablePath, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}

/** The innermost webview frame whose body has text, with that text; webviews are nested iframes. */
export async function findWebviewText(page, { contains } = {}) {
  for (const frame of page.frames()) {
    if (process.env.CALL_COACH_HOST_VERBOSE) console.log(`[screenshot] frame ${frame.url().slice(0, 160)}`);
    // Webview content lives in .../webview/browser/pre/index.html > fake.html (not the worker host frame).
    if (frame === page.mainFrame() || !/\/webview\/browser\/pre\//.test(frame.url())) continue;
    try {
      const text = await frame.evaluate(() => document.body?.innerText ?? '');
      if (text.trim() && (!contains || text.includes(contains))) return { frame, text };
    } catch (err) {
      if (process.env.CALL_COACH_HOST_VERBOSE) console.log(`[screenshot] frame not readable: ${err.message.split('\n')[0]}`);
    }
  }
  return undefined;
}

/** Clicks the activity-bar item labelled `label` (e.g. "Call Coach"). */
export async function openActivity(page, label) {
  const item = page.locator(`a.action-label[aria-label="${label}"], a.action-label[aria-label^="${label} ("]`).first();
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  await item.click();
}

export function removeScratch(scratch) {
  try {
    rmSync(scratch.root, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}
