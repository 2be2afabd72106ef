// Why Import Usage Data refused a payload or a batch, in the display language. Core words it in
// English for the CLI and the log (core/usage/payload.ts, importPlan.ts) and keeps the facts
// (PayloadProblem, ImportProblem); only the words are here.
import * as vscode from 'vscode';
import { assertNever } from '../../core/assertNever';
import type { ImportProblem } from '../../core/usage/importPlan';
import type { EnvelopeField, PayloadProblem, ValueHolds, ValueProblem } from '../../core/usage/payload';
import { displayDate, displayList, displayNumber } from '../displayFormat';

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB
    ? vscode.l10n.t('{0} MB', displayNumber(bytes / MB, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))
    : vscode.l10n.t('{0} KB', displayNumber(Math.ceil(bytes / 1024)));
}

function field(f: EnvelopeField): string {
  switch (f) {
    case 'recorded_at':
      return vscode.l10n.t('recorded_at must be a date such as "{0}"', '2026-03-01T10:00:00Z');
    case 'version':
      return vscode.l10n.t('version must be text such as "{0}"', '17.5.1-ee');
    case 'edition':
      return vscode.l10n.t('edition must be text such as "{0}"', 'EE');
    default:
      return assertNever(f);
  }
}

function holds(h: ValueHolds): string {
  switch (h.type) {
    case 'text':
      return vscode.l10n.t('the text {0}', JSON.stringify(h.text));
    case 'null':
      return 'null';
    case 'list':
      return vscode.l10n.t('a list');
    case 'object':
      return vscode.l10n.t('an object');
    case 'other':
      return h.name;
    default:
      return assertNever(h);
  }
}

function value(v: ValueProblem): string {
  switch (v.kind) {
    case 'not-a-value':
      return vscode.l10n.t('{0} holds {1}, where Service Ping has a number or true/false', v.path, holds(v.holds));
    case 'not-finite':
      return vscode.l10n.t('{0} is not a finite number', v.path);
    case 'negative':
      return vscode.l10n.t("{0} is {1}: counts are never negative, and GitLab's error values are -1, -2 and -1000", v.path, String(v.value));
    default:
      return assertNever(v);
  }
}

/** The first four value problems, and how many more. */
function values(list: readonly ValueProblem[]): string {
  const shown = list.slice(0, 4).map(value).join('; ');
  return list.length > 4 ? vscode.l10n.t('{0}; and {1} more', shown, displayNumber(list.length - 4)) : shown;
}

export function payloadProblemText(why: PayloadProblem): string {
  switch (why.code) {
    case 'too-big':
      return vscode.l10n.t('it is {0}, and a Service Ping payload is at most {1}. Check that this is the payload downloaded from Admin area > Usage statistics.', size(why.bytes), size(why.max));
    case 'empty':
      return vscode.l10n.t('it is empty.');
    case 'unreadable':
      return vscode.l10n.t('it could not be read ({0})', why.detail);
    case 'not-json':
      return vscode.l10n.t('it is not JSON ({0}). Download the payload again from Admin area > Usage statistics, or GET /api/v4/usage_data/service_ping.', why.detail);
    case 'not-service-ping':
      return vscode.l10n.t('it is JSON, but not a Service Ping payload: it has no recorded_at and no counts. Download the payload from Admin area > Usage statistics.');
    case 'no-recorded-at':
      return vscode.l10n.t('it is not a Service Ping payload: it has counts but no recorded_at, so it cannot be dated.');
    case 'no-counts':
      return vscode.l10n.t('it is not a Service Ping payload: it has no counts.');
    case 'bad-fields':
      return why.fields.map(field).join('; ');
    case 'recorded-at-not-date':
      return vscode.l10n.t('its recorded_at {0} is not a date.', JSON.stringify(why.text));
    case 'future':
      return vscode.l10n.t("it was recorded on {0}, which is in the future. Check the payload's recorded_at and this computer's clock.", displayDate(why.date));
    case 'values':
      return vscode.l10n.t('it does not hold what Service Ping writes: {0}. Was it edited by hand? Download it again.', values(why.values));
    default:
      return assertNever(why);
  }
}

export function importProblemText(p: ImportProblem): string {
  switch (p.code) {
    case 'same-month':
      return vscode.l10n.t('{0} are both for {1} (recorded {2} and {3}); keep one payload per month.', displayList([p.source, p.twin]), displayDate(p.month), displayDate(p.twinDate), displayDate(p.date));
    case 'month-taken':
      return vscode.l10n.t('{0} is for {1}, which already has a snapshot ({2}, recorded {3}); keep one payload per month.', p.source, displayDate(p.month), p.file, displayDate(p.recordedAt.slice(0, 10)));
    case 'older':
      return vscode.l10n.t('{0} was recorded on {1}, before the newest snapshot ({2}); usage data is imported month by month, oldest first.', p.source, displayDate(p.date), p.newest);
    default:
      return assertNever(p);
  }
}
