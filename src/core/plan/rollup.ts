// A customer's call notes rolled up into the success plan (`<notesFolder>/<customer>/success-plan.md`).
// Pure: the host reads the notes and writes the result.
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
//
// renderPlan: the plan file is the CSM's document with generated regions in it. A region is
//
//   <!-- call-coach:begin objectives -->
//   …generated Markdown, replaced on every update…
//   <!-- call-coach:end objectives -->
//
// Everything outside the regions is kept byte for byte (line endings included; generated text
// takes the file's line ending). The YAML front matter is a generated region of its own, delimited
// by its `---` fences: Call Coach sets its keys `type` (success-plan), `customer`, `updated` and
// `calls` (the number of calls rolled up) in place and keeps every other key, comment and byte of
// the block as it is; a file without front matter gets one at the top. Regions missing from the file
// are appended at its end, in the standard order. `updated` changes only when something else does,
// so regenerating an unchanged plan gives the very same text.
//
// A file whose markers are damaged (a begin without its end, an end without a begin, a region twice,
// nested regions, an unknown region name, a marker-like line that is not exactly a marker) or whose
// front matter cannot be read is not guessed at: renderPlan returns an error with the line, and the
// host leaves the file as it is.
import { yamlProperty } from '../note/frontMatter';
import { adoptionStatusLabels, baselineToTarget, escapeCell, escapeHeading, escapeInline, healthLabels, markdownTable, percentText } from '../note/render';
import type { CallNote, ObjectiveStatus } from '../note/model';
import { horizons, type Horizon } from '../note/model';
import { beginMarker, endMarker, renderGeneratedFile, type GeneratedFile, type GeneratedRenderResult } from './generatedFile';
import { contextIndex } from './context';
import { findGaps, metricDriver } from './gaps';
import type {
  Gap,
  PlanAction,
  PlanCall,
  PlanCallRef,
  PlanContext,
  PlanHealth,
  PlanMetric,
  PlanObjective,
  PlanStage,
  SkippedNote,
  StageSnapshot,
  SuccessPlan,
} from './model';

export const PLAN_TYPE = 'success-plan';

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
    k = s.replace(/\s+/g, ' ').trim().toLowerCase();
    keys.set(s, k);
  }
  return k;
}

type MetricField = 'name' | 'valueDriver' | 'measuredHow' | 'baseline' | 'target' | 'unit';
/** A metric field from this call when it has a value, else the one merged so far. */
const pick = (m: PlanNote['note']['metrics'][number], was: PlanMetric | undefined, field: MetricField) => (m[field].trim() ? m[field] : (was?.[field] ?? ''));

const byCallOrder = (a: PlanNote, b: PlanNote) => (a.note.date < b.note.date ? -1 : a.note.date > b.note.date ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export function buildPlan(input: { customer: string; notes: readonly PlanNote[]; skipped?: readonly SkippedNote[] }, context: PlanContext): SuccessPlan {
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
    gaps: findGaps({ notes: notes.map((n) => n.note), objectives: planObjectives, metrics: mergedMetrics }, context),
    skipped: [...(input.skipped ?? [])],
  };
}

// ---- Markdown ----------------------------------------------------------------------------------

export const planRegions = ['summary', 'objectives', 'priorities', 'adoption', 'metrics', 'actions', 'health', 'gaps', 'history'] as const;
export type PlanRegion = (typeof planRegions)[number];

export { beginMarker, endMarker };

const objectiveStatusLabels: Record<ObjectiveStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', 'at-risk': 'At risk' };

/** Half of a surrogate pair without its other half: encodeURIComponent throws a URIError on one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A link destination for a file beside the plan: percent-encoded, parentheses included. A lone
 * surrogate (no file system stores one; a file name decoded from bad bytes has U+FFFD instead) is
 * linked as U+FFFD rather than failing the whole plan.
 */
export function linkTarget(file: string): string {
  return encodeURIComponent(file.replace(LONE_SURROGATE, '\ufffd')).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Link text: as a table cell, and no bracket or backslash can end or escape the link. */
function linkText(text: string): string {
  return escapeCell(text).replace(/[[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `[text](file)`, safe in a table cell and in a list. */
export function callLink(call: PlanCallRef, text = call.date): string {
  return `[${linkText(text || call.file)}](${linkTarget(call.file)})`;
}

/** Text at the start of a list item or line: it cannot become a heading, quote, task or nested list. */
function lineText(text: string): string {
  const s = escapeCell(text);
  return /^([#>*+\-=[]|\d+[.)])/.test(s) ? `&#${s.charCodeAt(0)};${s.slice(1)}` : s;
}

function driverName(id: string, context: Pick<PlanContext, 'valueDrivers'>): string {
  return id ? (context.valueDrivers.find((d) => d.id === id)?.name ?? id) : '';
}

const horizonText = (h: Horizon | null) => (h === null ? '' : `${h} months`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(plan: SuccessPlan): string[] {
  const out = ['## Summary', ''];
  const first = plan.calls[0];
  const last = plan.calls[plan.calls.length - 1];
  if (!first || !last) out.push('- Calls: none yet');
  else if (first === last) out.push(`- Calls: 1, on ${callLink(last, `${last.date} ${last.title}`.trim())}`);
  else out.push(`- Calls: ${plan.calls.length}, from ${first.date} to ${last.date}; last: ${callLink(last, `${last.date} ${last.title}`.trim())}`);
  if (plan.attendees.length) out.push(`- Attendees seen: ${plan.attendees.map((a) => `${escapeCell(a.name)} (${a.calls})`).join(', ')}`);
  const count = (s: ObjectiveStatus) => plan.objectives.filter((o) => o.status === s).length;
  const detail = (['in-progress', 'at-risk', 'done'] as const).filter((s) => count(s)).map((s) => `${count(s)} ${objectiveStatusLabels[s].toLowerCase()}`);
  out.push(`- Objectives: ${plan.objectives.length}${detail.length ? ` (${detail.join(', ')})` : ''}; open action items: ${plan.actions.length}`);
  if (plan.stages.length) out.push(`- Stage adoption: ${plan.stages.map((st) => `${escapeCell(st.title)} ${adoptionStatusLabels[st.latest.status]}`).join(', ')}`);
  if (plan.health.length) out.push(`- Use-case health: ${plan.health.map((h) => `${escapeCell(h.useCase)} ${healthLabels[h.color]}`).join(', ')}`);
  if (plan.gaps.length) out.push(`- Coverage gaps: ${plan.gaps.length} (see below)`);
  if (plan.skipped.length) {
    out.push(`- Not included: ${plural(plan.skipped.length, 'note')} could not be read; fix ${plan.skipped.length === 1 ? 'it' : 'them'}, then update the plan again:`);
    for (const s of plan.skipped) out.push(`  - ${linkText(s.file)}${s.line ? ` (line ${s.line})` : ''}: ${escapeCell(s.error)}`);
  }
  return out;
}

function objectivesRegion(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): string[] {
  const out = ['## Objectives', ''];
  if (!plan.objectives.length) return [...out, '_No objectives recorded yet._'];
  const rows = plan.objectives.map((o) => [
    escapeCell(o.text),
    escapeCell(o.owner),
    escapeCell(o.due),
    objectiveStatusLabels[o.status],
    horizonText(o.horizon),
    escapeCell(driverName(o.valueDriver, context)),
    callLink(o.last),
  ]);
  return [...out, ...markdownTable(['Objective', 'Owner', 'Due', 'Status', 'Horizon', 'Value driver', 'Last discussed'], rows)];
}

function prioritiesRegion(plan: SuccessPlan): string[] {
  const out = ['## Priorities by horizon', ''];
  const open = plan.objectives.filter((o) => o.status !== 'done');
  if (!open.length) return [...out, '_No open objectives._'];
  const groups: [string, PlanObjective[]][] = [
    ...horizons.map((h): [string, PlanObjective[]] => [`Next ${h} months`, open.filter((o) => o.horizon === h)]),
    ['No horizon yet', open.filter((o) => o.horizon === null)],
  ];
  let first = true;
  for (const [title, items] of groups) {
    if (!items.length) continue;
    if (!first) out.push('');
    first = false;
    out.push(`### ${title}`, '');
    for (const o of items) {
      const details = [objectiveStatusLabels[o.status], o.due && `due ${escapeCell(o.due)}`, o.owner && `owner ${escapeCell(o.owner)}`].filter(Boolean);
      out.push(`- ${lineText(o.text)} (${details.join(', ')})`);
    }
  }
  return out;
}

function snapshotText(s: StageSnapshot): string {
  return [callLink(s.call), percentText(s.percent), adoptionStatusLabels[s.status]].filter(Boolean).join(' · ');
}

function adoptionRegion(plan: SuccessPlan): string[] {
  const out = ['## Stage adoption', ''];
  if (!plan.stages.length) return [...out, '_No stage scorecard recorded yet._'];
  const rows = plan.stages.map((s) => [
    escapeCell(s.title),
    snapshotText(s.first),
    s.first === s.latest ? '' : snapshotText(s.latest),
    escapeCell(s.latest.criteria.join(', ')),
  ]);
  return [...out, ...markdownTable(['Stage', 'First seen', 'Latest', 'Criteria met (latest)'], rows)];
}

function metricsRegion(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): string[] {
  const out = ['## Metrics: baseline → target', ''];
  if (!plan.metrics.length) return [...out, '_No metrics recorded yet._'];
  const rows = plan.metrics.map((m) => [
    escapeCell(m.name || m.id),
    escapeCell(driverName(m.valueDriver, context)),
    escapeCell(m.measuredHow),
    escapeCell(baselineToTarget(m.baseline, m.target)),
    escapeCell(m.unit),
    callLink(m.last),
  ]);
  return [...out, ...markdownTable(['Metric', 'Value driver', 'Measured today', 'Baseline → target', 'Unit', 'Last discussed'], rows)];
}

function actionsRegion(plan: SuccessPlan): string[] {
  const out = ['## Open action items', ''];
  if (!plan.actions.length) return [...out, '_No open action items._'];
  for (const a of plan.actions) out.push(`- ${lineText(a.text)} (from ${callLink(a.call, `${a.call.date} ${a.call.title}`.trim())})`);
  return out;
}

function healthRegion(plan: SuccessPlan): string[] {
  const out = ['## Use-case health', ''];
  if (!plan.health.length) return [...out, '_No use-case health recorded yet._'];
  return [...out, ...markdownTable(['Use case', 'Health', 'Reason', 'As of'], plan.health.map((h) => [escapeCell(h.useCase), healthLabels[h.color], escapeCell(h.reason), callLink(h.call)]))];
}

const gapGroups: [string, Gap['kind'][]][] = [
  ['Stages', ['stage-never', 'stage-stale']],
  ['Techniques never used', ['technique-never']],
  ['Objectives without a metric', ['objective-without-metric']],
  ['Metrics without a baseline', ['metric-without-baseline']],
];

function gapsRegion(plan: SuccessPlan): string[] {
  const out = ['## Coverage gaps', ''];
  if (!plan.gaps.length) return [...out, '_No gaps: every stage and technique is covered, and every objective has a metric with a baseline._'];
  for (const [title, kinds] of gapGroups) {
    const items = plan.gaps.filter((g) => kinds.includes(g.kind));
    if (!items.length) continue;
    out.push(`### ${title}`, '', ...items.map((g) => `- ${lineText(g.label)}`), '');
  }
  out.push('_Add any of these to your next call from the Call Coach sidebar._');
  return out;
}

function historyRegion(plan: SuccessPlan): string[] {
  const out = ['## Call history', ''];
  if (!plan.calls.length) return [...out, '_No calls yet._'];
  const rows = [...plan.calls].reverse().map((c) => [c.date, callLink(c, c.title), escapeCell(c.callType), `${c.durationMinutes} min`, escapeCell(c.attendees.join(', '))]);
  return [...out, ...markdownTable(['Date', 'Call', 'Type', 'Length', 'Attendees'], rows)];
}

/** The generated Markdown of each region (LF line endings, ending with a blank line). */
export function planRegionText(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): Record<PlanRegion, string> {
  const lines: Record<PlanRegion, string[]> = {
    summary: summary(plan),
    objectives: objectivesRegion(plan, context),
    priorities: prioritiesRegion(plan),
    adoption: adoptionRegion(plan),
    metrics: metricsRegion(plan, context),
    actions: actionsRegion(plan),
    health: healthRegion(plan),
    gaps: gapsRegion(plan),
    history: historyRegion(plan),
  };
  const out = {} as Record<PlanRegion, string>;
  for (const r of planRegions) out[r] = `${lines[r].join('\n')}\n\n`;
  return out;
}

/** The plan file as generatedFile.ts splices it: our front matter keys, the regions, a new file's intro. */
function planFile(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): GeneratedFile {
  return {
    type: PLAN_TYPE,
    what: 'the success plan',
    again: 'update the plan again',
    frontMatter: [
      ['type', yamlProperty('type', PLAN_TYPE)],
      ['customer', yamlProperty('customer', plan.customer)],
      ['updated', yamlProperty('updated', plan.updated, true)],
      ['calls', yamlProperty('calls', plan.calls.length)],
    ],
    regions: planRegions,
    regionText: planRegionText(plan, context),
    intro: [
      `# Success plan: ${escapeHeading(plan.customer)}`.trimEnd(),
      '',
      'Call Coach updates the sections between its `call-coach:begin` and `call-coach:end` comments from the call notes in this folder. Write your own sections anywhere outside them: they are kept as you wrote them.',
      '',
    ],
  };
}

export type PlanRenderResult = GeneratedRenderResult;

/**
 * The plan's Markdown: a new file when `existingText` is undefined or empty, otherwise the existing
 * file with its generated regions replaced (see the top of this file and generatedFile.ts).
 */
export function renderPlan(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>, existingText?: string): PlanRenderResult {
  return renderGeneratedFile((updated) => planFile({ ...plan, updated }, context), plan.updated, existingText);
}
