// The running call, owned by the extension host: started from the sidebar, changed by the
// same reducer the webview runs, persisted after every change, finished into a note on disk.
import * as vscode from 'vscode';
import type { CallBank, CallSetup } from '../core/session/model';
import { addPrompts, reduce, startCall, type Banks, type CallAction } from '../core/session/reducer';
import { toCallBank } from '../core/session/fromBank';
import { toNote } from '../core/session/toNote';
import { renderNote } from '../core/note/render';
import { noteRelativePath } from '../core/paths';
import type { BankService } from './bankService';
import type { CallStore, StoredCall } from './callStore';
import type { Log } from './log';
import { resolveNotesLocation } from './notesLocation';
import { writeNewFile } from './noteWriter';
import { BuiltInCommand, ContextKey } from '../ids';
import { withUsageData } from './usage/callUsage';

/** The technique whose part collects stage questions added from the stage browser. */
export const STAGE_ADOPTION_BANK = 'stage-adoption';

export interface FinishedCall {
  uri: vscode.Uri;
  /** Workspace-relative path, for messages. */
  label: string;
}

export class CallController implements vscode.Disposable {
  private call: StoredCall | undefined;
  private bankMap: Banks = new Map();
  private readonly changed = new vscode.EventEmitter<StoredCall | undefined>();
  /** Fires when a call starts, ends, or is replaced wholesale (not on every keystroke). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: CallStore,
    private readonly banks: BankService,
    private readonly workspaceState: vscode.Memento,
    private readonly log: Log,
  ) {
    this.loaded = store.load().then(
      (call) => {
        // A call started while the draft was being read wins (it cannot happen from the UI).
        if (!this.call && call) {
          this.setCall(call);
          this.changed.fire(call);
        } else if (!this.call) this.setCall(undefined);
      },
      (err: unknown) => this.log.error('The saved call could not be read', err),
    );
  }

  private readonly loaded: Promise<void>;

  /** Resolves once the saved call (if any) is back; `current` is only meaningful after it. */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** Resolves once the running call's latest change is in its draft (the debounced save is not hurried). */
  saved(): Promise<void> {
    return this.store.settled();
  }

  get current(): StoredCall | undefined {
    return this.call;
  }

  private setCall(call: StoredCall | undefined): void {
    this.call = call;
    this.bankMap = new Map((call?.banks ?? []).map((b) => [b.id, b]));
    void vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.callActive, !!call);
  }

  async start(setup: CallSetup): Promise<StoredCall> {
    await this.loaded;
    const catalog = await this.banks.ready();
    // A call keeps its own copy of the banks it uses, so a bank edited mid-call cannot
    // pull prompts out from under the answers.
    const used = new Set(setup.techniques);
    // Value drivers ride along with every call: a metric can come up in any technique.
    const banks: CallBank[] = catalog.banks
      .filter((b) => used.has(b.id) || (b.kind === 'stage' && b.stage && setup.stages.includes(b.stage)) || b.valueDrivers)
      .map(toCallBank);
    const map = new Map(banks.map((b) => [b.id, b]));
    const missing = setup.techniques.filter((id) => !map.has(id));
    if (missing.length) this.log.warn(`Starting a call without unknown techniques: ${missing.join(', ')}`);
    const state = await withUsageData(startCall(crypto.randomUUID(), setup, map, Date.now()), banks, catalog, this.workspaceState, this.log);
    if (!state.parts.length) throw new Error(vscode.l10n.t('none of the chosen techniques is loaded'));
    this.setCall({ state, banks });
    this.store.save(this.call!);
    await this.store.flush();
    this.log.info(`Call started: ${setup.customer} / ${setup.title} with ${state.parts.length} parts.`);
    this.changed.fire(this.call);
    return this.call!;
  }

  apply(action: CallAction): void {
    if (!this.call) return;
    const state = reduce(this.call.state, action, this.bankMap);
    if (state === this.call.state) return;
    this.call = { ...this.call, state };
    this.store.save(this.call);
  }

  /**
   * Adds prompts picked elsewhere (the stage browser) to the call's Stage Adoption part.
   * @returns how many were added (prompts already in the call are not added twice)
   */
  async addPrompts(prompts: readonly { bankId: string; promptId: string }[]): Promise<number> {
    await this.loaded;
    if (!this.call) return 0;
    const catalog = await this.banks.ready();
    const banks = [...this.call.banks];
    for (const id of new Set([...prompts.map((p) => p.bankId), STAGE_ADOPTION_BANK])) {
      const bank = catalog.banks.find((b) => b.id === id);
      if (bank && !banks.some((b) => b.id === id)) banks.push(toCallBank(bank));
    }
    const map = new Map(banks.map((b) => [b.id, b]));
    if (!map.has(STAGE_ADOPTION_BANK)) throw new Error(vscode.l10n.t('the "{0}" technique is not loaded', STAGE_ADOPTION_BANK));
    const state = addPrompts(this.call.state, prompts, map, STAGE_ADOPTION_BANK);
    const before = this.call.state.parts.reduce((n, p) => n + p.items.length, 0);
    const added = state.parts.reduce((n, p) => n + p.items.length, 0) - before;
    this.setCall({ state, banks });
    this.store.save(this.call!);
    this.changed.fire(this.call);
    return added;
  }

  /**
   * Writes the note and ends the call. Returns undefined when the CSM cancelled (e.g. did not
   * pick a folder); throws when writing failed, leaving the call as it was.
   */
  finish(): Promise<FinishedCall | undefined> {
    // A second Finish while the first is writing (a double click, the palette and the sidebar)
    // gets the same outcome rather than a second copy of the note.
    this.finishing ??= this.finishOnce().finally(() => (this.finishing = undefined));
    return this.finishing;
  }

  private finishing: Promise<FinishedCall | undefined> | undefined;

  private async finishOnce(): Promise<FinishedCall | undefined> {
    await this.loaded;
    const call = this.call;
    if (!call) return undefined;
    await this.store.flush();
    const location = await resolveNotesLocation(this.workspaceState);
    if (!location) return undefined;
    const note = toNote(call.state, this.bankMap, Date.now());
    const uri = await writeNewFile(
      location.root.uri,
      (attempt) => noteRelativePath(location.segments, note.customer, note.date, note.title, attempt),
      renderNote(note),
    );
    this.log.info(`Call note written: ${uri.toString()}`);
    this.setCall(undefined);
    this.store.save(null);
    await this.store.flush();
    this.changed.fire(undefined);
    return { uri, label: vscode.workspace.asRelativePath(uri, false) };
  }

  /** Asks first; returns whether the call was discarded. */
  async discard(): Promise<boolean> {
    await this.loaded;
    if (!this.call) return false;
    const { customer, title } = this.call.state.setup;
    const answered = this.call.state.parts.reduce((n, p) => n + p.items.filter((i) => i.answer.trim()).length, 0);
    const discard = vscode.l10n.t('Discard Call');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Discard the call "{0}" with {1}?', title, customer),
      {
        modal: true,
        detail: answered === 1 ? vscode.l10n.t('1 answer will be lost. This cannot be undone.') : vscode.l10n.t('{0} answers will be lost. This cannot be undone.', answered),
      },
      discard,
    );
    if (choice !== discard) return false;
    this.setCall(undefined);
    this.store.save(null);
    await this.store.flush();
    this.log.info(`Call discarded: ${customer} / ${title}`);
    this.changed.fire(undefined);
    return true;
  }

  dispose(): void {
    void this.store.flush();
    this.changed.dispose();
  }
}
