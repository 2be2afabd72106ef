// The real webview bundle in Chromium: what is typed reaches the host as it is typed (no field
// waits for a blur or a change event), in order before whatever ends the step; and the rough
// edges a CSM saw on screen — the technique list, the progress bar, the start form after a call,
// a returning customer's coverage gaps, the Five Whys rung being typed.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { catalogMessage } from '../../src/catalogMessage';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup, CallState } from '../../src/core/session/model';
import { reduce, startCall, type CallAction } from '../../src/core/session/reducer';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const repo = join(__dirname, '..', '..', '..');
const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));
const { techniques, playbooks } = catalogMessage(catalog);
const setup: CallSetup = { customer: 'Acme Corp', title: 'Discovery', callType: 'Discovery', date: '2026-11-24', attendees: [], techniques: ['ted', 'stage-adoption', 'five-whys', 'right-person'], stages: ['verify'], focus: [] };

async function openCall(state: CallState): Promise<Sidebar> {
  const sidebar = await openSidebar();
  await sidebar.send({ type: 'catalog', techniques: [], playbooks: [], status: { loaded: callBanks.length, skipped: [] } });
  await sidebar.send({ type: 'call', state, banks: callBanks, suggestions: { objective: [], topic: [] } });
  await sidebar.page.waitForSelector('#answer');
  return sidebar;
}

/** The call as the host has it after applying, in order, what the webview posted. */
async function hostCopy(sidebar: Sidebar, start: CallState): Promise<{ state: CallState; finishedAfter: number | undefined }> {
  let state = start;
  let finishedAfter: number | undefined;
  let n = 0;
  for (const m of await sidebar.posted()) {
    if (m.type === 'callAction') {
      state = reduce(state, m.action as CallAction, bankMap);
      n++;
    }
    if (m.type === 'finishCall' && finishedAfter === undefined) finishedAfter = n;
  }
  return { state, finishedAfter };
}
const callActions = async (s: Sidebar) => (await s.posted()).filter((m) => m.type === 'callAction').length;

describe('sidebar webview: what is typed reaches the host as typed', function () {
  this.timeout(60_000);
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('wrap-up: an owner typed and Ctrl+Enter at once is in the host’s copy before Finish', async () => {
    let state = startCall('t1', { ...setup, techniques: ['five-whys'] }, bankMap, Date.now());
    state = reduce(state, { type: 'answer', key: state.parts[0]!.items[0]!.key, text: 'Ship faster' }, bankMap);
    state = reduce(state, { type: 'ladderReached' }, bankMap);
    sidebar = await openCall(state);
    const { page } = sidebar;
    const objective = page.locator('li.objective');
    await objective.locator('input[type=date]').focus();
    await page.keyboard.type('12312026');
    for (const i of [0, 1, 2]) {
      await objective.locator('select').nth(i).focus();
      await page.keyboard.press('ArrowDown');
    }
    await objective.locator('input[type=text]').focus();
    await page.keyboard.type('Dana');
    await page.keyboard.press('Control+Enter');
    const { state: host, finishedAfter } = await hostCopy(sidebar, state);
    assert.equal(finishedAfter, await callActions(sidebar), 'every edit is posted before finishCall');
    const details = Object.values(host.objectives)[0]!;
    assert.equal(details.owner, 'Dana');
    assert.equal(details.due, '2026-12-31');
    assert.equal(details.status, 'in-progress');
    assert.equal(details.horizon, 3);
    assert.ok(details.valueDriver);
  });

  it('metrics, health and the answer box: each keystroke posted, no blur needed; Ctrl+Enter keeps the last one', async () => {
    const state = startCall('t2', setup, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.keyboard.type('Tagged builds');
    assert.equal((await hostCopy(sidebar, state)).state.parts[0]!.items[0]!.answer, 'Tagged builds', 'the answer is posted as typed, no debounce to wait for');
    await page.locator('#ph-topic').focus();
    await page.keyboard.type('releases');
    await page.locator('.panel.metrics > summary').click();
    await page.locator('.panel.metrics select').selectOption({ index: 1 });
    await page.locator('.panel.metrics button', { hasText: 'Add' }).click();
    await page.keyboard.type('Spreadsheet');
    const row = page.locator('.panel.metrics li.metric').last();
    await row.locator('input').nth(1).focus();
    await page.keyboard.type('14');
    let host = (await hostCopy(sidebar, state)).state;
    assert.deepEqual([host.metrics[0]!.measuredHow, host.metrics[0]!.baseline], ['Spreadsheet', '14'], 'no change event was needed');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li.metric') !== null), true, 'the caret stays in the field');
    await page.locator('.panel.health-panel > summary').click();
    await page.locator('.panel.health-panel button', { hasText: 'Add a use case' }).click();
    await page.keyboard.type('CI');
    await page.locator('.panel.health-panel li.health input[type=text]').last().focus();
    await page.keyboard.type('Flaky');
    await page.keyboard.press('Control+Enter');
    host = (await hostCopy(sidebar, state)).state;
    assert.deepEqual(host.health, [{ useCase: 'CI', color: host.health[0]!.color, reason: 'Flaky' }]);
    assert.equal(host.parts[0]!.items[0]!.values.topic, 'releases');
    assert.deepEqual(host.position, { part: 1, item: 0 });
  });

  it('a stage’s percent and criteria reach the host as typed and ticked', async () => {
    let state = startCall('t3', setup, bankMap, Date.now());
    state = reduce(state, { type: 'jump', part: 2 }, bankMap);
    sidebar = await openCall(state);
    const { page } = sidebar;
    assert.equal(await page.locator('.scorecard[data-stage="verify"]').count(), 1);
    await page.locator('.scorecard input[type=number]').focus();
    await page.keyboard.type('40');
    await page.locator('.scorecard input[data-criterion]').first().focus();
    await page.keyboard.press('Space');
    await page.locator('.scorecard input[type=number]').focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Enter');
    const host = (await hostCopy(sidebar, state)).state;
    assert.equal(host.scores.verify!.percent, 4, 'the last keystroke (a Backspace) counts');
    assert.equal(host.scores.verify!.criteria.length, 1);
  });
});

describe('sidebar webview: rough edges seen on screen', function () {
  this.timeout(60_000);
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('Five Whys: the rung being typed shows live; the next technique asks about the objective reached', async () => {
    const state = startCall('r1', { ...setup, techniques: ['five-whys', 'right-person'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.keyboard.type('Set up HA');
    assert.equal(await page.locator('.ladder li[aria-current="step"]').textContent(), 'Set up HA', 'before moving on');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Fewer outages');
    assert.deepEqual(await page.locator('.ladder li').allTextContents(), ['Set up HA', 'Fewer outages']);
    await page.keyboard.press('Alt+KeyY');
    assert.match((await page.locator('#question').textContent()) ?? '', /Fewer outages/);
    assert.doesNotMatch((await page.locator('#question').textContent()) ?? '', /\[Stated objective\]/);
    assert.equal(await page.locator('#ph-objective').inputValue(), 'Fewer outages');
  });

  it('the progress bar shows real progress from the first prompt on, never an indeterminate one', async () => {
    const state = startCall('r2', { ...setup, techniques: ['ted', 'day-in-the-life', 'five-whys', 'right-person', 'where-next', 'sync-refresh', 'commiseration', 'leveling-up', 'priorities'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    assert.match(await page.locator('.progress').innerText(), /Technique 1 of 9/);
    const bar = page.locator('.progress progress');
    assert.equal(await bar.getAttribute('value'), '0', 'a value: determinate');
    assert.equal(await bar.evaluate((p) => p.matches(':indeterminate')), false);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    const value = Number(await bar.getAttribute('value'));
    assert.ok(value > 0 && value <= 2, `moved on: ${value} of ${await bar.getAttribute('max')}`);
  });

  it('the technique list: the current technique’s number and title stay on one line, its box whole', async () => {
    // The current technique has a long title and answers: wider than the list at this width.
    let state = startCall('r3', { ...setup, techniques: ['ted', 'day-in-the-life', 'right-person', 'five-whys'] }, bankMap, Date.now());
    state = reduce(state, { type: 'jump', part: 2 }, bankMap);
    state = reduce(state, { type: 'answer', key: state.parts[2]!.items[0]!.key, text: 'Dana' }, bankMap);
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.setViewportSize({ width: 260, height: 800 });
    // The page has no theme: give the highlight's theme colour one to see it by.
    await page.evaluate(() => document.documentElement.style.setProperty('--vscode-list-inactiveSelectionBackground', 'rgb(1, 2, 3)'));
    await page.keyboard.press('Alt+KeyL');
    const rows = await page.locator('.technique-nav li').evaluateAll((lis) =>
      lis.map((li) => {
        const b = li.querySelector('button')!;
        const l = li.getBoundingClientRect();
        const r = b.getBoundingClientRect();
        return { top: Math.round(r.top - l.top), rects: b.getClientRects().length, display: getComputedStyle(b).display };
      }),
    );
    for (const row of rows) assert.deepEqual(row, { top: 0, rects: 1, display: 'block' }, 'the button starts on the number’s line and is one box');
    assert.deepEqual(
      await page.locator('.technique-nav button').evaluateAll((bs) => bs.map((b) => getComputedStyle(b).backgroundColor)),
      ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgb(1, 2, 3)', 'rgba(0, 0, 0, 0)'],
      'the current one is highlighted',
    );
  });

  it('after a call, the start form is at its top with "Saved …" in view', async () => {
    const state = startCall('r4', setup, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.locator('.panel.health-panel > summary').click();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300); // the scroll position is saved after 150 ms
    await sidebar.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
    await sidebar.send({ type: 'notice', text: 'Saved success-plans/acme-corp/2026-11-24-discovery.md', level: 'info' });
    await sidebar.send({ type: 'idle', customers: ['Acme Corp'], today: '2026-11-24', notice: 'Saved success-plans/acme-corp/2026-11-24-discovery.md' });
    await page.waitForSelector('.saved');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    const box = await page.locator('.saved').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 800, 'in view');
  });

  it('a returning customer’s gaps: counted by kind, collapsed, one action adds a kind, Start in view', async () => {
    sidebar = await openSidebar();
    const { page } = sidebar;
    await sidebar.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
    await sidebar.send({ type: 'idle', customers: ['Acme Corp'], today: '2026-11-24' });
    await page.waitForSelector('#f-customer');
    await page.keyboard.type('Acme Corp');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'requestGaps'));
    const stages = techniques.filter((t) => t.kind === 'stage');
    const gaps = [
      ...stages.map((t) => ({ kind: 'stage-never', label: `${t.title}: never discussed`, bankId: t.id })),
      ...['ted', 'five-whys', 'commiseration', 'where-next', 'leveling-up', 'priorities', 'day-in-the-life', 'right-person'].map((id) => ({ kind: 'technique-never', label: `${id}: never used`, bankId: id })),
      ...[1, 2, 3, 4].map((n) => ({ kind: 'objective-without-metric', label: `“Objective ${n}”: how will you measure that?`, bankId: 'leveling-up', promptIds: ['leveling-up-success'] })),
      ...['Cycle time', 'Lead time', 'MTTR'].map((metric) => ({ kind: 'metric-without-baseline', label: `${metric}: no baseline yet`, bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], placeholders: { metric } })),
    ];
    assert.equal(gaps.length, 25);
    await sidebar.send({ type: 'gaps', customer: 'Acme Corp', gaps });
    const summary = page.locator('.gaps > summary');
    await summary.waitFor();
    assert.equal(await page.locator('.gaps h3').innerText(), 'Not yet covered with Acme Corp (25)');
    assert.equal(await page.locator('.gap-counts').innerText(), '10 stages · 8 techniques never used · 4 objectives without a metric · 3 metrics without a baseline');
    assert.equal(await page.locator('.gaps').evaluate((d) => (d as HTMLDetailsElement).open), false, 'collapsed');
    const start = await page.getByRole('button', { name: 'Start call' }).boundingBox();
    assert.ok(start && start.y + start.height <= 800, `Start is in view without scrolling (at ${start?.y})`);
    assert.ok(await page.locator('#f-title').isVisible());

    await summary.click();
    assert.equal(await page.locator('.gap-group').count(), 4);
    await page.getByRole('button', { name: 'Add stages (10) to the next call' }).click();
    await page.getByRole('button', { name: 'Add metrics without a baseline (3) to the next call' }).click();
    await page.getByRole('button', { name: 'Add objectives without a metric (4) to the next call' }).click();
    assert.equal(await page.locator('.gap-group').first().locator('button:disabled').count(), 11, 'the kind and each of its rows say Added');
    assert.equal(await page.locator('input[data-technique="stage-adoption"]').isChecked(), true);
    await page.locator('#f-customer').press('Enter');
    const started = (await sidebar.posted()).find((m) => m.type === 'startCall') as unknown as { setup: CallSetup };
    assert.deepEqual(started.setup.stages.slice().sort(), stages.map((t) => t.stage!).sort());
    assert.deepEqual(
      started.setup.focus,
      [
        ...['Cycle time', 'Lead time', 'MTTR'].map((metric) => ({ bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], values: { metric } })),
        { bankId: 'leveling-up', promptIds: ['leveling-up-success'], values: {} },
      ],
      'each metric’s question once, the same objective question once',
    );
  });
});
