import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup, CallState } from '../../src/core/session/model';
import { reduce, startCall, type CallAction } from '../../src/core/session/reducer';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const repo = join(__dirname, '..', '..', '..');
const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));

const setup: CallSetup = { customer: 'Acme <Corp>', title: 'Discovery', callType: 'Discovery', date: '2026-11-24', attendees: ['Dana'], techniques: ['ted', 'day-in-the-life', 'five-whys'], stages: [], focus: [] };
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\n---\n# not a heading\n\u202Eevil';

async function openCall(state: CallState, suggestions = { objective: [] as string[], topic: [] as string[] }): Promise<Sidebar> {
  const sidebar = await openSidebar();
  await sidebar.send({ type: 'catalog', techniques: [], playbooks: [], status: { loaded: callBanks.length, skipped: [] } });
  await sidebar.send({ type: 'call', state, banks: callBanks, suggestions });
  await sidebar.page.waitForSelector('#answer');
  return sidebar;
}

const question = (s: Sidebar) => s.page.locator('.question').textContent();
const focusedId = (s: Sidebar) => s.page.evaluate(() => document.activeElement?.id);
const actions = async (s: Sidebar) => (await s.posted()).filter((m) => m.type === 'callAction').map((m) => m.action as CallAction);

describe('sidebar webview: a live call', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('runs keyboard-only: answer, next, back, skip, tag, jump — focus always in the answer box', async () => {
    const state = startCall('c1', setup, bankMap, Date.now() - 65_000);
    sidebar = await openCall(state);
    const { page } = sidebar;
    assert.equal(await focusedId(sidebar), 'answer');
    assert.match(await page.locator('.timer').textContent() ?? '', /^01:0[5-9]$/, 'the timer counts from the call start');
    assert.match(await page.locator('.progress').innerText(), /Technique 1 of 3 · Prompt 1 of 1/);

    await page.keyboard.type('Our release train');
    await page.keyboard.press('Alt+KeyO');
    assert.equal(await page.locator('.tag[aria-pressed="true"]').textContent(), ' Objective');
    await page.keyboard.press('Control+Enter');
    assert.match(await question(sidebar) ?? '', /Take me through|workflow|average developer/i);
    assert.equal(await focusedId(sidebar), 'answer');

    await page.keyboard.press('Alt+KeyB');
    assert.equal(await page.locator('#answer').inputValue(), 'Our release train', 'the answer is still there');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Alt+KeyK');
    assert.match(await page.locator('.progress').innerText(), /Technique 2 of 3 · Prompt 2 of/);

    await page.keyboard.press('Alt+KeyL');
    const current = page.locator('.technique-nav button[aria-current="step"]');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'step', 'focus moves into the technique list');
    assert.match(await current.innerText(), /Day in the Life/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.match(await page.locator('.technique-heading').innerText(), /Five Whys/i);
    assert.equal(await focusedId(sidebar), 'answer');

    // The host applies the same actions to its copy: replaying them must land where the view is.
    let replay = state;
    for (const a of await actions(sidebar)) replay = reduce(replay, a, bankMap);
    assert.deepEqual(replay.position, { part: 2, item: 0 });
    assert.equal(replay.parts[0]!.items[0]!.answer, 'Our release train');
    assert.deepEqual(replay.parts[0]!.items[0]!.tags, ['objective']);
    assert.equal(replay.parts[1]!.items[0]!.skipped, true);
  });

  it('TED: the verb and topic compose the question as asked', async () => {
    sidebar = await openCall(startCall('c2', setup, bankMap, Date.now()));
    const { page } = sidebar;
    await page.getByRole('radio', { name: /Explain for me/ }).check();
    await page.locator('#ph-topic').fill('how <b>releases</b> are approved');
    assert.equal(await question(sidebar), 'Explain for me how <b>releases</b> are approved.');
    assert.equal(await page.locator('.question b').count(), 0);
    await page.getByRole('button', { name: /Ask another TED question/ }).click();
    assert.match(await page.locator('.progress').innerText(), /Prompt 2 of 2/);
    assert.equal(await page.locator('#ph-topic').inputValue(), 'how <b>releases</b> are approved', 'the topic carries over');
  });

  it('Five Whys: each rung quotes the previous answer; reaching the objective ends the ladder', async () => {
    const state = startCall('c3', { ...setup, techniques: ['five-whys'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.keyboard.type('Set up HA');
    await page.keyboard.press('Control+Enter');
    assert.match(await question(sidebar) ?? '', /“Set up HA”/);
    assert.match(await page.locator('.depth').innerText(), /Depth 2/);
    await page.keyboard.type('Uptime and scale');
    await page.keyboard.press('Control+Enter');
    assert.match(await question(sidebar) ?? '', /“Uptime and scale”/);
    assert.deepEqual(await page.locator('.ladder li').allTextContents(), ['Set up HA', 'Uptime and scale', '…']);
    await page.keyboard.type('Ship features faster');
    await page.keyboard.press('Alt+KeyY');
    assert.match(await page.locator('.wrap-up').innerText(), /Wrap up[\s\S]*1 objective · /i);
    assert.equal(await focusedId(sidebar), 'answer', 'the Finish button takes the focus');
    await page.keyboard.press('Control+Enter');
    assert.deepEqual((await sidebar.posted()).at(-1), { type: 'finishCall' });
  });

  it('Sync/Refresh offers earlier objectives and topics in a chooser, free text otherwise', async () => {
    const state = startCall('c4', { ...setup, techniques: ['sync-refresh'] }, bankMap, Date.now());
    sidebar = await openCall(state, { objective: ['Cut release time in half'], topic: ['Runner costs'] });
    const { page } = sidebar;
    const input = page.locator('#ph-objective');
    const list = await input.getAttribute('list');
    assert.ok(list, 'the objective field has a chooser');
    assert.deepEqual(await page.locator(`datalist#${list} option`).evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)), ['Cut release time in half']);
    await input.fill('Cut release time in half');
    assert.match(await question(sidebar) ?? '', /Cut release time in half/);
  });

  it('shows hostile answers and names as inert text and keeps them exactly', async () => {
    const state = startCall('c5', { ...setup, techniques: ['five-whys'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.locator('#answer').fill(HOSTILE);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Alt+KeyB');
    assert.equal(await page.locator('#answer').inputValue(), HOSTILE);
    assert.equal(await page.locator('.call img, .call script').count(), 0);
    assert.match(await page.locator('.call-who').innerText(), /Acme <Corp>/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    let replay = state;
    for (const a of await actions(sidebar)) replay = reduce(replay, a, bankMap);
    assert.equal(replay.parts[0]!.items[0]!.answer, HOSTILE);
  });

  it('a stage part shows its adoption scorecard, with the status derived as the CSM fills it in', async () => {
    const state = startCall('c7', { ...setup, techniques: ['stage-adoption'], stages: ['manage'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    await page.keyboard.press('Alt+KeyL');
    await page.locator('.technique-nav button', { hasText: 'Manage' }).click();
    const card = page.locator('.scorecard');
    assert.equal(await card.getAttribute('open'), '', 'open on the stage’s first prompt');
    assert.match(await card.locator('summary').innerText(), /Not started/);
    await card.getByLabel(/Teams or projects using it/).fill('40');
    await card.getByLabel(/Teams or projects using it/).press('Tab');
    assert.match(await card.locator('summary').innerText(), /Pilot/);
    const boxes = card.locator('input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    assert.match(await card.locator('summary').innerText(), /Adopted/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'checkbox', 'focus stays on the checkbox');
    let replay = state;
    for (const a of await actions(sidebar)) replay = reduce(replay, a, bankMap);
    assert.equal(replay.scores.manage!.percent, 40);
    assert.equal(replay.scores.manage!.criteria.length, 2);
  });

  it('records a metric with baseline and target, and objective details on the wrap-up', async () => {
    const state = startCall('c8', { ...setup, techniques: ['five-whys'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    const metrics = page.locator('.panel.metrics');
    await metrics.locator('summary').click();
    await metrics.getByLabel('Metric to add').selectOption({ label: 'Reduce cycle time (lead time)' }).catch(async () => {
      await metrics.getByLabel('Metric to add').selectOption({ index: 1 });
    });
    await metrics.getByRole('button', { name: /Add/ }).click();
    assert.equal(await metrics.locator('li.metric').count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('li.metric') !== null), true, 'focus moves into the new metric');
    await metrics.getByLabel('Baseline').fill('12 days');
    await metrics.getByLabel('Target').fill('5 days');
    await metrics.getByLabel('Target').press('Tab');
    await page.locator('#answer').fill('Faster releases');
    await page.keyboard.press('Alt+KeyY');
    const objective = page.locator('.objective');
    assert.match(await objective.locator('.objective-text').innerText(), /Faster releases/);
    await objective.getByLabel('Owner').fill('Sam');
    await objective.getByLabel('Owner').press('Tab');
    await objective.getByLabel('Horizon').selectOption('12');
    let replay = state;
    for (const a of await actions(sidebar)) replay = reduce(replay, a, bankMap);
    assert.equal(replay.metrics[0]!.baseline, '12 days');
    assert.equal(replay.metrics[0]!.target, '5 days');
    const key = replay.parts[0]!.items[0]!.key;
    assert.equal(replay.objectives[key]!.owner, 'Sam');
    assert.equal(replay.objectives[key]!.horizon, 12);
  });

  it('numbers get a numeric box with the unit', async () => {
    const state = startCall('c6', { ...setup, techniques: ['day-in-the-life'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    for (let i = 0; i < 10 && (await page.locator('#answer').getAttribute('type')) !== 'number'; i++) await page.keyboard.press('Control+Enter');
    assert.equal(await page.locator('#answer').getAttribute('type'), 'number', 'Day in the Life asks for a number');
    assert.ok((await page.locator('.unit').textContent())?.length, 'with its unit');
  });
});

describe('sidebar webview: the start form', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  const playbooks = catalog.playbooks.map(({ id, title, summary, callTitle, techniques: t, stages }) => ({ id, title, summary, callTitle, techniques: t, stages }));
  const techniques = catalog.banks.map((b) => ({ id: b.id, title: b.title, summary: b.summary, kind: b.kind, flow: b.flow, promptCount: b.prompts.length, sources: [], ...(b.stage ? { stage: b.stage } : {}) }));

  /** The start form, drawn from the catalog's techniques and playbooks, offering these customers. */
  async function openStartForm(customers: string[] = []): Promise<Sidebar> {
    const opened = await openSidebar();
    await opened.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
    await opened.send({ type: 'idle', customers, today: '2026-11-24' });
    await opened.page.waitForSelector('#f-customer');
    return opened;
  }

  it('starts a call with the keyboard alone, techniques reordered', async () => {
    sidebar = await openStartForm(['Acme Corp', 'Globex']);
    const { page } = sidebar;
    assert.equal(await focusedId(sidebar), 'f-customer');
    assert.equal(await page.locator('#f-date').inputValue(), '2026-11-24');
    await page.keyboard.type('Acme Corp');
    const first = page.locator('.pick-list input').first();
    const firstId = await first.getAttribute('data-technique');
    await first.focus();
    await page.keyboard.press('Alt+ArrowDown');
    assert.equal(await page.locator('.pick-list input').nth(1).getAttribute('data-technique'), firstId, 'moved down one');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-technique')), firstId, 'focus follows the moved row');
    await page.locator('#f-attendees').focus();
    await page.keyboard.type('Dana, Sam');
    await page.keyboard.press('Enter');
    const start = (await sidebar.posted()).find((m) => m.type === 'startCall') as unknown as { setup: CallSetup } | undefined;
    assert.ok(start, 'startCall posted');
    assert.equal(start.setup.customer, 'Acme Corp');
    assert.deepEqual(start.setup.attendees, ['Dana', 'Sam']);
    assert.equal(start.setup.techniques[1], firstId);
    assert.equal(start.setup.date, '2026-11-24');
  });

  it('offers the playbooks; picking one sets its techniques, order, stages and title', async () => {
    sidebar = await openStartForm();
    const { page } = sidebar;
    assert.deepEqual(await page.locator('#f-type option').allTextContents(), [...playbooks.map((p) => p.title), 'Other']);
    assert.equal(await page.locator('#f-title').inputValue(), 'Discovery call');
    await page.locator('#f-type').selectOption('metrics-dora');
    assert.equal(await page.locator('#f-title').inputValue(), 'Metrics review');
    const checked = await page.locator('.pick-list input:checked').evaluateAll((els) => els.map((e) => e.getAttribute('data-technique')));
    assert.deepEqual(checked, playbooks.find((p) => p.id === 'metrics-dora')!.techniques);
    assert.match(await page.locator('#f-type-help').innerText(), /metrics/i);
    await page.locator('#f-type').selectOption('stage-adoption-review');
    assert.equal(await page.locator('fieldset.stages input:checked').count(), 10);
    await page.locator('#f-customer').fill('Initech');
    await page.locator('#f-customer').press('Enter');
    const start = (await sidebar.posted()).find((m) => m.type === 'startCall') as unknown as { setup: CallSetup };
    assert.equal(start.setup.callType, 'Stage adoption review');
    assert.equal(start.setup.stages.length, 10);
    assert.deepEqual(start.setup.techniques, ['stage-adoption', 'day-in-the-life', 'priorities']);
  });

  it('shows a known customer’s coverage gaps; "Add to next call" puts them in the call', async () => {
    sidebar = await openStartForm(['Acme Corp']);
    const { page } = sidebar;
    await page.keyboard.type('acme corp');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'requestGaps'));
    assert.deepEqual((await sidebar.posted()).find((m) => m.type === 'requestGaps'), { type: 'requestGaps', customer: 'Acme Corp' });
    await sidebar.send({
      type: 'gaps',
      customer: 'Acme Corp',
      gaps: [
        { kind: 'stage-never', label: 'Verify: never discussed', bankId: 'stage-verify' },
        { kind: 'metric-without-baseline', label: 'Cycle time has no baseline', bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], placeholders: { metric: 'Cycle time' } },
        { kind: 'technique-never', label: '<b>Five Whys</b> never used', bankId: 'five-whys' },
      ],
    });
    assert.match(await page.locator('.gaps h3').innerText(), /Not yet covered with Acme Corp \(3\)/);
    assert.equal(await page.locator('.gaps b').count(), 0, 'labels are text');
    await page.locator('.gaps > summary').click(); // collapsed until the CSM opens it
    const adds = page.locator('.gap button');
    for (let i = 0; i < 3; i++) await adds.nth(i).click();
    assert.equal(await adds.nth(0).isDisabled(), true);
    assert.equal(await page.locator('input[data-technique="stage-adoption"]').isChecked(), true);
    assert.equal(await page.locator('input[data-stage="verify"]').isChecked(), true);
    await page.locator('#f-customer').press('Enter');
    const start = (await sidebar.posted()).find((m) => m.type === 'startCall') as unknown as { setup: CallSetup };
    assert.ok(start.setup.techniques.includes('five-whys') && start.setup.techniques.includes('stage-adoption'));
    assert.deepEqual(start.setup.stages, ['verify']);
    assert.deepEqual(start.setup.focus, [{ bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], values: { metric: 'Cycle time' } }]);
  });

  it('says what is missing instead of starting', async () => {
    sidebar = await openStartForm();
    const { page } = sidebar;
    await page.keyboard.press('Enter');
    assert.match(await page.locator('.form-error').innerText(), /customer/i);
    assert.equal(await focusedId(sidebar), 'f-customer');
    assert.equal((await sidebar.posted()).filter((m) => m.type === 'startCall').length, 0);
  });

  it('offers stages once Stage Adoption is ticked', async () => {
    sidebar = await openStartForm();
    const { page } = sidebar;
    assert.equal(await page.locator('fieldset.stages').isVisible(), false);
    await page.locator('input[data-technique="stage-adoption"]').check();
    assert.equal(await page.locator('fieldset.stages input').count(), 10);
    await page.locator('input[data-stage="verify"]').check();
    await page.locator('#f-customer').fill('Initech');
    await page.locator('#f-customer').press('Enter');
    const start = (await sidebar.posted()).find((m) => m.type === 'startCall') as unknown as { setup: CallSetup };
    assert.deepEqual(start.setup.stages, ['verify']);
  });
});
