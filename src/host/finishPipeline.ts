// Finishing a call, in one typed pipeline that the Finish Call command and the sidebar's Finish
// button both run: write the note (CallController.finish), say so on the start form, open the
// note (callCoach.openNoteAfterFinish), refresh the customer's success plan
// (callCoach.updatePlanAfterCall), then commit or offer to (callCoach.commitAfterFinish, without
// waiting). A problem with the notes folder keeps the call and offers the fix.
import * as vscode from 'vscode';
import { Setting, SETTINGS_SECTION } from '../ids';
import type { BankService } from './bankService';
import type { CallController, FinishedCall } from './callController';
import { commitAfterFinish } from './git/commitCommand';
import { reportError, type Log } from './log';
import { NotesLocationError } from './notesLocation';
import { writePlan } from './plan/planWriter';
import { WorkspaceNotesFolder } from './workspaceNotesFolder';

export interface FinishDeps {
  calls: CallController;
  banks: BankService;
  state: vscode.Memento;
  log: Log;
  /** Shows a line on the sidebar's start form. */
  notify(text: string): void;
  /** Runs after the plan step: the portfolio (callCoach.updatePortfolioAfterCall). Never throws. */
  afterPlan?(noteUri: vscode.Uri): Promise<void>;
}

export class FinishPipeline {
  constructor(private readonly deps: FinishDeps) {}

  /** @returns the note's Uri; undefined when there was no call, the CSM cancelled, or writing failed (reported, call kept). */
  async finish(): Promise<vscode.Uri | undefined> {
    const { calls, log } = this.deps;
    await calls.ready();
    if (!calls.current) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no call in progress. Start one from the Call Coach sidebar.'));
      return undefined;
    }
    let done: FinishedCall | undefined;
    try {
      done = await calls.finish();
      if (!done) return undefined;
      this.deps.notify(vscode.l10n.t('Saved {0}', done.label));
      await openNote(done.uri);
    } catch (err) {
      if (err instanceof NotesLocationError) {
        const pick = await vscode.window.showErrorMessage(vscode.l10n.t('{0} Your call is kept; finish it again once that is fixed.', err.message), ...(err.action ? [err.action.title] : []));
        if (pick && err.action) await vscode.commands.executeCommand(err.action.command, ...(err.action.args ?? []));
        return undefined;
      }
      await reportError(log, vscode.l10n.t('The call note could not be written; your call and its answers are kept.'), vscode.l10n.t('Check that the notes folder is writable, then run "Finish Call" again.'), err);
      return undefined;
    }
    await this.updatePlan(done.uri);
    await this.deps.afterPlan?.(done.uri);
    // Commits the notes if callCoach.commitAfterFinish says so; never blocks the finish.
    void commitAfterFinish(this.deps.state, log);
    return done.uri;
  }

  /** Refreshes the plan beside the note just written, if the setting says so. */
  private async updatePlan(noteUri: vscode.Uri): Promise<void> {
    if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, noteUri).get<boolean>(Setting.updatePlanAfterCall, true)) return;
    await writePlan(WorkspaceNotesFolder.around(vscode.Uri.joinPath(noteUri, '..')), this.deps, true);
  }
}

async function openNote(uri: vscode.Uri): Promise<void> {
  const where = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(Setting.openNoteAfterFinish, 'beside');
  if (where === 'none') return;
  // "Beside" with no editor open would leave an empty group and squeeze the note.
  const beside = where === 'beside' && !!vscode.window.activeTextEditor;
  await vscode.window.showTextDocument(uri, { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
}
