// A fast reader for front matter exactly as renderFrontMatter writes it; parseFrontMatter (the
// `yaml` package) stays the reader for everything else.
//
// The contract: readRenderedFrontMatter(text) is either undefined ("not sure, ask yaml") or deep-
// equal to parseFrontMatter(text).fields. It is deliberately narrow, so that contract is easy to
// hold: the keys in the renderer's order and indentation, each value on one line as a plain scalar
// (a conservative subset of YAML's plain scalars), a 'single-quoted' or "double-quoted" scalar,
// `[]`, or a block list. Anything else — comments, blank lines, other keys, an older note without
// the newer fields, a value yaml would reject, a character YAML treats specially — is undefined,
// and so is any value that parseFrontMatter would report as an error (a bad status, a date that
// does not exist, …): the caller then gets the full parse, with its exact error and line.
// test/unit/core/plan/noteIndex.test.ts checks the contract on generated and hostile notes.
import type { FrontMatterFields } from './frontMatter';
import { isIsoDate, NOTE_TYPE } from './frontMatter';
import {
  adoptionStatuses,
  healthColors,
  horizons,
  objectiveStatuses,
  type AdoptionStatus,
  type HealthColor,
  type Horizon,
  type MetricRecord,
  type Objective,
  type ObjectiveStatus,
  type StageScore,
  type UseCaseHealth,
} from './model';

/**
 * Characters the fast path leaves to yaml wherever they appear: C0 controls but tab, DEL, C1
 * controls (NEL included), line/paragraph separators, BOM, the non-characters U+FFFE/U+FFFF and
 * lone surrogates. The renderer never writes any of them raw.
 */
const AWKWARD = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A character a plain scalar may hold anywhere: not `:`, `#`, whitespace or an awkward one. */
const PLAIN_CHAR = String.raw`[^:#\s\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff]`;

/**
 * A plain scalar that YAML (block context, any schema) reads as exactly its source text: it does
 * not start with an indicator (a `-` only before a letter or digit) or whitespace, holds no line
 * break or whitespace but spaces and tabs, no `: ` or ` #` (a `:` only before a letter, digit or
 * `/`, a `#` only right after a non-space), no awkward character, and does not end in whitespace.
 */
const PLAIN = new RegExp(String.raw`^(?:(?![-?:,[\]{}#&*!|>'"%@${'`'}])(?:${PLAIN_CHAR})|-(?=[0-9A-Za-z]))(?:${PLAIN_CHAR}|#|:(?=[0-9A-Za-z/])|[ \t]+(?=[^ \t#]))*$`);

/**
 * The common case, tested a char at a time (a regex per value was a tenth of the roll-up's time):
 * ASCII words and punctuation that PLAIN accepts, i.e. /^[A-Za-z0-9(](?:[A-Za-z0-9 .,()/'&+_-]*
 * [A-Za-z0-9.,()/'&+_-])?$/. SIMPLE_CHARS has bit 1 for a char that may start the value, 2 for one
 * that may follow, 4 for one that may end it.
 */
const SIMPLE_CHARS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  const mark = (chars: string, bits: number) => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= bits;
  };
  mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789(', 7);
  mark(".,)/'&+_-", 6);
  mark(' ', 2);
  return table;
})();

function isSimple(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  let c = text.charCodeAt(start);
  if (c > 127 || !(SIMPLE_CHARS[c]! & 1)) return false;
  for (let i = start + 1; i < end; i++) {
    c = text.charCodeAt(i);
    if (c > 127 || !(SIMPLE_CHARS[c]! & 2)) return false;
  }
  return (SIMPLE_CHARS[c]! & 4) !== 0;
}

/** YAML's double-quoted escapes (as the yaml package decodes them). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** The value of the scalar text[start, end) (one line); null when the fast path is not sure. */
function scalar(text: string, start: number, end: number): string | null {
  const first = text.charCodeAt(start);
  if (first === 34 /* " */) return quoted(text, start, end, doubleQuoted);
  if (first === 39 /* ' */) return quoted(text, start, end, singleQuoted);
  const value = text.slice(start, end);
  if (!isSimple(text, start, end) && !PLAIN.test(value)) return null;
  // A plain null is no text, as parseFrontMatter reads it (YAML's core schema).
  return isNull(value) ? '' : value;
}

function quoted(text: string, start: number, end: number, unquote: (body: string) => string | null): string | null {
  if (end - start < 2 || text.charCodeAt(end - 1) !== text.charCodeAt(start)) return null;
  const body = text.slice(start + 1, end - 1);
  return AWKWARD.test(body) ? null : unquote(body);
}

function doubleQuoted(body: string): string | null {
  if (body.indexOf('"') < 0 && body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') return null; // closes early: something follows the scalar
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return null;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (!length) return null;
    const hex = body.substr(i + 1, length);
    if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return null;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

function singleQuoted(body: string): string | null {
  if (body.indexOf("'") < 0) return body;
  // Inside, a quote only ever comes doubled; a single one would end the scalar early.
  if (body.replace(/''/g, '').indexOf("'") >= 0) return null;
  return body.replace(/''/g, "'");
}

/** The renderer writes `null`; parseFrontMatter also takes `~`, `Null`, `NULL` and an empty value. */
const isNull = (raw: string) => raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL';

const PERCENT = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)[ \t]*%?$/;

/** Thrown (and caught in readRenderedFrontMatter) when the fast path is not sure. */
const NOT_SURE = new Error('not a front matter the fast path reads');

/** The block, line by line: each method reads the line at `pos` and moves past it. */
class Lines {
  pos = 0;
  constructor(readonly text: string) {}

  private end(): number {
    const e = this.text.indexOf('\n', this.pos);
    return e < 0 ? this.text.length : e;
  }

  /** `key: <scalar>` (prefix is `key: ` with its indentation). */
  value(prefix: string): string {
    if (!this.text.startsWith(prefix, this.pos)) throw NOT_SURE;
    const end = this.end();
    const v = scalar(this.text, this.pos + prefix.length, end);
    if (v === null) throw NOT_SURE;
    this.pos = end + 1;
    return v;
  }

  /** `key:` alone (true) or `key: []` (false). */
  private opens(key: string): boolean {
    if (!this.text.startsWith(key, this.pos)) throw NOT_SURE;
    const end = this.end();
    const rest = end - this.pos - key.length;
    const open = rest === 1 && this.text.charCodeAt(end - 1) === 58;
    if (!open && !(rest === 4 && this.text.startsWith(': []', end - 4))) throw NOT_SURE;
    this.pos = end + 1;
    return open;
  }

  /** `key: []`, or `key:` and one `<indent>- <scalar>` line per item. */
  list(key: string, indent: string): string[] {
    if (!this.opens(key)) return [];
    const item = `${indent}- `;
    const out: string[] = [];
    while (this.text.startsWith(item, this.pos)) {
      const end = this.end();
      const v = scalar(this.text, this.pos + item.length, end);
      if (v === null) throw NOT_SURE;
      out.push(v);
      this.pos = end + 1;
    }
    if (!out.length) throw NOT_SURE;
    return out;
  }

  /** `key: []` (false), or `key:` followed by items (true). */
  records(key: string): boolean {
    return this.opens(key);
  }

  /** True when the next line starts another record item (`  - `). */
  more(): boolean {
    return this.text.startsWith('  - ', this.pos);
  }

  /** True when every line was read. */
  done(): boolean {
    return this.pos === this.text.length + 1;
  }
}

/** The allowed value itself (one shared string), or not sure. */
function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  const i = (allowed as readonly string[]).indexOf(value);
  if (i < 0) throw NOT_SURE;
  return allowed[i]!;
}

/**
 * The fields of a front matter block (the text between the `---` fences, as parseNote passes it
 * to parseFrontMatter) when renderFrontMatter wrote it; undefined when unsure (see the top).
 */
export function readRenderedFrontMatter(text: string): FrontMatterFields | undefined {
  try {
    return read(new Lines(text));
  } catch (err) {
    if (err === NOT_SURE) return undefined;
    throw err;
  }
}

function read(l: Lines): FrontMatterFields {
  if (l.value('type: ') !== NOTE_TYPE) throw NOT_SURE;
  const id = l.value('id: ');
  const title = l.value('title: ');
  const customer = l.value('customer: ');
  const date = l.value('date: ');
  if (!isIsoDate(date)) throw NOT_SURE;
  const callType = l.value('callType: ');
  const attendees = l.list('attendees', '  ');
  const techniques = l.list('techniques', '  ');
  const stages = l.list('stages', '  ');
  const tags = l.list('tags', '  ');

  const objectives: Objective[] = [];
  if (l.records('objectives')) {
    while (l.more()) {
      const text = l.value('  - text: ');
      const status = oneOf(l.value('    status: '), objectiveStatuses) as ObjectiveStatus;
      const origin = oneOf(l.value('    origin: '), ['five-whys', 'tagged'] as const);
      const owner = l.value('    owner: ');
      const due = l.value('    due: ');
      const rawHorizon = l.value('    horizon: ');
      let horizon: Horizon | null = null;
      if (!isNull(rawHorizon)) {
        const h = rawHorizon.replace(/[ \t]*months?$/i, '');
        horizon = horizons.find((x) => String(x) === h) ?? null;
        if (horizon === null) throw NOT_SURE;
      }
      const valueDriver = l.value('    valueDriver: ');
      objectives.push({ text, status, origin, owner, due, horizon, valueDriver });
    }
  }

  const adoption: StageScore[] = [];
  if (l.records('adoption')) {
    while (l.more()) {
      const stage = l.value('  - stage: ');
      const rawPercent = l.value('    percent: ');
      let percent: number | null = null;
      if (!isNull(rawPercent)) {
        const m = PERCENT.exec(rawPercent);
        percent = m ? Number(m[1]) : NaN;
        if (!(percent >= 0 && percent <= 100)) throw NOT_SURE;
      }
      const criteria = l.list('    criteria', '      ');
      const status = oneOf(l.value('    status: '), adoptionStatuses) as AdoptionStatus;
      adoption.push({ stage, percent, criteria, status });
    }
  }

  const metrics: MetricRecord[] = [];
  if (l.records('metrics')) {
    while (l.more()) {
      metrics.push({
        id: l.value('  - id: '),
        name: l.value('    name: '),
        valueDriver: l.value('    valueDriver: '),
        measuredHow: l.value('    measuredHow: '),
        baseline: l.value('    baseline: '),
        target: l.value('    target: '),
        unit: l.value('    unit: '),
      });
    }
  }

  const health: UseCaseHealth[] = [];
  if (l.records('health')) {
    while (l.more()) {
      const useCase = l.value('  - useCase: ');
      const color = oneOf(l.value('    color: ').toLowerCase(), healthColors) as HealthColor;
      health.push({ useCase, color, reason: l.value('    reason: ') });
    }
  }

  const rawDuration = l.value('durationMinutes: ');
  if (!/^\d{1,9}$/.test(rawDuration)) throw NOT_SURE;
  if (!l.done()) throw NOT_SURE;
  return { id, title, customer, date, callType, attendees, techniques, stages, tags, objectives, adoption, metrics, health, durationMinutes: Number(rawDuration) };
}
