// The Node entry (package.json `main`, dist/extension.js): desktop VS Code and remote or server
// hosts. A few KB: the activation shell, and on first use the features from the one bundle both
// hosts share, dist/web/extension.js (built for the browser, so it holds nothing Node-only), with
// the Node-only pieces handed in (nodePlatform.ts: fs.watch, hard links, git, Buffer).
import type * as vscode from 'vscode';
import { activateShell, type CallCoachApi } from './shell';

export type { CallCoachApi } from './shell';

export function activate(context: vscode.ExtensionContext): CallCoachApi | undefined {
  return activateShell(context, (log) => {
    // Plain requires: the features bundle is a sibling file esbuild leaves external, and the Node
    // pieces are evaluated only now, not during activation.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createFeatures } = require('./web/extension.js') as typeof import('./extension.web');
    const { nodePlatform } = require('./nodePlatform') as typeof import('./nodePlatform');
    /* eslint-enable @typescript-eslint/no-require-imports */
    // The note reader's worker thread (if it was started) stops with the extension.
    if (nodePlatform.noteFiles) context.subscriptions.push(nodePlatform.noteFiles);
    return createFeatures(context, log, nodePlatform);
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions; CallController flushes the call on dispose.
}
