// Shared pieces for running the VS Code server build (see install-host.mjs) and driving its web
// workbench in Debian's headless Chromium: used by code-wrapper.mjs, open.mjs and screenshot.mjs.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './install-host.mjs';

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
  return dirs;
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
 */
export function startServer({ paths, scratch, port = 0, host = '127.0.0.1', smokeTestDriver = false, env = process.env, logLevel, onOutput, timeoutMs = 120_000 }) {
  const args = [
    paths.serverMain,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-workspace-trust',
    '--telemetry-level', 'off',
    '--server-data-dir', scratch.serverData,
    '--user-data-dir', scratch.userData,
    '--extensions-dir', scratch.extensions,
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

export function removeScratch(scratch) {
  try {
    rmSync(scratch.root, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}
