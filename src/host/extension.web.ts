// The browser entry (package.json `browser`, dist/web/extension.js): the web worker extension host
// of vscode.dev, github.dev and GitLab's Web IDE. The same file is the features bundle the Node
// entry (extension.ts) loads on first use, so both hosts run one copy of every feature.
import type * as vscode from 'vscode';
import type { Features } from './features';
import type { Log } from './log';
import type { Platform } from './platform';
import { activateShell, type CallCoachApi } from './shell';

/** Banks, the call, the sidebar, plans and git; the features module is evaluated on first call. */
export function createFeatures(context: vscode.ExtensionContext, log: Log, platform?: Platform): Features {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const features = require('./features') as typeof import('./features');
  return features.createFeatures(context, log, platform);
}

export function activate(context: vscode.ExtensionContext): CallCoachApi | undefined {
  return activateShell(context, (log) => createFeatures(context, log), 'web-worker');
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions; CallController flushes the call on dispose.
}
