// The notes folder (src/core/notesFolder.ts) over vscode.workspace.fs, so it works in virtual
// workspaces too; and the one note index of this extension host, filled as notes are read.
import * as vscode from 'vscode';
import type { NotesEntry, NotesFolder, NotesLog, NotesPath, NotesStat, EntryType } from '../core/notesFolder';
import { NoteIndex } from '../core/plan/noteIndex';
import type { NotesSource } from '../core/plan/customerNotes';
import { replaceFile } from './noteWriter';
import { platform } from './platform';

const typeOf = (type: vscode.FileType): EntryType =>
  type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other';

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

export class WorkspaceNotesFolder implements NotesFolder {
  readonly stampFiles?: NotesFolder['stampFiles'];
  readonly readStamped?: NotesFolder['readStamped'];

  constructor(readonly root: vscode.Uri) {
    // A local notes folder in a Node host: a customer folder's notes are stamped, or read with their
    // stamps, in one request to a worker thread instead of a workspace.fs stat and readFile each
    // (platform.ts, plan/noteFileReader.ts); file by file when it cannot.
    const files = platform().noteFiles;
    if (files && root.scheme === 'file') {
      this.stampFiles = async (folder, names) =>
        (await files.stampFiles(this.uri(folder).fsPath, names)) ?? Promise.all(names.map((n) => this.stat([...folder, n]).then(({ mtime, size }) => ({ mtime, size }), asError)));
      this.readStamped = async (folder, names) =>
        (await files.readStamped(this.uri(folder).fsPath, names)) ??
        Promise.all(names.map((n) => Promise.all([this.stat([...folder, n]), this.read([...folder, n])]).then(([{ mtime, size }, bytes]) => ({ mtime, size, bytes }), asError)));
    }
  }

  /** The notes folder that holds `customerFolder` (any folder: the Explorer may hand one over), and its name there. */
  static around(customerFolder: vscode.Uri): { folder: WorkspaceNotesFolder; customer: string } {
    const customer = customerFolder.path.split('/').filter(Boolean).pop() ?? '';
    return { folder: new WorkspaceNotesFolder(vscode.Uri.joinPath(customerFolder, '..')), customer };
  }

  uri(path: NotesPath): vscode.Uri {
    return path.length ? vscode.Uri.joinPath(this.root, ...path) : this.root;
  }

  async list(path: NotesPath): Promise<NotesEntry[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.uri(path))).map(([name, type]) => ({ name, type: typeOf(type) }));
    } catch {
      return [];
    }
  }

  async stat(path: NotesPath): Promise<NotesStat> {
    const { type, mtime, size } = await vscode.workspace.fs.stat(this.uri(path));
    return { type: typeOf(type), mtime, size };
  }

  async read(path: NotesPath): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(this.uri(path));
  }

  write(path: NotesPath, text: string): Promise<void> {
    return replaceFile(this.uri(path), text);
  }

  where(path: NotesPath): string {
    const uri = this.uri(path);
    return uri.scheme === 'file' ? uri.fsPath : uri.toString();
  }
}

/** One per extension host: updating a plan, the coverage gaps and the customer list read only what changed since. */
let index: NoteIndex | undefined;

export function sharedNoteIndex(): NoteIndex {
  index ??= new NoteIndex({ text: platform().byteText, hash: platform().hashBytes });
  return index;
}

export function notesSource(folder: NotesFolder, log: NotesLog): NotesSource {
  return { folder, index: sharedNoteIndex(), log };
}
