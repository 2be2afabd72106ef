// The roll-up the CLI's commands share, over the notes folder on disk: each customer folder's notes
// read through the note index (persisted between runs, see persistedIndex.ts) and rolled up with
// the same code the extension runs (src/core/plan/updatePlan.ts, src/core/portfolio/collect.ts).
// One customer at a time for `plan`, so memory holds one folder's notes however many there are.
import * as path from 'node:path';
import type { Catalog } from '../core/bank/catalog';
import { customerFolders, noteFiles, PLAN_FILE, type NotesFolder, type NotesLog } from '../core/notesFolder';
import type { NotesSource } from '../core/plan/customerNotes';
import { PlanFileError, updateSuccessPlan } from '../core/plan/updatePlan';
import { slugify } from '../core/paths';
import { nodeByteText, nodeHash } from '../host/plan/nodeText';
import { CliError, ExitCode } from './errors';
import { DryRunNotesFolder, NodeNotesFolder } from './nodeNotesFolder';
import { PersistedNoteIndex } from './persistedIndex';

/** Notes that cannot be read are reported by the commands themselves (plans list them); the log stays quiet. */
const quietLog: NotesLog = { info: () => undefined, warn: () => undefined };

export interface Notes {
  folder: NodeNotesFolder;
  index: PersistedNoteIndex;
}

export function openNotes(notesFolder: string, cacheDir: string | undefined, version: string): Notes {
  return { folder: new NodeNotesFolder(notesFolder), index: new PersistedNoteIndex(cacheDir, notesFolder, version, { text: nodeByteText, hash: nodeHash }) };
}

export function source(notes: Notes, folder: NotesFolder = notes.folder): NotesSource {
  return { folder, index: notes.index, log: quietLog };
}

/** The customer folders to work on: all with notes, or those named (by folder name or customer name). */
export async function selectCustomers(notes: Notes, names: readonly string[]): Promise<string[]> {
  const all: string[] = [];
  for (const c of await customerFolders(notes.folder)) if ((await noteFiles(notes.folder, c)).length) all.push(c);
  if (!names.length) return all;
  return names.map((name) => {
    const folder = all.includes(name) ? name : slugify(name, 'customer');
    if (!all.includes(folder)) throw new CliError(`no customer "${name}" in ${notes.folder.root} (no folder ${folder} with call notes); run \`call-coach portfolio --json\` to list them`, ExitCode.Usage);
    return folder;
  });
}

export type PlanOutcome = { status: 'unchanged' | 'written' | 'outdated'; file: string } | { status: 'refused'; file: string; line: number; error: string };

/** Writes a customer's success-plan.md as Update Success Plan does; with `check`, writes nothing and says whether it would. */
export async function planCustomer(notes: Notes, customer: string, catalog: Catalog, today: string, check: boolean): Promise<PlanOutcome> {
  const file = notes.folder.where([customer, PLAN_FILE]);
  const folder = check ? new DryRunNotesFolder(notes.folder) : notes.folder;
  try {
    const update = await updateSuccessPlan(source(notes, folder), customer, catalog, today);
    return { status: !update.written ? 'unchanged' : check ? 'outdated' : 'written', file };
  } catch (err) {
    if (err instanceof PlanFileError) return { status: 'refused', file, line: err.line ?? 1, error: err.message };
    throw new CliError(`${path.join(notes.folder.root, customer)}: ${(err as Error).message}`, ExitCode.Io);
  } finally {
    notes.index.done(notes.folder.where([customer]));
  }
}
