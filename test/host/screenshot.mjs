#!/usr/bin/env node
// Opens the workbench with Call Coach (as `npm start` does, in headless Chromium at 1400x900),
// clicks the Call Coach activity-bar item, waits for the sidebar webview to show content and
// writes a PNG.   node test/host/screenshot.mjs [out.png]   (default test-results/sidebar.png)
// The workspace is the one `npm start` opens (test/host/sample.mjs); --customer "<name>" types a
// customer into the start form first, so the shot shows that customer's coverage gaps.
//
// --call [DIR]: drives a whole call through the real sidebar UI with the keyboard and mouse, as a
// CSM would, and writes three PNGs to DIR (default media/screenshots):
//   sidebar-start.png  the start form, before anything is typed
//   sidebar-call.png   mid-call: Customer "Acme Corp" + Enter, an answer, Ctrl+Enter, another answer
//   call-note.png      after Alt+L, a jump to the last technique, an answer and Finish: the written
//                      note open in the editor, the start form back in the sidebar
// The sidebar shots are cropped to the activity bar and sidebar, the note to the workbench without
// its status bar; each should stay under 150 KB (a warning says when one does not).
//
// --customers [DIR]: a notes folder of six customers (written with the project's own renderNote),
// one of them (Globex Logistics) with the sample customer's monthly usage snapshots, and a seventh
// (Stark Freight) with usage data and no call yet; then through the real workbench: the Customers view read and shown, a click on a customer (its
// plan opens), the view's Update Portfolio button, and portfolio.md opened from the notification,
// with its Markdown preview beside it. Writes customers.png and portfolio.png to DIR (default
// media/screenshots). Needs `npx tsc -p test` (out/src) as well as the build.
//
// --native [DIR]: how Call Coach sits in VS Code, PNGs to DIR (default test-results/native):
//   usage-import.png         Call Coach: Import Usage Data from the palette (this month's Service
//                            Ping payload for the sample customer, its folder typed into VS Code's
//                            own open dialog), Open Success Plan, and the plan's Usage section in
//                            the Markdown preview: what media/walkthrough/usage-data.svg is drawn from
//   then for each High Contrast theme (hc-dark: Default High Contrast, hc-light: its Light twin):
//   walkthrough-<theme>.png        Welcome: Open Walkthrough… > Get Started with Call Coach
//   walkthrough-usage-<theme>.png  the same with its "Import usage data" step opened
//   keyboard-shortcuts-<theme>.png Preferences: Open Keyboard Shortcuts, filtered to "Call Coach"
//   sidebar-<theme>.png            a call in the sidebar
//
// Builds first unless --no-build. Exit code 1 if the sidebar never showed content or a step failed.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { prepareSampleWorkspace } from './sample.mjs';
import { buildExtension, copySampleWorkspace, findWebviewText, launchBrowser, linkExtension, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from './server.mjs';

const argv = process.argv.slice(2);
const callMode = argv.includes('--call');
const nativeMode = argv.includes('--native');
const customerAt = argv.indexOf('--customer');
const customerArg = customerAt >= 0 ? argv[customerAt + 1] : undefined;
const positional = argv.find((a, i) => !a.startsWith('--') && (customerAt < 0 || i !== customerAt + 1));
const customersMode = argv.includes('--customers');
const out = resolve(positional ?? (callMode || customersMode ? join(REPO_ROOT, 'media', 'screenshots') : nativeMode ? join(REPO_ROOT, 'test-results', 'native') : join(REPO_ROOT, 'test-results', 'sidebar.png')));
const say = (m) => console.log(`[screenshot] ${m}`);
const VIEWPORT = { width: 1280, height: 800 };

/** Waits for the sidebar's content to settle: not the loading placeholder, unchanged for a second. */
async function settledSidebar(page, { contains, timeoutMs = 60_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let found;
  let stableSince = 0;
  let lastText = '';
  while (Date.now() < deadline) {
    found = await findWebviewText(page, contains ? { contains } : {});
    const text = found?.text.trim() ?? '';
    if (text && text !== lastText) stableSince = Date.now();
    lastText = text;
    if (text && !/^Loading\b/i.test(text) && Date.now() - stableSince >= 1000) return found;
    await page.waitForTimeout(250);
  }
  return undefined;
}

/** The workbench minus the status bar; with `sidebarOnly`, just the activity bar and sidebar. */
async function workbenchClip(page, { sidebarOnly = false } = {}) {
  const bar = await page.locator('.part.statusbar').boundingBox().catch(() => null);
  const sidebar = sidebarOnly ? await page.locator('.part.sidebar').boundingBox().catch(() => null) : null;
  const width = sidebar ? Math.ceil(sidebar.x + sidebar.width) + 4 : VIEWPORT.width;
  return { x: 0, y: 0, width, height: bar ? Math.round(bar.y) : VIEWPORT.height };
}

const MAX_KB = 150;

async function shoot(page, file, clipOptions) {
  mkdirSync(dirname(file), { recursive: true });
  await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5); // no hover effects or tooltips
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, clip: await workbenchClip(page, clipOptions) });
  const kb = statSync(file).size / 1024;
  say(`wrote ${file} (${kb.toFixed(0)} KB)${kb > MAX_KB ? ` — WARNING: over ${MAX_KB} KB` : ''}`);
}

/** Where keyboard focus is: a workbench part, or inside the sidebar webview. */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '(nothing)';
    const part = el.closest('.part');
    const where = part ? [...part.classList].filter((c) => c !== 'part').join('.') : '(outside any part)';
    return `${where}: <${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className.slice(0, 60)}"` : ''}>`;
  });
}

/** The call, driven through the real webview: the steps in the header comment. */
async function driveCall(page, workspace) {
  const start = await settledSidebar(page, { contains: 'Customer' });
  if (!start) throw new Error('the start form never showed');
  const frame = start.frame;
  await shoot(page, join(out, 'sidebar-start.png'), { sidebarOnly: true });

  const customer = frame.locator('#f-customer');
  await customer.click();
  await customer.pressSequentially('Acme Corp', { delay: 20 });
  await customer.press('Enter');

  const answer = frame.locator('textarea#answer');
  await answer.waitFor({ state: 'visible', timeout: 30_000 });
  const firstQuestion = await frame.locator('#question').innerText();
  await answer.pressSequentially('Their last release slipped two weeks; the team is tired of weekend deploys.', { delay: 5 });
  await answer.press('Control+Enter');
  await frame.waitForFunction((q) => document.querySelector('#question')?.textContent !== q, firstQuestion, { timeout: 10_000 });
  const second = frame.locator('#answer');
  await second.waitFor({ state: 'visible' });
  await second.pressSequentially('Fewer manual steps between merge and production.', { delay: 5 });
  await page.waitForTimeout(500); // the answer debounce, and the caret settles
  await shoot(page, join(out, 'sidebar-call.png'), { sidebarOnly: true });

  // Alt+L opens the technique list with the current one focused; jump to the last technique.
  await page.keyboard.press('Alt+l');
  const nav = frame.locator('.technique-nav ol button');
  await nav.first().waitFor({ state: 'visible', timeout: 10_000 });
  await nav.last().click();
  const last = frame.locator('#answer');
  await last.waitFor({ state: 'visible', timeout: 10_000 });
  if ((await last.evaluate((el) => el.tagName)) === 'TEXTAREA') await last.pressSequentially('Dana runs the platform team; loop in Sam for budget.', { delay: 5 });
  // Ctrl+Enter through the rest of the prompts to the wrap-up, then once more: Finish.
  for (let i = 0; i < 30 && !(await frame.locator('.wrap-up').count()); i++) {
    await page.keyboard.press('Control+Enter');
    await page.waitForTimeout(150);
  }
  if (!(await frame.locator('.wrap-up').count())) throw new Error('never reached the wrap-up screen');
  await page.keyboard.press('Control+Enter');

  // The note opens in an editor; the sidebar goes back to the start form with "Saved …".
  const saved = await settledSidebar(page, { contains: 'Saved', timeoutMs: 30_000 });
  if (!saved) throw new Error('the sidebar never said where the note was saved');
  const notes = readdirSync(join(workspace, 'success-plans', 'acme-corp'));
  say(`note written: success-plans/acme-corp/${notes.join(', ')}`);
  await page.locator('.tabs-container .tab', { hasText: notes[0] }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible' });
  await page.waitForTimeout(1000);
  say(`keyboard focus after Finish: ${await describeFocus(page)}`);
  await shoot(page, join(out, 'call-note.png'));
}

/** Six customers' notes, as Call Coach writes them (out/src/core/note/render.js, from `npx tsc -p test`). */
function writeCustomers(workspace) {
  const { renderNote } = createRequire(import.meta.url)(join(REPO_ROOT, 'out', 'src', 'core', 'note', 'render.js'));
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const objective = (text, status, due, owner = '') => ({ text, status, origin: 'tagged', owner, due, horizon: 6, valueDriver: '' });
  const customers = [
    ['Acme Corp', -3, [['CI', 'red', 'Runners down during deploys'], ['SCM', 'green', '']], [objective('Release weekly instead of monthly', 'at-risk', day(-10), 'Dana Reyes'), objective('Retire Jenkins', 'in-progress', day(12), 'Sam Ito')]],
    ['Globex Logistics', -45, [['CI', 'yellow', 'Pilot stalled']], [objective('Cut pipeline time in half', 'in-progress', day(20))]],
    ['Initech Labs', -120, [['Security', 'yellow', 'Scans only before release']], [objective('Shift security left', 'not-started', day(-30)), objective('Pass the SOC 2 audit', 'in-progress', day(60))]],
    ['Umbrella Health', -8, [['CI', 'green', 'Adoption growing'], ['CD', 'green', '']], [objective('One DORA dashboard', 'done', day(-5)), objective('Onboard in under a week', 'in-progress', day(40))]],
    ['Hooli Media', -200, [], [objective('Consolidate onto one instance', 'not-started', '')]],
    ['Wayne Energy', -15, [['SCM', 'green', '']], [objective('Adopt merge trains', 'in-progress', day(5), 'Lucía García')]],
  ];
  for (const [customer, offset, health, objectives] of customers) {
    const folder = join(workspace, 'success-plans', customer.toLowerCase().replace(/\W+/g, '-'));
    mkdirSync(folder, { recursive: true });
    const note = {
      id: `call-${folder}`,
      title: 'Quarterly review',
      customer,
      date: day(offset),
      callType: 'Sync',
      attendees: ['Dana Reyes'],
      techniques: ['ted'],
      stages: ['verify'],
      tags: ['call-note'],
      objectives,
      adoption: [],
      metrics: [],
      health: health.map(([useCase, color, reason]) => ({ useCase, color, reason })),
      durationMinutes: 40,
      sections: [],
      actionItems: [{ text: 'Send the follow-up summary', done: false }],
    };
    writeFileSync(join(folder, `${note.date}-quarterly-review.md`), renderNote(note));
  }
  // Usage data (the sample customer's snapshots, test/fixtures/sample-customer): Globex's health
  // then comes from the data, with its alert; Stark Freight has data and no call yet.
  const snapshots = join(REPO_ROOT, 'test', 'fixtures', 'sample-customer', 'success-plans', 'northwind-logistics', 'usage');
  for (const [folder, months] of [['globex-logistics', 3], ['stark-freight', 2]]) {
    const usage = join(workspace, 'success-plans', folder, 'usage');
    mkdirSync(usage, { recursive: true });
    for (const name of readdirSync(snapshots).filter((f) => f.endsWith('.json')).sort().slice(-months)) writeFileSync(join(usage, name), readFileSync(join(snapshots, name)));
  }
}

/** The Customers view and portfolio.md, through the real workbench: the steps in the header comment. */
async function driveCustomers(page) {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Customers' }) }).first();
  await pane.waitFor({ state: 'visible', timeout: 60_000 });
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const row = pane.locator('.monaco-list-row', { hasText: 'Acme Corp' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForTimeout(1500);
  await shoot(page, join(out, 'customers.png'), { sidebarOnly: true });
  say(`Customers view rows: ${(await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')).join(' | ')}`);

  await row.click();
  await page.locator('.tabs-container .tab', { hasText: 'success-plan.md' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  say('clicking Acme Corp opened its success-plan.md');

  await header.hover();
  await pane.locator('a.action-label[aria-label="Update Portfolio"]').first().click();
  const open = page.locator('.notification-toast a.monaco-button, .notification-toast .monaco-button', { hasText: 'Open Portfolio' }).first();
  await open.waitFor({ state: 'visible', timeout: 30_000 });
  await open.click();
  await page.locator('.tabs-container .tab', { hasText: 'portfolio.md' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Control+k');
  await page.keyboard.press('v');
  // The preview is a webview that fills in late under load: wait for its table, not for a while.
  const deadline = Date.now() + 60_000;
  let preview;
  while (!(preview = await findWebviewText(page, { contains: 'Due in the next 30 days' }).catch(() => undefined)) && Date.now() < deadline) await page.waitForTimeout(500);
  if (!preview) throw new Error('the Markdown preview of portfolio.md never showed its content');
  await preview.frame.locator('table').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(500); // its images and styles settle
  say(`portfolio.md preview shows: ${preview.text.replace(/\s+/g, ' ').slice(0, 300)}`);
  await shoot(page, join(out, 'portfolio.png'));
}


/** Runs a command from the Command Palette as a user would: F1, its title, Enter. */
async function runFromPalette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${title}`);
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
}

/**
 * This month's Service Ping payload for the sample customer, who already has monthly snapshots
 * (test/fixtures/sample-customer): the latest one, recorded on the 1st of this month, its counts
 * grown by 5%. Nested as GitLab sends it; the import trims it again.
 */
function writePayloads(folder, workspace) {
  const usage = join(workspace, 'success-plans', 'northwind-logistics', 'usage');
  const latest = readdirSync(usage).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort().at(-1);
  if (!latest) throw new Error(`the sample customer has no usage snapshots in ${usage}`);
  const payload = JSON.parse(readFileSync(join(usage, latest), 'utf8'));
  const now = new Date();
  payload.recorded_at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 10)).toISOString();
  for (const [key, value] of Object.entries(payload.counts ?? {})) if (typeof value === 'number') payload.counts[key] = Math.round(value * 1.05);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `service-ping-${payload.recorded_at.slice(0, 7)}.json`), JSON.stringify(payload, null, 2));
}

/** Import Usage Data from the palette as a CSM does it, then the plan's Usage section in the preview. */
async function shootUsageImport(page, payloads) {
  await runFromPalette(page, 'Call Coach: Import Usage Data');
  const title = (re) => page.locator('.quick-input-widget .quick-input-title', { hasText: re }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await title(/Service Ping payloads/);
  // VS Code's open dialog in the web workbench: it fills its box with the workspace folder first,
  // then the folder's path replaces all of it.
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  for (let i = 0; i < 20 && (await input.inputValue()) !== payloads; i++) {
    await input.fill(payloads);
    await page.waitForTimeout(500);
  }
  await page.locator('.quick-input-widget .quick-input-action a, .quick-input-widget .monaco-button', { hasText: 'Import' }).first().click();
  await title(/which customer is this usage data for/);
  await page.keyboard.type('Northwind', { delay: 10 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Northwind Logistics' }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  // "Customer since" is asked only when the plan does not say it yet (the sample's does).
  const since = page.locator('.quick-input-widget .quick-input-title', { hasText: /when did .* buy GitLab/ }).first();
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Usage data (for Northwind Logistics|not imported)/ }).first();
  await since.or(toast).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (await since.isVisible()) {
    await page.keyboard.type('2026-02', { delay: 10 });
    await page.keyboard.press('Enter');
  }
  await toast.waitFor({ state: 'visible', timeout: 60_000 });
  say(`notification: ${(await toast.innerText()).replace(/\s+/g, ' ')}`);
  await toast.locator('.monaco-button', { hasText: 'Open Success Plan' }).first().click();
  await page.locator('.tabs-container .tab', { hasText: 'success-plan.md' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await runFromPalette(page, 'Markdown: Open Preview');
  let usage;
  for (let i = 0; i < 60 && !usage; i++) {
    usage = await findWebviewText(page, { contains: 'License utilization' });
    if (!usage) await page.waitForTimeout(500);
  }
  if (!usage) throw new Error('the preview never showed the Usage section');
  // The preview first follows the editor's scroll position; then the Usage heading is scrolled up.
  await page.waitForTimeout(2000);
  for (let i = 0; i < 3; i++) {
    await usage.frame.evaluate(() => [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'Usage')?.scrollIntoView());
    await page.waitForTimeout(700); // and the chart image
  }
  await shoot(page, join(out, 'usage-import.png'));
  await runFromPalette(page, 'View: Close All Editors');
}

const THEMES = [
  // The picker lists "Default High Contrast" as "Dark High Contrast", its light twin as "Light High Contrast".
  ['hc-dark', 'Dark High Contrast', 'hc-black'],
  ['hc-light', 'Light High Contrast', 'hc-light'],
];

/** The --native screenshots: see the header comment. */
async function shootNative(page, payloads) {
  await shootUsageImport(page, payloads);
  for (const [name, row, css] of THEMES) {
    await runFromPalette(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input.input').fill('High Contrast');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: row }).first().click();
    await page.locator(`.monaco-workbench.${css}`).waitFor({ timeout: 30_000 });
    if (await page.locator('.part.sidebar').isVisible()) await runFromPalette(page, 'View: Close Primary Side Bar'); // room for the step's image
    await runFromPalette(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Call Coach' }).first().click();
    const walkthrough = page.locator('.gettingStartedContainer', { hasText: 'Start a first call' }).first();
    await walkthrough.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(1500); // the step's SVG
    await shoot(page, join(out, `walkthrough-${name}.png`));
    const steps = (await page.locator('.gettingStartedContainer button.getting-started-step h3.step-title').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    say(`walkthrough steps (${name}): ${steps.join(' | ')}`);
    await page.locator('.gettingStartedContainer button.getting-started-step[data-step-id$="importUsageData"]').first().click();
    await page.waitForTimeout(1500);
    await shoot(page, join(out, `walkthrough-usage-${name}.png`));
    await runFromPalette(page, 'View: Close All Editors');

    await runFromPalette(page, 'Preferences: Open Keyboard Shortcuts');
    // The editor opens with its search box focused.
    await page.locator('.keybindings-editor .keybindings-header').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.keyboard.type('Call Coach');
    await page.locator('.keybindings-table-container .monaco-list-row', { hasText: 'Tag Answer' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(800);
    await shoot(page, join(out, `keyboard-shortcuts-${name}.png`));
    const rows = await page.locator('.keybindings-table-container .monaco-list-row').allInnerTexts();
    say(`Keyboard Shortcuts rows (${name}, first ${rows.length} shown): ${rows.slice(0, 6).map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
    // It opens as a modal editor, which keeps F1 to itself: its close button.
    await page.locator('.keybindings-editor').press('Escape').catch(() => {});
    await page.locator('[aria-label^="Close"]:visible').first().click().catch(() => {});
    await page.locator('.keybindings-editor').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    if (!row) continue;

    // A call in the sidebar: the customer and Enter on the start form (once), an answer, Alt+O.
    await openActivity(page, 'Call Coach');
    // Not settledSidebar once the call runs: its timer changes the text every second.
    let found;
    for (let i = 0; i < 240 && !found; i++) {
      found = await findWebviewText(page).catch(() => undefined); // the sidebar: no other webview is open
      if (!found || /^Loading\b/i.test(found.text.trim())) {
        found = undefined;
        await page.waitForTimeout(250);
      }
    }
    if (!found) throw new Error('the sidebar never showed');
    const answer = found.frame.locator('textarea#answer');
    if (!(await answer.count())) {
      await found.frame.locator('#f-customer').fill('Acme Corp');
      await found.frame.locator('#f-customer').press('Enter');
      await answer.waitFor({ state: 'visible', timeout: 30_000 });
      await answer.pressSequentially('Weekend deploys wear the team out.', { delay: 5 });
      await page.keyboard.press('Alt+o');
    }
    await page.waitForTimeout(1500); // the webview picks up the theme's colours
    await shoot(page, join(out, `sidebar-${name}.png`), { sidebarOnly: true });
  }
}

async function main() {
  buildExtension(argv.includes('--no-build'));
  const paths = ensureHost({ quiet: true });
  const scratch = makeScratch();
  // The plain shot shows what `npm start` opens (the sample customer); the call is driven on the
  // bare workspace, for a customer without history.
  const workspace = callMode || customersMode ? copySampleWorkspace(scratch.root) : prepareSampleWorkspace(join(scratch.root, 'sample-workspace')).target;
  if (customersMode) writeCustomers(workspace);
  if (nativeMode) writePayloads(join(scratch.root, 'northwind-service-ping'), workspace);
  linkExtension(scratch, REPO_ROOT);
  const server = startServer({ paths, scratch });
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const { baseUrl } = await server.ready;
    const launched = await launchBrowser({ chromium: paths.chromium, ...(callMode || customersMode || nativeMode ? { viewport: VIEWPORT } : {}) });
    browser = launched.browser;
    const { page } = launched;
    await page.goto(workbenchUrl({ baseUrl, folder: workspace }), { waitUntil: 'domcontentloaded' });
    if (nativeMode) {
      await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 120_000 });
      // Call Coach's contributions are in (its activity-bar item shows) before the palette is used.
      await page.locator('a.action-label[aria-label^="Call Coach"]').first().waitFor({ state: 'visible', timeout: 60_000 });
      await shootNative(page, join(scratch.root, 'northwind-service-ping'));
      return;
    }
    await openActivity(page, 'Call Coach');
    if (callMode) {
      await driveCall(page, workspace);
      return;
    }
    if (customersMode) {
      await driveCustomers(page);
      return;
    }
    let found = await settledSidebar(page);
    if (found && customerArg) {
      const field = found.frame.locator('#f-customer');
      await field.click();
      await field.pressSequentially(customerArg, { delay: 20 });
      found = await settledSidebar(page, { contains: `Not yet covered with ${customerArg}`, timeoutMs: 30_000 });
      await page.mouse.move(5, 895); // no tooltip over the form
    }
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    if (!found) {
      say(`the Call Coach sidebar showed no content within 60 s; screenshot of what was there: ${out}`);
      process.exitCode = 1;
    } else {
      say(`sidebar shows: ${found.text.trim().replace(/\s+/g, ' ').slice(0, 160)}...`);
      say(`wrote ${out}`);
    }
  } catch (err) {
    if (browser) {
      const page = browser.contexts()[0]?.pages()[0];
      const failed = join(REPO_ROOT, 'test-results', 'screenshot-failure.png');
      mkdirSync(dirname(failed), { recursive: true });
      await page?.screenshot({ path: failed }).then(() => say(`what the page showed: ${failed}`), () => {});
    }
    throw err;
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(`[screenshot] ERROR: ${err?.stack ?? err}`);
  process.exit(1);
});
