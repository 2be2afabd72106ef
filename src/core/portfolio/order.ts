// How the Customers view (and `call-coach portfolio`) orders, groups and filters customers. Pure.
import { healthLabels, type HealthColor } from '../note/model';
import type { CustomerFigures } from './model';

export const customerOrders = ['health', 'lastContact', 'nextDue'] as const;
export type CustomerOrder = (typeof customerOrders)[number];

/** Red first: the accounts that need the CSM most. Unknown health after green. */
const healthRank = (h: HealthColor | null) => (h === 'red' ? 0 : h === 'yellow' ? 1 : h === 'green' ? 2 : 3);
const byName = (a: CustomerFigures, b: CustomerFigures) => a.customer.localeCompare(b.customer) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0);

/**
 * health:      red, yellow, green, unknown; then most overdue objectives, then longest without a call.
 * lastContact: longest without a call first (never called first of all).
 * nextDue:     customers with overdue objectives first, then the earliest next due date; none last.
 */
export function sortCustomers(customers: readonly CustomerFigures[], order: CustomerOrder): CustomerFigures[] {
  const since = (c: CustomerFigures) => c.daysSinceLastCall ?? Number.POSITIVE_INFINITY;
  const compare: Record<CustomerOrder, (a: CustomerFigures, b: CustomerFigures) => number> = {
    health: (a, b) => healthRank(a.health) - healthRank(b.health) || b.overdue - a.overdue || since(b) - since(a),
    lastContact: (a, b) => (since(a) === since(b) ? 0 : since(b) > since(a) ? 1 : -1),
    nextDue: (a, b) => Number(b.overdue > 0) - Number(a.overdue > 0) || (a.nextDue || '9999').localeCompare(b.nextDue || '9999'),
  };
  return [...customers].sort((a, b) => compare[order](a, b) || byName(a, b));
}

/** Which group a customer falls in, whatever language the group's label is shown in. */
export type CustomerGroupId = HealthColor | 'noHealth' | 'noCalls' | 'over90' | 'days31to90' | 'last30' | 'overdue' | 'due' | 'nothingDue';

/** The groups' labels in English (the CLI and portfolio.md; the Customers view localizes by id). */
export const customerGroupLabels: Record<CustomerGroupId, string> = {
  ...healthLabels,
  noHealth: 'No health recorded',
  noCalls: 'No calls yet',
  over90: 'Over 90 days ago',
  days31to90: '31–90 days ago',
  last30: 'In the last 30 days',
  overdue: 'Overdue objectives',
  due: 'Objectives due',
  nothingDue: 'Nothing due',
};

export interface CustomerGroup {
  id: CustomerGroupId;
  /** e.g. "Red", "Over 90 days", "Overdue". */
  label: string;
  customers: CustomerFigures[];
}

/** The groups of an order, each sorted by that order; empty groups left out. */
export function groupCustomers(customers: readonly CustomerFigures[], order: CustomerOrder): CustomerGroup[] {
  const sorted = sortCustomers(customers, order);
  const groupOf: Record<CustomerOrder, (c: CustomerFigures) => CustomerGroupId> = {
    health: (c) => c.health ?? 'noHealth',
    lastContact: (c) => {
      const d = c.daysSinceLastCall;
      return d === null ? 'noCalls' : d > 90 ? 'over90' : d > 30 ? 'days31to90' : 'last30';
    },
    nextDue: (c) => (c.overdue ? 'overdue' : c.nextDue ? 'due' : 'nothingDue'),
  };
  const groups = new Map<CustomerGroupId, CustomerFigures[]>();
  for (const c of sorted) {
    const id = groupOf[order](c);
    let list = groups.get(id);
    if (!list) groups.set(id, (list = []));
    list.push(c);
  }
  return [...groups].map(([id, list]) => ({ id, label: customerGroupLabels[id], customers: list }));
}

/** Customers whose name, folder or alerts contain every word of `query` (ignoring case). */
export function filterCustomers(customers: readonly CustomerFigures[], query: string): CustomerFigures[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...customers];
  return customers.filter((c) => {
    const hay = [c.customer, c.folder, c.health ?? '', ...c.usageAlerts].join('\n').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The figures in words, one short line each: for descriptions, tooltips, screen readers and text output. */
export function describeFigures(c: CustomerFigures): { health: string; lastCall: string; objectives: string; nextDue: string; gaps: string; usage: string } {
  const source = c.healthSource === 'usage' ? ' (usage data)' : c.healthSource === 'csm' ? ' (CSM)' : '';
  const open = [c.overdue && `${c.overdue} overdue`, c.atRisk && `${c.atRisk} at risk`].filter(Boolean).join(', ');
  return {
    health: `Health ${c.health ? healthLabels[c.health] : 'not recorded'}${source}`,
    lastCall: c.daysSinceLastCall === null ? 'no calls yet' : c.daysSinceLastCall === 0 ? 'last call today' : `last call ${plural(c.daysSinceLastCall, 'day')} ago`,
    objectives: `${plural(c.openObjectives, 'open objective')}${open ? ` (${open})` : ''}`,
    nextDue: c.nextDue ? `next due ${c.nextDue}` : 'nothing due',
    gaps: plural(c.gaps, 'coverage gap'),
    usage: c.usageAlerts.length ? `usage alert: ${c.usageAlerts.join('; ')}` : '',
  };
}
