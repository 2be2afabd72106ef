// "Customer since": the month the customer bought GitLab, which license utilization is judged by
// (account age). Kept in the success plan's front matter as `customerSince: "YYYY-MM"`, a key the
// plan roll-up leaves alone, so the CSM can also correct it by hand.
import { yamlProperty } from '../note/frontMatter';
import { getPair, parseYaml, toJS } from '../yaml/parse';

export const CUSTOMER_SINCE_KEY = 'customerSince';
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** Why a typed month is not usable, or undefined; `today` (YYYY-MM-DD) bounds it. `words`: the host passes its display language's. */
export function monthProblem(s: string, today: string, words = { format: 'Write the month as YYYY-MM, e.g. 2025-06.', future: 'That month is in the future.' }): string | undefined {
  if (!isMonth(s.trim())) return words.format;
  if (s.trim() > today.slice(0, 7)) return words.future;
  return undefined;
}

const FENCE = /^---[ \t]*\r?$/;

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

/** The plan's customerSince, when it has a usable one. */
export function readCustomerSince(planText: string | undefined): string | undefined {
  const fm = planText === undefined ? undefined : frontMatter(planText);
  if (!fm) return undefined;
  const doc = parseYaml(fm.block);
  if (!doc.ok) return undefined;
  const pair = getPair(doc.root, CUSTOMER_SINCE_KEY);
  const value = pair ? toJS(pair.value) : undefined;
  return typeof value === 'string' && isMonth(value) ? value : undefined;
}

/**
 * The plan text with customerSince set (replaced in place, or added at the end of the front
 * matter; a plan without front matter, or no plan yet, gets one). Every other byte stays.
 * Undefined when the front matter cannot be read: the plan is then left for the CSM to fix.
 */
export function withCustomerSince(planText: string | undefined, month: string): string | undefined {
  const line = yamlProperty(CUSTOMER_SINCE_KEY, month);
  if (planText === undefined || planText === '') return `---\n${line}\n---\n`;
  const fm = frontMatter(planText);
  const eol = planText.includes('\r\n') ? '\r\n' : '\n';
  if (!fm) {
    const bom = planText.startsWith('\ufeff') ? '\ufeff' : '';
    return `${bom}---${eol}${line}${eol}---${eol}${planText.slice(bom.length)}`;
  }
  const doc = parseYaml(fm.block);
  if (!doc.ok || (doc.root !== null && doc.root.kind !== 'map')) return undefined;
  const pair = getPair(doc.root, CUSTOMER_SINCE_KEY);
  let block: string;
  if (pair) block = fm.block.slice(0, pair.keyNode.range[0]) + line + fm.block.slice(pair.value.range[1]);
  else block = `${fm.block}${fm.block === '' || fm.block.endsWith('\n') ? '' : eol}${line}${eol}`;
  const text = planText.slice(0, fm.start) + block + planText.slice(fm.end);
  return readCustomerSince(text) === month ? text : undefined;
}
