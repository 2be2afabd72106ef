// Optional arguments of the browse commands, so a keybinding (or a test) can skip a step:
//   { "stage": "plan", "promptIds": ["plan-..."], "action": "copy" }
// Anything not given is asked for. Arguments are untrusted input and validated here.
import * as z from 'zod/mini';
import { stageIds } from '../../core/bank/constants';

export const questionActions = ['insert', 'copy', 'addToCall'] as const;
export type QuestionAction = (typeof questionActions)[number];

const browseArgsSchema = z.object({
  stage: z.optional(z.enum(stageIds)),
  /** Prompt ids to act on, instead of picking them. */
  promptIds: z.optional(z.array(z.string()).check(z.minLength(1))),
  action: z.optional(z.enum(questionActions)),
});
export type BrowseArgs = z.infer<typeof browseArgsSchema>;

/** Parsed arguments, or an error sentence naming what was wrong. */
export function parseBrowseArgs(raw: unknown): { ok: true; args: BrowseArgs } | { ok: false; error: string } {
  if (raw === undefined || raw === null) return { ok: true, args: {} };
  const parsed = browseArgsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, args: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || 'arguments'}: ${issue.message}` };
}
