#!/usr/bin/env node
// The call's keys in the real workbench (VS Code 1.139 server build, Chromium), pressed as a user
// presses them, with a user keybindings.json that moves Skip from Alt+K to Ctrl+Alt+K — what a
// user does in Keyboard Shortcuts. Checks that VS Code resolves every call key (the sidebar handles
// none itself): the defaults act once each, the removed default no longer skips, the user's key
// does, and the hints' "Change keys" opens Keyboard Shortcuts.
//
// And that a call key never leaves the focus in a menu. The menu bar opens a menu on Alt+its
// letter, and a key forwarded by a webview cannot be cancelled, so a call key on a menu's letter
// runs its command and opens the menu too. The first run shows the menu bar in the title bar and
// checks that no contributed default is one of its letters, and that Alt+O and Alt+K open no menu;
// the second binds Alt+E (Edit's letter) itself and checks that, though the Edit menu opens, the
// sidebar has the focus back and the next letter goes into the answer. Exit code 1 on any failure.
// Starts a host: run it under the host lock, e.g.
//   flock -w 1800 /work/host.lock node test/host/keys.mjs [--no-build]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { buildExtension, copySampleWorkspace, findWebviewText, launchBrowser, linkExtension, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from './server.mjs';

const say = (m) => console.log(`[keys] ${m}`);
/** The contributed Windows/Linux defaults that are Alt+one key, as the menu bar writes its own: "alt+k". */
const CALL_KEYS = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))
  .contributes.keybindings.map((k) => k.key)
  .filter((k) => /^alt\+[a-z0-9]$/.test(k));
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
  // Every focus a menu takes, counted in the workbench page from here on.
  await page.evaluate(() => {
    window.__menuFocus = 0;
    window.addEventListener('focusin', (e) => {
      if (e.target instanceof Element && e.target.closest('.monaco-menu-container, .menubar')) window.__menuFocus++;
    }, true);
  });
  const menuFocus = () => page.evaluate(() => window.__menuFocus);
  const sidebarHasFocus = () => page.evaluate(() => document.activeElement?.tagName === 'IFRAME');
  await answer.pressSequentially('Weekend deploys', { delay: 5 });
  if (!rebound) {
    const menuLetters = await page.locator('.menubar .menubar-menu-button[aria-keyshortcuts]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-keyshortcuts').toLowerCase()));
    check(menuLetters.length >= 8, `the menu bar's letters are read from the workbench (${menuLetters.join(', ')})`);
    const clashes = CALL_KEYS.filter((k) => menuLetters.includes(k));
    check(!clashes.length, `no call key is a menu's letter${clashes.length ? ` (${clashes.join(', ')})` : ''}`);
  }
  await page.keyboard.press('Alt+o');
  await landed(async () => (await frame.locator('.tag').first().getAttribute('aria-pressed')) === 'true');
  check((await frame.locator('.tag').first().getAttribute('aria-pressed')) === 'true', `${rebound ? '[rebound] ' : ''}Alt+O tags the answer as Objective, once`);
  check((await answer.inputValue()) === 'Weekend deploys', 'the answer keeps what was typed');
  await page.keyboard.press('Alt+k');
  await settle();
  if (rebound) {
    check((await prompt()) === 1, '[rebound] Alt+K, removed by the user, no longer skips');
    await answer.click();
    await page.keyboard.press('Control+Alt+k');
    await landed(async () => (await prompt()) >= 2);
    check((await prompt()) === 2, "[rebound] the user's Ctrl+Alt+K skips");
    // The user's Alt+E is also the Edit menu's letter: the menu opens, and the sidebar takes the focus back.
    await answer.pressSequentially('Audit', { delay: 5 });
    const before = await menuFocus();
    const metric = frame.locator('.tag').nth(2);
    await page.keyboard.press('Alt+e');
    await landed(async () => (await metric.getAttribute('aria-pressed')) === 'true');
    check((await metric.getAttribute('aria-pressed')) === 'true', "[rebound] the user's Alt+E tags the answer as Metric");
    check((await menuFocus()) > before, '[rebound] Alt+E opened the Edit menu too (a forwarded key cannot be cancelled)');
    check(await sidebarHasFocus(), '[rebound] after Alt+E the sidebar has the focus back');
    await page.keyboard.type('s');
    await landed(async () => (await answer.inputValue()) === 'Audits');
    check((await answer.inputValue()) === 'Audits', `[rebound] the next letter goes into the answer, not into the menu (${JSON.stringify(await answer.inputValue())}, focus on ${await frame.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`)}, menu open: ${await page.locator('.monaco-menu-container').count()})`);
  } else {
    await landed(async () => (await prompt()) >= 2);
    check((await prompt()) === 2, 'Alt+K skips one prompt');
    check((await menuFocus()) === 0 && (await sidebarHasFocus()), 'Alt+O and Alt+K opened no menu; the sidebar kept the focus');
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
  if (!rebound) {
    // The menu bar in the title bar, where its buttons name their Alt letters (the browser's
    // default, 'compact', folds it into one button with the same letters).
    const settings = join(scratch.userData, 'User', 'settings.json');
    writeFileSync(settings, JSON.stringify({ ...JSON.parse(readFileSync(settings, 'utf8')), 'window.menuBarVisibility': 'classic' }, null, 2));
  }
  if (rebound) {
    writeFileSync(
      join(scratch.userData, 'User', 'keybindings.json'),
      JSON.stringify([
        { key: 'ctrl+alt+k', command: 'callCoach.skipPrompt', when: 'callCoach.sidebarFocus && callCoach.callActive' },
        { key: 'alt+k', command: '-callCoach.skipPrompt' },
        { key: 'alt+e', command: 'callCoach.tagMetric', when: 'callCoach.sidebarFocus && callCoach.callActive' },
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
