// Reaches the built-in Git extension's API, or says exactly why it cannot: Restricted Mode (the
// Git extension does not run in untrusted workspaces, and Git would run the repository's hooks),
// the extension missing or disabled, or Git itself not found.
import * as vscode from 'vscode';
import type { GitAPI, GitExtension } from './gitApi';
import { platform, portablePlatform } from '../platform';

export type GitAccess =
  | { ok: true; api: GitAPI }
  | { ok: false; reason: 'untrusted' | 'missing' | 'disabled' | 'not-ready'; detail?: string };

const READY_TIMEOUT_MS = 10_000;

function whenInitialized(api: GitAPI): Promise<boolean> {
  if (api.state === 'initialized') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(api.state === 'initialized');
    }, READY_TIMEOUT_MS);
    const sub = api.onDidChangeState((state) => {
      if (state !== 'initialized') return;
      clearTimeout(timer);
      sub.dispose();
      resolve(true);
    });
  });
}

/**
 * True in the web worker extension host (vscode.dev, github.dev, GitLab's Web IDE): the Git
 * extension lives in a Node host, and there is none here. Browser workbenches backed by a server
 * (code-server, Codespaces, remote tunnels) run Call Coach in that server's Node host, with Git.
 */
export function gitUnavailableOnWeb(): boolean {
  // The web entry runs on portablePlatform; the Node entry, browser workbench or not, on nodePlatform.
  return platform() === portablePlatform && vscode.env.uiKind === vscode.UIKind.Web && !vscode.extensions.getExtension('vscode.git');
}

export async function gitAccess(): Promise<GitAccess> {
  if (!vscode.workspace.isTrusted) return { ok: false, reason: 'untrusted' };
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return { ok: false, reason: 'missing' };
  let exports: GitExtension;
  try {
    exports = extension.isActive ? extension.exports : await extension.activate();
  } catch (err) {
    return { ok: false, reason: 'missing', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!exports?.enabled) return { ok: false, reason: 'disabled' };
  let api: GitAPI;
  try {
    api = exports.getAPI(1);
  } catch (err) {
    // "Git model not found": the extension runs but found no git executable.
    return { ok: false, reason: 'missing', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!(await whenInitialized(api))) return { ok: false, reason: 'not-ready' };
  return { ok: true, api };
}
