// The start form: who, what, when, who attends, and which techniques in which order.
// Native controls only; every field is labelled; the draft survives the view being hidden.
import type { PlaybookSummary, TechniqueSummary } from '../protocol';
import type { CallSetup } from '../core/session/model';
import { gapGroups, type GapKind } from '../core/plan/model';
import { button, h, icon } from './dom';
import type { SetupDraft } from './vscodeApi';
import { t, tn } from './l10n';
import type { UiStringId } from '../uiStrings';

export interface GapSummary {
  kind: string;
  label: string;
  bankId?: string;
  promptIds?: string[];
  placeholders?: Record<string, string>;
}

export interface StartForm {
  form: HTMLFormElement;
  /** Shows a customer's coverage gaps, each with "Add to next call". */
  showGaps(customer: string, gaps: readonly GapSummary[]): void;
}

export interface StartFormProps {
  techniques: readonly TechniqueSummary[];
  /** Playbooks from the banks (team ones included); "Other" lets the CSM pick freely. */
  playbooks: readonly PlaybookSummary[];
  customers: readonly string[];
  today: string;
  notice?: string;
  draft: SetupDraft | undefined;
  onDraft(draft: SetupDraft): void;
  onStart(setup: CallSetup): void;
  /** The customer field names a customer with notes: ask for their coverage gaps. */
  onCustomer(customer: string): void;
}

/** Techniques (and checklists) the CSM can run, in catalog order; stages go via Stage Adoption. */
function runnable(techniques: readonly TechniqueSummary[]) {
  return techniques.filter((t) => t.kind !== 'stage');
}

const OTHER_ID = 'other';
/** "Other": no playbook, the CSM picks the techniques (made when asked: its words come from the host). */
const other = (): PlaybookSummary => ({ id: OTHER_ID, title: t('otherPlaybook'), summary: t('otherPlaybookSummary'), callTitle: t('otherCallTitle'), techniques: [], stages: [] });

function playbookOf(playbooks: readonly PlaybookSummary[], id: string): PlaybookSummary {
  return playbooks.find((p) => p.id === id) ?? other();
}

export function defaultDraft(techniques: readonly TechniqueSummary[], playbooks: readonly PlaybookSummary[], today: string, playbookId = playbooks[0]?.id ?? OTHER_ID): SetupDraft {
  const type = playbookOf(playbooks, playbookId);
  const list = runnable(techniques);
  const known = type.techniques.filter((id) => list.some((t) => t.id === id));
  // The call type's techniques first, in its order, then the rest unchecked in catalog order.
  const ordered = [...known, ...list.map((t) => t.id).filter((id) => !known.includes(id))];
  return {
    customer: '',
    title: type.callTitle,
    callType: type.id,
    date: today,
    attendees: '',
    techniques: ordered.map((id) => ({ id, on: known.includes(id) })),
    stages: [...type.stages],
  };
}

/** Brings a saved draft up to date with the loaded banks (new ones appended, gone ones dropped). */
function reconcile(draft: SetupDraft, techniques: readonly TechniqueSummary[]): SetupDraft {
  const ids = new Set(runnable(techniques).map((t) => t.id));
  const kept = draft.techniques.filter((t) => ids.has(t.id));
  const added = [...ids].filter((id) => !kept.some((t) => t.id === id)).map((id) => ({ id, on: false }));
  return { ...draft, techniques: [...kept, ...added] };
}

function field(label: string, control: HTMLElement, id: string, help?: string): HTMLElement {
  control.id = id;
  const helpId = `${id}-help`;
  if (help) control.setAttribute('aria-describedby', helpId);
  return h('div', 'field', h('label', { for: id, text: label }), control, help ? h('div', { class: 'help', id: helpId, text: help }) : null);
}

/** Each gap group's title and its count ("7 stages", "1 objective without a metric"), by its first kind. */
const GAP_GROUP_WORDS: Record<string, [title: UiStringId, one: UiStringId, many: UiStringId]> = {
  'usage-drop': ['gapGroupUsage', 'gapCountUsageOne', 'gapCountUsage'],
  'stage-never': ['gapGroupStages', 'gapCountStagesOne', 'gapCountStages'],
  'technique-never': ['gapGroupTechniques', 'gapCountTechniquesOne', 'gapCountTechniques'],
  'objective-without-metric': ['gapGroupObjectives', 'gapCountObjectivesOne', 'gapCountObjectives'],
  'metric-without-baseline': ['gapGroupMetrics', 'gapCountMetricsOne', 'gapCountMetrics'],
};
const OTHER_GAPS: [UiStringId, UiStringId, UiStringId] = ['gapGroupOther', 'gapCountOtherOne', 'gapCountOther'];

export function renderStartForm(props: StartFormProps): StartForm {
  const byId = new Map(props.techniques.map((t) => [t.id, t]));
  let draft = props.draft ? reconcile(props.draft, props.techniques) : defaultDraft(props.techniques, props.playbooks, props.today);
  const save = () => props.onDraft(draft);

  const customer = h('input', { type: 'text', list: 'customers', required: '', autocomplete: 'off', maxlength: '300' });
  customer.value = draft.customer;
  const customers = h('datalist', { id: 'customers' }, ...props.customers.map((c) => h('option', { value: c })));
  const title = h('input', { type: 'text', required: '', maxlength: '300' });
  title.value = draft.title;
  const choices = [...props.playbooks, other()];
  const callType = h('select', {}, ...choices.map((t) => h('option', { value: t.id, text: t.title })));
  callType.value = choices.some((c) => c.id === draft.callType) ? draft.callType : OTHER_ID;
  const playbookHelp = () => playbookOf(props.playbooks, callType.value).summary;
  const date = h('input', { type: 'date', required: '' });
  date.value = draft.date || props.today;
  const attendees = h('input', { type: 'text', placeholder: t('attendeesExample') });
  attendees.value = draft.attendees;

  const list = h('ol', { class: 'pick-list', 'aria-label': t('techniquesInOrder') });
  const stageBox = h('fieldset', 'stages', h('legend', { text: t('stagesLegend') }));
  const stageTechniques = props.techniques.filter((t) => t.kind === 'stage' && t.stage);
  const error = h('div', { class: 'form-error', role: 'alert' });

  const stageFlowChecked = () => draft.techniques.some((t) => t.on && byId.get(t.id)?.flow === 'stages');

  function renderStages(): void {
    stageBox.hidden = !stageFlowChecked() || !stageTechniques.length;
    stageBox.replaceChildren(
      h('legend', { text: t('stagesLegend') }),
      ...stageTechniques.map((t) => {
        const box = h('input', { type: 'checkbox', 'data-stage': t.stage! });
        box.checked = draft.stages.includes(t.stage!);
        box.onchange = () => {
          const stages = stageTechniques.map((s) => s.stage!).filter((s) => (s === t.stage ? box.checked : draft.stages.includes(s)));
          draft = { ...draft, stages };
          save();
        };
        return h('label', 'check', box, ` ${t.title}`);
      }),
    );
  }

  function renderList(focusId?: string, focusWhat: 'box' | 'up' | 'down' = 'box'): void {
    list.replaceChildren(
      ...draft.techniques.map((entry, index) => {
        const technique = byId.get(entry.id);
        const box = h('input', { type: 'checkbox', 'data-technique': entry.id, 'aria-keyshortcuts': 'Alt+ArrowUp Alt+ArrowDown' });
        box.checked = entry.on;
        box.onchange = () => {
          draft = { ...draft, techniques: draft.techniques.map((x) => (x.id === entry.id ? { ...x, on: box.checked } : x)) };
          save();
          renderStages();
        };
        const move = (delta: number, what: 'box' | 'up' | 'down') => {
          const to = index + delta;
          if (to < 0 || to >= draft.techniques.length) return;
          const next = draft.techniques.slice();
          [next[index], next[to]] = [next[to]!, next[index]!];
          draft = { ...draft, techniques: next };
          save();
          renderList(entry.id, what);
        };
        box.onkeydown = (e) => {
          if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
            e.preventDefault();
            move(e.key === 'ArrowUp' ? -1 : 1, 'box');
          }
        };
        const name = technique?.title ?? entry.id;
        const up = button({ class: 'icon-button', title: t('moveUp'), 'aria-label': t('moveUpNamed', name) }, () => move(-1, 'up'), icon('arrow-up'));
        const down = button({ class: 'icon-button', title: t('moveDown'), 'aria-label': t('moveDownNamed', name) }, () => move(1, 'down'), icon('arrow-down'));
        up.disabled = index === 0;
        down.disabled = index === draft.techniques.length - 1;
        const row = h('li', 'pick', h('label', 'check', box, ` ${name}`), h('span', 'pick-actions', up, down));
        if (entry.id === focusId) queueMicrotask(() => (focusWhat === 'box' ? box : focusWhat === 'up' ? (up.disabled ? down : up) : down.disabled ? up : down).focus());
        return row;
      }),
    );
  }

  const sync = () => {
    draft = { ...draft, customer: customer.value, title: title.value, date: date.value, attendees: attendees.value };
    save();
  };
  for (const input of [customer, title, date, attendees]) input.addEventListener('input', sync);
  // Collapsed to one line: a returning customer can have dozens of gaps, and the fields and
  // Start must stay in reach.
  const gapsBox = h('details', { class: 'gaps', hidden: '' });
  let gapsTimer: number | undefined;
  const known = (name: string) => props.customers.find((c) => c.toLowerCase() === name.trim().toLowerCase());
  const askGaps = () => {
    window.clearTimeout(gapsTimer);
    gapsBox.hidden = true;
    const match = known(customer.value);
    if (match) gapsTimer = window.setTimeout(() => props.onCustomer(match), 250);
  };
  customer.addEventListener('input', askGaps);

  /** Puts gaps into the next call: their prompts as focus prompts, or their technique or stage ticked. */
  const addGaps = (gaps: readonly GapSummary[]): void => {
    for (const gap of gaps) addGap(gap);
    save();
    renderList();
    renderStages();
  };
  const addGap = (gap: GapSummary): void => {
    const technique = gap.bankId ? byId.get(gap.bankId) : undefined;
    if (gap.bankId && gap.promptIds?.length) {
      const focus = { bankId: gap.bankId, promptIds: gap.promptIds, values: gap.placeholders ?? {} };
      // The same question twice (two objectives without a metric ask the same one) is asked once.
      if (!draft.focus?.some((f) => JSON.stringify(f) === JSON.stringify(focus))) draft = { ...draft, focus: [...(draft.focus ?? []), focus] };
    } else if (technique?.kind === 'stage' && technique.stage) {
      const stageFlow = props.techniques.find((x) => x.flow === 'stages');
      draft = {
        ...draft,
        techniques: draft.techniques.map((x) => (x.id === stageFlow?.id ? { ...x, on: true } : x)),
        stages: draft.stages.includes(technique.stage) ? draft.stages : [...draft.stages, technique.stage],
      };
    } else if (technique) {
      draft = { ...draft, techniques: draft.techniques.map((x) => (x.id === technique.id ? { ...x, on: true } : x)) };
    }
  };
  callType.onchange = () => {
    const fresh = defaultDraft(props.techniques, props.playbooks, props.today, callType.value);
    const previous = playbookOf(props.playbooks, draft.callType);
    // Replace the title only if the CSM had not typed their own.
    if (!title.value.trim() || title.value === previous.callTitle) title.value = fresh.title;
    draft = { ...draft, callType: callType.value, title: title.value, techniques: fresh.techniques, stages: fresh.stages };
    save();
    const help = form.querySelector('#f-type-help');
    if (help) help.textContent = playbookHelp();
    renderList();
    renderStages();
  };

  const start = h('button', { class: 'primary', type: 'submit' }, icon('play'), ` ${t('startCall')}`);
  const form = h(
    'form',
    { class: 'start-form', 'aria-label': t('startACall'), novalidate: '' },
    h('h2', { class: 'view-title', text: t('startACall') }),
    props.notice ? h('p', { class: 'saved', role: 'status' }, icon('pass-filled'), ` ${props.notice}`) : null,
    field(t('customer'), customer, 'f-customer', props.customers.length ? t('customerHelp') : undefined),
    customers,
    gapsBox,
    field(t('playbook'), callType, 'f-type', playbookHelp()),
    field(t('title'), title, 'f-title'),
    field(t('date'), date, 'f-date'),
    field(t('attendees'), attendees, 'f-attendees', t('attendeesHelp')),
    h('div', 'field', h('div', { class: 'label', id: 'techniques-label', text: t('techniques') }), h('div', { class: 'help', text: t('techniquesHelp') }), list),
    stageBox,
    error,
    h('div', 'actions', start),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    sync();
    const problem = !draft.customer.trim()
      ? ([customer, t('needCustomer')] as const)
      : !draft.title.trim()
        ? ([title, t('needTitle')] as const)
        : !/^\d{4}-\d{2}-\d{2}$/.test(draft.date)
          ? ([date, t('needDate')] as const)
          : !draft.techniques.some((x) => x.on)
            ? ([list.querySelector('input') ?? start, t('needTechnique')] as const)
            : undefined;
    if (problem) {
      error.textContent = problem[1];
      problem[0].setAttribute('aria-invalid', 'true');
      (problem[0] as HTMLElement).focus();
      return;
    }
    error.textContent = '';
    const stagesOn = stageFlowChecked();
    props.onStart({
      customer: draft.customer.trim(),
      title: draft.title.trim(),
      callType: playbookOf(props.playbooks, draft.callType).title,
      date: draft.date,
      attendees: draft.attendees.split(/[,;\n]/).map((a) => a.trim()).filter(Boolean),
      techniques: draft.techniques.filter((x) => x.on).map((x) => x.id),
      stages: stagesOn ? (draft.stages as CallSetup['stages']) : [],
      focus: draft.focus ?? [],
    });
  };
  renderList();
  renderStages();
  if (known(customer.value)) askGaps();
  // After a call was saved the note has the focus: do not pull it back into the sidebar.
  if (!props.notice) queueMicrotask(() => customer.focus());
  return {
    form,
    showGaps(name, gaps) {
      if (known(customer.value) !== name) return; // the CSM has typed on since
      gapsBox.hidden = gaps.length === 0;
      const groups = gapGroups.map(([, kinds]) => ({ words: GAP_GROUP_WORDS[kinds[0]!] ?? OTHER_GAPS, gaps: gaps.filter((g) => kinds.includes(g.kind as GapKind)) }));
      const grouped = new Set(gapGroups.flatMap(([, kinds]) => kinds) as string[]);
      const otherGaps = gaps.filter((g) => !grouped.has(g.kind));
      if (otherGaps.length) groups.push({ words: OTHER_GAPS, gaps: otherGaps });
      const shown = groups.filter((g) => g.gaps.length);
      const added = (b: HTMLButtonElement) => {
        b.replaceChildren(icon('check'), ` ${t('gapAdded')}`);
        b.disabled = true;
      };
      const sections = shown.map((group) => {
        const rows = group.gaps.map((gap) => {
          const add = button({ class: 'link-button', 'aria-label': t('gapAddNamed', gap.label) }, () => {
            addGaps([gap]);
            added(add);
          }, icon('add'), ` ${t('gapAdd')}`);
          return h('li', 'gap', h('span', { class: 'gap-label', text: gap.label }), add);
        });
        const all = button('secondary', () => {
          addGaps(group.gaps);
          added(all);
          rows.forEach((row) => added(row.querySelector('button')!));
        }, icon('add'), ` ${group.gaps.length === 1 ? t('gapAddOne') : t('gapAddAll', group.gaps.length)}`);
        const title = t(group.words[0]);
        all.setAttribute('aria-label', t('gapAddGroup', title, group.gaps.length));
        return h(
          'section',
          { class: 'gap-group', 'aria-label': title },
          h('div', 'gap-group-head', h('strong', { text: t('gapGroupCount', title, group.gaps.length) }), all),
          h('ul', 'gap-list', ...rows),
        );
      });
      gapsBox.open = false;
      gapsBox.replaceChildren(
        h(
          'summary',
          {},
          h('h3', { class: 'subheading', text: t('notYetCovered', name, gaps.length) }),
          h('span', { class: 'help gap-counts', text: shown.map((g) => tn(g.gaps.length, g.words[1], g.words[2])).join(' · ') }),
        ),
        ...sections,
      );
    },
  };
}
