// Reloads the banks when a team bank changes on disk, when the callCoach.questionBanks setting
// changes, or when workspace folders come and go. Watching is cheap (no reads until a change),
// and BankService starts it only once the banks have been loaded for the first time.
// Saves and explorer operations are listened to as well: they are how people change banks, and
// they arrive even when the file system watcher is slow or restarting.
//
// Two kinds of watcher, because neither alone is enough:
// - one glob per workspace folder, served by VS Code's recursive workspace watcher: it sees bank
//   paths that do not exist yet, in any file system. On Linux it can miss what is inside a tree
//   created in one go, so the glob also matches the folders above each bank path: the top new
//   folder is always reported, and that is the cue to load again;
// - one fs.watch per local bank folder that exists (see folderWatch.ts), set up by every load
//   before it reads a file, so nothing written after a load has seen it goes unnoticed.
import * as vscode from 'vscode';
import { bankWatchGlob, checkBankPath, isBankFileName, TEAM_BANK_FOLDER } from '../core/bank/teamPaths';
import { platform } from './platform';
import { settingEntries, type TeamBankFiles } from './teamBankFiles';
import { Setting, settingId } from '../ids';

const DEBOUNCE_MS = 150;

export class TeamBankWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private folderWatchers: vscode.Disposable[] = [];
  private directWatchers: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(settingId(Setting.questionBanks))) return;
        this.watchFolders();
        this.changed();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.watchFolders();
        this.changed();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.changedIf([d.uri])),
      vscode.workspace.onDidCreateFiles((e) => this.changedIf(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => this.changedIf(e.files)),
      vscode.workspace.onDidRenameFiles((e) => this.changedIf(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
    );
    this.watchFolders();
  }

  private watch(pattern: vscode.GlobPattern): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    watcher.onDidCreate(() => this.changed());
    watcher.onDidChange(() => this.changed());
    watcher.onDidDelete(() => this.changed());
    return watcher;
  }

  /**
   * Per workspace folder, one glob over the team bank folder and every usable setting entry (see
   * bankWatchGlob). Relative patterns: a plain `**` glob does not reach into dot folders such as
   * .callcoach.
   */
  private watchFolders(): void {
    this.folderWatchers.forEach((d) => d.dispose());
    this.folderWatchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const paths: string[][] = [[...TEAM_BANK_FOLDER]];
      for (const entry of settingEntries(folder)) {
        const checked = checkBankPath(entry);
        if (checked.ok) paths.push(checked.segments);
      }
      this.folderWatchers.push(this.watch(new vscode.RelativePattern(folder, bankWatchGlob(paths))));
    }
  }

  /**
   * Watches each local bank folder (its direct entries: banks are not searched deeper) and the
   * folder holding each bank file, as found by a load. Editors often save by renaming a new file
   * over the old one, so a file is followed through its folder, by name. Every load starts the
   * watches afresh: a folder deleted and made again needs a new one, and they cost microseconds.
   */
  follow(existing: TeamBankFiles['existing']): void {
    this.directWatchers.forEach((d) => d.dispose());
    this.directWatchers = [];
    for (const { uri, folder } of existing) {
      if (uri.scheme !== 'file') continue;
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const watch = folder
        ? platform().watchFolderEntries(uri.fsPath, isBankFileName, () => this.changed())
        : platform().watchFolderEntries(vscode.Uri.joinPath(uri, '..').fsPath, (n) => n === name, () => this.changed());
      if (watch) this.directWatchers.push(watch);
    }
  }

  /** Reloads when any of the files could be a bank, or a folder holding team banks. */
  private changedIf(uris: readonly vscode.Uri[]): void {
    const folder = `/${TEAM_BANK_FOLDER[0]}`;
    if (uris.some((u) => isBankFileName(u.path) || u.path.includes(`${folder}/`) || u.path.endsWith(folder))) this.changed();
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, DEBOUNCE_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.folderWatchers.forEach((d) => d.dispose());
    this.directWatchers.forEach((d) => d.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
