// Command handlers of the lazily loaded part of the extension. The activation shell registers
// every contributed command id with VS Code at once (cheap) and looks the handler up here when a
// command first runs, after loading the rest of the extension.
import * as vscode from 'vscode';
import type { CommandId } from '../ids';

type Handler = (...args: any[]) => unknown;

const handlers = new Map<CommandId, Handler>();

/** Same contract as vscode.commands.registerCommand, but dispatched through the shell. */
export function registerCommand(id: CommandId, handler: Handler): vscode.Disposable {
  handlers.set(id, handler);
  return new vscode.Disposable(() => {
    if (handlers.get(id) === handler) handlers.delete(id);
  });
}

export function commandHandler(id: CommandId): Handler | undefined {
  return handlers.get(id);
}
