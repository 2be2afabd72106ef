// Runtime shapes of a call, for everything that crosses a trust boundary: messages between
// webview and host, and a call restored from workspace storage (maybe written by an older version).
import * as z from 'zod/mini';
import { answerKinds, stageIds } from '../bank/constants';
import { answerTags } from '../note/model';
import type { CallBank, CallSetup, CallState } from './model';
import type { CallAction } from './reducer';

const text = (max: number) => z.string().check(z.maxLength(max));
/** Answers may be long (a pasted log), but not unbounded. */
export const MAX_ANSWER_CHARS = 2_000_000;

export const callSetupSchema = z.object({
  customer: text(300).check(z.refine((s) => s.trim().length > 0, 'customer is required')),
  title: text(300).check(z.refine((s) => s.trim().length > 0, 'title is required')),
  callType: text(100),
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')),
  attendees: z.array(text(300)).check(z.maxLength(100)),
  techniques: z.array(text(100)).check(z.minLength(1, 'pick at least one technique'), z.maxLength(200)),
  stages: z.array(z.enum(stageIds)),
});

const callItemSchema = z.object({
  key: text(300),
  promptId: text(200),
  bankId: z.optional(text(100)),
  values: z.record(text(100), text(2000)),
  answer: text(MAX_ANSWER_CHARS),
  tags: z.array(z.enum(answerTags)),
  skipped: z.boolean(),
});

export const callStateSchema = z.object({
  version: z.literal(1),
  id: text(100),
  setup: callSetupSchema,
  startedAt: z.number(),
  parts: z.array(z.object({ bankId: text(100), items: z.array(callItemSchema), objectiveReached: z.optional(z.boolean()) })),
  position: z.object({ part: z.int().check(z.gte(0)), item: z.int().check(z.gte(0)) }),
  seq: z.int(),
});

const callPromptSchema = z.object({
  id: z.string(),
  text: z.string(),
  hint: z.string(),
  answer: z.enum(answerKinds),
  choices: z.optional(z.array(z.string())),
  unit: z.optional(z.string()),
  note: z.optional(z.string()),
  placeholders: z.optional(z.record(z.string(), z.object({ label: z.string(), example: z.optional(z.string()) }))),
  tag: z.optional(z.enum(answerTags)),
  parentId: z.optional(z.string()),
  when: z.optional(z.string()),
});

export const callBankSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['technique', 'stage', 'checklist']),
  flow: z.enum(['steps', 'ted', 'ladder', 'stages']),
  stage: z.optional(z.enum(stageIds)),
  prompts: z.array(callPromptSchema),
});

const key = text(300);
export const callActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), key, text: text(MAX_ANSWER_CHARS) }),
  z.object({ type: z.literal('setValue'), key, name: text(100), value: text(2000) }),
  z.object({ type: z.literal('toggleTag'), key, tag: z.enum(answerTags) }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('skip') }),
  z.object({ type: z.literal('jump'), part: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('tedVerb'), key, promptId: text(200) }),
  z.object({ type: z.literal('tedAnother') }),
  z.object({ type: z.literal('ladderReached') }),
]);

// The schemas must describe exactly the TypeScript shapes; these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchTypes: [
  Same<z.infer<typeof callStateSchema>, CallState>,
  Same<z.infer<typeof callBankSchema>, CallBank>,
  Same<z.infer<typeof callActionSchema>, CallAction>,
  Same<z.infer<typeof callSetupSchema>, CallSetup>,
] = [true, true, true, true];
