// "Call Coach: Commit Success Plan Notes", and the commit offered after Finish Call
// (callCoach.commitAfterFinish: never, ask or always). Notifications never block the command:
// it returns its result at once, and a button (Initialize Repository, Manage Workspace Trust…)
// acts when clicked.
import * as vscode from 'vscode';
import { registerCommand } from '../commandRegistry';
import type { Log } from '../log';
import { commitPlanNotes, type CommitOptions, type CommitResult } from './commitNotes';
import { gitAccess, gitUnavailableOnWeb } from './gitAccess';
import { resolveNotesLocation } from '../notesLocation';
import { BuiltInCommand, CommandId, Setting, SETTINGS_SECTION, StateKey } from '../../ids';

type Button = { title: string; run: () => unknown };

function buttonsFor(result: CommitResult, retry: (options: CommitOptions) => unknown, log: Log): Button[] {
  switch (result.outcome) {
    case 'no-repository':
      return [{ title: vscode.l10n.t('Initialize Repository'), run: () => retry({ initIfMissing: true }) }];
    case 'untrusted':
      return [{ title: vscode.l10n.t('Manage Workspace Trust'), run: () => vscode.commands.executeCommand(BuiltInCommand.manageTrust) }];
    case 'git-disabled':
      return [{ title: vscode.l10n.t('Open Git Settings'), run: () => vscode.commands.executeCommand(BuiltInCommand.openSettings, 'git.enabled') }];
    case 'other-staged':
    case 'conflicts':
      return [{ title: vscode.l10n.t('Open Source Control'), run: () => vscode.commands.executeCommand(BuiltInCommand.showSourceControl) }];
    case 'no-folder':
      return result.action ? [{ title: result.action.title, run: () => vscode.commands.executeCommand(result.action!.command, ...(result.action!.args ?? [])) }] : [];
    case 'failed':
    case 'git-missing':
      return [{ title: vscode.l10n.t('Show Log'), run: () => log.show(true) }];
    case 'committed':
      return result.push === 'failed' ? [{ title: vscode.l10n.t('Show Log'), run: () => log.show(true) }] : [];
    default:
      return [];
  }
}

function notify(result: CommitResult, retry: (options: CommitOptions) => unknown, log: Log): void {
  if (result.outcome === 'cancelled') return;
  const buttons = buttonsFor(result, retry, log);
  const show =
    result.outcome === 'committed' && result.push !== 'failed'
      ? vscode.window.showInformationMessage
      : result.outcome === 'failed' || result.outcome === 'git-missing'
        ? vscode.window.showErrorMessage
        : result.outcome === 'nothing'
          ? vscode.window.showInformationMessage
          : vscode.window.showWarningMessage;
  void show(result.message, ...buttons.map((b) => b.title)).then((pick) => buttons.find((b) => b.title === pick)?.run());
}

/** Runs the commit and tells the user how it went; resolves to the result without waiting for them. */
export async function runCommit(workspaceState: vscode.Memento, log: Log, options: CommitOptions = {}): Promise<CommitResult> {
  let result: CommitResult;
  try {
    result = await commitPlanNotes(workspaceState, log, options);
  } catch (err) {
    log.error('Committing the notes failed', err);
    result = { outcome: 'failed', message: vscode.l10n.t('Committing the notes failed unexpectedly. Your notes are unchanged on disk; see the log for details.') };
  }
  notify(result, (again) => runCommit(workspaceState, log, again), log);
  return result;
}

/** Arguments: `{ initIfMissing: true }` initialises a repository when there is none. */
export function registerCommitCommand(workspaceState: vscode.Memento, log: Log): vscode.Disposable {
  return registerCommand(CommandId.commitNotes, (args?: { initIfMissing?: unknown }) => {
    if (gitUnavailableOnWeb()) {
      void explainWebCommit();
      return undefined;
    }
    return runCommit(workspaceState, log, { initIfMissing: args?.initIfMissing === true });
  });
}

const WEB_COMMIT_EXPLAINED = StateKey.webCommitExplained;

/** The command is hidden on the web (package.json), but a keybinding can still reach it. */
function explainWebCommit(): Thenable<unknown> {
  return vscode.window
    .showInformationMessage(
      vscode.l10n.t('Call Coach cannot commit in the browser: there is no Git extension here for it to use. Your notes are saved; commit them from the Source Control view.'),
      vscode.l10n.t('Open Source Control'),
    )
    .then((pick) => (pick ? vscode.commands.executeCommand(BuiltInCommand.showSourceControl) : undefined));
}

/** After Finish Call on the web, callCoach.commitAfterFinish cannot apply: say so once per workspace. */
function explainWebCommitOnce(workspaceState: vscode.Memento): void {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(Setting.commitAfterFinish, 'ask');
  if (setting === 'never' || workspaceState.get(WEB_COMMIT_EXPLAINED)) return;
  void workspaceState.update(WEB_COMMIT_EXPLAINED, true);
  void explainWebCommit();
}

/** Whether asking makes sense: trusted, Git available, and the notes folder in a repository. */
async function canCommit(workspaceState: vscode.Memento): Promise<boolean> {
  const location = await resolveNotesLocation(workspaceState, false).catch(() => undefined);
  if (!location || location.root.uri.scheme !== 'file') return false;
  const access = await gitAccess();
  if (!access.ok) return false;
  return !!(access.api.getRepository(location.folder) ?? (await access.api.openRepository(location.root.uri)));
}

/** Called by the finish pipeline (src/host/finishPipeline.ts) after a note was written; never throws. */
export async function commitAfterFinish(workspaceState: vscode.Memento, log: Log): Promise<void> {
  if (gitUnavailableOnWeb()) {
    explainWebCommitOnce(workspaceState);
    return;
  }
  try {
    const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(Setting.commitAfterFinish, 'ask');
    if (setting === 'always') {
      await runCommit(workspaceState, log);
      return;
    }
    if (setting !== 'ask' || !(await canCommit(workspaceState))) return;
    const [commit, always, never] = [vscode.l10n.t('Commit'), vscode.l10n.t('Always'), vscode.l10n.t('Never')];
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Commit the success plan notes to Git?'), commit, always, never);
    if (pick === always || pick === never) {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Setting.commitAfterFinish, pick === always ? 'always' : 'never', vscode.ConfigurationTarget.Global);
    }
    if (pick === commit || pick === always) await runCommit(workspaceState, log);
  } catch (err) {
    log.error('Committing after Finish Call failed', err);
  }
}
