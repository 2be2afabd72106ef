#!/usr/bin/env node
// A stand-in for the `code` CLI that @vscode/test-electron's runTests({ vscodeExecutablePath })
// can launch: it runs the extension tests in a real VS Code 1.139 server build (installed by
// install-host.mjs) with the workbench in headless Chromium, and exits with the tests' exit code.
//
// Understood: --extensionDevelopmentPath=DIR (repeatable), --extensionTestsPath=FILE, a folder,
// --extensions-dir=DIR (installed extensions; default: an empty one in the scratch folder).
// Other flags (--no-sandbox, --user-data-dir=..., --disable-extensions, ...) are ignored.
// Env: CALL_COACH_HOST_TIMEOUT_MS (default 600000), CALL_COACH_SCREENSHOT=<png> (after the
// tests, before closing), CALL_COACH_HOST_VERBOSE=1 (server output and browser console too).
// CALL_COACH_PHASES=N (default 1): run the tests N times across real window reloads. Before each
// phase the wrapper writes its number to $CALL_COACH_PHASE_FILE (set for the extension host); when
// a phase ends with exit code 0 and another is due, it reloads the workbench page — same browser
// context (so the web workbench's IndexedDB storage, where workspaceState lives), same server and
// user-data dir — and the new extension host runs the tests again. The first non-zero exit code,
// or the last phase's, is the wrapper's.
// Every other variable is passed on to the extension host.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import { ensureHost } from './install-host.mjs';
import { findWebviewText, launchBrowser, makeScratch, removeScratch, startServer, workbenchUrl } from './server.mjs';

const started = Date.now();
const verbose = /^(1|true|yes)$/i.test(process.env.CALL_COACH_HOST_VERBOSE ?? '');
const timeoutMs = Number(process.env.CALL_COACH_HOST_TIMEOUT_MS) || 10 * 60 * 1000;
const phases = Math.max(1, Math.floor(Number(process.env.CALL_COACH_PHASES) || 1));
let phase = 1;
const say = (m) => process.stdout.write(`[code-wrapper] ${m}\n`);

function parseArgs(argv) {
  const out = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, extensionsDir: undefined, folder: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => {
      if (a === `--${name}`) return argv[++i];
      if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
      return undefined;
    };
    let v;
    if ((v = value('extensionDevelopmentPath')) !== undefined) out.extensionDevelopmentPaths.push(resolve(v));
    else if ((v = value('extensionTestsPath')) !== undefined) out.extensionTestsPath = resolve(v);
    else if ((v = value('extensions-dir')) !== undefined) out.extensionsDir = resolve(v);
    else if (a.startsWith('-')) out.ignored.push(a);
    else if (!out.folder) out.folder = resolve(a);
    else out.ignored.push(a);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (!args.extensionTestsPath) {
  console.error('usage: code-wrapper.mjs [--extensionDevelopmentPath=DIR] [--extensions-dir=DIR] --extensionTestsPath=FILE [FOLDER]');
  process.exit(2);
}
if (args.extensionsDir && !existsSync(args.extensionsDir)) {
  console.error(`--extensions-dir ${args.extensionsDir} does not exist`);
  process.exit(2);
}

let server;
let browser;
let scratch;
let finishing = false;

/** Closes the browser, kills the server's process group, removes scratch (kept on failure). */
async function finish(code, why, { testsRan = false } = {}) {
  if (finishing) return;
  finishing = true;
  clearTimeout(overall);
  if (why) say(why);
  if (code !== 0 && !testsRan && server && !verbose) {
    process.stdout.write(`[code-wrapper] last server output:\n${server.output().split('\n').slice(-40).join('\n')}\n`);
    for (const log of extensionHostLogs()) {
      process.stdout.write(`[code-wrapper] end of ${log}:\n${readFileSync(log, 'utf8').split('\n').slice(-40).join('\n')}\n`);
    }
  }
  try {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 5000))]);
  } catch {
    /* already gone */
  }
  server?.stop();
  if (scratch) {
    if (code === 0 || process.env.CI) removeScratch(scratch);
    else say(`scratch dir kept for inspection: ${scratch.root} (extension host logs under user-data/logs)`);
  }
  say(`exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

function extensionHostLogs() {
  try {
    const logs = join(scratch.userData, 'logs');
    return readdirSync(logs, { recursive: true })
      .map(String)
      .filter((f) => /exthost\d*[/\\]remoteexthost\.log$/.test(f))
      .map((f) => join(logs, f));
  } catch {
    return [];
  }
}

const overall = setTimeout(() => void finish(1, `TIMEOUT: no test result after ${timeoutMs / 1000} s (CALL_COACH_HOST_TIMEOUT_MS)`), timeoutMs);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(130, `received ${signal}`));
// Last resort if something calls process.exit or throws past us: never leave the server behind.
process.on('exit', () => server?.stop());
process.on('uncaughtException', (err) => void finish(1, `internal error: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => void finish(1, `internal error: ${err?.stack ?? err}`));

// The workbench's own log goes through codeAutomationLog too, at the same levels as the test
// output from the extension host; without CALL_COACH_HOST_VERBOSE these known lines are dropped.
const WORKBENCH_NOISE = [
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^\[(reconnection-grace-time|AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|Service Worker)\]/,
  /^Updating additional builtin extensions cache/,
  /getaddrinfo ENOTFOUND/,
  /^Extension host \(Remote\) is unresponsive|^Extension host \(Remote\) is responsive/,
];

/** codeAutomationLog receives console-style arguments (an array); print them like console.log. */
function formatLogArgs(message) {
  const parts = Array.isArray(message) ? message : [message];
  return format(...parts);
}

// The crash suite ends phase 1 by killing its own extension host (SIGKILL). The workbench then
// reports the lost connection with errors and stacks (a TypeError in stopAllInReverse, "Unknown
// reconnection token") that are expected there and nowhere else: say so once, and print each such
// message as one labelled line without its stack. A kill in any other suite, or any other phase,
// prints as it is.
const KILLS_ITS_HOST = process.env.CALL_COACH_SUITE === 'crash';
const LOST_HOST = /received socket close event|Unknown reconnection token|reconnect|reading 'extensionHost'/;
let afterDeliberateKill = false;

function labelAfterKill(text) {
  if (!KILLS_ITS_HOST || phase >= phases) return text;
  if (!afterDeliberateKill && LOST_HOST.test(text)) {
    afterDeliberateKill = true;
    say('the crash test killed its extension host on purpose (SIGKILL); the workbench messages about the lost connection that follow are expected:');
  }
  return afterDeliberateKill ? `[code-wrapper]   (expected after the deliberate kill) ${text.split('\n')[0]}` : text;
}

const SCREENSHOT_POINT = '[call-coach] screenshot point';
let screenshotAck;
let screenshot;
/** CALL_COACH_SCREENSHOT: once, when the tests finish, before the extension host stops. */
function takeScreenshot(page) {
  const target = process.env.CALL_COACH_SCREENSHOT;
  if (!target || phase < phases) return Promise.resolve();
  screenshot ??= (async () => {
    try {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      const found = await findWebviewText(page);
      if (verbose) say(`webview text at screenshot: ${found ? found.text.replace(/\s+/g, ' ').slice(0, 120) : '(none)'}`);
      await page.screenshot({ path: resolve(target) });
      say(`screenshot written to ${resolve(target)}`);
    } catch (err) {
      say(`screenshot failed: ${err.message}`);
    }
  })();
  return screenshot;
}

async function main() {
  const paths = ensureHost({ quiet: true });
  scratch = makeScratch();
  if (args.extensionsDir) scratch = { ...scratch, extensions: args.extensionsDir };
  if (args.ignored.length && verbose) say(`ignoring ${args.ignored.join(' ')}`);

  screenshotAck = join(scratch.root, 'screenshot.done');
  const phaseFile = join(scratch.root, 'phases', 'phase');
  mkdirSync(dirname(phaseFile), { recursive: true });
  writeFileSync(phaseFile, `${phase}\n`);
  const env = { ...process.env, CALL_COACH_PHASE_FILE: phaseFile, CALL_COACH_PHASES: String(phases) };
  if (process.env.CALL_COACH_SCREENSHOT) env.CALL_COACH_SCREENSHOT_ACK = screenshotAck;
  server = startServer({
    paths,
    scratch,
    env,
    smokeTestDriver: true,
    logLevel: verbose ? 'trace' : undefined,
    onOutput: verbose ? (t) => process.stderr.write(t.replace(/^/gm, '[server] ')) : undefined,
  });
  server.proc.on('exit', (code, signal) => void finish(1, `VS Code server exited unexpectedly (${code ?? signal})`));
  const { baseUrl } = await server.ready;
  say(`VS Code server listening at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const launched = await launchBrowser({ chromium: paths.chromium });
  browser = launched.browser;
  const page = launched.page;
  page.on('pageerror', (err) => verbose && process.stderr.write(`[browser] page error: ${err.message}\n`));
  page.on('console', (msg) => verbose && process.stderr.write(`[browser] ${msg.type()}: ${msg.text()}\n`));
  page.on('crash', () => void finish(1, 'the workbench page crashed'));
  browser.on('disconnected', () => void finish(1, 'Chromium disconnected'));
  // Navigating away (the reload between phases) must not be held up by a "leave page?" prompt.
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {}));

  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = formatLogArgs(message);
    // The suite (suite/index.ts) says this when its tests are done and waits for the ack file,
    // so the extension host and its webviews are still alive for the screenshot.
    if (text.includes(SCREENSHOT_POINT)) {
      void takeScreenshot(page).then(() => writeFileSync(screenshotAck, 'done\n'));
      return;
    }
    if (!verbose && WORKBENCH_NOISE.some((re) => re.test(text))) return;
    const shown = verbose ? text : labelAfterKill(text);
    const stream = level === 'error' && shown === text ? process.stderr : process.stdout;
    stream.write(shown.endsWith('\n') ? shown : `${shown}\n`);
  });
  await page.exposeFunction('codeAutomationExit', async (code) => {
    const exitCode = typeof code === 'number' ? code : 1;
    if (exitCode === 0 && phase < phases) {
      const ended = phase;
      phase += 1;
      afterDeliberateKill = false;
      writeFileSync(phaseFile, `${phase}\n`);
      rmSync(screenshotAck, { force: true });
      say(`phase ${ended} of ${phases} passed after ${((Date.now() - started) / 1000).toFixed(1)} s; reloading the workbench for phase ${phase}`);
      // Answer the page first, then reload it: the extension host of this phase has stopped.
      setTimeout(async () => {
        if (verbose) {
          // The web workbench keeps workspaceState in the page's IndexedDB (vscode-web-state-db-*).
          const dbs = await page.evaluate(() => indexedDB.databases()).catch((err) => err.message);
          say(`IndexedDB before the reload: ${JSON.stringify(dbs)}`);
        }
        page.reload({ waitUntil: 'domcontentloaded', timeout: 120_000 }).catch((err) => void finish(1, `reloading the workbench for phase ${phase} failed: ${err.message}`));
      }, 0);
      return;
    }
    await takeScreenshot(page);
    const which = phases > 1 ? ` in phase ${phase} of ${phases}` : '';
    // Answer the page first, then shut down.
    setTimeout(() => void finish(exitCode, `extension tests finished with exit code ${exitCode}${which}`, { testsRan: true }), 0);
  });

  const url = workbenchUrl({
    baseUrl,
    folder: args.folder,
    extensionDevelopmentPaths: args.extensionDevelopmentPaths,
    extensionTestsPath: args.extensionTestsPath,
  });
  if (verbose) say(`opening ${url}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
}

main().catch((err) => void finish(1, `ERROR: ${err?.message ?? err}`));
