// The host -> webview half of the protocol (src/protocol.ts re-exports it): what the sidebar is
// sent. The host builds these messages from what it has already validated and normalised (a call
// restored from storage went through callStateSchema, banks through the bank loader), so the
// webview trusts its own host for their shape and carries no zod: it only makes sure a message is
// one of the host's kinds (src/webview/readHostMessage.ts). This schema is still the one source of
// the types, composed from the session's own schemas, and tests check what they send against it.
import * as z from 'zod/mini';
import { stageIds } from './core/bank/constants';
import { callBankSchema, callStateSchema } from './core/session/model';
import { SHORTCUTS } from './shortcuts';
import { uiStringIds } from './uiStrings';

// Built in one pure function call, so that a bundle which never parses host messages (the
// extension host's: it only sends them) leaves it out; zod's constructors alone would be kept.
export const hostMessage = /* @__PURE__ */ (() => {
  const str = z.string();
  const num = z.number();
  const strs = z.array(str);
  const stage = z.enum(stageIds);
  const bankKind = z.enum(['technique', 'stage', 'checklist']);

  const techniqueSummary = z.object({
    id: str,
    title: str,
    summary: str,
    kind: bankKind,
    flow: str,
    promptCount: num,
    /** Source page titles, for the "from:" line. */
    sources: strs,
    /** Stage banks only: which stage, and the adoption rule in a sentence. */
    stage: z.optional(stage),
    adoptionRule: z.optional(str),
  });

  const playbookSummary = z.object({ id: str, title: str, summary: str, callTitle: str, techniques: strs, stages: z.array(stage) });

  return z.discriminatedUnion('type', [
    /** The sidebar's strings in the display language (src/uiStrings.ts), and that language for dates and numbers: the first message after `ready`. */
    z.object({ type: z.literal('strings'), language: str, strings: z.record(z.enum(uiStringIds), str) }),
    /** The loaded banks; `skipped` lists files that had errors (the rest still load). */
    z.object({ type: z.literal('catalog'), techniques: z.array(techniqueSummary), playbooks: z.array(playbookSummary), status: z.object({ loaded: num, skipped: strs }) }),
    /** Asks the webview for its visible text: used by integration tests and "copy view text". */
    z.object({ type: z.literal('requestSnapshot'), requestId: num }),
    /** No call is running: show the start form. */
    z.object({
      type: z.literal('idle'),
      /** Customers that already have notes, for the customer field's suggestions. */
      customers: strs,
      today: str,
      /** Why the start form is shown again, e.g. where the last note was written. */
      notice: z.optional(str),
      /** Fill the customer field with this (Start Call from the Customers view). */
      customer: z.optional(str),
    }),
    /** The whole running call, sent on ready and whenever the host's copy is authoritative. */
    z.object({
      type: z.literal('call'),
      state: callStateSchema,
      banks: z.array(callBankSchema),
      /** Earlier objectives and topics of this customer, for Sync/Refresh's chooser. */
      suggestions: z.object({ objective: strs, topic: strs }),
    }),
    /** A customer's coverage gaps, for "add to next call" on the start form. */
    z.object({
      type: z.literal('gaps'),
      customer: str,
      gaps: z.array(z.object({ kind: str, label: str, bankId: z.optional(str), promptIds: z.optional(strs), placeholders: z.optional(z.record(str, str)) })),
    }),
    /** A short status line for the aria-live region (and a visible notice for errors). */
    z.object({ type: z.literal('notice'), text: str, level: z.enum(['info', 'error']) }),
    /** A call shortcut's command ran (a key the user bound in Keyboard Shortcuts, or the palette). */
    z.object({ type: z.literal('shortcut'), action: z.literal(SHORTCUTS.map((s) => s.action)) }),
  ]);
})();
export type HostMessage = z.infer<typeof hostMessage>;
/** The catalog's techniques and playbooks, as the start form and the technique list get them. */
export type TechniqueSummary = Extract<HostMessage, { type: 'catalog' }>['techniques'][number];
/** An ordered technique set for one kind of call, offered by the start form. */
export type PlaybookSummary = Extract<HostMessage, { type: 'catalog' }>['playbooks'][number];
