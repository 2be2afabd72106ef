// What the question browser does with the chosen questions: insert them at the cursor, copy
// them, or add them to the running call.
import * as vscode from 'vscode';
import type { QuestionItem } from '../../core/browse/items';
import { questionList } from '../../core/browse/markdown';
import type { CallController } from '../callController';
import type { QuestionAction } from './args';
import { CommandId } from '../../ids';

export interface ActionResult {
  action: QuestionAction;
  /** How many questions were inserted, copied or added (0 when nothing happened). */
  count: number;
}

const questions = (n: number) => `${n} ${n === 1 ? 'question' : 'questions'}`;

async function insert(items: readonly QuestionItem[]): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('There is no editor to insert the questions into. Open a file and place the cursor, or choose Copy instead.');
    return 0;
  }
  const { selection, document } = editor;
  const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
  const text = `${before.trim() ? '\n' : ''}${questionList(items.map((i) => i.label))}`;
  const done = await editor.edit((edit) => edit.replace(selection, text));
  if (!done) {
    void vscode.window.showWarningMessage('The questions could not be inserted: the editor changed or is read-only. Try again, or choose Copy.');
    return 0;
  }
  return items.length;
}

async function copy(items: readonly QuestionItem[]): Promise<number> {
  await vscode.env.clipboard.writeText(questionList(items.map((i) => i.label)));
  vscode.window.setStatusBarMessage(`Call Coach: copied ${questions(items.length)} as a Markdown list`, 4000);
  return items.length;
}

async function addToCall(items: readonly QuestionItem[], calls: CallController): Promise<number> {
  if (!calls.current) {
    void vscode.window.showInformationMessage('No call is running, so there is nothing to add the questions to. Start a call first, then add them.', 'Start Call').then((pick) => {
      if (pick) void vscode.commands.executeCommand(CommandId.startCall);
    });
    return 0;
  }
  const added = await calls.addPrompts(items.map((i) => i.ref));
  const skipped = items.length - added;
  vscode.window.setStatusBarMessage(
    `Call Coach: added ${questions(added)} to the call's Stage Adoption part${skipped ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} already in it` : ''}`,
    5000,
  );
  return added;
}

export async function runQuestionAction(action: QuestionAction, items: readonly QuestionItem[], calls: CallController): Promise<ActionResult> {
  const count = action === 'insert' ? await insert(items) : action === 'copy' ? await copy(items) : await addToCall(items, calls);
  return { action, count };
}
