// The note index and the portfolio's figures kept between sessions in the extension's own storage
// (context.storageUri, or globalStorageUri without a folder): portfolio-figures.json, what the
// Customers view counted of each customer with its notes' stamps (src/core/portfolio/figuresCache.ts),
// and note-index.json, the note index (src/core/plan/indexSnapshot.ts). The figures are small and
// read first: a customer whose notes did not change is counted from them, so a warm start with
// nothing changed reads no note and does not parse the note index (16 MB for 10,000 notes) at all;
// the index comes back when a customer's notes must be read (a changed customer, then or later)
// and before the index is saved again. Both are caches: one that cannot be read or written costs time, never a note,
// so a plain write is enough.
import * as vscode from 'vscode';
import { restoreIndex, snapshotIndex } from '../../core/plan/indexSnapshot';
import type { NoteIndex } from '../../core/plan/noteIndex';
import { FiguresCache } from '../../core/portfolio/figuresCache';
import type { Log } from '../log';

const FILE = 'note-index.json';
const FIGURES_FILE = 'portfolio-figures.json';
/** Saves after changes wait this long, so a burst of note changes writes the cache once. */
const SAVE_DELAY_MS = 2_000;

export class IndexCache implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The notes folder whose saved index was put back (or is being), and how many customer folders it held. */
  private restored: { scope: string; folders: Promise<number> } | undefined;

  constructor(
    private readonly folder: vscode.Uri,
    /** The extension's version: a cache written by another version is not trusted. */
    private readonly version: string,
    private readonly log: Log,
  ) {}

  private uri(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, file);
  }

  private async readText(file: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(file)));
    } catch {
      return undefined; // none yet
    }
  }

  /** What was counted of each customer of this notes folder last time (empty when nothing was). */
  async figures(notesFolder: vscode.Uri): Promise<FiguresCache> {
    return FiguresCache.restore(await this.readText(FIGURES_FILE), this.version, notesFolder.toString());
  }

  /**
   * Puts the saved entries for this notes folder back into the index, once per notes folder: how
   * many customer folders (the same answer on later calls).
   */
  restore(index: NoteIndex, notesFolder: vscode.Uri): Promise<number> {
    const scope = notesFolder.toString();
    if (this.restored?.scope !== scope) {
      this.restored = { scope, folders: this.readText(FILE).then((text) => (text === undefined ? 0 : restoreIndex(index, text, this.version, scope))) };
    }
    return this.restored.folders;
  }

  /**
   * Saves the index soon (now with `delayMs` 0), and `figures` when they changed; `index: false`
   * when it did not change (a warm start that read no note): then it is neither restored nor written.
   */
  saveSoon(index: NoteIndex, notesFolder: vscode.Uri, delayMs = SAVE_DELAY_MS, { figures, saveIndex = true }: { figures?: FiguresCache; saveIndex?: boolean } = {}): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const scope = notesFolder.toString();
      this.writing = this.writing
        .then(async () => {
          if (figures?.changed) {
            figures.changed = false;
            await vscode.workspace.fs.writeFile(this.uri(FIGURES_FILE), new TextEncoder().encode(figures.serialize(this.version, scope)));
          }
          if (!saveIndex) return;
          // The saved index first: what this session did not read must not be lost from it.
          await this.restore(index, notesFolder);
          await vscode.workspace.fs.writeFile(this.uri(FILE), new TextEncoder().encode(snapshotIndex(index, this.version, scope)));
        })
        .then(undefined, (err: unknown) => this.log.warn('Customers: the note index could not be saved for next time', err));
    }, delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
