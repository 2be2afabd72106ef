// The few things only a Node extension host (desktop VS Code, remote and server hosts) can do:
// watch a folder with fs.watch, claim a file name with a hard link, ask the `git` executable, and
// read bytes with Buffer's native decoders, read a folder's notes on a worker thread. The web worker host (vscode.dev, github.dev, GitLab's
// Web IDE) has none of them, so everything else in Call Coach is one code path on `workspace.fs`,
// WebCrypto and TextEncoder/TextDecoder, and these four come in from outside: the Node entry
// (extension.ts) hands `nodePlatform` to createFeatures; the web entry keeps `portablePlatform`,
// whose answers are each feature's own fallback.
import type * as vscode from 'vscode';
import type { FileStamp, StampedBytes } from '../core/notesFolder';
import { fnv1a, portableByteText, type ByteText } from '../core/plan/byteText';

export type LinkClaim = 'claimed' | 'exists' | 'unsupported';

export interface Platform {
  /** Watches a local folder's direct entries (folderWatch.ts); undefined when it is not watched this way. */
  watchFolderEntries(folder: string, accept: (name: string) => boolean, onChange: () => void): vscode.Disposable | undefined;
  /** Puts `tempPath` in place at `targetPath` only if nothing is there, atomically (hardLink.ts). */
  claimByHardLink(tempPath: string, targetPath: string): Promise<LinkClaim>;
  /** Moves `tempPath` over an existing `targetPath` in one atomic step (atomicReplace.ts); false when it cannot. */
  replaceByRename(tempPath: string, targetPath: string): Promise<boolean>;
  /** Whether Git knows who is committing; undefined when it cannot be asked (gitIdentity.ts). */
  knowsCommitIdentity(gitPath: string, repoRoot: string, requireConfig: boolean): Promise<boolean | undefined>;
  /** How the note index turns bytes into text, and hashes them. */
  byteText: ByteText;
  hashBytes(bytes: Uint8Array): number;
  /**
   * A local folder's files stamped, or read with their stamps, in one request off the extension
   * host's thread (plan/noteFileReader.ts); an answer of undefined means "do it file by file".
   */
  noteFiles?: LocalNoteFiles;
}

export interface LocalNoteFiles extends vscode.Disposable {
  stampFiles(dir: string, files: readonly string[]): Promise<(FileStamp | Error)[] | undefined>;
  readStamped(dir: string, files: readonly string[]): Promise<(StampedBytes | Error)[] | undefined>;
}

/** What every host has. VS Code's own file watcher still runs, notes are claimed with a rename. */
export const portablePlatform: Platform = {
  watchFolderEntries: () => undefined,
  claimByHardLink: () => Promise.resolve('unsupported'),
  replaceByRename: () => Promise.resolve(false),
  knowsCommitIdentity: () => Promise.resolve(undefined),
  byteText: portableByteText,
  hashBytes: fnv1a,
};

let current: Platform = portablePlatform;

/** Set once, by createFeatures, before anything reads it. */
export function usePlatform(platform: Platform): void {
  current = platform;
}

export function platform(): Platform {
  return current;
}
