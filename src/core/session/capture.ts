// The structured parts of a call, beside the answers: stage scorecards, metrics with baselines,
// use-case health and objective details. Pure, like the reducer that calls into it.
import { horizons, objectiveStatuses, type Horizon, type MetricRecord, type ObjectiveStatus } from '../note/model';
import { assertNever } from '../assertNever';
import { cleanLine } from '../text';
import type { CallState, CaptureAction, ObjectiveDetails } from './model';

export const EMPTY_OBJECTIVE: ObjectiveDetails = { owner: '', due: '', status: 'not-started', horizon: null, valueDriver: '' };

function score(state: CallState, stage: string) {
  return state.scores[stage] ?? { percent: null, criteria: [] };
}

/** Slug for a metric of the customer's own (not in the value-drivers table). */
export function customMetricId(name: string): string {
  return `custom-${cleanLine(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'metric'}`;
}

export function reduceCapture(state: CallState, action: CaptureAction): CallState {
  switch (action.type) {
    case 'setScore': {
      const percent = action.percent === null || !Number.isFinite(action.percent) ? null : Math.min(100, Math.max(0, action.percent));
      return { ...state, scores: { ...state.scores, [action.stage]: { ...score(state, action.stage), percent } } };
    }
    case 'toggleCriterion': {
      const current = score(state, action.stage);
      const criteria = current.criteria.includes(action.criterion) ? current.criteria.filter((c) => c !== action.criterion) : [...current.criteria, action.criterion];
      return { ...state, scores: { ...state.scores, [action.stage]: { ...current, criteria } } };
    }
    case 'addMetric': {
      if (state.metrics.some((m) => m.id === action.id)) return state;
      const metric: MetricRecord = { id: action.id, name: cleanLine(action.name), valueDriver: action.valueDriver, measuredHow: '', baseline: '', target: '', unit: cleanLine(action.unit) };
      return { ...state, metrics: [...state.metrics, metric] };
    }
    case 'editMetric':
      if (!state.metrics.some((m) => m.id === action.id)) return state;
      return { ...state, metrics: state.metrics.map((m) => (m.id === action.id ? { ...m, [action.field]: cleanLine(action.value) } : m)) };
    case 'removeMetric':
      return { ...state, metrics: state.metrics.filter((m) => m.id !== action.id) };
    case 'addHealth':
      return { ...state, health: [...state.health, { useCase: '', color: 'green', reason: '' }] };
    case 'editHealth':
      if (!state.health[action.index]) return state;
      return { ...state, health: state.health.map((h, i) => (i === action.index ? { ...h, [action.field]: cleanLine(action.value) } : h)) };
    case 'setHealthColor':
      if (!state.health[action.index]) return state;
      return { ...state, health: state.health.map((h, i) => (i === action.index ? { ...h, color: action.color } : h)) };
    case 'removeHealth':
      return { ...state, health: state.health.filter((_, i) => i !== action.index) };
    case 'editObjective': {
      const details = { ...EMPTY_OBJECTIVE, ...state.objectives[action.key] };
      const value = cleanLine(action.value);
      if (action.field === 'status') {
        if (!(objectiveStatuses as readonly string[]).includes(value)) return state;
        details.status = value as ObjectiveStatus;
      } else if (action.field === 'horizon') {
        const n = Number(value);
        details.horizon = (horizons as readonly number[]).includes(n) ? (n as Horizon) : null;
      } else if (action.field === 'due') {
        details.due = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
      } else {
        details[action.field] = value;
      }
      return { ...state, objectives: { ...state.objectives, [action.key]: details } };
    }
    default:
      return assertNever(action, 'capture action');
  }
}
