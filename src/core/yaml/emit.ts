// Writes plain data as block YAML that every common reader takes back as the same value: YAML 1.2
// readers (ours in ./parse, the `yaml` package, Obsidian) and YAML 1.1 ones (js-yaml, gray-matter).
//
// - Mappings are `key: value` lines, lists are `- item` lines indented under their key, and empty
//   ones are `{}` and `[]`.
// - A string is written plain when no reader could take it for anything else: not a null, boolean
//   or number in YAML 1.2 or 1.1 (`yes`, `0777`, `1:20`, `2026-11-24` are quoted), no indicator
//   at its start, no `: ` or ` #` inside, no space at either end. Otherwise it is quoted: single
//   quotes when it holds a `"` but no `'`, else double quotes.
// - Characters that are not printable YAML, or that editors treat as line breaks or that reorder
//   text (C0/C1 controls, U+0085, U+2028/9, bidi embeddings, overrides and isolates, BOM, lone
//   surrogates, U+FFFE/F), and line breaks themselves, are only ever written as escapes in double
//   quotes, so the text never contains them raw and every value stays on one line.
// - Numbers are written as YAML numbers (`.inf`, `-.inf`, `.nan` when not finite).
// - `PlainText` writes its text as it is: for values the caller knows are safe plain scalars, such
//   as a strict ISO date that readers should see as a date.
//
// Why this is not yaml's `stringify` (measured with yaml 2.9, `compat: 'yaml-1.1'`, `lineWidth: 0`;
// test/unit/core/yaml/parse.test.ts keeps the check): it quotes for YAML 1.1 as we do, but it writes U+202E
// and the other bidi controls, U+2028/U+2029 and a BOM raw, so a note's front matter could show
// reordered text or a line break in an editor that is not there for a YAML reader; and it writes
// text with line breaks as a `|-` block over several lines, where every value here stays on one
// line, which the fast front matter reader (note/fastFrontMatter.ts, most of the speed of rolling
// up 10,000 notes) relies on. Making it double-quote everything would change every note already
// written. So notes are written here, and read back by yaml (./parse).

/** A value written exactly as given, unquoted. The caller guarantees it is a safe plain scalar. */
export class PlainText {
  constructor(readonly text: string) {}
}

export type YamlValue = null | boolean | number | string | PlainText | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Needs double quotes and escapes: not printable YAML, line breaks, and text that misleads editors. */
const ESCAPE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Everything written as an escape inside double quotes. */
const QUOTED = new RegExp(`${ESCAPE.source}|["\\\\\t]`, 'g');

/** Strings a YAML 1.2 (core) or 1.1 reader resolves to something other than that string. */
const NOT_TEXT = [
  /^(?:~|null|true|false|y|yes|n|no|on|off)$/i,
  // Numbers in either version: decimal, with `_`, 0x/0o/0b, YAML 1.1 octal and base 60, exponents.
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0[bBoOxX][0-9a-fA-F_]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|nan)$/i,
  // YAML 1.1 timestamps, merge keys and the value key.
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
  /^(?:<<|=)$/,
];

/** Fine as a plain scalar, in a block context, in YAML 1.1 and 1.2. */
function plainSafe(s: string): boolean {
  return (
    s !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]|^(?:---|\.\.\.)|\s$|:(?:\s|$)|\s#/.test(s) &&
    !NOT_TEXT.some((re) => re.test(s))
  );
}

const escapeChar = (c: string): string => {
  const short: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0', '"': '\\"', '\\': '\\\\' };
  return short[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
};

/** One string as a scalar on one line. */
export function yamlString(s: string): string {
  if (!ESCAPE.test(s) && !s.includes('\t')) {
    if (plainSafe(s)) return s;
    if (s.includes('"') && !s.includes("'")) return `'${s}'`;
  }
  return `"${s.replace(QUOTED, escapeChar)}"`;
}

function scalar(v: null | boolean | number | string | PlainText): string {
  if (v === null) return 'null';
  if (v instanceof PlainText) return v.text;
  if (typeof v === 'number') return Number.isNaN(v) ? '.nan' : v === Infinity ? '.inf' : v === -Infinity ? '-.inf' : Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return String(v);
  return yamlString(v);
}

const isBlock = (v: YamlValue): v is readonly YamlValue[] | { readonly [key: string]: YamlValue } =>
  v !== null && typeof v === 'object' && !(v instanceof PlainText) && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

/** The lines of a non-empty block collection, each starting with `indent`. */
function block(v: readonly YamlValue[] | { readonly [key: string]: YamlValue }, indent: string): string {
  let out = '';
  if (Array.isArray(v)) {
    for (const item of v as readonly YamlValue[]) {
      // A collection in a list starts on the `- ` line: its first line loses its indentation.
      out += isBlock(item) ? `${indent}- ${block(item, indent + '  ').slice(indent.length + 2)}` : `${indent}- ${inline(item)}\n`;
    }
  } else {
    for (const [key, value] of Object.entries(v)) {
      out += isBlock(value) ? `${indent}${yamlString(key)}:\n${block(value, indent + '  ')}` : `${indent}${yamlString(key)}: ${inline(value)}\n`;
    }
  }
  return out;
}

/** A scalar or an empty collection. */
function inline(v: YamlValue): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object' && !(v instanceof PlainText)) return '{}';
  return scalar(v as null | boolean | number | string | PlainText);
}

/** A mapping as block YAML, one `key: value` line per key (each line ends with a newline). */
export function stringifyYaml(value: { readonly [key: string]: YamlValue }): string {
  return isBlock(value) ? block(value, '') : '{}\n';
}
