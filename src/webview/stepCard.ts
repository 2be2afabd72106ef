// The prompt card of the step the call is at: the technique, the question with its fields, the
// hint, the answer box (text, number or choice), tags, a stage's scorecard, the Five Whys ladder
// and the step buttons. Its nodes are made once (or once per bank or prompt) and a repaint
// changes only what differs, so the next prompt shows within a frame however long the call is.
import { answerTags, type AnswerTag } from '../core/note/model';
import type { CallBank, CallItem, CallPrompt, CallState } from '../core/session/model';
import { currentItem, promptOf, questionText, type CallAction } from '../core/session/reducer';
import { checkAdoption, type AdoptionWords } from '../core/bank/adoption';
import { currentBank, type CallContext } from './callContext';
import { renderScorecard } from './capturePanels';
import { renderLadder, showTypedRung } from './ladder';
import { attr, button, h, icon, memo, setText, sync } from './dom';
import { ariaOf, keyOf } from './keys';
import { t } from './l10n';
import type { UiStringId } from '../uiStrings';

/** Each tag's button label; its key comes from the shortcut table (src/shortcuts.ts). */
export const TAG_LABELS: Record<AnswerTag, UiStringId> = {
  objective: 'tagObjective',
  'pain-point': 'tagPainPoint',
  metric: 'tagMetric',
  'action-item': 'tagActionItem',
  'follow-up': 'tagFollowUp',
};

/** The scorecard's made-up requirements in the display language. */
const ADOPTION_WORDS: AdoptionWords = { share: (threshold) => t('needShare', threshold), atLeast: (count, criteria) => t('needAtLeast', count, criteria) };

export interface StepCardHost {
  /** The call as it stands now (event handlers read it when they run, not when made). */
  context(): CallContext;
  dispatch(action: CallAction): void;
  /** What is typed in the answer box, as it is typed. */
  typed(text: string): void;
  /** Opens or closes a panel as the CSM last left it for `key`, else as `auto` says. */
  show(details: HTMLDetailsElement, key: string, auto: boolean): HTMLDetailsElement;
  /** Opens Keyboard Shortcuts on the call's keys (the user's bindings may differ from the hints). */
  keyboardShortcuts(): void;
}

export class StepCard {
  #host: StepCardHost;

  readonly root = h('article', { class: 'prompt-card', 'aria-labelledby': 'question' });
  #missing = h('p', { class: 'empty', text: t('promptMissing') });
  #heading = h('h2', 'technique-heading');
  #when = h('div', 'when');
  #question = h('p', { class: 'question', id: 'question' });
  #hintText = h('span');
  #hint = h('p', 'hint', icon('lightbulb'), ' ', this.#hintText);
  #note = h('p', 'note');
  #area = h('textarea', { id: 'answer', rows: '3', 'aria-describedby': 'question', spellcheck: 'true' });
  #text = h('div', 'field', h('label', { class: 'label', for: 'answer', text: t('answer') }), this.#area);
  #number = h('input', { id: 'answer', type: 'number', inputmode: 'decimal', step: 'any', 'aria-describedby': 'question' });
  #unit = h('span', 'unit');
  #numberBox = h('div', 'number');
  #numberField = h('div', 'field', h('label', { class: 'label', for: 'answer', text: t('answer') }), this.#numberBox);
  #tagButtons = answerTags.map((tag) => button({ class: 'tag', 'aria-pressed': '', 'aria-keyshortcuts': ariaOf(tag), title: keyOf(tag) }, () => this.toggleTag(tag)));
  #tags = h('div', { class: 'tags', role: 'group', 'aria-label': t('tagThisAnswer') }, ...this.#tagButtons);
  #another: HTMLButtonElement;
  #back: HTMLButtonElement;
  #stepNav: HTMLElement;
  #ladder: HTMLElement | undefined;

  constructor(host: StepCardHost) {
    this.#host = host;
    const dispatch = (action: CallAction) => () => host.dispatch(action);
    this.#another = button({ class: 'secondary', 'aria-keyshortcuts': ariaOf('tedAnother') }, dispatch({ type: 'tedAnother' }), icon('add'), ` ${t('askAnotherTed')} `, h('kbd', { text: keyOf('tedAnother') }));
    this.#back = button({ class: 'secondary', 'aria-keyshortcuts': ariaOf('back'), title: keyOf('back') }, dispatch({ type: 'back' }), icon('arrow-left'), ` ${t('back')}`);
    this.#stepNav = h(
      'div',
      'nav',
      this.#back,
      button({ class: 'secondary', 'aria-keyshortcuts': ariaOf('skip'), title: keyOf('skip') }, dispatch({ type: 'skip' }), icon('debug-step-over'), ` ${t('skip')}`),
      button({ class: 'primary', 'aria-keyshortcuts': ariaOf('next'), title: keyOf('next') }, dispatch({ type: 'next' }), `${t('next')} `, icon('arrow-right')),
      h(
        'div',
        'keys muted',
        t('keysHint', keyOf('next'), keyOf('back'), keyOf('skip'), keyOf('techniques')),
        button('link-button', () => host.keyboardShortcuts(), t('changeKeys')),
      ),
    );
    this.#area.oninput = () => {
      this.#grow();
      host.typed(this.#area.value);
    };
    this.#number.oninput = () => host.typed(this.#number.value);
  }

  #item(): CallItem | undefined {
    return currentItem(this.#host.context().state);
  }

  toggleTag(tag: AnswerTag): void {
    const item = this.#item();
    if (item) this.#host.dispatch({ type: 'toggleTag', key: item.key, tag });
  }

  /** The card for the current step (a short notice if its prompt left its bank). */
  render(): HTMLElement {
    const ctx = this.#host.context();
    const { state, banks } = ctx;
    const item = this.#item()!;
    const bank = currentBank(ctx);
    const prompt = promptOf(bank, item, banks);
    if (!bank || !prompt) return this.#missing;
    setText(this.#heading, bank.title);
    setText(this.#question, this.#questionText());
    setText(this.#hintText, prompt.hint);
    if (prompt.when) setText(this.#when, prompt.when);
    if (prompt.note) setText(this.#note, prompt.note);
    this.renderTags();
    attr(this.#back, 'disabled', state.position.part === 0 && state.position.item === 0 ? '' : null);
    let verbs: HTMLElement | undefined;
    if (bank.flow === 'ted') {
      verbs = this.#tedVerbs(bank);
      for (const radio of verbs.querySelectorAll('input')) radio.checked = radio.value === item.promptId;
    }
    const placeholders = this.#placeholders(prompt, ctx.suggestions);
    for (const [name, input] of placeholders.inputs) {
      const value = item.values[name] ?? '';
      if (input.value !== value) input.value = value;
    }
    let scorecard: HTMLElement | undefined;
    if (bank.stage && bank.adoption) {
      scorecard = this.#host.show(this.#scorecard(bank, state.scores[bank.stage]), `score:${bank.stage}`, state.position.item === 0);
    }
    sync(this.root, [
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
      (this.#ladder = bank.flow === 'ladder' ? renderLadder(state.parts[state.position.part]!, state.position.item, () => this.#host.dispatch({ type: 'ladderReached' })) : undefined),
      bank.flow === 'ted' && this.#another,
      this.#stepNav,
    ]);
    return this.root;
  }

  /** The answer as typed, where the card shows it besides the box: the ladder's current rung. */
  renderTyped(): void {
    const item = this.#item();
    if (this.#ladder && item) showTypedRung(this.#ladder, item.answer);
  }

  /** The question again, after a placeholder changed it. */
  renderQuestion(): void {
    setText(this.#question, this.#questionText());
  }

  #questionText(): string {
    const ctx = this.#host.context();
    const item = this.#item();
    const prompt = item && promptOf(currentBank(ctx), item, ctx.banks);
    return prompt && item ? questionText(prompt, item.values) : '';
  }

  #tedVerbs = memo((bank: CallBank) =>
    h(
      'fieldset',
      'ted-verbs',
      h('legend', { text: t('askItAs') }),
      ...bank.prompts.map((p) => {
        const radio = h('input', { type: 'radio', name: `ted-${bank.id}`, value: p.id });
        radio.onchange = () => {
          const item = this.#item();
          if (radio.checked && item) this.#host.dispatch({ type: 'tedVerb', key: item.key, promptId: p.id });
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
          if (item) this.#host.dispatch({ type: 'setValue', key: item.key, name, value: input.value });
        };
        inputs.push([name, input]);
        if (options.length) input.setAttribute('list', `${id}-list`);
        return h(
          'div',
          'field',
          h('label', { for: id, text: label }),
          input,
          !!options.length && h('datalist', { id: `${id}-list` }, ...options.map((o) => h('option', { value: o }))),
          !!options.length && h('div', { class: 'help', text: t('fromEarlierCalls', options.length, this.#host.context().state.setup.customer) }),
        );
      });
    return { fields, inputs };
  });

  #choices = memo((prompt: CallPrompt) =>
    h(
      'fieldset',
      { class: 'choices', 'aria-describedby': 'question' },
      h('legend', { text: t('answer') }),
      ...prompt.choices!.map((choice, i) => {
        const radio = h('input', { type: 'radio', name: 'answer', value: choice, ...(i === 0 ? { id: 'answer' } : {}) });
        radio.onchange = () => {
          const item = this.#item();
          if (!item) return;
          const rest = item.answer.split('\n').slice(1).join('\n');
          this.#host.dispatch({ type: 'answer', key: item.key, text: rest ? `${choice}\n${rest}` : choice });
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

  renderTags(): void {
    const item = this.#item();
    if (!item) return;
    answerTags.forEach((tag, i) => {
      const on = item.tags.includes(tag);
      const b = this.#tagButtons[i]!;
      if (b.getAttribute('aria-pressed') === String(on)) return;
      b.className = on ? 'tag on' : 'tag';
      b.setAttribute('aria-pressed', String(on));
      b.replaceChildren(...(on ? [icon('check')] : []), ` ${t(TAG_LABELS[tag])}`);
    });
  }

  #scorecard = memo((bank: CallBank, _score: CallState['scores'][string] | undefined) => {
    const check = this.#check(bank);
    const details = renderScorecard(bank, this.#host.context().state, check.status, (a) => this.#host.dispatch(a));
    details.append(h('p', { class: 'unmet help', 'aria-live': 'polite', text: check.unmet.length ? t('stillNeeded', check.unmet.join('; ')) : t('allMet') }));
    return details;
  });

  /** The scorecard's status and what is still needed, after its percent or a criterion changed. */
  renderScoreStatus(): void {
    const bank = currentBank(this.#host.context());
    const el = this.root.querySelector('.scorecard strong');
    const unmet = this.root.querySelector('.scorecard .unmet');
    if (!bank?.adoption || !bank.stage || !el || !unmet) return;
    const check = this.#check(bank);
    el.className = `status-${check.status}`;
    el.textContent = t(check.status === 'adopted' ? 'adopted' : check.status === 'pilot' ? 'pilot' : 'notStarted');
    unmet.textContent = check.unmet.length ? t('stillNeeded', check.unmet.join('; ')) : t('allMet');
  }

  #check(bank: CallBank) {
    const score = this.#host.context().state.scores[bank.stage!] ?? { percent: null, criteria: [] };
    return checkAdoption(bank.adoption!, score.percent, score.criteria, ADOPTION_WORDS);
  }
}
