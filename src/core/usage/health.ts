// Use-case health and license utilization from one snapshot, by GitLab's scoring (scoring.ts).
// A measure whose inputs are unavailable (error fallbacks, EE-only keys on CE, a zero denominator)
// gets no colour and no score, and is left out of its use case's average: never counted as Red.
import type { HealthColor } from '../note/model';
import * as K from './keys';
import { metricNumber, unavailableReason, type UsageSnapshot } from './payload';
import { averageScore, bandColor, colorOfScore, COLOR_SCORE, licenseUtilizationColor, monthsBetween, THRESHOLDS, type Bands } from './scoring';

export const useCaseIds = ['licenseUtilization', 'userEngagement', 'scm', 'ci', 'security', 'cd'] as const;
export type UseCaseId = (typeof useCaseIds)[number];

/** How the CSM calls each use case (and the use-case health panel's names). */
export const USE_CASE_LABEL: Readonly<Record<UseCaseId, string>> = {
  licenseUtilization: 'License utilization',
  userEngagement: 'User engagement',
  scm: 'SCM',
  ci: 'CI',
  security: 'Security',
  cd: 'CD',
};

export interface Measure {
  /** The measured value in `unit`, rounded to 2 decimals; null when it cannot be computed. */
  value: number | null;
  unit: '%' | 'per user' | 'per pipeline' | 'scanners';
  color: HealthColor | null;
  score: number | null;
  /** Why there is no value, when there is none. */
  unavailable?: string;
}

export interface UseCaseHealthResult {
  color: HealthColor | null;
  /** Average of the scored measures (25 / 63 / 88 each), rounded to 2 decimals. */
  score: number | null;
  measures: Record<string, Measure>;
}

export type HealthReport = Record<UseCaseId, UseCaseHealthResult>;

const round2 = (n: number) => Math.round(n * 100) / 100;

function measure(value: number | null, unit: Measure['unit'], color: HealthColor | null, unavailable?: string): Measure {
  if (value === null || color === null) return { value: value === null ? null : round2(value), unit, color: null, score: null, unavailable: unavailable ?? 'not scored' };
  return { value: round2(value), unit, color, score: COLOR_SCORE[color] };
}

function useCase(measures: Record<string, Measure>): UseCaseHealthResult {
  const score = averageScore(Object.values(measures).map((m) => m.color));
  return { color: score === null ? null : colorOfScore(score), score: score === null ? null : round2(score), measures };
}

/** Everything a health computation needs from outside the snapshot. */
export interface HealthOptions {
  /** The month the customer bought GitLab, YYYY-MM; license utilization needs it. */
  customerSince?: string;
}

export function computeHealth(snapshot: UsageSnapshot, options: HealthOptions = {}): HealthReport {
  const n = (path: string) => metricNumber(snapshot, path);
  const why = (...paths: string[]) => {
    const missing = paths.filter((p) => n(p) === undefined);
    return missing.map((p) => `${p}: ${unavailableReason(snapshot, p) ?? 'unavailable'}`).join('; ') || undefined;
  };
  const billable = n(K.BILLABLE_USERS);
  const noBillable = billable === undefined ? why(K.BILLABLE_USERS) : billable === 0 ? `${K.BILLABLE_USERS} is 0` : undefined;

  /** numerator / billable users, as a percentage or per user, coloured by `bands`. */
  const perUser = (path: string, unit: '%' | 'per user', bands: Bands): Measure => {
    const value = n(path);
    if (noBillable) return measure(null, unit, null, noBillable);
    if (value === undefined) return measure(null, unit, null, why(path));
    const v = unit === '%' ? (value * 100) / billable! : value / billable!;
    return measure(v, unit, bandColor(v, bands));
  };

  // License utilization: billable / licensed, by account age.
  const licensed = n(K.LICENSED_USERS);
  let license: Measure;
  if (noBillable && billable === undefined) license = measure(null, '%', null, noBillable);
  else if (licensed === undefined || licensed === 0) license = measure(null, '%', null, licensed === 0 ? `${K.LICENSED_USERS} is 0` : why(K.LICENSED_USERS));
  else {
    const percent = (billable! * 100) / licensed;
    const age = options.customerSince ? monthsBetween(options.customerSince, snapshot.date) : NaN;
    const color = licenseUtilizationColor(percent, age);
    const reason = !options.customerSince
      ? 'needs the month the customer bought GitLab ("customer since")'
      : age < 0
        ? `the snapshot (${snapshot.date}) is before customer since (${options.customerSince})`
        : `account is ${age} month${age === 1 ? '' : 's'} old; scored from 3 months`;
    license = measure(percent, '%', color, color ? undefined : reason);
  }

  // Security is scored for Ultimate subscriptions only.
  const ultimate = snapshot.plan === 'ultimate' || snapshot.edition === 'EEU';
  let security: Record<string, Measure>;
  if (!ultimate) {
    const reason = `scored for Ultimate only (this instance: ${snapshot.plan ?? snapshot.edition ?? 'plan unknown'})`;
    security = {
      scannerUtilization: measure(null, '%', null, reason),
      scansPerPipeline: measure(null, 'per pipeline', null, reason),
      scannersInUse: measure(null, 'scanners', null, reason),
    };
  } else {
    // Scans of the scanner types this payload reports; when none does, there is nothing to score.
    const scans = K.SCANS_28D.map((p) => n(p)).filter((v): v is number => v !== undefined);
    const pipelines = n(K.PIPELINES_28D);
    const scanSum = scans.reduce((a, b) => a + b, 0);
    const noScans = scans.length ? undefined : why(...K.SCANS_28D.slice(0, 1)) ?? 'no scan counts';
    const perPipeline =
      noScans !== undefined
        ? measure(null, 'per pipeline', null, noScans)
        : pipelines === undefined || pipelines === 0
          ? measure(null, 'per pipeline', null, pipelines === 0 ? `${K.PIPELINES_28D} is 0` : why(K.PIPELINES_28D))
          : measure(scanSum / pipelines, 'per pipeline', bandColor(scanSum / pipelines, THRESHOLDS.scansPerPipeline));
    const inUse = scans.filter((v) => v > 0).length;
    security = {
      scannerUtilization: perUser(K.SCANNER_USERS_28D, '%', THRESHOLDS.scannerUtilization),
      scansPerPipeline: perPipeline,
      scannersInUse: noScans !== undefined ? measure(null, 'scanners', null, noScans) : measure(inUse, 'scanners', bandColor(inUse, THRESHOLDS.scannersInUse)),
    };
  }

  const ok = n(K.SUCCESSFUL_DEPLOYMENTS_28D);
  const failed = n(K.FAILED_DEPLOYMENTS_28D);
  const successful =
    ok === undefined || failed === undefined
      ? measure(null, '%', null, why(K.SUCCESSFUL_DEPLOYMENTS_28D, K.FAILED_DEPLOYMENTS_28D))
      : ok + failed === 0
        ? measure(null, '%', null, 'no deployments in the last 28 days')
        : measure((ok * 100) / (ok + failed), '%', bandColor((ok * 100) / (ok + failed), THRESHOLDS.successfulDeployments));

  return {
    licenseUtilization: useCase({ licenseUtilization: license }),
    userEngagement: useCase({ userEngagement: perUser(K.ACTIVE_USERS_28D, '%', THRESHOLDS.userEngagement) }),
    scm: useCase({ gitOperationUtilization: perUser(K.GIT_USERS_28D, '%', THRESHOLDS.gitOperationUtilization) }),
    ci: useCase({ ciBuildsPerUser: perUser(K.CI_BUILDS_28D, 'per user', THRESHOLDS.ciBuildsPerUser) }),
    security: useCase(security),
    cd: useCase({
      userDeploymentsUtilization: perUser(K.DEPLOY_USERS_28D, '%', THRESHOLDS.userDeploymentsUtilization),
      deploymentsPerUser: perUser(K.DEPLOYMENTS_28D, 'per user', THRESHOLDS.deploymentsPerUser),
      successfulDeployments: successful,
    }),
  };
}

/** License utilization in percent (billable / licensed), or null. */
export function utilizationPercent(report: HealthReport): number | null {
  return report.licenseUtilization.measures.licenseUtilization?.value ?? null;
}
