// Renders the technique list: what the CSM can run, grouped by kind, each with its summary,
// how many prompts it has and the handbook page it comes from.
import type { TechniqueSummary } from '../protocol';
import { h, icon } from './dom';
import { t, tn } from './l10n';
import type { UiStringId } from '../uiStrings';
import type { CodiconName } from './codicons';

const SECTIONS: { kind: TechniqueSummary['kind']; title: UiStringId; icon: CodiconName }[] = [
  { kind: 'technique', title: 'sectionTechniques', icon: 'comment-discussion' },
  { kind: 'stage', title: 'sectionStages', icon: 'layers' },
  { kind: 'checklist', title: 'sectionChecklists', icon: 'checklist' },
];

export function renderCatalog(
  techniques: readonly TechniqueSummary[],
  open: Record<string, boolean>,
  onToggle: (kind: string, isOpen: boolean) => void,
): HTMLElement {
  const root = h('div', 'catalog');
  for (const section of SECTIONS) {
    const items = techniques.filter((t) => t.kind === section.kind);
    if (!items.length) continue;
    const details = h(
      'details',
      { class: 'section', 'data-kind': section.kind },
      h('summary', {}, icon(section.icon), h('span', { class: 'section-title', text: t(section.title) }), h('span', { class: 'badge', text: String(items.length) })),
      h('ul', { class: 'technique-list', 'aria-label': t(section.title) }, ...items.map(renderTechnique)),
    );
    details.open = open[section.kind] ?? section.kind === 'technique';
    details.ontoggle = () => onToggle(section.kind, details.open);
    root.append(details);
  }
  return root;
}

function renderTechnique(technique: TechniqueSummary): HTMLElement {
  return h(
    'li',
    { class: 'technique', 'data-id': technique.id },
    h('div', { class: 'technique-title', text: technique.title }),
    h('div', { class: 'technique-summary', text: technique.summary }),
    technique.adoptionRule ? h('div', { class: 'technique-rule', text: technique.adoptionRule }) : null,
    h('div', { class: 'technique-meta', text: tn(technique.promptCount, 'promptCountOne', 'promptCount', technique.sources.join('; ')) }),
  );
}
