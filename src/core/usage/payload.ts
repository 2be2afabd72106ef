// Reading a Service Ping payload (or a stored snapshot, which is a trimmed payload) into a
// UsageSnapshot: the few values Call Coach uses, checked, and nothing that identifies the instance.
// Pure: the host reads the file and hands over its text; `now` comes from the caller.
//
// What is refused, each with a message that says what to do:
//   - a file over MAX_PAYLOAD_BYTES (checked on the size before anything is read or parsed)
//   - text that is not JSON, or JSON that is not a Service Ping payload (no recorded_at, no counts)
//   - recorded_at that is not a date, or that lies in the future
//   - a string (or object, or array) where a used key holds a number or a boolean
//   - a negative number other than GitLab's error fallbacks (-1 timeout, -2 counter error,
//     -1000 deprecated): no count is negative, so the file was not written by GitLab
// What is accepted and reported: error fallbacks, and used keys the payload lacks (EE-only keys on
// a CE instance, metrics newer than the instance). Both read as "unavailable", never as zero.
import * as z from 'zod/mini';
import { EDITION, isEeOnly, isIdentifying, LICENSE_PLAN, RECORDED_AT, VERSION } from './keys';

/** Real payloads are a few MB; 50 MB leaves room for the largest while refusing a wrong file fast. */
export const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;

/** GitLab's fallbacks when a metric cannot be computed (lib/gitlab/utils/usage_data.rb). */
export const ERROR_FALLBACKS: Readonly<Record<number, string>> = { [-1]: 'timed out (-1)', [-2]: 'counter error (-2)', [-1000]: 'deprecated metric (-1000)' };

export type MetricValue = number | boolean;

export interface UsageSnapshot {
  /** When the instance recorded the payload, ISO 8601 in UTC. */
  recordedAt: string;
  /** recordedAt's calendar date (UTC), YYYY-MM-DD: the snapshot's file name. */
  date: string;
  version?: string;
  /** "CE", "EE", "EES", "EEP", "EEU". */
  edition?: string;
  /** license_plan: "ultimate", "premium"… (EE). */
  plan?: string;
  /** Key path -> value, only for the keys asked for that the payload has (error fallbacks kept). */
  metrics: Record<string, MetricValue>;
}

export type ParsedPayload = { ok: true; snapshot: UsageSnapshot; unavailable: Unavailable[] } | { ok: false; problem: string; why: PayloadProblem };

/**
 * Why a payload is refused, as a code and its facts: `problem` is its English (the CLI, the log),
 * the extension words `why` in the display language (host/usage/payloadWords.ts).
 */
export type PayloadProblem =
  | { code: 'too-big'; bytes: number; max: number }
  | { code: 'empty' }
  | { code: 'unreadable'; detail: string }
  | { code: 'not-json'; detail: string }
  | { code: 'not-service-ping' }
  | { code: 'no-recorded-at' }
  | { code: 'no-counts' }
  /** recorded_at, version or edition is not text. */
  | { code: 'bad-fields'; fields: EnvelopeField[] }
  | { code: 'recorded-at-not-date'; text: string }
  | { code: 'future'; date: string }
  /** Used keys whose values Service Ping never writes. */
  | { code: 'values'; values: ValueProblem[] };

export type EnvelopeField = 'recorded_at' | 'version' | 'edition';
/** What a value that is not a number or true/false holds. */
export type ValueHolds = { type: 'text'; text: string } | { type: 'null' | 'list' | 'object' | 'other'; name: string };
export type ValueProblem = { path: string } & ({ kind: 'not-a-value'; holds: ValueHolds } | { kind: 'not-finite' } | { kind: 'negative'; value: number });

export interface Unavailable {
  path: string;
  /** Why, as the CSM reads it: "timed out (-1)", "EE-only, not sent by a CE instance"… */
  reason: string;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A problem with the file's size, before reading it; undefined when it is fine. */
export function sizeIssue(bytes: number): PayloadProblem | undefined {
  if (bytes > MAX_PAYLOAD_BYTES) return { code: 'too-big', bytes, max: MAX_PAYLOAD_BYTES };
  if (bytes === 0) return { code: 'empty' };
  return undefined;
}

/** sizeIssue in English. */
export function sizeProblem(bytes: number): string | undefined {
  const why = sizeIssue(bytes);
  return why && payloadProblemText(why);
}

const ENVELOPE_WORDS: Record<EnvelopeField, string> = {
  recorded_at: 'recorded_at must be a date such as "2026-03-01T10:00:00Z"',
  version: 'version must be text such as "17.5.1-ee"',
  edition: 'edition must be text such as "EE"',
};

function holdsText(holds: ValueHolds): string {
  return holds.type === 'text' ? `the text ${JSON.stringify(holds.text)}` : holds.name;
}

function valueProblemText(v: ValueProblem): string {
  switch (v.kind) {
    case 'not-a-value':
      return `${v.path} holds ${holdsText(v.holds)}, where Service Ping has a number or true/false`;
    case 'not-finite':
      return `${v.path} is not a finite number`;
    case 'negative':
      return `${v.path} is ${v.value}: counts are never negative, and GitLab's error values are -1, -2 and -1000`;
  }
}

/** Why a payload is refused, in English (the CLI; a failed parse's `problem`). */
export function payloadProblemText(why: PayloadProblem): string {
  switch (why.code) {
    case 'too-big':
      return `it is ${formatBytes(why.bytes)}, and a Service Ping payload is at most ${formatBytes(why.max)}. Check that this is the payload downloaded from Admin area > Usage statistics.`;
    case 'empty':
      return 'it is empty.';
    case 'unreadable':
      return `it could not be read (${why.detail})`;
    case 'not-json':
      return `it is not JSON (${why.detail}). Download the payload again from Admin area > Usage statistics, or GET /api/v4/usage_data/service_ping.`;
    case 'not-service-ping':
      return 'it is JSON, but not a Service Ping payload: it has no recorded_at and no counts. Download the payload from Admin area > Usage statistics.';
    case 'no-recorded-at':
      return 'it is not a Service Ping payload: it has counts but no recorded_at, so it cannot be dated.';
    case 'no-counts':
      return 'it is not a Service Ping payload: it has no counts.';
    case 'bad-fields':
      return why.fields.map((f) => ENVELOPE_WORDS[f]).join('; ');
    case 'recorded-at-not-date':
      return `its recorded_at ${JSON.stringify(why.text)} is not a date.`;
    case 'future':
      return `it was recorded on ${why.date}, which is in the future. Check the payload's recorded_at and this computer's clock.`;
    case 'values':
      return `it does not hold what Service Ping writes: ${listed(why.values.map(valueProblemText))}. Was it edited by hand? Download it again.`;
  }
}

/** A refused payload: why, and the English of it. */
export function payloadFailure(why: PayloadProblem): Extract<ParsedPayload, { ok: false }> {
  return { ok: false, problem: payloadProblemText(why), why };
}

// "2026-03-01T10:00:00.000Z", "2026-03-01 10:00:00 UTC", "2026-03-01 10:00:00 +0100", "2026-03-01".
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/;

/** recorded_at as an instant, or undefined when it is not a date GitLab writes. */
export function parseRecordedAt(text: string): Date | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone === 'Z' || zone === 'UTC' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject 2026-02-30 and the like, which Date would roll over.
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return local.getUTCMonth() === Number(mo) - 1 ? date : undefined;
}

const envelopeSchema = z.looseObject({
  [RECORDED_AT]: z.string(),
  [VERSION]: z.optional(z.string()),
  [EDITION]: z.optional(z.string()),
});
const ENVELOPE_FIELDS: readonly EnvelopeField[] = [RECORDED_AT, VERSION, EDITION];

/** A used key's value: a number (a count, a ratio) or a boolean (a setting). */
const valueSchema = z.union([z.number(), z.boolean()]);

function describe(value: unknown): ValueHolds {
  if (typeof value === 'string') return { type: 'text', text: value.length > 40 ? `${value.slice(0, 39)}…` : value };
  if (value === null) return { type: 'null', name: 'null' };
  if (Array.isArray(value)) return { type: 'list', name: 'a list' };
  return typeof value === 'object' ? { type: 'object', name: 'an object' } : { type: 'other', name: typeof value };
}

function lookup(root: Record<string, unknown>, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = Object.prototype.hasOwnProperty.call(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function listed(items: readonly string[], max = 4): string {
  return items.length <= max ? items.join('; ') : `${items.slice(0, max).join('; ')}; and ${items.length - max} more`;
}

/**
 * Reads a payload's text into a snapshot holding only `keys` (plus recorded_at, version, edition,
 * license_plan). Identifying keys are never kept, even when asked for.
 */
export function parsePayload(text: string, options: { keys: readonly string[]; now: Date }): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/^JSON\.parse: /, '') : String(err);
    return payloadFailure({ code: 'not-json', detail });
  }
  if (!isObject(json) || (!(RECORDED_AT in json) && !('counts' in json))) return payloadFailure({ code: 'not-service-ping' });
  if (!(RECORDED_AT in json)) return payloadFailure({ code: 'no-recorded-at' });
  if (!isObject(json.counts)) return payloadFailure({ code: 'no-counts' });
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const fields = ENVELOPE_FIELDS.filter((f) => envelope.error.issues.some((i) => i.path[0] === f));
    return payloadFailure({ code: 'bad-fields', fields });
  }
  const recordedText = envelope.data[RECORDED_AT];
  const recorded = parseRecordedAt(recordedText);
  if (!recorded) return payloadFailure({ code: 'recorded-at-not-date', text: recordedText.slice(0, 40) });
  const recordedAt = recorded.toISOString();
  // A few minutes of slack for clocks that disagree; a day ahead is a wrong date, not a skew.
  if (recorded.getTime() > options.now.getTime() + 10 * 60_000) {
    return payloadFailure({ code: 'future', date: recordedAt.slice(0, 10) });
  }

  const problems: ValueProblem[] = [];
  const unavailable: Unavailable[] = [];
  const metrics: Record<string, MetricValue> = {};
  const edition = short(envelope.data[EDITION]);
  const ce = edition === 'CE';
  for (const path of new Set(options.keys)) {
    if (isIdentifying(path) || path === RECORDED_AT || path === VERSION || path === EDITION || path === LICENSE_PLAN) continue;
    const raw = lookup(json, path);
    if (raw === undefined || raw === null) {
      unavailable.push({ path, reason: absentReason(path, ce) });
      continue;
    }
    const value = valueSchema.safeParse(raw);
    if (!value.success) {
      problems.push({ path, kind: 'not-a-value', holds: describe(raw) });
      continue;
    }
    if (typeof value.data === 'number') {
      if (!Number.isFinite(value.data)) {
        problems.push({ path, kind: 'not-finite' });
        continue;
      }
      if (value.data < 0) {
        const fallback = ERROR_FALLBACKS[value.data];
        if (!fallback) {
          problems.push({ path, kind: 'negative', value: value.data });
          continue;
        }
        unavailable.push({ path, reason: fallback });
      }
    }
    metrics[path] = value.data;
  }
  if (problems.length) return payloadFailure({ code: 'values', values: problems });

  const snapshot: UsageSnapshot = { recordedAt, date: recordedAt.slice(0, 10), metrics };
  const version = short(envelope.data[VERSION]);
  if (version) snapshot.version = version;
  if (edition) snapshot.edition = edition;
  const plan = lookup(json, LICENSE_PLAN);
  if (typeof plan === 'string' && /^[a-z_]{1,40}$/.test(plan)) snapshot.plan = plan;
  return { ok: true, snapshot, unavailable };
}

/** A short one-line text (version, edition), or undefined. */
function short(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && v.length <= 60 && !/[\r\n]/.test(v) ? v : undefined;
}

function absentReason(path: string, ce: boolean): string {
  if (isEeOnly(path)) return ce ? 'EE-only, not sent by a CE instance' : 'not in this payload (an EE metric this instance did not send)';
  return 'not in this payload (older GitLab version?)';
}

/** Why a value in a snapshot cannot be used, or undefined when it can. */
export function unavailableReason(snapshot: UsageSnapshot, path: string): string | undefined {
  const value = snapshot.metrics[path];
  if (value === undefined) return absentReason(path, snapshot.edition === 'CE');
  if (typeof value === 'number' && value < 0) return ERROR_FALLBACKS[value] ?? `error value ${value}`;
  return undefined;
}

/** The value as a number (true = 1, false = 0), or undefined when unavailable. */
export function metricNumber(snapshot: UsageSnapshot, path: string): number | undefined {
  const value = snapshot.metrics[path];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value < 0 ? undefined : value;
}

/**
 * The snapshot as the file Call Coach stores: a trimmed payload (the same nesting as GitLab's), so
 * it reads back through parsePayload. Keys sorted, so the same payload always gives the same bytes.
 */
export function snapshotJson(snapshot: UsageSnapshot): string {
  const root: Record<string, unknown> = { [RECORDED_AT]: snapshot.recordedAt };
  if (snapshot.version) root[VERSION] = snapshot.version;
  if (snapshot.edition) root[EDITION] = snapshot.edition;
  if (snapshot.plan) root[LICENSE_PLAN] = snapshot.plan;
  root.counts ??= {};
  for (const [path, value] of Object.entries(snapshot.metrics)) {
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (isObject(next) ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return `${JSON.stringify(sortKeys(root), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

/** The stored file's name: the payload's recorded_at date. */
export function snapshotFileName(snapshot: Pick<UsageSnapshot, 'date'>): string {
  return `${snapshot.date}.json`;
}
