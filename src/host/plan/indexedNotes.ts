// The extension host's note index (src/core/plan/noteIndex.ts): one per extension host, filled as
// notes are read. A note is read and parsed again only when its mtime or size changed (and parsed
// only when its bytes did), so updating a plan after a call, the start form's coverage gaps and the
// customer list read just the notes that changed since last time.
import * as vscode from 'vscode';
import { NoteIndex, type IndexedNote } from '../../core/plan/noteIndex';
import { nodeByteText, nodeHash } from './nodeText';

const index = new NoteIndex({ text: nodeByteText, hash: nodeHash });

/** The note `file` in `folder` as the index has it: from memory when unchanged, else read now. Throws when it cannot be read. */
export async function indexedNote(folder: vscode.Uri, file: string): Promise<IndexedNote> {
  const uri = vscode.Uri.joinPath(folder, file);
  const key = folder.toString();
  const stat = await vscode.workspace.fs.stat(uri);
  const stamp = { mtime: stat.mtime, size: stat.size };
  const known = index.fresh(key, file, stamp);
  if (known) return known;
  return index.store(key, file, stamp, await vscode.workspace.fs.readFile(uri));
}

/** The index entries of `files` in `folder`, in that order; forgets the folder's other files. */
export async function indexedFolder(folder: vscode.Uri, files: readonly string[]): Promise<(IndexedNote | Error)[]> {
  index.retain(folder.toString(), files);
  return Promise.all(files.map((file) => indexedNote(folder, file).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))))));
}
