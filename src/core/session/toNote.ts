// Turns a finished call into the note it records: only what was answered, questions as asked,
// objectives from the Five Whys ladder and from answers tagged objective, tasks from action items.
import { answerTags, type CallNote, type NoteSection, type Objective } from '../note/model';
import type { CallState } from './model';
import { oneLine, promptOf, questionText, type Banks } from './reducer';

export function toNote(state: CallState, banks: Banks, endedAt: number): CallNote {
  const sections: NoteSection[] = [];
  const objectives: Objective[] = [];
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
    sections.push({ techniqueId: bank.id, title: oneLine(bank.title), entries });
    if (bank.stage) stages.add(bank.stage);
    for (const entry of entries) {
      if (!entry.tags.includes('objective')) continue;
      const text = oneLine(entry.answer);
      if (!objectives.some((o) => o.text === text)) {
        objectives.push({ text, status: 'not-started', origin: bank.flow === 'ladder' ? 'five-whys' : 'tagged', owner: '', due: '', horizon: null, valueDriver: '' });
      }
    }
  }
  const entries = sections.flatMap((s) => s.entries);
  const actionItems = entries.filter((e) => e.tags.includes('action-item')).map((e) => ({ text: oneLine(e.answer), done: false }));
  const tags = ['call-note', ...answerTags.filter((t) => entries.some((e) => e.tags.includes(t)))];
  return {
    id: state.id,
    title: oneLine(state.setup.title),
    customer: oneLine(state.setup.customer),
    date: state.setup.date,
    callType: oneLine(state.setup.callType),
    attendees: state.setup.attendees.map(oneLine).filter(Boolean),
    techniques: sections.map((s) => s.techniqueId).filter((id) => banks.get(id)?.kind !== 'stage'),
    stages: [...stages],
    tags,
    objectives,
    // Filled from the call's scorecard, metrics and health capture once the session records them.
    adoption: [],
    metrics: [],
    health: [],
    durationMinutes: Math.max(0, Math.round((endedAt - state.startedAt) / 60000)),
    sections,
    actionItems,
  };
}
