// Call Coach: Import Usage Data (callCoach.importUsageData). The CSM picks Service Ping payloads (a
// JSON file, several, or a folder of monthly ones) and a customer (one with notes, or a new one);
// Call Coach checks every payload first and then stores trimmed snapshots at
// `<notesFolder>/<customer>/usage/<YYYY-MM-DD>.json`. Any problem with any payload: nothing is
// written, and the message names the file and the problem. The first import for a customer asks for
// the month they bought GitLab ("customer since", YYYY-MM) and keeps it in success-plan.md's front
// matter; then the plan is updated.
//
// Arguments (tests, other extensions): { uris?: (Uri | string)[], customer?: string,
// customerSince?: string | null } skip the pickers; customerSince null skips that question.
// Returns { written: Uri[], unchanged: number } or undefined when cancelled or refused.
import * as vscode from 'vscode';
import { localToday } from '../../core/localToday';
import { slugify } from '../../core/paths';
import { PLAN_FILE } from '../../core/plan/rollup';
import { monthProblem, readCustomerSince, withCustomerSince } from '../../core/usage/customerSince';
import { planImport, type IncomingPayload } from '../../core/usage/importPlan';
import { usageKeys } from '../../core/usage/report';
import type { BankService } from '../bankService';
import { registerCommand } from '../commandRegistry';
import { reportError, type Log } from '../log';
import { exists, replaceFile } from '../noteWriter';
import { NotesLocationError, resolveNotesLocation } from '../notesLocation';
import { listCustomerFolders, PlanFileError, updateSuccessPlan } from '../plan/updatePlan';
import { payloadFiles, readPayload, storedSnapshots, usageFolder } from './usageFiles';

export const IMPORT_USAGE_COMMAND = 'callCoach.importUsageData';

interface ImportArgs {
  uris?: (vscode.Uri | string)[];
  customer?: string;
  customerSince?: string | null;
}

export interface ImportResult {
  written: vscode.Uri[];
  unchanged: number;
  customerFolder: vscode.Uri;
}

const decoder = new TextDecoder();
const name = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.toString();

export function registerUsageCommands(banks: BankService, state: vscode.Memento, log: Log): vscode.Disposable[] {
  async function pickCustomer(notesFolder: vscode.Uri): Promise<{ folder: vscode.Uri; name: string } | undefined> {
    const customers = await listCustomerFolders(notesFolder, log);
    const NEW = '$(add) New customer…';
    const pick = await vscode.window.showQuickPick(
      [...customers.map((c) => ({ label: c.name, description: c.lastCall ? `last call ${c.lastCall}` : '', folder: c.folder })), { label: NEW, description: '', folder: undefined }],
      { title: 'Import Usage Data: which customer is this usage data for?', placeHolder: 'Pick a customer, or add a new one', ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (pick.folder) return { folder: pick.folder, name: pick.label };
    const typed = await vscode.window.showInputBox({
      title: 'Import Usage Data: new customer',
      prompt: 'The customer’s name, as you would write it on a call',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Type the customer’s name.'),
    });
    return typed?.trim() ? { folder: vscode.Uri.joinPath(notesFolder, slugify(typed.trim(), 'customer')), name: typed.trim() } : undefined;
  }

  async function pickPayloads(): Promise<vscode.Uri[] | undefined> {
    return vscode.window.showOpenDialog({
      title: 'Import Usage Data: Service Ping payloads (a JSON file, several, or a folder of monthly payloads)',
      openLabel: 'Import',
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      filters: { 'Service Ping payload': ['json'] },
    });
  }

  async function askCustomerSince(customer: string): Promise<string | undefined> {
    const today = localToday();
    const typed = await vscode.window.showInputBox({
      title: `Import Usage Data: when did ${customer} buy GitLab?`,
      prompt: 'Customer since, as YYYY-MM. License utilization is judged by account age; Call Coach keeps it in the success plan’s front matter (customerSince) and asks only once.',
      placeHolder: 'YYYY-MM, e.g. 2025-06',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? monthProblem(v, today) : undefined),
    });
    return typed?.trim() || undefined;
  }

  async function importUsage(arg?: ImportArgs): Promise<ImportResult | undefined> {
    const args = arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {};
    let location;
    try {
      location = await resolveNotesLocation(state);
    } catch (err) {
      if (err instanceof NotesLocationError) {
        void vscode.window.showErrorMessage(err.message);
        return undefined;
      }
      throw err;
    }
    if (!location) return undefined;
    const picked = args.uris?.map((u) => (typeof u === 'string' ? vscode.Uri.file(u) : u)) ?? (arg instanceof vscode.Uri ? [arg] : await pickPayloads());
    if (!picked?.length) return undefined;
    const customer = args.customer?.trim()
      ? { folder: vscode.Uri.joinPath(location.folder, slugify(args.customer.trim(), 'customer')), name: args.customer.trim() }
      : await pickCustomer(location.folder);
    if (!customer) return undefined;

    const catalog = await banks.ready();
    const keys = usageKeys(catalog.banks);
    const started = Date.now();
    const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Call Coach: importing usage data' }, async () => {
      const files = await payloadFiles(picked);
      if (!files.length) return { problems: ['the folder has no .json files; pick the Service Ping payloads themselves, or the folder that holds them'] };
      const now = new Date();
      const incoming: IncomingPayload[] = [];
      const problems: string[] = [];
      const unavailable = new Map<string, string>();
      for (const uri of files) {
        const parsed = await readPayload(uri, keys, now).catch((err: Error) => ({ ok: false as const, problem: `it could not be read (${err.message})` }));
        if (!parsed.ok) problems.push(`${name(uri)}: ${parsed.problem}`);
        else {
          incoming.push({ source: name(uri), snapshot: parsed.snapshot });
          for (const u of parsed.unavailable) unavailable.set(u.path, `${u.path}: ${u.reason}`);
        }
      }
      if (problems.length) return { problems };
      const stored = await storedSnapshots(customer.folder, keys, log, now);
      const plan = planImport(stored, incoming);
      if (!plan.ok) return { problems: plan.problems };
      const folder = usageFolder(customer.folder);
      const written: vscode.Uri[] = [];
      try {
        for (const w of plan.writes) {
          const target = vscode.Uri.joinPath(folder, w.file);
          await replaceFile(target, w.text);
          written.push(target);
        }
      } catch (err) {
        // Nothing half-imported: take back what this import wrote.
        for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
        return { problems: [`the snapshots could not be written to ${folder.fsPath || folder.toString()} (${(err as Error).message})`] };
      }
      return { written, unchanged: plan.unchanged.length, unavailable: [...unavailable.values()] };
    });

    if ('problems' in outcome && outcome.problems) {
      for (const p of outcome.problems) log.error(`Usage data not imported: ${p}`);
      const more = outcome.problems.length > 1 ? ` (and ${outcome.problems.length - 1} more problem${outcome.problems.length > 2 ? 's' : ''} in the log)` : '';
      void vscode.window.showErrorMessage(`Usage data not imported, nothing was written: ${outcome.problems[0]}${more}`, 'Show Log').then((p) => p && log.show(true));
      return undefined;
    }
    const { written, unchanged, unavailable } = outcome as { written: vscode.Uri[]; unchanged: number; unavailable: string[] };
    log.info(`Usage data for ${customer.name}: ${written.length} snapshot(s) written, ${unchanged} already there, in ${Date.now() - started} ms.`);
    if (unavailable.length) log.info(`Usage data for ${customer.name}: unavailable metrics (error values or not sent): ${unavailable.join('; ')}`);

    await rememberCustomerSince(customer, args.customerSince);
    let planUri: vscode.Uri | undefined;
    try {
      planUri = (await updateSuccessPlan(customer.folder, catalog, log)).uri;
    } catch (err) {
      if (err instanceof PlanFileError) void vscode.window.showWarningMessage(`Usage data imported, but ${PLAN_FILE} was left as it is: ${err.message}`);
      else log.error('Usage data imported, but the success plan could not be updated', err);
    }
    const what = written.length ? `${written.length} monthly snapshot${written.length === 1 ? '' : 's'} stored` : 'already imported; nothing new';
    const missing = unavailable.length ? ` ${unavailable.length} metric${unavailable.length === 1 ? ' was' : 's were'} unavailable (see the log).` : '';
    void vscode.window.showInformationMessage(`Usage data for ${customer.name}: ${what}.${missing}`, ...(planUri ? ['Open Success Plan'] : [])).then((p) => {
      if (p && planUri) void vscode.window.showTextDocument(planUri, { preview: false });
    });
    return { written, unchanged, customerFolder: customer.folder };
  }

  /** Asks once per customer; an answer goes into the plan's front matter. */
  async function rememberCustomerSince(customer: { folder: vscode.Uri; name: string }, given: string | null | undefined): Promise<void> {
    const planUri = vscode.Uri.joinPath(customer.folder, PLAN_FILE);
    const text = (await exists(planUri)) ? decoder.decode(await vscode.workspace.fs.readFile(planUri)) : undefined;
    if (readCustomerSince(text)) return;
    if (given === null) return;
    const month = given ?? (await askCustomerSince(customer.name));
    if (!month || monthProblem(month, localToday())) return;
    const next = withCustomerSince(text, month);
    if (next === undefined) {
      void vscode.window.showWarningMessage(`${PLAN_FILE}'s front matter could not be read, so customer since was not saved; add \`customerSince: ${month}\` to it by hand.`);
      return;
    }
    await replaceFile(planUri, next);
  }

  return [
    registerCommand(IMPORT_USAGE_COMMAND, async (arg?: ImportArgs) => {
      try {
        return await importUsage(arg);
      } catch (err) {
        void reportError(log, 'Call Coach could not import the usage data.', 'Check the log for details, then try again.', err);
        return undefined;
      }
    }),
  ];
}
