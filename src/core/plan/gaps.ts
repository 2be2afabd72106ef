// Coverage gaps: what a customer's calls have not covered yet, each with what "add to next call"
// needs (the bank, and the prompts when only some of it applies). Pure.
//
// The rules:
//   stage-never               a stage of the context (every stage bank) that no note discussed: not in a
//                             note's `stages` and without a scorecard entry in its `adoption`.
//   stage-stale               a stage last discussed more than STALE_DAYS (90) days before today
//                             (exactly 90 days ago still counts as recent).
//   technique-never           a technique of the context that no note's `techniques` lists.
//   objective-without-metric  an objective that is not done and has no metric linked to it. The link
//                             is the value driver: an objective is measured when its `valueDriver` is
//                             set and at least one metric of the plan has the same value driver (a
//                             metric's driver is its own `valueDriver`, or, for a metric of the
//                             value-drivers bank, the driver the bank lists it under). So an
//                             objective without a value driver always counts as unmeasured. Added
//                             to the next call: the leveling-up question "… How will you measure that?".
//   metric-without-baseline   a metric of the plan whose baseline is empty (after merging all calls).
//                             Added: the value-drivers baseline question (and "how do you measure it
//                             today" when that is empty too), with {metric} filled in.
import type { CallNote } from '../note/model';
import { oneLine, quoted } from '../text';
import { contextIndex } from './context';
import type { Gap, PlanContext, PlanMetric, PlanObjective } from './model';

export const STALE_DAYS = 90;

/** "How will you measure that?": asked for an objective that has no metric yet. */
export const MEASURE_PROMPT = { bankId: 'leveling-up', promptId: 'leveling-up-success' } as const;
/** The value-drivers bank and its per-metric prompts. */
export const METRIC_PROMPTS = { bankId: 'value-drivers', baseline: 'value-drivers-baseline', measuredHow: 'value-drivers-measured-today' } as const;

/** Whole days from `from` to `to` (both YYYY-MM-DD); NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const day = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : NaN;
  };
  return day(to) - day(from);
}

/** The value driver a metric counts for: its own, else the bank's driver for a bank metric id. */
export function metricDriver(metric: { id: string; valueDriver: string }, context: PlanContext): string {
  return metric.valueDriver || contextIndex(context).driver.get(metric.id) || '';
}

export interface GapInput {
  /** The readable notes (any order). */
  notes: readonly Pick<CallNote, 'date' | 'stages' | 'adoption' | 'techniques'>[];
  objectives: readonly PlanObjective[];
  /** Merged metrics; their `valueDriver` already resolved with metricDriver. */
  metrics: readonly PlanMetric[];
}

export function findGaps(input: GapInput, context: PlanContext): Gap[] {
  const gaps: Gap[] = [];
  const lastDiscussed = new Map<string, string>();
  for (const note of input.notes) {
    const discussed = (stage: string) => {
      const seen = lastDiscussed.get(stage);
      if (seen === undefined || note.date > seen) lastDiscussed.set(stage, note.date);
    };
    for (const stage of note.stages) discussed(stage);
    for (const a of note.adoption) discussed(a.stage);
  }
  for (const { stage, bankId, title } of context.stages) {
    const last = lastDiscussed.get(stage);
    if (last === undefined) {
      gaps.push({ kind: 'stage-never', label: `${title}: never discussed`, bankId, facts: { subject: title } });
      continue;
    }
    const days = daysBetween(last, context.today);
    if (days > STALE_DAYS) gaps.push({ kind: 'stage-stale', label: `${title}: not discussed since ${last} (${days} days)`, bankId, facts: { subject: title, since: last, days } });
  }

  const used = new Set<string>();
  for (const n of input.notes) for (const t of n.techniques) used.add(t);
  for (const t of context.techniques) {
    if (!used.has(t.id)) gaps.push({ kind: 'technique-never', label: `${t.title}: never used`, bankId: t.id, facts: { subject: t.title } });
  }

  const measured = new Set(input.metrics.map((m) => m.valueDriver).filter(Boolean));
  for (const o of input.objectives) {
    if (o.status === 'done') continue;
    if (o.valueDriver && measured.has(o.valueDriver)) continue;
    const objective = quoted(oneLine(o.text));
    gaps.push({
      kind: 'objective-without-metric',
      label: `${objective}: how will you measure that?`,
      facts: { subject: objective },
      bankId: MEASURE_PROMPT.bankId,
      promptIds: [MEASURE_PROMPT.promptId],
    });
  }

  for (const m of input.metrics) {
    if (m.baseline.trim()) continue;
    const name = oneLine(m.name || m.id);
    gaps.push({
      kind: 'metric-without-baseline',
      label: `${name}: no baseline yet`,
      facts: { subject: name },
      bankId: METRIC_PROMPTS.bankId,
      promptIds: m.measuredHow.trim() ? [METRIC_PROMPTS.baseline] : [METRIC_PROMPTS.measuredHow, METRIC_PROMPTS.baseline],
      placeholders: { metric: name },
    });
  }
  return gaps;
}
