// The activation shell. It registers the sidebar view and every contributed command at once,
// then loads the rest of the extension (dist/features.js: banks, the call, plans, git, with
// yaml and zod) only when the view opens or a command first runs. Activation does no I/O.
import * as vscode from 'vscode';
import type { Features } from './features';
import { createLog, type Log } from './log';

/** Must match sidebarProvider.ts; repeated here so the shell does not load the provider. */
const SIDEBAR_VIEW_ID = 'callCoach.sidebar';
const CALL_ACTIVE_CONTEXT = 'callCoach.callActive';
const STORED_CALL_KEY = 'callCoach.activeCall';

/** What `activate` returns; used by the integration tests and open to other extensions. */
export interface CallCoachApi {
  /** The loaded catalog, waiting for the first load if it is still running. */
  catalog(): Promise<{ banks: { id: string; title: string; kind: string }[]; problems: unknown[] }>;
  sidebar: {
    whenReady(): Promise<void>;
    snapshot(): Promise<string>;
    /** Handles a message exactly as if the sidebar webview had posted it (validation included). */
    receive(message: unknown): void;
  };
  /** The running call as the host holds it (the persisted truth), if any. */
  currentCall(): unknown;
  /**
   * Milliseconds Call Coach spent activating: evaluating dist/extension.js plus running activate().
   * (VS Code prepares the extension context between the two; that wait is not counted.)
   */
  activationMs?: number;
}

/** Set by the first and last statements of dist/extension.js (banner and footer, see esbuild.mjs). */
declare const __callCoachStart: number | undefined;
declare const __callCoachEvaluated: number | undefined;

export function activate(context: vscode.ExtensionContext): CallCoachApi {
  const activateStart = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  const contributed = contributedCommands(context);
  let features: Features | undefined;
  const load = (): Features => {
    if (features) return features;
    const started = Date.now();
    // A plain require of the sibling bundle; esbuild leaves it external (see esbuild.mjs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require('./features.js') as typeof import('./features');
    features = module.createFeatures(context, log);
    registerUncontributed(context, features, contributed);
    log.info(`Call Coach loaded in ${Date.now() - started} ms.`);
    return features;
  };

  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(SIDEBAR_VIEW_ID, {
      resolveWebviewView: (view) => load().sidebar.resolveWebviewView(view),
    }),
  );
  for (const id of contributed) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(load(), id, log, args)));
  }
  // Menus and enablement need this before anything is loaded: a call may survive a reload.
  void vscode.commands.executeCommand('setContext', CALL_ACTIVE_CONTEXT, context.workspaceState.get(STORED_CALL_KEY) !== undefined);

  const evaluateMs = typeof __callCoachStart === 'number' && typeof __callCoachEvaluated === 'number' ? __callCoachEvaluated - __callCoachStart : undefined;
  const activationMs = evaluateMs === undefined ? undefined : evaluateMs + performance.now() - activateStart;
  log.trace(`Activated in ${activationMs?.toFixed(2) ?? '?'} ms (evaluating dist/extension.js ${evaluateMs?.toFixed(2) ?? '?'} ms, then activate()).`);
  return {
    activationMs,
    catalog: async () => {
      const { banks, problems } = await load().banks.ready();
      return { banks: banks.map((b) => ({ id: b.id, title: b.title, kind: b.kind })), problems };
    },
    sidebar: {
      whenReady: () => load().sidebar.whenReady(),
      snapshot: () => load().sidebar.snapshot(),
      receive: (m) => load().sidebar.receive(m),
    },
    currentCall: () => load().calls.current,
  };
}

function contributedCommands(context: vscode.ExtensionContext): string[] {
  const commands = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  return commands.map((c) => c.command);
}

function run(features: Features, id: string, log: Log, args: unknown[]): unknown {
  const handler = features.commandHandler(id);
  if (!handler) {
    log.error(`Command ${id} is contributed but has no handler.`);
    return undefined;
  }
  return handler(...args);
}

/** Commands the features register without contributing them (none today) still reach VS Code. */
function registerUncontributed(context: vscode.ExtensionContext, features: Features, contributed: readonly string[]): void {
  for (const id of features.registeredCommandIds()) {
    if (!contributed.includes(id)) context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => features.commandHandler(id)?.(...args)));
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions; CallController flushes the call on dispose.
}
