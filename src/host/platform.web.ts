// The web worker host's side of platform.ts (swapped in by esbuild.mjs for the browser bundle).
// Each answer is the one the Node side gives when the feature is unavailable, so callers take
// their ordinary fallback: VS Code's own file watcher, the rename without hard links, and no
// identity check (there is no Git extension to commit with on the web: Call Coach hides Commit).
import type * as node from './platform';

export const watchFolderEntries: typeof node.watchFolderEntries = () => undefined;
export const claimByHardLink: typeof node.claimByHardLink = () => Promise.resolve('unsupported');
export const knowsCommitIdentity: typeof node.knowsCommitIdentity = () => Promise.resolve(undefined);
