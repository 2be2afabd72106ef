// Markdown the question browser produces: a list of chosen questions to insert or copy, and the
// read-only page of every stage's adoption rule, criteria and usage-ping metric keys.
import type { Bank } from '../bank/schema';
import { stageIds } from '../bank/constants';
import { escapeMarkdown } from '../markdown';
import { oneLine } from '../text';

/** Bank text made safe to stand on one Markdown line: whitespace collapsed, escaped as any text. */
export function inlineMarkdown(text: string): string {
  return escapeMarkdown(oneLine(text));
}

/** "- question" per line, ending with a newline. */
export function questionList(questions: readonly string[]): string {
  return questions.map((q) => `- ${inlineMarkdown(q)}\n`).join('');
}

const code = (s: string) => `\`${s.replace(/`/g, '')}\``;

/** One section per stage bank, in lifecycle order. */
export function adoptionCriteriaMarkdown(banks: readonly Bank[]): string {
  const stages = banks
    .filter((b) => b.kind === 'stage' && b.adoption && b.stage)
    .sort((a, b) => stageIds.indexOf(a.stage!) - stageIds.indexOf(b.stage!));
  const out = [
    '# Stage Adoption Criteria',
    '',
    `Read-only: generated from the ${stages.length} stage question banks in force (built-in and your team's). Change a team bank to change this page.`,
    '',
  ];
  for (const bank of stages) {
    const adoption = bank.adoption!;
    out.push(`## ${inlineMarkdown(bank.title)}`, '', inlineMarkdown(adoption.rule), '', `**Adopted above:** ${adoption.thresholdPercent}% of the account.`, '');
    out.push('**Criteria:**', '');
    for (const c of adoption.criteria) {
      const extras = [...(c.group ? [`group ${code(c.group)}`] : []), ...(c.metrics?.length ? [`metrics ${c.metrics.map(code).join(', ')}`] : []), ...(c.growth ? ['met by usage data growing 3 months running'] : [])];
      out.push(`- ${inlineMarkdown(c.text)}${extras.length ? ` (${extras.join('; ')})` : ''}`);
    }
    out.push('');
    if (adoption.requires?.length) {
      out.push('**Requires:**', '');
      for (const r of adoption.requires) {
        const what = `at least ${r.atLeast} of ${r.group ? `group ${code(r.group)}` : 'the criteria'}`;
        out.push(`- ${what}${r.description ? `: ${inlineMarkdown(r.description)}` : ''}`);
      }
      out.push('');
    }
    const metrics = [...new Set(adoption.criteria.flatMap((c) => c.metrics ?? []))];
    out.push(`**Usage-ping metric keys:** ${metrics.length ? metrics.map(code).join(', ') : 'none listed'}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
