// Keeps the running call in workspace storage so that hiding the view, reloading the window or
// a crashed extension host resumes it exactly. Writes are debounced but always land within
// SAVE_DELAY_MS of a change, and are flushed on dispose.
import type * as vscode from 'vscode';
import * as z from 'zod/mini';
import { callBankSchema, callStateSchema, type CallBank, type CallState } from '../core/session/model';
import type { Log } from './log';
import { StateKey } from '../ids';

const KEY = StateKey.activeCall;
export const SAVE_DELAY_MS = 150;

const storedCall = z.object({ state: callStateSchema, banks: z.array(callBankSchema) });
export type StoredCall = { state: CallState; banks: CallBank[] };

export class CallStore {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: StoredCall | null | undefined;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: Log,
  ) {}

  load(): StoredCall | undefined {
    const raw = this.memento.get<unknown>(KEY);
    if (raw === undefined) return undefined;
    const parsed = storedCall.safeParse(raw);
    if (!parsed.success) {
      // Keep the unreadable copy under another key rather than lose it.
      this.log.error(`The saved call could not be read and was set aside: ${parsed.error.message}`);
      void this.memento.update(`${KEY}.unreadable.${Date.now()}`, raw);
      void this.memento.update(KEY, undefined);
      return undefined;
    }
    return parsed.data;
  }

  /** Saves soon (debounced); `null` clears the stored call. */
  save(call: StoredCall | null): void {
    this.pending = call;
    this.timer ??= setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === undefined) return;
    const value = this.pending;
    this.pending = undefined;
    await this.memento.update(KEY, value ?? undefined);
  }
}
