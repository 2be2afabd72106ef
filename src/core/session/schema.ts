// Runtime shapes of a call, for everything that crosses a trust boundary: messages between
// webview and host, and a call restored from workspace storage (maybe written by an older version).
import * as z from 'zod/mini';
import { answerKinds, stageIds } from '../bank/constants';
import { answerTags, healthColors, horizons, objectiveStatuses } from '../note/model';
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
  focus: z._default(z.array(z.object({ bankId: text(100), promptIds: z.array(text(200)).check(z.maxLength(50)), values: z.record(text(100), text(2000)) })).check(z.maxLength(100)), []),
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

const line = text(2000);
const metricSchema = z.object({ id: text(200), name: line, valueDriver: text(200), measuredHow: line, baseline: line, target: line, unit: line });
const healthSchema = z.object({ useCase: line, color: z.enum(healthColors), reason: line });
const horizonSchema = z.union([z.literal(horizons[0]), z.literal(horizons[1]), z.literal(horizons[2]), z.literal(horizons[3])]);
const objectiveDetailsSchema = z.object({ owner: line, due: text(10), status: z.enum(objectiveStatuses), horizon: z.nullable(horizonSchema), valueDriver: text(200) });

export const callStateSchema = z.object({
  version: z.literal(1),
  id: text(100),
  setup: callSetupSchema,
  startedAt: z.number(),
  parts: z.array(z.object({ bankId: text(100), items: z.array(callItemSchema), objectiveReached: z.optional(z.boolean()) })),
  position: z.object({ part: z.int().check(z.gte(0)), item: z.int().check(z.gte(0)) }),
  seq: z.int(),
  // Defaults: a call saved by an earlier version has none of these yet.
  scores: z._default(z.record(text(100), z.object({ percent: z.nullable(z.number().check(z.gte(0), z.lte(100))), criteria: z.array(text(200)) })), {}),
  metrics: z._default(z.array(metricSchema), []),
  health: z._default(z.array(healthSchema), []),
  objectives: z._default(z.record(text(300), objectiveDetailsSchema), {}),
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
  adoption: z.optional(
    z.object({
      thresholdPercent: z.number(),
      rule: z.string(),
      criteria: z.array(z.object({ id: z.string(), text: z.string(), metrics: z.optional(z.array(z.string())), growth: z.optional(z.boolean()), group: z.optional(z.string()) })),
      requires: z.optional(z.array(z.object({ group: z.optional(z.string()), atLeast: z.number(), description: z.optional(z.string()) }))),
    }),
  ),
  valueDrivers: z.optional(
    z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        metrics: z.array(z.object({ id: z.string(), name: z.string(), direction: z.enum(['increase', 'decrease']), unit: z.optional(z.string()) })),
      }),
    ),
  ),
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
  z.object({ type: z.literal('setScore'), stage: text(100), percent: z.nullable(z.number()) }),
  z.object({ type: z.literal('toggleCriterion'), stage: text(100), criterion: text(200) }),
  z.object({ type: z.literal('addMetric'), id: text(200), name: line, valueDriver: text(200), unit: line }),
  z.object({ type: z.literal('editMetric'), id: text(200), field: z.enum(['name', 'measuredHow', 'baseline', 'target', 'unit']), value: line }),
  z.object({ type: z.literal('removeMetric'), id: text(200) }),
  z.object({ type: z.literal('addHealth') }),
  z.object({ type: z.literal('editHealth'), index: z.int().check(z.gte(0)), field: z.enum(['useCase', 'reason']), value: line }),
  z.object({ type: z.literal('setHealthColor'), index: z.int().check(z.gte(0)), color: z.enum(healthColors) }),
  z.object({ type: z.literal('removeHealth'), index: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('editObjective'), key, field: z.enum(['owner', 'due', 'status', 'horizon', 'valueDriver']), value: line }),
]);

// The schemas must describe exactly the TypeScript shapes; these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchTypes: [
  Same<z.infer<typeof callStateSchema>, CallState>,
  Same<z.infer<typeof callBankSchema>, CallBank>,
  Same<z.infer<typeof callActionSchema>, CallAction>,
  Same<z.infer<typeof callSetupSchema>, CallSetup>,
] = [true, true, true, true];
