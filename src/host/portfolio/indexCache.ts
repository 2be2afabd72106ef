// The note index kept between sessions in the extension's own storage (context.storageUri, or
// globalStorageUri without a folder), so the Customers view's first read of a session reads only
// the notes that changed since the last one (src/core/plan/indexSnapshot.ts). It is a cache: one
// that cannot be read or written costs time, never a note, so a plain write is enough.
import * as vscode from 'vscode';
import { restoreIndex, snapshotIndex } from '../../core/plan/indexSnapshot';
import type { NoteIndex } from '../../core/plan/noteIndex';
import type { Log } from '../log';

const FILE = 'note-index.json';
/** Saves after changes wait this long, so a burst of note changes writes the cache once. */
const SAVE_DELAY_MS = 2_000;

export class IndexCache implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: vscode.Uri,
    /** The extension's version: a cache written by another version is not trusted. */
    private readonly version: string,
    private readonly log: Log,
  ) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, FILE);
  }

  /** Puts the saved entries for this notes folder back into the index; how many customer folders. */
  async restore(index: NoteIndex, notesFolder: vscode.Uri): Promise<number> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return 0; // none yet
    }
    return restoreIndex(index, new TextDecoder().decode(bytes), this.version, notesFolder.toString());
  }

  /** Saves the index soon (now with `delayMs` 0). */
  saveSoon(index: NoteIndex, notesFolder: vscode.Uri, delayMs = SAVE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const text = snapshotIndex(index, this.version, notesFolder.toString());
      this.writing = this.writing
        .then(() => vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(text)))
        .then(undefined, (err: unknown) => this.log.warn('Customers: the note index could not be saved for next time', err));
    }, delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
