// Everything behind the activation shell: question banks, the call, the sidebar, plans, git.
// Evaluated on first use of the view or a command, so that activating Call Coach costs almost
// nothing. Bundled for the browser into dist/web/extension.js, which both hosts load.
import * as vscode from 'vscode';
import { BankService } from './bankService';
import { registerBrowseCommands } from './browse/browseCommands';
import { registerCommitCommand } from './git/commitCommand';
import { CallController } from './callController';
import { CallStore } from './callStore';
import { registerCallCommands } from './callCommands';
import { FinishPipeline } from './finishPipeline';
import { commandHandler, registerCommand } from './commandRegistry';
import { registerPlanCommands } from './plan/registerPlanCommands';
import { reportError, type Log } from './log';
import { portablePlatform, usePlatform, type Platform } from './platform';
import { registerNewBankCommand } from './newBankCommand';
import { CustomersView } from './portfolio/customersView';
import { IndexCache } from './portfolio/indexCache';
import { registerPortfolioCommands, updatePortfolioAfterChange } from './portfolio/portfolioCommands';
import { SidebarProvider } from './sidebarProvider';
import { BuiltInCommand, CommandId, ViewId } from '../ids';
import { registerUsageCommands } from './usage/importCommand';
import { displayNumber } from './displayFormat';

export interface Features {
  sidebar: SidebarProvider;
  banks: BankService;
  calls: CallController;
  customers: CustomersView;
  commandHandler: typeof commandHandler;
}

/** `platform`: what only the Node host can do (nodePlatform.ts); the web worker host has none of it. */
export function createFeatures(context: vscode.ExtensionContext, log: Log, platform: Platform = portablePlatform): Features {
  usePlatform(platform);
  const banks = new BankService(vscode.Uri.joinPath(context.extensionUri, 'questions'), log);
  // The running call's draft and the note index cache: per workspace, or per user without a folder.
  const storageFolder = context.storageUri ?? context.globalStorageUri;
  const calls = new CallController(new CallStore(storageFolder, context.workspaceState, log), banks, context.workspaceState, log);
  const state = context.workspaceState;
  // The sidebar shows the finish pipeline's notice; it is created just below, before any finish.
  const indexCache = new IndexCache(storageFolder, String((context.extension.packageJSON as { version?: unknown }).version), log);
  context.subscriptions.push(indexCache);
  const customers = new CustomersView(banks, state, log, indexCache);
  const portfolio = { banks, state, log, customers };
  const finish = new FinishPipeline({ calls, banks, state, log, notify: (text) => sidebar.notify(text), afterPlan: (noteUri) => updatePortfolioAfterChange(portfolio, noteUri) });
  const sidebar = new SidebarProvider(context.extensionUri, banks, calls, finish, state, log);

  context.subscriptions.push(
    banks,
    calls,
    sidebar,
    customers,
    ...registerPortfolioCommands(portfolio),
    registerCommand(CommandId.showSidebar, () => vscode.commands.executeCommand(BuiltInCommand.focusView(ViewId.sidebar))),
    registerCommand(CommandId.reloadBanks, async () => {
      try {
        const catalog = await banks.reload();
        const skipped = catalog.skipped.length;
        const loaded = displayNumber(catalog.banks.length);
        void vscode.window.setStatusBarMessage(
          skipped
            ? vscode.l10n.t('Call Coach: {0} question banks loaded, {1} skipped (see log)', loaded, displayNumber(skipped))
            : vscode.l10n.t('Call Coach: {0} question banks loaded', loaded),
          4000,
        );
      } catch (err) {
        await reportError(log, vscode.l10n.t('Call Coach could not reload its question banks.'), vscode.l10n.t('Check the log for the file that failed, then try again.'), err);
      }
    }),
    registerCommand(CommandId.showLog, () => log.show()),
    ...registerCallCommands(calls, finish, sidebar),
    ...registerPlanCommands(banks, calls, context.workspaceState, log),
    ...registerBrowseCommands(banks, calls, log),
    registerNewBankCommand(banks, log),
    registerCommitCommand(context.workspaceState, log),
    ...registerUsageCommands(banks, context.workspaceState, log, (customerFolder) => updatePortfolioAfterChange(portfolio, customerFolder)),
  );
  return { sidebar, banks, calls, customers, commandHandler };
}
