#!/usr/bin/env node
// The call's keys in the real workbench (VS Code 1.139 server build, Chromium), pressed as a user
// presses them, with a user keybindings.json that moves Skip from Alt+S to Ctrl+Alt+K — what a
// user does in Keyboard Shortcuts. Checks that VS Code resolves every call key (the sidebar handles
// none itself): the defaults act once each, the removed default no longer skips, the user's key
// does, and the hints' "Change keys" opens Keyboard Shortcuts. Exit code 1 on any failure.
// Starts a host: run it under the host lock, e.g.
//   flock -w 1800 /work/host.lock node test/host/keys.mjs [--no-build]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { buildExtension, copySampleWorkspace, findWebviewText, launchBrowser, linkExtension, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from './server.mjs';

const say = (m) => console.log(`[keys] ${m}`);
const failures = [];
const check = (ok, what) => {
  say(`${ok ? '✔' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

async function drive(page, { rebound }) {
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
  await openActivity(page, 'Call Coach');
  let found;
  for (let i = 0; i < 60 && !(found = await findWebviewText(page, { contains: 'Customer' })); i++) await page.waitForTimeout(1000);
  if (!found) throw new Error('the start form never showed');
  const { frame } = found;
  await frame.locator('#f-customer').fill('Acme Corp');
  await frame.locator('#f-customer').press('Enter');
  const answer = frame.locator('textarea#answer');
  await answer.waitFor({ state: 'visible', timeout: 30_000 });
  const prompt = async () => Number(/Prompt (\d+) of/.exec(await frame.locator('.progress').innerText())?.[1]);
  const settle = () => page.waitForTimeout(1500);
  // A call key goes webview → workbench → extension host → webview: under load that round trip can
  // outlast any fixed wait. Wait for what the key does (up to 15 s), then settle, so "once" still
  // catches a key that acts twice.
  const landed = async (done) => {
    for (let i = 0; i < 60 && !(await done()); i++) await page.waitForTimeout(250);
    await settle();
  };
  await answer.pressSequentially('Weekend deploys', { delay: 5 });
  await page.keyboard.press('Alt+o');
  await landed(async () => (await frame.locator('.tag').first().getAttribute('aria-pressed')) === 'true');
  check((await frame.locator('.tag').first().getAttribute('aria-pressed')) === 'true', `${rebound ? '[rebound] ' : ''}Alt+O tags the answer as Objective, once`);
  check((await answer.inputValue()) === 'Weekend deploys', 'the answer keeps what was typed');
  await page.keyboard.press('Alt+s');
  await settle();
  if (rebound) {
    check((await prompt()) === 1, '[rebound] Alt+S, removed by the user, no longer skips');
    await page.keyboard.press('Escape'); // Alt+S now opens the Selection menu, as in any VS Code
    await answer.click();
    await page.keyboard.press('Control+Alt+k');
    await landed(async () => (await prompt()) >= 2);
    check((await prompt()) === 2, "[rebound] the user's Ctrl+Alt+K skips");
  } else {
    await landed(async () => (await prompt()) >= 2);
    check((await prompt()) === 2, 'Alt+S skips one prompt');
  }
  await page.keyboard.press('Control+Enter');
  await landed(async () => (await prompt()) >= 3);
  check((await prompt()) === 3, 'Ctrl+Enter goes to the next prompt, once');
  await frame.getByRole('button', { name: 'Change keys' }).click();
  await page.locator('.keybindings-editor').waitFor({ state: 'visible', timeout: 30_000 }).catch(() => {});
  check(await page.locator('.keybindings-editor').isVisible(), '"Change keys" opens Keyboard Shortcuts');
}

async function run({ paths, rebound }) {
  const scratch = makeScratch();
  const workspace = copySampleWorkspace(scratch.root);
  if (rebound) {
    writeFileSync(
      join(scratch.userData, 'User', 'keybindings.json'),
      JSON.stringify([
        { key: 'ctrl+alt+k', command: 'callCoach.skipPrompt', when: 'callCoach.sidebarFocus && callCoach.callActive' },
        { key: 'alt+s', command: '-callCoach.skipPrompt' },
      ]),
    );
  }
  linkExtension(scratch, REPO_ROOT);
  const server = startServer({ paths, scratch });
  let browser;
  try {
    const { baseUrl } = await server.ready;
    const launched = await launchBrowser({ chromium: paths.chromium });
    browser = launched.browser;
    await launched.page.goto(workbenchUrl({ baseUrl, folder: workspace }), { waitUntil: 'domcontentloaded' });
    await drive(launched.page, { rebound });
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  }
}

buildExtension(process.argv.includes('--no-build'));
const paths = ensureHost({ quiet: true });
try {
  await run({ paths, rebound: false });
  await run({ paths, rebound: true });
} catch (err) {
  failures.push(String(err?.stack ?? err));
  console.error(err);
}
say(`${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
