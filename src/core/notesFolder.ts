// The notes folder as the domain sees it: one sub-folder per customer, holding that customer's
// call notes and its success plan. Everything that lists customers or notes goes through here, so
// there is one rule for what counts as a note and one for what counts as a customer folder.
//
// Adapters (each a few lines over its platform's file API):
//   src/host/workspaceNotesFolder.ts   vscode.workspace.fs (the extension host, virtual workspaces too)
//   test/unit/fakes/memoryNotesFolder.ts   in memory, for unit tests
//   a Node `fs/promises` adapter for the CLI (src/cli) fits the same interface.

/** The success plan's file name in a customer folder; never a call note. */
export const PLAN_FILE = 'success-plan.md';

/**
 * Where something is, relative to the notes folder, as plain names (no `/`, never `.` or `..`):
 * `[]` is the notes folder, `['acme']` a customer folder, `['acme', '2026-01-10-discovery.md']` a
 * note in it.
 */
export type NotesPath = readonly string[];

export type EntryType = 'file' | 'directory' | 'other';

export interface NotesEntry {
  name: string;
  type: EntryType;
}

/** What the file system says of a file that tells whether it changed: its mtime (ms since the epoch) and size. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** A file's bytes with the stamp of the file they were read from. */
export interface StampedBytes extends FileStamp {
  bytes: Uint8Array;
}

export interface NotesStat {
  type: EntryType;
  /** Modification time, milliseconds since the epoch (the same clock as Date.now()). */
  mtime: number;
  /** Bytes. */
  size: number;
}

/**
 * A notes folder on some file system. The interface is deliberately small; an adapter maps each
 * call onto its platform and nothing more. Paths are NotesPath (relative, by segment), so an
 * adapter joins them onto its root (`vscode.Uri.joinPath(root, ...path)`, `path.join(root, ...path)`).
 *
 * - `list` returns the entries directly in a folder, in any order; a folder that does not exist or
 *   cannot be read lists as `[]` (a customer without notes is not an error). Symbolic links count
 *   as what they point to, or 'other' when that cannot be known.
 * - `stat` and `read` reject when the file is missing or unreadable (callers log and skip it).
 * - `write` replaces a file's whole content atomically (a temporary file in the same folder, then a
 *   rename over it), creating missing folders; a crash never leaves half a file.
 * - `where` says where a path is, for log lines and messages (a file system path where there is one,
 *   else a URI). It is also the cache key of the note index, so it must be unique per file.
 * - `readStamped` and `stampFiles` (optional) do for some files of one folder in one call what
 *   `read` and `stat` do per file: each file's bytes with its stamp (the mtime and size of the open
 *   file the bytes came from), or just its stamp, or the error, in the order asked. An adapter
 *   offers them when that costs far less than a call per file: a customer is then stamped (to
 *   check the figures cache or the note index) or, on its first read, read in one call.
 */
export interface NotesFolder {
  list(path: NotesPath): Promise<NotesEntry[]>;
  stat(path: NotesPath): Promise<NotesStat>;
  read(path: NotesPath): Promise<Uint8Array>;
  write(path: NotesPath, text: string): Promise<void>;
  where(path: NotesPath): string;
  readStamped?(folder: NotesPath, files: readonly string[]): Promise<(StampedBytes | Error)[]>;
  stampFiles?(folder: NotesPath, files: readonly string[]): Promise<(FileStamp | Error)[]>;
}

/** Where Call Coach's notes code reports what it skipped; vscode.LogOutputChannel fits. */
export interface NotesLog {
  info(message: string): void;
  warn(message: string, ...details: unknown[]): void;
}

/** A call note: a Markdown file (`.md`, any case) that is not the plan and not hidden (dotfiles: editors' and our own temporary files). */
export function isNoteFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.md') && name !== PLAN_FILE && !name.startsWith('.');
}

/** A customer folder: any folder that is not hidden (`.git`, `.vscode`). */
export function isCustomerFolderName(name: string): boolean {
  return !name.startsWith('.');
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The customer folders' names, sorted. */
export async function customerFolders(notes: NotesFolder): Promise<string[]> {
  return (await notes.list([])).filter((e) => e.type === 'directory' && isCustomerFolderName(e.name)).map((e) => e.name).sort(byName);
}

/** A customer folder's call notes, sorted by name (so by date: notes are named `YYYY-MM-DD-…`). */
export async function noteFiles(notes: NotesFolder, customer: string): Promise<string[]> {
  return noteFilesIn(await notes.list([customer]));
}

/** noteFiles from the customer folder's entries, when the caller has listed it already. */
export function noteFilesIn(entries: readonly NotesEntry[]): string[] {
  return entries.filter((e) => e.type === 'file' && isNoteFileName(e.name)).map((e) => e.name).sort(byName);
}
