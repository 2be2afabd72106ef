// The YAML front matter of a call note: written so that Foam, Obsidian/Dataview and Dendron read it
// as ordinary properties, and read back by us exactly.
//
// Writing: the `yaml` package with YAML 1.1 compatibility quoting, so that readers still on YAML 1.1
// (js-yaml, gray-matter) see `yes`, `no`, `1:20`, `0777`, `~`… as the strings they are. The date is
// the one deliberate exception: a strict `YYYY-MM-DD` is written as a plain scalar so every reader
// shows a date; we read it back with the failsafe schema, where every scalar is its source text.
// Strings holding characters that editors treat as line breaks or that reorder text (U+0085,
// U+2028/9, bidi embeddings/overrides/isolates, BOM, C1 controls) are written double-quoted with
// `\uXXXX` escapes, so the file never contains them raw.
//
// Reading: failsafe schema (no implicit types, no custom tags), unique keys, no aliases. Unknown
// keys are ignored (other tools add their own, e.g. Dendron's `updated`); list fields that are
// missing read as empty lists; everything else is required and checked.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Node } from 'yaml';
import { objectiveStatuses, type CallNote, type Objective, type ObjectiveStatus } from './model';

export const NOTE_TYPE = 'call-note';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Raw characters the front matter must never contain: they would be escaped by the post-pass below. */
const UNSAFE_YAML = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const UNSAFE_YAML_ALL = new RegExp(UNSAFE_YAML.source, 'g');

export type FrontMatterFields = Omit<CallNote, 'sections' | 'actionItems'>;

/** A calendar date in ISO form with a real month and day (2026-02-30 is rejected). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

function yamlBlock(value: Record<string, unknown>): string {
  const doc = new Document(value, { compat: 'yaml-1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE_YAML.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
  // Only double-quoted scalars can hold these now, and there `\uXXXX` is a valid escape. yaml never
  // emits a lone backslash before a raw character, so the escape cannot be mis-paired.
  return text.replace(UNSAFE_YAML_ALL, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The front matter block, including both `---` fences and the final newline. */
export function renderFrontMatter(n: FrontMatterFields): string {
  const head = yamlBlock({ type: NOTE_TYPE, id: n.id, title: n.title, customer: n.customer });
  // A strict ISO date is digits and dashes only: safe as a plain scalar, and shown as a date by
  // Obsidian, Dataview and Dendron. Anything else goes through yaml (quoted) and fails parsing.
  const date = ISO_DATE.test(n.date) ? `date: ${n.date}\n` : yamlBlock({ date: n.date });
  const tail = yamlBlock({
    callType: n.callType,
    attendees: [...n.attendees],
    techniques: [...n.techniques],
    stages: [...n.stages],
    tags: [...n.tags],
    objectives: n.objectives.map((o) => ({ text: o.text, status: o.status, origin: o.origin })),
    durationMinutes: n.durationMinutes,
  });
  return `---\n${head}${date}${tail}---\n`;
}

export type FrontMatterResult = { ok: true; fields: FrontMatterFields } | { ok: false; error: string; line?: number };

class FieldError extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parses the YAML between the fences. `firstLine` is the 1-based file line of the first YAML line,
 * so errors point into the file, not into the block.
 */
export function parseFrontMatter(yamlText: string, firstLineNo: number): FrontMatterResult {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter: lines, prettyErrors: true, uniqueKeys: true, strict: true });
  const fileLine = (offset: number | undefined) => (offset === undefined ? firstLineNo : firstLineNo + lines.linePos(offset).line - 1);
  const bad = doc.errors[0];
  if (bad) {
    return { ok: false, error: `front matter is not valid YAML: ${firstLine(bad.message)}`, line: fileLine(bad.pos[0]) };
  }
  let alias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) {
    return { ok: false, error: 'front matter uses a YAML alias (*name); write the value out instead', line: fileLine(alias) };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    return { ok: false, error: 'front matter must be a YAML mapping of `key: value` lines (type, id, title, customer, date, …)', line: fileLine(root?.range?.[0]) };
  }
  const get = (key: string): { node: Node | null | undefined; offset: number | undefined; present: boolean } => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (!pair) return { node: undefined, offset: undefined, present: false };
    const keyNode = pair.key as Scalar;
    const value = pair.value as Node | null;
    return { node: value, offset: value?.range?.[0] ?? keyNode.range?.[0], present: true };
  };
  const str = (key: string): string => {
    const { node: raw, offset, present } = get(key);
    if (!present) throw new FieldError(`front matter is missing \`${key}\``, undefined);
    const node = raw;
    if (node === null || node === undefined) return '';
    if (!isScalar(node) || typeof node.value !== 'string') throw new FieldError(`\`${key}\` must be a single text value`, offset);
    return node.value;
  };
  const list = <T>(key: string, item: (n: Node | null | undefined, offset: number | undefined) => T): T[] => {
    const { node: raw, offset, present } = get(key);
    if (!present) return [];
    const node = raw;
    if (node === null || node === undefined || (isScalar(node) && node.value === '')) return [];
    if (!isSeq(node)) throw new FieldError(`\`${key}\` must be a list: write \`${key}: []\` or one \`- item\` line per entry`, offset);
    return node.items.map((n) => item(n as Node | null, (n as Node | null)?.range?.[0] ?? offset));
  };
  const text = (key: string) => (n: Node | null | undefined, offset: number | undefined): string => {
    if (n === null || n === undefined) return '';
    if (!isScalar(n) || typeof n.value !== 'string') throw new FieldError(`every item of \`${key}\` must be a text value`, offset);
    return n.value;
  };

  try {
    const type = str('type');
    if (type !== NOTE_TYPE) {
      throw new FieldError(`\`type\` is "${type}" but a call note needs \`type: ${NOTE_TYPE}\``, get('type').offset);
    }
    const id = str('id');
    const title = str('title');
    const customer = str('customer');
    const date = str('date');
    if (!isIsoDate(date)) {
      throw new FieldError(`\`date\` is "${date}"; write the call date as YYYY-MM-DD, e.g. date: 2026-11-24`, get('date').offset);
    }
    const callType = str('callType');
    const attendees = list('attendees', text('attendees'));
    const techniques = list('techniques', text('techniques'));
    const stages = list('stages', text('stages'));
    const tags = list('tags', text('tags'));
    const objectives = list('objectives', (n, offset): Objective => {
      if (!isMap(n)) throw new FieldError('every item of `objectives` must have `text`, `status` and `origin`', offset);
      const field = (k: string): string => {
        const pair = n.items.find((p) => isScalar(p.key) && p.key.value === k);
        const v = pair?.value as Node | null | undefined;
        const at = (pair?.value as Node | null | undefined)?.range?.[0] ?? offset;
        if (!pair) throw new FieldError(`an objective is missing \`${k}\``, offset);
        if (v === null || v === undefined) return '';
        if (!isScalar(v) || typeof v.value !== 'string') throw new FieldError(`objective \`${k}\` must be a text value`, at);
        return v.value;
      };
      const status = field('status');
      if (!(objectiveStatuses as readonly string[]).includes(status)) {
        throw new FieldError(`objective status "${status}" is not one of ${objectiveStatuses.join(', ')}`, offset);
      }
      const origin = field('origin');
      if (origin !== 'five-whys' && origin !== 'tagged') {
        throw new FieldError(`objective origin "${origin}" is not one of five-whys, tagged`, offset);
      }
      return { text: field('text'), status: status as ObjectiveStatus, origin, owner: '', due: '', horizon: null, valueDriver: '' };
    });
    const rawDuration = str('durationMinutes');
    if (!/^\d{1,9}$/.test(rawDuration)) {
      throw new FieldError(`\`durationMinutes\` is "${rawDuration}"; write whole minutes, e.g. durationMinutes: 45`, get('durationMinutes').offset);
    }
    const durationMinutes = Number(rawDuration);
    return { ok: true, fields: { id, title, customer, date, callType, attendees, techniques, stages, tags, objectives, adoption: [], metrics: [], health: [], durationMinutes } };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, error: err.message, line: fileLine(err.offset) };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `front matter could not be read: ${message}` };
  }
}
