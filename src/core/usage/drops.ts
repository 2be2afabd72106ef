// Alerts when usage falls: a use case whose colour drops (Green -> Yellow or Red, Yellow -> Red),
// or license utilization falling a band. Seed 003 (Product Usage Reporting Vision): "alerts when
// adoption across a use case goes from 'Green' to 'Yellow' or 'Red', indicating potential movement
// from a team off of the platform", and the CSM's next steps: enablement content, finding the issues
// or blockers (training or enablement gaps, change management, technical issues, configuration),
// and bringing in the right people.
import type { HealthColor } from '../note/model';
import { computeHealth, USE_CASE_LABEL, useCaseIds, utilizationPercent, type UseCaseId } from './health';
import type { UsageSnapshot } from './payload';
import { sortSnapshots } from './report';
import { UTILIZATION_BANDS, utilizationBand } from './scoring';

const RANK: Record<HealthColor, number> = { red: 0, yellow: 1, green: 2 };
const NAME: Record<HealthColor, string> = { red: 'Red', yellow: 'Yellow', green: 'Green' };

export interface UsageDrop {
  useCase: UseCaseId;
  /** "CI went Green → Yellow since the last call". */
  label: string;
  /** The seed's next step, one line. */
  nextStep: string;
  from: string;
  to: string;
  /** What the label is made of, for a UI that words it in another language (host/usageWords.ts). */
  facts: DropFacts;
}

/**
 * A drop in facts: a use case's colour (`health`) or license utilization's band (`license`, with
 * the percentages and the bands' indexes in UTILIZATION_BANDS), since the last call (`since`
 * null) or since the snapshot of `since` (YYYY-MM-DD).
 */
export type DropFacts = { useCase: UseCaseId; since: string | null } & (
  | { kind: 'health'; fromColor: HealthColor; toColor: HealthColor }
  | { kind: 'license'; was: number; now: number; wasBand: number; nowBand: number }
);

/** The questions that follow a drop up on the next call (product-usage-review bank). */
export const DROP_PROMPTS = {
  bankId: 'product-usage-review',
  useCase: ['product-usage-review-use-case-health', 'product-usage-review-blockers'],
  license: ['product-usage-review-license-utilization', 'product-usage-review-blockers'],
} as const;

const USE_CASE_STEP =
  'ask which team is moving off and what is blocking it (training or enablement gaps, change management, technical issues, configuration), offer enablement, and bring in the right person';
const LICENSE_STEP = 'ask how the unused licenses could be put to work (onboarding, enablement) and who decides on them';

/**
 * Drops between the snapshot in force at the last call (the newest recorded on or before that
 * date) and the newest one. Without a last call, when every snapshot came after it, or when the
 * last call already had the newest, the newest is compared with the one before it.
 */
export function usageDrops(snapshots: readonly UsageSnapshot[], options: { customerSince?: string; lastCallDate?: string } = {}): UsageDrop[] {
  const sorted = sortSnapshots(snapshots);
  const after = sorted[sorted.length - 1];
  if (!after || sorted.length < 2) return [];
  // The newest snapshot is the one the last call already saw when it is dated on or before it:
  // then there is nothing new since the call, and the two newest are compared instead.
  const seen = options.lastCallDate ? sorted.filter((s) => s.date <= options.lastCallDate!).pop() : undefined;
  const atCall = seen && seen !== after ? seen : undefined;
  const before = atCall ?? sorted[sorted.length - 2]!;
  const since = atCall ? 'since the last call' : `since ${before.date}`;
  const sinceDate = atCall ? null : before.date;
  const a = computeHealth(before, options);
  const b = computeHealth(after, options);
  const drops: UsageDrop[] = [];
  for (const id of useCaseIds) {
    if (id === 'licenseUtilization') continue;
    const from = a[id].color;
    const to = b[id].color;
    if (from && to && RANK[to] < RANK[from]) {
      drops.push({
        useCase: id,
        label: `${USE_CASE_LABEL[id]} went ${NAME[from]} → ${NAME[to]} ${since}`,
        nextStep: USE_CASE_STEP,
        from: before.date,
        to: after.date,
        facts: { useCase: id, since: sinceDate, kind: 'health', fromColor: from, toColor: to },
      });
    }
  }
  const was = utilizationPercent(a);
  const now = utilizationPercent(b);
  if (was !== null && now !== null && utilizationBand(now) < utilizationBand(was)) {
    drops.unshift({
      useCase: 'licenseUtilization',
      label: `License utilization fell from ${UTILIZATION_BANDS[utilizationBand(was)]} to ${UTILIZATION_BANDS[utilizationBand(now)]} (${was}% → ${now}%) ${since}`,
      nextStep: LICENSE_STEP,
      from: before.date,
      to: after.date,
      facts: { useCase: 'licenseUtilization', since: sinceDate, kind: 'license', was, now, wasBand: utilizationBand(was), nowBand: utilizationBand(now) },
    });
  }
  return drops;
}

/**
 * What the portfolio shows of a customer's usage (src/core/portfolio's CustomerUsage): the worst
 * use-case colour of the latest snapshot, the drops as one-line alerts, and the snapshot's date.
 * Undefined without snapshots.
 */
export function usageSummary(
  snapshots: readonly UsageSnapshot[],
  options: { customerSince?: string; lastCallDate?: string } = {},
): { worst: HealthColor | null; alerts: string[]; drops: DropFacts[]; recordedAt: string } | undefined {
  const latest = sortSnapshots(snapshots).pop();
  if (!latest) return undefined;
  const health = computeHealth(latest, options);
  const colors = useCaseIds.map((id) => health[id].color).filter((c): c is HealthColor => c !== null);
  const worst = colors.length ? colors.reduce((a, b) => (RANK[b] < RANK[a] ? b : a)) : null;
  const drops = usageDrops(snapshots, options);
  return { worst, alerts: drops.map((d) => d.label), drops: drops.map((d) => d.facts), recordedAt: latest.date };
}
