// Palette commands for the call: start (focus the form), finish (the finish pipeline), discard.
import * as vscode from 'vscode';
import { BuiltInCommand, CommandId, ViewId } from '../ids';
import type { CallController } from './callController';
import { registerCommand } from './commandRegistry';
import type { FinishPipeline } from './finishPipeline';

export function registerCallCommands(calls: CallController, finish: FinishPipeline): vscode.Disposable[] {
  return [
    registerCommand(CommandId.startCall, () => vscode.commands.executeCommand(BuiltInCommand.focusView(ViewId.sidebar))),
    registerCommand(CommandId.finishCall, () => finish.finish()),
    registerCommand(CommandId.discardCall, () => calls.discard()),
  ];
}
