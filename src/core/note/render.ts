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
// Text escaping (body only; the YAML library quotes the front matter). Everything is written as
// HTML character references, which every CommonMark renderer (VS Code, Obsidian, Foam, GitHub)
// decodes back to the very same character, so previews show the original text while nothing in it
// can act as HTML, an anchor, an image or a line break. parse.ts decodes `&lt; &gt; &amp; &quot;
// &#N; &#xH;` in one left-to-right pass, which reverses this exactly:
//   <                                               -> &lt;     (no HTML, comment or anchor can start)
//   & when followed by `name;`, `#digits;`, `#xhex;` -> &amp;    (literal references stay literal)
//   ! directly before [                             -> &#33;    (no image: previews would fetch the URL)
//   C0 controls except tab (and newline in answers), DEL, C1 controls, U+2028/U+2029, BOM,
//   bidi embedding/override/isolate controls (U+202A–E, U+2066–9), lone surrogates  -> &#N;
//   single-line fields (headings, tasks, ids): newline -> &#10;, a leading or trailing space/tab
//     -> &#32; / &#9; (editors trim, previews strip); headings: a final # -> &#35; (closing sequence)
//   answer lines: a trailing space/tab -> &#32; / &#9;; a [ that would make the line a task
//     (`- [ ]`, `> 1. [x]` …) -> &#91;
//   anchor ids: additionally > -> &gt; (so `-->` cannot end the comment early)
//   table cells (derived only, never parsed): as single-line text, and | -> &#124; (no new column)
// Because the encoder never leaves raw leading/trailing whitespace or a final raw `#`, the parser can
// tolerate (strip) those when a human or a formatter adds them.
import { renderFrontMatter } from './frontMatter';
import { answerTags, type AdoptionStatus, type AnswerTag, type CallNote, type HealthColor, type NoteEntry, type NoteSection } from './model';

export const FIVE_WHYS_ID = 'five-whys';
export const ANCHOR_NAMESPACE = 'call-coach';

const ENTITY_LIKE = '&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)';
const RISKY = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
/** Multi-line text (answers): newline and tab stay raw. */
const ESCAPE_MULTI = new RegExp(`[<${RISKY}]|${ENTITY_LIKE}|!(?=\\[)|${LONE_SURROGATE}`, 'g');
/** Single-line text: a newline is escaped too, so it can never end the heading or task. */
const ESCAPE_SINGLE = new RegExp(`[<\\n${RISKY}]|${ENTITY_LIKE}|!(?=\\[)|${LONE_SURROGATE}`, 'g');
/** A line whose first `[` would start a task checkbox (`- [ ]`, `> * [x]`, `1. [/]`). */
const TASK_BRACKET = /^([ \t>*+\-.)0-9]*)\[(?=[^\]]\])/u;

function ref(c: string): string {
  if (c === '<') return '&lt;';
  if (c === '>') return '&gt;';
  if (c === '&') return '&amp;';
  return `&#${c.charCodeAt(0)};`;
}

function encodeEdges(s: string, leading: boolean): string {
  if (s === '') return s;
  let out = s;
  const last = out[out.length - 1]!;
  if (last === ' ' || last === '\t') out = out.slice(0, -1) + ref(last);
  const first = out[0]!;
  if (leading && (first === ' ' || first === '\t')) out = ref(first) + out.slice(1);
  return out;
}

/** Escapes a single-line field (a task or any derived text). */
export function escapeInline(text: string): string {
  return encodeEdges(text.replace(ESCAPE_SINGLE, ref), true);
}

/** Escapes heading text: as inline, and a final `#` is not a closing sequence. */
export function escapeHeading(text: string): string {
  const s = escapeInline(text);
  return s.endsWith('#') ? s.slice(0, -1) + '&#35;' : s;
}

/** Escapes a Markdown table cell: as inline, and a `|` cannot start a new column. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '&#124;');
}

/** A Markdown table (GFM) of cells that are already Markdown (escaped with escapeCell, or links). */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const row = (cells: string[]) => '|' + cells.map((c) => (c ? ` ${c} |` : ' |')).join('');
  return [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)];
}

/** A Markdown table (GFM) of plain text: header, delimiter row, one row per entry. */
export function table(header: string[], rows: string[][]): string[] {
  return markdownTable(header.map(escapeCell), rows.map((r) => r.map(escapeCell)));
}

export const adoptionStatusLabels: Record<AdoptionStatus, string> = { adopted: 'Adopted', pilot: 'Pilot', 'not-started': 'Not started' };
export const healthLabels: Record<HealthColor, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/** "40%", or "" when not asked. */
export function percentText(p: number | null): string {
  return p === null ? '' : `${Math.round(p * 10) / 10}%`;
}

/** "12 → 30", "12 → ?" or "" when neither is known. */
export function baselineToTarget(baseline: string, target: string): string {
  if (!baseline && !target) return '';
  return `${baseline || '?'} → ${target || '?'}`;
}

/** Escapes an id for an anchor comment. */
export function escapeId(id: string): string {
  return escapeInline(id).replace(/>/g, '&gt;');
}

/** The answer as blockquote lines. */
export function quoteAnswer(answer: string): string[] {
  return answer
    .replace(ESCAPE_MULTI, ref)
    .split('\n')
    .map((line) => {
      const s = encodeEdges(line, false).replace(TASK_BRACKET, '$1&#91;');
      return s === '' ? '>' : `> ${s}`;
    });
}

export function sectionAnchor(techniqueId: string): string {
  return `<!-- ${ANCHOR_NAMESPACE}:section ${escapeId(techniqueId)} -->`;
}

export function promptAnchor(promptId: string): string {
  return `<!-- ${ANCHOR_NAMESPACE}:prompt ${escapeId(promptId)} -->`;
}

export const ACTIONS_ANCHOR = `<!-- ${ANCHOR_NAMESPACE}:actions -->`;

const tagLabels: Record<AnswerTag, string> = {
  objective: 'Objectives',
  'pain-point': 'Pain points',
  metric: 'Metrics',
  'action-item': 'Action items',
  'follow-up': 'Follow-ups',
};

const SNIPPET_MAX = 200;

/** One line for derived lists: whitespace collapsed, cut at a code point boundary. */
function snippet(answer: string): string {
  const flat = answer.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_MAX) return escapeInline(flat);
  let end = SNIPPET_MAX;
  const c = flat.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return escapeInline(flat.slice(0, end).trimEnd()) + '…';
}

/** `## text`, or a bare `##` for empty text (no trailing space for editors to trim). */
function heading(marker: string, text: string): string {
  const s = escapeHeading(text);
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
    section.entries.forEach((e, i) => out.push(`${i + 1}. “${snippet(e.answer)}”`));
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
    out.push(`### ${tagLabels[g.tag]}`, '');
    for (const { s, e } of g.items) out.push(`- “${snippet(e.answer)}” (${escapeInline(s.title)})`);
    out.push('');
  }
}

export function renderNote(note: CallNote): string {
  const out: string[] = [];
  out.push(heading('#', note.title), '');
  const attendees = note.attendees.length ? ` · Attendees: ${note.attendees.map(escapeInline).join(', ')}` : '';
  out.push(`Call with ${escapeInline(note.customer)} on ${escapeInline(note.date)}${attendees}`.replace(/[ \t]+$/, ''), '');
  for (const section of note.sections) renderSection(out, section);
  renderScorecards(out, note);
  renderTagged(out, note);
  out.push('## Action items', ACTIONS_ANCHOR, '');
  for (const item of note.actionItems) {
    const text = escapeInline(item.text);
    out.push(`- [${item.done ? 'x' : ' '}]${text ? ' ' : ''}${text}`);
  }
  if (note.actionItems.length) out.push('');
  return `${renderFrontMatter(note)}\n${out.join('\n')}`;
}
