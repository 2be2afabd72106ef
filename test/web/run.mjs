#!/usr/bin/env node
// Call Coach in the web worker extension host — the host vscode.dev, github.dev and GitLab's Web
// IDE run extensions in — inside a real workbench, offline: code-server's VS Code server build
// (installed by test/host/install-host.mjs) with the user setting `remote.extensionKind` set to
// ["web"] for Call Coach, which moves it from the Node extension host into the browser's web
// worker (it runs there from `browser`: dist/web/extension.js). Two parts:
//   1. suite  test/web/suite/*.test.ts, bundled for the browser (out/web/suite.js) and run by the
//             worker as extensionTestsPath: banks and diagnostics, a call writing its note and
//             plan through workspace.fs, browse, and git being absent.
//   2. call   the same workbench without tests: Playwright clicks and types a whole call into the
//             real sidebar, as a CSM does; the note and success-plan.md must appear on disk, and
//             a screenshot of the sidebar goes to test-results/web-sidebar.png.
// Results ({ passed, failed, failures }) go to $CALL_COACH_RESULT_FILE when set (npm test merges
// them into its closing line). Needs `node esbuild.mjs` to have run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { ensureHost, REPO_ROOT } from '../host/install-host.mjs';
import { copySampleWorkspace, findWebviewText, launchBrowser, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from '../host/server.mjs';

const say = (m) => console.log(`[web] ${m}`);
const SUITE_BUNDLE = join(REPO_ROOT, 'out', 'web', 'suite.js');
const SCREENSHOT = join(REPO_ROOT, 'test-results', 'web-sidebar.png');
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const results = { passed: 0, failed: 0, failures: [] };
const pass = (title) => {
  results.passed++;
  say(`✔ ${title}`);
};
const fail = (title, error) => {
  results.failed++;
  results.failures.push({ title, error: String(error?.message ?? error) });
  say(`✘ ${title}: ${error?.stack ?? error}`);
};

/** The worker's mocha suite, one bundle with mocha's browser build and `vscode` left to the host. */
async function buildSuite() {
  await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'test', 'web', 'suite', 'index.ts')],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** A server whose user settings put Call Coach in the web worker extension host. */
async function startWebHost(paths) {
  const scratch = makeScratch('call-coach-web-');
  const settingsFile = join(scratch.userData, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  settings['remote.extensionKind'] = { [EXTENSION_ID]: ['web'] };
  writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  const server = startServer({ paths, scratch, smokeTestDriver: true });
  const { baseUrl } = await server.ready;
  return { scratch, server, baseUrl };
}

/** Part 1: the mocha suite inside the web worker; resolves when it calls codeAutomationExit. */
async function runSuite(paths) {
  const { scratch, server, baseUrl } = await startWebHost(paths);
  const { browser, page } = await launchBrowser({ chromium: paths.chromium });
  try {
    const workspace = copySampleWorkspace(scratch.root);
    let report;
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_level, message) => {
      const text = format(...(Array.isArray(message) ? message : [message]));
      const m = /^\[call-coach-web\] results (.*)$/.exec(text);
      if (m) report = JSON.parse(m[1]);
      else if (/^\[call-coach-web\]|^\s+(✔|✘|\d+\))|passing|failing/.test(text)) console.log(text);
    });
    await page.goto(workbenchUrl({ baseUrl, folder: workspace, extensionDevelopmentPaths: [REPO_ROOT], extensionTestsPath: SUITE_BUNDLE }));
    const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 300_000))]);
    if (!report) {
      fail('web worker suite', `the suite reported no results (exit ${code}); server output:\n${server.output().slice(-3000)}`);
      return;
    }
    results.passed += report.passed;
    results.failed += report.failed;
    results.failures.push(...report.failures);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  }
}

/** Waits for the sidebar webview to show `contains`. */
async function sidebarShowing(page, contains, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await findWebviewText(page, { contains });
    if (found) return found;
    await page.waitForTimeout(250);
  }
  throw new Error(`the sidebar never showed "${contains}"`);
}

async function waitForFile(dir, match, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = existsSync(dir) && readdirSync(dir).find((f) => match.test(f));
    if (hit) return join(dir, hit);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no file matching ${match} appeared in ${dir}`);
}

/** The palette lists Call Coach's commands, but not Commit Success Plan Notes: no Git on the web. */
async function commitHiddenFromPalette(page) {
  // The palette shows only the rows that fit, so each command is looked for by its own name.
  const paletteRows = async (query) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${query}`);
    await page.waitForTimeout(500);
    const labels = await page.locator('.quick-input-list .monaco-list-row').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    await page.keyboard.press('Escape');
    return labels;
  };
  const update = await paletteRows('Call Coach: Update Success Plan');
  if (!update.some((l) => l.includes('Update Success Plan'))) throw new Error(`the palette does not list Call Coach's commands: ${update.join(' | ')}`);
  const commit = await paletteRows('Call Coach: Commit');
  if (commit.some((l) => l.includes('Commit Success Plan Notes'))) throw new Error('Commit Success Plan Notes is offered in the web worker host, where there is no Git');
}

/** Part 2: a call typed into the real sidebar while Call Coach runs in the web worker. */
async function driveCall(paths) {
  const title = 'a call typed into the sidebar in the web worker host writes its note and plan';
  const { scratch, server, baseUrl } = await startWebHost(paths);
  const { browser, page } = await launchBrowser({ chromium: paths.chromium, viewport: { width: 1280, height: 800 } });
  try {
    const workspace = copySampleWorkspace(scratch.root);
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.goto(workbenchUrl({ baseUrl, folder: workspace, extensionDevelopmentPaths: [REPO_ROOT] }));
    await openActivity(page, 'Call Coach');
    const { frame } = await sidebarShowing(page, 'Customer');
    // No call notes yet: once read, the Customers view says so (its read used to leave the pane blank here).
    const customersPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Customers' }) }).first();
    await customersPane.getByText('No customers with call notes yet. Finish a call and its customer shows here.').waitFor({ state: 'visible', timeout: 30_000 });
    await commitHiddenFromPalette(page);
    const customer = frame.locator('#f-customer');
    await customer.click();
    await customer.pressSequentially('Web Worker Co', { delay: 10 });
    await customer.press('Enter');
    const answer = frame.locator('textarea#answer');
    await answer.waitFor({ state: 'visible', timeout: 30_000 });
    const typed = 'Typed in the browser, written through workspace.fs.';
    await answer.pressSequentially(typed, { delay: 5 });
    await page.waitForTimeout(400);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    // Alt+L opens the technique list; jump to the last technique, then Ctrl+Enter to the end.
    await page.keyboard.press('Alt+l');
    const nav = frame.locator('.technique-nav ol button');
    await nav.last().waitFor({ state: 'visible', timeout: 10_000 });
    await nav.last().click();
    for (let i = 0; i < 40 && !(await frame.locator('.wrap-up').count()); i++) {
      await page.keyboard.press('Control+Enter');
      await page.waitForTimeout(150);
    }
    if (!(await frame.locator('.wrap-up').count())) throw new Error('never reached the wrap-up');
    await page.keyboard.press('Control+Enter');
    await sidebarShowing(page, 'Saved', 30_000);
    const folder = join(workspace, 'success-plans', 'web-worker-co');
    const note = await waitForFile(folder, /^\d{4}-\d{2}-\d{2}-.*\.md$/);
    const text = readFileSync(note, 'utf8');
    if (!text.includes(`> ${typed}`)) throw new Error(`the note does not hold the typed answer:\n${text.slice(0, 1500)}`);
    if (!/^customer: Web Worker Co$/m.test(text)) throw new Error('the note front matter does not name the customer');
    const plan = await waitForFile(folder, /^success-plan\.md$/);
    if (!readFileSync(plan, 'utf8').includes('call-coach:begin')) throw new Error('success-plan.md has no generated regions');
    say(`note written on disk by the web worker: ${note.slice(workspace.length + 1)}; screenshot ${SCREENSHOT}`);
    pass(title);
  } catch (err) {
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'web-failure.png') }).catch(() => {});
    fail(title, err);
  } finally {
    await browser.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  }
}

async function main() {
  const paths = ensureHost({ quiet: true });
  await buildSuite();
  const only = process.argv.slice(2);
  if (!only.length || only.includes('suite')) await runSuite(paths);
  if (!only.length || only.includes('call')) await driveCall(paths);
  say(`${results.passed} passed, ${results.failed} failed (web worker extension host)`);
  const file = process.env.CALL_COACH_RESULT_FILE;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(results));
  }
  process.exit(results.failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`[web] ERROR: ${err?.stack ?? err}`);
  process.exit(1);
});
