// CallNote -> Markdown that Foam, Obsidian/Dataview and Dendron read as-is, and that parseNote
// reads back exactly. The format:
//
//   ---                                    YAML front matter (see frontMatter.ts)
//   type: call-note
//   …
//   ---
//
//   # <title>                              derived from the front matter; ignored by the parser
//
//   Call with <customer> on <date> · Attendees: <a>, <b>          derived; ignored
//
//   ## <section title>
//   <!-- call-coach:section <techniqueId> -->
//
//   ### <question>
//   <!-- call-coach:prompt <promptId> -->
//
//   > <answer line>                        every answer line is quoted; an empty line is `>`
//   >
//
//   Tags: #objective #pain-point           only when tagged
//
//   **Ladder**                             five-whys only: derived; ignored
//
//   1. “<answer>”
//
//   ## Stage adoption scorecard            derived from the front matter; ignored (only when any)
//
//   | Stage | Teams using it | Criteria met | Status |
//   | --- | --- | --- | --- |
//   | verify | 40% | ci-runners, pipelines-25 | Adopted |
//
//   ## Metrics: baseline → target          derived; ignored (only when any)
//
//   | Metric | Value driver | Measured today | Baseline → target | Unit |
//
//   ## Use-case health                     derived; ignored (only when any)
//
//   | Use case | Health | Reason |
//
//   ## Tagged items                        derived; ignored
//
//   ### Objectives
//
//   - “<answer>” (<section title>)
//
//   ## Action items
//   <!-- call-coach:actions -->
//
//   - [ ] <text>
//   - [x] <text>
//
// Text is escaped with markdown.ts (body only; the YAML library quotes the front matter), which
// parse.ts reverses exactly.
import { escapeId, escapeMarkdown, quoteAnswer, table } from '../markdown';
import { baselineToTarget, oneLine, percentText, quoted, truncate } from '../text';
import { renderFrontMatter } from './frontMatter';
import { adoptionStatusLabels, answerTags, answerTagTitles, healthLabels, type CallNote, type NoteEntry, type NoteSection } from './model';

export const FIVE_WHYS_ID = 'five-whys';
export const ANCHOR_NAMESPACE = 'call-coach';

export function sectionAnchor(techniqueId: string): string {
  return `<!-- ${ANCHOR_NAMESPACE}:section ${escapeId(techniqueId)} -->`;
}

export function promptAnchor(promptId: string): string {
  return `<!-- ${ANCHOR_NAMESPACE}:prompt ${escapeId(promptId)} -->`;
}

export const ACTIONS_ANCHOR = `<!-- ${ANCHOR_NAMESPACE}:actions -->`;

const SNIPPET_MAX = 200;

/** An answer quoted on one line for derived lists: “whitespace collapsed, cut at 200 characters…”. */
function snippet(answer: string): string {
  return escapeMarkdown(quoted(truncate(oneLine(answer), SNIPPET_MAX + 1)));
}

/** `## text`, or a bare `##` for empty text (no trailing space for editors to trim). */
function heading(marker: string, text: string): string {
  const s = escapeMarkdown(text);
  return s ? `${marker} ${s}` : marker;
}

function renderEntry(out: string[], entry: NoteEntry): void {
  out.push(heading('###', entry.question), promptAnchor(entry.promptId), '');
  for (const line of quoteAnswer(entry.answer)) out.push(line);
  out.push('');
  if (entry.tags.length) out.push(`Tags: ${entry.tags.map((t) => `#${t}`).join(' ')}`, '');
}

function renderSection(out: string[], section: NoteSection): void {
  out.push(heading('##', section.title), sectionAnchor(section.techniqueId), '');
  for (const entry of section.entries) renderEntry(out, entry);
  if (section.techniqueId === FIVE_WHYS_ID && section.entries.length) {
    out.push('**Ladder**', '');
    section.entries.forEach((e, i) => out.push(`${i + 1}. ${snippet(e.answer)}`));
    out.push('');
  }
}

function renderScorecards(out: string[], note: CallNote): void {
  if (note.adoption.length) {
    out.push('## Stage adoption scorecard', '');
    out.push(...table(['Stage', 'Teams using it', 'Criteria met', 'Status'], note.adoption.map((a) => [a.stage, percentText(a.percent), a.criteria.join(', '), adoptionStatusLabels[a.status]])));
    out.push('');
  }
  if (note.metrics.length) {
    out.push('## Metrics: baseline → target', '');
    out.push(
      ...table(
        ['Metric', 'Value driver', 'Measured today', 'Baseline → target', 'Unit'],
        note.metrics.map((m) => [m.name || m.id, m.valueDriver, m.measuredHow, baselineToTarget(m.baseline, m.target), m.unit]),
      ),
    );
    out.push('');
  }
  if (note.health.length) {
    out.push('## Use-case health', '');
    out.push(...table(['Use case', 'Health', 'Reason'], note.health.map((h) => [h.useCase, healthLabels[h.color], h.reason])));
    out.push('');
  }
}

function renderTagged(out: string[], note: CallNote): void {
  const groups = answerTags
    .map((tag) => ({
      tag,
      items: note.sections.flatMap((s) => s.entries.filter((e) => e.tags.includes(tag)).map((e) => ({ s, e }))),
    }))
    .filter((g) => g.items.length);
  if (!groups.length) return;
  out.push('## Tagged items', '');
  for (const g of groups) {
    out.push(`### ${answerTagTitles[g.tag]}`, '');
    // The question too: a choice answer (“Partly”) means nothing on its own.
    for (const { s, e } of g.items) out.push(`- ${escapeMarkdown(e.question)} — ${snippet(e.answer)} (${escapeMarkdown(s.title)})`);
    out.push('');
  }
}

export function renderNote(note: CallNote): string {
  const out: string[] = [];
  out.push(heading('#', note.title), '');
  const attendees = note.attendees.length ? ` · Attendees: ${note.attendees.map((a) => escapeMarkdown(a)).join(', ')}` : '';
  out.push(`Call with ${escapeMarkdown(note.customer)} on ${escapeMarkdown(note.date)}${attendees}`.replace(/[ \t]+$/, ''), '');
  for (const section of note.sections) renderSection(out, section);
  renderScorecards(out, note);
  renderTagged(out, note);
  out.push('## Action items', ACTIONS_ANCHOR, '');
  for (const item of note.actionItems) {
    const text = escapeMarkdown(item.text);
    out.push(`- [${item.done ? 'x' : ' '}]${text ? ' ' : ''}${text}`);
  }
  if (note.actionItems.length) out.push('');
  return `${renderFrontMatter(note)}\n${out.join('\n')}`;
}
