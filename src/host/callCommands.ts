// Palette commands for the call: start (focus the form; from the Customers view, with the customer
// filled in), finish (the finish pipeline), discard.
import * as vscode from 'vscode';
import { BuiltInCommand, CommandId, ViewId } from '../ids';
import type { CallController } from './callController';
import { registerCommand } from './commandRegistry';
import type { FinishPipeline } from './finishPipeline';
import type { SidebarProvider } from './sidebarProvider';
import { SHORTCUTS } from '../shortcuts';

export function registerCallCommands(calls: CallController, finish: FinishPipeline, sidebar: SidebarProvider): vscode.Disposable[] {
  return [
    registerCommand(CommandId.startCall, (arg?: unknown) => {
      // A Customers view node, or { customer }: the start form opens with that customer.
      const customer = arg && typeof arg === 'object' ? (arg as { customer?: unknown }).customer : undefined;
      if (typeof customer === 'string' && customer.trim()) sidebar.prefillCustomer(customer);
      return vscode.commands.executeCommand(BuiltInCommand.focusView(ViewId.sidebar));
    }),
    registerCommand(CommandId.finishCall, () => finish.finish()),
    registerCommand(CommandId.discardCall, () => calls.discard()),
    // The call's shortcuts as commands: keys bound in Keyboard Shortcuts (and the palette) reach
    // the view through these; its own default keys it handles itself.
    ...[...new Map(SHORTCUTS.map((s) => [s.command, s.action])).entries()].map(([command, action]) =>
      registerCommand(command, () => (calls.current ? sidebar.shortcut(action) : undefined)),
    ),
  ];
}
