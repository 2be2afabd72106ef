// GitLab's use-case health scoring: each measure gets a colour, each colour a score, a use case
// the average of its measures' scores. Source: GitLab handbook "Health Scoring - Calculations and
// Methodology" (https://handbook.gitlab.com/handbook/customer-success/product-usage-data/use-case-adoption/,
// CC BY-SA 4.0) and the data team's dbt model mart_product_usage_health_score (gitlab-data/analytics),
// as compiled in ../shared/notes/usage-data-service-ping.md.
import type { HealthColor } from '../note/model';

/** dbt: CASE … THEN 25 / 63 / 88. */
export const COLOR_SCORE: Readonly<Record<HealthColor, number>> = { red: 25, yellow: 63, green: 88 };

/**
 * A use case's colour from the average of its scored measures: <= 50 Red, > 50 and <= 75 Yellow,
 * > 75 Green (dbt; the handbook words it 0-50 / 51-75 / 76-100). So 2 Green + 1 Yellow is Green
 * ((88+88+63)/3 = 79.7) and Yellow + Green + Yellow is Yellow (71.3).
 */
export function colorOfScore(score: number): HealthColor {
  if (score <= 50) return 'red';
  if (score <= 75) return 'yellow';
  return 'green';
}

/** Averages the scores that exist; a measure without data is left out (its weight redistributed). */
export function averageScore(colors: readonly (HealthColor | null)[]): number | null {
  const scores = colors.filter((c): c is HealthColor => c !== null).map((c) => COLOR_SCORE[c]);
  if (!scores.length) return null;
  return scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * One threshold rule: `red` and `green` say where those colours start; everything between is Yellow.
 * Each bound is inclusive or exclusive as the handbook's table states it.
 */
export interface Bands {
  /** Red when value < redBelow (or <= when redInclusive). */
  red: { below: number; inclusive: boolean };
  /** Green when value > greenAbove (or >= when greenInclusive). */
  green: { above: number; inclusive: boolean };
}

export function bandColor(value: number, bands: Bands): HealthColor {
  const { red, green } = bands;
  if (red.inclusive ? value <= red.below : value < red.below) return 'red';
  if (green.inclusive ? value >= green.above : value > green.above) return 'green';
  return 'yellow';
}

const le = (n: number) => ({ below: n, inclusive: true });
const lt = (n: number) => ({ below: n, inclusive: false });
const gt = (n: number) => ({ above: n, inclusive: false });
const ge = (n: number) => ({ above: n, inclusive: true });

/** The current thresholds (handbook @cc785730, upstream 2025-05-29; newest dbt). */
export const THRESHOLDS = {
  /** User Engagement %: < 50 Red, >= 50 - < 80 Yellow, >= 80 Green. */
  userEngagement: { red: lt(50), green: ge(80) },
  /** SCM Git Operation Utilization %: <= 10 Red, > 10 - <= 33 Yellow, > 33 Green. */
  gitOperationUtilization: { red: le(10), green: gt(33) },
  /** CI Builds per Billable User: <= 2 Red, > 2 - <= 40 Yellow, > 40 Green. */
  ciBuildsPerUser: { red: le(2), green: gt(40) },
  /** Security Secure Scanner Utilization %: <= 5 Red, > 5 - < 20 Yellow, >= 20 Green. */
  scannerUtilization: { red: le(5), green: ge(20) },
  /** Security Avg. Scans per CI Pipeline: < 0.1 Red, >= 0.1 - <= 0.5 Yellow, > 0.5 Green. */
  scansPerPipeline: { red: lt(0.1), green: gt(0.5) },
  /** Security Number of Scanners in Use: <= 1 Red, 2 Yellow, >= 3 Green. */
  scannersInUse: { red: le(1), green: ge(3) },
  /** CD User Deployments Utilization %: < 5 Red, 5 - 12 Yellow, > 12 Green. */
  userDeploymentsUtilization: { red: lt(5), green: gt(12) },
  /** CD Deployments per User L28D: < 2 Red, 2 - 7 Yellow, > 7 Green. */
  deploymentsPerUser: { red: lt(2), green: gt(7) },
  /** CD Successful Deployments %: < 25 Red, 25 - 80 Yellow, > 80 Green. */
  successfulDeployments: { red: lt(25), green: gt(80) },
} as const satisfies Record<string, Bands>;

// ---- License utilization -----------------------------------------------------------------------
// Billable users / licensed users, judged by how long the customer has had GitLab. We use the
// newest dbt version of the table (mart_product_usage_health_score, license_utilization_score),
// because its boundaries are exact where the handbook's table ("2-6 / 6-9 / > 9 months", "10-50%")
// overlaps. Account age = DATEDIFF(month, customer_since_date, snapshot_month), i.e. calendar months:
//   age < 3           no colour (too early to judge)
//   age 3-6           <= 10% Red,  > 10% - 50% Yellow, > 50% Green
//   age 7-9           <= 50% Red,  > 50% - 75% Yellow, > 75% Green
//   age >= 10         <= 75% Red,                      > 75% Green

/** Whole calendar months from `since` (YYYY-MM) to `date` (YYYY-MM[-DD]); NaN when either is malformed. */
export function monthsBetween(since: string, date: string): number {
  const a = /^(\d{4})-(\d{2})/.exec(since);
  const b = /^(\d{4})-(\d{2})/.exec(date);
  if (!a || !b) return NaN;
  return Number(b[1]) * 12 + Number(b[2]) - (Number(a[1]) * 12 + Number(a[2]));
}

export function licenseUtilizationColor(percent: number, accountAgeMonths: number): HealthColor | null {
  if (!Number.isFinite(accountAgeMonths) || accountAgeMonths < 3) return null;
  if (accountAgeMonths <= 6) return bandColor(percent, { red: le(10), green: gt(50) });
  if (accountAgeMonths <= 9) return bandColor(percent, { red: le(50), green: gt(75) });
  return percent > 75 ? 'green' : 'red';
}

/**
 * Utilization bands, independent of account age, so a fall is visible even when the colour holds:
 * the dbt table's boundaries (10%, 50%, 75%).
 */
export const UTILIZATION_BANDS = ['up to 10%', 'over 10% to 50%', 'over 50% to 75%', 'over 75%'] as const;

export function utilizationBand(percent: number): number {
  if (percent <= 10) return 0;
  if (percent <= 50) return 1;
  if (percent <= 75) return 2;
  return 3;
}
