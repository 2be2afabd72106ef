// The Customers view as a CSM uses it, in the real workbench (see workbench.ts): its rows clicked
// (a customer opens its success plan), a row's context menu opened with the mouse and with the
// keyboard (Shift+F10) and its actions run (Start Call fills the start form; Open Success Plan),
// and the view's title actions driven with clicks and keys: sort (and so group) by health, last
// contact and next due date from the "More Actions" menu, filter through its input box, clear the
// filter. Every step asserts what the tree shows, read from the workbench's own rows.
import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { renderNote } from '../../../src/core/note/render';
import type { CallNote, HealthColor, Objective } from '../../../src/core/note/model';
import { realistic } from '../../unit/core/note/noteFixtures';
import { EE_BASE, monthDate, payload } from '../../unit/core/usage/usagePayloads';
import { closeAfterwards, openWorkbench, type Workbench } from './workbench';

/** YYYY-MM-DD, `offset` days from today (local time, as the extension counts days). */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function note(customer: string, date: string, health: HealthColor, objectives: Objective[]): string {
  const call: CallNote = { ...realistic, id: `${customer}-${date}`, title: 'Discovery', customer, date, health: [{ useCase: 'CI', color: health, reason: 'as the customer tells it' }], objectives };
  return renderNote(call);
}

const objective = (text: string, due: string): Objective => ({ text, status: 'in-progress', origin: 'tagged', owner: '', due, horizon: null, valueDriver: '' });

// Four customers, each first in one order: Acme (Red, 100 days without a call, an objective
// overdue), Initech (Yellow, 45 days, nothing due), Globex (Green, 10 days, an objective due soon),
// and umbrella: usage data imported before any call (Yellow from the data: CI fell in April).
const FILES = {
  'success-plans/umbrella/usage/2026-03-01.json': payload(EE_BASE, { recorded_at: monthDate(2) }),
  'success-plans/umbrella/usage/2026-04-01.json': payload(EE_BASE, { recorded_at: monthDate(3), 'counts.count_total_create_ci_build_monthly': 1000 }),
  [`success-plans/acme-corp/${day(-100)}-discovery.md`]: note('Acme Corp', day(-100), 'red', [objective('Move to GitLab CI', day(-10))]),
  [`success-plans/initech/${day(-45)}-discovery.md`]: note('Initech', day(-45), 'yellow', []),
  [`success-plans/globex/${day(-10)}-discovery.md`]: note('Globex', day(-10), 'green', [objective('Weekly releases', day(20))]),
};

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const BY_HEALTH = ['Red (1)', '  Acme Corp', 'Yellow (2)', '  umbrella', '  Initech', 'Green (1)', '  Globex'];

/** The extension's log files (its LogOutputChannel under the scratch user-data dir), for a failure's report. */
function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? logFiles(join(dir, e.name)) : /Call Coach\.log$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the Customers view, clicked and keyed in the real workbench', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let page: Page;
  const pane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Customers/ }) }).first();
  const header = () => pane().locator('.pane-header').first();
  const rows = () => pane().locator('.monaco-list-row');
  const row = (name: string) => pane().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();

  /** What the tree shows, top to bottom: groups as "Red (1)", customers indented under them. */
  function shown(): Promise<string[]> {
    // Read in one go in the page (the list re-renders between reads); rows in list order, which is
    // their data-index, not their order in the DOM (the list reuses row elements).
    return rows().evaluateAll((els) =>
      els
        .map((r) => ({ index: Number(r.getAttribute('data-index')), level: r.getAttribute('aria-level'), name: r.querySelector('.label-name')?.textContent?.trim() ?? '' }))
        .sort((x, y) => x.index - y.index)
        .map((r) => (r.level === '1' ? r.name : `  ${r.name}`)),
    );
  }

  /** Waits until the tree shows exactly `expected`. */
  async function treeShows(expected: string[]): Promise<void> {
    let seen: string[] = [];
    await until(`the Customers tree to show ${JSON.stringify(expected)}`, async () => {
      seen = await shown();
      return JSON.stringify(seen) === JSON.stringify(expected);
    }).catch((err: Error) => {
      throw new Error(`${err.message}; it shows ${JSON.stringify(seen)}`);
    });
  }

  /** A title action of the view, by its label (the actions show while the pointer is on the header). */
  async function titleAction(label: RegExp): Promise<Locator> {
    await header().hover();
    for (const a of await header().locator('.actions .action-label').all()) {
      const aria = (await a.getAttribute('aria-label')) ?? (await a.getAttribute('title')) ?? '';
      if (label.test(aria)) return a;
    }
    throw new Error(`no title action ${label} on the Customers view`);
  }

  /** The label of the open menu's focused item, or '' (read at once: no waiting for one). */
  const focusedMenuItem = async () => ((await page.locator('.monaco-menu .action-item.focused .action-label').allInnerTexts())[0] ?? '').trim();

  /** The open context menu's item, by its label. */
  const menuItem = (label: string) => page.locator('.monaco-menu .action-item .action-label', { hasText: new RegExp(`^${label}$`) }).first();

  before(async () => {
    wb = await openWorkbench({ files: FILES, settings: { 'callCoach.openNoteAfterFinish': 'none', 'callCoach.commitAfterFinish': 'never' } });
    page = wb.page;
    await wb.sidebar('Customer');
    await header().waitFor({ state: 'visible', timeout: 60_000 });
    if ((await header().getAttribute('aria-expanded')) !== 'true') await header().click();
  });
  closeAfterwards(() => wb);
  // A menu left open by a failed step would swallow the next test's clicks and keys: close it.
  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.locator('.context-view .monaco-menu').count()) > 0; i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(100);
    }
  });
  const extensionLog = () => logFiles(join(dirname(wb.workspace), 'user-data', 'logs')).map((f) => readFileSync(f, 'utf8')).join('\n') || '(no log file)';

  it('lists every customer grouped by health (Red first), each row saying its figures to a screen reader', async () => {
    await treeShows(BY_HEALTH);
    const acme = await row('Acme Corp').getAttribute('aria-label');
    assert.match(acme ?? '', /^Acme Corp: /);
    assert.match(acme ?? '', /1 overdue/);
    // A customer with usage data and no call yet: listed, its health from the data.
    const umbrella = (await row('umbrella').getAttribute('aria-label')) ?? '';
    assert.match(umbrella, /^umbrella: Health Yellow \(usage data\), no calls yet, /);
    assert.match(umbrella, /usage alert: CI went Green → Yellow/);
    assert.match((await pane().locator('.pane-header .description').first().innerText().catch(() => '')) || '', /by health/);
  });

  it('sorts and groups from the title bar’s More Actions menu: by last contact with a click, by next due date with the keys', async () => {
    await (await titleAction(/^More Actions/)).click();
    await menuItem('Sort by Last Contact').click();
    await treeShows(['No calls yet (1)', '  umbrella', 'Over 90 days ago (1)', '  Acme Corp', '31–90 days ago (1)', '  Initech', 'In the last 30 days (1)', '  Globex']);
    assert.match(await header().innerText(), /by last contact/);

    // The keyboard: the menu opened, its items walked with the arrow keys to the one wanted.
    await (await titleAction(/^More Actions/)).click();
    await menuItem('Sort by Next Due Date').waitFor({ state: 'visible' });
    for (let i = 0; i < 6; i++) {
      const focused = await focusedMenuItem();
      if (focused === 'Sort by Next Due Date') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await treeShows(['Overdue objectives (1)', '  Acme Corp', 'Objectives due (1)', '  Globex', 'Nothing due (2)', '  Initech', '  umbrella']);
    assert.match(await header().innerText(), /by next due date/);

    await (await titleAction(/^More Actions/)).click();
    await menuItem('Sort by Health').click();
    await treeShows(BY_HEALTH);
  });

  it('filters by text through the title bar’s filter and its input box, then clears the filter', async () => {
    await (await titleAction(/^Filter Customers/)).click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Filter Customers' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.type('glo', { delay: 10 });
    await page.keyboard.press('Enter');
    await treeShows(['Green (1)', '  Globex']);
    await pane().locator('.message', { hasText: /Filtered by “glo”: 1 of 4 customers/ }).first().waitFor({ state: 'visible', timeout: 10_000 });

    // While filtered, the filter button is Clear Customer Filter.
    await (await titleAction(/^Clear Customer Filter/)).click();
    await treeShows(BY_HEALTH);
    await (await titleAction(/^Filter Customers/)).click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Filter Customers' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // Every word must match, in the name, the folder or a usage alert, in any order.
    await page.keyboard.type('went ci', { delay: 10 });
    await page.keyboard.press('Enter');
    await treeShows(['Yellow (1)', '  umbrella']);
    await (await titleAction(/^Clear Customer Filter/)).click();
    await treeShows(BY_HEALTH);
  });

  it('a click on a customer opens its success plan (written first when there is none)', async () => {
    const plan = join(wb.workspace, 'success-plans', 'globex', 'success-plan.md');
    assert.ok(!existsSync(plan), 'no plan before the click');
    await row('Globex').click();
    await page.locator('.tabs-container .tab', { hasText: 'success-plan.md' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'Success plan: Globex' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(existsSync(plan), 'the plan was written');
  });

  it('then a right-click on that row: its context menu’s Start Call opens the start form with the customer filled in', async () => {
    // The natural order: the row was just clicked, so its plan was written and the view re-read
    // that customer. The menu's command must still get the row it was opened on.
    await row('Globex').click({ button: 'right' });
    await menuItem('Start Call').waitFor({ state: 'visible', timeout: 10_000 });
    // The customer's actions, in their groups: the call, the plan, usage data.
    const labels = (await page.locator('.monaco-menu .action-item .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    assert.deepStrictEqual(labels, ['Start Call', 'Open Success Plan', 'Update Success Plan', 'Copy Call Summary', 'Import Usage Data']);
    await menuItem('Start Call').click();
    // The sidebar's frame read afresh each time: the view may be made anew as it takes the focus.
    await until('the start form to hold Globex', async () => (await (await wb.sidebar('Customer')).locator('#f-customer').inputValue({ timeout: 1000 })) === 'Globex').catch((err: Error) => {
      console.log(`[ui] Call Coach's log:\n${extensionLog()}`);
      throw err;
    });
  });

  it('a row’s context menu, by keyboard (Shift+F10): Open Success Plan', async () => {
    // Close the editors so the plan opening is seen afresh.
    await wb.palette('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 });
    // Focus the tree's row by clicking the group above it, then walk to Acme with the arrow keys.
    const red = row('Red \\(1\\)');
    await red.click();
    // A click on a group toggles it: open it again from the keyboard (Right opens a closed group).
    if ((await red.getAttribute('aria-expanded')) === 'false') await page.keyboard.press('ArrowRight');
    await until('the Red group to be open', async () => (await red.getAttribute('aria-expanded')) === 'true');
    await page.keyboard.press('ArrowDown');
    await until('Acme Corp to be the focused row', async () => ((await pane().locator('.monaco-list-row.focused .label-name').first().innerText()).trim() === 'Acme Corp'));
    await page.keyboard.press('Shift+F10');
    await menuItem('Open Success Plan').waitFor({ state: 'visible', timeout: 10_000 });
    for (let i = 0; i < 8; i++) {
      const focused = await focusedMenuItem();
      if (focused === 'Open Success Plan') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'Success plan: Acme Corp' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(existsSync(join(wb.workspace, 'success-plans', 'acme-corp', 'success-plan.md')));
  });
});

describe('the Customers view of a workspace without call notes', function () {
  this.timeout(300_000);
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  closeAfterwards(() => wb);

  it('says there are no customers yet (once read), rather than showing an empty pane', async () => {
    const pane = wb.page.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Customers' }) }).first();
    const header = pane.locator('.pane-header').first();
    await header.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await pane.getByText('No customers with call notes yet. Finish a call and its customer shows here.').waitFor({ state: 'visible', timeout: 60_000 });
  });
});
