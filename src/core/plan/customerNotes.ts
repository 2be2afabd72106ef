// Reading what earlier calls recorded, through the notes folder (src/core/notesFolder.ts) and the
// note index (noteIndex.ts): a customer's notes for the roll-up, and the customer folders for the
// start form and the plan picker. A note is read and parsed again only when its stamp changed;
// notes that cannot be read or parsed are logged and reported, never rewritten.
import { customerFolders, noteFiles, type NotesFolder, type NotesLog } from '../notesFolder';
import type { SkippedNote } from './model';
import type { FileStamp, IndexedNote, NoteIndex } from './noteIndex';
import type { PlanNote, RollupNote } from './rollup';

/** What reading notes needs: where they are, the index that remembers them, where to report. */
export interface NotesSource {
  folder: NotesFolder;
  index: NoteIndex;
  log: NotesLog;
}

/**
 * The note `file` of `customer` as the index has it: from memory when unchanged, else read now.
 * `stamp`: the file's stamp when the caller has just taken it. Rejects when it cannot be read.
 */
export async function indexedNote({ folder, index }: NotesSource, customer: string, file: string, stamp?: FileStamp): Promise<IndexedNote> {
  const key = folder.where([customer]);
  if (!stamp) {
    const { mtime, size } = await folder.stat([customer, file]);
    stamp = { mtime, size };
  }
  return index.fresh(key, file, stamp) ?? index.store(key, file, stamp, await folder.read([customer, file]));
}

/** Each file's stamp, or why it could not be taken. */
export function stampNotes(folder: NotesFolder, customer: string, files: readonly string[]): Promise<(FileStamp | Error)[]> {
  if (folder.stampFiles) return folder.stampFiles([customer], files);
  return Promise.all(
    files.map((file) =>
      folder.stat([customer, file]).then(
        ({ mtime, size }): FileStamp => ({ mtime, size }),
        (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
      ),
    ),
  );
}

/**
 * A customer folder's notes, read and parsed (through the note index: only notes changed since
 * they were last read are read again); broken ones logged and listed in `skipped`. The index
 * forgets the folder's files that are gone.
 */
export async function readCustomerNotes(source: NotesSource, customer: string): Promise<{ notes: PlanNote[]; skipped: SkippedNote[] }> {
  const { notes, skipped } = await readCustomerEntries(source, customer);
  return { notes, skipped };
}

/**
 * readCustomerNotes, and the index's entries of the notes that could be read (by file name).
 * `listed`: the folder's note files (and their stamps), when the caller has just taken them.
 */
export async function readCustomerEntries(
  source: NotesSource,
  customer: string,
  listed?: { files: readonly string[]; stamps?: readonly (FileStamp | Error)[] },
): Promise<{ notes: PlanNote[]; skipped: SkippedNote[]; entries: IndexedNote[] }> {
  const { folder, index, log } = source;
  const files = listed?.files ?? (await noteFiles(folder, customer));
  const key = folder.where([customer]);
  index.retain(key, files);
  const read = (file: string, i: number): Promise<IndexedNote> => {
    const stamp = listed?.stamps?.[i];
    return stamp instanceof Error ? Promise.reject(stamp) : indexedNote(source, customer, file, stamp);
  };
  // A folder the index knows nothing of (a first read): every note must be read, so each is read
  // with its stamp in one call where the adapter can (readStamped), not stamped first and read after.
  const found =
    folder.readStamped && !listed?.stamps && !index.holds(key)
      ? (await folder.readStamped([customer], files)).map((r, i) => (r instanceof Error ? r : index.store(key, files[i]!, r, r.bytes)))
      : await Promise.all(files.map((file, i) => read(file, i).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));
  const notes: PlanNote[] = [];
  const skipped: SkippedNote[] = [];
  const entries: IndexedNote[] = [];
  files.forEach((file, i) => {
    const entry = found[i]!;
    const where = folder.where([customer, file]);
    if (entry instanceof Error) {
      log.warn(`Success plan: could not read ${where}`, entry);
      skipped.push({ file, error: `could not be read: ${entry.message}` });
      return;
    }
    entries.push(entry);
    const read = entry.read;
    if (read.ok) {
      notes.push({ file, note: read.note });
      return;
    }
    log.warn(`Success plan: skipped ${where}${read.line ? `:${read.line}` : ''}: ${read.error}`);
    skipped.push(read.line === undefined ? { file, error: read.error } : { file, error: read.error, line: read.line });
  });
  return { notes, skipped, entries };
}

export interface CustomerFolder {
  /** The folder's name in the notes folder. */
  folder: string;
  /** The customer as its newest readable note names it; the folder name when none reads. */
  name: string;
  /** Whether `name` comes from a note (the start form offers only those). */
  named: boolean;
  notes: number;
  /** Date of the newest readable note, or ''. */
  lastCall: string;
}

/** A customer folder as its newest readable note describes it; undefined when it holds no note file. */
export async function readCustomerFolder(source: NotesSource, folder: string): Promise<CustomerFolder | undefined> {
  const files = await noteFiles(source.folder, folder);
  if (!files.length) return undefined;
  for (const file of [...files].reverse()) {
    const note = await readOne(source, folder, file);
    if (note) return { folder, name: note.customer || folder, named: !!note.customer, notes: files.length, lastCall: note.date };
  }
  return { folder, name: folder, named: false, notes: files.length, lastCall: '' };
}

/** The customer folders that hold at least one note file, by name. */
export async function listCustomerFolders(source: NotesSource): Promise<CustomerFolder[]> {
  const found = await Promise.all((await customerFolders(source.folder)).map((folder) => readCustomerFolder(source, folder)));
  return found.filter((f): f is CustomerFolder => !!f).sort((a, b) => a.name.localeCompare(b.name));
}

/** The customer's name as its newest readable note gives it, else the folder's name (e.g. for the commit message). */
export async function customerNameOf(source: NotesSource, folder: string): Promise<string> {
  return (await readCustomerFolder(source, folder))?.name ?? folder;
}

/** Customer display names for the start form: one per customer folder with a readable note. */
export async function listCustomerNames(source: NotesSource): Promise<string[]> {
  return (await listCustomerFolders(source)).filter((c) => c.named).map((c) => c.name);
}

async function readOne(source: NotesSource, customer: string, file: string): Promise<RollupNote | undefined> {
  const where = source.folder.where([customer, file]);
  try {
    const { read } = await indexedNote(source, customer, file);
    if (read.ok) return read.note;
    source.log.warn(`Skipped ${where}: ${read.error}`);
  } catch (err) {
    source.log.warn(`Could not read ${where}`, err);
  }
  return undefined;
}
