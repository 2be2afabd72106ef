// Writing user text into Markdown so that it stays text, and reading it back. Every note, plan,
// export and summary escapes through here; nothing else builds escapes of its own.
//
// Everything is written as HTML character references, which every CommonMark renderer (VS Code,
// Obsidian, Foam, GitHub) decodes back to the very same character, so previews show the original
// text while nothing in it can act as HTML, an anchor, an image or a line break. unescapeText
// decodes `&lt; &gt; &amp; &quot; &#N; &#xH;` in one left-to-right pass, which reverses this exactly:
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
//   text starting a list item or line (derived only): a first character that would open a
//     heading, quote, task or nested list -> &#N;
// Because the encoder never leaves raw leading/trailing whitespace or a final raw `#`, a parser can
// tolerate (strip) those when a human or a formatter adds them.

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

/** Text at the start of a list item or line: as a cell, and it cannot become a heading, quote, task or nested list. */
export function escapeLineStart(text: string): string {
  const s = escapeCell(text);
  return /^([#>*+\-=[]|\d+[.)])/.test(s) ? `&#${s.charCodeAt(0)};${s.slice(1)}` : s;
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

/** A Markdown table (GFM) of cells that are already Markdown (escaped with escapeCell, or links). */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const row = (cells: string[]) => '|' + cells.map((c) => (c ? ` ${c} |` : ' |')).join('');
  return [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)];
}

/** A Markdown table (GFM) of plain text: header, delimiter row, one row per entry. */
export function table(header: string[], rows: string[][]): string[] {
  return markdownTable(header.map(escapeCell), rows.map((r) => r.map(escapeCell)));
}

const REFERENCE = /&(?:(lt|gt|amp|quot)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Reverses the escaping above: one left-to-right pass over character references. */
export function unescapeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name] ?? match;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    if (!(code >= 0 && code <= 0x10ffff)) return match;
    // Lone surrogates are written as references by the renderer and come back as code units.
    return code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
  });
}
