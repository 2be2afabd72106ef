// Applies team overrides (files of `kind: overrides`, see overridesFileSchema) to the loaded
// banks. Pure: returns new Bank objects and leaves the inputs alone. An entry that cannot be
// applied (unknown or ambiguous prompt, or a patch that leaves the prompt invalid) becomes a
// problem at that entry and is skipped; the file's other entries still apply.
import type * as z from 'zod/mini';
import { bankIssueOf, type BankIssue } from './issues';
import type { BankProblem, Range } from './loader';
import { followUpSchema, placeholderNames, promptSchema, type Bank, type CriterionPatch, type FollowUp, type OverridesFile, type Prompt, type PromptPatch } from './schema';

export interface OverrideSource {
  file: string;
  overrides: OverridesFile;
  /** Where each entry's `prompt` key is, aligned with `overrides.overrides`. */
  entryRanges: Range[];
  /** Where each criteria entry's `criterion` key is, aligned with `overrides.criteria`. */
  criterionRanges?: Range[];
}

export interface AppliedOverride {
  bankId: string;
  promptId: string;
  file: string;
}

interface Target {
  bankIndex: number;
  promptIndex: number;
  /** Set for a follow-up: its index under the prompt. */
  followUpIndex?: number;
}

function findTargets(banks: readonly Bank[], patch: PromptPatch): Target[] {
  const found: Target[] = [];
  banks.forEach((bank, bankIndex) => {
    if (patch.bank && bank.id !== patch.bank) return;
    bank.prompts.forEach((p, promptIndex) => {
      if (p.id === patch.prompt) found.push({ bankIndex, promptIndex });
      p.followUps?.forEach((f, followUpIndex) => {
        if (f.id === patch.prompt) found.push({ bankIndex, promptIndex, followUpIndex });
      });
    });
  });
  return found;
}

/** The original with the patch's fields laid over it (see the rules in schema.ts). */
function merge<T extends FollowUp | Prompt>(original: T, patch: PromptPatch): Record<string, unknown> {
  const { prompt: _id, bank: _bank, ...fields } = patch;
  const merged: Record<string, unknown> = { ...original };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) merged[key] = value;
  if (patch.text !== undefined && patch.placeholders === undefined && original.placeholders) {
    const used = new Set(placeholderNames(patch.text));
    const kept = Object.fromEntries(Object.entries(original.placeholders).filter(([name]) => used.has(name)));
    merged['placeholders'] = Object.keys(kept).length ? kept : undefined;
  }
  if (patch.answer !== undefined && patch.answer !== 'choice' && patch.choices === undefined) merged['choices'] = undefined;
  return merged;
}

type Applied = { ok: true; bank: Bank } | { ok: false; message: string; issue: BankIssue };

function applyOne(bank: Bank, target: Target, patch: PromptPatch): Applied {
  const prompt = bank.prompts[target.promptIndex]!;
  const what = `override of "${patch.prompt}" in bank "${bank.id}" not applied`;
  const explain = (issues: readonly z.core.$ZodIssue[], data: unknown): Applied => ({
    ok: false,
    message: `${what}: ${issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')}`,
    issue: {
      code: 'override-invalid',
      prompt: patch.prompt,
      bank: bank.id,
      reasons: issues.map((i) => {
        const issue = bankIssueOf(i, data);
        return { path: i.path.join('.'), message: i.message, ...(issue ? { issue } : {}) };
      }),
    },
  });
  let next: Prompt;
  if (target.followUpIndex === undefined) {
    if (patch.when !== undefined) {
      return { ok: false, message: `${what}: "when" only applies to follow-ups, and "${patch.prompt}" is a main prompt; remove it`, issue: { code: 'override-when-on-main', prompt: patch.prompt, bank: bank.id } };
    }
    const merged = merge(prompt, patch);
    const parsed = promptSchema.safeParse(merged);
    if (!parsed.success) return explain(parsed.error.issues, merged);
    next = parsed.data;
  } else {
    const followUps = prompt.followUps!.slice();
    const merged = merge(followUps[target.followUpIndex]!, patch);
    const parsed = followUpSchema.safeParse(merged);
    if (!parsed.success) return explain(parsed.error.issues, merged);
    followUps[target.followUpIndex] = parsed.data;
    next = { ...prompt, followUps };
  }
  const prompts = bank.prompts.slice();
  prompts[target.promptIndex] = next;
  return { ok: true, bank: { ...bank, prompts } };
}

export function applyOverrides(
  input: readonly Bank[],
  sources: readonly OverrideSource[],
): { banks: Bank[]; problems: BankProblem[]; overridden: AppliedOverride[] } {
  const banks = input.slice();
  const problems: BankProblem[] = [];
  const overridden: AppliedOverride[] = [];
  for (const { file, overrides, entryRanges, criterionRanges } of sources) {
    overrides.overrides.forEach((patch, i) => {
      const fail = (message: string, issue: BankIssue) =>
        problems.push({ file, message, path: `overrides.${i}.prompt`, ...(entryRanges[i] ?? { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } }), severity: 'error', issue });
      if (patch.bank && !banks.some((b) => b.id === patch.bank)) {
        fail(`no loaded bank has the id "${patch.bank}"; check "bank", or remove it to find the prompt in any bank`, { code: 'override-bank-unknown', bank: patch.bank });
        return;
      }
      const targets = findTargets(banks, patch);
      if (targets.length === 0) {
        fail(`no prompt with the id "${patch.prompt}"${patch.bank ? ` in bank "${patch.bank}"` : ' in any loaded bank'}; check the id against the bank's prompts`, {
          code: 'override-prompt-unknown',
          prompt: patch.prompt,
          ...(patch.bank ? { bank: patch.bank } : {}),
        });
        return;
      }
      if (targets.length > 1) {
        const where = [...new Set(targets.map((t) => banks[t.bankIndex]!.id))];
        fail(`the prompt id "${patch.prompt}" is used in more than one bank (${where.join(', ')}); add "bank:" to say which`, { code: 'override-prompt-ambiguous', prompt: patch.prompt, banks: where });
        return;
      }
      const target = targets[0]!;
      const result = applyOne(banks[target.bankIndex]!, target, patch);
      if (!result.ok) {
        fail(result.message, result.issue);
        return;
      }
      banks[target.bankIndex] = result.bank;
      overridden.push({ bankId: result.bank.id, promptId: patch.prompt, file });
    });
    overrides.criteria.forEach((patch, i) => {
      const index = banks.findIndex((b) => b.adoption?.criteria.some((c) => c.id === patch.criterion));
      if (index < 0) {
        const range = criterionRanges?.[i] ?? { start: { line: 1, col: 1 }, end: { line: 1, col: 1 } };
        problems.push({
          file,
          message: `no stage bank has the adoption criterion "${patch.criterion}"; check the id against the stage's criteria`,
          path: `criteria.${i}.criterion`,
          ...range,
          severity: 'error',
          issue: { code: 'criterion-unknown', criterion: patch.criterion },
        });
        return;
      }
      banks[index] = patchCriterion(banks[index]!, patch);
    });
  }
  return { banks, problems, overridden };
}

/** A team's key paths for a criterion: `metrics` replace the bank's, `addMetrics` add to them. */
function patchCriterion(bank: Bank, patch: CriterionPatch): Bank {
  const criteria = bank.adoption!.criteria.map((c) => {
    if (c.id !== patch.criterion) return c;
    const metrics = [...new Set([...(patch.metrics ?? c.metrics ?? []), ...(patch.addMetrics ?? [])])];
    const next = { ...c, metrics: metrics.length ? metrics : undefined };
    if (patch.growth !== undefined) next.growth = patch.growth;
    return next;
  });
  return { ...bank, adoption: { ...bank.adoption!, criteria } };
}
