// Turns the text of one YAML bank into a validated Bank, or into problems that name the exact
// line, column and schema path, so a CSM or team lead can fix the file without guessing.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { bankSchema, type Bank } from './schema';

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

export type LoadResult = { ok: true; bank: Bank; warnings: BankProblem[] } | { ok: false; problems: BankProblem[] };

const TOP: Position = { line: 1, col: 1 };

function fileProblem(file: string, message: string): LoadResult {
  return { ok: false, problems: [{ file, message, path: '', start: TOP, end: TOP, severity: 'error' }] };
}

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

/**
 * Parses and validates one bank. Never throws: every failure becomes a positioned problem.
 * @param file name used in messages (a path or URI string)
 */
export function loadBank(file: string, text: string): LoadResult {
  if (text.length > MAX_BANK_BYTES) {
    return fileProblem(file, `file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a question bank must be under 1 MB, so split it into several banks`);
  }
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return fileProblem(file, 'file is not valid UTF-8 text (binary data or another encoding); save it as UTF-8');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, strict: true, logLevel: 'error' });
  const syntax = [...doc.errors, ...doc.warnings];
  if (doc.errors.length) {
    return {
      ok: false,
      problems: syntax.map((e) => ({
        file,
        message: `YAML: ${firstLine(e.message)}`,
        path: '',
        start: e.linePos?.[0] ?? TOP,
        end: e.linePos?.[1] ?? e.linePos?.[0] ?? TOP,
        severity: e.name === 'YAMLWarning' ? 'warning' : 'error',
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fileProblem(file, /alias/i.test(message) ? `YAML: too many aliases (${message}); write the values out instead` : `YAML: ${message}`);
  }
  if (data === null || data === undefined) return fileProblem(file, 'the bank is empty; it needs id, kind, title, summary, source and prompts');
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) return fileProblem(file, `the bank is nested deeper than ${MAX_DEPTH} levels; no bank needs that`);

  const parsed = bankSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({
              file,
              message: `unknown key "${key}"; check the spelling or remove it`,
              path: [...issue.path, key].join('.'),
              ...keyRange(doc, issue.path, key, lines),
              severity: 'error' as const,
            }))
          : [{ file, message: describeIssue(issue), path: issue.path.join('.'), ...rangeOf(doc, issue.path, lines), severity: 'error' as const }],
      ),
    };
  }
  const warnings: BankProblem[] = doc.warnings.map((w) => ({
    file,
    message: `YAML: ${firstLine(w.message)}`,
    path: '',
    start: w.linePos?.[0] ?? TOP,
    end: w.linePos?.[1] ?? w.linePos?.[0] ?? TOP,
    severity: 'warning',
  }));
  return { ok: true, bank: parsed.data, warnings };
}
