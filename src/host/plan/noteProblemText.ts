// Why a call note cannot be read, in the display language. Core words it in English for the CLI
// and success-plan.md (core/note/parse.ts, frontMatter.ts) and keeps the facts (core/note/problems.ts).
// Keys, YAML and Markdown syntax are quoted as the file has them.
import * as vscode from 'vscode';
import { assertNever } from '../../core/assertNever';
import type { NoteProblem, NoteRecord } from '../../core/note/problems';
import { displayNumber } from '../displayFormat';

const code = (s: string) => `\`${s}\``;

function recordName(record: NoteRecord): string {
  switch (record) {
    case 'objective':
      return vscode.l10n.t('an objective');
    case 'stage-score':
      return vscode.l10n.t('a stage score');
    case 'metric':
      return vscode.l10n.t('a metric');
    case 'health':
      return vscode.l10n.t('a use-case health entry');
    default:
      return assertNever(record);
  }
}

function fieldName(field: Extract<NoteProblem, { code: 'not-one-of' }>['field']): string {
  switch (field) {
    case 'objective-status':
      return vscode.l10n.t('objective status');
    case 'objective-origin':
      return vscode.l10n.t('objective origin');
    case 'stage-status':
      return vscode.l10n.t('stage status');
    case 'health-color':
      return vscode.l10n.t('health color');
    default:
      return assertNever(field);
  }
}

export function noteProblemText(why: NoteProblem): string {
  switch (why.code) {
    case 'unreadable':
      return vscode.l10n.t('the note could not be read: {0}', why.detail);
    case 'no-front-matter':
      return vscode.l10n.t('this is not a call note: the file must start with a {0} line, then the YAML front matter (type: call-note, id, title, …), then a closing {0} line', code('---'));
    case 'front-matter-open':
      return vscode.l10n.t('the front matter is not closed: add a line with only {0} after the YAML properties', code('---'));
    case 'damaged-anchor':
      return vscode.l10n.t('damaged call-coach anchor: it must read exactly {0}, {1} or {2}; restore it or delete the line', code('<!-- call-coach:section ID -->'), code('<!-- call-coach:prompt ID -->'), code('<!-- call-coach:actions -->'));
    case 'anchor-without-heading':
      return why.kind === 'section'
        ? vscode.l10n.t('the section anchor on line {0} must come right after its {1} heading; put the heading back on the line above it', displayNumber(why.line), code('## section title'))
        : vscode.l10n.t('the prompt anchor on line {0} must come right after its {1} heading; put the heading back on the line above it', displayNumber(why.line), code('### question'));
    case 'question-outside-section':
      return vscode.l10n.t('the question on line {0} is not inside a section: a {1} heading with its section anchor must come before it', displayNumber(why.line), code('## section'));
    case 'two-action-anchors':
      return vscode.l10n.t('the note has two {0} anchors; keep one and move the tasks under it', code('<!-- call-coach:actions -->'));
    case 'no-answer':
      return vscode.l10n.t('the question "{0}" (line {1}) has no answer: write it as a quote, every line starting with {2}', why.question, displayNumber(why.line), code('> '));
    case 'unknown-tag':
      return vscode.l10n.t('unknown tag "{0}" on the Tags line; use {1}, separated by spaces', why.word, why.tags.join(', '));
    case 'front-matter-too-big':
      return vscode.l10n.t("the front matter is {0} KB, more than the {1} KB a call note's front matter may hold (Call Coach writes a few KB); remove what was added to it", displayNumber(why.kb), displayNumber(why.max));
    case 'front-matter-yaml':
      // The YAML parser's own words (English).
      return vscode.l10n.t('front matter is not valid YAML: {0}', why.detail);
    case 'front-matter-alias':
      return vscode.l10n.t('front matter uses a YAML alias (*name); write the value out instead');
    case 'front-matter-not-mapping':
      return vscode.l10n.t('front matter must be a YAML mapping of {0} lines (type, id, title, customer, date, …)', code('key: value'));
    case 'missing-key':
      return vscode.l10n.t('front matter is missing {0}', code(why.key));
    case 'not-text':
      return vscode.l10n.t('{0} must be a single text value', code(why.key));
    case 'not-list':
      return vscode.l10n.t('{0} must be a list: write {1} or one {2} line per entry', code(why.key), code(`${why.key}: []`), code('- item'));
    case 'item-not-text':
      return vscode.l10n.t('every item of {0} must be a text value', code(why.key));
    case 'wrong-type':
      return vscode.l10n.t('{0} is "{1}" but a call note needs {2}', code('type'), why.type, code(`type: ${why.expected}`));
    case 'bad-date':
      return vscode.l10n.t('{0} is "{1}"; write the call date as YYYY-MM-DD, e.g. {2}', code('date'), why.date, 'date: 2026-11-24');
    case 'bad-duration':
      return vscode.l10n.t('{0} is "{1}"; write whole minutes, e.g. {2}', code('durationMinutes'), why.value, 'durationMinutes: 45');
    case 'record-not-mapping':
      return vscode.l10n.t('every item of {0} must be a mapping with {1}', code(why.list), why.required.map(code).join(', '));
    case 'record-missing':
      return vscode.l10n.t('{0} is missing {1}', recordName(why.record), code(why.key));
    case 'record-not-text':
      return vscode.l10n.t("{0}'s {1} must be a text value", recordName(why.record), code(why.key));
    case 'record-not-list':
      return vscode.l10n.t("{0}'s {1} must be a list: {2} or one {3} line per entry", recordName(why.record), code(why.key), code(`${why.key}: []`), code('- item'));
    case 'record-item-not-text':
      return vscode.l10n.t("every item of {0}'s {1} must be a text value", recordName(why.record), code(why.key));
    case 'not-one-of':
      return vscode.l10n.t('{0} "{1}" is not one of {2}', fieldName(why.field), why.value, why.allowed.join(', '));
    case 'bad-horizon':
      return vscode.l10n.t('objective horizon "{0}" is not one of {1} (months ahead); leave it empty when unknown', why.value, why.allowed.join(', '));
    case 'bad-percent':
      return vscode.l10n.t('stage percent "{0}" must be a number from 0 to 100 (the share of teams using the stage); leave it empty when unknown', why.value);
    default:
      return assertNever(why);
  }
}
