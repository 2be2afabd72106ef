// Usage data as a CSM uses it, in the real workbench (see workbench.ts): Call Coach: Import Usage
// Data from the palette, its open dialog, customer pick and "customer since" answered by keyboard;
// then a Stage adoption review call started, steered and finished by keys and clicks in the
// sidebar webview's own DOM. The scorecard starts ticked from the data, the CSM unticks one
// criterion, and what the extension wrote is read back from disk: the note (the data and the CSM's
// judgement), the plan's Usage section and the chart file; portfolio.md rewritten after the import.
import * as assert from 'assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderNote } from '../../../src/core/note/render';
import { realistic } from '../../unit/core/note/noteFixtures';
import { EE_BASE, monthDate, payload } from '../../unit/core/usage/usagePayloads';
import { openWorkbench, type Workbench } from './workbench';

const CUSTOMER = 'Umbrella Usage';
const FOLDER = 'umbrella-usage';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The quick input (palette, pick, input box, simple file dialog) once it shows `title`. */
async function quickInput(page: Page, title: RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

const read = (file: string) => readFileSync(file, 'utf8');
/** The file's text, or undefined while it is missing (the plan is replaced by a rename). */
const readIfThere = (file: string) => {
  try {
    return read(file);
  } catch {
    return undefined;
  }
};

describe('usage data in the real workbench', function () {
  this.timeout(420_000);
  let wb: Workbench;
  let payloads: string;
  const customerDir = () => join(wb.workspace, 'success-plans', FOLDER);

  before(async () => {
    // Four monthly payloads as a GitLab admin downloads them: CI pipelines grow every month, and in
    // April CI builds fall (CI goes Green → Yellow).
    payloads = mkdtempSync(join(tmpdir(), 'call-coach-ui-usage-'));
    const monthly = join(payloads, 'umbrella-service-ping');
    mkdirSync(monthly);
    for (const i of [0, 1, 2, 3]) {
      writeFileSync(join(monthly, `service-ping-2026-0${i + 1}.json`), payload(EE_BASE, { recorded_at: monthDate(i), 'counts.ci_internal_pipelines': 1000 * (i + 1), ...(i === 3 ? { 'counts.count_total_create_ci_build_monthly': 1000 } : {}) }));
    }
    // A returning customer: one call on 2026-03-20, between the March and April snapshots.
    const lastCall = renderNote({ ...realistic, id: 'umbrella-usage-1', customer: CUSTOMER, title: 'Discovery', date: '2026-03-20' });
    wb = await openWorkbench({ files: { [`success-plans/${FOLDER}/2026-03-20-discovery.md`]: lastCall } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.keepFailure(this.currentTest.fullTitle());
  });

  after(async () => {
    await wb?.close();
    rmSync(payloads, { recursive: true, force: true });
  });

  it('Import Usage Data from the palette: a folder of monthly payloads for a customer, customer since asked once', async () => {
    const { page } = wb;
    await wb.sidebar('Customer');
    await wb.palette('Call Coach: Import Usage Data');
    // The open dialog (VS Code's own, in the web workbench): the folder's path typed, then Import.
    await quickInput(page, /Service Ping payloads/);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // The dialog fills its box with the workspace folder and lists it first; then the path
    // replaces all of it (typed again should the dialog still be settling).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'success-plans' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const folder = join(payloads, 'umbrella-service-ping');
    await until('the dialog to hold the folder path', async () => {
      if ((await input.inputValue()) !== folder) await input.fill(folder);
      await page.waitForTimeout(500);
      return (await input.inputValue()) === folder ? true : undefined;
    }, 30_000);
    await page.locator('.quick-input-widget .quick-input-action a, .quick-input-widget .monaco-button', { hasText: 'Import' }).first().click();
    // Which customer: a new one, typed.
    await quickInput(page, /which customer is this usage data for/);
    await page.keyboard.type('Umbrella', { delay: 10 });
    // The picker writes dates as the display language does (English here).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'last call Mar 20, 2026' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    // Customer since: a month that is not a month is refused in the box; then a real one.
    await quickInput(page, /when did .* buy GitLab/);
    await page.keyboard.type('2025-6x', { delay: 10 });
    await page.locator('.quick-input-widget .quick-input-message', { hasText: /YYYY-MM/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('2025-06', { delay: 10 });
    await page.keyboard.press('Enter');

    const toast = await wb.notification(/Usage data for Umbrella Usage/);
    assert.match(toast, /4 monthly snapshots stored/);
    const usage = join(customerDir(), 'usage');
    assert.deepStrictEqual(readdirSync(usage).filter((f) => f.endsWith('.json')).sort(), ['2026-01-01.json', '2026-02-01.json', '2026-03-01.json', '2026-04-01.json']);
    const snapshot = read(join(usage, '2026-04-01.json'));
    for (const secret of ['gitlab.acme.example', 'jane@acme.example', '0b5a2f7e', 'c4ca4238', 'license_id']) assert.ok(!snapshot.includes(secret), `the snapshot keeps ${secret}`);
    assert.strictEqual(JSON.parse(snapshot).counts.ci_internal_pipelines, 4000);
    const plan = await until('the plan', () => readIfThere(join(customerDir(), 'success-plan.md')));
    assert.match(plan, /^---\n(?:.*\n)*customerSince: 2025-06\n(?:.*\n)*---\n/);
    // portfolio.md is rewritten after an import as after a call (callCoach.updatePortfolioAfterCall,
    // on by default): the customer's health now comes from the data, with the April alert.
    const portfolio = await until('portfolio.md with health from usage data', () => {
      const t = readIfThere(join(wb.workspace, 'success-plans', 'portfolio.md'));
      return t?.includes('(usage data)') ? t : undefined;
    });
    assert.match(portfolio, /\| \[Umbrella Usage\]\(umbrella-usage\/success-plan\.md\) \| Yellow \(usage data\) \|.*\| CI went Green → Yellow since the last call \|/);
  });

  it('a Stage adoption review starts ticked from the data; the CSM unticks one; Finish writes the data and the judgement, the plan its Usage section and chart', async () => {
    const { page } = wb;
    const form = await wb.sidebar('Customer');
    await form.locator('#f-type').selectOption('stage-adoption-review');
    const customer = form.locator('#f-customer');
    await customer.click();
    await customer.press('ControlOrMeta+a');
    await customer.pressSequentially(CUSTOMER, { delay: 10 });
    // The start form warns before the call: its coverage gaps open with the usage alert first.
    const gaps = form.locator('summary', { hasText: `Not yet covered with ${CUSTOMER}` }).first();
    await gaps.waitFor({ state: 'visible', timeout: 30_000 });
    await gaps.click();
    const firstGroup = form.locator('.gap-group').first();
    await firstGroup.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await firstGroup.innerText(), /^Usage alerts \(1\)[\s\S]*CI went Green → Yellow since the last call/);
    await customer.press('Enter');
    await form.locator('#answer').waitFor({ state: 'visible', timeout: 30_000 });

    // Alt+L opens the techniques list; Verify's stage is clicked.
    await form.locator('#answer').focus();
    await page.keyboard.press('Alt+l');
    const verify = form.locator('.technique-nav ol button', { hasText: 'Verify' }).first();
    await verify.waitFor({ state: 'visible', timeout: 10_000 });
    await verify.click();
    const scorecard = form.locator('.scorecard[data-stage="verify"]');
    await scorecard.locator('.usage-evidence').first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await scorecard.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('Usage data: counts.ci_builds 12,345'), text);
    assert.ok(text.includes('Usage data: counts.ci_internal_pipelines 4,000, up 4 months running'), text);
    assert.ok(text.includes('Usage data: gitlab_shared_runners_enabled on'), text);
    const box = (id: string) => scorecard.locator(`input[type="checkbox"][data-criterion="${id}"]`);
    const ticked = async () => {
      const out: string[] = [];
      for (const id of ['verify-shared-runners', 'verify-teams-using-ci', 'verify-pipelines-on-gitlab', 'verify-ci-growth', 'verify-ci-builds']) if (await box(id).isChecked()) out.push(id);
      return out;
    };
    assert.deepStrictEqual(await ticked(), ['verify-shared-runners', 'verify-ci-growth', 'verify-ci-builds']);
    // What the CSM sees (the report's screenshot): the scorecard with the data beside each criterion.
    // The Customers view folded away so the scorecard has the sidebar's height.
    const customersHeader = page.locator('.pane-header', { hasText: 'Customers' }).first();
    if ((await customersHeader.getAttribute('aria-expanded')) === 'true') await customersHeader.click();
    await scorecard.locator('.usage-note').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.move(1275, 795);
    await page.waitForTimeout(300);
    await wb.shootSidebar(join(__dirname, '..', '..', '..', '..', 'test-results', 'screenshots', 'usage-scorecard.png'));
    // The CSM: "CI builds is not what the customer describes" — a click unticks it.
    await box('verify-ci-builds').click();
    assert.deepStrictEqual(await ticked(), ['verify-shared-runners', 'verify-ci-growth']);

    const before = new Set(readdirSync(customerDir()));
    await form.locator('.call-footer button', { hasText: 'Finish call' }).click();
    const noteName = await until('the note to be written', () => readdirSync(customerDir()).find((f) => f.endsWith('.md') && f !== 'success-plan.md' && !before.has(f)));
    const note = await until('the note to be complete', () => {
      const t = readIfThere(join(customerDir(), noteName));
      return t?.includes('Usage data (2026-04-01)') ? t : undefined;
    });
    assert.match(note, /criteria:\n\s+- verify-shared-runners\n\s+- verify-ci-growth\n/);
    assert.ok(note.includes('Usage data (2026-04-01): counts.ci_builds 12,345; met. CSM: not met (overrides the data).'), note);
    assert.ok(note.includes('Usage data (2026-04-01): gitlab_shared_runners_enabled on; met. CSM: met.'), note);
    await form.locator('text=/Saved/').first().waitFor({ state: 'visible', timeout: 30_000 });

    const planFile = join(customerDir(), 'success-plan.md');
    const plan = await until('the plan to have its Usage section', () => {
      const t = readIfThere(planFile);
      return t?.includes(noteName) && t.includes('<!-- call-coach:begin usage -->') ? t : undefined;
    });
    assert.match(plan, /customerSince: 2025-06/);
    assert.match(plan, /## Usage\n\nFrom 4 monthly Service Ping snapshots \(latest 2026-04-01\)/);
    assert.match(plan, /!\[Use-case health scores and license utilization by month\]\(usage\/usage-chart\.svg\)/);
    assert.match(plan, /\| CI \| Green \(88\) \| Green \(88\) \| Green \(88\) \| Yellow \(63\) \|/);
    assert.match(plan, /\| License utilization \| Green \(83\.33%\) \|/);
    assert.match(plan, /### Usage alerts\n\n- CI went Green → Yellow/);
    const svg = read(join(customerDir(), 'usage', 'usage-chart.svg'));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(!/<script|href|on\w+=/i.test(svg), 'the chart is inert');
  });
});
