// The wrap-up at the end of a call: what was captured, the objectives with their details, and
// the way to finish (Ctrl+Enter anywhere in the call view does the same).
import type { AnswerTag } from '../core/note/model';
import type { CallState, CallValueDriver } from '../core/session/model';
import type { CallAction } from '../core/session/reducer';
import { objectiveItems } from '../core/session/toNote';
import { counted } from '../core/text';
import { hasText } from './callContext';
import { renderObjectives } from './capturePanels';
import { button, h, icon } from './dom';
import { ariaOf } from './keys';

export interface WrapUpHost {
  dispatch(action: CallAction): void;
  finish(): void;
}

export function renderWrapUp(state: CallState, drivers: readonly CallValueDriver[], host: WrapUpHost): HTMLElement {
  const answered = state.parts.flatMap((p) => p.items).filter((i) => hasText(i.answer) && !i.skipped);
  const count = (tag: AnswerTag) => answered.filter((i) => i.tags.includes(tag)).length;
  const dispatch = (a: CallAction) => host.dispatch(a);
  const finish = button({ class: 'primary', id: 'answer', 'aria-keyshortcuts': ariaOf('next') }, () => host.finish(), icon('save'), ' Finish and write note');
  return h(
    'article',
    'prompt-card wrap-up',
    h('h2', { class: 'technique-heading', text: 'Wrap up' }),
    h(
      'ul',
      'summary',
      h('li', { text: `${counted(answered.length, 'answer')} across ${counted(state.parts.length, 'technique')}` }),
      h('li', { text: `${counted(count('objective'), 'objective')} · ${counted(count('pain-point'), 'pain point')} · ${counted(count('metric'), 'metric')}` }),
      h('li', { text: `${counted(count('action-item'), 'action item')} · ${counted(count('follow-up'), 'follow-up')}` }),
      h('li', { text: `${counted(state.metrics.length, 'metric with a baseline', 'metrics with baselines')} · ${counted(Object.keys(state.scores).length, 'stage scorecard')} · ${state.health.length} use-case health` }),
    ),
    h('h3', { class: 'subheading', text: 'Objectives' }),
    renderObjectives(objectiveItems(state), drivers, state, dispatch),
    h('div', 'nav', button('secondary', () => dispatch({ type: 'back' }), icon('arrow-left'), ' Back'), finish),
  );
}
