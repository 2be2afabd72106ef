// The notes folder on disk for the CLI (Node's fs): customer folders, their call notes read through
// the note index, and the index persisted between runs in a cache folder (stamps, hashes and what
// the index holds per note), so a second run reads only the notes that changed. Folder by folder:
// a folder's entries are dropped from memory once it is rolled up, so memory stays bounded
// however many customers there are.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex, planInput, type PersistedNote } from '../core/plan/noteIndex';
import type { SkippedNote } from '../core/plan/model';
import type { PlanNote } from '../core/plan/rollup';
import { isNoteFileName } from '../core/notesFolder';
import { nodeByteText, nodeHash } from '../host/plan/nodeText';

/** Call notes in a customer folder: the one rule of src/core/notesFolder.ts. */
export const isNoteFile = isNoteFileName;

export interface NotesOptions {
  /** Where to persist the index; none: read everything afresh. */
  cacheDir?: string | undefined;
  /** Stamps the cache with what wrote it: another version reads afresh. */
  version: string;
}

interface CacheFile {
  version: string;
  notes: PersistedNote[];
}

export class NodeNotes {
  private readonly index = new NoteIndex({ text: nodeByteText, hash: nodeHash, hashEveryRead: true });
  private readonly cache: string | undefined;
  /** Notes read from disk (not from the cache) in this run. */
  reads = 0;

  constructor(
    readonly folder: string,
    private readonly options: NotesOptions,
  ) {
    this.cache = options.cacheDir ? path.join(options.cacheDir, createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16)) : undefined;
  }

  exists(): boolean {
    return fs.statSync(this.folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
  }

  /** Customer folders (not hidden), sorted. */
  customerFolders(): string[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.folder, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  }

  noteFiles(customer: string): string[] {
    try {
      return fs
        .readdirSync(path.join(this.folder, customer), { withFileTypes: true })
        .filter((d) => d.isFile() && isNoteFile(d.name))
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  }

  private cacheFile(customer: string): string | undefined {
    return this.cache && path.join(this.cache, `${encodeURIComponent(customer)}.json`);
  }

  /**
   * A customer folder's notes for buildPlan, through the index: a note whose stamp is unchanged
   * since the cache was written is not read; one that changed is read, and parsed only if its
   * bytes did. Files that cannot be read are listed in `skipped`.
   */
  readCustomer(customer: string, files = this.noteFiles(customer)): { notes: PlanNote[]; skipped: SkippedNote[] } {
    const cacheFile = this.cacheFile(customer);
    if (cacheFile && !this.index.folder(customer).length) {
      try {
        const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CacheFile;
        if (cached.version === this.options.version) this.index.restoreFolder(customer, cached.notes);
      } catch {
        // No cache yet, or a damaged one: read the notes.
      }
    }
    const unreadable: SkippedNote[] = [];
    let changed = this.index.folder(customer).length !== files.length;
    for (const file of files) {
      const full = path.join(this.folder, customer, file);
      try {
        const st = fs.statSync(full);
        const stamp = { mtime: st.mtimeMs, size: st.size };
        if (this.index.fresh(customer, file, stamp)) continue;
        const bytes = fs.readFileSync(full);
        this.reads++;
        this.index.store(customer, file, stamp, bytes);
        changed = true;
      } catch (err) {
        this.index.delete(customer, file);
        unreadable.push({ file, error: `could not be read: ${(err as Error).message}` });
      }
    }
    this.index.retain(
      customer,
      files.filter((f) => !unreadable.some((u) => u.file === f)),
    );
    if (cacheFile && changed) this.writeCache(cacheFile, customer);
    const { notes, skipped } = planInput(this.index.folder(customer));
    return { notes, skipped: [...skipped, ...unreadable].sort((a, b) => (a.file < b.file ? -1 : 1)) };
  }

  /** Lets go of a folder's entries (they stay in the cache). */
  forget(customer: string): void {
    this.index.retain(customer, []);
  }

  private writeCache(file: string, customer: string): void {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ version: this.options.version, notes: this.index.persistFolder(customer) } satisfies CacheFile));
      fs.renameSync(tmp, file);
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
}
