// Puts a finished temporary file over an existing one in a single step. POSIX rename(2) replaces
// the target atomically (readers see the old file or the new one, never none), and Node's rename
// on Windows replaces in place too. `workspace.fs.rename(…, { overwrite: true })` is not this: the
// workbench's file service deletes the target first and renames second, so for a moment the file
// is gone and a crash in that moment loses it. Node only (see platform.ts and noteWriter.ts).
import { rename } from 'node:fs/promises';

/** Moves `tempPath` over `targetPath`; errors are thrown. */
export async function replaceByRename(tempPath: string, targetPath: string): Promise<boolean> {
  await rename(tempPath, targetPath);
  return true;
}
