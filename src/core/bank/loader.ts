// Turns the text of one YAML bank into a validated Bank, or into problems that name the exact
// line, column and schema path, so a CSM or team lead can fix the file without guessing.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { bankSchema, overridesFileSchema, playbookSchema, type Bank, type OverridesFile, type Playbook } from './schema';

/** Banks are small hand-written files; anything larger is a mistake or an attack. */
export const MAX_BANK_BYTES = 1024 * 1024;
/** Banks have no reason to use aliases much; this stops "billion laughs" expansion early. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than any legitimate bank; guards the validator against pathological nesting. */
const MAX_DEPTH = 24;

export interface Position {
  /** 1-based, as editors and people count. */
  line: number;
  col: number;
}

export interface BankProblem {
  file: string;
  message: string;
  /** Dotted schema path (`prompts.3.hint`), empty for file-level problems. */
  path: string;
  start: Position;
  end: Position;
  severity: 'error' | 'warning';
}

const TOP: Position = { line: 1, col: 1 };

function depthOf(value: unknown, limit: number): number {
  // Iterative so that a deliberately deep file cannot overflow the stack here.
  const stack: [unknown, number][] = [[value, 1]];
  let max = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Where in the file a schema path points: the deepest existing node along it. */
function rangeOf(doc: Document, path: PropertyKey[], lines: LineCounter): { start: Position; end: Position } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
    if (isNode(node) && node.range) {
      return { start: toPos(lines, node.range[0]), end: toPos(lines, node.range[1]) };
    }
  }
  return { start: TOP, end: TOP };
}

/** For an unknown key, point at the key itself rather than the whole mapping. */
function keyRange(doc: Document, path: PropertyKey[], key: string, lines: LineCounter) {
  const map = path.length ? doc.getIn(path as (string | number)[], true) : doc.contents;
  if (isMap(map)) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) {
      return { start: toPos(lines, pair.key.range[0]), end: toPos(lines, pair.key.range[1]) };
    }
  }
  return rangeOf(doc, path, lines);
}

function toPos(lines: LineCounter, offset: number): Position {
  const p = lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/** yaml's pretty errors end their first line with " at line L, column C:"; we report those separately. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return `missing required key "${String(issue.path[issue.path.length - 1])}"`;
  }
  return issue.message;
}

export interface Range {
  start: Position;
  end: Position;
}

export type LoadResult = { ok: true; bank: Bank; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

/** A team file is a bank or a list of overrides (`kind: overrides`); see overridesFileSchema. */
export type BankFileContent =
  | { type: 'bank'; bank: Bank; /** Where its `id` is, for problems about the bank as a whole. */ idRange: Range }
  | { type: 'overrides'; overrides: OverridesFile; idRange: Range; /** Per entry: the entry's `prompt` key, for problems applying it. */ entryRanges: Range[] }
  | { type: 'playbook'; playbook: Playbook; idRange: Range; /** Per technique id, for "no such technique" warnings. */ techniqueRanges: Range[] };

export type LoadFileResult = { ok: true; content: BankFileContent; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

type Parsed = { ok: true; data: unknown; doc: Document; lines: LineCounter; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

/** YAML text to plain data, with size, encoding, alias and depth guards. Never throws. */
function parse(file: string, text: string): Parsed {
  const fail = (message: string): Parsed => ({ ok: false, problems: [{ file, message, path: '', start: TOP, end: TOP, severity: 'error' }] });
  if (text.length > MAX_BANK_BYTES) {
    return fail(`file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a question bank must be under 1 MB, so split it into several banks`);
  }
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return fail('file is not valid UTF-8 text (binary data or another encoding); save it as UTF-8');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, strict: true, logLevel: 'error' });
  const yamlProblem = (e: (typeof doc.errors)[number] | (typeof doc.warnings)[number]): BankProblem => ({
    file,
    message: `YAML: ${firstLine(e.message)}`,
    path: '',
    start: e.linePos?.[0] ?? TOP,
    end: e.linePos?.[1] ?? e.linePos?.[0] ?? TOP,
    severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
  });
  if (doc.errors.length) return { ok: false, problems: [...doc.errors, ...doc.warnings].map(yamlProblem) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(/alias/i.test(message) ? `YAML: too many aliases (${message}); write the values out instead` : `YAML: ${message}`);
  }
  if (data === null || data === undefined) return fail('the bank is empty; it needs id, kind, title, summary, source and prompts');
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) return fail(`the bank is nested deeper than ${MAX_DEPTH} levels; no bank needs that`);
  return { ok: true, data, doc, lines, warnings: doc.warnings.map(yamlProblem) };
}

/** Schema issues as positioned problems: unknown keys point at the key, the rest at the value. */
function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[], doc: Document, lines: LineCounter): BankProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          file,
          message: `unknown key "${key}"; check the spelling or remove it`,
          path: [...issue.path, key].join('.'),
          ...keyRange(doc, issue.path, key, lines),
          severity: 'error' as const,
        }))
      : [{ file, message: describeIssue(issue), path: issue.path.join('.'), ...rangeOf(doc, issue.path, lines), severity: 'error' as const }],
  );
}

/**
 * Parses and validates one bank. Never throws: every failure becomes a positioned problem.
 * @param file name used in messages (a path or URI string)
 */
export function loadBank(file: string, text: string): LoadResult {
  const parsed = parse(file, text);
  if (!parsed.ok) return parsed;
  const result = bankSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, parsed.doc, parsed.lines) };
  return { ok: true, bank: result.data, warnings: parsed.warnings };
}

/** Like loadBank, but also accepts a file of team overrides (`kind: overrides`). */
export function loadBankFile(file: string, text: string): LoadFileResult {
  const parsed = parse(file, text);
  if (!parsed.ok) return parsed;
  const { data, doc, lines, warnings } = parsed;
  const idRange = rangeOf(doc, ['id'], lines);
  if (data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'overrides') {
    const result = overridesFileSchema.safeParse(data);
    if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, doc, lines) };
    const entryRanges = result.data.overrides.map((_, i) => rangeOf(doc, ['overrides', i, 'prompt'], lines));
    return { ok: true, content: { type: 'overrides', overrides: result.data, idRange, entryRanges }, warnings };
  }
  if (data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'playbook') {
    const result = playbookSchema.safeParse(data);
    if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, doc, lines) };
    const techniqueRanges = result.data.techniques.map((_, i) => rangeOf(doc, ['techniques', i], lines));
    return { ok: true, content: { type: 'playbook', playbook: result.data, idRange, techniqueRanges }, warnings };
  }
  const result = bankSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, doc, lines) };
  return { ok: true, content: { type: 'bank', bank: result.data, idRange }, warnings };
}
