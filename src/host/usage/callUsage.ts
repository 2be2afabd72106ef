// Lays the customer's usage data into a call as it starts (src/core/usage/callUsage.ts): the stage
// scorecards pre-ticked where the data shows a criterion met, the use-case health panel starting
// from the computed colours. A customer without usage data starts as before; a problem reading it
// is logged and never stops the call.
import type * as vscode from 'vscode';
import type { Catalog } from '../../core/bank/catalog';
import { slugify } from '../../core/paths';
import type { CallBank, CallState } from '../../core/session/model';
import { applyUsage } from '../../core/usage/callUsage';
import { customerUsageReport } from '../../core/usage/usageStore';
import type { Log } from '../log';
import { resolveNotesLocation } from '../notesLocation';
import { WorkspaceNotesFolder } from '../workspaceNotesFolder';

export async function withUsageData(state: CallState, banks: readonly CallBank[], catalog: Catalog, workspaceState: vscode.Memento, log: Log): Promise<CallState> {
  try {
    const location = await resolveNotesLocation(workspaceState, false);
    if (!location) return state;
    const report = await customerUsageReport(new WorkspaceNotesFolder(location.folder), slugify(state.setup.customer, 'customer'), catalog.banks, log);
    if (!report) return state;
    log.info(`Call started with usage data of ${report.recordedAt.slice(0, 10)} for ${state.setup.customer}.`);
    return applyUsage(state, report, banks);
  } catch (err) {
    log.warn('Usage data could not be read for this call; it starts without it.', err);
    return state;
  }
}
