// Writes a customer's success plan (src/core/plan/updatePlan.ts) and tells the CSM how it went:
// a notification from the palette command, a status bar line after a call (`quiet`) unless
// something needs attention. Never throws: a plan it must not touch, or a failure, is reported.
import * as vscode from 'vscode';
import { PlanFileError, updateSuccessPlan } from '../../core/plan/updatePlan';
import { StateKey } from '../../ids';
import type { BankService } from '../bankService';
import { reportError, type Log } from '../log';
import { notesSource, type WorkspaceNotesFolder } from '../workspaceNotesFolder';

/** The customer folder whose plan was last written, offered first by the customer picker. */
export const LAST_CUSTOMER = StateKey.lastPlanCustomerFolder;

/** A customer folder, as its notes folder and its name there. */
export interface PlanTarget {
  folder: WorkspaceNotesFolder;
  customer: string;
}

export interface PlanWriterDeps {
  banks: BankService;
  state: vscode.Memento;
  log: Log;
}

/** @returns the plan's Uri, or undefined when it was not written (already reported). */
export async function writePlan(target: PlanTarget, { banks, state, log }: PlanWriterDeps, quiet = false): Promise<vscode.Uri | undefined> {
  try {
    const catalog = await banks.ready();
    const update = await updateSuccessPlan(notesSource(target.folder, log), target.customer, catalog);
    const uri = target.folder.uri(update.path);
    await state.update(LAST_CUSTOMER, target.customer);
    const where = vscode.workspace.asRelativePath(uri, false);
    const skipped = update.plan.skipped.length;
    if (skipped) {
      const message = `Success plan ${update.written ? 'updated' : 'unchanged'}: ${where}. ${skipped} note${skipped === 1 ? '' : 's'} could not be read and ${skipped === 1 ? 'was' : 'were'} left out (and left as ${skipped === 1 ? 'it is' : 'they are'}); the plan lists ${skipped === 1 ? 'it' : 'them'}.`;
      void vscode.window.showWarningMessage(message, 'Open Plan', 'Show Log').then(async (pick) => {
        if (pick === 'Open Plan') await vscode.window.showTextDocument(uri, { preview: false });
        if (pick === 'Show Log') log.show(true);
      });
    } else if (quiet) {
      vscode.window.setStatusBarMessage(`Call Coach: success plan ${update.written ? 'updated' : 'up to date'} (${where})`, 5000);
    } else {
      void vscode.window.showInformationMessage(`Success plan ${update.written ? 'updated' : 'already up to date'}: ${where}`, 'Open Plan').then(async (pick) => {
        if (pick === 'Open Plan') await vscode.window.showTextDocument(uri, { preview: false });
      });
    }
    return uri;
  } catch (err) {
    if (err instanceof PlanFileError) {
      showUntouchedPlan(target, err, log);
      return undefined;
    }
    // Returns at once: a notification waits for its dismissal.
    void reportError(log, 'The success plan could not be updated.', 'Check that the notes folder is readable and writable, then run "Update Success Plan" again.', err);
    return undefined;
  }
}

function showUntouchedPlan(target: PlanTarget, err: PlanFileError, log: Log): void {
  const uri = target.folder.uri(err.path);
  log.warn(`Success plan left untouched: ${target.folder.where(err.path)}${err.line ? `:${err.line}` : ''}: ${err.message}`);
  void vscode.window
    .showErrorMessage(`${vscode.workspace.asRelativePath(uri, false)}${err.line ? ` (line ${err.line})` : ''} was left untouched: ${err.message}`, 'Open Plan')
    .then(async (pick) => {
      if (pick !== 'Open Plan') return;
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      if (err.line) {
        const at = new vscode.Position(err.line - 1, 0);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at));
      }
    });
}
