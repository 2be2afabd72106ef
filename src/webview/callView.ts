// The live call: one prompt at a time with its hint, an answer box that grows, tags, progress,
// a timer, and TED / Five Whys specifics. It applies each action to its own copy of the call at
// once (same reducer as the host) and tells the host, which persists it.
//
// It paints incrementally. Its nodes are made once (or once per bank, prompt or panel content)
// and a step changes only what differs: the question, the hint, the answer box's value, the
// tags, the progress. A key press touches a handful of nodes, so the next prompt shows within
// a frame however long the call is.
import { answerTags, type AnswerTag } from '../core/note/model';
import type { CallBank, CallItem, CallPrompt, CallState, CallValueDriver } from '../core/session/model';
import { currentItem, ladderDepth, promptOf, questionText, reduce, type Banks, type CallAction } from '../core/session/reducer';
import { checkAdoption } from '../core/plan/adoption';
import { objectiveItems } from '../core/session/toNote';
import { renderHealth, renderMetrics, renderObjectives, renderScorecard } from './capturePanels';
import { attr, button, h, icon, setText, sync } from './dom';

export interface CallContext {
  state: CallState;
  banks: Banks;
  suggestions: { objective: string[]; topic: string[] };
}

export interface CallViewHost {
  post(action: CallAction): void;
  finish(): void;
  discard(): void;
  announce(text: string): void;
}

const TAG_LABELS: Record<AnswerTag, [label: string, key: string]> = {
  objective: ['Objective', 'O'],
  'pain-point': ['Pain point', 'P'],
  metric: ['Metric', 'M'],
  'action-item': ['Action item', 'A'],
  'follow-up': ['Follow-up', 'F'],
};

const ANSWER_DEBOUNCE_MS = 120;

function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return hours ? `${hours}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/** Caches what `make` returns until one of its arguments changes (by identity). */
function memo<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value: R;
  return (...args) => {
    if (!last || args.some((a, i) => a !== last![i])) {
      value = make(...args);
      last = args;
    }
    return value;
  };
}

const hasText = (s: string) => /\S/.test(s);

export class CallView {
  readonly root = h('section', { class: 'call', 'aria-label': 'Call in progress' });
  #ctx: CallContext;
  #host: CallViewHost;
  #timer: number;
  #pending: { key: string; text: string } | undefined;
  #answerTimer: number | undefined;
  /** Panels the CSM opened or closed by hand, by panel and bank, so a repaint keeps them that way. */
  #panelOpen: Record<string, boolean> = {};

  // The nodes every screen shares.
  #timerEl = h('span', { class: 'timer', role: 'timer', 'aria-label': 'Call time' });
  #who = h('strong');
  #title = h('span', 'muted');
  #header = h('header', 'call-header', h('div', 'call-who', this.#who, this.#title), h('div', 'call-clock', icon('clock'), ' ', this.#timerEl));
  #progress = h('div', 'progress');
  #stepText = h('span');
  #bar = h('progress', { 'aria-label': 'Techniques covered' });
  #navList = h('ol');
  #nav = h('details', 'technique-nav', h('summary', { 'aria-keyshortcuts': 'Alt+T' }, icon('list-ordered'), ' Techniques ', h('kbd', { text: 'Alt+T' })), this.#navList);
  #navRows: { bank: CallBank | undefined; li: HTMLElement; button: HTMLButtonElement; count: HTMLElement }[] = [];
  #footer = h(
    'footer',
    'call-footer',
    button('link-button', () => this.#host.finish(), icon('save'), ' Finish call'),
    button('link-button danger', () => this.#host.discard(), icon('trash'), ' Discard'),
  );

  // The prompt card and its parts.
  #card = h('article', { class: 'prompt-card', 'aria-labelledby': 'question' });
  #missing = h('p', { class: 'empty', text: 'This prompt is no longer in its bank. Press Skip to go on.' });
  #heading = h('h2', 'technique-heading');
  #when = h('div', 'when');
  #question = h('p', { class: 'question', id: 'question' });
  #hintText = h('span');
  #hint = h('p', 'hint', icon('lightbulb'), ' ', this.#hintText);
  #note = h('p', 'note');
  #area = h('textarea', { id: 'answer', rows: '3', 'aria-describedby': 'question', spellcheck: 'true' });
  #text = h('div', 'field', h('label', { class: 'label', for: 'answer', text: 'Answer' }), this.#area);
  #number = h('input', { id: 'answer', type: 'number', inputmode: 'decimal', step: 'any', 'aria-describedby': 'question' });
  #unit = h('span', 'unit');
  #numberBox = h('div', 'number');
  #numberField = h('div', 'field', h('label', { class: 'label', for: 'answer', text: 'Answer' }), this.#numberBox);
  #tagButtons = answerTags.map((tag) => {
    const key = TAG_LABELS[tag][1];
    return button({ class: 'tag', 'aria-pressed': '', 'aria-keyshortcuts': `Alt+${key}`, title: `Alt+${key}` }, () => this.#toggleTag(tag));
  });
  #tags = h('div', { class: 'tags', role: 'group', 'aria-label': 'Tag this answer' }, ...this.#tagButtons);
  #another = button(
    { class: 'secondary', 'aria-keyshortcuts': 'Alt+N' },
    () => this.#dispatch({ type: 'tedAnother' }),
    icon('add'),
    ' Ask another TED question ',
    h('kbd', { text: 'Alt+N' }),
  );
  #back = button({ class: 'secondary', 'aria-keyshortcuts': 'Alt+B', title: 'Alt+B' }, () => this.#dispatch({ type: 'back' }), icon('arrow-left'), ' Back');
  #stepNav = h(
    'div',
    'nav',
    this.#back,
    button({ class: 'secondary', 'aria-keyshortcuts': 'Alt+S', title: 'Alt+S' }, () => this.#dispatch({ type: 'skip' }), icon('debug-step-over'), ' Skip'),
    button({ class: 'primary', 'aria-keyshortcuts': 'Control+Enter', title: 'Ctrl+Enter' }, () => this.#dispatch({ type: 'next' }), 'Next ', icon('arrow-right')),
    h('div', { class: 'keys muted', text: 'Ctrl+Enter next · Alt+B back · Alt+S skip · Alt+T techniques' }),
  );

  constructor(ctx: CallContext, host: CallViewHost) {
    this.#ctx = ctx;
    this.#host = host;
    this.#area.oninput = () => {
      this.#grow();
      this.#queueAnswer(this.#area.value);
    };
    this.#number.oninput = () => this.#queueAnswer(this.#number.value);
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    this.#render();
  }

  /** The host's copy replaces ours (on load, or after the host corrected something). */
  replace(ctx: CallContext): void {
    this.#ctx = ctx;
    this.#pending = undefined;
    this.#render();
  }

  dispose(): void {
    window.clearInterval(this.#timer);
    this.#flushAnswer();
  }

  /** Applies an action locally, repaints what it changed, and tells the host. */
  #dispatch(action: CallAction): void {
    if (action.type !== 'answer') this.#flushAnswer();
    const before = this.#ctx.state;
    const after = reduce(before, action, this.#ctx.banks);
    if (after === before) return;
    this.#ctx = { ...this.#ctx, state: after };
    this.#host.post(action);
    switch (action.type) {
      case 'answer': // the answer box already shows it; keep the caret
      // The control already shows the new value: repainting would only lose the focus.
      case 'editMetric':
      case 'editHealth':
      case 'setHealthColor':
      case 'editObjective':
        return;
      case 'toggleTag':
        return this.#renderTags();
      case 'setValue':
        return setText(this.#question, this.#questionText());
      case 'setScore':
      case 'toggleCriterion':
        return this.#renderScoreStatus();
      case 'addMetric':
      case 'removeMetric':
      case 'addHealth':
      case 'removeHealth': {
        this.#render(false);
        const panel = this.root.querySelector(action.type.endsWith('Metric') ? '.panel.metrics' : '.panel.health-panel');
        (panel?.querySelector(action.type.startsWith('add') ? 'li:last-of-type input' : 'select, button.secondary') as HTMLElement | null)?.focus();
        return;
      }
    }
    this.#render();
  }

  #item(): CallItem | undefined {
    return currentItem(this.#ctx.state);
  }

  #toggleTag(tag: AnswerTag): void {
    const item = this.#item();
    if (item) this.#dispatch({ type: 'toggleTag', key: item.key, tag });
  }

  #flushAnswer(): void {
    window.clearTimeout(this.#answerTimer);
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending) this.#dispatch({ type: 'answer', ...pending });
  }

  /** The answer box's text for the current item, sent once typing pauses (or before any other action). */
  #queueAnswer(text: string): void {
    const item = this.#item();
    if (!item) return;
    this.#pending = { key: item.key, text };
    window.clearTimeout(this.#answerTimer);
    this.#answerTimer = window.setTimeout(() => this.#flushAnswer(), ANSWER_DEBOUNCE_MS);
  }

  /** Keyboard: Ctrl/Cmd+Enter next, Alt+B back, Alt+S skip, Alt+T techniques, Alt+O/P/M/A/F tags. */
  handleKey(e: KeyboardEvent): boolean {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter' && !e.altKey) {
      if (this.#atWrapUp()) this.#host.finish();
      else this.#dispatch({ type: e.shiftKey ? 'back' : 'next' });
      return true;
    }
    if (!e.altKey || mod) return false;
    const flow = this.#bank()?.flow;
    switch (e.code) {
      case 'KeyB':
        this.#dispatch({ type: 'back' });
        return true;
      case 'KeyS':
        this.#dispatch({ type: 'skip' });
        return true;
      case 'KeyT':
        this.#nav.open = !this.#nav.open;
        if (this.#nav.open) this.#navList.querySelector<HTMLElement>('[aria-current]')?.focus();
        else this.focusAnswer();
        return true;
      case 'KeyR':
        if (flow !== 'ladder') return false;
        this.#dispatch({ type: 'ladderReached' });
        return true;
      case 'KeyN':
        if (flow !== 'ted') return false;
        this.#dispatch({ type: 'tedAnother' });
        return true;
    }
    const tag = answerTags.find((t) => `Key${TAG_LABELS[t][1]}` === e.code);
    if (tag && this.#item()) {
      this.#toggleTag(tag);
      this.#host.announce(`${TAG_LABELS[tag][0]} ${this.#item()?.tags.includes(tag) ? 'tagged' : 'untagged'}`);
      return true;
    }
    return false;
  }

  #atWrapUp(): boolean {
    return this.#ctx.state.position.part >= this.#ctx.state.parts.length;
  }

  #bank(): CallBank | undefined {
    const part = this.#ctx.state.parts[this.#ctx.state.position.part];
    return part && this.#ctx.banks.get(part.bankId);
  }

  #tick(): void {
    setText(this.#timerEl, formatElapsed(Date.now() - this.#ctx.state.startedAt));
  }

  // ---- rendering -------------------------------------------------------------------------

  #render(focus = true): void {
    const { setup } = this.#ctx.state;
    const wrapUp = this.#atWrapUp();
    this.#tick();
    setText(this.#who, setup.customer);
    setText(this.#title, ` · ${setup.title}`);
    this.#renderProgress();
    this.#renderNav();
    sync(this.root, [this.#header, this.#progress, this.#nav, wrapUp ? this.#renderWrapUp() : this.#renderStep(), ...(wrapUp ? [] : this.#renderPanels()), this.#footer]);
    if (focus) this.focusAnswer();
  }

  /** Value drivers of every bank in the call (the value-drivers bank rides along with each call). */
  #drivers = memo((banks: Banks) => [...banks.values()].flatMap((b) => b.valueDrivers ?? []));
  #metrics = memo((drivers: CallValueDriver[], metrics: CallState['metrics']) => renderMetrics(drivers, metrics, (a) => this.#dispatch(a)));
  #health = memo((health: CallState['health']) => renderHealth(health, (a) => this.#dispatch(a)));

  /** Opens or closes a panel as the CSM last left it for `key`, else as `auto` says. */
  #show(details: HTMLDetailsElement, key: string, auto: boolean): HTMLDetailsElement {
    const open = () => this.#panelOpen[key] ?? auto;
    if (details.open !== open()) details.open = open();
    // Toggle events also follow our own changes; only a difference from what we set is the CSM's.
    details.ontoggle = () => details.open !== open() && (this.#panelOpen[key] = details.open);
    return details;
  }

  /** Metrics and use-case health can come up at any point of a call, so they are always at hand. */
  #renderPanels(): HTMLElement[] {
    const bank = this.#bank();
    const { state, banks } = this.#ctx;
    const drivers = this.#drivers(banks);
    const aboutMetrics = !!bank && (!!bank.valueDrivers || bank.prompts.some((p) => p.tag === 'metric'));
    const aboutHealth = !!bank && bank.prompts.some((p) => p.choices?.some((c) => /^green\b/i.test(c)));
    return [
      (drivers.length || state.metrics.length) && this.#show(this.#metrics(drivers, state.metrics), `metrics:${bank?.id}`, aboutMetrics),
      this.#show(this.#health(state.health), `health:${bank?.id}`, aboutHealth),
    ].filter((p): p is HTMLDetailsElement => !!p);
  }

  #renderScoreStatus(): void {
    const bank = this.#bank();
    const el = this.root.querySelector('.scorecard strong');
    const unmet = this.root.querySelector('.scorecard .unmet');
    if (!bank?.adoption || !bank.stage || !el || !unmet) return;
    const check = this.#check(bank);
    el.className = `status-${check.status}`;
    el.textContent = check.status === 'adopted' ? 'Adopted' : check.status === 'pilot' ? 'Pilot' : 'Not started';
    unmet.textContent = check.unmet.length ? `Still needed: ${check.unmet.join('; ')}` : 'All requirements met.';
  }

  #check(bank: CallBank) {
    const score = this.#ctx.state.scores[bank.stage!] ?? { percent: null, criteria: [] };
    return checkAdoption(bank.adoption!, score.percent, score.criteria);
  }

  #renderProgress(): void {
    const { parts, position } = this.#ctx.state;
    const total = parts.length;
    if (this.#atWrapUp()) return setText(this.#progress, `All ${total} techniques covered`);
    const part = parts[position.part]!;
    const stepText = this.#bank()?.flow === 'ladder' ? `Why ${position.item + 1} of ${Math.max(5, ladderDepth(part))}` : `Prompt ${position.item + 1} of ${part.items.length}`;
    setText(this.#stepText, `Technique ${position.part + 1} of ${total} · ${stepText}`);
    attr(this.#bar, 'max', String(total));
    if (this.#bar.value !== position.part) this.#bar.value = position.part;
    sync(this.#progress, [this.#stepText, this.#bar]);
  }

  /** The technique list: each part with how many answers it has, the current one marked. */
  #renderNav(): void {
    const { state, banks } = this.#ctx;
    const rows = state.parts.map((part, index) => {
      const bank = banks.get(part.bankId);
      let row = this.#navRows[index];
      if (!row || row.bank !== bank) {
        const count = h('span', 'muted');
        const b = button('link-button', () => {
          this.#nav.open = false;
          this.#dispatch({ type: 'jump', part: index });
        }, bank?.title ?? part.bankId, count);
        row = this.#navRows[index] = { bank, li: h('li', {}, b), button: b, count };
      }
      const answered = part.items.filter((i) => hasText(i.answer)).length;
      setText(row.count, answered ? ` · ${answered} answered` : '');
      attr(row.button, 'aria-current', index === state.position.part ? 'step' : null);
      return row.li;
    });
    this.#navRows.length = rows.length;
    sync(this.#navList, rows);
  }

  #questionText(): string {
    const item = this.#item();
    const prompt = item && promptOf(this.#bank(), item, this.#ctx.banks);
    return prompt && item ? questionText(prompt, item.values) : '';
  }

  #renderStep(): HTMLElement {
    const { state, banks } = this.#ctx;
    const item = this.#item()!;
    const bank = this.#bank();
    const prompt = promptOf(bank, item, banks);
    if (!bank || !prompt) return this.#missing;
    setText(this.#heading, bank.title);
    setText(this.#question, this.#questionText());
    setText(this.#hintText, prompt.hint);
    if (prompt.when) setText(this.#when, prompt.when);
    if (prompt.note) setText(this.#note, prompt.note);
    this.#renderTags();
    attr(this.#back, 'disabled', state.position.part === 0 && state.position.item === 0 ? '' : null);
    let verbs: HTMLElement | undefined;
    if (bank.flow === 'ted') {
      verbs = this.#tedVerbs(bank);
      for (const radio of verbs.querySelectorAll('input')) radio.checked = radio.value === item.promptId;
    }
    const placeholders = this.#placeholders(prompt, this.#ctx.suggestions);
    for (const [name, input] of placeholders.inputs) {
      const value = item.values[name] ?? '';
      if (input.value !== value) input.value = value;
    }
    let scorecard: HTMLElement | undefined;
    if (bank.stage && bank.adoption) {
      scorecard = this.#show(this.#scorecard(bank, state.scores[bank.stage]), `score:${bank.stage}`, state.position.item === 0);
    }
    sync(this.#card, [
      this.#heading,
      verbs,
      prompt.when && this.#when,
      this.#question,
      ...placeholders.fields,
      this.#hint,
      prompt.note && this.#note,
      this.#renderAnswer(item, prompt),
      this.#tags,
      scorecard,
      bank.flow === 'ladder' && this.#renderLadder(),
      bank.flow === 'ted' && this.#another,
      this.#stepNav,
    ]);
    return this.#card;
  }

  #tedVerbs = memo((bank: CallBank) =>
    h(
      'fieldset',
      'ted-verbs',
      h('legend', { text: 'Ask it as' }),
      ...bank.prompts.map((p) => {
        const radio = h('input', { type: 'radio', name: `ted-${bank.id}`, value: p.id });
        radio.onchange = () => {
          const item = this.#item();
          if (radio.checked && item) this.#dispatch({ type: 'tedVerb', key: item.key, promptId: p.id });
        };
        return h('label', 'check', radio, ` ${p.text.replace(/\s*\{[a-z_]+\}\.?\s*$/, '')}`);
      }),
    ),
  );

  /** A field per placeholder of the prompt (the previous rung is filled in by itself). */
  #placeholders = memo((prompt: CallPrompt, suggestions: CallContext['suggestions']) => {
    const inputs: [name: string, input: HTMLInputElement][] = [];
    const fields = Object.entries(prompt.placeholders ?? {})
      .filter(([name]) => name !== 'previous')
      .map(([name, { label, example }]) => {
        const id = `ph-${name}`;
        const input = h('input', { type: 'text', id, autocomplete: 'off', maxlength: '2000', ...(example ? { placeholder: example } : {}) });
        const options = name === 'objective' ? suggestions.objective : name === 'topic' ? suggestions.topic : [];
        input.oninput = () => {
          const item = this.#item();
          if (item) this.#dispatch({ type: 'setValue', key: item.key, name, value: input.value });
        };
        inputs.push([name, input]);
        if (options.length) input.setAttribute('list', `${id}-list`);
        return h(
          'div',
          'field',
          h('label', { for: id, text: label }),
          input,
          !!options.length && h('datalist', { id: `${id}-list` }, ...options.map((o) => h('option', { value: o }))),
          !!options.length && h('div', { class: 'help', text: `${options.length} from earlier calls with ${this.#ctx.state.setup.customer}` }),
        );
      });
    return { fields, inputs };
  });

  #choices = memo((prompt: CallPrompt) =>
    h(
      'fieldset',
      { class: 'choices', 'aria-describedby': 'question' },
      h('legend', { text: 'Answer' }),
      ...prompt.choices!.map((choice, i) => {
        const radio = h('input', { type: 'radio', name: 'answer', value: choice, ...(i === 0 ? { id: 'answer' } : {}) });
        radio.onchange = () => {
          const item = this.#item();
          if (!item) return;
          const rest = item.answer.split('\n').slice(1).join('\n');
          this.#dispatch({ type: 'answer', key: item.key, text: rest ? `${choice}\n${rest}` : choice });
        };
        return h('label', 'check', radio, ` ${choice}`);
      }),
    ),
  );

  #renderAnswer(item: CallItem, prompt: CallPrompt): HTMLElement {
    if (prompt.answer === 'choice' && prompt.choices) {
      const group = this.#choices(prompt);
      const chosen = item.answer.split('\n')[0];
      for (const radio of group.querySelectorAll('input')) radio.checked = radio.value === chosen;
      return group;
    }
    if (prompt.answer === 'number' || prompt.answer === 'percent') {
      const input = this.#number;
      const percent = prompt.answer === 'percent';
      attr(input, 'min', percent ? '0' : null);
      attr(input, 'max', percent ? '100' : null);
      if (input.value !== item.answer) input.value = item.answer;
      const unit = percent ? '%' : (prompt.unit ?? '');
      setText(this.#unit, unit);
      sync(this.#numberBox, [input, unit && this.#unit]);
      return this.#numberField;
    }
    if (this.#area.value !== item.answer) {
      this.#area.value = item.answer;
      // Measured once it is in the page (it may not be yet: the card is put together first).
      queueMicrotask(() => this.#area.isConnected && this.#grow());
    }
    return this.#text;
  }

  /**
   * Grows the answer box with the text up to most of the view; past that it scrolls (a pasted
   * 1 MB log must not make a page a million pixels tall). Empty, it keeps its natural height,
   * which is what measuring would give, without making the browser lay the page out to measure.
   */
  #grow(): void {
    const area = this.#area;
    if (!area.value) return area.removeAttribute('style');
    area.style.height = 'auto';
    area.style.height = `${Math.min(area.scrollHeight + 2, Math.max(120, window.innerHeight * 0.6))}px`;
  }

  #renderTags(): void {
    const item = this.#item();
    if (!item) return;
    answerTags.forEach((tag, i) => {
      const on = item.tags.includes(tag);
      const b = this.#tagButtons[i]!;
      if (b.getAttribute('aria-pressed') === String(on)) return;
      b.className = on ? 'tag on' : 'tag';
      b.setAttribute('aria-pressed', String(on));
      b.replaceChildren(...(on ? [icon('check')] : []), ` ${TAG_LABELS[tag][0]}`);
    });
  }

  #scorecard = memo((bank: CallBank, _score: CallState['scores'][string] | undefined) => {
    const check = this.#check(bank);
    const details = renderScorecard(bank, this.#ctx.state, check.status, (a) => this.#dispatch(a));
    details.append(h('p', { class: 'unmet help', 'aria-live': 'polite', text: check.unmet.length ? `Still needed: ${check.unmet.join('; ')}` : 'All requirements met.' }));
    return details;
  });

  #renderLadder(): HTMLElement {
    const { parts, position } = this.#ctx.state;
    const part = parts[position.part]!;
    const depth = ladderDepth(part);
    const rungs = h(
      'ol',
      { class: 'ladder', 'aria-label': 'Five Whys ladder' },
      ...part.items.map((item, i) => {
        const li = h('li', { class: i === position.item ? 'rung current' : 'rung', text: hasText(item.answer) ? item.answer.replace(/\s+/g, ' ').trim() : '…' });
        if (i === position.item) li.setAttribute('aria-current', 'step');
        return li;
      }),
    );
    const meter = h('meter', { min: '0', max: String(Math.max(5, depth)), 'aria-label': `Depth ${depth} of 5` });
    meter.value = depth;
    return h(
      'div',
      'ladder-box',
      h('div', 'depth', h('span', { text: `Depth ${depth}${depth > 5 ? ' (past five: keep going if it helps)' : ''}` }), meter),
      rungs,
      button({ class: 'secondary', 'aria-keyshortcuts': 'Alt+R' }, () => this.#dispatch({ type: 'ladderReached' }), icon('target'), ' Strategic objective reached ', h('kbd', { text: 'Alt+R' })),
    );
  }

  #renderWrapUp(): HTMLElement {
    const { state } = this.#ctx;
    const answered = state.parts.flatMap((p) => p.items).filter((i) => hasText(i.answer) && !i.skipped);
    const count = (tag: AnswerTag) => answered.filter((i) => i.tags.includes(tag)).length;
    const finish = button({ class: 'primary', id: 'answer', 'aria-keyshortcuts': 'Control+Enter' }, () => this.#host.finish(), icon('save'), ' Finish and write note');
    return h(
      'article',
      'prompt-card wrap-up',
      h('h2', { class: 'technique-heading', text: 'Wrap up' }),
      h(
        'ul',
        'summary',
        h('li', { text: `${answered.length} answers across ${state.parts.length} techniques` }),
        h('li', { text: `${count('objective')} objectives · ${count('pain-point')} pain points · ${count('metric')} metrics` }),
        h('li', { text: `${count('action-item')} action items · ${count('follow-up')} follow-ups` }),
        h('li', { text: `${state.metrics.length} metrics with baselines · ${Object.keys(state.scores).length} stage scorecards · ${state.health.length} use-case health` }),
      ),
      h('h3', { class: 'subheading', text: 'Objectives' }),
      renderObjectives(objectiveItems(state), this.#drivers(this.#ctx.banks), state, (a) => this.#dispatch(a)),
      h('div', 'nav', button('secondary', () => this.#dispatch({ type: 'back' }), icon('arrow-left'), ' Back'), finish),
    );
  }

  focusAnswer(): void {
    this.root.querySelector<HTMLElement>('#answer')?.focus();
  }
}
