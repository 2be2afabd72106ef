// Reads a customer's call notes and writes `<notesFolder>/<customer>/success-plan.md` (the roll-up
// in src/core/plan/rollup.ts). Notes that do not parse are skipped, logged and counted, never
// rewritten. The plan is replaced atomically, and only when its text changed. A plan whose markers
// or front matter are damaged is left exactly as it is and reported (PlanFileError).
import * as vscode from 'vscode';
import { localToday } from '../../core/localToday';
import type { Catalog } from '../../core/bank/catalog';
import { planContext } from '../../core/plan/context';
import type { PlanContext, SkippedNote, SuccessPlan } from '../../core/plan/model';
import { buildPlan, PLAN_FILE, renderPlan, type PlanNote, type RollupNote } from '../../core/plan/rollup';
import type { Log } from '../log';
import { replaceFile } from '../noteWriter';
import { indexedFolder, indexedNote } from './indexedNotes';

/** The plan file exists but Call Coach will not touch it until a person fixes it. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    readonly uri: vscode.Uri,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface PlanUpdate {
  uri: vscode.Uri;
  /** False when the plan already said exactly this. */
  written: boolean;
  plan: SuccessPlan;
}

async function readDir(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

/** Markdown files in a customer folder that may be call notes: not the plan, not hidden or temporary. */
export function noteFileNames(entries: readonly [string, vscode.FileType][]): string[] {
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.toLowerCase().endsWith('.md') && name !== PLAN_FILE && !name.startsWith('.'))
    .map(([name]) => name)
    .sort();
}

/**
 * A customer folder's notes, read and parsed (through the note index: only notes changed since
 * they were last read are read again); broken ones logged and listed in `skipped`.
 */
export async function readCustomerNotes(folder: vscode.Uri, log: Log): Promise<{ notes: PlanNote[]; skipped: SkippedNote[] }> {
  const notes: PlanNote[] = [];
  const skipped: SkippedNote[] = [];
  const files = noteFileNames(await readDir(folder));
  const entries = await indexedFolder(folder, files);
  files.forEach((file, i) => {
    const uri = vscode.Uri.joinPath(folder, file);
    const entry = entries[i]!;
    if (entry instanceof Error) {
      log.warn(`Success plan: could not read ${uri.fsPath || uri.toString()}`, entry);
      skipped.push({ file, error: `could not be read: ${entry.message}` });
      return;
    }
    const read = entry.read;
    if (read.ok) {
      notes.push({ file, note: read.note });
      return;
    }
    log.warn(`Success plan: skipped ${uri.fsPath || uri.toString()}${read.line ? `:${read.line}` : ''}: ${read.error}`);
    skipped.push(read.line === undefined ? { file, error: read.error } : { file, error: read.error, line: read.line });
  });
  return { notes, skipped };
}

/** The plan of a customer folder as data (for the sidebar's coverage gaps, or to write it). */
export async function loadCustomerPlan(folder: vscode.Uri, catalog: Catalog, log: Log, today = localToday()): Promise<{ plan: SuccessPlan; context: PlanContext }> {
  const { notes, skipped } = await readCustomerNotes(folder, log);
  const context = planContext(catalog.banks, today);
  const fallbackName = decodeURIComponent(folder.path.split('/').filter(Boolean).pop() ?? 'customer');
  return { plan: buildPlan({ customer: fallbackName, notes, skipped }, context), context };
}

/** Writes (or refreshes) the customer folder's success-plan.md. Throws PlanFileError for a plan it must not touch. */
export async function updateSuccessPlan(folder: vscode.Uri, catalog: Catalog, log: Log, today = localToday()): Promise<PlanUpdate> {
  const { plan, context } = await loadCustomerPlan(folder, catalog, log, today);
  const uri = vscode.Uri.joinPath(folder, PLAN_FILE);
  let existing: string | undefined;
  let bytes: Uint8Array | undefined;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    bytes = undefined; // no plan yet
  }
  if (bytes) {
    try {
      // Exact text: a BOM stays in the string, and bytes that are not UTF-8 stop us rather than
      // being replaced (which would change text the CSM wrote).
      existing = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new PlanFileError(`${PLAN_FILE} is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8, then update the plan again.`, uri);
    }
  }
  const rendered = renderPlan(plan, context, existing);
  if (!rendered.ok) throw new PlanFileError(rendered.error, uri, rendered.line);
  const written = rendered.text !== existing;
  if (written) await replaceFile(uri, rendered.text);
  log.info(
    `Success plan ${written ? 'written' : 'unchanged'}: ${uri.fsPath || uri.toString()} (${plan.calls.length} call${plan.calls.length === 1 ? '' : 's'}` +
      `${plan.skipped.length ? `, ${plan.skipped.length} unreadable note${plan.skipped.length === 1 ? '' : 's'} skipped` : ''})`,
  );
  return { uri, written, plan };
}

export interface CustomerFolder {
  folder: vscode.Uri;
  /** From the newest readable note; the folder name when none reads. */
  name: string;
  notes: number;
  /** Date of the newest readable note, or ''. */
  lastCall: string;
}

/** The customer folders under the notes folder that hold at least one note file. */
export async function listCustomerFolders(notesFolder: vscode.Uri, log: Log): Promise<CustomerFolder[]> {
  const dirs = (await readDir(notesFolder)).filter(([name, type]) => type === vscode.FileType.Directory && !name.startsWith('.'));
  const found = await Promise.all(
    dirs.map(async ([dir]): Promise<CustomerFolder | undefined> => {
      const folder = vscode.Uri.joinPath(notesFolder, dir);
      const files = noteFileNames(await readDir(folder));
      if (!files.length) return undefined;
      for (const file of [...files].reverse()) {
        const note = await readOne(folder, file, log);
        if (note) return { folder, name: note.customer || dir, notes: files.length, lastCall: note.date };
      }
      return { folder, name: dir, notes: files.length, lastCall: '' };
    }),
  );
  return found.filter((f): f is CustomerFolder => !!f).sort((a, b) => a.name.localeCompare(b.name));
}

async function readOne(folder: vscode.Uri, file: string, log: Log): Promise<RollupNote | undefined> {
  try {
    const { read } = await indexedNote(folder, file);
    return read.ok ? read.note : undefined;
  } catch (err) {
    const uri = vscode.Uri.joinPath(folder, file);
    log.warn(`Could not read ${uri.fsPath || uri.toString()}`, err);
    return undefined;
  }
}
