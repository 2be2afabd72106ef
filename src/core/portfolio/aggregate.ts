// Per-customer figures from a customer's success plan (buildPlan's roll-up of its notes), and the
// portfolio across customers. Pure: the caller builds the plans (from the note index) and passes
// today's date, so the CLI, the Customers view and portfolio.md all count the same way.
//
//   health           the worst use-case colour of the latest usage snapshot when there is usage data
//                    that scored one, else the worst of the CSM's latest colour per use case (the
//                    plan's health: each use case as last recorded).
//   days since call  today minus the newest call's date.
//   open objectives  not done; overdue: due before today; at risk: status at-risk.
//   next due         the earliest due date, today or later, of an open objective.
//   gaps             the plan's coverage gaps.
//   due soon         open objectives due from today to 30 days ahead, across customers.
import type { HealthColor } from '../note/model';
import { daysBetween } from '../plan/gaps';
import type { PlanObjective, SuccessPlan } from '../plan/model';
import { DUE_SOON_DAYS, type CustomerFigures, type CustomerUsage, type Portfolio, type PortfolioObjective } from './model';

const severity: Record<HealthColor, number> = { green: 0, yellow: 1, red: 2 };

/** The worst of the colours (red over yellow over green); null for none. */
export function worstColor(colors: Iterable<HealthColor | null | undefined>): HealthColor | null {
  let worst: HealthColor | null = null;
  for (const c of colors) if (c && (worst === null || severity[c] > severity[worst])) worst = c;
  return worst;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(daysBetween(s, s));

export interface CustomerInput {
  /** The customer's folder name (slug). */
  folder: string;
  plan: SuccessPlan;
  usage?: CustomerUsage | undefined;
}

/** An open objective as the portfolio counts it. */
export type OpenObjective = Pick<PlanObjective, 'text' | 'status' | 'owner' | 'due'>;

/**
 * What the portfolio counts of a customer's plan: everything customerFigures needs but the usage
 * data and today's date. Small and plain (JSON), so it can be kept between runs beside the note
 * index (figuresCache.ts) and a customer whose notes did not change is counted without its plan.
 * The gaps depend on the day and the banks: a cache keys them by both.
 */
export interface PlanFacts {
  /** The plan's customer name ('' when no note reads). */
  customer: string;
  calls: number;
  /** The newest call: its file (the Customers view opens it) and date; null without calls. */
  lastCall: { file: string; date: string } | null;
  /** The worst of the CSM's latest colours per use case. */
  csmHealth: HealthColor | null;
  /** Objectives not done, in plan order. */
  open: OpenObjective[];
  gaps: number;
  unreadable: number;
}

export function planFacts(plan: SuccessPlan): PlanFacts {
  const last = plan.calls[plan.calls.length - 1];
  return {
    customer: plan.customer,
    calls: plan.calls.length,
    lastCall: last ? { file: last.file, date: last.date } : null,
    csmHealth: worstColor(plan.health.map((h) => h.color)),
    open: plan.objectives.filter((o) => o.status !== 'done').map((o) => ({ text: o.text, status: o.status, owner: o.owner, due: o.due })),
    gaps: plan.gaps.length,
    unreadable: plan.skipped.length,
  };
}

/** One customer's row, and its open objectives with a due date (for the cross-customer lists). */
export function customerFigures(input: CustomerInput, today: string): CustomerCount {
  return countCustomer(input.folder, planFacts(input.plan), input.usage, today);
}

/** customerFigures from a plan's facts (planFacts). */
export function countCustomer(folder: string, facts: PlanFacts, usage: CustomerUsage | undefined, today: string): CustomerCount {
  const usageHealth = usage?.worst ?? null;
  const { csmHealth, lastCall: last, open } = facts;
  const dated: PortfolioObjective[] = [];
  let overdue = 0;
  let nextDue = '';
  for (const o of open) {
    if (!isDate(o.due)) continue;
    const daysLeft = daysBetween(today, o.due);
    dated.push({ folder, customer: facts.customer, text: o.text, status: o.status, owner: o.owner, due: o.due, daysLeft });
    if (daysLeft < 0) overdue++;
    else if (!nextDue || o.due < nextDue) nextDue = o.due;
  }
  const since = last ? daysBetween(last.date, today) : NaN;
  return {
    figures: {
      folder,
      customer: facts.customer || folder,
      health: usageHealth ?? csmHealth,
      healthSource: usageHealth ? 'usage' : csmHealth ? 'csm' : 'none',
      calls: facts.calls,
      lastCall: last?.date ?? '',
      daysSinceLastCall: Number.isNaN(since) ? null : since,
      openObjectives: open.length,
      overdue,
      atRisk: open.filter((o) => o.status === 'at-risk').length,
      nextDue,
      gaps: facts.gaps,
      usageAlerts: [...(usage?.alerts ?? [])],
      ...(usage?.drops?.length ? { usageDrops: [...usage.drops] } : {}),
      unreadable: facts.unreadable,
    },
    dated,
  };
}

const byName = (a: CustomerFigures, b: CustomerFigures) => a.customer.localeCompare(b.customer) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0);
const byDue = (a: PortfolioObjective, b: PortfolioObjective) => a.daysLeft - b.daysLeft || a.customer.localeCompare(b.customer) || a.text.localeCompare(b.text);

export function buildPortfolio(inputs: Iterable<CustomerInput>, today: string): Portfolio {
  const counted: CustomerCount[] = [];
  for (const input of inputs) counted.push(customerFigures(input, today));
  return portfolioOf(counted, today);
}

export interface CustomerCount {
  figures: CustomerFigures;
  dated: PortfolioObjective[];
}

/** The portfolio from customers already counted (so a caller need not keep every plan). */
export function portfolioOf(counted: Iterable<CustomerCount>, today: string): Portfolio {
  const customers: CustomerFigures[] = [];
  const dueSoon: PortfolioObjective[] = [];
  const overdue: PortfolioObjective[] = [];
  for (const { figures, dated } of counted) {
    customers.push(figures);
    for (const o of dated) {
      if (o.daysLeft < 0) overdue.push(o);
      else if (o.daysLeft <= DUE_SOON_DAYS) dueSoon.push(o);
    }
  }
  return { today, customers: customers.sort(byName), dueSoon: dueSoon.sort(byDue), overdue: overdue.sort(byDue) };
}
