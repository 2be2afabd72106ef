// The usage result for a customer, as `call-coach usage --json` prints it and as the host uses it:
// health from the latest snapshot, stage criteria from all of them.
import { computeHealth, type HealthReport } from './health';
import { HEALTH_KEYS } from './keys';
import type { UsageSnapshot } from './payload';
import { stagesFromData, type DataCriterion, type StageData } from './stages';

export interface UsageReport {
  recordedAt: string;
  health: HealthReport;
  stages: Record<string, StageData>;
}

type StageBank = { stage?: string; adoption?: { criteria: readonly DataCriterion[] } };

/** Every key path a snapshot keeps for these banks: the health keys and each criterion's keys. */
export function usageKeys(banks: readonly StageBank[]): string[] {
  const keys = new Set(HEALTH_KEYS);
  for (const b of banks) for (const c of b.adoption?.criteria ?? []) for (const m of c.metrics ?? []) keys.add(m);
  return [...keys];
}

/** Oldest first; undefined when there are no snapshots. */
export function usageReport(snapshots: readonly UsageSnapshot[], banks: readonly StageBank[], options: { customerSince?: string } = {}): UsageReport | undefined {
  const sorted = sortSnapshots(snapshots);
  const latest = sorted[sorted.length - 1];
  if (!latest) return undefined;
  return { recordedAt: latest.recordedAt, health: computeHealth(latest, options), stages: stagesFromData(banks, sorted) };
}

export function sortSnapshots(snapshots: readonly UsageSnapshot[]): UsageSnapshot[] {
  return [...snapshots].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
}
