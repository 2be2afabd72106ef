// Keeps the running call in a draft file, so that hiding the view, reloading the window or a
// crashed extension host resumes it exactly. The draft lives under the extension's workspace
// storage (context.storageUri; globalStorageUri when no folder is open), not in workspaceState:
// VS Code keeps a Memento in one database and warns about large state ("large extension state
// detected"), and the draft is rewritten within SAVE_DELAY_MS of every change.
//
//   <storage>/call-draft.<n>.json              { version: 2, state, banks: [{ id, version }] }
//   <storage>/call-banks/<id>.<version>.json   the call's copy of each bank it uses, written once
//
// A call keeps its own copy of its banks (a bank edited mid-call must not pull prompts out from
// under the answers), but the draft names them by id and version (a hash of the copy) instead of
// repeating them on every save. Bank copies are written before the draft that names them.
//
// Each save writes a new generation, call-draft.<n+1>.json, and only then deletes generation n.
// Replacing one file in place is not safe here: `workspace.fs.rename` with `overwrite` goes through
// the workbench's FileService, which deletes the target first and renames second, so a crash or a
// reload between the two lost the draft (the reload test caught it under load). Loading takes the
// newest generation that parses; a newer one torn by a crash is set aside, never trusted.
// Writes are debounced but always land within SAVE_DELAY_MS of a change, and are flushed on dispose.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { fnv1a } from '../core/plan/byteText';
import { callBankSchema, callStateSchema, type CallBank, type CallState } from '../core/session/model';
import { StateKey } from '../ids';
import type { Log } from './log';

export const SAVE_DELAY_MS = 150;
const DRAFT_NAME = /^call-draft\.(\d+)\.json$/;
const draftName = (generation: number): string => `call-draft.${generation}.json`;
const BANKS_FOLDER = 'call-banks';

export type StoredCall = { state: CallState; banks: CallBank[] };

const bankRef = z.object({ id: z.string(), version: z.string() });
const draftFile = z.object({ version: z.literal(2), state: callStateSchema, banks: z.array(bankRef) });
/** What workspaceState held before the draft file (read once, then moved). */
const legacyCall = z.object({ state: callStateSchema, banks: z.array(callBankSchema) });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class CallStore {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: StoredCall | null | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Bank copies known to be on disk, by file name. */
  private readonly written = new Set<string>();
  private readonly versions = new WeakMap<CallBank, string>();
  /** The newest draft generation on disk (0: none yet). */
  private generation = 0;

  constructor(
    /** The folder the draft lives in (created on first write). */
    private readonly folder: vscode.Uri,
    /** Holds only whether a call is running (the activation shell reads it without I/O) and, once, a call saved by an older version. */
    private readonly memento: vscode.Memento,
    private readonly log: Log,
  ) {}

  private uri(...path: string[]): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, ...path);
  }

  private version(bank: CallBank): string {
    let version = this.versions.get(bank);
    if (!version) {
      version = fnv1a(encoder.encode(JSON.stringify(bank))).toString(16).padStart(8, '0');
      this.versions.set(bank, version);
    }
    return version;
  }

  private bankFile(id: string, version: string): string {
    // Bank ids are slugs (the bank schema), but the file name must never be a path.
    return `${encodeURIComponent(id)}.${version}.json`;
  }

  /** Draft generations on disk, newest first. */
  private async drafts(): Promise<number[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.folder);
    } catch {
      return [];
    }
    return entries
      .flatMap(([name, type]) => {
        const m = type === vscode.FileType.File ? DRAFT_NAME.exec(name) : null;
        return m ? [Number(m[1])] : [];
      })
      .sort((a, b) => b - a);
  }

  async load(): Promise<StoredCall | undefined> {
    const generations = await this.drafts();
    if (!generations.length) return this.loadLegacy();
    this.generation = generations[0]!;
    for (const [i, generation] of generations.entries()) {
      let call: StoredCall;
      try {
        call = await this.read(generation);
      } catch (err) {
        // Torn by a crash mid-write (an older generation follows), or damaged: kept beside, never lost.
        const aside = this.uri(`call-draft.unreadable.${Date.now()}.${generation}.json`);
        this.log.error(`A saved call could not be read and was set aside as ${aside.toString()}`, err);
        await vscode.workspace.fs.rename(this.uri(draftName(generation)), aside, { overwrite: false }).then(undefined, () => undefined);
        continue;
      }
      for (const older of generations.slice(i + 1)) await this.remove(draftName(older));
      return call;
    }
    return undefined;
  }

  private async read(generation: number): Promise<StoredCall> {
    const draft = draftFile.parse(JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(this.uri(draftName(generation))))));
    const banks = await Promise.all(
      draft.banks.map(async ({ id, version }) => {
        const name = this.bankFile(id, version);
        const bank = callBankSchema.parse(JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(this.uri(BANKS_FOLDER, name)))));
        this.written.add(name);
        return bank;
      }),
    );
    return { state: draft.state, banks };
  }

  private remove(name: string, options?: { recursive: boolean }): Promise<void> {
    return Promise.resolve(vscode.workspace.fs.delete(this.uri(name), options)).then(undefined, () => undefined);
  }

  /** A call saved in workspaceState by Call Coach 0.1: moved to the draft file. */
  private async loadLegacy(): Promise<StoredCall | undefined> {
    const raw = this.memento.get<unknown>(StateKey.legacyActiveCall);
    if (raw === undefined) return undefined;
    const parsed = legacyCall.safeParse(raw);
    if (!parsed.success) {
      this.log.error(`The saved call could not be read and was set aside: ${parsed.error.message}`);
      void this.memento.update(`${StateKey.legacyActiveCall}.unreadable.${Date.now()}`, raw);
      void this.memento.update(StateKey.legacyActiveCall, undefined);
      return undefined;
    }
    this.save(parsed.data);
    await this.flush();
    await this.memento.update(StateKey.legacyActiveCall, undefined);
    return parsed.data;
  }

  /** Saves soon (debounced); `null` removes the draft. */
  save(call: StoredCall | null): void {
    this.pending = call;
    this.timer ??= setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Writes what is pending, after any write still under way; resolves when it is on disk. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const value = this.pending;
    this.pending = undefined;
    if (value === undefined) return this.writing;
    this.writing = this.writing.then(() => this.write(value)).catch((err: unknown) => this.log.error('The running call could not be saved', err));
    return this.writing;
  }

  /** Resolves once no save is pending or being written; it never hurries a pending one (tests wait on it). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.timer) {
        await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS));
        continue;
      }
      const writing = this.writing;
      await writing;
      if (writing === this.writing && !this.timer) return;
    }
  }

  private async write(call: StoredCall | null): Promise<void> {
    if (!call) {
      for (const generation of await this.drafts()) await this.remove(draftName(generation));
      await this.remove(BANKS_FOLDER, { recursive: true });
      this.written.clear();
      await this.memento.update(StateKey.callRunning, undefined);
      return;
    }
    const refs = call.banks.map((bank) => ({ id: bank.id, version: this.version(bank) }));
    // A bank copy's name is its content's hash and no draft names it before it is whole, so a plain
    // write is safe (a copy torn by a crash is named by no draft, and is written again in full).
    await Promise.all(
      call.banks.map(async (bank, i) => {
        const name = this.bankFile(refs[i]!.id, refs[i]!.version);
        if (this.written.has(name)) return;
        await vscode.workspace.fs.writeFile(this.uri(BANKS_FOLDER, name), encoder.encode(JSON.stringify(bank)));
        this.written.add(name);
      }),
    );
    const previous = this.generation;
    const next = previous + 1;
    await vscode.workspace.fs.writeFile(this.uri(draftName(next)), encoder.encode(JSON.stringify({ version: 2, state: call.state, banks: refs })));
    this.generation = next;
    if (previous) await this.remove(draftName(previous));
    if (this.memento.get(StateKey.callRunning) !== true) await this.memento.update(StateKey.callRunning, true);
  }
}
