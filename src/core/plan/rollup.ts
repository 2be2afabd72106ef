// A customer's call notes rolled up into the success plan: what the plan says, as data. Pure; the
// plan's Markdown regions are planRegions.ts, and writing them into the plan file is planFile.ts.
//
// buildPlan: the notes in call order (date, then file name); for each thing the latest call wins:
//   objectives     one per text (compared ignoring case and runs of spaces); the status of the latest
//                  call that lists it; owner, due, horizon and value driver from the latest call
//                  that gave them a value (a later call that leaves them empty keeps them).
//   stage adoption one row per stage with a scorecard: the first and the latest entry.
//   metrics        one per id; each field from the latest call that gave it a value.
//   action items   one per text; open when its latest occurrence is not done; linked to the call
//                  it first appeared in.
//   health         one per use case (ignoring case): the latest.
import type { CallNote } from '../note/model';
import { oneLine } from '../text';
import { contextIndex } from './context';
import { findGaps, metricDriver } from './gaps';
import { usageGaps, type PlanUsage } from '../usage/planUsage';
import type { PlanAction, PlanCall, PlanCallRef, PlanContext, PlanHealth, PlanMetric, PlanObjective, PlanStage, SkippedNote, StageSnapshot, SuccessPlan } from './model';

/** What the roll-up reads of a call note: all of it but the answers (see noteIndex.ts). */
export type RollupNote = Omit<CallNote, 'id' | 'tags' | 'sections'>;

export interface PlanNote {
  /** File name in the customer's folder. */
  file: string;
  note: RollupNote;
}

/** Objectives, actions, attendees and use cases are matched ignoring case and runs of spaces. */
const keys = new Map<string, string>();
function key(s: string): string {
  // Memoized: rolling up every customer asks for the same few thousand texts again and again.
  let k = keys.get(s);
  if (k === undefined) {
    if (keys.size >= 20_000) keys.clear();
    k = oneLine(s).toLowerCase();
    keys.set(s, k);
  }
  return k;
}

type MetricField = 'name' | 'valueDriver' | 'measuredHow' | 'baseline' | 'target' | 'unit';
/** A metric field from this call when it has a value, else the one merged so far. */
const pick = (m: PlanNote['note']['metrics'][number], was: PlanMetric | undefined, field: MetricField) => (m[field].trim() ? m[field] : (was?.[field] ?? ''));

const byCallOrder = (a: PlanNote, b: PlanNote) => (a.note.date < b.note.date ? -1 : a.note.date > b.note.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export function buildPlan(input: { customer: string; notes: readonly PlanNote[]; skipped?: readonly SkippedNote[]; usage?: PlanUsage | undefined }, context: PlanContext): SuccessPlan {
  const notes = [...input.notes].sort(byCallOrder);
  const lookup = contextIndex(context);
  const ref = ({ file, note }: PlanNote): PlanCallRef => ({ file, date: note.date, title: note.title });

  const calls: PlanCall[] = notes.map(({ file, note }) => ({ file, date: note.date, title: note.title, callType: note.callType, attendees: [...note.attendees], durationMinutes: note.durationMinutes }));

  const attendees = new Map<string, { name: string; calls: number }>();
  const names: string[] = [];
  for (const { note } of notes) {
    // Each distinct name once per call.
    names.length = 0;
    for (const a of note.attendees) {
      const name = a.trim();
      if (name && !names.includes(name)) names.push(name);
    }
    for (const name of names) {
      const k = key(name);
      const seen = attendees.get(k);
      attendees.set(k, { name, calls: (seen?.calls ?? 0) + 1 });
    }
  }

  const objectives = new Map<string, PlanObjective>();
  const stages = new Map<string, { first: StageSnapshot; latest: StageSnapshot }>();
  const metrics = new Map<string, PlanMetric>();
  const actions = new Map<string, { action: PlanAction; open: boolean }>();
  const health = new Map<string, PlanHealth>();
  for (const n of notes) {
    const call = ref(n);
    for (const o of n.note.objectives) {
      const k = key(o.text);
      const was = objectives.get(k);
      objectives.set(k, {
        text: o.text,
        status: o.status,
        owner: o.owner || was?.owner || '',
        due: o.due || was?.due || '',
        horizon: o.horizon ?? was?.horizon ?? null,
        valueDriver: o.valueDriver || was?.valueDriver || '',
        first: was?.first ?? call,
        last: call,
      });
    }
    for (const a of n.note.adoption) {
      const snapshot: StageSnapshot = { call, percent: a.percent, criteria: [...a.criteria], status: a.status };
      const was = stages.get(a.stage);
      stages.set(a.stage, { first: was?.first ?? snapshot, latest: snapshot });
    }
    for (const m of n.note.metrics) {
      const was = metrics.get(m.id);
      metrics.set(m.id, {
        id: m.id,
        name: pick(m, was, 'name'),
        valueDriver: pick(m, was, 'valueDriver'),
        measuredHow: pick(m, was, 'measuredHow'),
        baseline: pick(m, was, 'baseline'),
        target: pick(m, was, 'target'),
        unit: pick(m, was, 'unit'),
        last: call,
      });
    }
    for (const a of n.note.actionItems) {
      const k = key(a.text);
      const was = actions.get(k);
      actions.set(k, { action: was?.action ?? { text: a.text, call }, open: !a.done });
    }
    for (const h of n.note.health) health.set(key(h.useCase), { useCase: h.useCase, color: h.color, reason: h.reason, call });
  }

  const mergedMetrics = [...metrics.values()].map((m) => ({
    ...m,
    name: m.name || lookup.metric.get(m.id)?.name || '',
    unit: m.unit || lookup.metric.get(m.id)?.unit || '',
    valueDriver: metricDriver(m, context),
  }));
  const stageOrder = (id: string) => lookup.stage.get(id)?.order ?? context.stages.length;
  const planStages: PlanStage[] = [...stages.entries()]
    .sort(([a], [b]) => stageOrder(a) - stageOrder(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([stage, s]) => ({ stage, title: lookup.stage.get(stage)?.title ?? stage, ...s }));
  const planObjectives = [...objectives.values()];

  return {
    customer: notes.length ? notes[notes.length - 1]!.note.customer : input.customer,
    updated: context.today,
    calls,
    attendees: [...attendees.values()].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name)),
    objectives: planObjectives,
    stages: planStages,
    metrics: mergedMetrics,
    actions: [...actions.values()].filter((a) => a.open).map((a) => a.action),
    health: [...health.values()],
    // Usage drops first: "CI went Green → Yellow since the last call" is the most urgent gap.
    gaps: [...usageGaps(input.usage), ...findGaps({ notes: notes.map((n) => n.note), objectives: planObjectives, metrics: mergedMetrics }, context)],
    skipped: [...(input.skipped ?? [])],
    ...(input.usage ? { usage: input.usage } : {}),
  };
}
