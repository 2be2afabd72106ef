// The notes folder (src/core/notesFolder.ts) over Node's fs, for the CLI: the same interface the
// extension host implements over vscode.workspace.fs. Listing, stat and reading use fs's callback
// API wrapped in promises: for the 10,000 small reads and stats of a portfolio, fs/promises cost
// about twice as much (its FileHandle machinery per call), which was most of a warm run. A customer
// read for the first time is read synchronously with its stamps (readStamped): see there why.
import * as fs from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EntryType, FileStamp, NotesEntry, NotesFolder, NotesPath, NotesStat, StampedBytes } from '../core/notesFolder';

const typeOf = (s: { isDirectory(): boolean; isFile(): boolean }): EntryType => (s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other');

const stat = (path: string) => new Promise<fs.Stats>((resolve, reject) => fs.stat(path, (err, s) => (err ? reject(err) : resolve(s))));
const readdir = (path: string) => new Promise<fs.Dirent[]>((resolve, reject) => fs.readdir(path, { withFileTypes: true }, (err, e) => (err ? reject(err) : resolve(e))));
const readFile = (path: string) => new Promise<Buffer>((resolve, reject) => fs.readFile(path, (err, b) => (err ? reject(err) : resolve(b))));

/**
 * A file's bytes and the stamp of the open file they came from, read up to the size it had then
 * (as readFileSync reads a regular file; a file written meanwhile has a newer stamp next time).
 */
function readStampedSync(path: string): StampedBytes {
  const fd = fs.openSync(path, 'r');
  try {
    const { mtimeMs, size } = fs.fstatSync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let length = 0;
    for (let n = -1; length < size && n !== 0; length += n) n = fs.readSync(fd, bytes, length, size - length, null);
    return { mtime: mtimeMs, size, bytes: length < size ? bytes.subarray(0, length) : bytes };
  } finally {
    fs.closeSync(fd);
  }
}

export class NodeNotesFolder implements NotesFolder {
  constructor(readonly root: string) {}

  private path(path: NotesPath): string {
    return join(this.root, ...path);
  }

  async list(path: NotesPath): Promise<NotesEntry[]> {
    try {
      const entries = await readdir(this.path(path));
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

  /** A folder's files' stamps, synchronously: see readStamped. */
  async stampFiles(folder: NotesPath, files: readonly string[]): Promise<(FileStamp | Error)[]> {
    const dir = this.path(folder);
    return files.map((file) => {
      try {
        const { mtimeMs, size } = fs.statSync(join(dir, file));
        return { mtime: mtimeMs, size };
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    });
  }

  /**
   * A folder's files read with their stamps, synchronously, one open, fstat, read and close each.
   * For 10,000 small notes an async stat and readFile per note are five round trips each through
   * libuv's thread pool: on 2 cores they took ~1 s of a cold portfolio (and its CPU), against
   * ~0.15 s for the same calls made directly. A CLI may block its own thread; one customer folder's
   * notes take about a millisecond, and the portfolio awaits between folders.
   */
  async readStamped(folder: NotesPath, files: readonly string[]): Promise<(StampedBytes | Error)[]> {
    const dir = this.path(folder);
    return files.map((file) => {
      try {
        return readStampedSync(join(dir, file));
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    });
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

  constructor(private readonly inner: NotesFolder) {
    if (inner.readStamped) this.readStamped = inner.readStamped.bind(inner);
    if (inner.stampFiles) this.stampFiles = inner.stampFiles.bind(inner);
  }

  list(path: NotesPath): Promise<NotesEntry[]> {
    return this.inner.list(path);
  }
  stat(path: NotesPath): Promise<NotesStat> {
    return this.inner.stat(path);
  }
  read(path: NotesPath): Promise<Uint8Array> {
    return this.inner.read(path);
  }
  readonly readStamped?: NotesFolder['readStamped'];
  readonly stampFiles?: NotesFolder['stampFiles'];
  async write(path: NotesPath): Promise<void> {
    this.wouldWrite.push(path);
  }
  where(path: NotesPath): string {
    return this.inner.where(path);
  }
}
