// The success plan's generated regions as Markdown: one function per region, from the rolled-up
// plan (rollup.ts). Every user text is escaped with markdown.ts; planFile.ts writes the regions
// into the plan file between their markers (generatedFile.ts).
import { usageRegionLines } from '../usage/planUsage';
import { escapeMarkdown, markdownTable } from '../markdown';
import { adoptionStatusLabels, healthLabels, horizons, objectiveStatusLabels, type Horizon, type ObjectiveStatus } from '../note/model';
import { baselineToTarget, percentText } from '../text';
import { gapGroups, type PlanCallRef, type PlanContext, type PlanObjective, type StageSnapshot, type SuccessPlan } from './model';

export const planRegions = ['summary', 'objectives', 'priorities', 'adoption', 'metrics', 'actions', 'health', 'usage', 'gaps', 'history'] as const;
export type PlanRegion = (typeof planRegions)[number];

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

/** Link text: as any text, and no `]` can end the link. */
function linkText(text: string): string {
  return escapeMarkdown(text).replace(/]/g, '&#93;');
}

/** `[text](file)`, safe in a table cell and in a list. */
export function callLink(call: PlanCallRef, text = call.date): string {
  return `[${linkText(text || call.file)}](${linkTarget(call.file)})`;
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
  if (plan.attendees.length) out.push(`- Attendees seen: ${plan.attendees.map((a) => `${escapeMarkdown(a.name)} (${a.calls})`).join(', ')}`);
  const count = (s: ObjectiveStatus) => plan.objectives.filter((o) => o.status === s).length;
  const detail = (['in-progress', 'at-risk', 'done'] as const).filter((s) => count(s)).map((s) => `${count(s)} ${objectiveStatusLabels[s].toLowerCase()}`);
  out.push(`- Objectives: ${plan.objectives.length}${detail.length ? ` (${detail.join(', ')})` : ''}; open action items: ${plan.actions.length}`);
  if (plan.stages.length) out.push(`- Stage adoption: ${plan.stages.map((st) => `${escapeMarkdown(st.title)} ${adoptionStatusLabels[st.latest.status]}`).join(', ')}`);
  if (plan.health.length) out.push(`- Use-case health: ${plan.health.map((h) => `${escapeMarkdown(h.useCase)} ${healthLabels[h.color]}`).join(', ')}`);
  if (plan.gaps.length) out.push(`- Coverage gaps: ${plan.gaps.length} (see below)`);
  if (plan.skipped.length) {
    out.push(`- Not included: ${plural(plan.skipped.length, 'note')} could not be read; fix ${plan.skipped.length === 1 ? 'it' : 'them'}, then update the plan again:`);
    for (const s of plan.skipped) out.push(`  - ${linkText(s.file)}${s.line ? ` (line ${s.line})` : ''}: ${escapeMarkdown(s.error)}`);
  }
  return out;
}

function objectivesRegion(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): string[] {
  const out = ['## Objectives', ''];
  if (!plan.objectives.length) return [...out, '_No objectives recorded yet._'];
  const rows = plan.objectives.map((o) => [
    escapeMarkdown(o.text),
    escapeMarkdown(o.owner),
    escapeMarkdown(o.due),
    objectiveStatusLabels[o.status],
    horizonText(o.horizon),
    escapeMarkdown(driverName(o.valueDriver, context)),
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
      const details = [objectiveStatusLabels[o.status], o.due && `due ${escapeMarkdown(o.due)}`, o.owner && `owner ${escapeMarkdown(o.owner)}`].filter(Boolean);
      out.push(`- ${escapeMarkdown(o.text)} (${details.join(', ')})`);
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
    escapeMarkdown(s.title),
    snapshotText(s.first),
    s.first === s.latest ? '' : snapshotText(s.latest),
    escapeMarkdown(s.latest.criteria.join(', ')),
  ]);
  return [...out, ...markdownTable(['Stage', 'First seen', 'Latest', 'Criteria met (latest)'], rows)];
}

function metricsRegion(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): string[] {
  const out = ['## Metrics: baseline → target', ''];
  if (!plan.metrics.length) return [...out, '_No metrics recorded yet._'];
  const rows = plan.metrics.map((m) => [
    escapeMarkdown(m.name || m.id),
    escapeMarkdown(driverName(m.valueDriver, context)),
    escapeMarkdown(m.measuredHow),
    escapeMarkdown(baselineToTarget(m.baseline, m.target)),
    escapeMarkdown(m.unit),
    callLink(m.last),
  ]);
  return [...out, ...markdownTable(['Metric', 'Value driver', 'Measured today', 'Baseline → target', 'Unit', 'Last discussed'], rows)];
}

function actionsRegion(plan: SuccessPlan): string[] {
  const out = ['## Open action items', ''];
  if (!plan.actions.length) return [...out, '_No open action items._'];
  for (const a of plan.actions) out.push(`- ${escapeMarkdown(a.text)} (from ${callLink(a.call, `${a.call.date} ${a.call.title}`.trim())})`);
  return out;
}

function healthRegion(plan: SuccessPlan): string[] {
  const out = ['## Use-case health', ''];
  if (!plan.health.length) return [...out, '_No use-case health recorded yet._'];
  return [...out, ...markdownTable(['Use case', 'Health', 'Reason', 'As of'], plan.health.map((h) => [escapeMarkdown(h.useCase), healthLabels[h.color], escapeMarkdown(h.reason), callLink(h.call)]))];
}

function gapsRegion(plan: SuccessPlan): string[] {
  const out = ['## Coverage gaps', ''];
  if (!plan.gaps.length) return [...out, '_No gaps: every stage and technique is covered, and every objective has a metric with a baseline._'];
  for (const [title, kinds] of gapGroups) {
    const items = plan.gaps.filter((g) => kinds.includes(g.kind));
    if (!items.length) continue;
    out.push(`### ${title}`, '', ...items.map((g) => `- ${escapeMarkdown(g.label)}`), '');
  }
  out.push('_Add any of these to your next call from the Call Coach sidebar._');
  return out;
}

function historyRegion(plan: SuccessPlan): string[] {
  const out = ['## Call history', ''];
  if (!plan.calls.length) return [...out, '_No calls yet._'];
  const rows = [...plan.calls].reverse().map((c) => [c.date, callLink(c, c.title), escapeMarkdown(c.callType), `${c.durationMinutes} min`, escapeMarkdown(c.attendees.join(', '))]);
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
    usage: usageRegionLines(plan.usage),
    gaps: gapsRegion(plan),
    history: historyRegion(plan),
  };
  const out = {} as Record<PlanRegion, string>;
  for (const r of planRegions) out[r] = `${lines[r].join('\n')}\n\n`;
  return out;
}

/** The plan file as generatedFile.ts splices it: our front matter keys, the regions, a new file's intro. */
