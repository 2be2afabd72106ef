// The hostile corpus (test/fixtures/hostile.ts) in every field the sidebar shows, in Chromium under
// the real CSP: technique titles, summaries, rules and sources from team banks (loaded by the real
// loader), playbooks, the customers list, notices, coverage gaps, the call's customer and title,
// each prompt's text, hint, note, condition, placeholders, choices and unit, answers (one of 1 MB),
// Five Whys rungs, earlier objectives and topics, metrics, use-case health, stage scorecards and
// objective details. Every screen must show each text exactly, create no element of its own, carry
// no handler, style or link attribute, report no CSP violation and never set the trap.
//
// Strings cross into the page as JSON text and come back the same way, because the DevTools
// protocol would otherwise turn lone surrogates into U+FFFD on the wire.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMessage } from '../../src/catalogMessage';
import { buildCatalog } from '../../src/core/bank/catalog';
import { hostMessage, type HostMessage } from '../../src/protocol';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallBank, CallSetup, CallState } from '../../src/core/session/model';
import { promptOf, questionText, reduce, startCall, type CallAction } from '../../src/core/session/reducer';
import { HOSTILE_LINES, HOSTILE_MULTILINE, HOSTILE_RAW_LINES, hostileBigAnswer, PWNED } from '../fixtures/hostile';
import { hostileBankFiles } from '../fixtures/hostileBank';
import { closeBrowser, openSidebar, ORIGIN, type Sidebar } from './harness';

const questions = join(__dirname, '..', '..', '..', 'questions');
const builtins = readdirSync(questions)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') }));
const catalog = buildCatalog([...builtins, ...hostileBankFiles()]);
const LINES = [...HOSTILE_LINES, ...HOSTILE_RAW_LINES];
const TEXTS = [...LINES, ...HOSTILE_MULTILINE];
const line = (i: number) => LINES[i % LINES.length]!;
const text = (i: number) => TEXTS[i % TEXTS.length]!;

/** What one screen must show: [selector, property, expected]; a list compares every match in order. */
type Expectation = [selector: string, property: string, expected: string | string[]];
interface Step {
  message?: HostMessage;
  /** A `call` message built in the page from the shared base (see run), at this position. */
  position?: { part: number; item: number };
  /** Run in the page before checking: type a customer into the start form. */
  typeCustomer?: string;
  /** Run in the page before checking: pick a playbook. */
  pickPlaybook?: string;
  expect: Expectation[];
}

/**
 * Runs the steps inside the page and returns, per step, what was wrong. Self-contained: it is
 * serialised into the page.
 */
async function pageRunner(json: string): Promise<string> {
  const { steps, base } = JSON.parse(json) as { steps: Step[]; base?: { state: { position: unknown }; banks: unknown[]; suggestions: unknown } };
  const ownAttributes = new Set(['class', 'id', 'type', 'for', 'role', 'hidden', 'open', 'list', 'value', 'name', 'checked', 'disabled', 'required', 'placeholder', 'title', 'rows', 'min', 'max', 'step', 'maxlength', 'autocomplete', 'inputmode', 'spellcheck', 'label', 'selected', 'lang', 'novalidate']);
  const problemsOf = (): string[] => {
    const problems: string[] = [];
    const head = document.head;
    if (head.querySelectorAll('script, style, base, iframe, object').length || head.querySelectorAll('link').length !== 2 || head.querySelectorAll('meta').length !== 3) problems.push(`head changed: ${head.innerHTML.slice(0, 200)}`);
    if (document.body.querySelectorAll('script').length !== 1) problems.push('a script element appeared');
    if (document.body.querySelectorAll('form').length > 1) problems.push('a form element appeared');
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'svg', 'iframe', 'style', 'link', 'a', 'object', 'embed', 'math', 'template', 'base', 'meta', 'b', 'i', 'body', 'table', 'frame', 'video', 'audio', 'source', 'textarea'].includes(tag) && el.id !== 'answer') problems.push(`<${tag}> element`);
      if (tag === 'script' && el !== document.body.querySelector('script')) problems.push('<script> element');
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        if (ownAttributes.has(name) || name.startsWith('aria-') || name.startsWith('data-')) continue;
        if (name === 'style' && el.id === 'answer' && /^height: ([\d.e+]+px|auto);$/.test(a.value)) continue;
        if (name === 'nonce' || (name === 'src' && tag === 'script' && a.value.endsWith('/webview.js'))) continue;
        problems.push(`${tag}[${name}=${JSON.stringify(a.value).slice(0, 60)}]`);
      }
    }
    return problems;
  };
  const read = (el: Element, prop: string): string => {
    const property = prop.replace(/\*$/, '');
    if (property.startsWith('@')) return el.getAttribute(property.slice(1)) ?? '(none)';
    if (property === 'value') return (el as HTMLInputElement).value;
    return el.textContent ?? '';
  };
  const out: { problems: string[]; mismatches: string[] }[] = [];
  for (const step of steps) {
    if (step.message) window.postMessage(step.message, '*');
    if (step.position && base) window.postMessage({ type: 'call', state: { ...base.state, position: step.position }, banks: base.banks, suggestions: base.suggestions }, '*');
    await new Promise((r) => setTimeout(r, 0));
    if (step.typeCustomer !== undefined) {
      const input = document.getElementById('f-customer') as HTMLInputElement;
      input.value = step.typeCustomer;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (step.pickPlaybook !== undefined) {
      const select = document.getElementById('f-type') as HTMLSelectElement;
      select.value = step.pickPlaybook;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const mismatches: string[] = [];
    for (const [selector, property, expected] of step.expect) {
      const found = [...document.querySelectorAll(selector)].map((el) => read(el, property));
      // `prop*`: the matches in any order.
      const got = Array.isArray(expected) ? (property.endsWith('*') ? found.sort() : found) : found[0];
      if (property.endsWith('*') && Array.isArray(expected)) expected.sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${selector} ${property}: got ${JSON.stringify(got)?.slice(0, 300)}, expected ${JSON.stringify(expected).slice(0, 300)}`);
    }
    out.push({ problems: problemsOf(), mismatches });
  }
  return JSON.stringify(out);
}

async function run(sidebar: Sidebar, steps: Step[], base?: Extract<HostMessage, { type: 'call' }>): Promise<void> {
  for (const step of steps) if (step.message) assert.ok(hostMessage.safeParse(step.message).success, `the host could send ${step.message.type}`);
  if (base) assert.ok(hostMessage.safeParse(base).success, 'the host could send the call');
  const results = JSON.parse(await sidebar.page.evaluate(pageRunner, JSON.stringify({ steps, base }))) as { problems: string[]; mismatches: string[] }[];
  const bad = results.flatMap((r, i) => [...r.problems, ...r.mismatches].map((p) => `step ${i}: ${p}`));
  assert.deepEqual(bad, [], `${bad.length} problems`);
  assert.deepEqual(await sidebar.violations(), [], 'no CSP violation: nothing even tried to run or load');
  assert.equal(await sidebar.page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], PWNED), undefined, 'the trap is not set');
  assert.deepEqual(sidebar.requests().filter((u) => !u.startsWith(`${ORIGIN}/`)), [], 'nothing loaded from elsewhere');
}

const built = catalogMessage(catalog);
const { techniques, playbooks } = built;
const catalogMsg: HostMessage = { ...built, status: { loaded: techniques.length, skipped: LINES.slice(0, 3) } };
/** The technique list shows techniques, then stages, then checklists. */
const listed = ['technique', 'stage', 'checklist'].flatMap((kind) => techniques.filter((t) => t.kind === kind));

describe('sidebar webview: the hostile corpus in every field', function () {
  this.timeout(120_000); // a hang guard: 60 s was hit under load
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('technique list, start form, customers, playbooks, notices and coverage gaps', async () => {
    sidebar = await openSidebar();
    const customers = LINES.filter((c) => c.trim());
    const hostilePlaybook = playbooks.find((p) => p.id === 'hostile-playbook')!;
    const gapCustomer = customers[1]!;
    const gaps = TEXTS.map((label, i) => ({ kind: 'technique-never', label, bankId: `hostile-${i % 5}` }));
    const runnable = techniques.filter((t) => t.kind !== 'stage');
    await run(sidebar, [
      // The catalog alone draws nothing new: the start form waits for the host's idle message.
      { message: catalogMsg, expect: [] },
      {
        message: { type: 'idle', customers, today: '2026-11-24', notice: text(5) },
        expect: [
          ['.technique-summary', 'text', listed.map((t) => t.summary)],
          ['.technique-rule', 'text', listed.filter((t) => t.adoptionRule).map((t) => t.adoptionRule!)],
          ['#customers option', '@value', customers],
          ['#f-type option', 'text', [...playbooks.map((p) => p.title), 'Other']],
          ['.pick-list label', 'text*', runnable.map((t) => ` ${t.title}`)],
          ['.technique-title', 'text', listed.map((t) => t.title)],
        ],
      },
      { pickPlaybook: 'hostile-playbook', expect: [['#f-title', 'value', hostilePlaybook.callTitle], ['#f-type-help', 'text', hostilePlaybook.summary]] },
      { typeCustomer: gapCustomer, expect: [] },
      { message: { type: 'gaps', customer: gapCustomer, gaps }, expect: [['.gap-label', 'text', gaps.map((g) => g.label)], ['.gaps h3', 'text', `Not yet covered with ${gapCustomer} (${gaps.length})`]] },
      ...[text(9), text(40), text(95)].map((t): Step => ({ message: { type: 'notice', level: 'error', text: t }, expect: [['p.notice.error', 'text', t]] })),
    ]);
  });

  /** A call over `ids` where every answer, value and captured field is hostile, as the host's copy would hold it. */
  function hostileCall(ids: string[], offset: number, withBig: boolean) {
    const banks = new Map<string, CallBank>(
      catalog.banks.filter((b) => ids.includes(b.id) || ['hostile-stage', 'hostile-drivers', 'value-drivers'].includes(b.id)).map((b) => [b.id, toCallBank(b)]),
    );
    const setup: CallSetup = {
      customer: line(offset),
      title: line(offset + 1),
      callType: line(offset + 2),
      date: '2026-11-24',
      attendees: LINES.slice(3, 8),
      techniques: ids,
      stages: ['verify'],
      focus: [],
    };
    let state: CallState = startCall(`hostile-call-${offset}`, setup, banks, Date.now());
    const act = (a: CallAction) => (state = reduce(state, a, banks));
    let n = offset + 3;
    let big: string | undefined = withBig ? hostileBigAnswer() : undefined;
    for (const [p, part] of state.parts.entries()) {
      for (let i = 0; i < 12 && state.parts[p]!.items[i]; i++) {
        const item = state.parts[p]!.items[i]!;
        const prompt = promptOf(banks.get(part.bankId), item, banks)!;
        for (const name of Object.keys(prompt.placeholders ?? {})) if (name !== 'previous') act({ type: 'setValue', key: item.key, name, value: line(n++) });
        let answer = prompt.answer === 'number' || prompt.answer === 'percent' ? '42' : prompt.answer === 'choice' ? `${prompt.choices![n % 2]}\n${text(n++)}` : text(n++);
        if (prompt.answer === 'text' && big) [answer, big] = [big, undefined];
        act({ type: 'answer', key: item.key, text: answer });
        act({ type: 'toggleTag', key: item.key, tag: 'objective' });
        act({ type: 'editObjective', key: item.key, field: 'owner', value: line(n++) });
        act({ type: 'editObjective', key: item.key, field: 'valueDriver', value: 'driver-1' });
        if (part.bankId === 'five-whys' && i < 3) {
          // Climb a rung: the next one quotes this answer.
          act({ type: 'jump', part: p });
          for (let k = 0; k <= i; k++) act({ type: 'next' });
        }
      }
    }
    act({ type: 'addMetric', id: 'metric-1', name: line(n++), valueDriver: 'driver-1', unit: line(n++) });
    act({ type: 'addMetric', id: 'custom-x', name: line(n++), valueDriver: '', unit: '' });
    for (const field of ['measuredHow', 'baseline', 'target', 'unit'] as const) act({ type: 'editMetric', id: 'custom-x', field, value: line(n++) });
    act({ type: 'addHealth' });
    act({ type: 'editHealth', index: 0, field: 'useCase', value: line(n++) });
    act({ type: 'editHealth', index: 0, field: 'reason', value: line(n++) });
    act({ type: 'setScore', stage: 'verify', percent: 40 });
    act({ type: 'toggleCriterion', stage: 'verify', criterion: 'c-1' });
    const suggestions = { objective: LINES.slice(10, 30), topic: TEXTS.slice(30, 60) };
    return { state, banks, setup, suggestions };
  }

  /** Every screen of the call, each with what it must show exactly. */
  function screens({ state, banks, setup, suggestions }: ReturnType<typeof hostileCall>): Step[] {
    const steps: Step[] = [];
    for (const [p, part] of state.parts.entries()) {
      const bank = banks.get(part.bankId)!;
      for (const [i, item] of part.items.entries()) {
        const prompt = promptOf(bank, item, banks)!;
        const expect: Expectation[] = [
          ['.call-who strong', 'text', setup.customer],
          ['.call-who .muted', 'text', ` · ${setup.title}`],
          ['.technique-heading', 'text', bank.title],
          ['.question', 'text', questionText(prompt, item.values)],
          ['.hint span:not(.codicon)', 'text', prompt.hint],
          ['.note', 'text', prompt.note === undefined ? [] : [prompt.note]],
          ['.when', 'text', prompt.when === undefined ? [] : [prompt.when]],
        ];
        for (const [name, spec] of Object.entries(prompt.placeholders ?? {})) {
          if (name === 'previous') continue;
          expect.push([`label[for="ph-${name}"]`, 'text', spec.label], [`#ph-${name}`, 'value', item.values[name] ?? ''], [`#ph-${name}`, '@placeholder', spec.example ?? '(none)']);
          const options = name === 'objective' ? suggestions.objective : name === 'topic' ? suggestions.topic : [];
          if (options.length) expect.push([`#ph-${name}-list option`, '@value', options]);
        }
        if (prompt.answer === 'choice') expect.push(['fieldset.choices input', '@value', prompt.choices!], ['fieldset.choices label', 'text', prompt.choices!.map((c) => ` ${c}`)]);
        else if (prompt.answer === 'number') expect.push(['#answer', 'value', item.answer], ['.unit', 'text', prompt.unit === undefined ? [] : [prompt.unit]]);
        else if (prompt.answer === 'text') expect.push(['#answer', 'value', item.answer]);
        if (bank.flow === 'ladder') expect.push(['.ladder li', 'text', part.items.map((it) => (it.answer.trim() ? it.answer.replace(/\s+/g, ' ').trim() : '…'))]);
        if (bank.adoption) expect.push(['.scorecard .check span', 'text', bank.adoption.criteria.map((c) => ` ${c.text}${c.metrics?.length ? ` ${c.metrics.join(', ')}` : ''}`)], ['.scorecard p.help', 'text', bank.adoption.rule]);
        steps.push({ position: { part: p, item: i }, expect });
      }
    }
    steps.push({ position: { part: state.parts.length, item: 0 }, expect: [['.technique-heading', 'text', 'Wrap up']] });
    return steps;
  }

  it('a call: customer, title, every prompt field, answers, rungs, suggestions, metrics, health, scorecards and objectives', async () => {
    // A call whose first answer is 1 MB, then calls of six techniques each (every screen re-renders
    // the whole call, so a call of ninety techniques with a 1 MB answer would take long to check).
    const ids = catalog.banks.filter((b) => /^hostile-\d+$/.test(b.id)).map((b) => b.id);
    const chunks: string[][] = [['hostile-0']];
    for (let i = 0; i < ids.length; i += 6) chunks.push(ids.slice(i, i + 6));
    chunks[1]!.push('five-whys', 'sync-refresh', 'stage-adoption');
    sidebar = await openSidebar();
    await sidebar.send(catalogMsg);
    let screensChecked = 0;
    let last: ReturnType<typeof hostileCall> | undefined;
    for (const [c, chunk] of chunks.entries()) {
      last = hostileCall(chunk, c * 13, c === 0);
      const steps = screens(last);
      screensChecked += steps.length;
      await run(sidebar, steps, { type: 'call', state: last.state, banks: [...last.banks.values()], suggestions: last.suggestions });
    }
    assert.ok(screensChecked > 250, `${screensChecked} screens`);
    const { state, banks, suggestions } = last!;
    const inputs = async () => JSON.parse(await sidebar.page.evaluate(() => JSON.stringify([...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)))) as string[];
    // The wrap-up (the last screen run) shows every objective with its owner.
    const onWrapUp = await inputs();
    for (const owner of Object.values(state.objectives).map((o) => o.owner).filter(Boolean)) assert.ok(onWrapUp.includes(owner), `objective owner ${JSON.stringify(owner).slice(0, 60)}`);
    // A prompt screen with its metrics and use-case health panels open.
    const drivers = [...banks.values()].flatMap((b) => b.valueDrivers ?? []);
    await run(sidebar, [{ position: { part: 0, item: 0 }, expect: [['.metric-head strong', 'text', state.metrics.map((m) => m.name)], ['optgroup', '@label', drivers.map((d) => d.name)]] }], { type: 'call', state, banks: [...banks.values()], suggestions });
    await sidebar.page.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const onPrompt = await inputs();
    const metric = state.metrics.find((m) => m.id === 'custom-x')!;
    for (const value of [metric.measuredHow, metric.baseline, metric.target, metric.unit, state.health[0]!.useCase, state.health[0]!.reason]) {
      assert.ok(onPrompt.includes(value), `the panels show ${JSON.stringify(value).slice(0, 60)}`);
    }
    const problems = JSON.parse(await sidebar.page.evaluate(pageRunner, JSON.stringify({ steps: [{ expect: [] }] }))) as { problems: string[] }[];
    assert.deepEqual(problems[0]!.problems, []);
    assert.deepEqual(await sidebar.violations(), []);
  });
});
