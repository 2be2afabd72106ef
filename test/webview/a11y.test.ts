// Accessibility: axe-core (the engine behind Lighthouse and Accessibility Insights; a
// devDependency, because hand-written checks would cover a fraction of the WCAG rules it knows)
// runs in Chromium over every state of the real sidebar bundle: the start form with coverage gaps
// and with an error, every kind of step in a call (text, numbers, choices, TED, Sync/Refresh's
// chooser, the Five Whys ladder, a stage scorecard, metrics and use-case health open, the technique
// list open), the wrap-up and the "saved" start form. No serious or critical violation may remain.
// The tests also check what a screen reader hears: step changes and saves are announced through a
// polite live region, and the call timer is not.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup, CallState } from '../../src/core/session/model';
import { reduce, startCall } from '../../src/core/session/reducer';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const repo = join(__dirname, '..', '..', '..');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));
const techniques = catalog.banks.map((b) => ({ id: b.id, title: b.title, summary: b.summary, kind: b.kind, flow: b.flow, promptCount: b.prompts.length, sources: [], ...(b.stage ? { stage: b.stage } : {}) }));
const playbooks = catalog.playbooks.map(({ id, title, summary, callTitle, techniques: t, stages }) => ({ id, title, summary, callTitle, techniques: t, stages }));

/** Every technique bank, so that every flow and answer kind comes up; two stages. */
const setup: CallSetup = {
  customer: 'Acme Corp',
  title: 'Discovery',
  callType: 'Discovery',
  date: '2026-11-24',
  attendees: ['Dana'],
  techniques: catalog.banks.filter((b) => b.kind === 'technique').map((b) => b.id),
  stages: ['verify', 'manage'],
  focus: [],
};

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core over the whole page, as it is now; serious and critical violations only. */
async function axe(sidebar: Sidebar): Promise<Violation[]> {
  // page.evaluate runs through DevTools, outside the page's CSP (which allows only our bundle).
  await sidebar.page.evaluate(AXE);
  return sidebar.page.evaluate(async () => {
    const engine = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const result = await engine.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}

function assertClean(where: string, violations: Violation[]): void {
  assert.deepEqual(violations, [], `${where}:\n${violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n')}`);
}

async function startForm(customers: string[] = []): Promise<Sidebar> {
  const sidebar = await openSidebar();
  await sidebar.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
  await sidebar.send({ type: 'idle', customers, today: '2026-11-24' });
  await sidebar.page.waitForSelector('#f-customer');
  return sidebar;
}

const atWrapUp = (s: CallState) => s.position.part >= s.parts.length;

/** A name for what the screen shows: the bank's flow and the prompt's answer kind. */
function kindOf(state: CallState): string {
  if (atWrapUp(state)) return 'wrap-up';
  const part = state.parts[state.position.part]!;
  const bank = bankMap.get(part.bankId)!;
  const item = part.items[state.position.item];
  const prompt = item && bank.prompts.find((p) => p.id === item.promptId);
  return `${bank.flow}/${prompt?.answer ?? 'none'}${prompt?.placeholders && Object.keys(prompt.placeholders).length ? '+placeholders' : ''}`;
}

describe('sidebar webview: accessibility (axe-core, serious and critical)', function () {
  this.timeout(180_000);
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('the start form, with coverage gaps, and with an error', async () => {
    sidebar = await startForm(['Acme Corp']);
    const { page } = sidebar;
    assertClean('empty start form', await axe(sidebar));
    // axe is really looking: a control without a name is caught (then removed again).
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'nameless' })));
    assert.ok((await axe(sidebar)).some((v) => v.id === 'button-name'), 'axe-core did not flag a nameless button');
    await page.evaluate(() => document.getElementById('nameless')?.remove());
    await page.keyboard.type('Acme Corp');
    await sidebar.send({
      type: 'gaps',
      customer: 'Acme Corp',
      gaps: [
        { kind: 'stage-never', label: 'Verify: never discussed', bankId: 'stage-verify' },
        { kind: 'metric-without-baseline', label: 'Cycle time has no baseline', bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], placeholders: { metric: 'Cycle time' } },
        { kind: 'technique-never', label: 'Five Whys never used', bankId: 'five-whys' },
      ],
    });
    await page.waitForSelector('.gaps');
    await page.locator('input[data-technique="stage-adoption"]').check();
    assertClean('start form with gaps and stages', await axe(sidebar));
    await page.locator('#f-customer').fill('');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.form-error');
    assertClean('start form saying what is missing', await axe(sidebar));
  });

  it('every kind of step in a call, the technique list, the panels and the wrap-up', async () => {
    let state = startCall('a11y', setup, bankMap, Date.now() - 5 * 60_000);
    sidebar = await openSidebar();
    await sidebar.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
    const show = async (s: CallState) => {
      await sidebar.send({ type: 'call', state: s, banks: callBanks, suggestions: { objective: ['Ship faster'], topic: ['Release cadence'] } });
      await sidebar.page.waitForSelector('#answer');
    };
    const seen = new Set<string>();
    for (let guard = 0; guard < 500; guard++) {
      const kind = kindOf(state);
      if (!seen.has(kind)) {
        seen.add(kind);
        await show(state);
        assertClean(`step ${kind}`, await axe(sidebar));
      }
      if (atWrapUp(state)) break;
      const part = state.parts[state.position.part]!;
      const bank = bankMap.get(part.bankId)!;
      const item = part.items[state.position.item]!;
      // Answer, so ladders climb and scorecards fill; leave a ladder after two rungs.
      state = reduce(state, { type: 'answer', key: item.key, text: bank.flow === 'stages' ? '40' : `Answer ${guard}` }, bankMap);
      state = bank.flow === 'ladder' && state.position.item >= 1 ? reduce(state, { type: 'ladderReached' }, bankMap) : reduce(state, { type: 'next' }, bankMap);
    }
    console.log(`      axe-core over ${seen.size} kinds of screen: ${[...seen].join(', ')}`);
    assert.ok(seen.has('wrap-up'), `never reached the wrap-up: ${[...seen].join(', ')}`);
    for (const flow of ['steps', 'ted', 'ladder', 'stages']) assert.ok([...seen].some((k) => k.startsWith(`${flow}/`)), `no ${flow} step: ${[...seen].join(', ')}`);

    // Back in the middle of the call: the technique list and every panel open.
    await show(reduce(state, { type: 'jump', part: 1 }, bankMap));
    const { page } = sidebar;
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    assertClean('technique list and panels open', await axe(sidebar));
  });

  it('the saved state: the start form again, with the note it wrote', async () => {
    sidebar = await startForm(['Acme Corp']);
    await sidebar.send({ type: 'idle', customers: ['Acme Corp'], today: '2026-11-24', notice: 'Saved success-plans/acme-corp/2026-11-24-discovery.md' });
    await sidebar.page.waitForSelector('#f-customer');
    assertClean('saved', await axe(sidebar));
  });
});

describe('sidebar webview: what a screen reader hears', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  /** The text of every polite or assertive live region, and of role=status/alert ones. */
  const liveText = (s: Sidebar) =>
    s.page.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')]
        .filter((el) => el.getAttribute('aria-live') !== 'off')
        .map((el) => el.textContent ?? '')
        .join(' | '),
    );

  it('announces step changes and saves, and keeps the running timer out of live regions', async () => {
    const state = startCall('sr', setup, bankMap, Date.now() - 65_000);
    sidebar = await openSidebar();
    await sidebar.send({ type: 'catalog', techniques, playbooks, status: { loaded: techniques.length, skipped: [] } });
    await sidebar.send({ type: 'call', state, banks: callBanks, suggestions: { objective: [], topic: [] } });
    await sidebar.page.waitForSelector('#answer');
    const { page } = sidebar;
    const timer = page.locator('.timer');
    assert.ok(await timer.count(), 'the call shows a timer');
    const timerLive = await timer.evaluate((el) => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        const live = n.getAttribute('aria-live');
        if (live) return live;
        const role = n.getAttribute('role');
        if (role === 'status' || role === 'alert' || role === 'log') return role;
      }
      return 'off';
    });
    assert.equal(timerLive, 'off', 'the timer is inside a live region: it would be read out every second');

    const before = await liveText(sidebar);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((b) => {
      const now = [...document.querySelectorAll('[aria-live="polite"], [aria-live="assertive"], [role="status"]')].map((el) => el.textContent ?? '').join(' | ');
      return now !== b && now.trim().length > 0;
    }, before);
    assert.match(await liveText(sidebar), /Prompt 2|question|step|of \d+/i, 'the new step is announced');

    await sidebar.send({ type: 'idle', customers: ['Acme Corp'], today: '2026-11-24', notice: 'Saved success-plans/acme-corp/2026-11-24-discovery.md' });
    await page.waitForSelector('#f-customer');
    assert.match(await liveText(sidebar), /Saved success-plans\/acme-corp/, 'the save is announced');
  });
});

describe('sidebar webview: reduced motion', function () {
  this.timeout(120_000);
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  /** Every running animation and every element with a transition or animation that would play. */
  const motion = (s: Sidebar) =>
    s.page.evaluate(() => [
      ...document.getAnimations().map((a) => `animation ${(a as CSSAnimation).animationName ?? a.id}`),
      ...[...document.querySelectorAll('*')].flatMap((el) => {
        const cs = getComputedStyle(el);
        const moves = (durations: string) => durations.split(',').some((d) => parseFloat(d) > 0);
        return moves(cs.transitionDuration) || (cs.animationName !== 'none' && moves(cs.animationDuration)) ? [`${el.tagName.toLowerCase()}.${el.className}`] : [];
      }),
    ]);

  it('with prefers-reduced-motion: reduce, nothing in the start form or a call moves (no animation, no transition)', async () => {
    sidebar = await startForm(['Acme Corp']);
    const { page } = sidebar;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.deepEqual(await motion(sidebar), [], 'start form');
    await sidebar.send({ type: 'call', state: startCall('motion', setup, bankMap, Date.now()), banks: callBanks, suggestions: { objective: [], topic: [] } });
    await page.waitForSelector('#answer');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.keyboard.type('An answer');
    await page.keyboard.press('Control+Enter');
    assert.deepEqual(await motion(sidebar), [], 'a call, every panel open, after a step change');
  });
});
