// A whole call typed into the real sidebar inside the real workbench, stepped and finished by
// keyboard alone (Ctrl+Enter, Alt+Y), every field left the moment it was typed in — no Tab, no
// click elsewhere, nothing that would fire a change event — and the note read back from disk:
// every value typed must be in it. Then Finish from the palette right after typing.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { parseNote } from '../../../src/core/note/parse';
import type { CallNote } from '../../../src/core/note/model';
import { openWorkbench, type Workbench, closeAfterwards, pressCallKey, stepBy } from './workbench';

const TOPIC = 'how releases reach production';
const TED_ANSWER = 'Tagged builds, a change board on Thursdays';
const MEASURED = 'Spreadsheet from the change board';
const BASELINE = '14 days';
const TARGET = '2 days';
const UNIT = 'days';
const USE_CASE = 'CI';
const REASON = 'Pipelines flaky on Fridays';
const PERCENT = '40';
const FOCUS = 'Set up HA';
const OBJECTIVE = 'Fewer outages during deploys';
const OWNER = 'Dana';

/** Waits until the note of `customer` is on disk, and parses it. */
async function noteOf(page: Page, workspace: string, folder: string): Promise<{ file: string; note: CallNote }> {
  const dir = join(workspace, 'success-plans', folder);
  for (let i = 0; i < 240; i++) {
    const files = (() => {
      try {
        return readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'success-plan.md' && !f.startsWith('.'));
      } catch {
        return [];
      }
    })();
    if (files.length) {
      const file = join(dir, files[0]!);
      const parsed = parseNote(readFileSync(file, 'utf8'));
      if (!('note' in parsed) || !parsed.note) throw new Error(`the note does not parse: ${JSON.stringify(parsed).slice(0, 300)}`);
      return { file, note: parsed.note };
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no note appeared in ${dir}`);
}

/** Ticks a technique on the start form by keyboard, then moves it down below `after` (Alt+Down). */
async function tick(frame: Frame, page: Page, id: string): Promise<void> {
  await frame.locator(`input[data-technique="${id}"]`).focus();
  if (!(await frame.locator(`input[data-technique="${id}"]`).isChecked())) await page.keyboard.press('Space');
}

async function order(frame: Frame): Promise<string[]> {
  return frame.locator('input[data-technique]').evaluateAll((els) => els.map((e) => e.getAttribute('data-technique')!));
}

async function nextUntil(frame: Frame, page: Page, done: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await done()) return;
    await stepBy(frame, page, 'Control+Enter');
  }
  throw new Error(`never reached ${what}`);
}

describe('a call typed into the real sidebar and finished by keyboard', function () {
  this.timeout(300_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ gitRepository: true, settings: { 'callCoach.openNoteAfterFinish': 'none', 'callCoach.commitAfterFinish': 'never' } });
  });
  closeAfterwards(() => wb);

  it('keeps every typed value: answers, TED topic, metric, health, stage percent and criteria, objective details', async () => {
    const { page } = wb;
    let frame = await wb.sidebar('Customer');
    await frame.locator('#f-customer').focus();
    await page.keyboard.type('Acme Corp');
    await frame.locator('#f-type').focus();
    await frame.locator('#f-type').selectOption('other');
    for (const id of ['ted', 'stage-adoption', 'five-whys', 'right-person']) await tick(frame, page, id);
    await frame.locator('input[data-stage="verify"]').focus();
    await page.keyboard.press('Space');
    // Finding the right person asks about the objective Five Whys reaches: after it (Alt+Down).
    await frame.locator('input[data-technique="right-person"]').focus();
    while ((await order(frame)).indexOf('right-person') < (await order(frame)).indexOf('five-whys')) await page.keyboard.press('Alt+ArrowDown');
    await frame.locator('#f-customer').focus();
    await page.keyboard.press('Enter');

    // TED: the topic, the answer; then a metric and a use case's health, each left mid-typing.
    frame = await wb.sidebar('Technique 1 of');
    await frame.locator('#ph-topic').focus();
    await page.keyboard.type(TOPIC);
    await frame.locator('#answer').focus();
    await page.keyboard.type(TED_ANSWER);

    await frame.locator('.panel.metrics > summary').focus();
    if (!(await frame.locator('.panel.metrics').evaluate((d) => (d as HTMLDetailsElement).open))) await page.keyboard.press('Enter');
    await frame.locator('.panel.metrics select[aria-label="Metric to add"]').focus();
    await page.keyboard.press('ArrowDown'); // the first metric of the first value driver
    const metricName = await frame.locator('.panel.metrics select[aria-label="Metric to add"] option:checked').innerText();
    await frame.locator('.panel.metrics button', { hasText: 'Add' }).focus();
    await page.keyboard.press('Enter'); // the new row's first field takes the focus
    await page.keyboard.type(MEASURED);
    const row = frame.locator('.panel.metrics li.metric').last();
    await row.locator('input').nth(1).focus();
    await page.keyboard.type(BASELINE);
    await row.locator('input').nth(2).focus();
    await page.keyboard.type(TARGET);
    // Selected in the page, not by Ctrl+A: the webview also forwards Ctrl+A to the workbench, whose
    // Select All comes back a moment later and would select what was typed meanwhile.
    await row.locator('input').nth(3).selectText();
    await page.keyboard.type(UNIT);

    await frame.locator('.panel.health-panel > summary').focus();
    if (!(await frame.locator('.panel.health-panel').evaluate((d) => (d as HTMLDetailsElement).open))) await page.keyboard.press('Enter');
    await frame.locator('.panel.health-panel button', { hasText: 'Add a use case' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type(USE_CASE); // focus is in the new row's use case
    await frame.locator('.panel.health-panel li.health input[type=radio]').first().focus();
    await page.keyboard.press('ArrowDown'); // yellow
    await frame.locator('.panel.health-panel li.health input[type=text]').last().focus();
    await page.keyboard.type(REASON);
    await stepBy(frame, page, 'Control+Enter');

    // Stage Adoption, then Verify with its scorecard: the percent typed, a criterion ticked.
    await nextUntil(frame, page, async () => (await frame.locator('.scorecard[data-stage="verify"]').count()) > 0, 'the Verify scorecard');
    await frame.locator('.scorecard input[type=number]').focus();
    await page.keyboard.type(PERCENT);
    const criterion = await frame.locator('.scorecard input[data-criterion]').first().getAttribute('data-criterion');
    await frame.locator('.scorecard input[data-criterion]').first().focus();
    await page.keyboard.press('Space');
    await frame.locator('.scorecard input[type=number]').focus();
    await stepBy(frame, page, 'Control+Enter');

    // Five Whys: the rung being typed shows on the ladder at once; Alt+Y ends it.
    await nextUntil(frame, page, async () => /Five Whys/i.test(await frame.locator('.technique-heading').innerText()), 'Five Whys');
    await frame.locator('#answer').focus();
    await page.keyboard.type(FOCUS);
    await pressCallKey(page, 'Control+Enter', () => frame.locator('.ladder li').nth(1).waitFor());
    await page.keyboard.type(OBJECTIVE);
    assert.equal(await frame.locator('.ladder li[aria-current="step"]').innerText(), OBJECTIVE, 'the rung shows what is typed before moving on');
    // Finding the right person asks about the objective just reached, not "[Stated objective]".
    await pressCallKey(page, 'Alt+y', () => frame.waitForFunction(() => /right person/i.test(document.querySelector('.technique-heading')?.textContent ?? ''), undefined, { timeout: 10_000 }));
    assert.match(await frame.locator('#question').innerText(), new RegExp(OBJECTIVE));
    assert.equal(await frame.locator('#ph-objective').inputValue(), OBJECTIVE);

    // The wrap-up: due, status, horizon and value driver, then the owner typed and Ctrl+Enter at once.
    await nextUntil(frame, page, async () => (await frame.locator('.wrap-up').count()) > 0, 'the wrap-up');
    const objective = frame.locator('li.objective', { hasText: OBJECTIVE });
    await objective.locator('input[type=date]').focus();
    await page.keyboard.type('12312026');
    const selects = objective.locator('select');
    for (let i = 0; i < 3; i++) {
      await selects.nth(i).focus();
      await page.keyboard.press('ArrowDown');
    }
    const [status, horizon, driver] = await selects.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    await objective.locator('input[type=text]').first().focus();
    await page.keyboard.type(OWNER);
    await page.keyboard.press('Control+Enter');

    const { note } = await noteOf(page, wb.workspace, 'acme-corp');
    const ted = note.sections.find((s) => s.techniqueId === 'ted')!;
    assert.equal(ted.entries[0]!.question, `Tell me about ${TOPIC}.`);
    assert.equal(ted.entries[0]!.answer, TED_ANSWER);
    assert.equal(note.metrics.length, 1);
    assert.deepEqual(
      { name: note.metrics[0]!.name, measuredHow: note.metrics[0]!.measuredHow, baseline: note.metrics[0]!.baseline, target: note.metrics[0]!.target, unit: note.metrics[0]!.unit },
      { name: metricName.trim(), measuredHow: MEASURED, baseline: BASELINE, target: TARGET, unit: UNIT },
    );
    assert.deepEqual(note.health, [{ useCase: USE_CASE, color: 'yellow', reason: REASON }]);
    const verify = note.adoption.find((a) => a.stage === 'verify')!;
    assert.equal(verify.percent, Number(PERCENT));
    assert.deepEqual(verify.criteria, [criterion]);
    const whys = note.sections.find((s) => s.techniqueId === 'five-whys')!;
    assert.deepEqual(whys.entries.map((e) => e.answer), [FOCUS, OBJECTIVE]);
    const rightPerson = note.sections.find((s) => s.techniqueId === 'right-person');
    assert.equal(rightPerson, undefined, 'its prompts were not answered');
    assert.equal(note.objectives.length, 1);
    assert.deepEqual(note.objectives[0], { text: OBJECTIVE, status, origin: 'five-whys', owner: OWNER, due: '2026-12-31', horizon: Number(horizon), valueDriver: driver });
    assert.notEqual(status, 'not-started');
    assert.ok(driver, 'a value driver was picked');

    // The sidebar is back on the start form, at its top, saying where the note went.
    // The start form's "Saved …" line, not just the text: the same words are announced (the status
    // region) a moment before the form replaces the wrap-up.
    frame = await wb.sidebar('Saved');
    await frame.locator('.saved').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await frame.evaluate(() => window.scrollY), 0);
  });

  it('Commit Success Plan Notes from the palette: the customer by name, and what changed in words', async () => {
    await wb.palette('Commit Success Plan Notes');
    const toast = await wb.notification(/Committed /);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: wb.workspace, encoding: 'utf8' }).trim();
    const files = git('show', '--name-only', '--format=', 'HEAD').split('\n');
    assert.ok(files.some((f) => /^success-plans\/acme-corp\/\d{4}-\d{2}-\d{2}-.*\.md$/.test(f) && !f.endsWith('success-plan.md')), files.join('\n'));
    assert.ok(files.includes('success-plans/acme-corp/success-plan.md'), files.join('\n'));
    const portfolio = files.includes('success-plans/portfolio.md');
    assert.equal(files.length, portfolio ? 3 : 2, `only this call's note, its plan and the portfolio: ${files.join(', ')}`);
    const what = portfolio ? '1 call note, the success plan and the portfolio' : '1 call note and the success plan';
    assert.match(toast, new RegExp(`Committed ${what} of Acme Corp to main \\([0-9a-f]{7}\\)\\.`));
    assert.match(git('log', '-1', '--format=%s'), new RegExp(`^Success plan notes: Acme Corp \\(${what}, \\d{4}-\\d{2}-\\d{2}\\)$`));
  });

  it('Finish Call from the palette right after typing keeps what was typed', async () => {
    const { page } = wb;
    let frame = await wb.sidebar('Customer');
    await frame.locator('#f-customer').focus();
    await page.keyboard.type('Globex');
    await frame.locator('#f-type').selectOption('other');
    await tick(frame, page, 'five-whys'); // "Other" starts with nothing ticked
    await frame.locator('#f-customer').focus();
    await page.keyboard.press('Enter');
    frame = await wb.sidebar('Why 1 of'); // the heading is in capitals (CSS), which innerText reports as shown
    await frame.locator('#answer').focus();
    await page.keyboard.type('Faster onboarding');
    await pressCallKey(page, 'Alt+y', () => frame.locator('.wrap-up').waitFor());
    await frame.locator('li.objective input[type=text]').first().focus();
    await page.keyboard.type('Sam');
    // Straight from the field to the palette: no blur, no change event in between.
    await wb.palette('Finish Call and Write Note');
    const { note } = await noteOf(page, wb.workspace, 'globex');
    assert.equal(note.objectives[0]?.owner, 'Sam');
    assert.equal(note.sections[0]?.entries[0]?.answer, 'Faster onboarding');
  });
});
