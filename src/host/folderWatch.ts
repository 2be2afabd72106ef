// Watches one local folder's direct entries with Node's fs.watch, for the team bank folders.
// Why not vscode.workspace.createFileSystemWatcher: inside a workspace folder, VS Code serves a
// non-recursive watch from its recursive workspace watcher (it only adds paths excluded by
// `files.watcherExclude`), and on Linux that watcher can miss everything inside a folder tree
// created in one go — seen in the host: `team/` reported, `team/banks/x.yaml` and every later
// change to it never. fs.watch on the folder itself has no such gap. Linux only: inotify is what
// needs a watch per folder (macOS and Windows watch a whole tree natively, and on Windows an open
// watch would stop the folder's parents from being renamed). Local (`file:`) folders only;
// virtual workspaces keep VS Code's watcher alone.
import { watch, type FSWatcher } from 'fs';
import type * as vscode from 'vscode';

/**
 * Calls `onChange` when an entry of `folder` whose name passes `accept` is created, changed,
 * removed or renamed (or when the platform cannot say which entry changed). When the folder
 * itself goes away the watch ends quietly: the workspace watcher reports that, the banks are
 * loaded again, and the next load decides what to watch. Returns undefined when the folder is not
 * watched this way (not Linux, gone already, no permission); VS Code's watcher still is.
 */
export function watchFolderEntries(folder: string, accept: (name: string) => boolean, onChange: () => void): vscode.Disposable | undefined {
  if (process.platform !== 'linux') return undefined;
  let watcher: FSWatcher;
  try {
    // persistent: false — a watch must never keep the extension host alive.
    watcher = watch(folder, { persistent: false }, (_event, name) => {
      if (name === null || accept(String(name))) onChange();
    });
  } catch {
    return undefined;
  }
  watcher.on('error', () => watcher.close());
  return { dispose: () => watcher.close() };
}
