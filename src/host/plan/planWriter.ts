// Writes a customer's success plan (src/core/plan/updatePlan.ts) and tells the CSM how it went:
// a notification from the palette command, a status bar line after a call (`quiet`) unless
// something needs attention. Never throws: a plan it must not touch, or a failure, is reported.
import * as vscode from 'vscode';
import { PlanFileError, updateSuccessPlan } from '../../core/plan/updatePlan';
import { StateKey } from '../../ids';
import type { BankService } from '../bankService';
import { reportError, type Log } from '../log';
import { notesSource, type WorkspaceNotesFolder } from '../workspaceNotesFolder';
import { displayNumber } from '../displayFormat';
import { generatedProblemText } from './generatedProblemText';

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
      const status = update.written ? vscode.l10n.t('Success plan updated: {0}.', where) : vscode.l10n.t('Success plan unchanged: {0}.', where);
      const left =
        skipped === 1
          ? vscode.l10n.t('1 note could not be read and was left out (and left as it is); the plan lists it.')
          : vscode.l10n.t('{0} notes could not be read and were left out (and left as they are); the plan lists them.', displayNumber(skipped));
      const [open, showLog] = [vscode.l10n.t('Open Plan'), vscode.l10n.t('Show Log')];
      void vscode.window.showWarningMessage(`${status} ${left}`, open, showLog).then(async (pick) => {
        if (pick === open) await vscode.window.showTextDocument(uri, { preview: false });
        if (pick === showLog) log.show(true);
      });
    } else if (quiet) {
      vscode.window.setStatusBarMessage(update.written ? vscode.l10n.t('Call Coach: success plan updated ({0})', where) : vscode.l10n.t('Call Coach: success plan up to date ({0})', where), 5000);
    } else {
      const open = vscode.l10n.t('Open Plan');
      const message = update.written ? vscode.l10n.t('Success plan updated: {0}', where) : vscode.l10n.t('Success plan already up to date: {0}', where);
      void vscode.window.showInformationMessage(message, open).then(async (pick) => {
        if (pick === open) await vscode.window.showTextDocument(uri, { preview: false });
      });
    }
    return uri;
  } catch (err) {
    if (err instanceof PlanFileError) {
      showUntouchedPlan(target, err, log);
      return undefined;
    }
    // Returns at once: a notification waits for its dismissal.
    void reportError(log, vscode.l10n.t('The success plan could not be updated.'), vscode.l10n.t('Check that the notes folder is readable and writable, then run "Update Success Plan" again.'), err);
    return undefined;
  }
}

function showUntouchedPlan(target: PlanTarget, err: PlanFileError, log: Log): void {
  const uri = target.folder.uri(err.path);
  log.warn(`Success plan left untouched: ${target.folder.where(err.path)}${err.line ? `:${err.line}` : ''}: ${err.message}`);
  const where = vscode.workspace.asRelativePath(uri, false);
  const open = vscode.l10n.t('Open Plan');
  void vscode.window
    .showErrorMessage(
      err.line ? vscode.l10n.t('{0} (line {1}) was left untouched: {2}', where, err.line, generatedProblemText(err.why)) : vscode.l10n.t('{0} was left untouched: {1}', where, generatedProblemText(err.why)),
      open,
    )
    .then(async (pick) => {
      if (pick !== open) return;
      const editor = await vscode.window.showTextDocument(uri, { preview: false });
      if (err.line) {
        const at = new vscode.Position(err.line - 1, 0);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at));
      }
    });
}
