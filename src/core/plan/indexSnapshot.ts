// The whole note index as one JSON text, so the extension can keep it between sessions in its own
// storage (src/host/portfolio/indexCache.ts writes it under context.storageUri) and the first
// Customers view of a session reads only the notes that changed since: each note's stamp (mtime,
// size), the hash of its bytes and what the index holds of it, as NoteIndex.persistFolder has them.
// (The CLI keeps the same entries one file per customer folder: src/cli/persistedIndex.ts.)
// A snapshot of another version or of another notes folder is not trusted, nor a damaged one.
import type { NoteIndex, PersistedNote } from './noteIndex';

interface Snapshot {
  version: string;
  /** The notes folder the entries are relative to. */
  scope: string;
  folders: Record<string, PersistedNote[]>;
}

/** The index's entries for every folder it holds. */
export function snapshotIndex(index: NoteIndex, version: string, scope: string): string {
  const folders: Record<string, PersistedNote[]> = {};
  for (const folder of index.folderNames()) {
    const notes = index.persistFolder(folder);
    if (notes.length) folders[folder] = notes;
  }
  return JSON.stringify({ version, scope, folders } satisfies Snapshot);
}

/**
 * Puts a snapshot's entries back into the index for folders it does not hold yet (what the index
 * already read this session is newer). Returns how many folders were restored; 0 for a snapshot of
 * another version or notes folder, or one that cannot be read.
 */
export function restoreIndex(index: NoteIndex, text: string, version: string, scope: string): number {
  let snapshot: Partial<Snapshot>;
  try {
    snapshot = JSON.parse(text) as Partial<Snapshot>;
  } catch {
    return 0;
  }
  if (snapshot?.version !== version || snapshot.scope !== scope || typeof snapshot.folders !== 'object' || snapshot.folders === null) return 0;
  let restored = 0;
  for (const [folder, notes] of Object.entries(snapshot.folders)) {
    if (!Array.isArray(notes) || index.folder(folder).length) continue;
    index.restoreFolder(folder, notes.filter(isPersistedNote));
    restored++;
  }
  return restored;
}

function isPersistedNote(n: unknown): n is PersistedNote {
  const p = n as Partial<PersistedNote> | null;
  return typeof p === 'object' && p !== null && typeof p.file === 'string' && typeof p.mtime === 'number' && typeof p.size === 'number' && typeof p.readAt === 'number';
}
