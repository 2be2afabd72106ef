// Stage adoption criteria met by usage data. A criterion in a stage bank names the key paths behind
// it (`metrics:`); its value in a snapshot is the sum of those keys' available values (true counts
// 1, false 0), so "deployments and/or environments" or "one or more security scanners" read as one
// number. Unavailable keys (error fallbacks, EE-only keys on CE) are left out; when all are
// unavailable the criterion is unknown from data (met: null), never "not met".
//
//   positive rule (default)  met when the latest snapshot's value is above zero.
//   growth rule (`growth: true`, "continuous growth over 3 months")
//                            met when the last three snapshots are of three months in a row and each
//                            value is higher than the one before. Fewer than three snapshots, a month
//                            missing in between, or an unavailable value: unknown (null).
import type { StageId } from '../bank/constants';
import { metricNumber, unavailableReason, type UsageSnapshot } from './payload';

export interface DataCriterion {
  id: string;
  metrics?: readonly string[];
  growth?: boolean;
}

export interface CriterionData {
  met: boolean | null;
  /** What the data says, one line: "counts.ci_builds 12,345, up 3 months running". */
  evidence: string;
}

export interface StageData {
  criteria: Record<string, CriterionData>;
}

/** 12345 -> "12,345"; 2.5 -> "2.5". Deterministic (no locale). */
export function formatNumber(n: number): string {
  const [whole, frac] = String(Math.round(n * 100) / 100).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** Calendar month index of a YYYY-MM-DD date. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function criterionValue(snapshot: UsageSnapshot, metrics: readonly string[]): number | undefined {
  let sum: number | undefined;
  for (const path of metrics) {
    const v = metricNumber(snapshot, path);
    if (v !== undefined) sum = (sum ?? 0) + v;
  }
  return sum;
}

/** "counts.ci_builds 12,345" / "gitlab_shared_runners_enabled on" / "counts.sast_jobs unavailable (timed out (-1))". */
function valuesText(snapshot: UsageSnapshot, metrics: readonly string[]): string {
  return metrics
    .map((path) => {
      const raw = snapshot.metrics[path];
      const reason = unavailableReason(snapshot, path);
      if (reason) return `${path} unavailable (${reason})`;
      return typeof raw === 'boolean' ? `${path} ${raw ? 'on' : 'off'}` : `${path} ${formatNumber(raw as number)}`;
    })
    .join(', ');
}

/**
 * How many snapshots at the end of the list rise month over month: 1 when the latest is not higher
 * than the month before (or there is no month before), 3 when it rose twice in a row, and so on.
 */
export function risingRun(snapshots: readonly UsageSnapshot[], metrics: readonly string[]): number {
  let run = 0;
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const value = criterionValue(snapshots[i]!, metrics);
    if (value === undefined) break;
    if (run === 0) {
      run = 1;
      continue;
    }
    const later = snapshots[i + 1]!;
    const laterValue = criterionValue(later, metrics)!;
    if (monthIndex(later.date) - monthIndex(snapshots[i]!.date) !== 1 || !(laterValue > value)) break;
    run++;
  }
  return run;
}

/**
 * A criterion judged by the data, or undefined when it names no key paths.
 * @param snapshots oldest first, at most one per month.
 */
export function criterionFromData(criterion: DataCriterion, snapshots: readonly UsageSnapshot[]): CriterionData | undefined {
  const metrics = criterion.metrics ?? [];
  if (!metrics.length) return undefined;
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return { met: null, evidence: 'no usage data imported' };
  const value = criterionValue(latest, metrics);
  const now = valuesText(latest, metrics);
  if (value === undefined) return { met: null, evidence: now };
  const run = risingRun(snapshots, metrics);
  const trend = run >= 3 ? `, up ${run} months running` : run === 2 ? ', up since last month' : '';
  if (!criterion.growth) return { met: value > 0, evidence: `${now}${trend}` };

  if (snapshots.length < 3) {
    return { met: null, evidence: `${now}; growth over 3 months needs 3 monthly snapshots (${snapshots.length} imported)` };
  }
  const last3 = snapshots.slice(-3);
  const values = last3.map((s) => criterionValue(s, metrics));
  const months = last3.map((s) => monthIndex(s.date));
  const history = values.map((v) => (v === undefined ? 'unavailable' : formatNumber(v))).join(' → ');
  if (months[1]! - months[0]! !== 1 || months[2]! - months[1]! !== 1) {
    return { met: null, evidence: `${now}; growth over 3 months needs snapshots of 3 months in a row (have ${last3.map((s) => s.date.slice(0, 7)).join(', ')})` };
  }
  if (values.some((v) => v === undefined)) return { met: null, evidence: `${now}; last 3 months ${history}` };
  if (run >= 3) return { met: true, evidence: `${now}, up ${run} months running (${history})` };
  return { met: false, evidence: `${now}; not up every month (${history})` };
}

/** What the data says about each data-backed criterion of each stage bank. */
export function stagesFromData(
  banks: readonly { stage?: StageId | string; adoption?: { criteria: readonly DataCriterion[] } }[],
  snapshots: readonly UsageSnapshot[],
): Record<string, StageData> {
  const stages: Record<string, StageData> = {};
  for (const bank of banks) {
    if (!bank.stage || !bank.adoption) continue;
    const criteria: Record<string, CriterionData> = {};
    for (const c of bank.adoption.criteria) {
      const data = criterionFromData(c, snapshots);
      if (data) criteria[c.id] = data;
    }
    if (Object.keys(criteria).length) stages[bank.stage] = { criteria };
  }
  return stages;
}
