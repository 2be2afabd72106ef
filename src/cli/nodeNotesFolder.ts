// The notes folder (src/core/notesFolder.ts) over Node's fs promises, for the CLI: the same
// interface the extension host implements over vscode.workspace.fs.
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EntryType, NotesEntry, NotesFolder, NotesPath, NotesStat } from '../core/notesFolder';

const typeOf = (s: { isDirectory(): boolean; isFile(): boolean }): EntryType => (s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other');

export class NodeNotesFolder implements NotesFolder {
  constructor(readonly root: string) {}

  private path(path: NotesPath): string {
    return join(this.root, ...path);
  }

  async list(path: NotesPath): Promise<NotesEntry[]> {
    try {
      const entries = await readdir(this.path(path), { withFileTypes: true });
      // A symbolic link counts as what it points to.
      return Promise.all(entries.map(async (e) => ({ name: e.name, type: e.isSymbolicLink() ? await stat(join(this.path(path), e.name)).then(typeOf, (): EntryType => 'other') : typeOf(e) })));
    } catch {
      return [];
    }
  }

  async stat(path: NotesPath): Promise<NotesStat> {
    const s = await stat(this.path(path));
    return { type: typeOf(s), mtime: s.mtimeMs, size: s.size };
  }

  read(path: NotesPath): Promise<Uint8Array> {
    return readFile(this.path(path));
  }

  async write(path: NotesPath, text: string): Promise<void> {
    const target = this.path(path);
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${process.pid}.${Date.now()}.call-coach.tmp`);
    try {
      await writeFile(temp, text);
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  where(path: NotesPath): string {
    return this.path(path);
  }
}

/** A notes folder that reads from `inner` and writes nothing: `plan --check` sees what would be written. */
export class DryRunNotesFolder implements NotesFolder {
  /** The paths a write was asked for, in order. */
  readonly wouldWrite: NotesPath[] = [];

  constructor(private readonly inner: NotesFolder) {}

  list(path: NotesPath): Promise<NotesEntry[]> {
    return this.inner.list(path);
  }
  stat(path: NotesPath): Promise<NotesStat> {
    return this.inner.stat(path);
  }
  read(path: NotesPath): Promise<Uint8Array> {
    return this.inner.read(path);
  }
  async write(path: NotesPath): Promise<void> {
    this.wouldWrite.push(path);
  }
  where(path: NotesPath): string {
    return this.inner.where(path);
  }
}
