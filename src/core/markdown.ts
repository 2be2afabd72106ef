// Writing user text into Markdown so that it stays text, in any renderer (VS Code's preview,
// GitHub/GitLab, marked, remark, Obsidian, Foam), and reading it back. Every note, plan, export
// and summary escapes through escapeMarkdown; nothing else builds escapes of its own.
//
// Escapes are HTML character references, which every CommonMark renderer decodes back to the very
// same character, so previews show the original text while nothing in it can act as Markdown or
// HTML. unescapeText decodes `&lt; &gt; &amp; &quot; &#N; &#xH;` in one left-to-right pass, which
// reverses this exactly. A reference is never a block start, a delimiter or part of an autolink's
// scheme, which is what makes it work:
//
//   anywhere in the text
//     <                                               -> &lt;    no HTML, comment or autolink
//     & when followed by `name;`, `#digits;`, `#xhex;` -> &amp;   literal references stay literal
//     [                                               -> &#91;   no link, image, reference, task,
//                                                                footnote or wiki-link
//     `                                               -> &#96;   no code span or fence
//     |                                               -> &#124;  no table, and no new column in one
//     \                                               -> &#92;   no backslash escape or hard break
//     the `:` of a scheme other than http(s)/mailto before `//` (ftp://, file://) and of `xmpp:`,
//     and the first `/` of a protocol-relative `//host`  -> &#58; / &#47;  (GFM/linkify autolinks)
//     C0 controls except tab (and newline in multi-line text), DEL, C1 controls, U+2028/U+2029,
//     BOM, bidi embedding/override/isolate controls (U+202A–E, U+2066–9), lone surrogates -> &#N;
//     newline in single-line text                     -> &#10;
//   at the start of the text, and of every line of multi-line text (it may follow `- `, `1. `,
//   `> `, `### ` or a table pipe, or stand at the start of a line)
//     a space, tab or other white space (U+00A0…)     -> &#N;   no indented code, no lost task box
//     # > + - = ~, a `*` or `_` that starts a list item or a rule, digits before `.` or `)`
//                                                     -> &#N;  (first character only)   no heading,
//                                                        quote, list, rule, setext underline, fence
//   at the end of the text, and of every line
//     white space                                     -> &#N;   editors trim, previews strip
//     #                                               -> &#35;  not a heading's closing sequence
//
// Because the encoder never leaves raw leading/trailing whitespace or a final raw `#`, a parser can
// tolerate (strip) those when a human or a formatter adds them.

const ENTITY_LIKE = '&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)';
const RISKY = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
/**
 * An autolink's scheme colon (`ftp://`, `xmpp:`; keptScheme keeps http and https) and
 * the first `/` of a protocol-relative `//host`, which markdown-it's linkify links.
 */
const AUTOLINK = String.raw`:(?=\/\/)|(?<=(?<![A-Za-z0-9+.\-])[xX][mM][pP][pP]):|(?<![A-Za-z0-9+.\-:/])\/(?=\/)`;
/** Characters escaped wherever they are; a newline too in single-line text. */
const INLINE = `[<[\`|\\\\${RISKY}]|${ENTITY_LIKE}|${LONE_SURROGATE}|${AUTOLINK}`;
const ESCAPE_LINES = new RegExp(INLINE, 'g');
const ESCAPE_LINE = new RegExp(`${INLINE}|\\n`, 'g');
/** A first character that could open a block: heading, quote, list, rule, setext underline, fence. */
const BLOCK_START = /^(?:[#>+=~-]|[*_](?=[ \t]|$|[ \t*_-]*$)|\d(?=\d{0,8}[.)]))/;

function ref(c: string): string {
  if (c === '<') return '&lt;';
  if (c === '>') return '&gt;';
  if (c === '&') return '&amp;';
  return `&#${c.charCodeAt(0)};`;
}

/** One line (already escaped inline): its first and last character made inert. */
function escapeEdges(line: string): string {
  if (line === '') return line;
  const first = line[0]!;
  const head = /\s/.test(first) || BLOCK_START.test(line) ? ref(first) : first;
  if (line.length === 1) return head;
  const last = line[line.length - 1]!;
  const tail = /\s|#/.test(last) ? ref(last) : last;
  return head + line.slice(1, -1) + tail;
}

/** Whether the `:` at `offset` ends an http or https scheme (those links are fine, and GFM makes them anyway). */
function keptScheme(text: string, offset: number): boolean {
  for (const scheme of ['http', 'https']) {
    const start = offset - scheme.length;
    if (start >= 0 && text.slice(start, offset).toLowerCase() === scheme && (start === 0 || !/[A-Za-z0-9+.-]/.test(text[start - 1]!))) return true;
  }
  return false;
}

/**
 * User text as inert Markdown (see the top of this file). Single-line text (the default) has its
 * newlines escaped too; `lines` keeps them, and makes every line inert on its own, e.g. an answer
 * written as `> ` quote lines.
 */
export function escapeMarkdown(text: string, options: { lines?: boolean } = {}): string {
  const inline = text.replace(options.lines ? ESCAPE_LINES : ESCAPE_LINE, (c: string, offset: number) => (c === ':' && keptScheme(text, offset) ? c : ref(c)));
  return options.lines ? inline.split('\n').map(escapeEdges).join('\n') : escapeEdges(inline);
}

/** Escapes an id for an anchor comment: as text, and `>` too, so `-->` cannot end the comment. */
export function escapeId(id: string): string {
  return escapeMarkdown(id).replace(/>/g, '&gt;');
}

/** The answer as blockquote lines; an empty line is a bare `>`. */
export function quoteAnswer(answer: string): string[] {
  return escapeMarkdown(answer, { lines: true })
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`));
}

/** A Markdown table (GFM) of cells that are already Markdown (escaped with escapeMarkdown, or links). */
export function markdownTable(header: string[], rows: string[][]): string[] {
  const row = (cells: string[]) => '|' + cells.map((c) => (c ? ` ${c} |` : ' |')).join('');
  return [row(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row)];
}

/** A Markdown table (GFM) of plain text: header, delimiter row, one row per entry. */
export function table(header: string[], rows: string[][]): string[] {
  return markdownTable(header.map((c) => escapeMarkdown(c)), rows.map((r) => r.map((c) => escapeMarkdown(c))));
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
