// Turns a failed Git command into a sentence for the user: what happened and what to do.
// The full error (stderr included) goes to the log, never into the notification.
import * as vscode from 'vscode';
import type { GitError } from './gitApi';

const MAX_SHOWN = 300;

/** The first meaningful lines of Git's output, e.g. what a hook printed. */
export function gitOutput(err: unknown): string {
  const e = (err ?? {}) as GitError;
  const text = [e.stderr, e.stdout, e.message]
    .filter((s): s is string => typeof s === 'string' && s.trim().length > 0)
    .map((s) => s.replace(/\s+/g, ' ').trim())[0];
  if (!text) return '';
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

export const noIdentity = (): string =>
  vscode.l10n.t('Git does not know who you are, so it cannot commit. Set your name and email (git config --global user.name "Your Name" and user.email), then commit again.');

export function commitFailure(err: unknown): string {
  const code = (err as GitError | undefined)?.gitErrorCode;
  if (code === 'NoUserNameConfigured' || code === 'NoUserEmailConfigured') return noIdentity();
  if (code === 'RepositoryIsLocked') return vscode.l10n.t('The repository is locked by another Git command. Wait for it to finish, then commit again.');
  if ((err as { code?: string } | undefined)?.code === 'EPIPE') {
    return vscode.l10n.t('Git stopped before it took the commit message: another Git process may be using the repository, or a commit hook rejected the commit (its output is in the Git output channel). Check, then commit again.');
  }
  const output = gitOutput(err);
  return output
    ? vscode.l10n.t('Git refused the commit: {0} A commit hook may have rejected it: fix what it reports, then commit again.', output)
    : vscode.l10n.t('Git refused the commit. A commit hook may have rejected it: fix what it reports, then commit again.');
}

export function pushFailure(err: unknown): string {
  const code = (err as GitError | undefined)?.gitErrorCode;
  if (code === 'PushRejected') return vscode.l10n.t('the remote has commits you do not have. Pull, then push from the Source Control view.');
  if (code === 'AuthenticationFailed') return vscode.l10n.t('Git could not sign in to the remote. Check your credentials, then push from the Source Control view.');
  if (code === 'RemoteConnectionError' || code === 'CantAccessRemote') return vscode.l10n.t('the remote could not be reached. Check the network and the remote URL, then push again.');
  if (code === 'NoRemoteRepositorySpecified') return vscode.l10n.t('no remote is set for this branch. Add one (Git: Add Remote…), then push.');
  const output = gitOutput(err);
  return vscode.l10n.t('{0}. Push from the Source Control view once that is fixed.', output || vscode.l10n.t('Git gave no reason'));
}

/**
 * Whether a Git command failed only because another Git process (often the Git extension's own
 * background status) held the repository lock; git then exits at once, and writing the commit
 * message to its stdin fails with EPIPE. Nothing was changed, so the command can run again.
 */
export function isTransient(err: unknown): boolean {
  const e = (err ?? {}) as GitError & { code?: string };
  if (e.code === 'EPIPE' || e.gitErrorCode === 'RepositoryIsLocked') return true;
  return /index\.lock|another git process|EPIPE/i.test(`${e.stderr ?? ''} ${e.message ?? ''}`);
}

const TRIES = 4;
const PAUSE_MS = 250;

/** Runs a Git operation, again after a pause when it failed only on the repository lock. */
export async function retryLocked<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= TRIES || !isTransient(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS * attempt));
    }
  }
}
