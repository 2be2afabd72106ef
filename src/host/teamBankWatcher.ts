// Reloads the banks when a team bank changes on disk, when the callCoach.questionBanks setting
// changes, or when workspace folders come and go. Watching is cheap (no reads until a change),
// and BankService starts it only once the banks have been loaded for the first time.
// Saves and explorer operations are listened to as well: they are how people change banks, and
// they arrive even when the file system watcher is slow or restarting.
import * as vscode from 'vscode';
import { checkBankPath, isBankFileName, TEAM_BANK_FOLDER } from '../core/bank/teamPaths';
import { QUESTION_BANKS_SETTING, settingEntries } from './teamBankFiles';

const DEBOUNCE_MS = 150;

export class TeamBankWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private folderWatchers: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`callCoach.${QUESTION_BANKS_SETTING}`)) return;
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
   * Per workspace folder, one watcher for the team bank folder and one per usable setting entry
   * (the path itself and anything below it). Relative patterns: a plain `**` glob does not reach
   * into dot folders such as .callcoach.
   */
  private watchFolders(): void {
    this.folderWatchers.forEach((d) => d.dispose());
    this.folderWatchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      this.folderWatchers.push(this.watch(new vscode.RelativePattern(folder, `${TEAM_BANK_FOLDER[0]}/**`)));
      for (const entry of settingEntries(folder)) {
        const checked = checkBankPath(entry);
        if (!checked.ok) continue;
        const path = checked.segments.join('/').replace(/[{}[\]*?]/g, '?');
        this.folderWatchers.push(this.watch(new vscode.RelativePattern(folder, `{${path},${path}/**}`)));
      }
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
    this.disposables.forEach((d) => d.dispose());
  }
}
