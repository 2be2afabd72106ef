// Call Coach: Import Usage Data (callCoach.importUsageData). The CSM picks Service Ping payloads (a
// JSON file, several, or a folder of monthly ones) and a customer (one with notes, or a new one);
// Call Coach checks every payload first and then stores trimmed snapshots at
// `<notesFolder>/<customer>/usage/<YYYY-MM-DD>.json`. Any problem with any payload: nothing is
// written, and the message names the file and the problem. The first import for a customer asks for
// the month they bought GitLab ("customer since", YYYY-MM) and keeps it in success-plan.md's front
// matter; then the plan is updated, and portfolio.md when callCoach.updatePortfolioAfterCall says so.
//
// Arguments (tests, other extensions): { uris?: (Uri | string)[], customer?: string,
// customerSince?: string | null } skip the pickers; customerSince null skips that question.
// Returns { written: Uri[], unchanged: number } or undefined when cancelled or refused.
import * as vscode from 'vscode';
import { CommandId } from '../../ids';
import { localToday } from '../../core/localToday';
import { PLAN_FILE } from '../../core/notesFolder';
import { slugify } from '../../core/paths';
import { listCustomerFolders, readCustomerFolder } from '../../core/plan/customerNotes';
import { planText, readPlanCustomer, withPlanFrontMatterValue } from '../../core/plan/planFrontMatter';
import { PlanFileError, updateSuccessPlan } from '../../core/plan/updatePlan';
import { monthProblem, readCustomerSince, withCustomerSince } from '../../core/usage/customerSince';
import { planImport, type IncomingPayload } from '../../core/usage/importPlan';
import { parsePayload, payloadFailure, sizeIssue, type ParsedPayload } from '../../core/usage/payload';
import { importProblemText, payloadProblemText } from './payloadWords';
import { usageKeys } from '../../core/usage/report';
import { storedSnapshots, USAGE_FOLDER, writeSnapshots } from '../../core/usage/usageStore';
import type { BankService } from '../bankService';
import { registerCommand } from '../commandRegistry';
import { reportError, type Log } from '../log';
import { NotesLocationError, resolveNotesLocation } from '../notesLocation';
import { notesSource, WorkspaceNotesFolder } from '../workspaceNotesFolder';
import { displayDate, displayNumber } from '../displayFormat';
import { generatedProblemText } from '../plan/generatedProblemText';

interface ImportArgs {
  uris?: (vscode.Uri | string)[];
  customer?: string;
  customerSince?: string | null;
}

export interface ImportResult {
  /** Where each snapshot written is. */
  written: string[];
  unchanged: number;
  /** The customer's folder name in the notes folder. */
  customer: string;
}

const name = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.toString();
const decoder = new TextDecoder('utf-8');

/** The picked files, with each picked folder replaced by the .json files directly in it. */
async function payloadFiles(picked: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  for (const uri of picked) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.Directory)) {
      files.push(uri);
      continue;
    }
    const entries = await vscode.workspace.fs.readDirectory(uri);
    const json = entries.filter(([n, type]) => type & vscode.FileType.File && n.toLowerCase().endsWith('.json') && !n.startsWith('.'));
    files.push(...json.map(([n]) => n).sort().map((n) => vscode.Uri.joinPath(uri, n)));
  }
  return files;
}

/** Reads and checks one payload; its size is checked before a byte is read. */
async function readPayload(uri: vscode.Uri, keys: readonly string[], now: Date): Promise<ParsedPayload> {
  const tooBig = sizeIssue((await vscode.workspace.fs.stat(uri)).size);
  if (tooBig) return payloadFailure(tooBig);
  return parsePayload(decoder.decode(await vscode.workspace.fs.readFile(uri)), { keys, now });
}

/**
 * A customer of the Customers view (its context menu's Import Usage Data): that customer is
 * preselected; its folder is the one the tree read, whatever its name's slug would be.
 */
function customerNodeArg(arg: unknown): { folder: string; name: string } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as { kind?: unknown; folder?: unknown; customer?: unknown };
  if (node.kind !== 'customer' || !(node.folder instanceof vscode.Uri) || typeof node.customer !== 'string') return undefined;
  const folder = node.folder.path.split('/').filter(Boolean).pop();
  return folder ? { folder, name: node.customer } : undefined;
}

/**
 * `afterImport`: runs once the plan is updated, with the customer's folder: the portfolio
 * (callCoach.updatePortfolioAfterCall), as after a call. Never throws.
 */
export function registerUsageCommands(banks: BankService, state: vscode.Memento, log: Log, afterImport?: (customerFolder: vscode.Uri) => Promise<void>): vscode.Disposable[] {
  async function pickCustomer(notes: WorkspaceNotesFolder): Promise<{ folder: string; name: string } | undefined> {
    const customers = await listCustomerFolders(notesSource(notes, log));
    const NEW = `$(add) ${vscode.l10n.t('New customer…')}`;
    const pick = await vscode.window.showQuickPick(
      [
        ...customers.map((c) => ({ label: c.name, description: c.lastCall ? vscode.l10n.t('last call {0}', displayDate(c.lastCall)) : '', folder: c.folder as string | undefined })),
        { label: NEW, description: '', folder: undefined },
      ],
      { title: vscode.l10n.t('Import Usage Data: which customer is this usage data for?'), placeHolder: vscode.l10n.t('Pick a customer, or add a new one'), ignoreFocusOut: true },
    );
    if (!pick) return undefined;
    if (pick.folder) return { folder: pick.folder, name: pick.label };
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Import Usage Data: new customer'),
      prompt: vscode.l10n.t('The customer’s name, as you would write it on a call'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type the customer’s name.')),
    });
    return typed?.trim() ? { folder: slugify(typed.trim(), 'customer'), name: typed.trim() } : undefined;
  }

  function pickPayloads(): Thenable<vscode.Uri[] | undefined> {
    return vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import Usage Data: Service Ping payloads (a JSON file, several, or a folder of monthly payloads)'),
      openLabel: vscode.l10n.t('Import'),
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: true,
      filters: { [vscode.l10n.t('Service Ping payload')]: ['json'] },
    });
  }

  async function askCustomerSince(customer: string): Promise<string | undefined> {
    const today = localToday();
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Import Usage Data: when did {0} buy GitLab?', customer),
      prompt: vscode.l10n.t('Customer since, as YYYY-MM. License utilization is judged by account age; Call Coach keeps it in the success plan’s front matter (customerSince) and asks only once.'),
      placeHolder: vscode.l10n.t('YYYY-MM, e.g. 2025-06'),
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() ? monthProblem(v, today, { format: vscode.l10n.t('Write the month as YYYY-MM, e.g. 2025-06.'), future: vscode.l10n.t('That month is in the future.') }) : undefined,
    });
    return typed?.trim() || undefined;
  }

  /** Every payload checked, then the import planned against what is stored; problems or writes. */
  async function prepare(notes: WorkspaceNotesFolder, customer: string, picked: readonly vscode.Uri[], keys: readonly string[]) {
    const files = await payloadFiles(picked);
    if (!files.length) return { problems: [vscode.l10n.t('the folder has no .json files; pick the Service Ping payloads themselves, or the folder that holds them')] };
    const now = new Date();
    const incoming: IncomingPayload[] = [];
    const problems: string[] = [];
    const unavailable = new Map<string, string>();
    for (const uri of files) {
      const parsed = await readPayload(uri, keys, now).catch((err: unknown): ParsedPayload => payloadFailure({ code: 'unreadable', detail: err instanceof Error ? err.message : String(err) }));
      if (!parsed.ok) {
        problems.push(vscode.l10n.t('{0}: {1}', name(uri), payloadProblemText(parsed.why)));
        continue;
      }
      incoming.push({ source: name(uri), snapshot: parsed.snapshot });
      for (const u of parsed.unavailable) unavailable.set(u.path, `${u.path}: ${u.reason}`);
    }
    if (problems.length) return { problems };
    const plan = planImport(await storedSnapshots(notes, customer, keys, log, now), incoming);
    return plan.ok ? { plan, unavailable: [...unavailable.values()] } : { problems: plan.issues.map(importProblemText) };
  }

  async function importUsage(arg?: ImportArgs | vscode.Uri): Promise<ImportResult | undefined> {
    const args: ImportArgs = arg && !(arg instanceof vscode.Uri) && typeof arg === 'object' && !customerNodeArg(arg) ? arg : {};
    let location;
    try {
      location = await resolveNotesLocation(state);
    } catch (err) {
      if (!(err instanceof NotesLocationError)) throw err;
      void vscode.window.showErrorMessage(err.message);
      return undefined;
    }
    if (!location) return undefined;
    const notes = new WorkspaceNotesFolder(location.folder);
    const picked = args.uris?.map((u) => (typeof u === 'string' ? vscode.Uri.file(u) : u)) ?? (arg instanceof vscode.Uri ? [arg] : await pickPayloads());
    if (!picked?.length) return undefined;
    const given = args.customer?.trim();
    const node = customerNodeArg(arg);
    const customer = node ?? (given ? { folder: slugify(given, 'customer'), name: given } : await pickCustomer(notes));
    if (!customer) return undefined;

    const catalog = await banks.ready();
    const keys = usageKeys(catalog.banks);
    const started = Date.now();
    const prepared = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Call Coach: importing usage data') }, () => prepare(notes, customer.folder, picked, keys));
    if ('problems' in prepared) {
      const problems = prepared.problems ?? [];
      for (const p of problems) log.error(`Usage data not imported: ${p}`);
      const first = vscode.l10n.t('Usage data not imported, nothing was written: {0}', problems[0] ?? '');
      const more =
        problems.length === 2
          ? vscode.l10n.t('{0} (and 1 more problem in the log)', first)
          : problems.length > 2
            ? vscode.l10n.t('{0} (and {1} more problems in the log)', first, displayNumber(problems.length - 1))
            : first;
      void vscode.window.showErrorMessage(more, vscode.l10n.t('Show Log')).then((p) => p && log.show(true));
      return undefined;
    }
    const { plan, unavailable } = prepared;
    let written: string[];
    try {
      written = await writeSnapshots(notes, customer.folder, plan.writes);
    } catch (err) {
      void reportError(
        log,
        vscode.l10n.t('The usage snapshots could not be written to {0}.', notes.where([customer.folder, USAGE_FOLDER])),
        vscode.l10n.t('Check that the folder can be written to, then import again.'),
        err,
      );
      return undefined;
    }
    log.info(`Usage data for ${customer.name}: ${written.length} snapshot(s) written, ${plan.unchanged.length} already there, in ${Date.now() - started} ms.`);
    if (unavailable.length) log.info(`Usage data for ${customer.name}: unavailable metrics (error values, or not sent by this instance): ${unavailable.join('; ')}`);

    await rememberInPlan(notes, customer, args.customerSince);
    let planUri: vscode.Uri | undefined;
    try {
      planUri = notes.uri((await updateSuccessPlan(notesSource(notes, log), customer.folder, catalog)).path);
    } catch (err) {
      if (err instanceof PlanFileError) void vscode.window.showWarningMessage(vscode.l10n.t('Usage data imported, but {0} was left as it is: {1}', PLAN_FILE, generatedProblemText(err.why)));
      else log.error('Usage data imported, but the success plan could not be updated', err);
    }
    // The Customers view shows health and alerts from usage data (and a new customer's name from the plan): read them again.
    void vscode.commands.executeCommand(CommandId.refreshCustomers).then(undefined, () => undefined);
    // portfolio.md shows health and alerts from usage data too: rewritten as after a call.
    await afterImport?.(notes.uri([customer.folder]));
    const what =
      written.length === 1
        ? vscode.l10n.t('Usage data for {0}: 1 monthly snapshot stored.', customer.name)
        : written.length
          ? vscode.l10n.t('Usage data for {0}: {1} monthly snapshots stored.', customer.name, displayNumber(written.length))
          : vscode.l10n.t('Usage data for {0}: already imported, nothing new.', customer.name);
    const missing =
      unavailable.length === 1
        ? vscode.l10n.t('1 metric was unavailable (see the log).')
        : unavailable.length
          ? vscode.l10n.t('{0} metrics were unavailable (see the log).', displayNumber(unavailable.length))
          : '';
    void vscode.window.showInformationMessage(missing ? `${what} ${missing}` : what, ...(planUri ? [vscode.l10n.t('Open Success Plan')] : [])).then((p) => {
      if (p && planUri) void vscode.window.showTextDocument(planUri, { preview: false });
    });
    return { written, unchanged: plan.unchanged.length, customer: customer.folder };
  }

  /**
   * What the plan's front matter keeps of an import: the customer's name as typed, while no call
   * note names the customer (the folder's name is only its slug), and customer since, asked once.
   */
  async function rememberInPlan(notes: WorkspaceNotesFolder, customer: { folder: string; name: string }, given: string | null | undefined): Promise<void> {
    const text = await planText(notes, customer.folder);
    let next = text;
    if (readPlanCustomer(text) !== customer.name && !(await readCustomerFolder(notesSource(notes, log), customer.folder))?.named) {
      next = withPlanFrontMatterValue(text, 'customer', customer.name) ?? text;
    }
    const month = readCustomerSince(next) || given === null ? undefined : (given ?? (await askCustomerSince(customer.name)));
    if (month && !monthProblem(month, localToday())) {
      const since = withCustomerSince(next, month);
      if (since === undefined) void vscode.window.showWarningMessage(vscode.l10n.t("{0}'s front matter could not be read, so customer since was not saved; add `customerSince: {1}` to it by hand.", PLAN_FILE, month));
      else next = since;
    }
    if (next !== undefined && next !== text) await notes.write([customer.folder, PLAN_FILE], next);
  }

  return [
    registerCommand(CommandId.importUsageData, async (arg?: ImportArgs | vscode.Uri) => {
      try {
        return await importUsage(arg);
      } catch (err) {
        void reportError(log, vscode.l10n.t('Call Coach could not import the usage data.'), vscode.l10n.t('Check the log for details, then try again.'), err);
        return undefined;
      }
    }),
  ];
}
