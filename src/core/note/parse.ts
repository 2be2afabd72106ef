// Markdown -> CallNote: the inverse of renderNote (see render.ts for the format and the escaping).
//
// The data lives in the front matter and in the `<!-- call-coach:… -->` anchor comments; the parser
// reads only these, so a person can edit everything else. Precisely, it reads:
//   - the front matter (type, id, title, customer, date, callType, lists, objectives, duration);
//   - for each `<!-- call-coach:section ID -->`: the `## ` heading on the nearest non-blank line above;
//   - for each `<!-- call-coach:prompt ID -->`: the `### ` heading on the nearest non-blank line above,
//     the first blockquote after it (the answer) and the first `Tags:` line after that answer,
//     both before the next anchor's heading;
//   - after `<!-- call-coach:actions -->`: every top-level task line `- [ ] text` / `- [x] text`
//     (also `*`/`+` bullets, `[X]`), in order, up to the next anchor's heading.
// It ignores everything else: the `# title` and summary lines (the front matter is authoritative),
// the Five Whys ladder, the stage adoption / metrics / use-case health tables (derived from the
// front matter's `adoption`, `metrics` and `health`), "Tagged items", any paragraph, list, quote or heading a person adds between
// or after those parts, indented (nested) tasks, and unknown front matter keys. It tolerates CRLF
// line endings, a UTF-8 BOM, blank lines between a heading and its anchor, trailing spaces, and
// closing `#`s on headings. It never throws.
import { unescapeText } from '../markdown';
import { parseFrontMatter } from './frontMatter';
import { answerTags, type ActionItem, type AnswerTag, type CallNote, type NoteEntry, type NoteSection } from './model';
import type { NoteProblem } from './problems';

export type { NoteProblem } from './problems';

/** A failure: `error` in English (the CLI, success-plan.md), `why` the same as facts (problems.ts). */
export type ParseResult = { ok: true; note: CallNote } | { ok: false; error: string; line?: number; why: NoteProblem };

const FENCE = /^---[ \t]*$/;
const ANCHOR = /^<!--[ \t]*call-coach:(section|prompt|actions)(?:[ \t]+(.*?))?[ \t]*-->[ \t]*$/;
const ANCHOR_LIKE = /^<!--[ \t]*call-coach:/;
const BLANK = /^[ \t]*$/;
const TASK = /^[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$/;
const TAGS = /^Tags:(.*)$/;

/** `## text` at the given level: raw whitespace around the text and a closing `#` run are not ours. */
function headingText(line: string, level: number): string | undefined {
  const marker = '#'.repeat(level);
  if (!line.startsWith(marker)) return undefined;
  let rest = line.slice(level);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return undefined;
  rest = rest.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  rest = rest === '' || /^#+$/.test(rest) ? '' : rest.replace(/[ \t]+#+$/, '');
  return unescapeText(rest);
}

type Fail = { ok: false; error: string; line?: number; why: NoteProblem };
const fail = (error: string, why: NoteProblem, index?: number): Fail => (index === undefined ? { ok: false, error, why } : { ok: false, error, line: index + 1, why });

interface Anchor {
  kind: 'section' | 'prompt' | 'actions';
  id: string;
  index: number;
  /** Index of its heading line, or -1 for an actions anchor without one. */
  heading: number;
  title: string;
}

export function parseNote(text: string): ParseResult {
  try {
    return parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail(`the note could not be read: ${detail}`, { code: 'unreadable', detail });
  }
}

function parse(input: string): ParseResult {
  const text = (input.startsWith('\ufeff') ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return fail('this is not a call note: the file must start with a `---` line, then the YAML front matter (type: call-note, id, title, …), then a closing `---` line', { code: 'no-front-matter' }, 0);
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i]!)) {
      close = i;
      break;
    }
  }
  if (close < 0) return fail('the front matter is not closed: add a line with only `---` after the YAML properties', { code: 'front-matter-open' }, 0);
  const fm = parseFrontMatter(lines.slice(1, close).join('\n'), 2);
  if (!fm.ok) return fm;

  const anchors: Anchor[] = [];
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!ANCHOR_LIKE.test(line)) continue;
    const m = ANCHOR.exec(line);
    if (!m) {
      return fail('damaged call-coach anchor: it must read exactly `<!-- call-coach:section ID -->`, `<!-- call-coach:prompt ID -->` or `<!-- call-coach:actions -->`; restore it or delete the line', { code: 'damaged-anchor' }, i);
    }
    const kind = m[1] as Anchor['kind'];
    let h = i - 1;
    while (h > close && BLANK.test(lines[h]!)) h--;
    const level = kind === 'prompt' ? 3 : 2;
    const title = h > close ? headingText(lines[h]!, level) : undefined;
    if (title === undefined && kind !== 'actions') {
      const what = kind === 'section' ? '`## section title`' : '`### question`';
      return fail(`the ${kind} anchor on line ${i + 1} must come right after its ${what} heading; put the heading back on the line above it`, { code: 'anchor-without-heading', kind, line: i + 1 }, i);
    }
    anchors.push({ kind, id: unescapeText(m[2] ?? ''), index: i, heading: title === undefined ? -1 : h, title: title ?? '' });
  }

  const sections: NoteSection[] = [];
  let actionItems: ActionItem[] | undefined;
  for (let a = 0; a < anchors.length; a++) {
    const anchor = anchors[a]!;
    const next = anchors[a + 1];
    const end = next ? (next.heading >= 0 ? next.heading : next.index) : lines.length;
    if (anchor.kind === 'section') {
      sections.push({ techniqueId: anchor.id, title: anchor.title, entries: [] });
    } else if (anchor.kind === 'prompt') {
      const section = sections[sections.length - 1];
      if (!section) {
        return fail(`the question on line ${anchor.heading + 1} is not inside a section: a \`## section\` heading with its section anchor must come before it`, { code: 'question-outside-section', line: anchor.heading + 1 }, anchor.index);
      }
      const entry = readEntry(lines, anchor, end);
      if (!entry.ok) return entry;
      section.entries.push(entry.entry);
    } else {
      if (actionItems) return fail('the note has two `<!-- call-coach:actions -->` anchors; keep one and move the tasks under it', { code: 'two-action-anchors' }, anchor.index);
      actionItems = [];
      for (let i = anchor.index + 1; i < end; i++) {
        const m = TASK.exec(lines[i]!);
        if (m) actionItems.push({ text: unescapeText(m[2] ?? ''), done: m[1] !== ' ' });
      }
    }
  }

  return { ok: true, note: { ...fm.fields, sections, actionItems: actionItems ?? [] } };
}

function readEntry(lines: string[], anchor: Anchor, end: number): { ok: true; entry: NoteEntry } | Fail {
  let i = anchor.index + 1;
  while (i < end && !lines[i]!.startsWith('>')) i++;
  if (i >= end) {
    return fail(`the question "${anchor.title}" (line ${anchor.heading + 1}) has no answer: write it as a quote, every line starting with \`> \``, { code: 'no-answer', question: anchor.title, line: anchor.heading + 1 }, anchor.index);
  }
  const answer: string[] = [];
  for (; i < end && lines[i]!.startsWith('>'); i++) {
    const line = lines[i]!;
    answer.push(line.slice(line.startsWith('> ') ? 2 : 1).replace(/[ \t]+$/, ''));
  }
  const tags: AnswerTag[] = [];
  for (; i < end; i++) {
    const m = TAGS.exec(lines[i]!);
    if (!m) continue;
    const words = m[1]!.trim().split(/[ \t]+/).filter(Boolean);
    for (const word of words) {
      const tag = word.startsWith('#') ? word.slice(1) : undefined;
      if (tag === undefined || !(answerTags as readonly string[]).includes(tag)) {
        return fail(`unknown tag "${word}" on the Tags line; use ${answerTags.map((t) => `#${t}`).join(', ')}, separated by spaces`, { code: 'unknown-tag', word, tags: answerTags.map((t) => `#${t}`) }, i);
      }
      tags.push(tag as AnswerTag);
    }
    break;
  }
  return { ok: true, entry: { promptId: anchor.id, question: anchor.title, answer: unescapeText(answer.join('\n')), tags } };
}
