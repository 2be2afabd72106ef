// The typed message protocol between the extension host and the sidebar webview.
// Both directions are discriminated unions. The host safeParses every message from the webview,
// because a webview message is untrusted input and a stale webview may speak an older dialect; the
// webview trusts its own host (see hostMessage.ts), so zod stays out of the webview bundle.
import * as z from 'zod/mini';
import { callActionSchema, callSetupSchema } from './core/session/model';

// ---- host -> webview: in hostMessage.ts, whose types the webview bundle imports on their own ----

export { assertNever } from './core/assertNever';
export { hostMessage, type HostMessage, type PlaybookSummary, type TechniqueSummary } from './hostMessage';

// ---- webview -> host -------------------------------------------------------------------------

export const webviewMessage = z.discriminatedUnion('type', [
  /** Sent once the webview's script has run; the host posts nothing before it. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('snapshot'), requestId: z.number(), text: z.string() }),
  z.object({ type: z.literal('runCommand'), command: z.enum(['reloadBanks', 'showLog', 'keyboardShortcuts']) }),
  /** Focus came into or left the sidebar (for the call's keybindings' `when`). */
  z.object({ type: z.literal('focus'), focused: z.boolean() }),
  /** A menu opened by a call key's Alt letter took the focus (webview/focusKeeper.ts): focus the view again. */
  z.object({ type: z.literal('reclaimFocus') }),
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
