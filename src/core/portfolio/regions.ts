// portfolio.md's generated regions as Markdown: the table of every customer with links to each
// plan, and the objectives due in the next 30 days and overdue ones across customers. Every text
// that comes from a note is escaped with markdown.ts, as the plan's regions are, so nothing a
// customer said turns into markup in any renderer.
import { escapeMarkdown, markdownTable } from '../markdown';
import { healthLabels } from '../note/model';
import { PLAN_FILE } from '../notesFolder';
import { linkTarget } from '../plan/planRegions';
import { DUE_SOON_DAYS, type CustomerFigures, type Portfolio, type PortfolioObjective } from './model';

export const portfolioRegions = ['customers', 'due-soon', 'overdue'] as const;
export type PortfolioRegion = (typeof portfolioRegions)[number];

/** A link from portfolio.md (in the notes folder) to a customer's plan; as the plan's links, no bracket or backslash in the text can end or escape it. */
function planLink(folder: string, text: string): string {
  const label = escapeMarkdown(text || folder).replace(/]/g, '&#93;');
  return `[${label}](${linkTarget(folder)}/${linkTarget(PLAN_FILE)})`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function healthCell(c: CustomerFigures): string {
  if (!c.health) return '—';
  return `${healthLabels[c.health]}${c.healthSource === 'usage' ? ' (usage data)' : ''}`;
}

function customersRegion(p: Portfolio): string[] {
  const out = ['## Customers', ''];
  if (!p.customers.length) return [...out, '_No customers with call notes or usage data yet._'];
  const rows = p.customers.map((c) => [
    planLink(c.folder, c.customer),
    healthCell(c),
    c.lastCall ? `${c.lastCall} (${c.daysSinceLastCall === 0 ? 'today' : plural(c.daysSinceLastCall ?? 0, 'day')})` : c.calls || c.unreadable ? '—' : 'no call yet',
    String(c.openObjectives),
    String(c.overdue),
    String(c.atRisk),
    c.nextDue || '—',
    String(c.gaps),
    c.usageAlerts.map((a) => escapeMarkdown(a)).join('; ') || (c.unreadable ? `${plural(c.unreadable, 'note')} unreadable` : ''),
  ]);
  const red = p.customers.filter((c) => c.health === 'red').length;
  const overdue = p.customers.reduce((n, c) => n + c.overdue, 0);
  return [
    ...out,
    `${plural(p.customers.length, 'customer')}; ${red} red; ${plural(overdue, 'overdue objective')}.`,
    '',
    ...markdownTable(['Customer', 'Health', 'Last call', 'Open objectives', 'Overdue', 'At risk', 'Next due', 'Coverage gaps', 'Alerts'], rows),
  ];
}

function objectiveLine(o: PortfolioObjective): string {
  const when = o.daysLeft === 0 ? 'today' : o.daysLeft > 0 ? `in ${plural(o.daysLeft, 'day')}` : `${plural(-o.daysLeft, 'day')} late`;
  const details = [o.status === 'at-risk' ? 'at risk' : o.status === 'not-started' ? 'not started' : '', o.owner && `owner ${escapeMarkdown(o.owner)}`].filter(Boolean).join(', ');
  return `- ${o.due} (${when}): ${planLink(o.folder, o.customer)}: ${escapeMarkdown(o.text)}${details ? ` (${details})` : ''}`;
}

function dueSoonRegion(p: Portfolio): string[] {
  const out = [`## Due in the next ${DUE_SOON_DAYS} days`, ''];
  return p.dueSoon.length ? [...out, ...p.dueSoon.map(objectiveLine)] : [...out, '_Nothing due in the next 30 days._'];
}

function overdueRegion(p: Portfolio): string[] {
  const out = ['## Overdue', ''];
  return p.overdue.length ? [...out, ...p.overdue.map(objectiveLine)] : [...out, '_No overdue objectives._'];
}

/** Each region's Markdown, ending with a newline. */
export function portfolioRegionText(p: Portfolio): Record<PortfolioRegion, string> {
  const join = (lines: string[]) => `${lines.join('\n')}\n`;
  return { customers: join(customersRegion(p)), 'due-soon': join(dueSoonRegion(p)), overdue: join(overdueRegion(p)) };
}
