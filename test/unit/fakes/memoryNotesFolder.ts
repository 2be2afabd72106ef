// An in-memory notes folder (src/core/notesFolder.ts) for unit tests: files by path, folders
// implied by them, a clock for mtimes, and counters that show what was read and written.
import type { EntryType, NotesEntry, NotesFolder, NotesPath, NotesStat } from '../../../src/core/notesFolder';

interface MemoryFile {
  bytes: Uint8Array;
  mtime: number;
}

const key = (path: NotesPath) => path.join('/');

export class MemoryNotesFolder implements NotesFolder {
  private readonly files = new Map<string, MemoryFile>();
  private readonly folders = new Set<string>(['']);
  /** mtime given to the next write; old enough by default that the note index trusts it. */
  clock = Date.now() - 60_000;
  reads: string[] = [];
  writes: string[] = [];

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.put(path, content);
  }

  /** Puts a file in place without counting it as a write (the test's own setup). */
  put(path: string, content: string | Uint8Array, mtime = this.clock++): void {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) this.folders.add(segments.slice(0, i).join('/'));
    this.files.set(path, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime });
  }

  mkdir(path: string): void {
    this.folders.add(path);
  }

  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && new TextDecoder().decode(file.bytes);
  }

  async list(path: NotesPath): Promise<NotesEntry[]> {
    const prefix = path.length ? `${key(path)}/` : '';
    const entries = new Map<string, EntryType>();
    for (const folder of this.folders) {
      if (folder && folder.startsWith(prefix) && !folder.slice(prefix.length).includes('/')) entries.set(folder.slice(prefix.length), 'directory');
    }
    for (const file of this.files.keys()) {
      if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) entries.set(file.slice(prefix.length), 'file');
    }
    return [...entries].map(([name, type]) => ({ name, type }));
  }

  async stat(path: NotesPath): Promise<NotesStat> {
    const file = this.files.get(key(path));
    if (file) return { type: 'file', mtime: file.mtime, size: file.bytes.length };
    if (this.folders.has(key(path))) return { type: 'directory', mtime: 0, size: 0 };
    throw new Error(`ENOENT: ${key(path)}`);
  }

  async read(path: NotesPath): Promise<Uint8Array> {
    const file = this.files.get(key(path));
    if (!file) throw new Error(`ENOENT: ${key(path)}`);
    this.reads.push(key(path));
    return file.bytes;
  }

  async write(path: NotesPath, text: string): Promise<void> {
    this.writes.push(key(path));
    this.put(key(path), text);
  }

  where(path: NotesPath): string {
    return `memory:/${key(path)}`;
  }
}
