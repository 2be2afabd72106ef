// Commits the success plan notes through the built-in Git extension (the only Git run directly
// is the read-only identity check in gitIdentity.ts):
// finds the repository holding the notes folder, stages only new and changed notes, refuses when
// anything else is staged (a commit takes the whole index), commits with the message template,
// and pushes when asked. Never writes, moves or deletes a note: every failure leaves them as
// they were, and a failed commit unstages what it staged.
import * as vscode from 'vscode';
import { commitContents, commitMessage, describeContents } from '../../core/commit/message';
import { customerNameOf } from '../../core/plan/customerNotes';
import { customersOf, planNotesCommit, type NotesCommitPlan, type RepoChange } from '../../core/commit/selection';
import type { Log } from '../log';
import { NotesLocationError, resolveNotesLocation, type NotesLocation } from '../notesLocation';
import { localToday } from '../../core/localToday';
import { gitAccess } from './gitAccess';
import { GitStatus, type Change, type GitAPI, type Repository } from './gitApi';
import { commitFailure, noIdentity, pushFailure, retryLocked } from './gitErrors';
import { contentsWords } from './commitWords';
import { platform } from '../platform';
import { notesSource, WorkspaceNotesFolder } from '../workspaceNotesFolder';
import { Setting, SETTINGS_SECTION } from '../../ids';

export type CommitOutcome =
  | 'committed'
  | 'nothing'
  | 'cancelled'
  | 'no-folder'
  | 'untrusted'
  | 'virtual'
  | 'git-missing'
  | 'git-disabled'
  | 'no-repository'
  | 'other-staged'
  | 'conflicts'
  | 'failed';

export type PushOutcome = 'off' | 'pushed' | 'no-remote' | 'failed';

export interface CommitResult {
  outcome: CommitOutcome;
  /** What the user is told, in one or two sentences. */
  message: string;
  /** Workspace-relative paths of the notes in the commit. */
  files?: string[];
  commit?: string;
  push?: PushOutcome;
  /** A button that helps (set for notes-folder problems). */
  action?: NotesLocationError['action'];
}

export interface CommitOptions {
  /** Initialise a repository at the workspace folder when the notes are in none. */
  initIfMissing?: boolean;
}

function kindOf(status: number): RepoChange['kind'] {
  switch (status) {
    case GitStatus.UNTRACKED:
      return 'untracked';
    case GitStatus.INDEX_ADDED:
    case GitStatus.INTENT_TO_ADD:
      return 'added';
    case GitStatus.MODIFIED:
    case GitStatus.INDEX_MODIFIED:
    case GitStatus.TYPE_CHANGED:
      return 'modified';
    case GitStatus.DELETED:
    case GitStatus.INDEX_DELETED:
      return 'deleted';
    default:
      return 'other';
  }
}

function changesOf(repo: Repository): RepoChange[] {
  const map = (group: RepoChange['group'], list: readonly Change[] | undefined) => (list ?? []).map((c) => ({ path: c.uri.path, group, kind: kindOf(c.status) }));
  const s = repo.state;
  return [...map('merge', s.mergeChanges), ...map('index', s.indexChanges), ...map('workingTree', s.workingTreeChanges), ...map('untracked', s.untrackedChanges)];
}

async function currentPlan(repo: Repository, location: NotesLocation): Promise<NotesCommitPlan> {
  await repo.status();
  return planNotesCommit(changesOf(repo), location.folder.path);
}

async function findRepository(api: GitAPI, location: NotesLocation): Promise<Repository | null> {
  return api.getRepository(location.folder) ?? ((await api.openRepository(location.root.uri)) && api.getRepository(location.folder));
}

const fsPath = (location: NotesLocation, path: string) => location.folder.with({ path }).fsPath;
const relativeTo = (location: NotesLocation) => (path: string) => vscode.workspace.asRelativePath(location.folder.with({ path }), false);

export async function commitPlanNotes(workspaceState: vscode.Memento, log: Log, options: CommitOptions = {}): Promise<CommitResult> {
  if (!vscode.workspace.isTrusted) {
    return { outcome: 'untrusted', message: vscode.l10n.t("Committing notes needs a trusted workspace: Git runs the repository's hooks, which Restricted Mode does not allow. Your notes are saved; trust the folder to commit them.") };
  }
  let location: NotesLocation | undefined;
  try {
    location = await resolveNotesLocation(workspaceState);
  } catch (err) {
    if (err instanceof NotesLocationError) return { outcome: 'no-folder', message: err.message, ...(err.action ? { action: err.action } : {}) };
    throw err;
  }
  if (!location) return { outcome: 'cancelled', message: vscode.l10n.t('No workspace folder was chosen, so nothing was committed.') };
  if (location.root.uri.scheme !== 'file') {
    return { outcome: 'virtual', message: vscode.l10n.t('This workspace is not on a local disk, so Git cannot commit it from here. Your notes are saved; commit them where the repository is checked out.') };
  }

  const access = await gitAccess();
  if (!access.ok) {
    if (access.detail) log.warn(`Git extension unavailable: ${access.detail}`);
    if (access.reason === 'untrusted') return { outcome: 'untrusted', message: vscode.l10n.t('Committing notes needs a trusted workspace. Your notes are saved; trust the folder to commit them.') };
    if (access.reason === 'disabled') return { outcome: 'git-disabled', message: vscode.l10n.t('The built-in Git extension is turned off (git.enabled), so Call Coach cannot commit. Your notes are saved; turn Git on to commit them.') };
    return {
      outcome: 'git-missing',
      message:
        access.reason === 'not-ready'
          ? vscode.l10n.t('The Git extension is still starting. Your notes are saved; try again in a moment.')
          : vscode.l10n.t('The built-in Git extension is not available or cannot find Git. Your notes are saved; install Git or enable the "Git" extension, then try again.'),
    };
  }

  let repo = await findRepository(access.api, location);
  if (!repo && options.initIfMissing) {
    log.info(`Initialising a Git repository at ${location.root.uri.fsPath}`);
    await access.api.init(location.root.uri);
    repo = await findRepository(access.api, location);
  }
  if (!repo) {
    return { outcome: 'no-repository', message: vscode.l10n.t('The notes folder {0} is not in a Git repository, so there is nothing to commit to. Your notes are saved; initialise a repository to version them.', location.segments.join('/')) };
  }

  const relative = relativeTo(location);
  let plan = await currentPlan(repo, location);
  if (plan.conflicted.length) {
    return { outcome: 'conflicts', message: vscode.l10n.t('The repository has unresolved merge conflicts ({0}). Resolve them in the Source Control view, then commit the notes.', plan.conflicted.map(relative).join(', ')) };
  }
  if (plan.otherStaged.length) {
    const shown = plan.otherStaged.slice(0, 3).map(relative).join(', ');
    const more = plan.otherStaged.length > 3 ? vscode.l10n.t('{0} and {1} more', shown, plan.otherStaged.length - 3) : shown;
    return {
      outcome: 'other-staged',
      message: vscode.l10n.t('Other files are already staged ({0}), and a commit would include them. Call Coach commits only the notes: commit or unstage those files first, then try again.', more),
    };
  }
  if (!plan.toStage.length && !plan.alreadyStaged.length) {
    const hidden = vscode.workspace.getConfiguration('git', repo.rootUri).get<string>('untrackedChanges') === 'hidden';
    return {
      outcome: 'nothing',
      message: hidden
        ? vscode.l10n.t('No changed notes were found, but git.untrackedChanges is "hidden", which hides new notes from Call Coach. Set it to "mixed" or "separate" to commit new notes.')
        : vscode.l10n.t('Nothing to commit: every note in {0} is already committed.', location.segments.join('/')),
    };
  }

  const requireConfig = vscode.workspace.getConfiguration('git', repo.rootUri).get<boolean>('requireGitUserConfig', true);
  if ((await platform().knowsCommitIdentity(access.api.git.path, repo.rootUri.fsPath, requireConfig)) === false) {
    log.warn(`Git has no user.name or user.email for ${repo.rootUri.fsPath}; nothing staged or committed.`);
    return { outcome: 'failed', message: vscode.l10n.t('{0} Your notes are unchanged on disk and nothing was committed.', noIdentity()) };
  }

  const staged = plan.toStage;
  await retryLocked(() => repo.add(staged.map((p) => fsPath(location, p))));
  plan = await currentPlan(repo, location);
  const files = plan.alreadyStaged;
  const unstage = async () => {
    if (!staged.length) return;
    await retryLocked(() => repo.revert(staged.map((p) => fsPath(location, p)))).catch((err: unknown) => log.warn('Could not unstage the notes again', err));
  };
  if (plan.otherStaged.length) {
    await unstage();
    return { outcome: 'other-staged', message: vscode.l10n.t('Other files were staged while the notes were being staged. Nothing was committed; commit or unstage those files, then try again.') };
  }

  const template = vscode.workspace.getConfiguration(SETTINGS_SECTION, location.root.uri).get<string>(Setting.commitMessageTemplate, '');
  // Customers by the name their notes give them ("Acme Corp"), not by folder ("acme-corp").
  const source = notesSource(new WorkspaceNotesFolder(location.folder), log);
  const customers = (await Promise.all(customersOf(files, location.folder.path).map((folder) => customerNameOf(source, folder).catch(() => folder)))).sort((a, b) => a.localeCompare(b));
  const contents = commitContents(files, location.folder.path);
  const what = describeContents(contents, customers.length, contentsWords());
  const message = commitMessage(template, { customers, date: localToday(), contents });
  try {
    await retryLocked(() => repo.commit(message));
  } catch (err) {
    log.error('git commit failed', err);
    await unstage();
    return { outcome: 'failed', message: vscode.l10n.t('{0} Your notes are unchanged on disk and nothing was committed.', commitFailure(err)), files: files.map(relative) };
  }
  await repo.status();
  const head = repo.state.HEAD;
  const commit = head?.commit;
  log.info(`Committed ${describeContents(contents, customers.length)} as ${commit ?? '?'}: ${message}`);
  // The message says what changed and whose, in the display language; the commit message itself
  // (core's English words) is in the log and in Git.
  const whatWhose = customers.length === 1 ? vscode.l10n.t('{0} of {1}', what, customers[0]!) : what;
  const where = head?.name ? vscode.l10n.t('{0} to {1}', whatWhose, head.name) : whatWhose;
  const done = commit ? vscode.l10n.t('Committed {0} ({1}).', where, commit.slice(0, 7)) : vscode.l10n.t('Committed {0}.', where);

  const result: CommitResult = { outcome: 'committed', message: done, files: files.map(relative), ...(commit ? { commit } : {}), push: 'off' };
  if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, location.root.uri).get<boolean>(Setting.pushAfterCommit, false)) return result;
  return { ...result, ...(await push(repo, log, done)) };
}

async function push(repo: Repository, log: Log, done: string): Promise<Pick<CommitResult, 'push' | 'message'>> {
  const { HEAD, remotes } = repo.state;
  if (!remotes.length) return { push: 'no-remote', message: vscode.l10n.t('{0} Not pushed: the repository has no remote. Add one (Git: Add Remote…) to push.', done) };
  try {
    if (HEAD?.upstream || !HEAD?.name) await repo.push();
    else await repo.push(remotes.find((r) => r.name === 'origin')?.name ?? remotes[0]!.name, HEAD.name, true);
    return { push: 'pushed', message: vscode.l10n.t('{0} Pushed.', done) };
  } catch (err) {
    log.error('git push failed', err);
    return { push: 'failed', message: vscode.l10n.t('{0} The commit is kept, but the push failed: {1}', done, pushFailure(err)) };
  }
}
