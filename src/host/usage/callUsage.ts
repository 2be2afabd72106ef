// Lays the customer's usage data into a call as it starts (see src/core/usage/callUsage.ts): the
// stage scorecards pre-ticked where the data shows a criterion met, the use-case health panel
// starting from the computed colours. A customer without usage data starts as before; a problem
// reading it is logged and never stops the call.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/bank/catalog';
import { slugify } from '../../core/paths';
import { PLAN_FILE } from '../../core/plan/rollup';
import type { CallBank, CallState } from '../../core/session/model';
import { applyUsage } from '../../core/usage/callUsage';
import { readCustomerSince } from '../../core/usage/customerSince';
import { usageKeys, usageReport, type UsageReport } from '../../core/usage/report';
import type { Log } from '../log';
import { resolveNotesLocation } from '../notesLocation';
import { customerSnapshots } from './usageFiles';

/** The customer's customerSince from success-plan.md, if it has one. */
export async function customerSinceOf(customerFolder: vscode.Uri): Promise<string | undefined> {
  try {
    return readCustomerSince(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(customerFolder, PLAN_FILE))));
  } catch {
    return undefined;
  }
}

/** The usage report of a customer folder, or undefined without snapshots. */
export async function customerUsageReport(customerFolder: vscode.Uri, catalog: Catalog, log: Log): Promise<UsageReport | undefined> {
  const snapshots = await customerSnapshots(customerFolder, usageKeys(catalog.banks), log);
  if (!snapshots.length) return undefined;
  const since = await customerSinceOf(customerFolder);
  return usageReport(snapshots, catalog.banks, since ? { customerSince: since } : {});
}

export async function withUsageData(state: CallState, banks: readonly CallBank[], catalog: Catalog, workspaceState: vscode.Memento, log: Log): Promise<CallState> {
  try {
    const location = await resolveNotesLocation(workspaceState, false);
    if (!location) return state;
    const folder = vscode.Uri.joinPath(location.folder, slugify(state.setup.customer, 'customer'));
    const report = await customerUsageReport(folder, catalog, log);
    if (!report) return state;
    log.info(`Call started with usage data of ${report.recordedAt.slice(0, 10)} for ${state.setup.customer}.`);
    return applyUsage(state, report, banks);
  } catch (err) {
    log.warn('Usage data could not be read for this call; it starts without it.', err);
    return state;
  }
}
