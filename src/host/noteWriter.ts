// Writes a new note without ever overwriting one: the text goes to a temporary file in the same
// folder and is renamed into place with overwrite off, so a crash leaves no half-written note and
// two windows finishing at once get two files (the second with a numeric suffix).
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

const MAX_ATTEMPTS = 200;

/**
 * @param pathFor relative path segments for the n-th attempt (1 = no suffix)
 * @returns the URI that was written
 */
export async function writeNewFile(base: vscode.Uri, pathFor: (attempt: number) => string[], content: string): Promise<vscode.Uri> {
  const bytes = new TextEncoder().encode(content);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const target = vscode.Uri.joinPath(base, ...pathFor(attempt));
    const dir = vscode.Uri.joinPath(target, '..');
    await vscode.workspace.fs.createDirectory(dir);
    if (await exists(target)) continue;
    const temp = vscode.Uri.joinPath(dir, `.${randomBytes(6).toString('hex')}.call-coach.tmp`);
    await vscode.workspace.fs.writeFile(temp, bytes);
    try {
      await vscode.workspace.fs.rename(temp, target, { overwrite: false });
      return target;
    } catch (err) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      if (err instanceof vscode.FileSystemError && err.code === 'FileExists') continue;
      throw err;
    }
  }
  throw new Error(`more than ${MAX_ATTEMPTS} notes with the same name`);
}

/** Replaces a file atomically (temporary file, then rename over it). */
export async function replaceFile(target: vscode.Uri, content: string): Promise<void> {
  const dir = vscode.Uri.joinPath(target, '..');
  await vscode.workspace.fs.createDirectory(dir);
  const temp = vscode.Uri.joinPath(dir, `.${randomBytes(6).toString('hex')}.call-coach.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (err) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw err;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
