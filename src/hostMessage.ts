// The host -> webview half of the protocol (src/protocol.ts re-exports it): what the sidebar
// receives and safeParses. It lives apart from the webview -> host half, which validates with the
// strict session schemas (lengths, dates, integers, defaults for calls saved by older versions),
// so that the webview bundle carries only what it parses with.
//
// These schemas check shape: the host has already validated and normalised everything it sends
// (a call restored from storage went through callStateSchema), and the webview only has to be
// sure that what it draws is what it expects. They use few zod kinds on purpose, since every kind
// adds to the webview bundle: a string-keyed record is an object with a catchall, a boolean and an
// enum are literals, `T | null` is a union with the literal null. The inferred types are the
// session's own (checked at the bottom), so host and webview still share one set of types.
import * as z from 'zod/mini';
import { answerKinds, stageIds } from './core/bank/constants';
import { answerTags, healthColors, horizons, objectiveStatuses } from './core/note/model';
import type { CallBank, CallState } from './core/session/model';

// Built in one pure function call, so that a bundle which never parses host messages (the
// extension host's: it only sends them) leaves it out; zod's constructors alone would be kept.
export const hostMessage = /* @__PURE__ */ (() => {
  const str = z.string();
  const num = z.number();
  const strs = z.array(str);
  const bool = z.literal([true, false]);
  const stage = z.literal(stageIds);
  const bankKind = z.literal(['technique', 'stage', 'checklist']);

  /** `Record<string, T>`. */
  function dict<T extends z.core.SomeType>(value: T) {
    return z.catchall(z.object({}), value);
  }

  /** `T | null`. */
  function orNull<T extends z.core.SomeType>(value: T) {
    return z.union([value, z.literal(null)]);
  }

  const callSetup = z.object({
    customer: str,
    title: str,
    callType: str,
    date: str,
    attendees: strs,
    techniques: strs,
    stages: z.array(stage),
    focus: z.array(z.object({ bankId: str, promptIds: strs, values: dict(str) })),
  });

  const callState = z.object({
    version: z.literal(1),
    id: str,
    setup: callSetup,
    startedAt: num,
    parts: z.array(
      z.object({
        bankId: str,
        items: z.array(z.object({ key: str, promptId: str, bankId: z.optional(str), values: dict(str), answer: str, tags: z.array(z.literal(answerTags)), skipped: bool })),
        objectiveReached: z.optional(bool),
      }),
    ),
    position: z.object({ part: num, item: num }),
    seq: num,
    scores: dict(z.object({ percent: orNull(num), criteria: strs })),
    metrics: z.array(z.object({ id: str, name: str, valueDriver: str, measuredHow: str, baseline: str, target: str, unit: str })),
    health: z.array(z.object({ useCase: str, color: z.literal(healthColors), reason: str })),
    objectives: dict(z.object({ owner: str, due: str, status: z.literal(objectiveStatuses), horizon: orNull(z.literal(horizons)), valueDriver: str })),
  });

  const callBank = z.object({
    id: str,
    title: str,
    kind: bankKind,
    flow: z.literal(['steps', 'ted', 'ladder', 'stages']),
    stage: z.optional(stage),
    adoption: z.optional(
      z.object({
        thresholdPercent: num,
        rule: str,
        criteria: z.array(z.object({ id: str, text: str, metrics: z.optional(strs), growth: z.optional(bool), group: z.optional(str) })),
        requires: z.optional(z.array(z.object({ group: z.optional(str), atLeast: num, description: z.optional(str) }))),
      }),
    ),
    valueDrivers: z.optional(
      z.array(z.object({ id: str, name: str, metrics: z.array(z.object({ id: str, name: str, direction: z.literal(['increase', 'decrease']), unit: z.optional(str) })) })),
    ),
    prompts: z.array(
      z.object({
        id: str,
        text: str,
        hint: str,
        answer: z.literal(answerKinds),
        choices: z.optional(strs),
        unit: z.optional(str),
        note: z.optional(str),
        placeholders: z.optional(dict(z.object({ label: str, example: z.optional(str) }))),
        tag: z.optional(z.literal(answerTags)),
        parentId: z.optional(str),
        when: z.optional(str),
      }),
    ),
  });

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
      state: callState,
      banks: z.array(callBank),
      /** Earlier objectives and topics of this customer, for Sync/Refresh's chooser. */
      suggestions: z.object({ objective: strs, topic: strs }),
    }),
    /** A customer's coverage gaps, for "add to next call" on the start form. */
    z.object({
      type: z.literal('gaps'),
      customer: str,
      gaps: z.array(z.object({ kind: str, label: str, bankId: z.optional(str), promptIds: z.optional(strs), placeholders: z.optional(dict(str)) })),
    }),
    /** A short status line for the aria-live region (and a visible notice for errors). */
    z.object({ type: z.literal('notice'), text: str, level: z.literal(['info', 'error']) }),
  ]);
})();
export type HostMessage = z.infer<typeof hostMessage>;
/** The catalog's techniques and playbooks, as the start form and the technique list get them. */
export type TechniqueSummary = Extract<HostMessage, { type: 'catalog' }>['techniques'][number];
/** An ordered technique set for one kind of call, offered by the start form. */
export type PlaybookSummary = Extract<HostMessage, { type: 'catalog' }>['playbooks'][number];

/** Compile-time exhaustiveness: a new message type that a switch forgets fails to type-check. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}

// The shapes must be exactly the session's types; these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type CallMessage = Extract<HostMessage, { type: 'call' }>;
export const hostSchemasMatchTypes: [Same<CallMessage['state'], CallState>, Same<CallMessage['banks'][number], CallBank>] = [true, true];
