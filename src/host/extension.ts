// Activation wires the pieces together and returns at once: banks load in the background on
// first use, so opening VS Code never waits for Call Coach.
import * as vscode from 'vscode';
import { BankService } from './bankService';
import { registerBrowseCommands } from './browse/browseCommands';
import { registerCommitCommand } from './git/commitCommand';
import { CallController } from './callController';
import { CallStore } from './callStore';
import { registerCallCommands } from './callCommands';
import { registerPlanCommands } from './plan/registerPlanCommands';
import { createLog, reportError } from './log';
import { registerNewBankCommand } from './newBankCommand';
import { SIDEBAR_VIEW_ID, SidebarProvider } from './sidebarProvider';

/** What `activate` returns; used by the integration tests and open to other extensions. */
export interface CallCoachApi {
  /** The loaded catalog, waiting for the first load if it is still running. */
  catalog(): Promise<{ banks: { id: string; title: string; kind: string }[]; problems: unknown[] }>;
  sidebar: {
    whenReady(): Promise<void>;
    snapshot(): Promise<string>;
    /** Handles a message exactly as if the sidebar webview had posted it (validation included). */
    receive(message: unknown): void;
  };
  /** The running call as the host holds it (the persisted truth), if any. */
  currentCall(): unknown;
}

export function activate(context: vscode.ExtensionContext): CallCoachApi {
  const log = createLog();
  const banks = new BankService(vscode.Uri.joinPath(context.extensionUri, 'questions'), log);
  const calls = new CallController(new CallStore(context.workspaceState, log), banks, context.workspaceState, log);
  const sidebar = new SidebarProvider(context.extensionUri, banks, calls, context.workspaceState, log);

  context.subscriptions.push(
    log,
    banks,
    calls,
    sidebar,
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, sidebar),
    vscode.commands.registerCommand('callCoach.showSidebar', () => vscode.commands.executeCommand(`${SIDEBAR_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('callCoach.reloadBanks', async () => {
      try {
        const catalog = await banks.reload();
        const skipped = catalog.skipped.length;
        void vscode.window.setStatusBarMessage(
          `Call Coach: ${catalog.banks.length} question banks loaded${skipped ? `, ${skipped} skipped (see log)` : ''}`,
          4000,
        );
      } catch (err) {
        await reportError(log, 'Call Coach could not reload its question banks.', 'Check the log for the file that failed, then try again.', err);
      }
    }),
    vscode.commands.registerCommand('callCoach.showLog', () => log.show()),
    ...registerCallCommands(calls, sidebar, log),
    ...registerPlanCommands(banks, calls, context.workspaceState, log),
    ...registerBrowseCommands(banks, calls, log),
    registerNewBankCommand(banks, log),
    registerCommitCommand(context.workspaceState, log),
  );

  return {
    catalog: async () => {
      const { banks: loaded, problems } = await banks.ready();
      return { banks: loaded.map((b) => ({ id: b.id, title: b.title, kind: b.kind })), problems };
    },
    sidebar: { whenReady: () => sidebar.whenReady(), snapshot: () => sidebar.snapshot(), receive: (m) => sidebar.receive(m) },
    currentCall: () => calls.current,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions; CallController flushes the call on dispose.
}
