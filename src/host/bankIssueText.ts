// A bank problem in the display language, for the Problems panel. Core words it in English for the
// CLI and the log (core/bank/loader.ts, schema.ts, catalog.ts, overrides.ts) and keeps what the
// sentence is made of in `issue` (core/bank/issues.ts); a problem without one keeps its message.
import * as vscode from 'vscode';
import { assertNever } from '../core/assertNever';
import type { BankIssue, ValueKind } from '../core/bank/issues';
import type { BankProblem } from '../core/bank/loader';
import { displayNumber } from './displayFormat';

const n = (value: number) => displayNumber(value);

export function bankProblemText(p: Pick<BankProblem, 'message' | 'issue'>): string {
  return p.issue ? bankIssueText(p.issue) : p.message;
}

function valueKind(kind: ValueKind): string {
  switch (kind) {
    case 'nothing':
      return vscode.l10n.t('nothing');
    case 'null':
      return vscode.l10n.t('an empty value');
    case 'text':
      return vscode.l10n.t('text');
    case 'number':
      return vscode.l10n.t('a number');
    case 'boolean':
      return vscode.l10n.t('true or false');
    case 'list':
      return vscode.l10n.t('a list');
    case 'mapping':
      return vscode.l10n.t('a mapping (key: value lines)');
    default:
      return assertNever(kind);
  }
}

/** What a schema expected, as zod names it ("string", "int"…), in words. */
function expectedKind(expected: string): string {
  switch (expected) {
    case 'string':
      return vscode.l10n.t('text');
    case 'number':
      return vscode.l10n.t('a number');
    case 'int':
      return vscode.l10n.t('a whole number');
    case 'boolean':
      return vscode.l10n.t('true or false');
    case 'array':
      return vscode.l10n.t('a list');
    case 'object':
    case 'record':
      return vscode.l10n.t('a mapping (key: value lines)');
    default:
      return expected;
  }
}

/** "list at least one prompt": the lists whose minimum the schema explains, else in general. */
function tooFew(key: string, min: number): string {
  switch (key) {
    case 'prompts':
      return vscode.l10n.t('a bank needs at least one prompt');
    case 'choices':
      return vscode.l10n.t('give at least two choices');
    case 'criteria':
      return vscode.l10n.t('list at least one adoption criterion');
    case 'techniques':
      return vscode.l10n.t('list at least one technique');
    default:
      return min === 1 ? vscode.l10n.t('list at least one entry here') : vscode.l10n.t('list at least {0} entries here', n(min));
  }
}

function format(f: Extract<BankIssue, { code: 'format' }>['format']): string {
  switch (f) {
    case 'id':
      return vscode.l10n.t('use lower-case letters, digits and single dashes, e.g. "ted-tell"');
    case 'placeholder-name':
      return vscode.l10n.t('placeholder names are lower_snake_case');
    case 'metric-key':
      return vscode.l10n.t('metric keys are Service Ping key paths such as counts.merge_requests');
    case 'https-url':
      return vscode.l10n.t('must be an https:// URL');
    default:
      return assertNever(f);
  }
}

export function bankIssueText(issue: BankIssue): string {
  switch (issue.code) {
    case 'too-big':
      return vscode.l10n.t('file is {0} MB; a question bank must be under 1 MB, so split it into several banks', displayNumber(Number(issue.megabytes), { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    case 'not-utf8':
      return vscode.l10n.t('file is not valid UTF-8 text (binary data or another encoding); save it as UTF-8');
    case 'too-deep':
      return vscode.l10n.t('the bank is nested deeper than {0} levels (here, line {1}); no bank needs that', n(issue.levels), n(issue.line));
    case 'yaml':
      // The YAML parser's own words (English).
      return vscode.l10n.t('YAML: {0}', issue.detail);
    case 'too-many-aliases':
      return vscode.l10n.t('YAML: too many aliases (expanding them would repeat more than {0} values); write the values out instead', n(issue.max));
    case 'empty-file':
      return vscode.l10n.t('the bank is empty; it needs id, kind, title, summary, source and prompts');
    case 'missing-key':
      return vscode.l10n.t('missing required key "{0}"', issue.key);
    case 'unknown-key':
      return vscode.l10n.t('unknown key "{0}"; check the spelling or remove it', issue.key);
    case 'wrong-type':
      return vscode.l10n.t('expected {0}, found {1}', expectedKind(issue.expected), valueKind(issue.received));
    case 'not-one-of':
      // As the CLI says it (the validator's English), so a team reads the same words in both.
      return vscode.l10n.t('Invalid option: expected one of {0}', issue.values.map((v) => `"${v}"`).join('|'));
    case 'empty':
      return vscode.l10n.t('must not be empty');
    case 'too-long':
      return vscode.l10n.t('keep it under {0} characters', n(issue.max));
    case 'too-few':
      return tooFew(issue.key, issue.min);
    case 'below':
      return vscode.l10n.t('must be at least {0}', n(issue.min));
    case 'above':
      return vscode.l10n.t('must be at most {0}', n(issue.max));
    case 'format':
      return format(issue.format);
    case 'single-line':
      return vscode.l10n.t('must be a single line');
    case 'choices-missing':
      return vscode.l10n.t('a "choice" answer needs a list of choices');
    case 'choices-unused':
      return vscode.l10n.t('choices only apply when answer is "choice" (it is "{0}")', issue.answer);
    case 'placeholder-undeclared':
      // The name in braces as an argument: l10n.t's {n} would not be found inside {{0}}.
      return vscode.l10n.t('the text uses {0} but placeholders does not declare it; add "{1}: { label: ... }"', `{${issue.name}}`, issue.name);
    case 'placeholder-unused':
      return vscode.l10n.t('{0} is declared but the text never uses it', `{${issue.name}}`);
    case 'group-unknown':
      return vscode.l10n.t('no criterion is in group "{0}"', issue.group);
    case 'at-least-too-many':
      return vscode.l10n.t('needs {0} but only {1} criteria can count', n(issue.atLeast), n(issue.pool));
    case 'stage-missing':
      return vscode.l10n.t('a stage bank names its stage (manage … govern)');
    case 'adoption-missing':
      return vscode.l10n.t('a stage bank states its adoption rule and criteria');
    case 'stage-not-allowed':
      return vscode.l10n.t('only banks of kind "stage" name a stage');
    case 'adoption-not-allowed':
      return vscode.l10n.t('only banks of kind "stage" have adoption criteria');
    case 'duplicate-id':
      return vscode.l10n.t('duplicate id "{0}" (first used at {1})', issue.id, issue.first);
    case 'duplicate-criterion':
      return vscode.l10n.t('duplicate criterion id "{0}"', issue.id);
    case 'override-changes-nothing':
      return vscode.l10n.t('an override changes at least one of: {0}', issue.fields.join(', '));
    case 'criterion-override-changes-nothing':
      return vscode.l10n.t('a criterion override changes at least one of: {0}', 'metrics, addMetrics, growth');
    case 'overrides-empty':
      return vscode.l10n.t('list at least one override (or a criteria: entry)');
    case 'override-duplicate':
      return vscode.l10n.t('"{0}" is already overridden at overrides.{1}; merge the two entries', issue.prompt, String(issue.first));
    case 'id-taken':
      return issue.isBank
        ? vscode.l10n.t('id "{0}" is already used by {1}; give this file its own id; to change its prompts, use a file of kind "overrides" instead', issue.id, issue.by)
        : vscode.l10n.t('id "{0}" is already used by {1}; give this file its own id', issue.id, issue.by);
    case 'technique-unknown':
      return vscode.l10n.t('no loaded bank has the id "{0}"; check the spelling, or the bank that defines it has errors', issue.id);
    case 'override-bank-unknown':
      return vscode.l10n.t('no loaded bank has the id "{0}"; check "bank", or remove it to find the prompt in any bank', issue.bank);
    case 'override-prompt-unknown':
      return issue.bank
        ? vscode.l10n.t('no prompt with the id "{0}" in bank "{1}"; check the id against the bank\'s prompts', issue.prompt, issue.bank)
        : vscode.l10n.t('no prompt with the id "{0}" in any loaded bank; check the id against the bank\'s prompts', issue.prompt);
    case 'override-prompt-ambiguous':
      return vscode.l10n.t('the prompt id "{0}" is used in more than one bank ({1}); add "bank:" to say which', issue.prompt, issue.banks.join(', '));
    case 'override-when-on-main':
      return vscode.l10n.t('override of "{0}" in bank "{1}" not applied: "when" only applies to follow-ups, and "{0}" is a main prompt; remove it', issue.prompt, issue.bank);
    case 'override-invalid': {
      const reasons = issue.reasons.map((r) => {
        const text = r.issue ? bankIssueText(r.issue) : r.message;
        return r.path ? vscode.l10n.t('{0}: {1}', r.path, text) : text;
      });
      return vscode.l10n.t('override of "{0}" in bank "{1}" not applied: {2}', issue.prompt, issue.bank, reasons.join('; '));
    }
    case 'criterion-unknown':
      return vscode.l10n.t('no stage bank has the adoption criterion "{0}"; check the id against the stage\'s criteria', issue.criterion);
    default:
      return assertNever(issue);
  }
}
