// What the portfolio counted of each customer (PlanFacts), kept with the stamps of the notes it
// came from, so a customer whose notes did not change is counted without reading, parsing or
// rolling up a single note: on a warm start of 10,000 notes that was all of the time but the stats.
//
// A customer's facts are reused when
//   - its note files are the same names, each with the same stamp (mtime and size) as when they
//     were read, and no stamp is within the note index's racy window of its read (a second write
//     in the same clock tick would not show; see RACY_MS in noteIndex.ts); or
//   - the stamps changed but the notes read again hash the same as before (touched, checked out
//     again): then the index parses nothing and the facts stand (`sameContent`);
// and the facts were counted for the same day and the same banks (`contextKey`: the gaps depend on
// both). Anything else is counted afresh from the note index (collect.ts), which reads and parses
// only the notes that changed.
//
// Plain data: the extension keeps it in its storage beside note-index.json
// (src/host/portfolio/indexCache.ts), the CLI in its cache folder (src/cli/persistedIndex.ts).
// A cache of another version or notes folder, or a damaged one, is not trusted.
import type { FileStamp, IndexedNote } from '../plan/noteIndex';
import { RACY_MS } from '../plan/noteIndex';
import type { PlanContext } from '../plan/model';
import type { PlanFacts } from './aggregate';

/** A note as the facts were counted from it. */
export interface CountedNote {
  file: string;
  mtime: number;
  size: number;
  /** When it was read, on the index's clock. */
  readAt: number;
  /** The hash of its bytes, when the index took one. */
  hash?: number;
}

interface Counted {
  context: string;
  notes: CountedNote[];
  facts: PlanFacts;
}

interface CacheFile {
  version: string;
  scope: string;
  customers: Record<string, Counted>;
}

const contextKeys = new WeakMap<PlanContext, string>();

/** The day and a hash of the banks' stages, techniques and value drivers: what the facts' gaps depend on. */
export function contextKey(context: PlanContext): string {
  let key = contextKeys.get(context);
  if (key === undefined) {
    const text = JSON.stringify([context.stages, context.techniques, context.valueDrivers]);
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    key = `${context.today}:${(h >>> 0).toString(16)}:${text.length}`;
    contextKeys.set(context, key);
  }
  return key;
}

export class FiguresCache {
  private readonly customers = new Map<string, Counted>();
  /** Whether anything changed since it was made or restored (so it needs saving). */
  changed = false;
  /** Customers counted from the cache (`fresh` or `sameContent`) since it was made. */
  hits = 0;

  /** The facts of `folder` when `files` and their `stamps` are the ones they were counted from. */
  fresh(folder: string, context: string, files: readonly string[], stamps: readonly (FileStamp | Error)[]): PlanFacts | undefined {
    const c = this.customers.get(folder);
    if (!c || c.context !== context || c.notes.length !== files.length) return undefined;
    for (let i = 0; i < files.length; i++) {
      const n = c.notes[i]!;
      const s = stamps[i]!;
      if (s instanceof Error || n.file !== files[i] || n.mtime !== s.mtime || n.size !== s.size || !(s.mtime < n.readAt - RACY_MS)) return undefined;
    }
    this.hits++;
    return c.facts;
  }

  /**
   * The facts of `folder` when its notes, just gone through the index, hash the same as the ones
   * they were counted from (only stamps changed); the stamps are brought up to date.
   */
  sameContent(folder: string, context: string, entries: readonly IndexedNote[]): PlanFacts | undefined {
    const c = this.customers.get(folder);
    if (!c || c.context !== context || c.notes.length !== entries.length) return undefined;
    for (let i = 0; i < entries.length; i++) {
      const n = c.notes[i]!;
      const e = entries[i]!;
      if (n.file !== e.file || n.size !== e.size || n.hash === undefined || n.hash !== e.hash) return undefined;
    }
    this.put(folder, context, entries, c.facts);
    this.hits++;
    return c.facts;
  }

  /** Records the facts counted from `entries` (the folder's notes as the index holds them, by file name). */
  put(folder: string, context: string, entries: readonly IndexedNote[], facts: PlanFacts): void {
    const notes = entries.map((e): CountedNote => ({ file: e.file, mtime: e.mtime, size: e.size, readAt: e.readAt, ...(e.hash === undefined ? {} : { hash: e.hash }) }));
    this.customers.set(folder, { context, notes, facts });
    this.changed = true;
  }

  /** Whether `folder` was counted before (whatever the day, banks or stamps). */
  has(folder: string): boolean {
    return this.customers.has(folder);
  }

  delete(folder: string): void {
    if (this.customers.delete(folder)) this.changed = true;
  }

  /** Forgets the customers not in `folders` (deleted or renamed since). */
  retain(folders: Iterable<string>): void {
    const keep = new Set(folders);
    for (const folder of this.customers.keys()) if (!keep.has(folder)) this.delete(folder);
  }

  get size(): number {
    return this.customers.size;
  }

  /** The cache as JSON, for the same `version` of Call Coach and notes folder (`scope`). */
  serialize(version: string, scope: string): string {
    return JSON.stringify({ version, scope, customers: Object.fromEntries(this.customers) } satisfies CacheFile);
  }

  /** A cache from `serialize`'s text; empty for another version or notes folder, or a damaged text. */
  static restore(text: string | undefined, version: string, scope: string): FiguresCache {
    const cache = new FiguresCache();
    if (text === undefined) return cache;
    let file: Partial<CacheFile> | null;
    try {
      file = JSON.parse(text) as Partial<CacheFile> | null;
    } catch {
      return cache;
    }
    if (!file || file.version !== version || file.scope !== scope || typeof file.customers !== 'object' || file.customers === null) return cache;
    for (const [folder, c] of Object.entries(file.customers)) if (isCounted(c)) cache.customers.set(folder, c);
    return cache;
  }
}

function isCounted(c: unknown): c is Counted {
  const v = c as Partial<Counted> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.context === 'string' &&
    Array.isArray(v.notes) &&
    v.notes.every((n: Partial<CountedNote> | null) => typeof n === 'object' && n !== null && typeof n.file === 'string' && typeof n.mtime === 'number' && typeof n.size === 'number' && typeof n.readAt === 'number') &&
    typeof v.facts === 'object' &&
    v.facts !== null &&
    Array.isArray(v.facts.open)
  );
}
