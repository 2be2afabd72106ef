// The wrap-up at the end of a call: what was captured, the objectives with their details, and
// the way to finish (Ctrl+Enter anywhere in the call view does the same).
import type { AnswerTag } from '../core/note/model';
import type { CallState, CallValueDriver } from '../core/session/model';
import type { CallAction } from '../core/session/reducer';
import { objectiveItems } from '../core/session/toNote';
import { hasText } from './callContext';
import { renderObjectives } from './capturePanels';
import { button, h, icon } from './dom';
import { ariaOf } from './keys';
import { t, tn } from './l10n';

export interface WrapUpHost {
  dispatch(action: CallAction): void;
  finish(): void;
}

export function renderWrapUp(state: CallState, drivers: readonly CallValueDriver[], host: WrapUpHost): HTMLElement {
  const answered = state.parts.flatMap((p) => p.items).filter((i) => hasText(i.answer) && !i.skipped);
  const count = (tag: AnswerTag) => answered.filter((i) => i.tags.includes(tag)).length;
  const dispatch = (a: CallAction) => host.dispatch(a);
  const finish = button({ class: 'primary', id: 'answer', 'aria-keyshortcuts': ariaOf('next') }, () => host.finish(), icon('save'), ` ${t('finishAndWrite')}`);
  return h(
    'article',
    'prompt-card wrap-up',
    h('h2', { class: 'technique-heading', text: t('wrapUp') }),
    h(
      'ul',
      'summary',
      h('li', { text: t('wrapAnswers', tn(answered.length, 'answersOne', 'answers'), tn(state.parts.length, 'techniquesOne', 'techniquesCount')) }),
      h('li', { text: [tn(count('objective'), 'objectivesOne', 'objectivesCount'), tn(count('pain-point'), 'painPointsOne', 'painPoints'), tn(count('metric'), 'metricsOne', 'metricsCount')].join(' · ') }),
      h('li', { text: [tn(count('action-item'), 'actionItemsOne', 'actionItems'), tn(count('follow-up'), 'followUpsOne', 'followUps')].join(' · ') }),
      h('li', { text: [tn(state.metrics.length, 'baselinesOne', 'baselines'), tn(Object.keys(state.scores).length, 'scorecardsOne', 'scorecards'), t('healthCount', state.health.length)].join(' · ') }),
    ),
    h('h3', { class: 'subheading', text: t('objectivesHeading') }),
    renderObjectives(objectiveItems(state), drivers, state, dispatch),
    h('div', 'nav', button('secondary', () => dispatch({ type: 'back' }), icon('arrow-left'), ` ${t('back')}`), finish),
  );
}
