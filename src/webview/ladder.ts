// The Five Whys ladder under the prompt: how deep the CSM has dug, each rung's answer so far,
// and the way out once the strategic objective is reached.
import type { CallPart } from '../core/session/model';
import { ladderDepth } from '../core/session/reducer';
import { hasText } from './callContext';
import { button, h, icon, setText } from './dom';
import { ariaOf, keyOf } from './keys';
import { t } from './l10n';

const rungText = (answer: string) => (hasText(answer) ? answer.replace(/\s+/g, ' ').trim() : '…');

/** Shows the answer being typed on the current rung of a ladder `renderLadder` made. */
export function showTypedRung(ladder: HTMLElement, answer: string): void {
  const rung = ladder.querySelector('.rung.current');
  if (rung) setText(rung, rungText(answer));
}

/** The rungs of `part`, the one at `current` marked; `onReached` ends the ladder (Alt+Y). */
export function renderLadder(part: CallPart, current: number, onReached: () => void): HTMLElement {
  const depth = ladderDepth(part);
  const rungs = h(
    'ol',
    { class: 'ladder', 'aria-label': t('ladder') },
    ...part.items.map((item, i) => {
      const li = h('li', { class: i === current ? 'rung current' : 'rung', text: rungText(item.answer) });
      if (i === current) li.setAttribute('aria-current', 'step');
      return li;
    }),
  );
  const meter = h('meter', { min: '0', max: String(Math.max(5, depth)), 'aria-label': t('depthOf', depth) });
  meter.value = depth;
  return h(
    'div',
    'ladder-box',
    h('div', 'depth', h('span', { text: depth > 5 ? t('depthPastFive', depth) : t('depth', depth) }), meter),
    rungs,
    button({ class: 'secondary', 'aria-keyshortcuts': ariaOf('ladderReached') }, onReached, icon('target'), ` ${t('objectiveReached')} `, h('kbd', { text: keyOf('ladderReached') })),
  );
}
