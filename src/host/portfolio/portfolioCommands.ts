// Commands of the Customers view and the portfolio:
//   callCoach.updatePortfolio        writes <notesFolder>/portfolio.md (src/core/portfolio/portfolioFile.ts).
//                                    Argument { quiet?: boolean }: after a call, a status bar line.
//                                    Returns the file's Uri.
//   callCoach.openSuccessPlan        opens a customer's success-plan.md (writing it first when missing);
//                                    argument: a Customers node or { folder: Uri }.
//   callCoach.sortCustomersBy…       the view's order (and groups): health, last contact, next due date.
//   callCoach.filterCustomers / clearCustomerFilter / refreshCustomers
// Start Call, Update Success Plan and Copy Call Summary take a Customers node as it is: it carries
// `customer`, `folder` and the newest note's `uri`.
import * as vscode from 'vscode';
import { localToday } from '../../core/localToday';
import { PLAN_FILE } from '../../core/notesFolder';
import { planContext } from '../../core/plan/context';
import { collectPortfolio } from '../../core/portfolio/collect';
import { portfolioUsage } from '../../core/usage/usageStore';
import { PORTFOLIO_FILE, renderPortfolio } from '../../core/portfolio/portfolioFile';
import { CommandId, Setting, SETTINGS_SECTION } from '../../ids';
import type { BankService } from '../bankService';
import { registerCommand } from '../commandRegistry';
import { reportError, type Log } from '../log';
import { NotesLocationError, resolveNotesLocation } from '../notesLocation';
import { writePlan } from '../plan/planWriter';
import { notesSource, WorkspaceNotesFolder } from '../workspaceNotesFolder';
import type { CustomersView } from './customersView';
import { displayNumber } from '../displayFormat';
import { generatedProblemText } from '../plan/generatedProblemText';

interface PortfolioArgs {
  quiet?: boolean;
}

export interface PortfolioDeps {
  banks: BankService;
  state: vscode.Memento;
  log: Log;
  customers: CustomersView;
}

/** Writes portfolio.md; never throws (problems are reported). */
export async function updatePortfolio({ banks, state, log, customers }: PortfolioDeps, quiet = false): Promise<vscode.Uri | undefined> {
  try {
    const location = await resolveNotesLocation(state);
    if (!location) return undefined;
    const folder = new WorkspaceNotesFolder(location.folder);
    const context = planContext((await banks.ready()).banks, localToday());
    const source = notesSource(folder, log);
    // The Customers view's figures: a customer whose notes did not change is not rolled up again.
    const cache = customers.figuresFor(location.folder);
    const portfolio = await collectPortfolio(source, { context, usage: portfolioUsage(source), ...(cache ? { cache } : {}) });
    const uri = folder.uri([PORTFOLIO_FILE]);
    let existing: string | undefined;
    try {
      existing = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await folder.read([PORTFOLIO_FILE]));
    } catch (err) {
      if (err instanceof TypeError) throw new Error(vscode.l10n.t('{0} is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8, then update the portfolio again.', PORTFOLIO_FILE));
      existing = undefined; // no portfolio yet
    }
    const rendered = renderPortfolio(portfolio, existing);
    const where = vscode.workspace.asRelativePath(uri, false);
    if (!rendered.ok) {
      log.warn(`Portfolio left untouched: ${folder.where([PORTFOLIO_FILE])}${rendered.line ? `:${rendered.line}` : ''}: ${rendered.error}`);
      const why = generatedProblemText(rendered.why);
      const message = rendered.line ? vscode.l10n.t('{0} (line {1}) was left untouched: {2}', where, rendered.line, why) : vscode.l10n.t('{0} was left untouched: {1}', where, why);
      void vscode.window.showErrorMessage(message, vscode.l10n.t('Open Portfolio')).then(async (pick) => {
        if (pick) await vscode.window.showTextDocument(uri, { preview: false });
      });
      return undefined;
    }
    const written = rendered.text !== existing;
    if (written) await folder.write([PORTFOLIO_FILE], rendered.text);
    log.info(`Portfolio ${written ? 'written' : 'unchanged'}: ${folder.where([PORTFOLIO_FILE])} (${portfolio.customers.length} customers)`);
    if (quiet) vscode.window.setStatusBarMessage(written ? vscode.l10n.t('Call Coach: portfolio updated ({0})', where) : vscode.l10n.t('Call Coach: portfolio up to date ({0})', where), 5000);
    else {
      const count = displayNumber(portfolio.customers.length);
      const message = written ? vscode.l10n.t('Portfolio updated: {0} ({1} customers)', where, count) : vscode.l10n.t('Portfolio already up to date: {0} ({1} customers)', where, count);
      void vscode.window.showInformationMessage(message, vscode.l10n.t('Open Portfolio')).then(async (pick) => {
        if (pick) await vscode.window.showTextDocument(uri, { preview: false });
      });
    }
    return uri;
  } catch (err) {
    if (err instanceof NotesLocationError) {
      void vscode.window.showErrorMessage(err.message, ...(err.action ? [err.action.title] : [])).then(async (pick) => {
        if (pick && err.action) await vscode.commands.executeCommand(err.action.command, ...(err.action.args ?? []));
      });
      return undefined;
    }
    void reportError(log, vscode.l10n.t('The portfolio could not be updated.'), vscode.l10n.t('Check that the notes folder is readable and writable, then run "Update Portfolio" again.'), err);
    return undefined;
  }
}

/**
 * After Finish Call or Import Usage Data (`scope`: the note, or the customer folder, whose settings
 * apply): the portfolio too, when callCoach.updatePortfolioAfterCall says so.
 */
export async function updatePortfolioAfterChange(deps: PortfolioDeps, scope: vscode.Uri): Promise<void> {
  if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<boolean>(Setting.updatePortfolioAfterCall, true)) return;
  await updatePortfolio(deps, true);
}

function folderArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const folder = arg && typeof arg === 'object' ? (arg as { folder?: unknown }).folder : undefined;
  return folder instanceof vscode.Uri ? folder : undefined;
}

export function registerPortfolioCommands(deps: PortfolioDeps): vscode.Disposable[] {
  const { customers, log } = deps;
  return [
    registerCommand(CommandId.updatePortfolio, (arg?: unknown) => updatePortfolio(deps, !!(arg && typeof arg === 'object' && (arg as PortfolioArgs).quiet))),
    registerCommand(CommandId.openSuccessPlan, async (arg?: unknown) => {
      const folder = folderArg(arg);
      if (!folder) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Pick a customer in the Customers view to open its success plan.'));
        return undefined;
      }
      let uri: vscode.Uri | undefined = vscode.Uri.joinPath(folder, PLAN_FILE);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        uri = await writePlan(WorkspaceNotesFolder.around(folder), deps, true);
      }
      if (uri) await vscode.window.showTextDocument(uri, { preview: true });
      return uri;
    }),
    registerCommand(CommandId.sortCustomersByHealth, () => customers.sortBy('health')),
    registerCommand(CommandId.sortCustomersByLastContact, () => customers.sortBy('lastContact')),
    registerCommand(CommandId.sortCustomersByNextDue, () => customers.sortBy('nextDue')),
    registerCommand(CommandId.filterCustomers, (text?: unknown) => (typeof text === 'string' ? customers.setFilter(text) : customers.askFilter())),
    registerCommand(CommandId.clearCustomerFilter, () => customers.setFilter('')),
    registerCommand(CommandId.refreshCustomers, () => {
      log.info('Customers: refreshing');
      customers.reload();
    }),
  ];
}
