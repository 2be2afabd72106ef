// The call view paints incrementally: its nodes are kept and a step changes only what differs.
// These tests step through calls of every kind of prompt with the keyboard, forward and back
// and after the host's copy replaces the view's, and check each screen against the call as the
// host would hold it (the posted actions replayed through the reducer): nothing stale, nothing
// missing, the focus in the answer box.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { answerTags } from '../../src/core/note/model';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup, CallState } from '../../src/core/session/model';
import { currentItem, ladderDepth, promptOf, questionText, reduce, startCall, type CallAction } from '../../src/core/session/reducer';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const repo = join(__dirname, '..', '..', '..');
const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));

const setup: CallSetup = {
  customer: 'Acme Corp',
  title: 'Discovery',
  callType: 'Discovery',
  date: '2026-11-24',
  attendees: [],
  // Every kind of prompt: TED verbs and topic, numbers with units, choices with "when" lines,
  // notes, the Five Whys ladder, stage scorecards.
  techniques: ['ted', 'day-in-the-life', 'commiseration', 'five-whys', 'metrics', 'stage-adoption'],
  stages: ['verify', 'plan'],
  focus: [],
};

/** What a screen shows, read from the page. */
interface Screen {
  progress: string;
  heading: string | null;
  question: string | null;
  hint: string | null;
  notes: string[];
  whens: string[];
  placeholders: [string, string][];
  answer: { kind: string; value: string | null } | null;
  answerBoxes: number;
  units: string[];
  tags: string[];
  verb: string | null;
  scorecard: string | null;
  ladder: string[];
  another: boolean;
  backDisabled: boolean | null;
  focused: string | undefined;
  /** The answer box is too short for its text (it grows with it, up to most of the view). */
  clipped: boolean;
}

function read(sidebar: Sidebar): Promise<Screen> {
  return sidebar.page.evaluate(() => {
    const q = (s: string) => document.querySelector(s);
    const all = (s: string) => [...document.querySelectorAll(s)];
    const text = (s: string) => q(s)?.textContent ?? null;
    const box = q('#answer') as HTMLInputElement | null;
    const choices = all('fieldset.choices input') as HTMLInputElement[];
    return {
      progress: text('.progress') ?? '',
      heading: text('.technique-heading'),
      question: text('.question'),
      hint: text('.hint span:not(.codicon)'),
      notes: all('.note').map((e) => e.textContent ?? ''),
      whens: all('.when').map((e) => e.textContent ?? ''),
      placeholders: (all('input[id^="ph-"]') as HTMLInputElement[]).map((e): [string, string] => [e.id, e.value]),
      answer: !box ? null : choices.length ? { kind: 'choice', value: choices.find((c) => c.checked)?.value ?? null } : { kind: box.type, value: box.value },
      answerBoxes: all('#answer').length,
      units: all('.unit').map((e) => e.textContent ?? ''),
      tags: all('.tag[aria-pressed="true"]').map((e) => e.textContent?.trim() ?? ''),
      verb: (all('.ted-verbs input') as HTMLInputElement[]).find((r) => r.checked)?.value ?? null,
      scorecard: (q('.scorecard') as HTMLElement | null)?.dataset.stage ?? null,
      ladder: all('.ladder li').map((e) => e.textContent ?? ''),
      another: all('.prompt-card > button').some((b) => /Ask another TED question/.test(b.textContent ?? '')),
      backDisabled: (q('.prompt-card .nav button') as HTMLButtonElement | null)?.disabled ?? null,
      focused: document.activeElement?.id,
      clipped: box?.tagName === 'TEXTAREA' && box.scrollHeight > box.clientHeight + 1,
    };
  });
}

/** What the screen must show for `state`, worked out from the state and the banks alone. */
function expected(state: CallState): Partial<Screen> {
  const { part: p, item: i } = state.position;
  if (p >= state.parts.length) return { progress: `All ${state.parts.length} techniques covered`, heading: 'Wrap up', question: null, focused: 'answer' };
  const part = state.parts[p]!;
  const bank = bankMap.get(part.bankId)!;
  const item = currentItem(state)!;
  const prompt = promptOf(bank, item, bankMap)!;
  const step = bank.flow === 'ladder' ? `Why ${i + 1} of ${Math.max(5, ladderDepth(part))}` : `Prompt ${i + 1} of ${part.items.length}`;
  const kind = prompt.answer === 'choice' ? 'choice' : prompt.answer === 'text' ? 'textarea' : 'number';
  return {
    progress: `Technique ${p + 1} of ${state.parts.length} · ${step}`,
    heading: bank.title,
    question: questionText(prompt, item.values),
    hint: prompt.hint,
    notes: prompt.note ? [prompt.note] : [],
    whens: prompt.when ? [prompt.when] : [],
    placeholders: Object.keys(prompt.placeholders ?? {})
      .filter((n) => n !== 'previous')
      .map((n): [string, string] => [`ph-${n}`, item.values[n] ?? '']),
    answer: { kind, value: kind === 'choice' ? (prompt.choices!.includes(item.answer.split('\n')[0]!) ? item.answer.split('\n')[0]! : null) : item.answer },
    answerBoxes: 1,
    units: prompt.answer === 'percent' ? ['%'] : prompt.answer === 'number' && prompt.unit ? [prompt.unit] : [],
    tags: answerTags.filter((t) => item.tags.includes(t)).map((t) => ({ objective: 'Objective', 'pain-point': 'Pain point', metric: 'Metric', 'action-item': 'Action item', 'follow-up': 'Follow-up' })[t]),
    verb: bank.flow === 'ted' ? item.promptId : null,
    scorecard: bank.adoption ? bank.stage! : null,
    ladder: bank.flow === 'ladder' ? part.items.map((it) => (it.answer.trim() ? it.answer.replace(/\s+/g, ' ').trim() : '…')) : [],
    another: bank.flow === 'ted',
    backDisabled: p === 0 && i === 0,
    focused: 'answer',
    clipped: false,
  };
}

function check(screen: Screen, state: CallState, where: string): void {
  const want = expected(state);
  const got = Object.fromEntries(Object.keys(want).map((k) => [k, screen[k as keyof Screen]]));
  assert.deepEqual(got, want, where);
}

/** The call as the host holds it: the state it sent, with every action the view posted since. */
async function hostCopy(sidebar: Sidebar, from: CallState, skip = 0): Promise<CallState> {
  const actions = (await sidebar.posted()).filter((m) => m.type === 'callAction').map((m) => m.action as CallAction);
  return actions.slice(skip).reduce((s, a) => reduce(s, a, bankMap), from);
}

async function openCall(state: CallState): Promise<Sidebar> {
  assert.ok(state.parts.length, 'a call with parts');
  const sidebar = await openSidebar();
  await sidebar.send({ type: 'catalog', techniques: [], playbooks: [], status: { loaded: callBanks.length, skipped: [] } });
  await sidebar.send({ type: 'call', state, banks: callBanks, suggestions: { objective: [], topic: ['Release cadence'] } });
  await sidebar.page.waitForSelector('#answer');
  return sidebar;
}

/** Answers the current prompt as the CSM would: types into a box, or picks a choice. */
async function answer(sidebar: Sidebar, screen: Screen, n: number): Promise<void> {
  const { page } = sidebar;
  if (screen.answer?.kind === 'choice') {
    await page.locator('fieldset.choices input').nth(n % 2).check();
  } else if (screen.answer?.kind === 'number') {
    await page.keyboard.type(String(10 + n));
  } else if (screen.answer?.kind === 'textarea') {
    await page.keyboard.type(`Answer ${n}`);
  }
  for (const [id] of screen.placeholders) await page.locator(`#${id}`).fill(`topic ${n}`);
  if (n % 3 === 0) await page.keyboard.press('Alt+KeyP');
  // The keys below act on the whole document, wherever the focus is.
}

describe('sidebar webview: stepping through a call paints each prompt exactly', function () {
  this.timeout(120_000);
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('forward through every kind of prompt, answering, then back to the start: each screen is its prompt, with its own answer', async () => {
    const start = startCall('steps-1', setup, bankMap, Date.now());
    sidebar = await openCall(start);
    const { page } = sidebar;
    let screens = 0;
    for (let n = 0; ; n++) {
      const state = await hostCopy(sidebar, start);
      const screen = await read(sidebar);
      check(screen, state, `forward, screen ${n}`);
      screens++;
      if (state.position.part >= state.parts.length) break;
      await answer(sidebar, screen, n);
      // Five Whys climbs while answered: leave its ladder after three rungs.
      if (bankMap.get(state.parts[state.position.part]!.bankId)?.flow === 'ladder' && state.position.item >= 2) await page.keyboard.press('Alt+KeyY');
      else await page.keyboard.press('Control+Enter');
    }
    for (let n = 0; ; n++) {
      await page.keyboard.press('Alt+KeyB');
      const state = await hostCopy(sidebar, start);
      check(await read(sidebar), state, `back, screen ${n}`);
      screens++;
      if (state.position.part === 0 && state.position.item === 0) break;
    }
    assert.ok(screens > 80, `${screens} screens`);
    const final = await hostCopy(sidebar, start);
    assert.ok(final.parts.flatMap((p) => p.items).filter((i) => i.answer).length > 30, 'the answers were kept');
  });

  it('the host’s copy replaces the view’s mid-call: the view shows the host’s prompt and answers, and steps on from there', async () => {
    const start = startCall('steps-2', setup, bankMap, Date.now());
    sidebar = await openCall(start);
    const { page } = sidebar;
    await page.keyboard.type('Our release train');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Enter');
    // The host restored an older copy (say, after a reload): another position, other answers.
    let host = reduce(start, { type: 'answer', key: start.parts[1]!.items[1]!.key, text: 'From the host' }, bankMap);
    host = reduce(host, { type: 'jump', part: 1 }, bankMap);
    host = reduce(host, { type: 'next' }, bankMap);
    const before = (await sidebar.posted()).filter((m) => m.type === 'callAction').length;
    await sidebar.send({ type: 'call', state: host, banks: callBanks, suggestions: { objective: [], topic: [] } });
    check(await read(sidebar), host, 'after the host’s copy');
    assert.equal((await read(sidebar)).answer?.value, 'From the host');
    for (const [n, key] of ['Control+Enter', 'Control+Enter', 'Alt+KeyB', 'Alt+KeyB', 'Alt+KeyB', 'Alt+KeyB', 'Alt+KeyB', 'Alt+KeyB'].entries()) {
      await page.keyboard.press(key);
      check(await read(sidebar), await hostCopy(sidebar, host, before), `after the host’s copy, step ${n} (${key})`);
    }
    // Back at the start: the host's copy has no answer there, and the view shows none.
    assert.equal((await read(sidebar)).answer?.value, '');
  });

  it('a call resumed mid-way opens on its prompt, with its answer and tags, the box sized to the answer', async () => {
    let state = startCall('steps-5', setup, bankMap, Date.now());
    state = reduce(state, { type: 'jump', part: 2 }, bankMap);
    const item = currentItem(state)!;
    state = reduce(state, { type: 'answer', key: item.key, text: 'One\nTwo\nThree\nFour\nFive\nSix\nSeven' }, bankMap);
    state = reduce(state, { type: 'toggleTag', key: item.key, tag: 'action-item' }, bankMap);
    sidebar = await openCall(state);
    check(await read(sidebar), state, 'resumed');
    await sidebar.page.keyboard.press('Alt+KeyB');
    await sidebar.page.keyboard.press('Control+Enter');
    check(await read(sidebar), await hostCopy(sidebar, state), 'back and forth');
  });

  it('a panel stays as the CSM left it for that bank; otherwise it opens where it belongs', async () => {
    const state = startCall('steps-3', { ...setup, techniques: ['stage-adoption'], stages: ['verify', 'plan'] }, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    const open = (selector: string) => page.locator(selector).evaluate((d) => (d as HTMLDetailsElement).open);
    for (let i = 0; i < 5 && !(await page.locator('.scorecard').count()); i++) await page.keyboard.press('Control+Enter');
    assert.equal(await page.locator('.scorecard').getAttribute('data-stage'), 'verify');
    assert.equal(await open('.scorecard'), true, 'open on the stage’s first prompt');
    await page.keyboard.press('Control+Enter');
    assert.equal(await open('.scorecard'), false, 'closed on its later prompts');
    await page.locator('.scorecard > summary').click();
    await page.waitForTimeout(50); // the toggle event
    await page.keyboard.press('Control+Enter');
    assert.equal(await open('.scorecard'), true, 'opened by hand, it stays open through the stage');
    await page.locator('.panel.health-panel > summary').click();
    await page.waitForTimeout(50);
    await page.keyboard.press('Control+Enter');
    assert.equal(await open('.panel.health-panel'), true, 'the health panel, opened by hand, stays open for this bank');
    // On to Plan: its scorecard is its own, open on its first prompt.
    for (let i = 0; i < 20 && (await page.locator('.scorecard').getAttribute('data-stage')) === 'verify'; i++) await page.keyboard.press('Control+Enter');
    assert.equal(await page.locator('.scorecard').getAttribute('data-stage'), 'plan');
    assert.equal(await open('.scorecard'), true);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer');
  });

  it('the technique list follows the call: answered counts and the current technique, open or closed', async () => {
    const state = startCall('steps-4', setup, bankMap, Date.now());
    sidebar = await openCall(state);
    const { page } = sidebar;
    const rows = () => page.locator('.technique-nav li').evaluateAll((li) => li.map((l) => `${l.textContent}${l.querySelector('[aria-current="step"]') ? ' *' : ''}`));
    assert.deepEqual((await rows())[0], 'TED — Tell / Explain / Describe *');
    await page.keyboard.type('Release trains');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Seven tools');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Alt+KeyL');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-current')), 'step');
    const open = await rows();
    assert.equal(open[0], 'TED — Tell / Explain / Describe · 1 answered');
    assert.equal(open[1], 'Day in the Life · 1 answered *');
    await page.keyboard.press('Alt+KeyL');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answer');
    await page.keyboard.type('In GitLab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Enter');
    assert.deepEqual((await rows()).slice(0, 3), ['TED — Tell / Explain / Describe · 1 answered', 'Day in the Life · 2 answered', 'Commiseration / Empathy *'], 'kept current while closed');
  });
});
