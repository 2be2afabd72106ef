// The live call's controller: it applies each action to its own copy of the call at once (same
// reducer as the host), tells the host, and repaints what the action changed. It owns what every
// screen of the call shares — header and timer, progress, the technique list (Alt+L), the
// metrics and health panels, the footer — and the keyboard; the step card (stepCard.ts, with the
// ladder of ladder.ts) and the wrap-up (wrapUp.ts) paint the rest.
//
// It paints incrementally: a key press touches a handful of nodes, so the next prompt shows
// within a frame however long the call is.
import { answerTags } from '../core/note/model';
import type { CallBank, CallState, CallValueDriver } from '../core/session/model';
import { currentItem, ladderDepth, reduce, type Banks, type CallAction } from '../core/session/reducer';
import { atWrapUp, currentBank, hasText, type CallContext } from './callContext';
import { renderHealth, renderMetrics } from './capturePanels';
import { attr, button, h, icon, memo, setText, sync } from './dom';
import { ariaOf, keyOf } from './keys';
import { StepCard, TAG_LABELS } from './stepCard';
import type { ShortcutAction } from '../shortcuts';
import { renderWrapUp } from './wrapUp';
import { t } from './l10n';

export type { CallContext } from './callContext';

export interface CallViewHost {
  post(action: CallAction): void;
  finish(): void;
  discard(): void;
  announce(text: string): void;
  keyboardShortcuts(): void;
}

function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  return hours ? `${hours}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}` : `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

export class CallView {
  readonly root = h('section', { class: 'call', 'aria-label': t('callInProgress') });
  #ctx: CallContext;
  #host: CallViewHost;
  #timer: number;
  /** The step last announced to screen readers, so a repaint in place says nothing. */
  #announced = '';
  /** Panels the CSM opened or closed by hand, by panel and bank, so a repaint keeps them that way. */
  #panelOpen: Record<string, boolean> = {};

  #step = new StepCard({
    context: () => this.#ctx,
    dispatch: (action) => this.#dispatch(action),
    typed: (text) => this.#typed(text),
    show: (details, key, auto) => this.#show(details, key, auto),
    keyboardShortcuts: () => this.#host.keyboardShortcuts(),
  });

  // The nodes every screen shares.
  #timerEl = h('span', { class: 'timer', role: 'timer', 'aria-label': t('callTime') });
  #who = h('strong');
  #title = h('span', 'muted');
  #header = h('header', 'call-header', h('div', 'call-who', this.#who, this.#title), h('div', 'call-clock', icon('clock'), ' ', this.#timerEl));
  #progress = h('div', 'progress');
  #stepText = h('span');
  #bar = h('progress', { 'aria-label': t('techniquesCovered') });
  #navList = h('ol');
  #nav = h('details', 'technique-nav', h('summary', { 'aria-keyshortcuts': ariaOf('techniques') }, icon('list-ordered'), ` ${t('techniquesNav')} `, h('kbd', { text: keyOf('techniques') })), this.#navList);
  #navRows: { bank: CallBank | undefined; li: HTMLElement; button: HTMLButtonElement; count: HTMLElement }[] = [];
  #footer = h(
    'footer',
    'call-footer',
    button('link-button', () => this.#host.finish(), icon('save'), ` ${t('finishCall')}`),
    button('link-button danger', () => this.#host.discard(), icon('trash'), ` ${t('discard')}`),
  );

  constructor(ctx: CallContext, host: CallViewHost) {
    this.#ctx = ctx;
    this.#host = host;
    this.#timer = window.setInterval(() => this.#tick(), 1000);
    this.#render();
  }

  /** The host's copy replaces ours (on load, or after the host corrected something). */
  replace(ctx: CallContext): void {
    this.#ctx = ctx;
    this.#render();
  }

  dispose(): void {
    window.clearInterval(this.#timer);
  }

  /** Applies an action locally, repaints what it changed, and tells the host. */
  #dispatch(action: CallAction): void {
    const before = this.#ctx.state;
    const after = reduce(before, action, this.#ctx.banks);
    if (after === before) return;
    this.#ctx = { ...this.#ctx, state: after };
    this.#host.post(action);
    switch (action.type) {
      case 'answer': // the answer box already shows it; keep the caret
        return this.#step.renderTyped();
      // The control already shows the new value: repainting would only lose the focus.
      case 'editMetric':
      case 'editHealth':
      case 'setHealthColor':
      case 'editObjective':
        return;
      case 'toggleTag':
        return this.#step.renderTags();
      case 'setValue':
        return this.#step.renderQuestion();
      case 'setScore':
      case 'toggleCriterion':
        return this.#step.renderScoreStatus();
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

  /**
   * The answer box's text for the current item, sent as it is typed. Nothing typed waits in the
   * webview: the host receives every edit before any message or command that follows it (a step,
   * Finish, the palette's Finish Call, the view hidden), in order, and persists the call within
   * its save delay. An answer is a few lines; posting it per keystroke costs less than a frame.
   */
  #typed(text: string): void {
    const item = currentItem(this.#ctx.state);
    if (item) this.#dispatch({ type: 'answer', key: item.key, text });
  }

  /** A call shortcut: its command ran (a key bound in VS Code, default or the user's, or the palette). */
  runShortcut(action: ShortcutAction): boolean {
    const flow = currentBank(this.#ctx)?.flow;
    switch (action) {
      case 'next':
        if (atWrapUp(this.#ctx.state)) this.#host.finish();
        else this.#dispatch({ type: 'next' });
        return true;
      case 'back':
      case 'skip':
        this.#dispatch({ type: action });
        return true;
      case 'techniques':
        this.#nav.open = !this.#nav.open;
        if (this.#nav.open) this.#navList.querySelector<HTMLElement>('[aria-current]')?.focus();
        else this.focusAnswer();
        return true;
      case 'ladderReached':
        if (flow !== 'ladder') return false;
        this.#dispatch({ type: 'ladderReached' });
        return true;
      case 'tedAnother':
        if (flow !== 'ted') return false;
        this.#dispatch({ type: 'tedAnother' });
        return true;
      default:
        if (!currentItem(this.#ctx.state)) return false;
        this.#step.toggleTag(action);
        const label = t(TAG_LABELS[action]);
        this.#host.announce(currentItem(this.#ctx.state)?.tags.includes(action) ? t('tagged', label) : t('untagged', label));
        return true;
    }
  }

  #tick(): void {
    setText(this.#timerEl, formatElapsed(Date.now() - this.#ctx.state.startedAt));
  }

  // ---- rendering -------------------------------------------------------------------------

  #render(focus = true): void {
    const { setup } = this.#ctx.state;
    const wrapUp = atWrapUp(this.#ctx.state);
    this.#tick();
    setText(this.#who, setup.customer);
    setText(this.#title, ` · ${setup.title}`);
    this.#renderProgress();
    this.#renderNav();
    const body = wrapUp
      ? [renderWrapUp(this.#ctx.state, this.#drivers(this.#ctx.banks), { dispatch: (a) => this.#dispatch(a), finish: () => this.#host.finish() })]
      : [this.#step.render(), ...this.#renderPanels()];
    sync(this.root, [this.#header, this.#progress, this.#nav, ...body, this.#footer]);
    this.#announceStep(wrapUp);
    if (focus) this.focusAnswer();
  }

  /** Tells a screen reader where the call is now, once per step (the call's start is announced apart). */
  #announceStep(wrapUp: boolean): void {
    const { part, item } = this.#ctx.state.position;
    const step = wrapUp ? 'wrap-up' : `${part}:${item}`;
    if (this.#announced && step !== this.#announced) {
      const where = this.#progress.textContent ?? '';
      this.#host.announce(wrapUp ? t('announceWrapUp', where) : `${where}. ${this.root.querySelector('#question')?.textContent ?? ''}`);
    }
    this.#announced = step;
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
    const bank = currentBank(this.#ctx);
    const { state, banks } = this.#ctx;
    const drivers = this.#drivers(banks);
    const aboutMetrics = !!bank && (!!bank.valueDrivers || bank.prompts.some((p) => p.tag === 'metric'));
    const aboutHealth = !!bank && bank.prompts.some((p) => p.choices?.some((c) => /^green\b/i.test(c)));
    return [
      (drivers.length || state.metrics.length) && this.#show(this.#metrics(drivers, state.metrics), `metrics:${bank?.id}`, aboutMetrics),
      this.#show(this.#health(state.health), `health:${bank?.id}`, aboutHealth),
    ].filter((p): p is HTMLDetailsElement => !!p);
  }

  #renderProgress(): void {
    const { parts, position } = this.#ctx.state;
    const total = parts.length;
    if (atWrapUp(this.#ctx.state)) return setText(this.#progress, t('allCovered', total));
    const part = parts[position.part]!;
    const steps = currentBank(this.#ctx)?.flow === 'ladder' ? Math.max(5, ladderDepth(part)) : part.items.length;
    const stepText = currentBank(this.#ctx)?.flow === 'ladder' ? t('whyOf', position.item + 1, steps) : t('promptOf', position.item + 1, steps);
    setText(this.#stepText, t('techniqueOf', position.part + 1, total, stepText));
    // Techniques done plus this one's share: the bar moves with every step. Always a value
    // attribute: a <progress> without one is indeterminate and animates (its .value still reads 0).
    attr(this.#bar, 'max', String(total));
    attr(this.#bar, 'value', String(position.part + (steps ? Math.min(position.item, steps) / steps : 0)));
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
      setText(row.count, answered ? t('answeredCount', answered) : '');
      attr(row.button, 'aria-current', index === state.position.part ? 'step' : null);
      return row.li;
    });
    this.#navRows.length = rows.length;
    sync(this.#navList, rows);
  }

  focusAnswer(): void {
    this.root.querySelector<HTMLElement>('#answer')?.focus();
  }
}
