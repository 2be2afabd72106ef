// Structured capture beside the answers: a stage's adoption scorecard, metrics with baselines,
// use-case health, and objective details on the wrap-up. Native controls, labelled, and every
// change goes through the same reducer actions the host persists. The panels come back closed;
// the call view opens them.
import { healthColors, horizons, objectiveStatuses, type AdoptionStatus, type MetricRecord, type UseCaseHealth } from '../core/note/model';
import { customMetricId, EMPTY_OBJECTIVE } from '../core/session/capture';
import type { CallBank, CallItem, CallState, CallValueDriver } from '../core/session/model';
import type { CallAction } from '../core/session/reducer';
import { button, h, icon } from './dom';
import { keyOf } from './keys';
import { date, t } from './l10n';

type Dispatch = (action: CallAction) => void;

let uid = 0;
/** Ids for label/for pairs; unique per render. */
const nextId = (base: string) => `${base}-${++uid}`;

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement, extraClass = ''): HTMLElement {
  control.id = nextId('cap');
  return h('div', `field compact ${extraClass}`, h('label', { for: control.id, text: label }), control);
}

function textInput(value: string, onInput: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { type: 'text', maxlength: '2000', autocomplete: 'off', ...attrs });
  input.value = value;
  // Every keystroke reaches the call at once: a step or Finish by keyboard (Ctrl+Enter) or from
  // the palette fires no change event, and the value must not wait for one. The call view does not
  // repaint a panel for its own edits, so the caret stays where it is.
  input.oninput = () => onInput(input.value);
  return input;
}

function select(options: [value: string, label: string][], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const el = h('select', {}, ...options.map(([v, label]) => h('option', { value: v, text: label })));
  el.value = value;
  el.oninput = () => onChange(el.value);
  return el;
}

const removeButton = (what: string, onClick: () => void) => button({ class: 'icon-button', 'aria-label': t('removeNamed', what), title: t('remove') }, onClick, icon('close'));

const statusLabel = (status: AdoptionStatus) => t(status === 'adopted' ? 'adopted' : status === 'pilot' ? 'pilot' : 'notStarted');

export function renderScorecard(bank: CallBank, state: CallState, status: AdoptionStatus, dispatch: Dispatch): HTMLDetailsElement {
  const stage = bank.stage!;
  const adoption = bank.adoption!;
  const score = state.scores[stage] ?? { percent: null, criteria: [] };
  const percent = h('input', { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric' });
  percent.value = score.percent === null ? '' : String(score.percent);
  percent.oninput = () => dispatch({ type: 'setScore', stage, percent: percent.value === '' ? null : Number(percent.value) });
  // What the customer's usage data says, beside each criterion it speaks to (ticked at the start
  // of the call where it is met; the CSM's ticks are the judgement the note records).
  const usage = state.usage?.stages[stage];
  const criteria = h(
    'fieldset',
    'criteria',
    h('legend', { text: t('criteriaMet') }),
    ...adoption.criteria.map((c) => {
      const box = h('input', { type: 'checkbox', 'data-criterion': c.id });
      box.checked = score.criteria.includes(c.id);
      box.onchange = () => dispatch({ type: 'toggleCriterion', stage, criterion: c.id });
      const data = usage?.[c.id];
      const evidence = data && h('span', { class: 'metric-keys usage-evidence', 'data-met': String(data.met), text: ` ${data.met === null ? t('usageEvidenceUnknown', data.evidence) : t('usageEvidence', data.evidence)}` });
      return h('label', 'check', box, h('span', {}, ` ${c.text}`, !data && !!c.metrics?.length && h('span', { class: 'metric-keys', text: ` ${c.metrics.join(', ')}` }), evidence));
    }),
  );
  const usageHelp = usage && h('p', { class: 'help usage-note', text: t('usageTicked', date(state.usage!.recordedAt.slice(0, 10))) });
  return h(
    'details',
    { class: 'panel scorecard', 'data-stage': stage },
    h('summary', {}, icon('graph'), ` ${t('adoptionScorecard')}`, h('strong', { class: `status-${status}`, text: statusLabel(status) })),
    h('p', { class: 'help', text: adoption.rule }),
    h('div', 'number', labelled(t('teamsUsing'), percent)),
    usageHelp,
    criteria,
  );
}

/** Value drivers' metrics as grouped options, plus "their own" metrics typed by the CSM. */
export function renderMetrics(drivers: readonly CallValueDriver[], metrics: readonly MetricRecord[], dispatch: Dispatch): HTMLDetailsElement {
  const picker = h(
    'select',
    { 'aria-label': t('metricToAdd') },
    h('option', { value: '', text: t('addMetric') }),
    ...drivers.map((d) => h('optgroup', { label: d.name }, ...d.metrics.map((m) => h('option', { value: `${d.id}\u0000${m.id}`, text: m.name })))),
    h('option', { value: 'custom', text: t('theirOwnMetric') }),
  );
  const customName = h('input', { type: 'text', placeholder: t('nameOfTheirMetric'), 'aria-label': t('nameOfTheirMetric'), hidden: '' });
  const add = button('secondary', () => {
    if (picker.value === 'custom') {
      if (!customName.value.trim()) return customName.focus();
      return dispatch({ type: 'addMetric', id: customMetricId(customName.value), name: customName.value, valueDriver: '', unit: '' });
    }
    const [driverId, metricId] = picker.value.split('\u0000');
    const driver = drivers.find((d) => d.id === driverId);
    const metric = driver?.metrics.find((m) => m.id === metricId);
    if (driver && metric) dispatch({ type: 'addMetric', id: metric.id, name: metric.name, valueDriver: driver.id, unit: metric.unit ?? '' });
  }, icon('add'), ` ${t('add')}`);
  picker.onchange = () => {
    customName.hidden = picker.value !== 'custom';
    if (!customName.hidden) customName.focus();
  };
  const rows = metrics.map((m) => {
    const edit = (field: 'measuredHow' | 'baseline' | 'target' | 'unit', attrs?: Record<string, string>) => textInput(m[field], (value) => dispatch({ type: 'editMetric', id: m.id, field, value }), attrs);
    return h(
      'li',
      { class: 'metric', 'data-metric': m.id },
      h('div', 'metric-head', h('strong', { text: m.name }), removeButton(m.name, () => dispatch({ type: 'removeMetric', id: m.id }))),
      labelled(t('howMeasured'), edit('measuredHow', { placeholder: t('notMeasuredYet') })),
      h('div', 'row', labelled(t('baseline'), edit('baseline')), labelled(t('target'), edit('target')), labelled(t('unit'), edit('unit'), 'narrow')),
    );
  });
  return h(
    'details',
    'panel metrics',
    h('summary', {}, icon('pulse'), ` ${t('metricsDiscussed', metrics.length)}`),
    h('p', { class: 'help', text: t('metricsHelp') }),
    h('ul', 'metric-list', ...rows),
    h('div', 'row', picker, add),
    customName,
  );
}


export function renderHealth(health: readonly UseCaseHealth[], dispatch: Dispatch): HTMLDetailsElement {
  const rows = health.map((entry, index) => {
    const name = nextId('health');
    const colors = h(
      'fieldset',
      'health-colors',
      h('legend', { text: t('health') }),
      ...healthColors.map((color) => {
        const radio = h('input', { type: 'radio', name, value: color });
        radio.checked = entry.color === color;
        radio.onchange = () => radio.checked && dispatch({ type: 'setHealthColor', index, color });
        return h('label', `check health-${color}`, radio, ` ${t(color)}`);
      }),
    );
    const edit = (field: 'useCase' | 'reason', attrs?: Record<string, string>) => textInput(entry[field], (value) => dispatch({ type: 'editHealth', index, field, value }), attrs);
    return h(
      'li',
      'health',
      h('div', 'metric-head', labelled(t('useCase'), edit('useCase', { placeholder: t('useCaseExample') })), removeButton(entry.useCase || t('aUseCase'), () => dispatch({ type: 'removeHealth', index }))),
      colors,
      labelled(t('why'), edit('reason')),
    );
  });
  const add = button('secondary', () => dispatch({ type: 'addHealth' }), icon('add'), ` ${t('addUseCase')}`);
  return h('details', 'panel health-panel', h('summary', {}, icon('heart'), ` ${t('useCaseHealth', health.length)}`), h('ul', 'metric-list', ...rows), add);
}

const statusText = (status: (typeof objectiveStatuses)[number]) =>
  t(status === 'not-started' ? 'notStarted' : status === 'in-progress' ? 'statusInProgress' : status === 'done' ? 'statusDone' : 'statusAtRisk');

/** The objectives of this call, each with owner, due date, status, horizon and value driver. */
export function renderObjectives(items: readonly CallItem[], drivers: readonly CallValueDriver[], state: CallState, dispatch: Dispatch): HTMLElement {
  if (!items.length) {
    return h('p', { class: 'help', text: t('noObjectives', keyOf('objective')) });
  }
  return h(
    'ul',
    { class: 'objective-list', 'aria-label': t('objectivesList') },
    ...items.map((item) => {
      const d = { ...EMPTY_OBJECTIVE, ...state.objectives[item.key] };
      const edit = (field: 'owner' | 'due' | 'status' | 'horizon' | 'valueDriver') => (value: string) => dispatch({ type: 'editObjective', key: item.key, field, value });
      const due = h('input', { type: 'date' });
      due.value = d.due;
      due.oninput = () => edit('due')(due.value);
      const none: [string, string] = ['', '—'];
      return h(
        'li',
        { class: 'objective', 'data-key': item.key },
        h('div', { class: 'objective-text', text: item.answer.replace(/\s+/g, ' ').trim() }),
        h(
          'div',
          'row wrap',
          labelled(t('owner'), textInput(d.owner, edit('owner'))),
          labelled(t('due'), due),
          labelled(t('status'), select(objectiveStatuses.map((s) => [s, statusText(s)]), d.status, edit('status'))),
          labelled(t('horizon'), select([none, ...horizons.map((m): [string, string] => [String(m), t('months', m)])], d.horizon === null ? '' : String(d.horizon), edit('horizon'))),
          labelled(t('valueDriver'), select([none, ...drivers.map((v): [string, string] => [v.id, v.name])], d.valueDriver, edit('valueDriver'))),
        ),
      );
    }),
  );
}
