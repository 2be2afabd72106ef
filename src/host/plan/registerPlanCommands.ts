// Palette commands for success plans and exports:
//   callCoach.updateSuccessPlan   writes <notesFolder>/<customer>/success-plan.md. Without an
//                                 argument it asks which customer (the current or last call's
//                                 first). Arguments it takes: a customer folder or note Uri (from
//                                 the Explorer), or { folder?: Uri, customer?: string }. Returns the
//                                 plan's Uri. (After a call, src/host/finishPipeline.ts writes the
//                                 plan through planWriter.ts directly.)
//   callCoach.copyCallSummary     copies the current call or a chosen note as Markdown, plain text or
//                                 objectives CSV. Arguments: a note Uri, or { uri?: Uri, current?: boolean,
//                                 format?: 'markdown' | 'text' | 'csv' }. Returns the copied text.
import * as vscode from 'vscode';
import { registerCommand } from '../commandRegistry';
import type { Catalog } from '../../core/bank/catalog';
import { parseNote } from '../../core/note/parse';
import type { CallNote } from '../../core/note/model';
import { planContext } from '../../core/plan/context';
import { exportCall, exportFormats, type ExportFormat, type ExportOptions } from '../../core/plan/export';
import { slugify } from '../../core/paths';
import { toNote } from '../../core/session/toNote';
import type { BankService } from '../bankService';
import type { CallController } from '../callController';
import { reportError, type Log } from '../log';
import { NotesLocationError, resolveNotesLocation } from '../notesLocation';
import { localToday } from '../../core/localToday';
import { customerFolders, noteFiles } from '../../core/notesFolder';
import { listCustomerFolders } from '../../core/plan/customerNotes';
import { notesSource, WorkspaceNotesFolder } from '../workspaceNotesFolder';
import { CommandId } from '../../ids';
import { LAST_CUSTOMER, writePlan, type PlanTarget } from './planWriter';
import { displayDate, displayNumber } from '../displayFormat';
import { noteProblemText } from './noteProblemText';

interface PlanArgs {
  folder?: vscode.Uri;
  customer?: string;
}

interface CopyArgs {
  uri?: vscode.Uri;
  current?: boolean;
  format?: ExportFormat;
}

const formatLabels = (): Record<ExportFormat, { label: string; detail: string; copied: (title: string) => string }> => ({
  markdown: {
    label: vscode.l10n.t('Markdown'),
    detail: vscode.l10n.t('Summary with headings and tables, for a wiki, an issue or an email'),
    copied: (title) => vscode.l10n.t('Call Coach: Markdown of "{0}" copied', title),
  },
  text: {
    label: vscode.l10n.t('Plain text'),
    detail: vscode.l10n.t('No Markdown, wrapped at 80 columns, for a CRM note field'),
    copied: (title) => vscode.l10n.t('Call Coach: plain text of "{0}" copied', title),
  },
  csv: {
    label: vscode.l10n.t('Objectives as CSV'),
    detail: vscode.l10n.t('One row per objective with owner, due date, status, horizon and value driver'),
    copied: (title) => vscode.l10n.t('Call Coach: objectives as CSV of "{0}" copied', title),
  },
});

/** "3 notes, last call 7 Mar 2024" for the customer picker. */
function noteCount(notes: number, lastCall: string | undefined): string {
  const count = notes === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', displayNumber(notes));
  return lastCall ? vscode.l10n.t('{0}, last call {1}', count, displayDate(lastCall)) : count;
}

/** Shows a notes-location problem without waiting for the CSM to dismiss it. */
function showLocationError(err: unknown): boolean {
  if (!(err instanceof NotesLocationError)) return false;
  void vscode.window.showErrorMessage(err.message, ...(err.action ? [err.action.title] : [])).then(async (pick) => {
    if (pick && err.action) await vscode.commands.executeCommand(err.action.command, ...(err.action.args ?? []));
  });
  return true;
}

/** Like reportError, but the command returns at once (a notification waits for its dismissal). */
function report(log: Log, whatHappened: string, whatToDo: string, err: unknown): void {
  void reportError(log, whatHappened, whatToDo, err);
}

export function registerPlanCommands(banks: BankService, calls: CallController, state: vscode.Memento, log: Log): vscode.Disposable[] {
  const exportOptions = (catalog: Catalog): ExportOptions => {
    const context = planContext(catalog.banks, localToday());
    return {
      valueDriverName: (id) => context.valueDrivers.find((d) => d.id === id)?.name ?? id,
      stageTitle: (id) => context.stages.find((s) => s.stage === id)?.title ?? id,
    };
  };

  /** The customer folder to update: given, from the argument, or picked. */
  async function customerFolder(arg: unknown): Promise<PlanTarget | undefined> {
    if (arg instanceof vscode.Uri) {
      const stat = await vscode.workspace.fs.stat(arg);
      return WorkspaceNotesFolder.around(stat.type & vscode.FileType.Directory ? arg : vscode.Uri.joinPath(arg, '..'));
    }
    const args = (arg && typeof arg === 'object' ? arg : {}) as PlanArgs;
    if (args.folder instanceof vscode.Uri) return WorkspaceNotesFolder.around(args.folder);
    const location = await resolveNotesLocation(state);
    if (!location) return undefined;
    const folder = new WorkspaceNotesFolder(location.folder);
    if (typeof args.customer === 'string' && args.customer.trim()) return { folder, customer: slugify(args.customer, 'customer') };
    const customers = await listCustomerFolders(notesSource(folder, log));
    if (!customers.length) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t("There are no call notes in {0} yet. Finish a call first; its customer's plan is written beside its notes.", vscode.workspace.asRelativePath(location.folder, false)),
      );
      return undefined;
    }
    const currentSlug = calls.current ? slugify(calls.current.state.setup.customer, 'customer') : undefined;
    const lastSlug = state.get<string>(LAST_CUSTOMER);
    const rank = (c: { folder: string }) => (c.folder === currentSlug ? 0 : c.folder === lastSlug ? 1 : 2);
    const items = [...customers]
      .sort((a, b) => rank(a) - rank(b))
      .map((c) => ({
        label: c.name,
        description: rank(c) === 0 ? vscode.l10n.t('current call') : rank(c) === 1 ? vscode.l10n.t('last call') : undefined,
        detail: noteCount(c.notes, c.lastCall),
        folder: c.folder,
      }));
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Call Coach: Update Success Plan'), placeHolder: vscode.l10n.t('Which customer?'), matchOnDetail: true });
    return pick && { folder, customer: pick.folder };
  }

  async function updatePlan(arg?: unknown): Promise<vscode.Uri | undefined> {
    let target: PlanTarget | undefined;
    try {
      target = await customerFolder(arg);
    } catch (err) {
      if (!showLocationError(err)) report(log, vscode.l10n.t('The success plan could not be updated.'), vscode.l10n.t('Check that the notes folder is readable and writable, then run "Update Success Plan" again.'), err);
      return undefined;
    }
    return target && writePlan(target, { banks, state, log });
  }

  /** The note to export: the argument, the current call, the active note, or one picked. */
  async function chooseNote(args: CopyArgs): Promise<CallNote | undefined> {
    const current = calls.current;
    const fromCall = (): CallNote | undefined => (current ? toNote(current.state, new Map(current.banks.map((b) => [b.id, b])), Date.now()) : undefined);
    const read = async (uri: vscode.Uri): Promise<CallNote | undefined> => {
      const parsed = parseNote(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      if (parsed.ok) return parsed.note;
      const where = vscode.workspace.asRelativePath(uri, false);
      void vscode.window.showErrorMessage(
        parsed.line
          ? vscode.l10n.t('{0} is not a call note Call Coach can read (line {1}): {2}', where, parsed.line, noteProblemText(parsed.why))
          : vscode.l10n.t('{0} is not a call note Call Coach can read: {1}', where, noteProblemText(parsed.why)),
      );
      return undefined;
    };
    if (args.uri) return read(args.uri);
    if (args.current) {
      const note = fromCall();
      if (!note) void vscode.window.showInformationMessage(vscode.l10n.t('There is no call in progress.'));
      return note;
    }
    type Item = vscode.QuickPickItem & { load?: () => Promise<CallNote | undefined> };
    const items: Item[] = [];
    if (current) {
      const { customer, title } = current.state.setup;
      items.push({ label: `$(comment-discussion) ${vscode.l10n.t('Current call: {0}', title)}`, description: customer, load: async () => fromCall() });
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && active.languageId === 'markdown') {
      const parsed = parseNote(active.getText());
      if (parsed.ok) items.push({ label: `$(file) ${parsed.note.title}`, description: vscode.l10n.t('{0}, {1} (open editor)', parsed.note.customer, displayDate(parsed.note.date)), load: async () => parsed.note });
    }
    try {
      const location = await resolveNotesLocation(state, false);
      if (location) {
        const folder = new WorkspaceNotesFolder(location.folder);
        const notes: { uri: vscode.Uri; customer: string; file: string }[] = [];
        for (const dir of await customerFolders(folder)) {
          for (const file of await noteFiles(folder, dir)) notes.push({ uri: folder.uri([dir, file]), customer: dir, file });
        }
        notes.sort((a, b) => (a.file < b.file ? 1 : a.file > b.file ? -1 : 0));
        if (notes.length) items.push({ label: vscode.l10n.t('Call notes'), kind: vscode.QuickPickItemKind.Separator });
        for (const n of notes.slice(0, 200)) items.push({ label: n.file.replace(/\.md$/i, ''), description: n.customer, load: () => read(n.uri) });
      }
    } catch (err) {
      log.warn('Copy Call Summary: could not list the call notes', err);
    }
    if (!items.some((i) => i.load)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no call in progress and no call note to copy yet.'));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Call Coach: Copy Call Summary'), placeHolder: vscode.l10n.t('Which call?'), matchOnDescription: true });
    return pick?.load?.();
  }

  async function copySummary(arg?: unknown): Promise<string | undefined> {
    const args: CopyArgs = arg instanceof vscode.Uri ? { uri: arg } : ((arg && typeof arg === 'object' ? arg : {}) as CopyArgs);
    try {
      const note = await chooseNote(args);
      if (!note) return undefined;
      let format = args.format && (exportFormats as readonly string[]).includes(args.format) ? args.format : undefined;
      const labels = formatLabels();
      if (!format) {
        const pick = await vscode.window.showQuickPick(
          exportFormats.map((f) => ({ label: labels[f].label, detail: labels[f].detail, format: f })),
          { title: vscode.l10n.t('Copy Call Summary: {0}', note.title), placeHolder: vscode.l10n.t('Copy as…') },
        );
        format = pick?.format;
      }
      if (!format) return undefined;
      const text = exportCall(note, format, exportOptions(await banks.ready()));
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(labels[format].copied(note.title), 4000);
      return text;
    } catch (err) {
      if (!showLocationError(err)) report(log, vscode.l10n.t('The call summary could not be copied.'), vscode.l10n.t('Check the log for details, then try again.'), err);
      return undefined;
    }
  }

  return [registerCommand(CommandId.updateSuccessPlan, updatePlan), registerCommand(CommandId.copyCallSummary, copySummary)];
}
