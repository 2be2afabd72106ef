// The question-bank schema. Built-in banks (questions/*.yaml) and a team's own banks go through
// this same schema, so everything the extension shows is validated data, never code.
// zod/mini rather than classic zod: the same validator, but tree-shakable, which keeps the
// extension bundle (and so activation) small.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { answerKinds, stageIds } from './constants';
import { ID_PATTERN, issueParams, METRIC_KEY_PATTERN, PLACEHOLDER_NAME_PATTERN, type BankIssue } from './issues';

// Mini ships without messages; English ones read far better than "Invalid input".
z.config(en());

/** Ids are kebab-case so they are stable in YAML, front matter and file names alike. */
export const idSchema = z
  .string()
  .check(z.regex(ID_PATTERN, 'use lower-case letters, digits and single dashes, e.g. "ted-tell"'));

const singleLineField = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `keep it under ${max} characters`),
      z.refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line', ...issueParams({ code: 'single-line' }) }),
    );

const longText = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(2000, 'keep it under 2000 characters'));

export { answerKinds, stageIds, type AnswerKind, type StageId } from './constants';

/** Where a bank's content comes from: the handbook page it cites. */
export const sourceSchema = z.strictObject({
  title: singleLineField(200),
  url: z.optional(z.url({ protocol: /^https$/, error: 'must be an https:// URL' })),
  /** File name of the seed page this was taken from, when it is one of ours. */
  file: z.optional(singleLineField(200)),
});
export type Source = z.infer<typeof sourceSchema>;

export const placeholderSchema = z.strictObject({
  label: singleLineField(80),
  /** Shown greyed in the input as an example; a blank value is recorded as [label]. */
  example: z.optional(singleLineField(200)),
});

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;

/** Names of `{placeholders}` used in a prompt text, in order, without repeats. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

const promptFields = {
  id: idSchema,
  /** The question as the CSM says it; `{name}` marks a placeholder. */
  text: longText,
  /** One line: what to listen for, or why this question is asked. */
  hint: singleLineField(240),
  answer: z._default(z.enum(answerKinds), 'text'),
  choices: z.optional(z.array(singleLineField(120)).check(z.minLength(2, 'give at least two choices'))),
  /** Unit of a number answer, e.g. "hours" or "deploys/day". */
  unit: z.optional(singleLineField(40)),
  placeholders: z.optional(z.record(z.string().check(z.regex(PLACEHOLDER_NAME_PATTERN, 'placeholder names are lower_snake_case')), placeholderSchema)),
  /** Extra context for the CSM, shown under the hint (product pointers, caveats). */
  note: z.optional(longText),
  /** Tag an answer gets by default (objective, pain-point, metric, action-item, follow-up). */
  tag: z.optional(z.enum(['objective', 'pain-point', 'metric', 'action-item', 'follow-up'])),
};

type PromptShape = z.infer<z.ZodMiniObject<typeof promptFields>>;
type Ctx = { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string; params: { bankIssue: BankIssue } }): void };

/** A custom problem: its English message, and what it is made of for the extension to word (issues.ts). */
const problem = (path: (string | number)[], message: string, issue: BankIssue) => ({ code: 'custom' as const, path, message, ...issueParams(issue) });

function checkPrompt(p: PromptShape & { when?: string }, ctx: Ctx): void {
  if (p.answer === 'choice' && !p.choices) {
    ctx.addIssue(problem(['choices'], 'a "choice" answer needs a list of choices', { code: 'choices-missing' }));
  }
  if (p.answer !== 'choice' && p.choices) {
    ctx.addIssue(problem(['choices'], `choices only apply when answer is "choice" (it is "${p.answer}")`, { code: 'choices-unused', answer: p.answer }));
  }
  const used = placeholderNames(p.text);
  const declared = Object.keys(p.placeholders ?? {});
  for (const name of used) {
    if (!declared.includes(name)) {
      ctx.addIssue(problem(['placeholders'], `the text uses {${name}} but placeholders does not declare it; add "${name}: { label: ... }"`, { code: 'placeholder-undeclared', name }));
    }
  }
  for (const name of declared) {
    if (!used.includes(name)) {
      ctx.addIssue(problem(['placeholders', name], `{${name}} is declared but the text never uses it`, { code: 'placeholder-unused', name }));
    }
  }
}

export const followUpSchema = z
  .strictObject({
    ...promptFields,
    /** When to ask it, as the CSM reads it: "if yes", "if no", "if they containerize". */
    when: z.optional(singleLineField(120)),
  })
  .check(z.superRefine((p, ctx) => checkPrompt(p, ctx)));

export const promptSchema = z
  .strictObject({
    ...promptFields,
    followUps: z.optional(z.array(followUpSchema).check(z.minLength(1))),
  })
  .check(z.superRefine((p, ctx) => checkPrompt(p, ctx)));

export type FollowUp = z.infer<typeof followUpSchema>;
export type Prompt = z.infer<typeof promptSchema>;


export const criterionSchema = z.strictObject({
  id: idSchema,
  text: longText,
  /**
   * Service Ping key paths that evidence this criterion, e.g. counts.merge_requests (a payload's
   * JSON path, as in the Metrics Dictionary). Imported usage data meets the criterion when their
   * sum is positive; see src/core/usage/stages.ts.
   */
  metrics: z.optional(z.array(z.string().check(z.regex(METRIC_KEY_PATTERN, 'metric keys are Service Ping key paths such as counts.merge_requests')))),
  /** "With continuous growth over 3 months": met only when three monthly snapshots in a row each rise. */
  growth: z.optional(z.boolean()),
  /** Criteria in the same group are alternatives counted together by a requirement. */
  group: z.optional(idSchema),
});

export const requirementSchema = z.strictObject({
  /** Which group this counts; omitted means all criteria of the stage. */
  group: z.optional(idSchema),
  atLeast: z.int().check(z.gte(1)),
  description: z.optional(singleLineField(240)),
});

export const adoptionSchema = z
  .strictObject({
    /** Share of the account (teams/projects) above which the stage counts as adopted. */
    thresholdPercent: z._default(z.number().check(z.gte(0), z.lte(100)), 25),
    /** The rule as the handbook states it, in one or two sentences. */
    rule: longText,
    criteria: z.array(criterionSchema).check(z.minLength(1, 'list at least one adoption criterion')),
    /** All must hold; without any, one criterion is enough. */
    requires: z.optional(z.array(requirementSchema)),
  })
  .check(z.superRefine((a, ctx) => {
    const groups = new Set(a.criteria.map((c) => c.group).filter(Boolean));
    a.requires?.forEach((r, i) => {
      if (r.group && !groups.has(r.group)) {
        ctx.addIssue(problem(['requires', i, 'group'], `no criterion is in group "${r.group}"`, { code: 'group-unknown', group: r.group }));
      }
      const pool = r.group ? a.criteria.filter((c) => c.group === r.group).length : a.criteria.length;
      if (r.atLeast > pool) {
        ctx.addIssue(problem(['requires', i, 'atLeast'], `needs ${r.atLeast} but only ${pool} criteria can count`, { code: 'at-least-too-many', atLeast: r.atLeast, pool }));
      }
    });
  }));
export type Adoption = z.infer<typeof adoptionSchema>;

export const metricSchema = z.strictObject({
  id: idSchema,
  name: singleLineField(160),
  /** Which way is better. */
  direction: z.enum(['increase', 'decrease']),
  unit: z.optional(singleLineField(40)),
});

export const valueDriverSchema = z.strictObject({
  id: idSchema,
  name: singleLineField(120),
  metrics: z.array(metricSchema).check(z.minLength(1)),
});
export type ValueDriver = z.infer<typeof valueDriverSchema>;

export const bankKinds = ['technique', 'stage', 'checklist'] as const;
export type BankKind = (typeof bankKinds)[number];

export const bankSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(bankKinds),
    title: singleLineField(120),
    /** One or two sentences: when to use this technique and what it gets you. */
    summary: longText,
    /** The handbook page(s) this bank is taken from. */
    source: z.pipe(
      z.union([sourceSchema, z.array(sourceSchema).check(z.minLength(1))]),
      z.transform((s) => (Array.isArray(s) ? s : [s])),
    ),
    /** Position in the default technique order; lower comes first. */
    order: z._default(z.int().check(z.gte(0), z.lte(10000)), 1000),
    /**
     * How the sidebar steps through the prompts: one after another; TED's verb + topic composer;
     * the Five Whys ladder (prompts[0] asks for the stated focus, prompts[1..] are rung wordings
     * used in turn, each quoting the previous answer as {previous}); or `stages`, which steps
     * through the stage banks the CSM picks.
     */
    flow: z._default(z.enum(['steps', 'ted', 'ladder', 'stages']), 'steps'),
    stage: z.optional(z.enum(stageIds)),
    adoption: z.optional(adoptionSchema),
    valueDrivers: z.optional(z.array(valueDriverSchema).check(z.minLength(1))),
    prompts: z.array(promptSchema).check(z.minLength(1, 'a bank needs at least one prompt')),
  })
  .check(z.superRefine((b, ctx) => {
    if (b.kind === 'stage') {
      if (!b.stage) ctx.addIssue(problem(['stage'], 'a stage bank names its stage (manage … govern)', { code: 'stage-missing' }));
      if (!b.adoption) ctx.addIssue(problem(['adoption'], 'a stage bank states its adoption rule and criteria', { code: 'adoption-missing' }));
    } else {
      if (b.stage) ctx.addIssue(problem(['stage'], 'only banks of kind "stage" name a stage', { code: 'stage-not-allowed' }));
      if (b.adoption) ctx.addIssue(problem(['adoption'], 'only banks of kind "stage" have adoption criteria', { code: 'adoption-not-allowed' }));
    }
    // Ids must be unique across prompts and follow-ups: answers and overrides are keyed by them.
    const seen = new Map<string, string>();
    const visit = (id: string, path: (string | number)[]) => {
      const first = seen.get(id);
      if (first) ctx.addIssue(problem([...path, 'id'], `duplicate id "${id}" (first used at ${first})`, { code: 'duplicate-id', id, first }));
      else seen.set(id, path.join('.'));
    };
    b.prompts.forEach((p, i) => {
      visit(p.id, ['prompts', i]);
      p.followUps?.forEach((f, j) => visit(f.id, ['prompts', i, 'followUps', j]));
    });
    const crit = new Map<string, string>();
    b.adoption?.criteria.forEach((c, i) => {
      if (crit.has(c.id)) {
        ctx.addIssue(problem(['adoption', 'criteria', i, 'id'], `duplicate criterion id "${c.id}"`, { code: 'duplicate-criterion', id: c.id }));
      }
      crit.set(c.id, String(i));
    });
  }));

export type BankInput = z.input<typeof bankSchema>;
export type Bank = z.infer<typeof bankSchema>;

// ---- team overrides ----------------------------------------------------------------------------
// A team changes a built-in (or another team's) prompt without copying its bank: a file of
// `kind: overrides` lists patches, each naming the prompt by id and giving only the fields it
// changes. Each given field replaces the original's; the rest stay. Two conveniences keep a
// patched prompt valid: a new `text` keeps only the placeholders it still uses, and an `answer`
// other than "choice" drops the original's choices. The merged prompt is validated again.

/** The prompt fields a patch may change (never `id` or `followUps`). */
export const patchableFields = ['text', 'hint', 'note', 'tag', 'answer', 'choices', 'unit', 'placeholders', 'when'] as const;

export const promptPatchSchema = z
  .strictObject({
    /** Id of the prompt or follow-up to change. */
    prompt: idSchema,
    /** Id of the bank holding it; only needed when two loaded banks use the same prompt id. */
    bank: z.optional(idSchema),
    text: z.optional(longText),
    hint: z.optional(singleLineField(240)),
    note: z.optional(longText),
    tag: promptFields.tag,
    answer: z.optional(z.enum(answerKinds)),
    choices: promptFields.choices,
    unit: promptFields.unit,
    placeholders: promptFields.placeholders,
    /** Follow-ups only. */
    when: z.optional(singleLineField(120)),
  })
  .check(
    z.refine((p) => patchableFields.some((f) => p[f] !== undefined), {
      message: `an override changes at least one of: ${patchableFields.join(', ')}`,
      ...issueParams({ code: 'override-changes-nothing', fields: [...patchableFields] }),
    }),
  );
export type PromptPatch = z.infer<typeof promptPatchSchema>;

/**
 * Changes a stage criterion's usage-data evidence without copying its bank: which Service Ping key
 * paths stand behind it (added to or replacing the bank's), and whether it needs growth.
 */
export const criterionPatchSchema = z
  .strictObject({
    /** Id of the adoption criterion, e.g. verify-ci-builds. */
    criterion: idSchema,
    /** Key paths that replace the criterion's own. */
    metrics: criterionSchema.shape.metrics,
    /** Key paths added to the criterion's own. */
    addMetrics: criterionSchema.shape.metrics,
    growth: criterionSchema.shape.growth,
  })
  .check(
    z.refine((p) => p.metrics !== undefined || p.addMetrics !== undefined || p.growth !== undefined, {
      message: 'a criterion override changes at least one of: metrics, addMetrics, growth',
      ...issueParams({ code: 'criterion-override-changes-nothing' }),
    }),
  );
export type CriterionPatch = z.infer<typeof criterionPatchSchema>;

export const overridesFileSchema = z
  .strictObject({
    id: idSchema,
    kind: z.literal('overrides'),
    /** What these changes are for, e.g. "Acme team wording". */
    title: z.optional(singleLineField(120)),
    summary: z.optional(longText),
    overrides: z._default(z.array(promptPatchSchema), []),
    /** Stage criteria whose usage-data key paths this team maps differently. */
    criteria: z._default(z.array(criterionPatchSchema), []),
  })
  .check(z.superRefine((f, ctx) => {
    if (!f.overrides.length && !f.criteria.length) {
      ctx.addIssue(problem(['overrides'], 'list at least one override (or a criteria: entry)', { code: 'overrides-empty' }));
    }
    const seen = new Map<string, number>();
    f.overrides.forEach((o, i) => {
      const key = `${o.bank ?? ''}/${o.prompt}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue(problem(['overrides', i, 'prompt'], `"${o.prompt}" is already overridden at overrides.${first}; merge the two entries`, { code: 'override-duplicate', prompt: o.prompt, first }));
      } else seen.set(key, i);
    });
  }));
export type OverridesFile = z.infer<typeof overridesFileSchema>;

// ---- playbooks ---------------------------------------------------------------------------------
// A playbook is an ordered set of techniques for one kind of call (discovery, a metrics meeting,
// EBR prep…). Starting a call offers them. A team replaces a built-in playbook by giving its own
// file of `kind: playbook` the same id (later files win), or adds new ones.

export const playbookSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('playbook'),
  title: singleLineField(120),
  /** When to use it, in a sentence or two. */
  summary: longText,
  /** Default title for a call started from it. */
  callTitle: singleLineField(120),
  /** Where it comes from, when it follows a handbook page. */
  source: z.optional(z.union([sourceSchema, z.array(sourceSchema).check(z.minLength(1))])),
  order: z._default(z.int().check(z.gte(0), z.lte(10000)), 1000),
  /** Bank ids of the techniques (and checklists) in call order. */
  techniques: z.array(idSchema).check(z.minLength(1, 'list at least one technique')),
  /** Stages the Stage Adoption part covers, when the playbook includes it. */
  stages: z._default(z.array(z.enum(stageIds)), []),
});
export type Playbook = z.infer<typeof playbookSchema>;
