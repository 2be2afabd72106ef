// Writes a new note without ever overwriting one: the text goes to a temporary file in the same
// folder and is then put in place only if nothing is there yet, so a crash leaves no half-written
// note and two windows finishing at once get two files (the second with a numeric suffix).
//
// "Only if nothing is there" must be atomic. `workspace.fs.rename` with overwrite off checks, then
// renames: two writers racing both pass the check and the second rename replaces the first note.
// On disk (file: URIs, Node host) the temporary file is hard-linked to the target instead, which
// fails with EEXIST if the target exists, atomically, across windows and processes (hardLink.ts).
// Elsewhere (virtual file systems, the web worker host, or a disk without hard links) the rename
// is used, with this host's writes queued one after another.
import * as vscode from 'vscode';
import { platform } from './platform';

const MAX_ATTEMPTS = 200;

/** A name for a temporary file beside the target, unique enough for two windows at once. */
function tempName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `.${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}.call-coach.tmp`;
}

/** Moves `temp` to `target` unless `target` exists; false (and `temp` removed) when it does. */
async function claim(temp: vscode.Uri, target: vscode.Uri): Promise<boolean> {
  if (temp.scheme === 'file' && target.scheme === 'file') {
    let linked;
    try {
      linked = await platform().claimByHardLink(temp.fsPath, target.fsPath);
    } catch (err) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw err;
    }
    if (linked === 'claimed') return true;
    if (linked === 'exists') {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      return false;
    }
  }
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: false });
    return true;
  } catch (err) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    if (err instanceof vscode.FileSystemError && err.code === 'FileExists') return false;
    throw err;
  }
}

/** New notes are written one at a time in this extension host (see the top of the file). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * @param pathFor relative path segments for the n-th attempt (1 = no suffix)
 * @returns the URI that was written
 */
export function writeNewFile(base: vscode.Uri, pathFor: (attempt: number) => string[], content: string): Promise<vscode.Uri> {
  const written = queue.then(() => write(base, pathFor, content));
  queue = written.catch(() => undefined);
  return written;
}

async function write(base: vscode.Uri, pathFor: (attempt: number) => string[], content: string): Promise<vscode.Uri> {
  const bytes = new TextEncoder().encode(content);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const target = vscode.Uri.joinPath(base, ...pathFor(attempt));
    const dir = vscode.Uri.joinPath(target, '..');
    await vscode.workspace.fs.createDirectory(dir);
    if (await exists(target)) continue;
    const temp = vscode.Uri.joinPath(dir, tempName());
    await vscode.workspace.fs.writeFile(temp, bytes);
    if (await claim(temp, target)) return target;
  }
  throw new Error(vscode.l10n.t('more than {0} notes with the same name', MAX_ATTEMPTS));
}

/**
 * Replaces a file (a success plan, the portfolio) so that it is never missing: on disk a temporary
 * file is renamed over it in one step (atomicReplace.ts). Elsewhere the text is written to the file
 * in one call, not renamed over it: the workbench's rename with overwrite deletes the target first,
 * so readers would see no file for a moment and a crash then would lose it, hand-written text and all.
 */
export async function replaceFile(target: vscode.Uri, content: string): Promise<void> {
  const dir = vscode.Uri.joinPath(target, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const bytes = new TextEncoder().encode(content);
  if (target.scheme === 'file') {
    const temp = vscode.Uri.joinPath(dir, tempName());
    await vscode.workspace.fs.writeFile(temp, bytes);
    let replaced = false;
    try {
      replaced = await platform().replaceByRename(temp.fsPath, target.fsPath);
    } finally {
      if (!replaced) await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    }
    if (replaced) return;
  }
  await vscode.workspace.fs.writeFile(target, bytes);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
