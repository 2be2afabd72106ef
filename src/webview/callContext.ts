// What every part of the call screen reads: the call as the webview last applied it, its banks,
// and where the call stands. Shared by the controller (callView.ts) and the parts it paints.
import type { CallBank, CallState } from '../core/session/model';
import type { Banks } from '../core/session/reducer';

export interface CallContext {
  state: CallState;
  banks: Banks;
  suggestions: { objective: string[]; topic: string[] };
}

export const hasText = (s: string) => /\S/.test(s);

/** Past the last technique: the wrap-up. */
export function atWrapUp(state: CallState): boolean {
  return state.position.part >= state.parts.length;
}

/** The bank of the technique the call is at (undefined on the wrap-up). */
export function currentBank(ctx: CallContext): CallBank | undefined {
  const part = ctx.state.parts[ctx.state.position.part];
  return part && ctx.banks.get(part.bankId);
}
