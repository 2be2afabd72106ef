// What the question browser does with the chosen questions: insert them at the cursor, copy
// them, or add them to the running call.
import * as vscode from 'vscode';
import type { QuestionItem } from '../../core/browse/items';
import { questionList } from '../../core/browse/markdown';
import type { CallController } from '../callController';
import type { QuestionAction } from './args';
import { CommandId } from '../../ids';
import { displayNumber } from '../displayFormat';

export interface ActionResult {
  action: QuestionAction;
  /** How many questions were inserted, copied or added (0 when nothing happened). */
  count: number;
}


async function insert(items: readonly QuestionItem[]): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no editor to insert the questions into. Open a file and place the cursor, or choose Copy instead.'));
    return 0;
  }
  const { selection, document } = editor;
  const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
  const text = `${before.trim() ? '\n' : ''}${questionList(items.map((i) => i.label))}`;
  const done = await editor.edit((edit) => edit.replace(selection, text));
  if (!done) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The questions could not be inserted: the editor changed or is read-only. Try again, or choose Copy.'));
    return 0;
  }
  return items.length;
}

async function copy(items: readonly QuestionItem[]): Promise<number> {
  await vscode.env.clipboard.writeText(questionList(items.map((i) => i.label)));
  const n = items.length;
  vscode.window.setStatusBarMessage(n === 1 ? vscode.l10n.t('Call Coach: copied 1 question as a Markdown list') : vscode.l10n.t('Call Coach: copied {0} questions as a Markdown list', displayNumber(n)), 4000);
  return items.length;
}

async function addToCall(items: readonly QuestionItem[], calls: CallController): Promise<number> {
  if (!calls.current) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No call is running, so there is nothing to add the questions to. Start a call first, then add them.'), vscode.l10n.t('Start Call')).then((pick) => {
      if (pick) void vscode.commands.executeCommand(CommandId.startCall);
    });
    return 0;
  }
  const added = await calls.addPrompts(items.map((i) => i.ref));
  const skipped = items.length - added;
  const addedText = added === 1 ? vscode.l10n.t("Call Coach: added 1 question to the call's Stage Adoption part") : vscode.l10n.t("Call Coach: added {0} questions to the call's Stage Adoption part", displayNumber(added));
  const skippedText = skipped === 1 ? vscode.l10n.t('{0}; 1 was already in it', addedText) : skipped ? vscode.l10n.t('{0}; {1} were already in it', addedText, displayNumber(skipped)) : addedText;
  vscode.window.setStatusBarMessage(skippedText, 5000);
  return added;
}

export async function runQuestionAction(action: QuestionAction, items: readonly QuestionItem[], calls: CallController): Promise<ActionResult> {
  const count = action === 'insert' ? await insert(items) : action === 'copy' ? await copy(items) : await addToCall(items, calls);
  return { action, count };
}
