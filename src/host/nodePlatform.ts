// The Node extension host's side of platform.ts. Bundled only into the Node entry
// (dist/extension.js), never into the browser bundle, which esbuild builds for the browser and so
// refuses any Node import.
import type { Platform } from './platform';
import { watchFolderEntries } from './folderWatch';
import { claimByHardLink } from './hardLink';
import { replaceByRename } from './atomicReplace';
import { knowsCommitIdentity } from './git/gitIdentity';
import { noteFileReader } from './plan/noteFileReader';
import { nodeByteText, nodeHash } from './plan/nodeText';

export const nodePlatform: Platform = {
  watchFolderEntries,
  claimByHardLink,
  replaceByRename,
  knowsCommitIdentity: (gitPath, repoRoot, requireConfig) => knowsCommitIdentity(gitPath, repoRoot, requireConfig),
  byteText: nodeByteText,
  hashBytes: nodeHash,
  noteFiles: noteFileReader(),
};
