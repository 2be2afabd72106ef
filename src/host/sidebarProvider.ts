// Hosts the sidebar webview: validates every message from it, posts nothing until it says
// `ready`, and keeps the durable state here rather than in the webview.
import * as vscode from 'vscode';
import { assertNever, webviewMessage, type HostMessage } from '../protocol';
import { catalogMessage } from '../catalogMessage';
import { localToday } from '../core/localToday';
import type { Catalog } from '../core/bank/catalog';
import type { BankService } from './bankService';
import type { CallController } from './callController';
import type { FinishPipeline } from './finishPipeline';
import type { Log } from './log';
import { NotesLocationError, resolveNotesLocation } from './notesLocation';
import { listCustomerNames } from '../core/plan/customerNotes';
import { customerSuggestions } from '../core/plan/suggestions';
import { loadCustomerPlan } from '../core/plan/updatePlan';
import { notesSource, WorkspaceNotesFolder } from './workspaceNotesFolder';
import { slugify } from '../core/paths';
import { renderWebviewHtml, webviewRoots } from './webviewHtml';
import { BuiltInCommand, CommandId, ContextKey, ViewId } from '../ids';
import type { ShortcutAction } from '../shortcuts';
import { webviewStrings } from './webviewStrings';
import { gapLabel } from './gapLabel';

export class SidebarProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private nextRequestId = 1;
  private readonly pendingSnapshots = new Map<number, (text: string) => void>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Shown on the start form once, e.g. "Saved success-plans/acme/….md". */
  private notice: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly banks: BankService,
    private readonly calls: CallController,
    private readonly finishing: FinishPipeline,
    private readonly workspaceState: vscode.Memento,
    private readonly log: Log,
  ) {
    this.disposables.push(
      banks.onDidChange((c) => this.postCatalog(c)),
      calls.onDidChange(() => void this.postCallOrIdle()),
    );
  }

  /** Reveals the view (if it exists) and shows a line on the start form. */
  notify(text: string): void {
    this.notice = text;
    this.post({ type: 'notice', text, level: 'info' });
  }

  /** Passes a call shortcut's command to the view, revealing the view first if need be. */
  async shortcut(action: ShortcutAction): Promise<void> {
    if (!this.view?.visible) await vscode.commands.executeCommand(BuiltInCommand.focusView(ViewId.sidebar));
    await this.whenReady();
    this.post({ type: 'shortcut', action });
  }

  private focused = false;

  /** The call's keybindings apply while the sidebar has focus (src/shortcuts.ts). */
  private setFocus(focused: boolean): void {
    if (focused === this.focused) return;
    this.focused = focused;
    void vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.sidebarFocus, focused);
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    view.webview.options = { enableScripts: true, localResourceRoots: webviewRoots(this.extensionUri) };
    const subscriptions = [
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
        this.setFocus(false);
        subscriptions.forEach((d) => d.dispose());
      }),
    ];
    view.webview.html = renderWebviewHtml(view.webview, this.extensionUri);
  }

  /** Resolves once a webview has loaded and said `ready`. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The webview's visible text, as the user would read it. */
  async snapshot(): Promise<string> {
    await this.whenReady();
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pendingSnapshots.set(requestId, resolve);
      this.post({ type: 'requestSnapshot', requestId });
    });
  }

  receive(raw: unknown): void {
    const parsed = webviewMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.warn(`Ignored a malformed message from the sidebar: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'strings', language: vscode.env.language, strings: webviewStrings() });
        void this.banks.ready().then((c) => {
          this.postCatalog(c);
          return this.postCallOrIdle();
        });
        this.readyWaiters.splice(0).forEach((resolve) => resolve());
        return;
      case 'startCall':
        this.calls.start(message.setup).catch((err: unknown) => {
          this.log.error('Could not start the call', err);
          this.post({ type: 'notice', level: 'error', text: vscode.l10n.t('The call could not start: {0}. Check the techniques you picked and try again.', err instanceof Error ? err.message : String(err)) });
        });
        return;
      case 'requestGaps':
        void this.postGaps(message.customer);
        return;
      case 'callAction':
        this.calls.apply(message.action);
        return;
      case 'finishCall':
        void this.finishing.finish();
        return;
      case 'discardCall':
        void this.calls.discard();
        return;
      case 'snapshot': {
        const resolve = this.pendingSnapshots.get(message.requestId);
        this.pendingSnapshots.delete(message.requestId);
        resolve?.(message.text);
        return;
      }
      case 'runCommand':
        // The commands' category as the display language writes it (package.nls.json's "Call Coach").
        if (message.command === 'keyboardShortcuts') void vscode.commands.executeCommand(BuiltInCommand.openKeyboardShortcuts, vscode.l10n.t('Call Coach'));
        else void vscode.commands.executeCommand(CommandId[message.command]);
        return;
      case 'focus':
        this.setFocus(message.focused);
        return;
      case 'reclaimFocus':
        // Not on every call key: focusing a view that has the focus moves it out and back in, and
        // a key pressed meanwhile finds the call's keybindings off.
        this.view?.show(false);
        return;
      default:
        assertNever(message);
    }
  }

  /** A customer to fill in on the start form the next time it is shown (Start Call from the Customers view). */
  private prefill: string | undefined;

  /** Start Call for a customer: the start form shows with the customer filled in (no call is running). */
  prefillCustomer(customer: string): void {
    if (this.calls.current) return;
    this.prefill = customer;
    void this.postCallOrIdle();
  }

  /** Sends the running call, or the start form's data when there is none. */
  private async postCallOrIdle(): Promise<void> {
    if (!this.view || !this.ready) return;
    await this.calls.ready();
    const call = this.calls.current;
    const folder = await this.notesFolder();
    if (call) {
      const suggestions = folder ? await customerSuggestions(folder, call.state.setup.customer, this.log) : { objective: [], topic: [] };
      if (this.calls.current !== call) return; // superseded while reading
      this.post({ type: 'call', state: call.state, banks: call.banks, suggestions });
    } else {
      const customers = folder ? await listCustomerNames(notesSource(folder, this.log)) : [];
      const notice = this.notice;
      this.notice = undefined;
      const prefill = this.prefill;
      this.prefill = undefined;
      this.post({ type: 'idle', customers, today: localToday(), ...(notice ? { notice } : {}), ...(prefill ? { customer: prefill } : {}) });
    }
  }

  private async postGaps(customer: string): Promise<void> {
    const folder = await this.notesFolder();
    if (!folder || !customer.trim()) return;
    try {
      const { plan } = await loadCustomerPlan(notesSource(folder, this.log), slugify(customer, 'customer'), await this.banks.ready());
      // Only a customer with notes has gaps worth showing; a new one has nothing covered yet.
      if (!plan.calls.length) return;
      this.post({ type: 'gaps', customer, gaps: plan.gaps.map(({ facts, drop, ...gap }) => ({ ...gap, label: gapLabel({ ...gap, facts, drop }) })) });
    } catch (err) {
      this.log.warn(`Could not work out the coverage gaps of ${customer}`, err);
    }
  }

  /** The notes folder if it can be known without asking; suggestions are optional. */
  private async notesFolder(): Promise<WorkspaceNotesFolder | undefined> {
    try {
      const location = await resolveNotesLocation(this.workspaceState, false);
      return location && new WorkspaceNotesFolder(location.folder);
    } catch (err) {
      if (!(err instanceof NotesLocationError)) this.log.warn('Could not resolve the notes folder', err);
      return undefined;
    }
  }

  private postCatalog(catalog: Catalog): void {
    this.post(catalogMessage(catalog));
  }

  private post(message: HostMessage): void {
    // Nothing goes out before `ready`: the webview would drop it, and `ready` triggers a full post.
    if (!this.view || !this.ready) return;
    void this.view.webview.postMessage(message);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.pendingSnapshots.clear();
  }
}
