// The notes folder (src/core/notesFolder.ts) over Node's fs promises, for the roll-up benchmark:
// the extension host reads through vscode.workspace.fs, which on disk is these same calls.
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EntryType, NotesEntry, NotesFolder, NotesPath, NotesStat } from '../../src/core/notesFolder';

export class NodeNotesFolder implements NotesFolder {
  constructor(readonly root: string) {}

  private path(path: NotesPath): string {
    return join(this.root, ...path);
  }

  async list(path: NotesPath): Promise<NotesEntry[]> {
    try {
      const entries = await readdir(this.path(path), { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, type: (e.isDirectory() ? 'directory' : e.isFile() ? 'file' : 'other') as EntryType }));
    } catch {
      return [];
    }
  }

  async stat(path: NotesPath): Promise<NotesStat> {
    const s = await stat(this.path(path));
    return { type: s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other', mtime: s.mtimeMs, size: s.size };
  }

  read(path: NotesPath): Promise<Uint8Array> {
    return readFile(this.path(path));
  }

  async write(path: NotesPath, text: string): Promise<void> {
    const target = this.path(path);
    await mkdir(dirname(target), { recursive: true });
    const temp = join(dirname(target), `.${process.pid}.${Date.now()}.call-coach.tmp`);
    await writeFile(temp, text);
    await rename(temp, target);
  }

  where(path: NotesPath): string {
    return this.path(path);
  }
}
