// The live call: one prompt at a time with its hint, an answer box that grows, tags, progress,
// a timer, and TED / Five Whys specifics. It applies each action to its own copy of the call at
// once (same reducer as the host) and tells the host, which persists it.
import { answerTags, type AnswerTag } from '../core/note/model';
import type { CallBank, CallItem, CallState } from '../core/session/model';
import { currentItem, ladderDepth, promptOf, questionText, reduce, type Banks, type CallAction } from '../core/session/reducer';
import { checkAdoption } from '../core/plan/adoption';
import { objectiveItems } from '../core/session/toNote';
import { renderHealth, renderMetrics, renderObjectives, renderScorecard } from './capturePanels';
import { h, icon } from './dom';

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

export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return hours ? `${hours}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

export class CallView {
  readonly root = h('section', { class: 'call', attrs: { 'aria-label': 'Call in progress' } });
  private ctx: CallContext;
  private timerEl = h('span', { class: 'timer', attrs: { role: 'timer', 'aria-label': 'Call time' } });
  private timer: number | undefined;
  private pendingAnswer: { key: string; text: string } | undefined;
  private answerTimer: number | undefined;
  private techniquesOpen = false;
  /** Panels the CSM opened or closed by hand, so a repaint keeps them that way. */
  private panelOpen: Record<string, boolean> = {};

  constructor(
    ctx: CallContext,
    private readonly host: CallViewHost,
  ) {
    this.ctx = ctx;
    this.timer = window.setInterval(() => this.tick(), 1000);
    this.render();
  }

  get state(): CallState {
    return this.ctx.state;
  }

  /** The host's copy replaces ours (on load, or after the host corrected something). */
  replace(ctx: CallContext): void {
    this.ctx = ctx;
    this.pendingAnswer = undefined;
    this.render();
  }

  dispose(): void {
    window.clearInterval(this.timer);
    this.flushAnswer();
  }

  /** Applies an action locally, repaints if the step changed, and tells the host. */
  dispatch(action: CallAction): void {
    if (action.type !== 'answer') this.flushAnswer();
    const before = this.ctx.state;
    const after = reduce(before, action, this.ctx.banks);
    if (after === before) return;
    this.ctx = { ...this.ctx, state: after };
    this.host.post(action);
    if (action.type === 'answer') return; // the textarea already shows it; keep the caret
    if (action.type === 'toggleTag') {
      this.renderTags();
      return;
    }
    if (action.type === 'setValue') {
      this.renderQuestion();
      return;
    }
    switch (action.type) {
      // The control already shows the new value: repainting would only lose the focus.
      case 'editMetric':
      case 'editHealth':
      case 'setHealthColor':
      case 'editObjective':
        return;
      case 'setScore':
      case 'toggleCriterion':
        this.renderScoreStatus();
        return;
      case 'addMetric':
      case 'removeMetric':
      case 'addHealth':
      case 'removeHealth':
        this.render(false);
        this.focusPanel(action.type);
        return;
    }
    this.render();
  }

  private focusPanel(kind: 'addMetric' | 'removeMetric' | 'addHealth' | 'removeHealth'): void {
    const panel = this.root.querySelector(kind.endsWith('Metric') ? '.panel.metrics' : '.panel.health-panel');
    const target = kind.startsWith('add') ? panel?.querySelector('li:last-of-type input') : panel?.querySelector('select, button.secondary');
    (target as HTMLElement | null)?.focus();
  }

  private flushAnswer(): void {
    window.clearTimeout(this.answerTimer);
    const pending = this.pendingAnswer;
    this.pendingAnswer = undefined;
    if (pending) this.dispatch({ type: 'answer', ...pending });
  }

  private queueAnswer(key: string, text: string): void {
    this.pendingAnswer = { key, text };
    window.clearTimeout(this.answerTimer);
    this.answerTimer = window.setTimeout(() => this.flushAnswer(), ANSWER_DEBOUNCE_MS);
  }

  /** Keyboard: Ctrl/Cmd+Enter next, Alt+B back, Alt+S skip, Alt+T techniques, Alt+O/P/M/A/F tags. */
  handleKey(e: KeyboardEvent): boolean {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter' && !e.altKey) {
      if (this.atWrapUp()) this.host.finish();
      else this.dispatch(e.shiftKey ? { type: 'back' } : { type: 'next' });
      return true;
    }
    if (!e.altKey || mod) return false;
    const item = currentItem(this.ctx.state);
    const bank = this.currentBank();
    switch (e.code) {
      case 'KeyB':
        this.dispatch({ type: 'back' });
        return true;
      case 'KeyS':
        this.dispatch({ type: 'skip' });
        return true;
      case 'KeyT':
        this.techniquesOpen = !this.techniquesOpen;
        this.render();
        if (this.techniquesOpen) (this.root.querySelector('.technique-nav button[aria-current="step"]') as HTMLElement | null)?.focus();
        return true;
      case 'KeyR':
        if (bank?.flow !== 'ladder') return false;
        this.dispatch({ type: 'ladderReached' });
        return true;
      case 'KeyN':
        if (bank?.flow !== 'ted') return false;
        this.dispatch({ type: 'tedAnother' });
        return true;
    }
    const tag = answerTags.find((t) => `Key${TAG_LABELS[t][1]}` === e.code);
    if (tag && item) {
      this.dispatch({ type: 'toggleTag', key: item.key, tag });
      this.host.announce(`${TAG_LABELS[tag][0]} ${currentItem(this.ctx.state)?.tags.includes(tag) ? 'tagged' : 'untagged'}`);
      return true;
    }
    return false;
  }

  private atWrapUp(): boolean {
    return this.ctx.state.position.part >= this.ctx.state.parts.length;
  }

  private currentBank(): CallBank | undefined {
    const part = this.ctx.state.parts[this.ctx.state.position.part];
    return part && this.ctx.banks.get(part.bankId);
  }

  private tick(): void {
    this.timerEl.textContent = formatElapsed(Date.now() - this.ctx.state.startedAt);
  }

  // ---- rendering -------------------------------------------------------------------------

  private render(focus = true): void {
    const { state } = this.ctx;
    this.tick();
    const header = h(
      'header',
      { class: 'call-header' },
      h('div', { class: 'call-who' }, h('strong', { text: state.setup.customer }), h('span', { class: 'muted', text: ` · ${state.setup.title}` })),
      h('div', { class: 'call-clock' }, icon('clock'), ' ', this.timerEl),
    );
    const body = this.atWrapUp() ? this.renderWrapUp() : this.renderStep();
    this.root.replaceChildren(header, this.renderProgress(), this.renderTechniqueNav(), body, ...this.renderPanels(), this.renderFooter());
    if (focus) this.focusAnswer();
  }

  /** Value drivers of every bank in the call (the value-drivers bank rides along with each call). */
  private drivers() {
    return [...this.ctx.banks.values()].flatMap((b) => b.valueDrivers ?? []);
  }

  private panel(name: string, auto: boolean, render: (open: boolean) => HTMLDetailsElement): HTMLElement {
    const details = render(this.panelOpen[name] ?? auto);
    details.addEventListener('toggle', () => (this.panelOpen[name] = details.open));
    return details;
  }

  /** Metrics and use-case health can come up at any point of a call, so they are always at hand. */
  private renderPanels(): HTMLElement[] {
    if (this.atWrapUp()) return [];
    const bank = this.currentBank();
    const { state } = this.ctx;
    const panels: HTMLElement[] = [];
    const drivers = this.drivers();
    const aboutMetrics = !!bank && (!!bank.valueDrivers || bank.prompts.some((p) => p.tag === 'metric'));
    if (drivers.length || state.metrics.length) {
      panels.push(this.panel(`metrics:${bank?.id}`, aboutMetrics, (open) => renderMetrics(drivers, state, open, (a) => this.dispatch(a)) as HTMLDetailsElement));
    }
    const aboutHealth = !!bank && bank.prompts.some((p) => p.choices?.some((c) => /^green\b/i.test(c)));
    panels.push(this.panel(`health:${bank?.id}`, aboutHealth, (open) => renderHealth(state, open, (a) => this.dispatch(a)) as HTMLDetailsElement));
    return panels;
  }

  private renderScoreStatus(): void {
    const bank = this.currentBank();
    const el = this.root.querySelector('.scorecard strong');
    const unmet = this.root.querySelector('.scorecard .unmet');
    if (!bank?.adoption || !bank.stage || !el) return;
    const score = this.ctx.state.scores[bank.stage] ?? { percent: null, criteria: [] };
    const check = checkAdoption(bank.adoption, score.percent, score.criteria);
    el.className = `status-${check.status}`;
    el.textContent = check.status === 'adopted' ? 'Adopted' : check.status === 'pilot' ? 'Pilot' : 'Not started';
    if (unmet) unmet.textContent = check.unmet.length ? `Still needed: ${check.unmet.join('; ')}` : 'All requirements met.';
  }

  private renderProgress(): HTMLElement {
    const { state } = this.ctx;
    const total = state.parts.length;
    if (this.atWrapUp()) return h('div', { class: 'progress', text: `All ${total} techniques covered` });
    const part = state.parts[state.position.part]!;
    const bank = this.currentBank();
    const stepText =
      bank?.flow === 'ladder'
        ? `Why ${state.position.item + 1} of ${Math.max(5, ladderDepth(part))}`
        : `Prompt ${state.position.item + 1} of ${part.items.length}`;
    const bar = h('progress', { attrs: { max: String(total), 'aria-label': 'Techniques covered' } });
    bar.value = state.position.part;
    return h('div', { class: 'progress' }, h('span', { text: `Technique ${state.position.part + 1} of ${total} · ${stepText}` }), bar);
  }

  private renderTechniqueNav(): HTMLElement {
    const { state, banks } = this.ctx;
    const details = h(
      'details',
      { class: 'technique-nav' },
      h('summary', { attrs: { 'aria-keyshortcuts': 'Alt+T' } }, icon('list-ordered'), ' Techniques ', h('kbd', { text: 'Alt+T' })),
      h(
        'ol',
        {},
        ...state.parts.map((part, index) => {
          const bank = banks.get(part.bankId);
          const answered = part.items.filter((i) => i.answer.trim()).length;
          const button = h('button', { class: 'link-button', attrs: { type: 'button' } }, bank?.title ?? part.bankId, h('span', { class: 'muted', text: answered ? ` · ${answered} answered` : '' }));
          if (index === state.position.part) button.setAttribute('aria-current', 'step');
          button.addEventListener('click', () => {
            this.techniquesOpen = false;
            this.dispatch({ type: 'jump', part: index });
          });
          return h('li', {}, button);
        }),
      ),
    );
    details.open = this.techniquesOpen;
    details.addEventListener('toggle', () => (this.techniquesOpen = details.open));
    return details;
  }

  private questionEl = h('p', { class: 'question', attrs: { id: 'question' } });
  private tagsEl = h('div', { class: 'tags', attrs: { role: 'group', 'aria-label': 'Tag this answer' } });

  private renderStep(): HTMLElement {
    const item = currentItem(this.ctx.state)!;
    const bank = this.currentBank();
    const prompt = promptOf(bank, item, this.ctx.banks);
    if (!bank || !prompt) return h('p', { class: 'empty', text: 'This prompt is no longer in its bank. Press Skip to go on.' });
    const card = h('article', { class: 'prompt-card', attrs: { 'aria-labelledby': 'question' } });
    card.append(h('h2', { class: 'technique-heading', text: bank.title }));
    if (bank.flow === 'ted') card.append(this.renderTedVerbs(bank, item));
    if (prompt.when) card.append(h('div', { class: 'when', text: prompt.when }));
    card.append(this.questionEl);
    this.renderQuestion();
    for (const [name, spec] of Object.entries(prompt.placeholders ?? {})) {
      if (name === 'previous') continue; // filled from the previous rung
      card.append(this.renderPlaceholder(item, name, spec.label, spec.example));
    }
    card.append(h('p', { class: 'hint' }, icon('lightbulb'), ' ', h('span', { text: prompt.hint })));
    if (prompt.note) card.append(h('p', { class: 'note', text: prompt.note }));
    card.append(this.renderAnswer(item, prompt));
    this.renderTags();
    card.append(this.tagsEl);
    if (bank.stage && bank.adoption) {
      const score = this.ctx.state.scores[bank.stage] ?? { percent: null, criteria: [] };
      const check = checkAdoption(bank.adoption, score.percent, score.criteria);
      const scorecard = this.panel(`score:${bank.stage}`, this.ctx.state.position.item === 0, (open) => renderScorecard(bank, this.ctx.state, check.status, open, (a) => this.dispatch(a)) as HTMLDetailsElement);
      scorecard.append(h('p', { class: 'unmet help', attrs: { 'aria-live': 'polite' }, text: check.unmet.length ? `Still needed: ${check.unmet.join('; ')}` : 'All requirements met.' }));
      card.append(scorecard);
    }
    if (bank.flow === 'ladder') card.append(this.renderLadder());
    if (bank.flow === 'ted') {
      const another = h('button', { class: 'secondary', attrs: { type: 'button', 'aria-keyshortcuts': 'Alt+N' } }, icon('add'), ' Ask another TED question ', h('kbd', { text: 'Alt+N' }));
      another.addEventListener('click', () => this.dispatch({ type: 'tedAnother' }));
      card.append(another);
    }
    card.append(this.renderNav());
    return card;
  }

  private renderQuestion(): void {
    const item = currentItem(this.ctx.state);
    const prompt = item && promptOf(this.currentBank(), item, this.ctx.banks);
    this.questionEl.textContent = prompt && item ? questionText(prompt, item.values) : '';
  }

  private renderTedVerbs(bank: CallBank, item: CallItem): HTMLElement {
    const group = h('fieldset', { class: 'ted-verbs' }, h('legend', { text: 'Ask it as' }));
    for (const p of bank.prompts) {
      const radio = h('input', { attrs: { type: 'radio', name: `ted-${item.key}`, value: p.id } });
      radio.checked = p.id === item.promptId;
      radio.addEventListener('change', () => radio.checked && this.dispatch({ type: 'tedVerb', key: item.key, promptId: p.id }));
      group.append(h('label', { class: 'check' }, radio, ` ${p.text.replace(/\s*\{[a-z_]+\}\.?\s*$/, '')}`));
    }
    return group;
  }

  private renderPlaceholder(item: CallItem, name: string, label: string, example?: string): HTMLElement {
    const id = `ph-${name}`;
    const input = h('input', { attrs: { type: 'text', id, autocomplete: 'off', maxlength: '2000', ...(example ? { placeholder: example } : {}) } });
    input.value = item.values[name] ?? '';
    const options = name === 'objective' ? this.ctx.suggestions.objective : name === 'topic' ? this.ctx.suggestions.topic : [];
    const wrap = h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), input);
    if (options.length) {
      input.setAttribute('list', `${id}-list`);
      wrap.append(h('datalist', { attrs: { id: `${id}-list` } }, ...options.map((o) => h('option', { attrs: { value: o } }))));
      wrap.append(h('div', { class: 'help', text: `${options.length} from earlier calls with ${this.ctx.state.setup.customer}` }));
    }
    input.addEventListener('input', () => this.dispatch({ type: 'setValue', key: item.key, name, value: input.value }));
    return wrap;
  }

  private renderAnswer(item: CallItem, prompt: NonNullable<ReturnType<typeof promptOf>>): HTMLElement {
    const label = h('label', { class: 'label', attrs: { for: 'answer' }, text: 'Answer' });
    if (prompt.answer === 'choice' && prompt.choices) {
      const group = h('fieldset', { class: 'choices', attrs: { 'aria-describedby': 'question' } }, h('legend', { text: 'Answer' }));
      prompt.choices.forEach((choice, i) => {
        const radio = h('input', { attrs: { type: 'radio', name: 'answer', value: choice, ...(i === 0 ? { id: 'answer' } : {}) } });
        radio.checked = item.answer.split('\n')[0] === choice;
        radio.addEventListener('change', () => {
          const rest = item.answer.split('\n').slice(1).join('\n');
          this.dispatch({ type: 'answer', key: item.key, text: rest ? `${choice}\n${rest}` : choice });
        });
        group.append(h('label', { class: 'check' }, radio, ` ${choice}`));
      });
      return group;
    }
    if (prompt.answer === 'number' || prompt.answer === 'percent') {
      const input = h('input', {
        attrs: { id: 'answer', type: 'number', inputmode: 'decimal', step: 'any', 'aria-describedby': 'question', ...(prompt.answer === 'percent' ? { min: '0', max: '100' } : {}) },
      });
      input.value = item.answer;
      input.addEventListener('input', () => this.queueAnswer(item.key, input.value));
      const unit = prompt.answer === 'percent' ? '%' : (prompt.unit ?? '');
      return h('div', { class: 'field' }, label, h('div', { class: 'number' }, input, unit ? h('span', { class: 'unit', text: unit }) : null));
    }
    const area = h('textarea', { attrs: { id: 'answer', rows: '3', 'aria-describedby': 'question', spellcheck: 'true' } });
    area.value = item.answer;
    // Grows with the text up to most of the view; past that it scrolls (a pasted 1 MB log
    // must not make a page a million pixels tall).
    const grow = () => {
      area.style.height = 'auto';
      area.style.height = `${Math.min(area.scrollHeight + 2, Math.max(120, window.innerHeight * 0.6))}px`;
    };
    area.addEventListener('input', () => {
      grow();
      this.queueAnswer(item.key, area.value);
    });
    queueMicrotask(grow);
    return h('div', { class: 'field' }, label, area);
  }

  private renderTags(): void {
    const item = currentItem(this.ctx.state);
    if (!item) return;
    this.tagsEl.replaceChildren(
      ...answerTags.map((tag) => {
        const [label, key] = TAG_LABELS[tag];
        const on = item.tags.includes(tag);
        const b = h('button', { class: `tag${on ? ' on' : ''}`, attrs: { type: 'button', 'aria-pressed': String(on), 'aria-keyshortcuts': `Alt+${key}`, title: `Alt+${key}` } }, on ? icon('check') : null, ` ${label}`);
        b.addEventListener('click', () => this.dispatch({ type: 'toggleTag', key: item.key, tag }));
        return b;
      }),
    );
  }

  private renderLadder(): HTMLElement {
    const part = this.ctx.state.parts[this.ctx.state.position.part]!;
    const depth = ladderDepth(part);
    const rungs = h(
      'ol',
      { class: 'ladder', attrs: { 'aria-label': 'Five Whys ladder' } },
      ...part.items.map((item, i) => {
        const li = h('li', { class: i === this.ctx.state.position.item ? 'rung current' : 'rung', text: item.answer.trim() ? item.answer.replace(/\s+/g, ' ').trim() : '…' });
        if (i === this.ctx.state.position.item) li.setAttribute('aria-current', 'step');
        return li;
      }),
    );
    const meter = h('meter', { attrs: { min: '0', max: String(Math.max(5, depth)), 'aria-label': `Depth ${depth} of 5` } });
    meter.value = depth;
    const reached = h('button', { class: 'secondary', attrs: { type: 'button', 'aria-keyshortcuts': 'Alt+R' } }, icon('target'), ' Strategic objective reached ', h('kbd', { text: 'Alt+R' }));
    reached.addEventListener('click', () => this.dispatch({ type: 'ladderReached' }));
    return h('div', { class: 'ladder-box' }, h('div', { class: 'depth' }, h('span', { text: `Depth ${depth}${depth > 5 ? ' (past five: keep going if it helps)' : ''}` }), meter), rungs, reached);
  }

  private renderNav(): HTMLElement {
    const back = h('button', { class: 'secondary', attrs: { type: 'button', 'aria-keyshortcuts': 'Alt+B', title: 'Alt+B' } }, icon('arrow-left'), ' Back');
    const skip = h('button', { class: 'secondary', attrs: { type: 'button', 'aria-keyshortcuts': 'Alt+S', title: 'Alt+S' } }, icon('debug-step-over'), ' Skip');
    const next = h('button', { class: 'primary', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+Enter', title: 'Ctrl+Enter' } }, 'Next ', icon('arrow-right'));
    const { part, item } = this.ctx.state.position;
    back.disabled = part === 0 && item === 0;
    back.addEventListener('click', () => this.dispatch({ type: 'back' }));
    skip.addEventListener('click', () => this.dispatch({ type: 'skip' }));
    next.addEventListener('click', () => this.dispatch({ type: 'next' }));
    return h('div', { class: 'nav' }, back, skip, next, h('div', { class: 'keys muted', text: 'Ctrl+Enter next · Alt+B back · Alt+S skip · Alt+T techniques' }));
  }

  private renderWrapUp(): HTMLElement {
    const items = this.ctx.state.parts.flatMap((p) => p.items);
    const answered = items.filter((i) => i.answer.trim() && !i.skipped);
    const count = (tag: AnswerTag) => answered.filter((i) => i.tags.includes(tag)).length;
    const finish = h('button', { class: 'primary', attrs: { id: 'answer', type: 'button', 'aria-keyshortcuts': 'Control+Enter' } }, icon('save'), ' Finish and write note');
    finish.addEventListener('click', () => this.host.finish());
    const back = h('button', { class: 'secondary', attrs: { type: 'button' } }, icon('arrow-left'), ' Back');
    back.addEventListener('click', () => this.dispatch({ type: 'back' }));
    return h(
      'article',
      { class: 'prompt-card wrap-up' },
      h('h2', { class: 'technique-heading', text: 'Wrap up' }),
      h(
        'ul',
        { class: 'summary' },
        h('li', { text: `${answered.length} answers across ${this.ctx.state.parts.length} techniques` }),
        h('li', { text: `${count('objective')} objectives · ${count('pain-point')} pain points · ${count('metric')} metrics` }),
        h('li', { text: `${count('action-item')} action items · ${count('follow-up')} follow-ups` }),
        h('li', { text: `${this.ctx.state.metrics.length} metrics with baselines · ${Object.keys(this.ctx.state.scores).length} stage scorecards · ${this.ctx.state.health.length} use-case health` }),
      ),
      h('h3', { class: 'subheading', text: 'Objectives' }),
      renderObjectives(objectiveItems(this.ctx.state), this.drivers(), this.ctx.state, (a) => this.dispatch(a)),
      h('div', { class: 'nav' }, back, finish),
    );
  }

  private renderFooter(): HTMLElement {
    const finish = h('button', { class: 'link-button', attrs: { type: 'button' } }, icon('save'), ' Finish call');
    const discard = h('button', { class: 'link-button danger', attrs: { type: 'button' } }, icon('trash'), ' Discard');
    finish.addEventListener('click', () => this.host.finish());
    discard.addEventListener('click', () => this.host.discard());
    return h('footer', { class: 'call-footer' }, finish, discard);
  }

  focusAnswer(): void {
    (this.root.querySelector('#answer') as HTMLElement | null)?.focus({ preventScroll: false });
  }
}
