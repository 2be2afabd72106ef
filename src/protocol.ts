// The typed message protocol between the extension host and the sidebar webview.
// Both directions are discriminated unions; each side safeParses what it receives, because a
// webview message is untrusted input and a stale webview may speak an older dialect.
// zod/mini keeps the webview bundle small (it is tree-shakable, unlike the classic API).
import * as z from 'zod/mini';

const techniqueSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(['technique', 'stage', 'checklist']),
  flow: z.string(),
  promptCount: z.number(),
  /** Source page titles, for the "from:" line. */
  sources: z.array(z.string()),
  /** Stage banks only: the adoption rule in a sentence. */
  adoptionRule: z.optional(z.string()),
});
export type TechniqueSummary = z.infer<typeof techniqueSummary>;

const bankStatus = z.object({
  loaded: z.number(),
  /** Files that had errors and were skipped; the rest still load. */
  skipped: z.array(z.string()),
});

// ---- host -> webview -------------------------------------------------------------------------

export const hostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('catalog'), techniques: z.array(techniqueSummary), status: bankStatus }),
  /** Asks the webview for its visible text: used by integration tests and "copy view text". */
  z.object({ type: z.literal('requestSnapshot'), requestId: z.number() }),
]);
export type HostMessage = z.infer<typeof hostMessage>;

// ---- webview -> host -------------------------------------------------------------------------

export const webviewMessage = z.discriminatedUnion('type', [
  /** Sent once the webview's script has run; the host posts nothing before it. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('snapshot'), requestId: z.number(), text: z.string() }),
  z.object({ type: z.literal('runCommand'), command: z.enum(['reloadBanks', 'showLog']) }),
]);
export type WebviewMessage = z.infer<typeof webviewMessage>;

/** Compile-time exhaustiveness: a new message type that a switch forgets fails to type-check. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
