#!/usr/bin/env node
// `npm start`: build, then open Call Coach in VS Code with the sample workspace.
//   - A desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <workspace>`.
//   - Otherwise (or with --web): the VS Code server build from install-host.mjs on 127.0.0.1
//     (port $PORT or a free one) with Call Coach loaded from this checkout; open the printed URL
//     in a browser. Runs until Ctrl+C. Rebuild (`npm run build` / `npm run watch`) and use
//     "Developer: Reload Window" to pick up changes.
// The workspace is .cache/sample-workspace, copied from test/fixtures/sample-workspace on first
// use and kept, so notes written while trying things survive; --fresh copies it anew.
// --check: start, open the URL once in headless Chromium, confirm the Call Coach sidebar shows
// content, stop (exit code 0/1). --no-build skips the build.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { findWebviewText, launchBrowser, linkExtension, openActivity, makeScratch, removeScratch, SAMPLE_WORKSPACE, startServer, workbenchUrl } from './server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const say = (m) => console.log(`[start] ${m}`);

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

function workspace() {
  const target = join(REPO_ROOT, '.cache', 'sample-workspace');
  if (flag('fresh')) rmSync(target, { recursive: true, force: true });
  if (!existsSync(target)) cpSync(SAMPLE_WORKSPACE, target, { recursive: true });
  return target;
}

async function check(baseUrl, folder, paths) {
  const { browser, page } = await launchBrowser({ chromium: paths.chromium });
  try {
    await page.goto(workbenchUrl({ baseUrl, folder }), { waitUntil: 'domcontentloaded' });
    await openActivity(page, 'Call Coach');
    const deadline = Date.now() + 60_000;
    let found;
    while (Date.now() < deadline) {
      found = await findWebviewText(page);
      if (found && !/^\s*Loading\b/i.test(found.text)) break;
      await page.waitForTimeout(250);
    }
    if (!found) throw new Error('the Call Coach sidebar showed no content within 60 s');
    say(`check OK: the Call Coach sidebar shows "${found.text.replace(/\s+/g, ' ').slice(0, 100)}..."`);
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!flag('no-build')) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed (node esbuild.mjs)');
  }
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
  const server = startServer({ paths, scratch, port, logLevel: process.env.CALL_COACH_HOST_VERBOSE ? 'trace' : undefined, onOutput: process.env.CALL_COACH_HOST_VERBOSE ? (t) => process.stderr.write(t) : undefined });
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
