// What a commit holds ("1 call note and the success plan") in the display language, for the
// notification. The commit message itself keeps core's English words (core/commit/message.ts):
// it is Git history a whole team reads, and its template is the user's own setting.
import * as vscode from 'vscode';
import type { ContentsWords } from '../../core/commit/message';
import { displayList, displayNumber } from '../displayFormat';

export function contentsWords(): ContentsWords {
  return {
    callNotes: (n) => (n === 1 ? vscode.l10n.t('1 call note') : vscode.l10n.t('{0} call notes', displayNumber(n))),
    plans: (n) => (n === 1 ? vscode.l10n.t('1 success plan') : vscode.l10n.t('{0} success plans', displayNumber(n))),
    thePlan: vscode.l10n.t('the success plan'),
    portfolio: vscode.l10n.t('the portfolio'),
    otherFiles: (n) => (n === 1 ? vscode.l10n.t('1 other file') : vscode.l10n.t('{0} other files', displayNumber(n))),
    none: vscode.l10n.t('no files'),
    list: displayList,
  };
}
