// A CSM's book of business as data: one row of figures per customer, and the objectives due soon
// or overdue across all of them. Everything is derived from each customer's success plan (the
// roll-up of its notes) and, where there is any, its usage data. Nothing is stored but the notes.
import type { HealthColor, ObjectiveStatus } from '../note/model';
import type { DropFacts } from '../usage/drops';

/**
 * What usage data says about a customer, for the portfolio. The usage module (src/core/usage)
 * computes it from the customer's snapshots; the portfolio only reads it. Absent: no usage data.
 */
export interface CustomerUsage {
  /** The worst use-case colour of the latest snapshot; null when no measure could be scored. */
  worst: HealthColor | null;
  /** One line each, e.g. "CI went Green → Yellow since the last call"; empty when all is well. */
  alerts: string[];
  /** What each alert is made of, in the same order, for a UI that words them in another language. */
  drops?: DropFacts[];
  /** The latest snapshot's date, YYYY-MM-DD. */
  recordedAt?: string;
}

/** Where a customer's health figure comes from. */
export type HealthSource = 'usage' | 'csm' | 'none';

export interface PortfolioObjective {
  /** The customer's folder name (its slug), where its notes and plan are. */
  folder: string;
  customer: string;
  text: string;
  status: ObjectiveStatus;
  owner: string;
  /** YYYY-MM-DD. */
  due: string;
  /** Whole days from today to the due date; negative when overdue. */
  daysLeft: number;
}

export interface CustomerFigures {
  /** The customer's folder name (its slug); the plan is `<folder>/success-plan.md`. */
  folder: string;
  /** The display name, from the newest readable note; the folder name when none reads. */
  customer: string;
  /** The worst use-case colour: from usage data when there is any, else the CSM's latest judgement. */
  health: HealthColor | null;
  healthSource: HealthSource;
  calls: number;
  /** YYYY-MM-DD of the newest call, or ''. */
  lastCall: string;
  /** Whole days since the newest call; null when there is none. */
  daysSinceLastCall: number | null;
  /** Objectives not done. */
  openObjectives: number;
  /** Open objectives whose due date has passed. */
  overdue: number;
  /** Open objectives marked at risk. */
  atRisk: number;
  /** The earliest due date of an open objective that is not overdue yet (YYYY-MM-DD), or ''. */
  nextDue: string;
  /** Coverage gaps of the plan (src/core/plan/gaps.ts). */
  gaps: number;
  /** Usage alerts, one line each; empty without usage data or when nothing dropped. */
  usageAlerts: string[];
  /** What each usage alert is made of, in the same order (the Customers view words them; usage/drops.ts). */
  usageDrops?: DropFacts[];
  /** Notes in the folder that could not be read. */
  unreadable: number;
}

export interface Portfolio {
  /** YYYY-MM-DD the figures are for. */
  today: string;
  /** By display name. */
  customers: CustomerFigures[];
  /** Open objectives due from today to DUE_SOON_DAYS ahead, soonest first. */
  dueSoon: PortfolioObjective[];
  /** Open objectives whose due date has passed, most overdue first. */
  overdue: PortfolioObjective[];
}

/** "Due in the next 30 days". */
export const DUE_SOON_DAYS = 30;
