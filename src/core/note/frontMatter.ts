// The YAML front matter of a call note: written so that Foam, Obsidian/Dataview and Dendron read it
// as ordinary properties, and read back by us exactly.
//
// Writing: ../yaml/emit, which quotes for YAML 1.1 readers too, so that readers still on YAML 1.1
// (js-yaml, gray-matter) see `yes`, `no`, `1:20`, `0777`, `~`… as the strings they are. The date is
// the one deliberate exception: a strict `YYYY-MM-DD` is written as a plain scalar so every reader
// shows a date; we read it back as the failsafe schema would, where every scalar is its source
// text. Strings holding line breaks, controls or characters that editors treat as line breaks or
// that reorder text (U+0085, U+2028/9, bidi embeddings/overrides/isolates, BOM, C1 controls) are
// written double-quoted with escapes, so the file never contains them raw.
//
// The lists of records (objectives, adoption, metrics, health) are lists of flat mappings, so that
// Dataview reads e.g. `adoption.percent` or `FLATTEN objectives AS o WHERE o.status = "at-risk"`:
// numbers (`percent`, `horizon`) are written as numbers and `null` when unknown, an objective's
// `due` date as a plain date like the call date, and a stage's `criteria` as a list of ids.
//
// Reading: ../yaml/parse, every scalar as its text (no implicit types) except YAML's null (`~`,
// `null`, nothing), which is no text, as the core schema has it; only core tags, unique keys, no
// aliases. Unknown
// keys are ignored (other tools add their own, e.g. Dendron's `updated`); list fields that are
// missing read as empty lists; everything else is required and checked. Notes written before the
// success-plan fields existed still read: no `adoption`/`metrics`/`health` is an empty list, and an
// objective without `owner`/`due`/`valueDriver` has '' there and `horizon` null.
import { PlainText, stringifyYaml } from '../yaml/emit';
import { getPair, parseYaml, type YamlNode } from '../yaml/parse';
import type { NoteProblem, NoteRecord } from './problems';
import {
  adoptionStatuses,
  healthColors,
  horizons,
  objectiveStatuses,
  type AdoptionStatus,
  type CallNote,
  type HealthColor,
  type Horizon,
  type MetricRecord,
  type Objective,
  type ObjectiveStatus,
  type StageScore,
  type UseCaseHealth,
} from './model';

export const NOTE_TYPE = 'call-note';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** A date-ish string: strict ISO dates plain (like the call date) so readers show a date, anything else quoted as needed. */
const dateValue = (s: string): string | PlainText => (ISO_DATE.test(s) ? new PlainText(s) : s);

/**
 * The model keeps percent in 0-100; should a caller break that, the note must still read back, so
 * out-of-range values are clamped and non-numbers become null rather than written unreadable.
 */
function writablePercent(p: number | null): number | null {
  if (p === null || !Number.isFinite(p)) return null;
  return Math.min(100, Math.max(0, p)) + 0; // + 0 turns -0 into 0
}

/**
 * One `key: value` line (no line break) quoted as the note's front matter is: safe for YAML 1.1
 * and 1.2 readers; a strict ISO date string is written plain when `date` is set.
 */
export function yamlProperty(key: string, value: string | number, date = false): string {
  return stringifyYaml({ [key]: date && typeof value === 'string' ? dateValue(value) : value }).replace(/\n$/, '');
}

/** The front matter block, including both `---` fences and the final newline. */
export function renderFrontMatter(n: FrontMatterFields): string {
  // A strict ISO date is digits and dashes only: safe as a plain scalar, and shown as a date by
  // Obsidian, Dataview and Dendron. Anything else is quoted, and fails parsing.
  const yaml = stringifyYaml({
    type: NOTE_TYPE,
    id: n.id,
    title: n.title,
    customer: n.customer,
    date: dateValue(n.date),
    callType: n.callType,
    attendees: n.attendees,
    techniques: n.techniques,
    stages: n.stages,
    tags: n.tags,
    objectives: n.objectives.map((o) => ({
      text: o.text,
      status: o.status,
      origin: o.origin,
      owner: o.owner,
      due: dateValue(o.due),
      horizon: o.horizon,
      valueDriver: o.valueDriver,
    })),
    adoption: n.adoption.map((a) => ({ stage: a.stage, percent: writablePercent(a.percent), criteria: a.criteria, status: a.status })),
    metrics: n.metrics.map((m) => ({
      id: m.id,
      name: m.name,
      valueDriver: m.valueDriver,
      measuredHow: m.measuredHow,
      baseline: m.baseline,
      target: m.target,
      unit: m.unit,
    })),
    health: n.health.map((h) => ({ useCase: h.useCase, color: h.color, reason: h.reason })),
    durationMinutes: n.durationMinutes,
  });
  return `---\n${yaml}---\n`;
}

/**
 * The most front matter a note may have. Call Coach writes a few KB (a call with fifty objectives
 * of 200 characters and twenty long metrics is about 30 KB); a block far larger was pasted in or
 * generated, and is refused with a clear error rather than read (reading is linear, but a note
 * need not hold megabytes of properties).
 */
export const MAX_FRONT_MATTER_BYTES = 256 * 1024;

export type FrontMatterResult = { ok: true; fields: FrontMatterFields } | { ok: false; error: string; line?: number; why: NoteProblem };

class FieldError extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
    readonly why: NoteProblem,
  ) {
    super(message);
  }
}

/** How the English names each record list's item, by NoteRecord. */
const RECORD_WHAT: Record<NoteRecord, string> = { objective: 'an objective', 'stage-score': 'a stage score', metric: 'a metric', health: 'a use-case health entry' };
const ONE_OF_WHAT = { 'objective-status': 'objective status', 'objective-origin': 'objective origin', 'stage-status': 'stage status', 'health-color': 'health color' } as const;

/** `null`, `~` or nothing: YAML's ways of writing "no value" (read with the failsafe schema). */
function isNull(raw: string): boolean {
  return raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL';
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: keyof typeof ONE_OF_WHAT, offset: number | undefined): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new FieldError(`${ONE_OF_WHAT[field]} "${value}" is not one of ${allowed.join(', ')}`, offset, { code: 'not-one-of', field, value, allowed: [...allowed] });
  }
  return value as T;
}

interface RecordReader {
  /** A text field; '' when missing (unless required) or empty. */
  (key: string): string;
  /** Offset of the field's value, for error lines. */
  at(key: string): number | undefined;
  /** A list of text values; [] when missing or empty. */
  list(key: string): string[];
}

/**
 * A scalar's text, or undefined for a list or mapping. Every scalar is its source text (`0777`,
 * `yes` and `2026-11-24` stay as written) except YAML's null, which reads as no text, as the core
 * schema has it: `owner: ~`, `due: null` and `owner:` are all empty, like `horizon: ~`. A quoted
 * "~" is the text ~.
 */
const textOf = (n: YamlNode): string | undefined => (n.kind !== 'scalar' ? undefined : n.value === null ? '' : n.source);

/** Reads one flat mapping of a record list (`objectives`, `adoption`, …). */
function record(n: YamlNode, offset: number, listKey: string, kind: NoteRecord, required: string[]): RecordReader {
  if (n.kind !== 'map') {
    throw new FieldError(`every item of \`${listKey}\` must be a mapping with ${required.map((k) => `\`${k}\``).join(', ')}`, offset, { code: 'record-not-mapping', list: listKey, required });
  }
  const what = RECORD_WHAT[kind];
  const valueOf = (k: string) => getPair(n, k)?.value;
  const at = (k: string): number => valueOf(k)?.range[0] ?? offset;
  for (const k of required) if (!valueOf(k)) throw new FieldError(`${what} is missing \`${k}\``, offset, { code: 'record-missing', record: kind, key: k });
  const reader = ((k: string): string => {
    const v = valueOf(k);
    if (!v) return '';
    const t = textOf(v);
    if (t === undefined) throw new FieldError(`${what}'s \`${k}\` must be a text value`, at(k), { code: 'record-not-text', record: kind, key: k });
    return t;
  }) as RecordReader;
  reader.at = at;
  reader.list = (k: string): string[] => {
    const v = valueOf(k);
    if (!v || textOf(v) === '') return [];
    if (v.kind !== 'seq') throw new FieldError(`${what}'s \`${k}\` must be a list: \`${k}: []\` or one \`- item\` line per entry`, at(k), { code: 'record-not-list', record: kind, key: k });
    return v.items.map((item) => {
      const t = textOf(item);
      if (t === undefined) throw new FieldError(`every item of ${what}'s \`${k}\` must be a text value`, item.range[0], { code: 'record-item-not-text', record: kind, key: k });
      return t;
    });
  };
  return reader;
}

/**
 * Parses the YAML between the fences. `firstLine` is the 1-based file line of the first YAML line,
 * so errors point into the file, not into the block.
 */
export function parseFrontMatter(yamlText: string, firstLineNo: number): FrontMatterResult {
  if (yamlText.length > MAX_FRONT_MATTER_BYTES) {
    const kb = Math.ceil(yamlText.length / 1024);
    return {
      ok: false,
      error: `the front matter is ${kb} KB, more than the ${MAX_FRONT_MATTER_BYTES / 1024} KB a call note's front matter may hold (Call Coach writes a few KB); remove what was added to it`,
      line: firstLineNo,
      why: { code: 'front-matter-too-big', kb, max: MAX_FRONT_MATTER_BYTES / 1024 },
    };
  }
  const doc = parseYaml(yamlText);
  const fileLine = (offset: number | undefined) => (offset === undefined ? firstLineNo : firstLineNo + doc.linePos(offset).line - 1);
  if (!doc.ok) {
    return { ok: false, error: `front matter is not valid YAML: ${doc.error.message}`, line: fileLine(doc.error.range[0]), why: { code: 'front-matter-yaml', detail: doc.error.message } };
  }
  const alias = doc.aliases[0];
  if (alias) {
    return { ok: false, error: 'front matter uses a YAML alias (*name); write the value out instead', line: fileLine(alias.range[0]), why: { code: 'front-matter-alias' } };
  }
  const root = doc.root;
  if (root?.kind !== 'map') {
    return { ok: false, error: 'front matter must be a YAML mapping of `key: value` lines (type, id, title, customer, date, …)', line: fileLine(root?.range[0]), why: { code: 'front-matter-not-mapping' } };
  }
  const get = (key: string): { node: YamlNode | undefined; offset: number | undefined } => {
    const pair = getPair(root, key);
    return { node: pair?.value, offset: pair?.value.range[0] };
  };
  const str = (key: string): string => {
    const { node, offset } = get(key);
    if (!node) throw new FieldError(`front matter is missing \`${key}\``, undefined, { code: 'missing-key', key });
    const t = textOf(node);
    if (t === undefined) throw new FieldError(`\`${key}\` must be a single text value`, offset, { code: 'not-text', key });
    return t;
  };
  const list = <T>(key: string, item: (n: YamlNode, offset: number) => T): T[] => {
    const { node, offset } = get(key);
    if (!node || textOf(node) === '') return [];
    if (node.kind !== 'seq') throw new FieldError(`\`${key}\` must be a list: write \`${key}: []\` or one \`- item\` line per entry`, offset, { code: 'not-list', key });
    return node.items.map((n) => item(n, n.range[0]));
  };
  const text = (key: string) => (n: YamlNode, offset: number): string => {
    const t = textOf(n);
    if (t === undefined) throw new FieldError(`every item of \`${key}\` must be a text value`, offset, { code: 'item-not-text', key });
    return t;
  };

  try {
    const type = str('type');
    if (type !== NOTE_TYPE) {
      throw new FieldError(`\`type\` is "${type}" but a call note needs \`type: ${NOTE_TYPE}\``, get('type').offset, { code: 'wrong-type', type, expected: NOTE_TYPE });
    }
    const id = str('id');
    const title = str('title');
    const customer = str('customer');
    const date = str('date');
    if (!isIsoDate(date)) {
      throw new FieldError(`\`date\` is "${date}"; write the call date as YYYY-MM-DD, e.g. date: 2026-11-24`, get('date').offset, { code: 'bad-date', date });
    }
    const callType = str('callType');
    const attendees = list('attendees', text('attendees'));
    const techniques = list('techniques', text('techniques'));
    const stages = list('stages', text('stages'));
    const tags = list('tags', text('tags'));
    const objectives = list('objectives', (n, offset): Objective => {
      const field = record(n, offset, 'objectives', 'objective', ['text', 'status', 'origin']);
      const status = oneOf(field('status'), objectiveStatuses, 'objective-status', field.at('status'));
      const origin = oneOf(field('origin'), ['five-whys', 'tagged'] as const, 'objective-origin', field.at('origin'));
      const rawHorizon = field('horizon');
      let horizon: Horizon | null = null;
      if (!isNull(rawHorizon)) {
        horizon = horizons.find((h) => String(h) === rawHorizon.replace(/[ \t]*months?$/i, '')) ?? null;
        if (horizon === null) {
          throw new FieldError(`objective horizon "${rawHorizon}" is not one of ${horizons.join(', ')} (months ahead); leave it empty when unknown`, field.at('horizon'), {
            code: 'bad-horizon',
            value: rawHorizon,
            allowed: horizons.map(String),
          });
        }
      }
      return {
        text: field('text'),
        status: status as ObjectiveStatus,
        origin,
        owner: field('owner'),
        due: field('due'),
        horizon,
        valueDriver: field('valueDriver'),
      };
    });
    const adoption = list('adoption', (n, offset): StageScore => {
      const field = record(n, offset, 'adoption', 'stage-score', ['stage', 'status']);
      const rawPercent = field('percent');
      let percent: number | null = null;
      if (!isNull(rawPercent)) {
        const m = /^((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)[ \t]*%?$/.exec(rawPercent);
        percent = m ? Number(m[1]) : NaN;
        if (!(percent >= 0 && percent <= 100)) {
          throw new FieldError(`stage percent "${rawPercent}" must be a number from 0 to 100 (the share of teams using the stage); leave it empty when unknown`, field.at('percent'), { code: 'bad-percent', value: rawPercent });
        }
      }
      return {
        stage: field('stage'),
        percent,
        criteria: field.list('criteria'),
        status: oneOf(field('status'), adoptionStatuses, 'stage-status', field.at('status')) as AdoptionStatus,
      };
    });
    const metrics = list('metrics', (n, offset): MetricRecord => {
      const field = record(n, offset, 'metrics', 'metric', ['id']);
      return {
        id: field('id'),
        name: field('name'),
        valueDriver: field('valueDriver'),
        measuredHow: field('measuredHow'),
        baseline: field('baseline'),
        target: field('target'),
        unit: field('unit'),
      };
    });
    const health = list('health', (n, offset): UseCaseHealth => {
      const field = record(n, offset, 'health', 'health', ['useCase', 'color']);
      const color = oneOf(field('color').toLowerCase(), healthColors, 'health-color', field.at('color'));
      return { useCase: field('useCase'), color: color as HealthColor, reason: field('reason') };
    });
    const rawDuration = str('durationMinutes');
    if (!/^\d{1,9}$/.test(rawDuration)) {
      throw new FieldError(`\`durationMinutes\` is "${rawDuration}"; write whole minutes, e.g. durationMinutes: 45`, get('durationMinutes').offset, { code: 'bad-duration', value: rawDuration });
    }
    const durationMinutes = Number(rawDuration);
    return { ok: true, fields: { id, title, customer, date, callType, attendees, techniques, stages, tags, objectives, adoption, metrics, health, durationMinutes } };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, error: err.message, line: fileLine(err.offset), why: err.why };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: `front matter could not be read: ${message}`, why: { code: 'unreadable', detail: message } };
  }
}
