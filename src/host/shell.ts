// The activation shell, the same for both entries (extension.ts for Node, extension.web.ts for
// the web worker). It registers the sidebar view and every contributed command at once, then
// loads the rest of the extension (features.ts: banks, the call, plans, git, with yaml and zod)
// when the view opens or a command first runs, or, whichever comes first, once the window has
// settled after start (onStartupFinished, then WARM_DELAY_MS): the first palette command then
// finds its banks loaded. Activation itself does no I/O.
import * as vscode from 'vscode';
import type { Features } from './features';
import { BuiltInCommand, CommandId, ContextKey, StateKey, ViewId } from '../ids';
import { createLog, type Log } from './log';

/**
 * How long after activation the feature bundle and banks are warmed. The extension host has no
 * idle callback; onStartupFinished already waits for the window to be restored, and this keeps
 * the warm-up out of activation and behind the other extensions' startup work.
 */
const WARM_DELAY_MS = 300;

/**
 * What `activate` returns to Call Coach's own tests: a look into the sidebar, a way to post it
 * messages as the webview would, and the raw call. Only when VS Code runs the extension for tests
 * (ExtensionMode.Test), or for the installed-.vsix suite, where VS Code runs the installed
 * extension in Production mode and test/integration/run.mjs asks for it with CALL_COACH_TEST_API=1.
 * Otherwise activate returns nothing: these are back doors, not an API for other extensions.
 */
export interface CallCoachApi {
  /** The loaded catalog, waiting for the first load if it is still running. */
  catalog(): Promise<{ banks: { id: string; title: string; kind: string }[]; problems: unknown[] }>;
  sidebar: {
    whenReady(): Promise<void>;
    snapshot(): Promise<string>;
    /** Handles a message exactly as if the sidebar webview had posted it (validation included). */
    receive(message: unknown): void;
  };
  /** The running call as the host holds it (the persisted truth), if any; after whenCallLoaded(). */
  currentCall(): unknown;
  /** The Customers view: every customer's figures once read, and the names it shows, in order. */
  customers: {
    rows(): Promise<unknown[]>;
    shown(): Promise<string[]>;
    /** Customer folders the view's first read took from the last session's saved index. */
    restored(): Promise<number>;
  };
  /** Resolves once a call saved before this extension host started is back. */
  whenCallLoaded(): Promise<void>;
  /** Resolves once the running call's latest change has landed in its draft file. */
  whenCallSaved(): Promise<void>;
  /**
   * Milliseconds Call Coach spent activating: evaluating dist/extension.js plus running activate().
   * (VS Code prepares the extension context between the two; that wait is not counted.)
   */
  activationMs?: number;
}

/** Set by the first and last statements of the entry bundle (banner and footer, see esbuild.mjs). */
declare const __callCoachStart: number | undefined;
declare const __callCoachEvaluated: number | undefined;

/**
 * Registers everything; `loadFeatures` runs once, on first use of the view or a command.
 * `host` is the entry's own: 'web-worker' only for the browser entry (extension.web.ts). A browser
 * workbench backed by a server (code-server, Codespaces) runs the Node entry, with Git.
 */
export function activateShell(context: vscode.ExtensionContext, loadFeatures: (log: Log) => Features, host: 'node' | 'web-worker' = 'node'): CallCoachApi | undefined {
  const activateStart = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  let features: Features | undefined;
  const load = (): Features => {
    if (features) return features;
    const started = Date.now();
    features = loadFeatures(log);
    features.customers.attach(customersView, (nodes) => customersChanged.fire(nodes && [...nodes]));
    log.info(`Call Coach loaded in ${Date.now() - started} ms.`);
    return features;
  };

  // The Customers tree: made now (cheap); the features fill it once the view asks for its items.
  // Its change event names the nodes that changed (undefined: all of them).
  const customersChanged = new vscode.EventEmitter<unknown[] | undefined>();
  const customersView = vscode.window.createTreeView<unknown>(ViewId.customers, {
    treeDataProvider: {
      onDidChangeTreeData: customersChanged.event,
      getChildren: (node) => load().customers.getChildren(node as never),
      getTreeItem: (node) => load().customers.getTreeItem(node as never),
    },
    showCollapseAll: true,
  });
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider(ViewId.sidebar, {
      resolveWebviewView: (view) => load().sidebar.resolveWebviewView(view),
    }),
    customersChanged,
    customersView,
  );
  // Every command in package.json (test/unit/ids.test.ts checks that they are these).
  for (const id of Object.values(CommandId)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(load(), id, log, args)));
  }
  // In the web worker host there is no Git extension: hide Commit (package.json's `when`). Only
  // there: in a server-backed browser workbench with Git off or in Restricted Mode, Commit stays and
  // says what to do (gitAccess.ts).
  if (host === 'web-worker' && !vscode.extensions.getExtension('vscode.git')) {
    void vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.gitUnavailable, true);
  }
  // Menus and enablement need this before anything is loaded: a call may survive a reload.
  void vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.callActive, context.workspaceState.get(StateKey.callRunning) === true || context.workspaceState.get(StateKey.legacyActiveCall) !== undefined);
  warmLater(context, log, () => load().banks.ready());

  const evaluateMs = typeof __callCoachStart === 'number' && typeof __callCoachEvaluated === 'number' ? __callCoachEvaluated - __callCoachStart : undefined;
  const activationMs = evaluateMs === undefined ? undefined : evaluateMs + performance.now() - activateStart;
  log.trace(`Activated in ${activationMs?.toFixed(2) ?? '?'} ms (evaluating the entry bundle ${evaluateMs?.toFixed(2) ?? '?'} ms, then activate()).`);
  if (context.extensionMode !== vscode.ExtensionMode.Test && testApiEnv() !== '1') return undefined;
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
    customers: {
      rows: () => load().customers.figures(),
      shown: () => load().customers.shownNames(),
      restored: () => load().customers.restoredFromCache(),
    },
    whenCallLoaded: () => load().calls.ready(),
    whenCallSaved: () => load().calls.saved(),
  };
}

/** Loads the features and the banks a moment after activation, never during it. */
function warmLater(context: vscode.ExtensionContext, log: Log, warm: () => Promise<unknown>): void {
  const timer = setTimeout(() => {
    const started = Date.now();
    warm().then(
      () => log.trace(`Warmed the question banks in ${Date.now() - started} ms.`),
      (err: unknown) => log.trace(`Warming the question banks failed; the first command loads them: ${String(err)}`),
    );
  }, WARM_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

/** CALL_COACH_TEST_API from the environment; a web extension host has no `process`. */
function testApiEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.CALL_COACH_TEST_API;
}

function run(features: Features, id: CommandId, log: Log, args: unknown[]): unknown {
  const handler = features.commandHandler(id);
  if (!handler) {
    log.error(`Command ${id} is contributed but has no handler.`);
    return undefined;
  }
  // Every command sees the running call, including one still being read back from its draft.
  return features.calls.ready().then(() => handler(...args));
}
