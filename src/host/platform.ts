// The few things the Node extension host (desktop VS Code, remote and server hosts) does that the
// web worker host (vscode.dev, github.dev, GitLab's Web IDE) cannot: Node's file watching, hard
// links, and asking the `git` executable. Everything else in Call Coach is one code path on
// `workspace.fs`, WebCrypto and TextEncoder/TextDecoder. esbuild.mjs builds the browser bundle
// with platform.web.ts in place of this file.
export { watchFolderEntries } from './folderWatch';
export { claimByHardLink } from './hardLink';
export { knowsCommitIdentity } from './git/gitIdentity';
