// GitLab's use-case health scoring from payloads written for each threshold: just below, at, and
// just above every boundary, with 100 billable users so counts read as percentages.
import { strict as assert } from 'node:assert';
import type { HealthColor } from '../../../../src/core/note/model';
import { computeHealth, type HealthReport } from '../../../../src/core/usage/health';
import { parsePayload } from '../../../../src/core/usage/payload';
import { usageKeys } from '../../../../src/core/usage/report';
import { colorOfScore, licenseUtilizationColor, monthsBetween, utilizationBand } from '../../../../src/core/usage/scoring';
import { builtInBanks } from '../../questions/builtInBanks';
import { ceBase, EE_BASE, payload, type Flat } from './usagePayloads';

const now = new Date('2026-12-03T12:00:00Z');
const keys = usageKeys(builtInBanks());

function health(changes: Flat, base: Flat = EE_BASE, customerSince?: string): HealthReport {
  const r = parsePayload(payload(base, changes), { keys, now });
  if (!r.ok) assert.fail(r.problem);
  return computeHealth(r.snapshot, customerSince ? { customerSince } : {});
}

const [R, Y, G] = ['red', 'yellow', 'green'] as const;

/** Each [value, expected colour] through `key`, read back from `pick`. */
function boundaries(key: string, cases: [number, HealthColor][], pick: (h: HealthReport) => { color: HealthColor | null }, extra: Flat = {}) {
  for (const [value, expected] of cases) {
    assert.equal(pick(health({ ...extra, [key]: value })).color, expected, `${key} = ${value}`);
  }
}

describe('use-case health: each measure at its boundaries (100 billable users)', () => {
  it('User Engagement: < 50% Red, 50% to < 80% Yellow, >= 80% Green', () => {
    boundaries('redis_hll_counters.manage.unique_active_users_monthly', [[49, R], [50, Y], [51, Y], [79, Y], [80, G], [81, G]], (h) => h.userEngagement);
  });

  it('SCM Git operation utilization: <= 10% Red, > 10% to <= 33% Yellow, > 33% Green', () => {
    boundaries('usage_activity_by_stage_monthly.create.action_monthly_active_users_project_repo', [[9, R], [10, R], [11, Y], [32, Y], [33, Y], [34, G]], (h) => h.scm);
  });

  it('CI builds per billable user: <= 2 Red, > 2 to <= 40 Yellow, > 40 Green', () => {
    boundaries('counts.count_total_create_ci_build_monthly', [[199, R], [200, R], [201, Y], [3999, Y], [4000, Y], [4001, G]], (h) => h.ci);
    assert.equal(health({ 'counts.count_total_create_ci_build_monthly': 4001 }).ci.measures.ciBuildsPerUser!.value, 40.01);
  });

  it('Security scanner utilization: <= 5% Red, > 5% to < 20% Yellow, >= 20% Green', () => {
    const key = 'usage_activity_by_stage_monthly.secure.user_unique_users_all_secure_scanners';
    boundaries(key, [[4, R], [5, R], [6, Y], [19, Y], [20, G], [21, G]], (h) => h.security.measures.scannerUtilization!);
  });

  it('Security scans per pipeline: < 0.1 Red, 0.1 to 0.5 Yellow, > 0.5 Green (1,000 pipelines)', () => {
    const only = { 'usage_activity_by_stage_monthly.secure.secret_detection_scans': 0, 'usage_activity_by_stage_monthly.secure.dependency_scanning_scans': 0 };
    boundaries('usage_activity_by_stage_monthly.secure.sast_scans', [[99, R], [100, Y], [101, Y], [499, Y], [500, Y], [501, G]], (h) => h.security.measures.scansPerPipeline!, only);
  });

  it('Security scanners in use: <= 1 Red, 2 Yellow, >= 3 Green', () => {
    const scans = (n: number) => Object.fromEntries(['sast', 'secret_detection', 'dependency_scanning', 'container_scanning'].map((s, i) => [`usage_activity_by_stage_monthly.secure.${s}_scans`, i < n ? 10 : 0]));
    const inUse = (n: number) => health(scans(n)).security.measures.scannersInUse!;
    assert.deepEqual([0, 1, 2, 3, 4].map((n) => inUse(n).color), [R, R, Y, G, G]);
    assert.equal(inUse(3).value, 3);
  });

  it('CD user deployments utilization: < 5% Red, 5% to 12% Yellow, > 12% Green', () => {
    boundaries('usage_activity_by_stage_monthly.release.deployments', [[4, R], [5, Y], [6, Y], [11, Y], [12, Y], [13, G]], (h) => h.cd.measures.userDeploymentsUtilization!);
  });

  it('CD deployments per user: < 2 Red, 2 to 7 Yellow, > 7 Green', () => {
    boundaries('counts_monthly.deployments', [[199, R], [200, Y], [201, Y], [699, Y], [700, Y], [701, G]], (h) => h.cd.measures.deploymentsPerUser!);
  });

  it('CD successful deployments: < 25% Red, 25% to 80% Yellow, > 80% Green', () => {
    for (const [ok, expected] of [[24, R], [25, Y], [26, Y], [79, Y], [80, Y], [81, G]] as const) {
      const h = health({ 'counts_monthly.successful_deployments': ok, 'counts_monthly.failed_deployments': 100 - ok });
      assert.equal(h.cd.measures.successfulDeployments!.color, expected, `${ok}%`);
    }
    assert.match(health({ 'counts_monthly.successful_deployments': 0, 'counts_monthly.failed_deployments': 0 }).cd.measures.successfulDeployments!.unavailable!, /no deployments/);
  });
});

describe('use-case health: scores and averages', () => {
  it('Red 25, Yellow 63, Green 88; a use case is the average of its measures', () => {
    // The base payload: CD is 15% users deploying (Green), 8 per user (Green), 90% successful (Green).
    const cd = health({}).cd;
    assert.equal(cd.score, 88);
    assert.equal(cd.color, G);
    // Two Green and one Yellow is Green (79.67); one Green and two Yellow is Yellow (71.33).
    const two = health({ 'counts_monthly.deployments': 500 }).cd;
    assert.deepEqual([two.score, two.color], [79.67, G]);
    const one = health({ 'counts_monthly.deployments': 500, 'usage_activity_by_stage_monthly.release.deployments': 10 }).cd;
    assert.deepEqual([one.score, one.color], [71.33, Y]);
  });

  it('colour of an average: <= 50 Red, > 50 to <= 75 Yellow, > 75 Green', () => {
    assert.deepEqual([49.99, 50, 50.01, 74.99, 75, 75.01].map(colorOfScore), [R, R, Y, Y, Y, G]);
  });

  it('a missing measure is unscored, not Red: its weight goes to the others', () => {
    const cd = health({ 'counts_monthly.failed_deployments': -1 }).cd;
    assert.equal(cd.measures.successfulDeployments!.score, null);
    assert.match(cd.measures.successfulDeployments!.unavailable!, /counts_monthly\.failed_deployments: timed out \(-1\)/);
    assert.equal(cd.score, 88, 'the two Green measures alone');
  });

  it('error values in the denominator leave every per-user measure unscored', () => {
    const h = health({ license_billable_users: -2 });
    for (const u of [h.userEngagement, h.scm, h.ci]) {
      assert.equal(u.color, null);
      assert.equal(u.score, null);
    }
    assert.match(h.scm.measures.gitOperationUtilization!.unavailable!, /license_billable_users: counter error \(-2\)/);
    assert.equal(h.cd.color, G, 'successful deployments % needs no user count');
  });

  it('CE: no license facts and no Security; what can be scored still is', () => {
    const h = health({}, ceBase(), '2025-01');
    assert.equal(h.licenseUtilization.color, null);
    assert.match(h.licenseUtilization.measures.licenseUtilization!.unavailable!, /EE-only, not sent by a CE instance/);
    assert.equal(h.ci.color, null);
    assert.equal(h.security.color, null);
    assert.match(h.security.measures.scannerUtilization!.unavailable!, /Ultimate only \(this instance: CE\)/);
    assert.equal(h.cd.color, G);
    assert.deepEqual(Object.keys(h.cd.measures), ['userDeploymentsUtilization', 'deploymentsPerUser', 'successfulDeployments']);
  });

  it('Security is scored for Ultimate only', () => {
    assert.equal(health({ license_plan: 'premium', edition: 'EEP' }).security.color, null);
    assert.notEqual(health({}).security.color, null);
  });
});

describe('license utilization by account age (dbt table)', () => {
  it('account age is calendar months from customer since', () => {
    assert.equal(monthsBetween('2026-01', '2026-03-01'), 2);
    assert.equal(monthsBetween('2025-12', '2026-03-31'), 3);
    assert.equal(monthsBetween('2026-04', '2026-03-01'), -1);
    assert.ok(Number.isNaN(monthsBetween('soon', '2026-03-01')));
  });

  it('under 3 months: not judged yet', () => {
    for (const p of [5, 50, 100]) assert.equal(licenseUtilizationColor(p, 2), null);
    assert.equal(licenseUtilizationColor(100, -1), null);
    assert.equal(licenseUtilizationColor(100, NaN), null);
  });

  it('3 to 6 months: <= 10% Red, > 10% to 50% Yellow, > 50% Green', () => {
    for (const age of [3, 6]) assert.deepEqual([9, 10, 11, 49, 50, 51].map((p) => licenseUtilizationColor(p, age)), [R, R, Y, Y, Y, G], `age ${age}`);
  });

  it('7 to 9 months: <= 50% Red, > 50% to 75% Yellow, > 75% Green', () => {
    for (const age of [7, 9]) assert.deepEqual([49, 50, 51, 74, 75, 76].map((p) => licenseUtilizationColor(p, age)), [R, R, Y, Y, Y, G], `age ${age}`);
  });

  it('10 months and more: <= 75% Red, > 75% Green', () => {
    for (const age of [10, 48]) assert.deepEqual([74, 75, 76].map((p) => licenseUtilizationColor(p, age)), [R, R, G], `age ${age}`);
  });

  it('from a payload: billable / licensed users, judged by the customer-since month', () => {
    // 100 billable of 120 licensed = 83.33%: Green at every judged age.
    const since = (s: string) => health({}, EE_BASE, s).licenseUtilization;
    assert.equal(since('2026-01').color, null, '2 months');
    assert.match(since('2026-01').measures.licenseUtilization!.unavailable!, /2 months old; scored from 3 months/);
    assert.equal(since('2026-01').measures.licenseUtilization!.value, 83.33);
    assert.equal(since('2025-12').color, G);
    // 60 of 100 = 60%: Green at 6 months, Yellow at 7, Red at 10.
    const at = (s: string) => health({ license_billable_users: 60, license_user_count: 100 }, EE_BASE, s).licenseUtilization.color;
    assert.deepEqual([at('2025-09'), at('2025-08'), at('2025-05')], [G, Y, R]);
    assert.match(health({}).licenseUtilization.measures.licenseUtilization!.unavailable!, /customer since/);
    assert.match(health({}, EE_BASE, '2026-05').licenseUtilization.measures.licenseUtilization!.unavailable!, /before customer since/);
  });

  it('bands for "fell a band": 10%, 50%, 75%', () => {
    assert.deepEqual([10, 10.01, 50, 50.01, 75, 75.01].map(utilizationBand), [0, 1, 1, 2, 2, 3]);
  });
});
