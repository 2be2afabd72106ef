// What a CSM sees, driven and shot in the real workbench (keys and clicks only), each screen checked
// and written as a PNG to test-results/screenshots/ (or $CALL_COACH_SHOTS): a returning customer's
// gaps summary with Start in view, the progress bar at "Technique 1 of 9", the technique list
// (Alt+L), a Five Whys rung as it is typed and the next prompt naming the objective just reached,
// "Saved …" after finishing, Browse Stage Questions' rows, and notes in VS Code's Markdown preview
// with link validation on and no problem reported: one with an unfilled placeholder, and the sample
// customer's tagged items, each with the question it answers.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Frame } from 'playwright-core';
import { openWorkbench, REPO, type Workbench, closeAfterwards } from './workbench';

const SHOTS = process.env.CALL_COACH_SHOTS || join(REPO, 'test-results', 'screenshots');
const SAMPLE = join(REPO, 'test', 'fixtures', 'sample-customer', 'success-plans', 'northwind-logistics');
const CUSTOMER = 'Northwind Logistics';

/** The sample customer's notes, plan and usage data, as files for the workspace. */
function sampleCustomer(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(SAMPLE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files[`success-plans/northwind-logistics/${relative(SAMPLE, file).split(sep).join('/')}`] = readFileSync(file, 'utf8');
  }
  return files;
}

/** Whether `selector`'s element lies wholly inside the webview's viewport. */
function inView(frame: Frame, selector: string): Promise<boolean> {
  return frame.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

describe('what a CSM sees, shot in the real workbench', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const shot = (name: string) => wb.shootSidebar(join(SHOTS, name));

  before(async () => {
    wb = await openWorkbench({
      // control.md: what a placeholder written as "[Label]" would be; link validation must flag it.
      files: { ...sampleCustomer(), 'control.md': '# Control\n\nWho can help with [Stated objective]?\n' },
      settings: { 'callCoach.openNoteAfterFinish': 'none', 'callCoach.commitAfterFinish': 'never', 'markdown.validate.enabled': true },
    });
  });
  before(async () => {
    // The Customers view shares the sidebar: collapse it by its header, as a CSM would mid-call.
    const header = wb.page.locator('.pane-header', { hasText: 'Customers' }).first();
    await header.waitFor({ state: 'visible', timeout: 60_000 });
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  });
  closeAfterwards(() => wb);

  it('a returning customer: gaps summarized by kind, Start in view; a call of 9 techniques with real progress; the technique list', async () => {
    const { page } = wb;
    let frame = await wb.sidebar('Customer');
    await frame.locator('#f-customer').focus();
    await page.keyboard.type(CUSTOMER);
    await frame.locator('details.gaps:not([hidden])').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await frame.locator('details.gaps > summary').innerText(), new RegExp(`Not yet covered with ${CUSTOMER} \\(\\d+\\)`));
    assert.ok(await inView(frame, '.start-form button[type=submit]'), 'Start is in view with the gaps summarized');
    await shot('gaps-summary.png');
    await frame.locator('details.gaps > summary').focus();
    await page.keyboard.press('Enter');
    assert.doesNotMatch(await frame.locator('.gap-counts').innerText(), /\b1 \w+s\b/, 'one of a kind is counted in the singular');
    const heads = await frame.locator('.gap-group-head strong').allInnerTexts();
    assert.ok(heads.length > 0 && heads.every((t) => /\(\d+\)$/.test(t)), heads.join(' | '));
    await shot('gaps-summary-open.png');
    await frame.locator('details.gaps > summary').focus();
    await page.keyboard.press('Enter'); // closed again

    await frame.locator('#f-customer').focus();
    await page.keyboard.press('Enter');
    frame = await wb.sidebar('Technique 1 of 9');
    const bar = frame.locator('.progress progress');
    assert.notEqual(await bar.getAttribute('value'), null, 'a determinate bar (no moving segment)');
    assert.equal(await bar.getAttribute('max'), '9');
    await shot('progress-technique-1-of-9.png');

    await frame.locator('#answer').focus();
    await page.keyboard.press('Alt+l');
    await frame.locator('.technique-nav ol button').first().waitFor({ state: 'visible' });
    await shot('technique-list.png');
  });

  it('Five Whys: the rung shows as it is typed; the next prompt names the objective reached', async () => {
    const { page } = wb;
    const frame = await wb.sidebar('Technique');
    const fiveWhys = frame.locator('.technique-nav ol button', { hasText: 'Five Whys' });
    await fiveWhys.focus();
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => /Five Whys/i.test(document.querySelector('.technique-heading')?.textContent ?? ''));
    await frame.locator('#answer').focus();
    await page.keyboard.type('Set up HA for the runners');
    await page.keyboard.press('Control+Enter');
    await frame.locator('.ladder li').nth(1).waitFor();
    await page.keyboard.type('Fewer failed deploys at month end');
    assert.equal(await frame.locator('.ladder li[aria-current="step"]').innerText(), 'Fewer failed deploys at month end');
    await shot('five-whys-rung-typed.png');
    await page.keyboard.press('Alt+y');
    await frame.waitForFunction(() => /right person/i.test(document.querySelector('.technique-heading')?.textContent ?? ''), undefined, { timeout: 10_000 });
    const question = await frame.locator('#question').innerText();
    assert.match(question, /Fewer failed deploys at month end/);
    assert.doesNotMatch(question, /\[Stated objective\]/);
    await shot('five-whys-next-prompt.png');
  });

  it('after Finish, the start form is at its top with "Saved …" in view', async () => {
    const { page } = wb;
    await wb.palette('Finish Call and Write Note');
    const frame = await wb.sidebar('Saved');
    assert.equal(await frame.evaluate(() => window.scrollY), 0);
    assert.ok(await inView(frame, '.saved'), '"Saved …" is in view');
    await page.waitForTimeout(500);
    await shot('saved-after-finish.png');
  });

  it('Browse Stage Questions: each row starts with the stage’s own rule', async () => {
    const { page } = wb;
    await wb.palette('Browse Stage Questions');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Manage' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.doesNotMatch(await rows.first().innerText(), /more than 25%/);
    await page.mouse.move(1275, 795);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'browse-stage-questions.png') });
    await page.keyboard.press('Escape');
  });

  /** Opens a workspace file by Quick Open (Ctrl+P), its preview beside it (palette); with `end`, a click in the preview, End and PageUp. */
  async function preview(file: string, end = false): Promise<void> {
    const { page } = wb;
    await wb.quickInput('Control+p');
    await page.keyboard.type(file.replace(/\.md$/, ''), { delay: 10 });
    // Enter opens the focused row: wait until the typed name has filtered it to the file, not
    // while an editor from the history (the list before the filter applies) still has focus.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: file }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container .tab.active', { hasText: file }).waitFor({ state: 'visible', timeout: 20_000 });
    await wb.palette('Markdown: Open Preview to the Side');
    const tab = page.locator('.editor-group-container .tab', { hasText: 'Preview' }).filter({ hasText: file }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(1500);
    if (!end) return;
    const box = await page.locator('.editor-group-container').last().boundingBox();
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('End');
    await page.keyboard.press('PageUp'); // the last screen but one: the answers and tagged items above the action items
    await page.waitForTimeout(1000);
  }

  /** The Problems count in the status bar, after link validation has had its delay. */
  async function problems(): Promise<string> {
    await wb.page.waitForTimeout(4000);
    return (await wb.page.locator('.statusbar-item[id="status.problems"]').innerText()).replace(/\s+/g, ' ').trim();
  }

  it('a note with an unfilled placeholder, in VS Code’s Markdown preview with link validation on: no problem reported', async () => {
    const { page } = wb;
    // A call of one technique, Finding the right person, its objective left unfilled.
    let frame = await wb.sidebar('Customer');
    await frame.locator('#f-customer').focus();
    await page.keyboard.type('Initech');
    await frame.locator('#f-type').focus();
    await page.keyboard.type('Other'); // a focused select picks by typing, as in any form
    await frame.locator('input[data-technique="right-person"]').focus();
    await page.keyboard.press('Space');
    await frame.locator('#f-customer').focus();
    await page.keyboard.press('Enter');
    frame = await wb.sidebar('Technique 1 of 1');
    assert.match(await frame.locator('#question').innerText(), /\[Stated objective\]/, 'the placeholder shows unfilled');
    await frame.locator('#answer').focus();
    await page.keyboard.type('Priya, who runs the platform team');
    await wb.palette('Finish Call and Write Note');
    await wb.sidebar('Saved');

    const folder = join(wb.workspace, 'success-plans', 'initech');
    const note = readdirSync(folder).find((f) => f.endsWith('.md') && f !== 'success-plan.md');
    assert.ok(note, `the call's note is in ${folder}`);
    const text = readFileSync(join(folder, note), 'utf8');
    assert.match(text, /&#91;Stated objective\]/, 'written so that no tool reads a reference link');
    assert.doesNotMatch(text.replace(/^---[\s\S]*?\n---\n/, ''), /(^|[^&#\d])\[Stated objective\]/);

    // The control first: link validation is on and flags a bare [Stated objective].
    await preview('control.md');
    assert.doesNotMatch(await problems(), /^0 0( 0)?$/, 'link validation reports the control file');
    await wb.palette('View: Close All Editors'); // the control's problem goes with it
    await preview(note, true);
    assert.match(await problems(), /^0 0( 0)?$/, 'no link (or any) problem for the note');
    await page.mouse.move(1275, 795);
    await page.screenshot({ path: join(SHOTS, 'note-placeholder-preview.png') });
  });

  it('the sample customer’s note: tagged items with their questions, in the Markdown preview', async () => {
    const { page } = wb;
    await wb.palette('View: Close All Editors');
    await preview('2026-09-15-discovery-call.md', true);
    assert.match(await problems(), /^0 0( 0)?$/);
    await page.mouse.move(1275, 795);
    await page.screenshot({ path: join(SHOTS, 'note-tagged-items-preview.png') });
  });
});
