// "Customer since": the month the customer bought GitLab, which license utilization is judged by
// (account age). Kept in the success plan's front matter as `customerSince: "YYYY-MM"`, a key the
// plan roll-up leaves alone, so the CSM can also correct it by hand.
import { planFrontMatterValue, withPlanFrontMatterValue } from '../plan/planFrontMatter';

export const CUSTOMER_SINCE_KEY = 'customerSince';
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: string): boolean {
  return MONTH.test(s);
}

/** Why a typed month is not usable, or undefined; `today` (YYYY-MM-DD) bounds it. `words`: the host passes its display language's. */
export function monthProblem(s: string, today: string, words = { format: 'Write the month as YYYY-MM, e.g. 2025-06.', future: 'That month is in the future.' }): string | undefined {
  if (!isMonth(s.trim())) return words.format;
  if (s.trim() > today.slice(0, 7)) return words.future;
  return undefined;
}

/** The plan's customerSince, when it has a usable one. */
export function readCustomerSince(planText: string | undefined): string | undefined {
  const value = planFrontMatterValue(planText, CUSTOMER_SINCE_KEY);
  return typeof value === 'string' && isMonth(value) ? value : undefined;
}

/**
 * The plan text with customerSince set (replaced in place, or added at the end of the front
 * matter; a plan without front matter, or no plan yet, gets one). Every other byte stays.
 * Undefined when the front matter cannot be read: the plan is then left for the CSM to fix.
 */
export function withCustomerSince(planText: string | undefined, month: string): string | undefined {
  return withPlanFrontMatterValue(planText, CUSTOMER_SINCE_KEY, month);
}
