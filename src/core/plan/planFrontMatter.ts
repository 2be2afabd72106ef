// The success plan's front matter read and edited outside the roll-up, for what a call note cannot
// say: the month the customer bought GitLab (usage/customerSince.ts), and the customer's name
// before any call (typed at Import Usage Data; the roll-up names a customer from its newest note,
// and keeps this name while there is none). One key changed in place, every other byte kept.
import { yamlProperty } from '../note/frontMatter';
import { PLAN_FILE, type NotesFolder } from '../notesFolder';
import { getPair, parseYaml, toJS } from '../yaml/parse';

const FENCE = /^---[ \t]*\r?$/;
const decoder = new TextDecoder('utf-8');

/** The plan's text, or undefined when there is no plan (or it cannot be read). */
export async function planText(notes: NotesFolder, customer: string): Promise<string | undefined> {
  try {
    return decoder.decode(await notes.read([customer, PLAN_FILE]));
  } catch {
    return undefined;
  }
}

function frontMatter(text: string): { start: number; end: number; block: string } | undefined {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const offset = text.length - body.length;
  const lines = body.split('\n');
  if (!lines.length || !FENCE.test(lines[0]!)) return undefined;
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) return undefined;
  const start = offset + lines[0]!.length + 1;
  const end = offset + lines.slice(0, close).reduce((n, l) => n + l.length + 1, 0);
  return { start, end, block: text.slice(start, end) };
}

/** A front matter key's value (as YAML reads it); undefined without one, or when the front matter does not read. */
export function planFrontMatterValue(planText: string | undefined, key: string): unknown {
  const fm = planText === undefined ? undefined : frontMatter(planText);
  if (!fm) return undefined;
  const doc = parseYaml(fm.block);
  if (!doc.ok) return undefined;
  const pair = getPair(doc.root, key);
  return pair ? toJS(pair.value) : undefined;
}

/**
 * The plan text with `key` set to `value` (replaced in place, or added at the end of the front
 * matter; a plan without front matter, or no plan yet, gets one). Every other byte stays.
 * Undefined when the front matter cannot be read: the plan is then left for the CSM to fix.
 */
export function withPlanFrontMatterValue(planText: string | undefined, key: string, value: string): string | undefined {
  const line = yamlProperty(key, value);
  if (planText === undefined || planText === '') return `---\n${line}\n---\n`;
  const fm = frontMatter(planText);
  const eol = planText.includes('\r\n') ? '\r\n' : '\n';
  if (!fm) {
    const bom = planText.startsWith('\ufeff') ? '\ufeff' : '';
    return `${bom}---${eol}${line}${eol}---${eol}${planText.slice(bom.length)}`;
  }
  const doc = parseYaml(fm.block);
  if (!doc.ok || (doc.root !== null && doc.root.kind !== 'map')) return undefined;
  const pair = getPair(doc.root, key);
  let block: string;
  if (pair) block = fm.block.slice(0, pair.keyNode.range[0]) + line + fm.block.slice(pair.value.range[1]);
  else block = `${fm.block}${fm.block === '' || fm.block.endsWith('\n') ? '' : eol}${line}${eol}`;
  const text = planText.slice(0, fm.start) + block + planText.slice(fm.end);
  return planFrontMatterValue(text, key) === value ? text : undefined;
}

/** The customer's name in the plan's front matter, when it has one (not empty). */
export function readPlanCustomer(planText: string | undefined): string | undefined {
  const value = planFrontMatterValue(planText, 'customer');
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The name of a customer folder without a readable call note: its plan's, else the folder's. */
export async function noCallCustomerName(notes: NotesFolder, customer: string): Promise<string> {
  return readPlanCustomer(await planText(notes, customer)) ?? customer;
}
