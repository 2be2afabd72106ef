// The note index kept between CLI runs, one small JSON file per customer folder under the cache
// folder: each note's stamp (mtime, size), the hash of its bytes, and what the index holds of it.
// A folder's entries are put back the first time the folder is read (NoteIndex.retain, which
// reading a customer's notes starts with), and written out and let go when the caller is done with
// the folder (`done`), so memory holds one folder at a time however many customers there are.
// A cache written by another version of call-coach is not trusted.
// Beside them, portfolio.json: what `call-coach portfolio` counted of each customer, with the
// stamps of its notes (src/core/portfolio/figuresCache.ts), so an unchanged customer is counted
// without restoring, reading or rolling up its notes.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FiguresCache } from '../core/portfolio/figuresCache';
import { NoteIndex, type FileStamp, type IndexedNote, type NoteIndexOptions, type PersistedNote } from '../core/plan/noteIndex';

interface CacheFile {
  version: string;
  notes: PersistedNote[];
}

export class PersistedNoteIndex extends NoteIndex {
  private readonly dir: string | undefined;
  private readonly restored = new Set<string>();
  private readonly dirty = new Set<string>();
  /** Notes read and stored in this run (not taken from the cache). */
  stored = 0;
  private figuresCache: FiguresCache | undefined;
  private readonly scope: string;

  /**
   * @param cacheDir the cache folder; undefined keeps nothing between runs.
   * @param scope what the folders' keys are relative to (the notes folder), so each notes folder has its own cache.
   */
  constructor(
    cacheDir: string | undefined,
    scope: string,
    private readonly version: string,
    options: NoteIndexOptions = {},
  ) {
    super({ ...options, hashEveryRead: true });
    this.scope = path.resolve(scope);
    this.dir = cacheDir && path.join(cacheDir, createHash('sha256').update(path.resolve(scope)).digest('hex').slice(0, 16));
  }

  private file(folder: string): string | undefined {
    return this.dir && path.join(this.dir, `${createHash('sha256').update(folder).digest('hex').slice(0, 24)}.json`);
  }

  private get figuresFile(): string | undefined {
    return this.dir && path.join(this.dir, 'portfolio.json');
  }

  /** The portfolio's figures cache, read from the cache folder the first time (empty without one). */
  figures(): FiguresCache {
    if (!this.figuresCache) {
      let text: string | undefined;
      try {
        text = this.figuresFile && fs.readFileSync(this.figuresFile, 'utf8');
      } catch {
        text = undefined; // none yet
      }
      this.figuresCache = FiguresCache.restore(text, this.version, this.scope);
    }
    return this.figuresCache;
  }

  /** Writes the figures cache back when it changed. */
  saveFigures(): void {
    const file = this.figuresFile;
    if (!file || !this.figuresCache?.changed) return;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, this.figuresCache.serialize(this.version, this.scope));
      fs.renameSync(temp, file);
      this.figuresCache.changed = false;
    } catch {
      // A cache that cannot be written only costs time on the next run.
    }
  }

  override retain(folder: string, files: Iterable<string>): void {
    if (!this.restored.has(folder)) {
      this.restored.add(folder);
      const file = this.file(folder);
      if (file && !this.folder(folder).length) {
        try {
          const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
          if (cached.version === this.version && Array.isArray(cached.notes)) this.restoreFolder(folder, cached.notes);
        } catch {
          // No cache yet, or a damaged one: the notes are read.
        }
      }
    }
    const before = this.folder(folder).length;
    super.retain(folder, files);
    if (this.folder(folder).length !== before) this.dirty.add(folder);
  }

  override store(folder: string, file: string, stamp: FileStamp, bytes: Uint8Array, readAt?: number): IndexedNote {
    this.stored++;
    this.dirty.add(folder);
    return super.store(folder, file, stamp, bytes, readAt);
  }

  /** Writes the folder's entries to the cache if they changed, then lets them go. */
  done(folder: string): void {
    const file = this.file(folder);
    if (file && this.dirty.has(folder)) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, JSON.stringify({ version: this.version, notes: this.persistFolder(folder) } satisfies CacheFile));
        fs.renameSync(temp, file);
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    }
    this.dirty.delete(folder);
    this.restored.delete(folder);
    super.retain(folder, []);
  }
}
