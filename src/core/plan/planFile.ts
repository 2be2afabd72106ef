// The success plan file (`<notesFolder>/<customer>/success-plan.md`): the CSM's document with
// generated regions in it (see generatedFile.ts for the rules: everything outside the regions is
// kept byte for byte, damaged markers are refused with their line), filled with planRegions.ts's
// Markdown. Its front matter keys are `type` (success-plan), `customer`, `updated` and `calls` (the
// number of calls rolled up).
import { escapeMarkdown } from '../markdown';
import { yamlProperty } from '../note/frontMatter';
import { renderGeneratedFile, type GeneratedFile, type GeneratedRenderResult } from './generatedFile';
import type { PlanContext, SuccessPlan } from './model';
import { planRegions, planRegionText } from './planRegions';

export const PLAN_TYPE = 'success-plan';

function planFile(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>): GeneratedFile {
  return {
    type: PLAN_TYPE,
    what: 'the success plan',
    again: 'update the plan again',
    frontMatter: [
      ['type', yamlProperty('type', PLAN_TYPE)],
      ['customer', yamlProperty('customer', plan.customer)],
      ['updated', yamlProperty('updated', plan.updated, true)],
      ['calls', yamlProperty('calls', plan.calls.length)],
    ],
    // The Usage region joins a plan once the customer has usage data; a plan that has it keeps it.
    regions: planRegions.filter((r) => r !== 'usage' || plan.usage !== undefined),
    optionalRegions: ['usage'],
    regionText: planRegionText(plan, context),
    intro: [
      `# Success plan: ${escapeMarkdown(plan.customer)}`.trimEnd(),
      '',
      'Call Coach updates the sections between its `call-coach:begin` and `call-coach:end` comments from the call notes in this folder. Write your own sections anywhere outside them: they are kept as you wrote them.',
      '',
    ],
  };
}

export type PlanRenderResult = GeneratedRenderResult;

/**
 * The plan's Markdown: a new file when `existingText` is undefined or empty, otherwise the existing
 * file with its generated regions replaced (see the top of this file and generatedFile.ts).
 */
export function renderPlan(plan: SuccessPlan, context: Pick<PlanContext, 'valueDrivers'>, existingText?: string): PlanRenderResult {
  return renderGeneratedFile((updated) => planFile({ ...plan, updated }, context), plan.updated, existingText);
}
