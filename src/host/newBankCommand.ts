// "Call Coach: New Question Bank": writes a valid, commented starter bank into the workspace's
// .callcoach/questions/ folder (never over an existing file) and opens it. The watcher then
// loads it like any other team bank.
import * as vscode from 'vscode';
import { registerCommand } from './commandRegistry';
import { starterBank, type StarterKind } from '../core/bank/starters';
import { TEAM_BANK_FOLDER } from '../core/bank/teamPaths';
import type { BankService } from './bankService';
import { reportError, type Log } from './log';
import { exists, writeNewFile } from './noteWriter';
import { CommandId } from '../ids';

const kinds = (): { starter: StarterKind; label: string; detail: string; name: string }[] => [
  { starter: 'technique', label: vscode.l10n.t('Questions of Our Own'), detail: vscode.l10n.t('A technique bank with new questions, beside the built-in ones'), name: 'team-questions' },
  { starter: 'overrides', label: vscode.l10n.t('Our Wording for Built-in Questions'), detail: vscode.l10n.t('Change the text, hint or tag of built-in questions by id'), name: 'team-wording' },
];

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which workspace folder should hold the new question bank?') });
}

/** A file name (and bank id) not used yet in the folder: team-questions, team-questions-2, … */
async function freeName(folder: vscode.Uri, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(vscode.Uri.joinPath(folder, `${name}.yaml`)))) return name;
  }
}

export function registerNewBankCommand(banks: BankService, log: Log): vscode.Disposable {
  return registerCommand(CommandId.newQuestionBank, async (args?: { kind?: unknown }) => {
    const root = await pickFolder();
    if (!root) {
      if (!vscode.workspace.workspaceFolders?.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Team question banks live in a workspace folder. Open a folder first, then run "New Question Bank" again.'));
      }
      return undefined;
    }
    const given = kinds().find((k) => k.starter === args?.kind);
    const choice =
      given ??
      (await vscode.window.showQuickPick(kinds(), { title: vscode.l10n.t('Call Coach: New Question Bank'), placeHolder: vscode.l10n.t('What should the new bank hold?') }));
    if (!choice) return undefined;
    try {
      const folder = vscode.Uri.joinPath(root.uri, ...TEAM_BANK_FOLDER);
      const name = await freeName(folder, choice.name);
      const uri = await writeNewFile(root.uri, () => [...TEAM_BANK_FOLDER, `${name}.yaml`], starterBank(choice.starter, name));
      log.info(`New question bank written: ${uri.toString()}`);
      void banks.reload().catch((err: unknown) => log.error('Could not reload the question banks', err));
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    } catch (err) {
      await reportError(
        log,
        vscode.l10n.t('The new question bank could not be written.'),
        vscode.l10n.t('Check that {0} in {1} is writable, then try again.', TEAM_BANK_FOLDER.join('/'), root.name),
        err,
      );
      return undefined;
    }
  });
}
