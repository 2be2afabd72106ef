// Renders the technique list: what the CSM can run, grouped by kind, each with its summary,
// how many prompts it has and the handbook page it comes from.
import type { TechniqueSummary } from '../protocol';
import { h, icon } from './dom';

const SECTIONS: { kind: TechniqueSummary['kind']; title: string; icon: string }[] = [
  { kind: 'technique', title: 'Techniques', icon: 'comment-discussion' },
  { kind: 'stage', title: 'Stage adoption', icon: 'layers' },
  { kind: 'checklist', title: 'Checklists', icon: 'checklist' },
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
      h('summary', {}, icon(section.icon), h('span', { class: 'section-title', text: section.title }), h('span', { class: 'badge', text: String(items.length) })),
      h('ul', { class: 'technique-list', 'aria-label': section.title }, ...items.map(renderTechnique)),
    );
    details.open = open[section.kind] ?? section.kind === 'technique';
    details.ontoggle = () => onToggle(section.kind, details.open);
    root.append(details);
  }
  return root;
}

function renderTechnique(t: TechniqueSummary): HTMLElement {
  return h(
    'li',
    { class: 'technique', 'data-id': t.id },
    h('div', { class: 'technique-title', text: t.title }),
    h('div', { class: 'technique-summary', text: t.summary }),
    t.adoptionRule ? h('div', { class: 'technique-rule', text: t.adoptionRule }) : null,
    h('div', { class: 'technique-meta', text: `${t.promptCount} prompt${t.promptCount === 1 ? '' : 's'} · ${t.sources.join('; ')}` }),
  );
}
