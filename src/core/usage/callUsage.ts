// Usage data in a call: at the start, the Stage Adoption scorecards are pre-ticked with what the
// data shows and the use-case health panel starts from the computed colours; the call keeps what
// the data said (CallState.usage) so the sidebar shows it beside each criterion and the note
// records both the data and the CSM's judgement (who may untick or tick anything).
import type { HealthColor, NoteSection, UseCaseHealth } from '../note/model';
import type { CallBank, CallState, CallUsage } from '../session/model';
import { USE_CASE_LABEL, useCaseIds } from './health';
import type { UsageReport } from './report';

export const USAGE_SECTION_ID = 'usage-data';

/** The call with the data laid in: criteria met by data ticked, health from the computed colours. */
export function applyUsage(state: CallState, report: UsageReport, banks: readonly CallBank[]): CallState {
  const stages: CallUsage['stages'] = {};
  const scores = { ...state.scores };
  for (const bank of banks) {
    if (!bank.stage || !bank.adoption) continue;
    const data = report.stages[bank.stage];
    if (!data) continue;
    stages[bank.stage] = data.criteria;
    const met = bank.adoption.criteria.filter((c) => data.criteria[c.id]?.met === true).map((c) => c.id);
    if (!met.length) continue;
    const score = scores[bank.stage] ?? { percent: null, criteria: [] };
    scores[bank.stage] = { ...score, criteria: [...new Set([...score.criteria, ...met])] };
  }
  const date = report.recordedAt.slice(0, 10);
  const health: UseCaseHealth[] = [...state.health];
  for (const id of useCaseIds) {
    const h = report.health[id];
    if (!h.color || health.some((x) => x.useCase.toLowerCase() === USE_CASE_LABEL[id].toLowerCase())) continue;
    health.push({ useCase: USE_CASE_LABEL[id], color: h.color, reason: `Usage data of ${date}: score ${h.score} (${measureText(h.measures)})` });
  }
  return { ...state, scores, health, usage: { recordedAt: report.recordedAt, stages } };
}

function measureText(measures: UsageReport['health'][keyof UsageReport['health']]['measures']): string {
  return Object.entries(measures)
    .filter(([, m]) => m.value !== null && m.color)
    .map(([name, m]) => `${name.replace(/([A-Z])/g, ' $1').toLowerCase()} ${m.value}${m.unit === '%' ? '%' : ` ${m.unit}`}`)
    .join(', ');
}

const MET: Record<string, string> = { true: 'met', false: 'not met', null: 'unknown' };

/**
 * The note's record of the data beside the CSM's judgement: one entry per criterion the data
 * speaks to, in a section of its own (so the note format needs nothing new). Undefined when the
 * call had no usage data.
 */
export function usageNoteSection(state: CallState, banks: ReadonlyMap<string, CallBank>): NoteSection | undefined {
  const usage = state.usage;
  if (!usage) return undefined;
  const date = usage.recordedAt.slice(0, 10);
  const entries: NoteSection['entries'] = [];
  for (const bank of banks.values()) {
    if (!bank.stage || !bank.adoption) continue;
    const data = usage.stages[bank.stage];
    if (!data) continue;
    const discussed = state.parts.some((p) => p.bankId === bank.id) || state.scores[bank.stage];
    if (!discussed) continue;
    const ticked = new Set(state.scores[bank.stage]?.criteria ?? []);
    for (const c of bank.adoption.criteria) {
      const d = data[c.id];
      if (!d) continue;
      const csm = ticked.has(c.id);
      const agrees = d.met === null || d.met === csm;
      entries.push({
        promptId: c.id,
        question: `${bank.title}: ${c.text}`,
        answer: `Usage data (${date}): ${d.evidence}; ${MET[String(d.met)]}. CSM: ${csm ? 'met' : 'not met'}${agrees ? '' : ' (overrides the data)'}.`,
        tags: [],
      });
    }
  }
  return entries.length ? { techniqueId: USAGE_SECTION_ID, title: 'Usage data', entries } : undefined;
}

export function colorName(color: HealthColor): string {
  return color[0]!.toUpperCase() + color.slice(1);
}
