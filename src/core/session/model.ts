// A call in progress, and the one definition of its shape. The extension host owns the call and
// persists it after every change; the webview runs the same pure reducer on its copy so a key
// press repaints without a round trip.
//
// The zod schemas are the source and every type is inferred from them. They are what the host
// checks at its trust boundaries: every message from the webview (a setup or an action) and a
// call restored from storage (maybe written by an older version, hence the defaults). The webview
// imports only the types, so zod stays out of its bundle: it trusts what its own host sends.
import * as z from 'zod/mini';
import { answerKinds, stageIds } from '../bank/constants';
import { answerTags, healthColors, horizons, objectiveStatuses } from '../note/model';

const text = (max: number) => z.string().check(z.maxLength(max));
/** Answers may be long (a pasted log), but not unbounded. */
export const MAX_ANSWER_CHARS = 2_000_000;
const line = text(2000);

// ---- the banks a call carries -------------------------------------------------------------------

/** The slice of a bank's prompt a call needs: enough to step through it and to write the note. */
export const callPromptSchema = z.object({
  id: z.string(),
  text: z.string(),
  hint: z.string(),
  answer: z.enum(answerKinds),
  choices: z.optional(z.array(z.string())),
  unit: z.optional(z.string()),
  note: z.optional(z.string()),
  /** Placeholder name -> label / example. */
  placeholders: z.optional(z.record(z.string(), z.object({ label: z.string(), example: z.optional(z.string()) }))),
  tag: z.optional(z.enum(answerTags)),
  /** Follow-ups only: the prompt they follow. */
  parentId: z.optional(z.string()),
  /** Follow-ups only: when to ask them. */
  when: z.optional(z.string()),
});
export type CallPrompt = z.infer<typeof callPromptSchema>;

const callCriterionSchema = z.object({ id: z.string(), text: z.string(), metrics: z.optional(z.array(z.string())), growth: z.optional(z.boolean()), group: z.optional(z.string()) });
export type CallCriterion = z.infer<typeof callCriterionSchema>;

/** A stage's adoption rule, as the scorecard needs it. */
const callAdoptionSchema = z.object({
  thresholdPercent: z.number(),
  rule: z.string(),
  criteria: z.array(callCriterionSchema),
  requires: z.optional(z.array(z.object({ group: z.optional(z.string()), atLeast: z.number(), description: z.optional(z.string()) }))),
});
export type CallAdoption = z.infer<typeof callAdoptionSchema>;

const callValueDriverSchema = z.object({
  id: z.string(),
  name: z.string(),
  metrics: z.array(z.object({ id: z.string(), name: z.string(), direction: z.enum(['increase', 'decrease']), unit: z.optional(z.string()) })),
});
export type CallValueDriver = z.infer<typeof callValueDriverSchema>;

export const callBankSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['technique', 'stage', 'checklist']),
  flow: z.enum(['steps', 'ted', 'ladder', 'stages']),
  stage: z.optional(z.enum(stageIds)),
  adoption: z.optional(callAdoptionSchema),
  valueDrivers: z.optional(z.array(callValueDriverSchema)),
  /** Prompts in order, follow-ups right after their parent. */
  prompts: z.array(callPromptSchema),
});
export type CallBank = z.infer<typeof callBankSchema>;

// ---- the call -----------------------------------------------------------------------------------

/** Prompts added from coverage gaps ("add to next call"), with their placeholder values. */
const focusPromptSchema = z.object({ bankId: text(100), promptIds: z.array(text(200)).check(z.maxLength(50)), values: z.record(text(100), text(2000)) });
export type FocusPrompt = z.infer<typeof focusPromptSchema>;

export const callSetupSchema = z.object({
  customer: text(300).check(z.refine((s) => s.trim().length > 0, 'customer is required')),
  title: text(300).check(z.refine((s) => s.trim().length > 0, 'title is required')),
  callType: text(100),
  /** YYYY-MM-DD. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')),
  attendees: z.array(text(300)).check(z.maxLength(100)),
  /** Bank ids of the techniques (and checklists) to run, in order. */
  techniques: z.array(text(100)).check(z.minLength(1, 'pick at least one technique'), z.maxLength(200)),
  /** Stages covered by the Stage Adoption technique, in order. */
  stages: z.array(z.enum(stageIds)),
  focus: z._default(z.array(focusPromptSchema).check(z.maxLength(100)), []),
});
export type CallSetup = z.infer<typeof callSetupSchema>;

const callItemSchema = z.object({
  /** Unique within the call; stable across reloads. */
  key: text(300),
  promptId: text(200),
  /** The bank the prompt comes from, when it is not the part's own (prompts added mid-call). */
  bankId: z.optional(text(100)),
  /** Filled placeholder values by name. */
  values: z.record(text(100), text(2000)),
  answer: text(MAX_ANSWER_CHARS),
  tags: z.array(z.enum(answerTags)),
  skipped: z.boolean(),
});
export type CallItem = z.infer<typeof callItemSchema>;

const callPartSchema = z.object({
  bankId: text(100),
  items: z.array(callItemSchema),
  /** Five Whys only: the CSM said the last rung is the strategic objective. */
  objectiveReached: z.optional(z.boolean()),
});
export type CallPart = z.infer<typeof callPartSchema>;

const callPositionSchema = z.object({
  /** Index into parts; parts.length means the wrap-up screen. */
  part: z.int().check(z.gte(0)),
  item: z.int().check(z.gte(0)),
});
export type CallPosition = z.infer<typeof callPositionSchema>;

/** A stage's scorecard while the call runs; the status is derived when the note is written. */
const callScoreSchema = z.object({ percent: z.nullable(z.number().check(z.gte(0), z.lte(100))), criteria: z.array(text(200)) });
export type CallScore = z.infer<typeof callScoreSchema>;

const metricSchema = z.object({ id: text(200), name: line, valueDriver: text(200), measuredHow: line, baseline: line, target: line, unit: line });
const healthSchema = z.object({ useCase: line, color: z.enum(healthColors), reason: line });
const horizonSchema = z.union([z.literal(horizons[0]), z.literal(horizons[1]), z.literal(horizons[2]), z.literal(horizons[3])]);

/** What the CSM adds to an objective on the wrap-up: who, when, how far out, which value driver. */
const objectiveDetailsSchema = z.object({ owner: line, due: text(10), status: z.enum(objectiveStatuses), horizon: z.nullable(horizonSchema), valueDriver: text(200) });
export type ObjectiveDetails = z.infer<typeof objectiveDetailsSchema>;

export const callStateSchema = z.object({
  version: z.literal(1),
  id: text(100),
  setup: callSetupSchema,
  /** Epoch ms when the call started; the timer is derived from it. */
  startedAt: z.number(),
  parts: z.array(callPartSchema),
  position: callPositionSchema,
  /** Counter for item keys, so the reducer stays deterministic. */
  seq: z.int(),
  // Defaults: a call saved by an earlier version has none of these yet.
  /** Stage adoption scorecards by stage id. */
  scores: z._default(z.record(text(100), callScoreSchema), {}),
  metrics: z._default(z.array(metricSchema), []),
  health: z._default(z.array(healthSchema), []),
  /** Objective details by the key of the item whose answer is the objective. */
  objectives: z._default(z.record(text(300), objectiveDetailsSchema), {}),
  /** What the customer's usage data said when the call started; absent without usage data. */
  usage: z.optional(
    z.object({
      /** recorded_at of the newest snapshot. */
      recordedAt: text(40),
      /** Per stage, per criterion: met by the data or not (null: not known) and the evidence. */
      stages: z.record(text(100), z.record(text(200), z.object({ met: z.nullable(z.boolean()), evidence: text(2000) }))),
    }),
  ),
});
export type CallState = z.infer<typeof callStateSchema>;
/** Usage data as a call carries it (src/core/usage/callUsage.ts). */
export type CallUsage = NonNullable<CallState['usage']>;

// ---- what the CSM does --------------------------------------------------------------------------

const key = text(300);
const index = z.int().check(z.gte(0));
export const callActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('answer'), key, text: text(MAX_ANSWER_CHARS) }),
  z.object({ type: z.literal('setValue'), key, name: text(100), value: text(2000) }),
  z.object({ type: z.literal('toggleTag'), key, tag: z.enum(answerTags) }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('skip') }),
  z.object({ type: z.literal('jump'), part: index }),
  /** TED: choose Tell / Explain / Describe for the current question. */
  z.object({ type: z.literal('tedVerb'), key, promptId: text(200) }),
  /** TED: ask one more TED question in this part. */
  z.object({ type: z.literal('tedAnother') }),
  /** Five Whys: the last rung is the strategic objective; end the ladder. */
  z.object({ type: z.literal('ladderReached') }),
  // The structured parts beside the answers (capture.ts).
  z.object({ type: z.literal('setScore'), stage: text(100), percent: z.nullable(z.number()) }),
  z.object({ type: z.literal('toggleCriterion'), stage: text(100), criterion: text(200) }),
  z.object({ type: z.literal('addMetric'), id: text(200), name: line, valueDriver: text(200), unit: line }),
  z.object({ type: z.literal('editMetric'), id: text(200), field: z.enum(['name', 'measuredHow', 'baseline', 'target', 'unit']), value: line }),
  z.object({ type: z.literal('removeMetric'), id: text(200) }),
  z.object({ type: z.literal('addHealth') }),
  z.object({ type: z.literal('editHealth'), index, field: z.enum(['useCase', 'reason']), value: line }),
  z.object({ type: z.literal('setHealthColor'), index, color: z.enum(healthColors) }),
  z.object({ type: z.literal('removeHealth'), index }),
  z.object({ type: z.literal('editObjective'), key, field: z.enum(['owner', 'due', 'status', 'horizon', 'valueDriver']), value: line }),
]);
export type CallAction = z.infer<typeof callActionSchema>;

/** The actions on the structured parts of a call, which capture.ts reduces. */
export type CaptureAction = Extract<
  CallAction,
  { type: 'setScore' | 'toggleCriterion' | 'addMetric' | 'editMetric' | 'removeMetric' | 'addHealth' | 'editHealth' | 'setHealthColor' | 'removeHealth' | 'editObjective' }
>;
