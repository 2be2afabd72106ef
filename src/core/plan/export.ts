// A call, summarised for elsewhere: Markdown (for a wiki, an issue or an email), plain text (for a
// CRM note field: no Markdown syntax, wrapped at 80 columns) and its objectives as CSV (RFC 4180,
// for a spreadsheet or a CRM import). Pure.
//
// The summary holds what the account team needs, not the transcript: the call's facts, objectives
// (with owner, due date, status, horizon and value driver), pain points, metrics (the recorded
// baseline → target records, then answers tagged metric), stage adoption, use-case health, action
// items and follow-ups. Sections with nothing in them are left out.
//
// CSV: a header row, then one row per objective; CRLF line ends; a field is quoted when it holds a
// quote, comma, CR or LF, or starts or ends with a space. Against formula injection (a spreadsheet
// running `=HYPERLINK(…)` from a cell), a field starting with = + - @, a tab or a CR gets a leading
// `'`, which spreadsheets show as text.
import { escapeMarkdown, table } from '../markdown';
import { adoptionStatusLabels, answerTagTitles, healthLabels, objectiveStatusLabels, type AnswerTag, type CallNote } from '../note/model';
import { baselineToTarget, oneLine, percentText } from '../text';
import type { SuccessPlan } from './model';

export const exportFormats = ['markdown', 'text', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  /** Display name of a value driver id (from the value-drivers bank); the id when absent. */
  valueDriverName?: (id: string) => string;
  /** Display name of a stage id (the stage bank's title); the id when absent. */
  stageTitle?: (id: string) => string;
  /** Plain text line width; 80 by default. */
  width?: number;
}

function tagged(note: CallNote, tag: AnswerTag): string[] {
  return note.sections.flatMap((s) => s.entries.filter((e) => e.tags.includes(tag)).map((e) => oneLine(e.answer))).filter(Boolean);
}

/** The summary as neutral blocks, written out as Markdown or plain text below. */
interface Summary {
  title: string;
  facts: [string, string][];
  /** A table (Markdown) is written as `lines` in plain text. */
  blocks: { heading: string; bullets: string[]; table?: { header: string[]; rows: string[][]; lines: string[] } }[];
}

function summarise(note: CallNote, opts: ExportOptions): Summary {
  const driver = (id: string) => (id ? (opts.valueDriverName?.(id) ?? id) : '');
  const stage = (id: string) => opts.stageTitle?.(id) ?? id;
  const facts: [string, string][] = [
    ['Customer', note.customer],
    ['Date', note.date],
    ['Type', note.callType],
    ['Length', `${note.durationMinutes} min`],
  ];
  if (note.attendees.length) facts.push(['Attendees', note.attendees.join(', ')]);
  const blocks: Summary['blocks'] = [];
  const objectives = note.objectives.map((o) => {
    const details = [
      objectiveStatusLabels[o.status],
      o.owner && `owner ${o.owner}`,
      o.due && `due ${o.due}`,
      o.horizon !== null && `${o.horizon}-month horizon`,
      driver(o.valueDriver),
    ].filter((d): d is string => !!d);
    return `${oneLine(o.text)} (${details.join('; ')})`;
  });
  if (objectives.length) blocks.push({ heading: 'Objectives', bullets: objectives });
  const pains = tagged(note, 'pain-point');
  if (pains.length) blocks.push({ heading: answerTagTitles['pain-point'], bullets: pains });
  const metricAnswers = tagged(note, 'metric');
  if (note.metrics.length || metricAnswers.length) {
    blocks.push({
      heading: 'Metrics',
      bullets: metricAnswers,
      table: note.metrics.length
        ? {
            header: ['Metric', 'Value driver', 'Measured today', 'Baseline → target', 'Unit'],
            rows: note.metrics.map((m) => [oneLine(m.name || m.id), driver(m.valueDriver), oneLine(m.measuredHow), baselineToTarget(oneLine(m.baseline), oneLine(m.target)), oneLine(m.unit)]),
            lines: note.metrics.map((m) => {
              const values = baselineToTarget(oneLine(m.baseline), oneLine(m.target));
              const details = [m.measuredHow.trim() && `measured today: ${oneLine(m.measuredHow)}`, m.valueDriver && `value driver: ${driver(m.valueDriver)}`].filter(Boolean);
              return `${oneLine(m.name || m.id)}: ${values ? `${values}${m.unit.trim() ? ` ${oneLine(m.unit)}` : ''}` : 'no numbers yet'}${details.length ? ` (${details.join('; ')})` : ''}`;
            }),
          }
        : undefined,
    });
  }
  if (note.adoption.length) {
    blocks.push({
      heading: 'Stage adoption',
      bullets: [],
      table: {
        header: ['Stage', 'Teams using it', 'Criteria met', 'Status'],
        rows: note.adoption.map((a) => [stage(a.stage), percentText(a.percent), a.criteria.join(', '), adoptionStatusLabels[a.status]]),
        lines: note.adoption.map((a) => {
          const share = a.percent === null ? '' : `${percentText(a.percent)} of teams, `;
          return `${stage(a.stage)}: ${share}${adoptionStatusLabels[a.status]}${a.criteria.length ? ` (criteria met: ${a.criteria.join(', ')})` : ''}`;
        }),
      },
    });
  }
  if (note.health.length) {
    blocks.push({
      heading: 'Use-case health',
      bullets: [],
      table: {
        header: ['Use case', 'Health', 'Reason'],
        rows: note.health.map((h) => [oneLine(h.useCase), healthLabels[h.color], oneLine(h.reason)]),
        lines: note.health.map((h) => `${oneLine(h.useCase)}: ${healthLabels[h.color]}${h.reason.trim() ? `, ${oneLine(h.reason)}` : ''}`),
      },
    });
  }
  if (note.actionItems.length) blocks.push({ heading: 'Action items', bullets: note.actionItems.map((a) => `${oneLine(a.text)}${a.done ? ' (done)' : ''}`) });
  const followUps = tagged(note, 'follow-up');
  if (followUps.length) blocks.push({ heading: answerTagTitles['follow-up'], bullets: followUps });
  return { title: oneLine(note.title), facts, blocks };
}

export function summaryMarkdown(note: CallNote, opts: ExportOptions = {}): string {
  const s = summarise(note, opts);
  const out = [`## ${escapeMarkdown(s.title) || 'Call'}`, '', s.facts.map(([k, v]) => `**${k}:** ${escapeMarkdown(oneLine(v))}`).join(' · ')];
  for (const b of s.blocks) {
    out.push('', `### ${b.heading}`, '');
    if (b.table) out.push(...table(b.table.header, b.table.rows));
    if (b.table && b.bullets.length) out.push('');
    for (const item of b.bullets) out.push(`- ${escapeMarkdown(item)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Characters a CRM field should not get: controls, line/paragraph separators, bidi overrides, BOM. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const clean = (s: string) => oneLine(s.replace(UNPRINTABLE, ' '));

/** Greedy word wrap; `first` starts the first line, `indent` the others. Long words are not split. */
export function wrap(text: string, width: number, first = '', indent = ''): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ').filter(Boolean)) {
    if (!empty && [...line].length + 1 + [...word].length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

export function summaryPlainText(note: CallNote, opts: ExportOptions = {}): string {
  const width = Math.max(20, opts.width ?? 80);
  const s = summarise(note, opts);
  const out: string[] = [...wrap(clean(`Call summary: ${s.title || 'Call'}`), width)];
  for (const [k, v] of s.facts) out.push(...wrap(clean(v), width, `${k}: `, '  '));
  for (const b of s.blocks) {
    out.push('', `${b.heading}:`);
    for (const item of [...(b.table?.lines ?? []), ...b.bullets]) out.push(...wrap(clean(item), width, '- ', '  '));
  }
  return `${out.join('\n')}\n`;
}

/** One CSV field (RFC 4180), neutralised against spreadsheet formulas. */
export function csvField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^ | $/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const objectivesCsvHeader = ['Customer', 'Call date', 'Call', 'Objective', 'Status', 'Owner', 'Due', 'Horizon (months)', 'Value driver', 'Origin'];

export function objectivesCsv(note: CallNote, opts: ExportOptions = {}): string {
  const driver = (id: string) => (id ? (opts.valueDriverName?.(id) ?? id) : '');
  const rows = [
    objectivesCsvHeader,
    ...note.objectives.map((o) => [note.customer, note.date, note.title, o.text, objectiveStatusLabels[o.status], o.owner, o.due, o.horizon === null ? '' : String(o.horizon), driver(o.valueDriver), o.origin]),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function exportCall(note: CallNote, format: ExportFormat, opts: ExportOptions = {}): string {
  if (format === 'markdown') return summaryMarkdown(note, opts);
  if (format === 'text') return summaryPlainText(note, opts);
  return objectivesCsv(note, opts);
}

export const planObjectivesCsvHeader = ['Customer', 'Objective', 'Status', 'Owner', 'Due', 'Horizon (months)', 'Value driver', 'First discussed', 'Last discussed'];

/** Every objective of every plan, as last recorded (the plan's view): one CSV for the whole book. */
export function planObjectivesCsv(plans: Iterable<SuccessPlan>, opts: ExportOptions = {}): string {
  const driver = (id: string) => (id ? (opts.valueDriverName?.(id) ?? id) : '');
  const rows = [planObjectivesCsvHeader];
  for (const plan of plans) {
    for (const o of plan.objectives) rows.push([plan.customer, o.text, objectiveStatusLabels[o.status], o.owner, o.due, o.horizon === null ? '' : String(o.horizon), driver(o.valueDriver), o.first.date, o.last.date]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
