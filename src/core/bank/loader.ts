// Turns the text of one YAML bank into a validated Bank, or into problems that name the exact
// line, column and schema path, so a CSM or team lead can fix the file without guessing.
import { deref, getPair, parseYaml, toJS, type YamlNode } from '../yaml/parse';
import type * as z from 'zod/mini';
import { bankIssueOf, type BankIssue } from './issues';
import { bankSchema, overridesFileSchema, playbookSchema, type Bank, type OverridesFile, type Playbook } from './schema';

export type { BankIssue } from './issues';

/** Banks are small hand-written files; anything larger is a mistake or an attack. */
export const MAX_BANK_BYTES = 1024 * 1024;
/**
 * Banks have little reason to use aliases; this stops "billion laughs" expansion before it starts:
 * the most values that expanding a bank's aliases may repeat.
 */
const MAX_ALIAS_VALUES = 10_000;
/** Deeper than any legitimate bank; guards the validator against pathological nesting. */
const MAX_DEPTH = 24;
/**
 * The pre-parse nesting guard's limit (parseYaml's maxLexedDepth): nesting estimated from the
 * lexer's tokens before composing may count as little as half of the real depth, hence twice
 * MAX_DEPTH. The exact check is on the data, below.
 */
const MAX_LEXED_DEPTH = 2 * MAX_DEPTH;

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
  /** What `message` says, as a code and its facts, for the extension to word in the display language. */
  issue?: BankIssue;
}

const TOP: Position = { line: 1, col: 1 };

/** The path to the first value nested deeper than `limit` (searching from the end), if any. */
function tooDeep(value: unknown, limit: number): PropertyKey[] | undefined {
  // Iterative so that a deliberately deep file cannot overflow the stack here. Only collections
  // are stacked with their path, so a wide file costs one visit per value and no path copies.
  if (limit < 1) return [];
  const stack: [object, PropertyKey[]][] = value && typeof value === 'object' ? [[value, []]] : [];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    const key = (k: string): PropertyKey => (Array.isArray(v) ? Number(k) : k);
    const keys = Object.keys(v);
    // Its values are one level deeper: all of them too deep, or none (the last one is reported).
    if (keys.length && path.length + 2 > limit) return [...path, key(keys[keys.length - 1]!)];
    for (const k of keys) {
      const child = (v as Record<string, unknown>)[k];
      if (child && typeof child === 'object') stack.push([child, [...path, key(k)]]);
    }
  }
  return undefined;
}

type Positions = (offset: number) => Position;

/** The node a path leads to, or the deepest node along it that exists (with how far it got). */
function nodeAt(root: YamlNode | null, path: readonly PropertyKey[]): { node: YamlNode | null; depth: number } {
  let node = root;
  let depth = 0;
  for (const key of path) {
    const t = node && deref(node);
    const next = t?.kind === 'map' ? getPair(t, String(key))?.value : t?.kind === 'seq' && typeof key === 'number' ? t.items[key] : undefined;
    if (!next) break;
    node = next;
    depth++;
  }
  return { node, depth };
}

/** Where in the file a schema path points: the deepest existing node along it. */
function rangeOf(root: YamlNode | null, path: readonly PropertyKey[], pos: Positions): Range {
  const { node } = nodeAt(root, path);
  return node ? { start: pos(node.range[0]), end: pos(node.range[1]) } : { start: TOP, end: TOP };
}

/** For an unknown key, point at the key itself rather than the whole mapping. */
function keyRange(root: YamlNode | null, path: readonly PropertyKey[], key: string, pos: Positions): Range {
  const { node, depth } = nodeAt(root, path);
  const pair = depth === path.length ? getPair(node, key) : undefined;
  return pair ? { start: pos(pair.keyNode.range[0]), end: pos(pair.keyNode.range[1]) } : rangeOf(root, path, pos);
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
  | {
      type: 'overrides';
      overrides: OverridesFile;
      idRange: Range;
      /** Per entry: the entry's `prompt` key, for problems applying it. */
      entryRanges: Range[];
      /** Per criteria entry: its `criterion` key. */
      criterionRanges: Range[];
    }
  | { type: 'playbook'; playbook: Playbook; idRange: Range; /** Per technique id, for "no such technique" warnings. */ techniqueRanges: Range[] };

export type LoadFileResult = { ok: true; content: BankFileContent; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

type Parsed = { ok: true; data: unknown; root: YamlNode | null; pos: Positions; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

/** YAML text to plain data, with size, encoding, alias and depth guards. Never throws. */
function parse(file: string, text: string): Parsed {
  const fail = (message: string, issue: BankIssue, start = TOP, end = start, path = ''): Parsed => ({ ok: false, problems: [{ file, message, path, start, end, severity: 'error', issue }] });
  if (text.length > MAX_BANK_BYTES) {
    const megabytes = (text.length / 1024 / 1024).toFixed(1);
    return fail(`file is ${megabytes} MB; a question bank must be under 1 MB, so split it into several banks`, { code: 'too-big', megabytes });
  }
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return fail('file is not valid UTF-8 text (binary data or another encoding); save it as UTF-8', { code: 'not-utf8' });
  }
  const doc = parseYaml(text, { maxLexedDepth: MAX_LEXED_DEPTH });
  const pos = doc.linePos;
  if (!doc.ok) {
    const deep = doc.errors.find((e) => e.tooDeep);
    if (deep) {
      const at = pos(deep.range[0]);
      return fail(`the bank is nested deeper than ${MAX_DEPTH} levels (here, line ${at.line}); no bank needs that`, { code: 'too-deep', levels: MAX_DEPTH, line: at.line }, at);
    }
    return fail(`YAML: ${doc.error.message}`, { code: 'yaml', detail: doc.error.message }, pos(doc.error.range[0]), pos(doc.error.range[1]));
  }
  if (doc.aliasValues > MAX_ALIAS_VALUES) {
    // Point at the first alias: that is where to start writing the values out.
    const at = pos(doc.aliases[0]!.range[0]);
    return fail(`YAML: too many aliases (expanding them would repeat more than ${MAX_ALIAS_VALUES} values); write the values out instead`, { code: 'too-many-aliases', max: MAX_ALIAS_VALUES }, at);
  }
  const data = toJS(doc.root);
  if (data === null || data === undefined) return fail('the bank is empty; it needs id, kind, title, summary, source and prompts', { code: 'empty-file' });
  const deepPath = tooDeep(data, MAX_DEPTH);
  if (deepPath) {
    const range = rangeOf(doc.root, deepPath, pos);
    return fail(`the bank is nested deeper than ${MAX_DEPTH} levels (here, line ${range.start.line}); no bank needs that`, { code: 'too-deep', levels: MAX_DEPTH, line: range.start.line }, range.start, range.end, deepPath.join('.'));
  }
  return { ok: true, data, root: doc.root, pos, warnings: [] };
}

/** Schema issues as positioned problems: unknown keys point at the key, the rest at the value. */
function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[], root: YamlNode | null, pos: Positions, data: unknown): BankProblem[] {
  return issues.flatMap((issue): BankProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        message: `unknown key "${key}"; check the spelling or remove it`,
        path: [...issue.path, key].join('.'),
        ...keyRange(root, issue.path, key, pos),
        severity: 'error',
        issue: { code: 'unknown-key', key },
      }));
    }
    const worded = bankIssueOf(issue, data);
    return [{ file, message: describeIssue(issue), path: issue.path.join('.'), ...rangeOf(root, issue.path, pos), severity: 'error', ...(worded ? { issue: worded } : {}) }];
  });
}

/**
 * Parses and validates one bank. Never throws: every failure becomes a positioned problem.
 * @param file name used in messages (a path or URI string)
 */
export function loadBank(file: string, text: string): LoadResult {
  const parsed = parse(file, text);
  if (!parsed.ok) return parsed;
  const result = bankSchema.safeParse(parsed.data);
  if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, parsed.root, parsed.pos, parsed.data) };
  return { ok: true, bank: result.data, warnings: parsed.warnings };
}

/** Like loadBank, but also accepts a file of team overrides (`kind: overrides`). */
export function loadBankFile(file: string, text: string): LoadFileResult {
  const parsed = parse(file, text);
  if (!parsed.ok) return parsed;
  const { data, root, pos, warnings } = parsed;
  const idRange = rangeOf(root, ['id'], pos);
  if (data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'overrides') {
    const result = overridesFileSchema.safeParse(data);
    if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, root, pos, data) };
    const entryRanges = result.data.overrides.map((_, i) => rangeOf(root, ['overrides', i, 'prompt'], pos));
    const criterionRanges = result.data.criteria.map((_, i) => rangeOf(root, ['criteria', i, 'criterion'], pos));
    return { ok: true, content: { type: 'overrides', overrides: result.data, idRange, entryRanges, criterionRanges }, warnings };
  }
  if (data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'playbook') {
    const result = playbookSchema.safeParse(data);
    if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, root, pos, data) };
    const techniqueRanges = result.data.techniques.map((_, i) => rangeOf(root, ['techniques', i], pos));
    return { ok: true, content: { type: 'playbook', playbook: result.data, idRange, techniqueRanges }, warnings };
  }
  const result = bankSchema.safeParse(data);
  if (!result.success) return { ok: false, problems: schemaProblems(file, result.error.issues, root, pos, data) };
  return { ok: true, content: { type: 'bank', bank: result.data, idRange }, warnings };
}
