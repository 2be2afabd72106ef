// Turns the text of one YAML bank into a validated Bank, or into problems that name the exact
// line, column and schema path, so a CSM or team lead can fix the file without guessing.
import { CST, isMap, isNode, isScalar, Lexer, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { bankSchema, overridesFileSchema, playbookSchema, type Bank, type OverridesFile, type Playbook } from './schema';

/** Banks are small hand-written files; anything larger is a mistake or an attack. */
export const MAX_BANK_BYTES = 1024 * 1024;
/** Banks have no reason to use aliases much; this stops "billion laughs" expansion early. */
const MAX_ALIAS_COUNT = 100;
/** Deeper than any legitimate bank; guards the validator against pathological nesting. */
const MAX_DEPTH = 24;
/**
 * The pre-parse nesting guard's limit. yaml composes nested collections recursively: a thousand
 * levels overflow the stack ("Maximum call stack size exceeded"), and tens of thousands (a 40 KB
 * file of `[`) can abort the whole process in V8's regexp compiler. The lexer is iterative, so
 * nesting is estimated from its tokens before parsing; the estimate may count up to half of the
 * real depth, hence twice MAX_DEPTH, far below where the stack is at risk.
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
}

const TOP: Position = { line: 1, col: 1 };

/** The path to the first value nested deeper than `limit`, if any. */
function tooDeep(value: unknown, limit: number): PropertyKey[] | undefined {
  // Iterative so that a deliberately deep file cannot overflow the stack here.
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (path.length + 1 > limit) return path;
    if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]]);
  }
  return undefined;
}

/**
 * Where nesting first passes `limit`, estimated from the lexer's tokens without parsing: open flow
 * brackets, plus block levels (a stack of the columns lines start at, and each further `-` or `?`
 * on a line). Returns the offset of that token, or undefined.
 */
function deepNestingAt(text: string, limit: number): number | undefined {
  const levels: number[] = [];
  let flow = 0;
  let inline = 0;
  let offset = 0;
  let col = 0;
  let lineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // Markers the lexer adds (document start, flow error end, "a scalar follows") are not source.
    if (token === '\x02' || token === '\x18') continue;
    if (token === '\x1f') {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (flow === 0 && type !== 'space' && type !== 'newline' && type !== 'comment') {
      if (lineStart) {
        while (levels.length && levels[levels.length - 1]! >= col) levels.pop();
        levels.push(col);
        lineStart = false;
      } else if (type === 'seq-item-ind' || type === 'explicit-key-ind') inline++;
    }
    if (levels.length + inline + flow > limit) return offset;
    offset += token.length;
    const nl = token.lastIndexOf('\n');
    if (nl < 0) col += token.length;
    else {
      col = token.length - nl - 1;
      if (col === 0) {
        lineStart = true;
        inline = 0;
      }
    }
  }
  return undefined;
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

/** 1-based line and column of `offset` in `text`. */
function positionIn(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
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
  const deep = deepNestingAt(text, MAX_LEXED_DEPTH);
  if (deep !== undefined) {
    const at = positionIn(text, deep);
    return { ok: false, problems: [{ file, message: `the bank is nested deeper than ${MAX_DEPTH} levels (here, line ${at.line}); no bank needs that`, path: '', start: at, end: at, severity: 'error' }] };
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
    if (!/alias/i.test(message)) return fail(`YAML: ${message}`);
    // Point at the first alias: that is where to start writing the values out.
    let at = TOP;
    visit(doc, {
      Alias(_key, node) {
        if (node.range) at = toPos(lines, node.range[0]);
        return visit.BREAK;
      },
    });
    return { ok: false, problems: [{ file, message: `YAML: too many aliases (${message}); write the values out instead`, path: '', start: at, end: at, severity: 'error' }] };
  }
  if (data === null || data === undefined) return fail('the bank is empty; it needs id, kind, title, summary, source and prompts');
  const deepPath = tooDeep(data, MAX_DEPTH);
  if (deepPath) {
    const range = rangeOf(doc, deepPath, lines);
    return { ok: false, problems: [{ file, message: `the bank is nested deeper than ${MAX_DEPTH} levels (here, line ${range.start.line}); no bank needs that`, path: deepPath.join('.'), ...range, severity: 'error' }] };
  }
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
