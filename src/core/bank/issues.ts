// What is wrong in a bank file, as a code and the facts the sentence is made of. Core's problems
// keep their English `message` (the CLI, the log); the extension words `issue` in the display
// language (host/bankIssueText.ts), as it does for coverage gaps. A problem without an issue (the
// YAML parser's own words, an unexpected validator message) is shown as its message.
import type * as z from 'zod/mini';

export type BankIssue =
  // The file as a whole (loader.ts).
  | { code: 'too-big'; megabytes: string }
  | { code: 'not-utf8' }
  | { code: 'too-deep'; levels: number; line: number }
  | { code: 'yaml'; detail: string }
  | { code: 'too-many-aliases'; max: number }
  | { code: 'empty-file' }
  // A value against the schema (schema.ts, through the validator).
  | { code: 'missing-key'; key: string }
  | { code: 'unknown-key'; key: string }
  | { code: 'wrong-type'; expected: string; received: ValueKind }
  | { code: 'not-one-of'; values: string[] }
  | { code: 'empty' }
  | { code: 'too-long'; max: number }
  /** A list with fewer than `min` entries; `key` is the list's own key (prompts, choices…). */
  | { code: 'too-few'; key: string; min: number }
  | { code: 'below'; min: number }
  | { code: 'above'; max: number }
  | { code: 'format'; format: 'id' | 'placeholder-name' | 'metric-key' | 'https-url' }
  | { code: 'single-line' }
  | { code: 'choices-missing' }
  | { code: 'choices-unused'; answer: string }
  | { code: 'placeholder-undeclared'; name: string }
  | { code: 'placeholder-unused'; name: string }
  | { code: 'group-unknown'; group: string }
  | { code: 'at-least-too-many'; atLeast: number; pool: number }
  | { code: 'stage-missing' }
  | { code: 'adoption-missing' }
  | { code: 'stage-not-allowed' }
  | { code: 'adoption-not-allowed' }
  | { code: 'duplicate-id'; id: string; first: string }
  | { code: 'duplicate-criterion'; id: string }
  | { code: 'override-changes-nothing'; fields: string[] }
  | { code: 'criterion-override-changes-nothing' }
  | { code: 'overrides-empty' }
  | { code: 'override-duplicate'; prompt: string; first: number }
  // Files against each other (catalog.ts, overrides.ts).
  | { code: 'id-taken'; id: string; by: string; isBank: boolean }
  | { code: 'technique-unknown'; id: string }
  | { code: 'override-bank-unknown'; bank: string }
  | { code: 'override-prompt-unknown'; prompt: string; bank?: string }
  | { code: 'override-prompt-ambiguous'; prompt: string; banks: string[] }
  | { code: 'override-when-on-main'; prompt: string; bank: string }
  /** The prompt an override made is not valid: each reason with its path in the prompt. */
  | { code: 'override-invalid'; prompt: string; bank: string; reasons: { path: string; issue?: BankIssue; message: string }[] }
  | { code: 'criterion-unknown'; criterion: string };

/** What a value was, for "expected a number, found text". */
export type ValueKind = 'nothing' | 'null' | 'text' | 'number' | 'boolean' | 'list' | 'mapping';

/** The zod issue's `params` that carry a BankIssue (custom checks in schema.ts). */
export const issueParams = (issue: BankIssue): { params: { bankIssue: BankIssue } } => ({ params: { bankIssue: issue } });

function kindOf(value: unknown): ValueKind {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'mapping';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The patterns schema.ts checks text against; an issue names the pattern it failed, so its format is known. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLACEHOLDER_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;
export const METRIC_KEY_PATTERN = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;
const FORMATS: ReadonlyMap<string, Extract<BankIssue, { code: 'format' }>['format']> = new Map([
  [String(ID_PATTERN), 'id'],
  [String(PLACEHOLDER_NAME_PATTERN), 'placeholder-name'],
  [String(METRIC_KEY_PATTERN), 'metric-key'],
]);

/**
 * A validator issue as a BankIssue, or undefined when it is of a kind not worded here. `data` is
 * what was validated (for what a value of the wrong type was).
 */
export function bankIssueOf(issue: z.core.$ZodIssue, data: unknown): BankIssue | undefined {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      const received = kindOf(valueAt(data, issue.path));
      if (received === 'nothing') return { code: 'missing-key', key: String(last) };
      return { code: 'wrong-type', expected: issue.expected, received };
    }
    case 'invalid_value':
      return { code: 'not-one-of', values: issue.values.map(String) };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'empty' };
      if (issue.origin === 'array') return { code: 'too-few', key: String(last), min: Number(issue.minimum) };
      if (issue.origin === 'number' || issue.origin === 'int') return { code: 'below', min: Number(issue.minimum) };
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too-long', max: Number(issue.maximum) };
      if (issue.origin === 'number' || issue.origin === 'int') return { code: 'above', max: Number(issue.maximum) };
      return undefined;
    case 'invalid_format': {
      if (issue.format === 'url') return { code: 'format', format: 'https-url' };
      const format = issue.pattern === undefined ? undefined : FORMATS.get(issue.pattern);
      return format ? { code: 'format', format } : undefined;
    }
    case 'invalid_key':
      // A record's key (a placeholder name) failed its own check: that check says what is wrong.
      return issue.issues[0] ? bankIssueOf(issue.issues[0], undefined) : undefined;
    case 'custom': {
      const carried = issue.params?.bankIssue as BankIssue | undefined;
      return carried && typeof carried === 'object' && typeof carried.code === 'string' ? carried : undefined;
    }
    default:
      return undefined;
  }
}
