// The part of the built-in Git extension's API (`vscode.git`, getAPI(1)) that Call Coach uses,
// typed after extensions/git/src/api/git.d.ts in microsoft/vscode. Only what is used is declared,
// so a change elsewhere in that API cannot break this build.
import type * as vscode from 'vscode';

/** Status of a change, as the Git extension numbers it (its `Status` const enum). */
export const GitStatus = {
  INDEX_MODIFIED: 0,
  INDEX_ADDED: 1,
  INDEX_DELETED: 2,
  INDEX_RENAMED: 3,
  INDEX_COPIED: 4,
  MODIFIED: 5,
  DELETED: 6,
  UNTRACKED: 7,
  IGNORED: 8,
  INTENT_TO_ADD: 9,
  INTENT_TO_RENAME: 10,
  TYPE_CHANGED: 11,
} as const;

export interface Change {
  readonly uri: vscode.Uri;
  readonly status: number;
}

export interface Branch {
  readonly name?: string;
  readonly commit?: string;
  readonly upstream?: { readonly remote: string; readonly name: string };
}

export interface Remote {
  readonly name: string;
  readonly pushUrl?: string;
  readonly fetchUrl?: string;
}

export interface RepositoryState {
  readonly HEAD: Branch | undefined;
  readonly remotes: Remote[];
  readonly mergeChanges: Change[];
  readonly indexChanges: Change[];
  readonly workingTreeChanges: Change[];
  /** Filled only when `git.untrackedChanges` is "separate"; "mixed" puts them in workingTreeChanges. */
  readonly untrackedChanges?: Change[];
  readonly onDidChange: vscode.Event<void>;
}

export interface CommitOptions {
  /** Stage everything first; never used here. */
  all?: boolean | 'tracked';
  /** Fail instead of using a default identity (the extension reads git.requireGitUserConfig when unset). */
  requireUserConfig?: boolean;
}

export interface Repository {
  readonly rootUri: vscode.Uri;
  readonly state: RepositoryState;
  /** Refreshes `state` from disk. */
  status(): Promise<void>;
  /** `git add -A -- <paths>`; paths are file system paths. */
  add(paths: string[]): Promise<void>;
  /** Unstages the paths (`git reset -q HEAD --`, or `git rm --cached` before the first commit). */
  revert(paths: string[]): Promise<void>;
  commit(message: string, opts?: CommitOptions): Promise<void>;
  push(remoteName?: string, branchName?: string, setUpstream?: boolean): Promise<void>;
}

export interface GitAPI {
  /** The Git executable the extension found. */
  readonly git: { readonly path: string };
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: Repository[];
  readonly onDidOpenRepository: vscode.Event<Repository>;
  getRepository(uri: vscode.Uri): Repository | null;
  /** `git init` at root, then opens it. */
  init(root: vscode.Uri): Promise<Repository | null>;
  /** Opens the repository at root (file scheme only). */
  openRepository(root: vscode.Uri): Promise<Repository | null>;
}

export interface GitExtension {
  readonly enabled: boolean;
  /** Throws when the extension is disabled (git.enabled is false). */
  getAPI(version: 1): GitAPI;
}

/** What a failed Git command rejects with (the extension's GitError), as far as it is used. */
export interface GitError {
  message?: string;
  stderr?: string;
  stdout?: string;
  exitCode?: number;
  gitErrorCode?: string;
}
