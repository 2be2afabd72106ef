// Palette commands for the call: start (focus the form), finish (write the note), discard.
import * as vscode from 'vscode';
import { registerCommand } from './commandRegistry';
import type { CallController } from './callController';
import { reportError, type Log } from './log';
import { NotesLocationError } from './notesLocation';
import { updatePlanAfterCall } from './plan/registerPlanCommands';
import type { SidebarProvider } from './sidebarProvider';
import { BuiltInCommand, CommandId, Setting, SETTINGS_SECTION, ViewId } from '../ids';

export function registerCallCommands(calls: CallController, sidebar: SidebarProvider, log: Log): vscode.Disposable[] {
  return [
    registerCommand(CommandId.startCall, () => vscode.commands.executeCommand(BuiltInCommand.focusView(ViewId.sidebar))),
    registerCommand(CommandId.finishCall, async () => {
      if (!calls.current) {
        void vscode.window.showInformationMessage('There is no call in progress. Start one from the Call Coach sidebar.');
        return undefined;
      }
      try {
        const done = await calls.finish();
        if (!done) return undefined;
        sidebar.notify(`Saved ${done.label}`);
        const where = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(Setting.openNoteAfterFinish, 'beside');
        if (where !== 'none') {
          // "Beside" with no editor open would leave an empty group and squeeze the note.
          const beside = where === 'beside' && !!vscode.window.activeTextEditor;
          await vscode.window.showTextDocument(done.uri, { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
        }
        await updatePlanAfterCall(done.uri, log);
        // Commits the notes if callCoach.commitAfterFinish says so; returns at once.
        void vscode.commands.executeCommand(CommandId.commitNotes, { afterFinish: true });
        return done.uri;
      } catch (err) {
        if (err instanceof NotesLocationError) {
          const pick = await vscode.window.showErrorMessage(`${err.message} Your call is kept; finish it again once that is fixed.`, ...(err.action ? [err.action.title] : []));
          if (pick && err.action) await vscode.commands.executeCommand(err.action.command, ...(err.action.args ?? []));
          return undefined;
        }
        await reportError(log, 'The call note could not be written; your call and its answers are kept.', 'Check that the notes folder is writable, then run "Finish Call" again.', err);
        return undefined;
      }
    }),
    registerCommand(CommandId.discardCall, () => calls.discard()),
  ];
}
