// Turns a finished call into the note it records: only what was answered, questions as asked,
// objectives (from the Five Whys ladder and answers tagged objective) with the details the CSM
// gave them, tasks from action items, and the scorecards, metrics and health captured.
import { answerTags, type CallNote, type NoteSection, type Objective, type StageScore } from '../note/model';
import { adoptionStatus } from '../bank/adoption';
import { usageNoteSection } from '../usage/callUsage';
import { EMPTY_OBJECTIVE } from './capture';
import type { CallItem, CallState } from './model';
import { promptOf, questionText, type Banks } from './reducer';
import { cleanLine } from '../text';

/** Answered items tagged objective, in call order: the call's objectives. */
export function objectiveItems(state: CallState): CallItem[] {
  return state.parts.flatMap((p) => p.items.filter((i) => !i.skipped && i.answer.trim() && i.tags.includes('objective')));
}

function stageScores(state: CallState, banks: Banks, discussed: ReadonlySet<string>): StageScore[] {
  const scores: StageScore[] = [];
  for (const bank of banks.values()) {
    if (!bank.stage || !bank.adoption) continue;
    const score = state.scores[bank.stage];
    const touched = score && (score.percent !== null || score.criteria.length > 0);
    if (!touched && !discussed.has(bank.stage)) continue;
    const percent = score?.percent ?? null;
    const criteria = bank.adoption.criteria.map((c) => c.id).filter((id) => score?.criteria.includes(id));
    scores.push({ stage: bank.stage, percent, criteria, status: adoptionStatus(bank.adoption, percent, criteria) });
  }
  return scores;
}

export function toNote(state: CallState, banks: Banks, endedAt: number): CallNote {
  const sections: NoteSection[] = [];
  const stages = new Set<string>();
  for (const part of state.parts) {
    const bank = banks.get(part.bankId);
    if (!bank) continue;
    const entries = part.items.flatMap((item) => {
      const prompt = promptOf(bank, item, banks);
      if (!prompt || item.skipped || !item.answer.trim()) return [];
      return [{ promptId: item.promptId, question: questionText(prompt, item.values), answer: item.answer, tags: answerTags.filter((t) => item.tags.includes(t)) }];
    });
    if (!entries.length) continue;
    sections.push({ techniqueId: bank.id, title: cleanLine(bank.title), entries });
    if (bank.stage) stages.add(bank.stage);
  }
  const objectives: Objective[] = [];
  for (const item of objectiveItems(state)) {
    const text = cleanLine(item.answer);
    if (objectives.some((o) => o.text === text)) continue;
    const part = state.parts.find((p) => p.items.includes(item));
    const origin = part && banks.get(part.bankId)?.flow === 'ladder' ? 'five-whys' : 'tagged';
    objectives.push({ text, origin, ...EMPTY_OBJECTIVE, ...state.objectives[item.key] });
  }
  const usage = usageNoteSection(state, banks);
  if (usage) sections.push(usage);
  const adoption = stageScores(state, banks, stages);
  adoption.forEach((s) => stages.add(s.stage));
  const entries = sections.flatMap((s) => s.entries);
  const actionItems = entries.filter((e) => e.tags.includes('action-item')).map((e) => ({ text: cleanLine(e.answer), done: false }));
  const tags = ['call-note', ...answerTags.filter((t) => entries.some((e) => e.tags.includes(t)))];
  return {
    id: state.id,
    title: cleanLine(state.setup.title),
    customer: cleanLine(state.setup.customer),
    date: state.setup.date,
    callType: cleanLine(state.setup.callType),
    attendees: state.setup.attendees.map(cleanLine).filter(Boolean),
    techniques: sections.map((s) => s.techniqueId).filter((id) => banks.has(id) && banks.get(id)?.kind !== 'stage'),
    stages: [...stages],
    tags,
    objectives,
    adoption,
    metrics: state.metrics.map((m) => ({ ...m })),
    health: state.health.filter((h) => h.useCase.trim()),
    durationMinutes: Math.max(0, Math.round((endedAt - state.startedAt) / 60000)),
    sections,
    actionItems,
  };
}
