// The typed message protocol between the extension host and the sidebar webview.
// Both directions are discriminated unions; each side safeParses what it receives, because a
// webview message is untrusted input and a stale webview may speak an older dialect.
// zod/mini keeps the webview bundle small (it is tree-shakable, unlike the classic API).
import * as z from 'zod/mini';
import { stageIds } from './core/bank/constants';
import { callActionSchema, callBankSchema, callSetupSchema, callStateSchema } from './core/session/schema';

const techniqueSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(['technique', 'stage', 'checklist']),
  flow: z.string(),
  promptCount: z.number(),
  /** Source page titles, for the "from:" line. */
  sources: z.array(z.string()),
  /** Stage banks only: which stage, and the adoption rule in a sentence. */
  stage: z.optional(z.enum(stageIds)),
  adoptionRule: z.optional(z.string()),
});
export type TechniqueSummary = z.infer<typeof techniqueSummary>;

/** An ordered technique set for one kind of call, offered by the start form. */
const playbookSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  callTitle: z.string(),
  techniques: z.array(z.string()),
  stages: z.array(z.enum(stageIds)),
});
export type PlaybookSummary = z.infer<typeof playbookSummary>;

const bankStatus = z.object({
  loaded: z.number(),
  /** Files that had errors and were skipped; the rest still load. */
  skipped: z.array(z.string()),
});

// ---- host -> webview -------------------------------------------------------------------------

export const hostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('catalog'), techniques: z.array(techniqueSummary), playbooks: z.array(playbookSummary), status: bankStatus }),
  /** Asks the webview for its visible text: used by integration tests and "copy view text". */
  z.object({ type: z.literal('requestSnapshot'), requestId: z.number() }),
  /** No call is running: show the start form. */
  z.object({
    type: z.literal('idle'),
    /** Customers that already have notes, for the customer field's suggestions. */
    customers: z.array(z.string()),
    today: z.string(),
    /** Why the start form is shown again, e.g. where the last note was written. */
    notice: z.optional(z.string()),
  }),
  /** The whole running call, sent on ready and whenever the host's copy is authoritative. */
  z.object({
    type: z.literal('call'),
    state: callStateSchema,
    banks: z.array(callBankSchema),
    /** Earlier objectives and topics of this customer, for Sync/Refresh's chooser. */
    suggestions: z.object({ objective: z.array(z.string()), topic: z.array(z.string()) }),
  }),
  /** A customer's coverage gaps, for "add to next call" on the start form. */
  z.object({
    type: z.literal('gaps'),
    customer: z.string(),
    gaps: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        bankId: z.optional(z.string()),
        promptIds: z.optional(z.array(z.string())),
        placeholders: z.optional(z.record(z.string(), z.string())),
      }),
    ),
  }),
  /** A short status line for the aria-live region (and a visible notice for errors). */
  z.object({ type: z.literal('notice'), text: z.string(), level: z.enum(['info', 'error']) }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

// ---- webview -> host -------------------------------------------------------------------------

export const webviewMessage = z.discriminatedUnion('type', [
  /** Sent once the webview's script has run; the host posts nothing before it. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('snapshot'), requestId: z.number(), text: z.string() }),
  z.object({ type: z.literal('runCommand'), command: z.enum(['reloadBanks', 'showLog', 'openFolder']) }),
  z.object({ type: z.literal('startCall'), setup: callSetupSchema }),
  /** The start form's customer matches one with notes: what have their calls not covered? */
  z.object({ type: z.literal('requestGaps'), customer: z.string().check(z.maxLength(300)) }),
  /** One step of the call; the webview has already applied it to its own copy. */
  z.object({ type: z.literal('callAction'), action: callActionSchema }),
  z.object({ type: z.literal('finishCall') }),
  /** The host asks the user to confirm before anything is thrown away. */
  z.object({ type: z.literal('discardCall') }),
]);
export type WebviewMessage = z.infer<typeof webviewMessage>;

/** Compile-time exhaustiveness: a new message type that a switch forgets fails to type-check. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
