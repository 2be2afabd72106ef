// Structured capture beside the answers: a stage's adoption scorecard, metrics with baselines,
// use-case health, and objective details on the wrap-up. Native controls, labelled, and every
// change goes through the same reducer actions the host persists.
import { healthColors, horizons, objectiveStatuses, type AdoptionStatus } from '../core/note/model';
import { customMetricId, EMPTY_OBJECTIVE } from '../core/session/capture';
import type { CallBank, CallItem, CallState, CallValueDriver } from '../core/session/model';
import type { CallAction } from '../core/session/reducer';
import { h, icon } from './dom';

type Dispatch = (action: CallAction) => void;

let uid = 0;
/** Ids for label/for pairs; unique per render. */
const nextId = (base: string) => `${base}-${++uid}`;

function labelled(label: string, control: HTMLInputElement | HTMLSelectElement, extraClass = ''): HTMLElement {
  control.id = nextId('cap');
  return h('div', { class: `field compact ${extraClass}` }, h('label', { attrs: { for: control.id }, text: label }), control);
}

function textInput(value: string, onInput: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  const input = h('input', { attrs: { type: 'text', maxlength: '2000', autocomplete: 'off', ...attrs } });
  input.value = value;
  // Commit on change (blur/Enter), not per keystroke: these fields re-render their panel.
  input.addEventListener('change', () => onInput(input.value));
  return input;
}

function select(options: [value: string, label: string][], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const el = h('select', {}, ...options.map(([v, label]) => h('option', { attrs: { value: v }, text: label })));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

const STATUS_LABEL: Record<AdoptionStatus, string> = { adopted: 'Adopted', pilot: 'Pilot', 'not-started': 'Not started' };

export function renderScorecard(bank: CallBank, state: CallState, status: AdoptionStatus, open: boolean, dispatch: Dispatch): HTMLElement {
  const stage = bank.stage!;
  const adoption = bank.adoption!;
  const score = state.scores[stage] ?? { percent: null, criteria: [] };
  const percent = h('input', { attrs: { type: 'number', min: '0', max: '100', step: '1', inputmode: 'numeric' } });
  percent.value = score.percent === null ? '' : String(score.percent);
  percent.addEventListener('change', () => dispatch({ type: 'setScore', stage, percent: percent.value === '' ? null : Number(percent.value) }));
  const criteria = h(
    'fieldset',
    { class: 'criteria' },
    h('legend', { text: 'Criteria met' }),
    ...adoption.criteria.map((c) => {
      const box = h('input', { attrs: { type: 'checkbox', 'data-criterion': c.id } });
      box.checked = score.criteria.includes(c.id);
      box.addEventListener('change', () => dispatch({ type: 'toggleCriterion', stage, criterion: c.id }));
      const keys = c.metrics?.length ? h('span', { class: 'metric-keys', text: ` ${c.metrics.join(', ')}` }) : null;
      return h('label', { class: 'check' }, box, h('span', {}, ` ${c.text}`, keys));
    }),
  );
  const details = h(
    'details',
    { class: 'panel scorecard', attrs: { 'data-stage': stage } },
    h('summary', {}, icon('graph'), ` Adoption scorecard · `, h('strong', { class: `status-${status}`, text: STATUS_LABEL[status] })),
    h('p', { class: 'help', text: adoption.rule }),
    h('div', { class: 'number' }, labelled('Teams or projects using it (%)', percent)),
    criteria,
  );
  details.open = open;
  return details;
}

/** Value drivers' metrics as grouped options, plus "their own" metrics typed by the CSM. */
export function renderMetrics(drivers: readonly CallValueDriver[], state: CallState, open: boolean, dispatch: Dispatch): HTMLElement {
  const picker = h(
    'select',
    { attrs: { 'aria-label': 'Metric to add' } },
    h('option', { attrs: { value: '' }, text: 'Add a metric…' }),
    ...drivers.map((d) =>
      h('optgroup', { attrs: { label: d.name } }, ...d.metrics.map((m) => h('option', { attrs: { value: `${d.id}\u0000${m.id}` }, text: m.name }))),
    ),
    h('option', { attrs: { value: 'custom' }, text: 'Their own metric…' }),
  );
  const customName = h('input', { attrs: { type: 'text', placeholder: 'Name of their metric', 'aria-label': 'Name of their metric', hidden: '' } });
  const add = h('button', { class: 'secondary', attrs: { type: 'button' } }, icon('add'), ' Add');
  picker.addEventListener('change', () => {
    customName.hidden = picker.value !== 'custom';
    if (!customName.hidden) customName.focus();
  });
  add.addEventListener('click', () => {
    if (picker.value === 'custom') {
      if (!customName.value.trim()) return customName.focus();
      dispatch({ type: 'addMetric', id: customMetricId(customName.value), name: customName.value, valueDriver: '', unit: '' });
      return;
    }
    const [driverId, metricId] = picker.value.split('\u0000');
    const driver = drivers.find((d) => d.id === driverId);
    const metric = driver?.metrics.find((m) => m.id === metricId);
    if (driver && metric) dispatch({ type: 'addMetric', id: metric.id, name: metric.name, valueDriver: driver.id, unit: metric.unit ?? '' });
  });
  const rows = state.metrics.map((m) => {
    const remove = h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': `Remove ${m.name}`, title: 'Remove' } }, icon('close'));
    remove.addEventListener('click', () => dispatch({ type: 'removeMetric', id: m.id }));
    const edit = (field: 'measuredHow' | 'baseline' | 'target' | 'unit') => (v: string) => dispatch({ type: 'editMetric', id: m.id, field, value: v });
    return h(
      'li',
      { class: 'metric', attrs: { 'data-metric': m.id } },
      h('div', { class: 'metric-head' }, h('strong', { text: m.name }), remove),
      labelled('How they measure it today', textInput(m.measuredHow, edit('measuredHow'), { placeholder: 'not measured yet' })),
      h(
        'div',
        { class: 'row' },
        labelled('Baseline', textInput(m.baseline, edit('baseline'))),
        labelled('Target', textInput(m.target, edit('target'))),
        labelled('Unit', textInput(m.unit, edit('unit')), 'narrow'),
      ),
    );
  });
  const details = h(
    'details',
    { class: 'panel metrics' },
    h('summary', {}, icon('pulse'), ` Metrics discussed (${state.metrics.length})`),
    h('p', { class: 'help', text: 'For each metric: how they measure it now, the baseline, and where they want to go.' }),
    h('ul', { class: 'metric-list' }, ...rows),
    h('div', { class: 'row' }, picker, add),
    customName,
  );
  details.open = open;
  return details;
}

const COLOR_LABEL = { green: 'Green', yellow: 'Yellow', red: 'Red' } as const;

export function renderHealth(state: CallState, open: boolean, dispatch: Dispatch): HTMLElement {
  const rows = state.health.map((entry, index) => {
    const colors = h(
      'fieldset',
      { class: 'health-colors' },
      h('legend', { text: 'Health' }),
      ...healthColors.map((color) => {
        const radio = h('input', { attrs: { type: 'radio', name: nextId('health'), value: color } });
        radio.checked = entry.color === color;
        radio.addEventListener('change', () => radio.checked && dispatch({ type: 'setHealthColor', index, color }));
        return h('label', { class: `check health-${color}` }, radio, ` ${COLOR_LABEL[color]}`);
      }),
    );
    const remove = h('button', { class: 'icon-button', attrs: { type: 'button', 'aria-label': `Remove ${entry.useCase || 'use case'}`, title: 'Remove' } }, icon('close'));
    remove.addEventListener('click', () => dispatch({ type: 'removeHealth', index }));
    return h(
      'li',
      { class: 'health' },
      h('div', { class: 'metric-head' }, labelled('Use case', textInput(entry.useCase, (v) => dispatch({ type: 'editHealth', index, field: 'useCase', value: v }), { placeholder: 'CI, SCM, Security…' })), remove),
      colors,
      labelled('Why', textInput(entry.reason, (v) => dispatch({ type: 'editHealth', index, field: 'reason', value: v }))),
    );
  });
  const add = h('button', { class: 'secondary', attrs: { type: 'button' } }, icon('add'), ' Add a use case');
  add.addEventListener('click', () => dispatch({ type: 'addHealth' }));
  const details = h('details', { class: 'panel health-panel' }, h('summary', {}, icon('heart'), ` Use-case health (${state.health.length})`), h('ul', { class: 'metric-list' }, ...rows), add);
  details.open = open;
  return details;
}

const STATUS_TEXT: Record<(typeof objectiveStatuses)[number], string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', 'at-risk': 'At risk' };

/** The objectives of this call, each with owner, due date, status, horizon and value driver. */
export function renderObjectives(items: readonly CallItem[], drivers: readonly CallValueDriver[], state: CallState, dispatch: Dispatch): HTMLElement {
  if (!items.length) {
    return h('p', { class: 'help', text: 'No objectives yet: tag an answer as Objective (Alt+O) or finish a Five Whys ladder.' });
  }
  return h(
    'ul',
    { class: 'objective-list', attrs: { 'aria-label': 'Objectives' } },
    ...items.map((item) => {
      const d = { ...EMPTY_OBJECTIVE, ...state.objectives[item.key] };
      const edit = (field: 'owner' | 'due' | 'status' | 'horizon' | 'valueDriver') => (value: string) => dispatch({ type: 'editObjective', key: item.key, field, value });
      const due = h('input', { attrs: { type: 'date' } });
      due.value = d.due;
      due.addEventListener('change', () => edit('due')(due.value));
      return h(
        'li',
        { class: 'objective', attrs: { 'data-key': item.key } },
        h('div', { class: 'objective-text', text: item.answer.replace(/\s+/g, ' ').trim() }),
        h(
          'div',
          { class: 'row wrap' },
          labelled('Owner', textInput(d.owner, edit('owner'))),
          labelled('Due', due as HTMLInputElement),
          labelled('Status', select(objectiveStatuses.map((s) => [s, STATUS_TEXT[s]]), d.status, edit('status'))),
          labelled('Horizon', select([['', '—'], ...horizons.map((m): [string, string] => [String(m), `${m} months`])], d.horizon === null ? '' : String(d.horizon), edit('horizon'))),
          labelled('Value driver', select([['', '—'], ...drivers.map((v): [string, string] => [v.id, v.name])], d.valueDriver, edit('valueDriver'))),
        ),
      );
    }),
  );
}
