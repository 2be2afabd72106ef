// Finds a team's bank files: `.callcoach/questions/*.yaml` in every workspace folder, then each
// path in that folder's `callCoach.questionBanks` setting (a file, or a folder of YAML files).
// Reads through vscode.workspace.fs, so it works in virtual workspaces too.
import * as vscode from 'vscode';
import { checkBankPath, isBankFileName, TEAM_BANK_FOLDER } from '../core/bank/teamPaths';
import { Setting, SETTINGS_SECTION } from '../ids';

export interface TeamBankFiles {
  /** In load order: folder by folder, `.callcoach/questions` (sorted) before the setting's paths. */
  uris: vscode.Uri[];
  /** Setting entries that could not be used, as sentences for the log and the status bar. */
  settingProblems: string[];
  /** The bank folders and files that exist now: what TeamBankWatcher watches directly. */
  existing: { uri: vscode.Uri; folder: boolean }[];
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** YAML files directly in `folder`, sorted by name; undefined when it cannot be listed. */
async function bankFilesIn(folder: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  return entries
    .filter(([name, type]) => (type & vscode.FileType.File) !== 0 && isBankFileName(name))
    .map(([name]) => name)
    .sort()
    .map((name) => vscode.Uri.joinPath(folder, name));
}

/** The setting's entries for one folder (resource scope: a folder may set its own). */
export function settingEntries(folder: vscode.WorkspaceFolder): unknown[] {
  const value = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<unknown>(Setting.questionBanks, []);
  return Array.isArray(value) ? value : [value];
}

export async function findTeamBankFiles(): Promise<TeamBankFiles> {
  const uris: vscode.Uri[] = [];
  const settingProblems: string[] = [];
  const existing: TeamBankFiles['existing'] = [];
  const seen = new Set<string>();
  const add = (list: vscode.Uri[]) => {
    for (const uri of list) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      uris.push(uri);
    }
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const teamFolder = vscode.Uri.joinPath(folder.uri, ...TEAM_BANK_FOLDER);
    const inTeamFolder = await bankFilesIn(teamFolder);
    if (inTeamFolder) {
      existing.push({ uri: teamFolder, folder: true });
      add(inTeamFolder);
    }
    for (const entry of settingEntries(folder)) {
      const checked = checkBankPath(entry);
      if (!checked.ok) {
        settingProblems.push(checked.error);
        continue;
      }
      const target = vscode.Uri.joinPath(folder.uri, ...checked.segments);
      const info = await stat(target);
      if (!info) settingProblems.push(vscode.l10n.t('callCoach.questionBanks entry "{0}" does not exist in {1}; create it or remove the entry', String(entry), folder.name));
      else if (info.type & vscode.FileType.Directory) {
        existing.push({ uri: target, folder: true });
        add((await bankFilesIn(target)) ?? []);
      } else {
        existing.push({ uri: target, folder: false });
        add([target]);
      }
    }
  }
  return { uris, settingProblems, existing };
}
