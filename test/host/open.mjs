#!/usr/bin/env node
// `npm start`: everything a fresh clone needs, then Call Coach in VS Code on the sample workspace.
//   1. Debian packages (chromium, libkrb5-dev, git; apt-get as root) and the npm dependencies
//      (npm ci), when missing: test/bootstrap.mjs, as `npm test` does.
//   2. The build (esbuild.mjs).
//   3. A desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <workspace>`.
//      Otherwise (or with --web): the VS Code server build from install-host.mjs (installed once,
//      with progress: ~75-90 s, ~800 MB) on 127.0.0.1 (port $PORT or a free one) with Call Coach
//      loaded from this checkout; open the printed URL in a browser. Runs until Ctrl+C. Rebuild (`npm run build` / `npm run watch`) and use
//     "Developer: Reload Window" to pick up changes.
// The workspace is .cache/sample-workspace (test/host/sample.mjs): the sample customer Northwind
// Logistics in a Git repository of its own, made on first use and kept, so notes written while
// trying things survive; --fresh makes it anew.
// --check: start, open the URL once in headless Chromium, confirm that the Call Coach sidebar
// offers the sample customer and shows its coverage gaps, stop (exit code 0/1).
// --no-build skips the build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { bootstrap } from '../bootstrap.mjs';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { globalGitConfig, prepareSampleWorkspace, SAMPLE_CUSTOMER } from './sample.mjs';
import { buildExtension, findWebviewText, launchBrowser, linkExtension, openActivity, makeScratch, removeScratch, startServer, workbenchUrl } from './server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const say = (m) => console.log(`[start] ${m}`);

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

function workspace() {
  const { target, created } = prepareSampleWorkspace(join(REPO_ROOT, '.cache', 'sample-workspace'), { fresh: flag('fresh'), say });
  say(created ? `sample workspace made: ${target}` : `sample workspace kept from an earlier run: ${target} (npm start -- --fresh makes it anew)`);
  return target;
}

/** Polls the sidebar webview until `test(text)` holds; returns { frame, text } or throws. */
async function sidebarShowing(page, what, test, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let found;
  while (Date.now() < deadline) {
    found = await findWebviewText(page);
    if (found && test(found.text)) return found;
    await page.waitForTimeout(250);
  }
  const last = found ? `; it showed "${found.text.replace(/\s+/g, ' ').slice(0, 200)}"` : '; it showed nothing';
  throw new Error(`the Call Coach sidebar did not show ${what} within ${timeoutMs / 1000} s${last}`);
}

/** What a newcomer sees first: the sidebar's start form offers the sample customer and its gaps. */
async function check(baseUrl, folder, paths) {
  const { browser, page } = await launchBrowser({ chromium: paths.chromium });
  try {
    await page.goto(workbenchUrl({ baseUrl, folder }), { waitUntil: 'domcontentloaded' });
    await openActivity(page, 'Call Coach');
    const form = await sidebarShowing(page, 'the start form', (t) => /\bCustomer\b/.test(t) && !/^\s*Loading\b/i.test(t));
    const offered = await form.frame.locator('#customers option').evaluateAll((options) => options.map((o) => o.value));
    if (!offered.includes(SAMPLE_CUSTOMER)) throw new Error(`the start form does not offer the sample customer "${SAMPLE_CUSTOMER}" (it offers: ${offered.join(', ') || 'none'})`);
    const customer = form.frame.locator('#f-customer');
    await customer.click();
    await customer.fill(SAMPLE_CUSTOMER);
    const gaps = await sidebarShowing(page, `the coverage gaps of ${SAMPLE_CUSTOMER}`, (t) => t.includes(`Not yet covered with ${SAMPLE_CUSTOMER}`), 30_000);
    const heading = /Not yet covered with [^\n]*/.exec(gaps.text)?.[0];
    say(`check OK: the Call Coach sidebar offers ${SAMPLE_CUSTOMER} and shows "${heading}"`);
  } finally {
    await browser.close();
  }
}

async function main() {
  bootstrap(['start']);
  buildExtension(flag('no-build'));
  const folder = workspace();

  if (!flag('web') && !flag('check') && onPath('code')) {
    say(`opening desktop VS Code: code --extensionDevelopmentPath=${REPO_ROOT} ${folder}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, folder], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const paths = ensureHost();
  const scratch = makeScratch('call-coach-start-');
  linkExtension(scratch, REPO_ROOT);
  const port = Number(process.env.PORT) || 0;
  // The server runs with a HOME of its own: hand it the user's Git identity, if any, for commits.
  const gitConfig = globalGitConfig();
  const env = gitConfig ? { ...process.env, GIT_CONFIG_GLOBAL: gitConfig } : process.env;
  const server = startServer({ paths, scratch, port, env, logLevel: process.env.CALL_COACH_HOST_VERBOSE ? 'trace' : undefined, onOutput: process.env.CALL_COACH_HOST_VERBOSE ? (t) => process.stderr.write(t) : undefined });
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    server.stop();
    removeScratch(scratch);
    process.exit(code);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => stop(0));
  process.on('exit', () => server.stop());
  server.proc.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] the VS Code server stopped (${code ?? signal}).\n${server.output().split('\n').slice(-30).join('\n')}`);
    stop(1);
  });

  const { baseUrl } = await server.ready;
  const url = workbenchUrl({ baseUrl, folder });
  if (flag('check')) {
    try {
      await check(baseUrl, folder, paths);
      stop(0);
    } catch (err) {
      console.error(`[start] check FAILED: ${err?.message ?? err}`);
      stop(1);
    }
    return;
  }
  say('Call Coach is running in VS Code (web). Open this URL in a browser:');
  console.log(`\n    ${url}\n`);
  say(`Workspace: ${folder}. Call Coach is the chat-bubble icon in the activity bar. Ctrl+C stops the server.`);
}

main().catch((err) => {
  console.error(`[start] ERROR: ${err?.message ?? err}`);
  process.exit(1);
});
