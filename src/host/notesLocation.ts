// Where notes go: the notes folder (setting) inside the workspace folder the CSM chose.
// No folder open, several folders, and a setting that points outside the workspace each get
// a clear answer instead of a write somewhere unexpected.
import * as vscode from 'vscode';
import { validateNotesFolder } from '../core/paths';
import { BuiltInCommand, Setting, SETTINGS_SECTION, settingId, StateKey } from '../ids';

const REMEMBERED_ROOT = StateKey.notesRoot;

export class NotesLocationError extends Error {
  constructor(
    message: string,
    /** A button that fixes it, if there is one. */
    readonly action?: { title: string; command: string; args?: unknown[] },
  ) {
    super(message);
  }
}

export interface NotesLocation {
  root: vscode.WorkspaceFolder;
  /** The notes folder itself. */
  folder: vscode.Uri;
  segments: string[];
}

/**
 * Resolves the notes folder. With several workspace folders it asks once and remembers the
 * answer; `interactive: false` never asks (used for suggestions, which can do without).
 */
export async function resolveNotesLocation(state: vscode.Memento, interactive = true): Promise<NotesLocation | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    throw new NotesLocationError(vscode.l10n.t('Call Coach needs an open folder to save call notes in.'), {
      title: vscode.l10n.t('Open Folder…'),
      command: BuiltInCommand.openFolder,
    });
  }
  let root: vscode.WorkspaceFolder | undefined = folders.length === 1 ? folders[0] : undefined;
  if (!root) {
    const remembered = state.get<string>(REMEMBERED_ROOT);
    root = folders.find((f) => f.uri.toString() === remembered);
  }
  if (!root) {
    if (!interactive) return undefined;
    const pick = await vscode.window.showQuickPick(
      folders.map((f) => ({ label: f.name, description: f.uri.fsPath || f.uri.toString(), folder: f })),
      {
        title: vscode.l10n.t('Call Coach: which workspace folder holds your success plans?'),
        placeHolder: vscode.l10n.t('Call notes are saved in this folder; you can change it later'),
        ignoreFocusOut: true,
      },
    );
    if (!pick) return undefined;
    root = pick.folder;
    await state.update(REMEMBERED_ROOT, root.uri.toString());
  }
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION, root.uri).get<string>(Setting.notesFolder, 'success-plans');
  const checked = validateNotesFolder(setting);
  if (!checked.ok) {
    throw new NotesLocationError(vscode.l10n.t('The callCoach.notesFolder setting is not usable: {0}', checked.error), {
      title: vscode.l10n.t('Open Settings'),
      command: BuiltInCommand.openSettings,
      args: [settingId(Setting.notesFolder)],
    });
  }
  return { root, folder: vscode.Uri.joinPath(root.uri, ...checked.segments), segments: checked.segments };
}

/** Forgets the remembered folder, e.g. when the CSM wants to choose again. */
export function forgetNotesRoot(state: vscode.Memento): Thenable<void> {
  return state.update(REMEMBERED_ROOT, undefined);
}
