// Stage criteria met by usage data (positive values, growth over 3 monthly snapshots), importing
// batches of payloads into a usage folder, drops between snapshots, and the CLI's report shape.
import { strict as assert } from 'node:assert';
import { usageDrops, usageSummary } from '../../../../src/core/usage/drops';
import { planImport, type IncomingPayload, type StoredSnapshot } from '../../../../src/core/usage/importPlan';
import { parsePayload, snapshotJson, type UsageSnapshot } from '../../../../src/core/usage/payload';
import { usageKeys, usageReport } from '../../../../src/core/usage/report';
import { criterionFromData, formatNumber, stagesFromData } from '../../../../src/core/usage/stages';
import { builtInBanks } from '../../questions/builtInBanks';
import { ceBase, EE_BASE, monthDate, payload, type Flat } from './usagePayloads';

const now = new Date('2026-12-03T12:00:00Z');
const banks = builtInBanks();
const keys = usageKeys(banks);

function snap(changes: Flat = {}, base: Flat = EE_BASE): UsageSnapshot {
  const r = parsePayload(payload(base, changes), { keys, now });
  if (!r.ok) assert.fail(r.problem);
  return r.snapshot;
}
/** Monthly snapshots from January 2026 with these values of `key`. */
const series = (key: string, values: number[], start = 0) => values.map((v, i) => snap({ recorded_at: monthDate(start + i), [key]: v }));
const criterion = (id: string) => banks.flatMap((b) => b.adoption?.criteria ?? []).find((c) => c.id === id)!;

describe('stage criteria from usage data', () => {
  it('the built-in banks name real key paths, growth where the seed says "continuous growth over 3 months"', () => {
    assert.deepEqual(criterion('verify-ci-builds').metrics, ['counts.ci_builds']);
    assert.deepEqual(criterion('verify-ci-growth').metrics, ['counts.ci_internal_pipelines']);
    assert.deepEqual(criterion('release-cicd-deploy').metrics, ['counts.deployments', 'counts.environments']);
    for (const id of ['verify-ci-growth', 'create-projects-growth', 'create-pushes-growth', 'secure-security-testing-growth']) assert.equal(criterion(id).growth, true, id);
    assert.equal(criterion('create-merge-requests').growth, undefined);
  });

  it('a positive metric meets its criterion; zero does not; true/false settings count as 1/0', () => {
    assert.deepEqual(criterionFromData(criterion('verify-ci-builds'), [snap()]), { met: true, evidence: 'counts.ci_builds 12,345' });
    assert.deepEqual(criterionFromData(criterion('verify-ci-builds'), [snap({ 'counts.ci_builds': 0 })]), { met: false, evidence: 'counts.ci_builds 0' });
    assert.deepEqual(criterionFromData(criterion('verify-shared-runners'), [snap()]), { met: true, evidence: 'gitlab_shared_runners_enabled on' });
    assert.deepEqual(criterionFromData(criterion('verify-shared-runners'), [snap({ gitlab_shared_runners_enabled: false })]), { met: false, evidence: 'gitlab_shared_runners_enabled off' });
    assert.equal(criterionFromData(criterion('verify-teams-using-ci'), [snap()]), undefined, 'a criterion without key paths is not judged by data');
  });

  it('several keys add up: deployments and/or environments', () => {
    const d = criterionFromData(criterion('release-cicd-deploy'), [snap({ 'counts.deployments': 0, 'counts.environments': 3 })])!;
    assert.deepEqual(d, { met: true, evidence: 'counts.deployments 0, counts.environments 3' });
    const partial = criterionFromData(criterion('release-cicd-deploy'), [snap({ 'counts.deployments': -1, 'counts.environments': 0 })])!;
    assert.deepEqual(partial, { met: false, evidence: 'counts.deployments unavailable (timed out (-1)), counts.environments 0' });
  });

  it('error values and EE-only keys on CE are unknown (null), never "not met"', () => {
    assert.deepEqual(criterionFromData(criterion('verify-ci-builds'), [snap({ 'counts.ci_builds': -1000 })]), { met: null, evidence: 'counts.ci_builds unavailable (deprecated metric (-1000))' });
    const ce = criterionFromData(criterion('secure-sast-jobs'), [snap({}, ceBase())])!;
    assert.deepEqual(ce, { met: null, evidence: 'counts.sast_jobs unavailable (EE-only, not sent by a CE instance)' });
    assert.deepEqual(criterionFromData(criterion('verify-ci-builds'), []), { met: null, evidence: 'no usage data imported' });
  });

  it('growth over 3 months needs three monthly snapshots, each higher than the one before', () => {
    const growth = criterion('verify-ci-growth');
    const key = 'counts.ci_internal_pipelines';
    const one = criterionFromData(growth, series(key, [100]))!;
    assert.deepEqual(one, { met: null, evidence: 'counts.ci_internal_pipelines 100; growth over 3 months needs 3 monthly snapshots (1 imported)' });
    assert.equal(criterionFromData(growth, series(key, [100, 200]))!.met, null);
    assert.deepEqual(criterionFromData(growth, series(key, [100, 200, 300]))!, { met: true, evidence: 'counts.ci_internal_pipelines 300, up 3 months running (100 → 200 → 300)' });
    assert.deepEqual(criterionFromData(growth, series(key, [100, 200, 200]))!, { met: false, evidence: 'counts.ci_internal_pipelines 200; not up every month (100 → 200 → 200)' });
    assert.equal(criterionFromData(growth, series(key, [300, 200, 100]))!.met, false);
    // Four snapshots: only the last three count; a fall before them does not matter.
    assert.equal(criterionFromData(growth, series(key, [500, 100, 200, 300]))!.met, true);
    assert.match(criterionFromData(growth, series(key, [50, 100, 200, 300]))!.evidence, /up 4 months running/);
    assert.equal(criterionFromData(growth, series(key, [100, 200, 300, 250]))!.met, false);
  });

  it('growth needs months in a row, and every value available', () => {
    const growth = criterion('verify-ci-growth');
    const key = 'counts.ci_internal_pipelines';
    const gap = [...series(key, [100, 200]), ...series(key, [300], 3)];
    assert.deepEqual(criterionFromData(growth, gap), { met: null, evidence: 'counts.ci_internal_pipelines 300; growth over 3 months needs snapshots of 3 months in a row (have 2026-01, 2026-02, 2026-04)' });
    const broken = series(key, [100, -1, 300]);
    assert.deepEqual(criterionFromData(growth, broken), { met: null, evidence: 'counts.ci_internal_pipelines 300; last 3 months 100 → unavailable → 300' });
  });

  it('a positive criterion says when it has been rising: "up 3 months running"', () => {
    const s = series('counts.ci_builds', [10_000, 11_000, 12_345]);
    assert.deepEqual(criterionFromData(criterion('verify-ci-builds'), s), { met: true, evidence: 'counts.ci_builds 12,345, up 3 months running' });
    assert.match(criterionFromData(criterion('verify-ci-builds'), s.slice(1))!.evidence, /12,345, up since last month$/);
  });

  it('every stage bank with key paths appears in stagesFromData', () => {
    const stages = stagesFromData(banks, [snap()]);
    assert.deepEqual(Object.keys(stages).sort(), ['create', 'govern', 'manage', 'monitor', 'package', 'release', 'secure', 'verify']);
    assert.deepEqual(stages.verify!.criteria['verify-ci-builds'], { met: true, evidence: 'counts.ci_builds 12,345' });
    assert.equal(stages.monitor!.criteria['monitor-gitlab-server']!.met, false);
  });

  it('formats numbers without a locale', () => {
    assert.deepEqual([0, 999, 1000, 1234567, 2.5, 40.005].map(formatNumber), ['0', '999', '1,000', '1,234,567', '2.5', '40.01']);
  });
});

describe('importing payloads into a usage folder', () => {
  const stored = (s: UsageSnapshot): StoredSnapshot => ({ file: `${s.date}.json`, snapshot: s, text: snapshotJson(s) });
  const incoming = (s: UsageSnapshot, source = `${s.date}.payload.json`): IncomingPayload => ({ source, snapshot: s });
  const jan = snap({ recorded_at: monthDate(0) });
  const feb = snap({ recorded_at: monthDate(1) });
  const mar = snap({ recorded_at: monthDate(2) });

  it('writes one snapshot per new month, oldest first whatever the order given', () => {
    const plan = planImport([], [incoming(mar), incoming(jan), incoming(feb)]);
    assert.ok(plan.ok);
    assert.deepEqual(plan.writes.map((w) => w.file), ['2026-01-01.json', '2026-02-01.json', '2026-03-01.json']);
    assert.ok(plan.writes.every((w) => w.created));
  });

  it('the same payload twice leaves one snapshot', () => {
    const plan = planImport([stored(jan)], [incoming(jan)]);
    assert.ok(plan.ok);
    assert.deepEqual(plan.writes, []);
    assert.equal(plan.unchanged.length, 1);
    const twiceInOneGo = planImport([], [incoming(feb, 'a.json'), incoming(snap({ recorded_at: monthDate(1) }), 'b.json')]);
    assert.ok(twiceInOneGo.ok);
    assert.equal(twiceInOneGo.writes.length, 1);
  });

  it('the same payload trimmed differently (banks now use other keys) is rewritten in place', () => {
    const old = { ...stored(jan), text: '{"recorded_at":"2026-01-01T10:00:00.000Z","counts":{}}\n' };
    const plan = planImport([old], [incoming(jan)]);
    assert.ok(plan.ok);
    assert.deepEqual(plan.writes.map((w) => [w.file, w.created]), [['2026-01-01.json', false]]);
  });

  it('refuses two payloads for the same month, naming both', () => {
    const mid = snap({ recorded_at: '2026-02-15T10:00:00Z' });
    const plan = planImport([], [incoming(feb, 'feb-1.json'), incoming(mid, 'feb-15.json')]);
    assert.equal(plan.ok, false);
    assert.match((plan as { problems: string[] }).problems[0]!, /feb-15\.json and feb-1\.json are both for 2026-02.*keep one payload per month/);
    const vsStored = planImport([stored(feb)], [incoming(mid, 'feb-15.json')]);
    assert.match((vsStored as { problems: string[] }).problems[0]!, /feb-15\.json is for 2026-02, which already has a snapshot \(2026-02-01\.json/);
    // The same, as facts, for the extension to word in the display language (host/usage/payloadWords.ts).
    assert.deepEqual((plan as { issues: unknown[] }).issues, [{ code: 'same-month', source: 'feb-15.json', twin: 'feb-1.json', month: '2026-02', twinDate: '2026-02-01', date: '2026-02-15' }]);
    assert.deepEqual((vsStored as { issues: unknown[] }).issues, [{ code: 'month-taken', source: 'feb-15.json', month: '2026-02', file: '2026-02-01.json', recordedAt: '2026-02-01T10:00:00.000Z' }]);
  });

  it('refuses a payload older than the newest snapshot, and writes nothing of the batch', () => {
    const plan = planImport([stored(mar)], [incoming(jan, 'old.json'), incoming(snap({ recorded_at: monthDate(3) }), 'apr.json')]);
    assert.equal(plan.ok, false);
    assert.deepEqual((plan as { problems: string[] }).problems, ['old.json was recorded on 2026-01-01, before the newest snapshot (2026-03-01.json); usage data is imported month by month, oldest first.']);
    assert.deepEqual((plan as { issues: unknown[] }).issues, [{ code: 'older', source: 'old.json', date: '2026-01-01', newest: '2026-03-01.json' }]);
  });
});

describe('usage drops and the report', () => {
  const month = (i: number, changes: Flat = {}) => snap({ recorded_at: monthDate(i), ...changes });

  it('"CI went Green → Yellow since the last call", with the next step', () => {
    const before = month(0);
    const after = month(1, { 'counts.count_total_create_ci_build_monthly': 1000 });
    const drops = usageDrops([before, after], { lastCallDate: '2026-01-15' });
    assert.equal(drops.length, 1);
    assert.equal(drops[0]!.label, 'CI went Green → Yellow since the last call');
    assert.match(drops[0]!.nextStep, /enablement.*right person/);
    assert.equal(usageDrops([before, after])[0]!.label, 'CI went Green → Yellow since 2026-01-01');
    // What the label is made of, for the extension to word in the display language (host/usageWords.ts).
    assert.deepEqual(drops[0]!.facts, { useCase: 'ci', since: null, kind: 'health', fromColor: 'green', toColor: 'yellow' });
    assert.deepEqual(usageDrops([before, after])[0]!.facts, { useCase: 'ci', since: '2026-01-01', kind: 'health', fromColor: 'green', toColor: 'yellow' });
    assert.deepEqual(usageDrops([after, month(2)]), [], 'a rise is no drop');
    assert.deepEqual(usageDrops([before]), []);
  });

  it('compares with the snapshot in force at the last call, not just the one before', () => {
    const s = [month(0), month(1, { 'counts.count_total_create_ci_build_monthly': 100 }), month(2, { 'counts.count_total_create_ci_build_monthly': 100 })];
    assert.equal(usageDrops(s, { lastCallDate: '2026-01-20' })[0]!.label, 'CI went Green → Red since the last call');
    assert.deepEqual(usageDrops(s), [], 'Red to Red between the last two');
  });

  it('license utilization falling a band', () => {
    const drops = usageDrops([month(0), month(1, { license_billable_users: 70 })], { customerSince: '2025-01' });
    assert.equal(drops[0]!.useCase, 'licenseUtilization');
    assert.equal(drops[0]!.label, 'License utilization fell from over 75% to over 50% to 75% (83.33% → 58.33%) since 2026-01-01');
    assert.deepEqual(drops[0]!.facts, { useCase: 'licenseUtilization', since: '2026-01-01', kind: 'license', was: 83.33, now: 58.33, wasBand: 3, nowBand: 2 });
  });

  it('the report: health from the latest snapshot, stages from all, in the CLI shape', () => {
    const report = usageReport([month(1), month(0)], banks, { customerSince: '2025-01' })!;
    assert.equal(report.recordedAt, '2026-02-01T10:00:00.000Z');
    assert.deepEqual(Object.keys(report.health), ['licenseUtilization', 'userEngagement', 'scm', 'ci', 'security', 'cd']);
    for (const h of Object.values(report.health)) assert.deepEqual(Object.keys(h), ['color', 'score', 'measures']);
    assert.equal(report.health.ci.color, 'green');
    assert.deepEqual(report.stages.verify!.criteria['verify-ci-builds'], { met: true, evidence: 'counts.ci_builds 12,345' });
    assert.equal(usageReport([], banks), undefined);
  });
});

describe('usage summary for the portfolio', () => {
  it('the worst colour of the latest snapshot, the drops as alerts, and the date', () => {
    const jan = snap({ recorded_at: monthDate(0) });
    const feb = snap({ recorded_at: monthDate(1), 'counts.count_total_create_ci_build_monthly': 1000 });
    assert.deepEqual(usageSummary([jan, feb], { lastCallDate: '2026-01-10', customerSince: '2025-01' }), {
      worst: 'yellow',
      alerts: ['CI went Green → Yellow since the last call'],
      drops: [{ useCase: 'ci', since: null, kind: 'health', fromColor: 'green', toColor: 'yellow' }],
      recordedAt: '2026-02-01',
    });
    assert.equal(usageSummary([]), undefined);
    assert.equal(usageSummary([snap({ edition: 'CE', license_plan: undefined, license_billable_users: undefined, 'counts_monthly.successful_deployments': -1 })])!.worst, null);
  });
});

describe('teams remap a criterion\'s key paths in an overrides file', () => {
  const { buildCatalog } = require('../../../../src/core/bank/catalog') as typeof import('../../../../src/core/bank/catalog');
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const dir = path.resolve(__dirname, '../../../../../questions');
  const builtIn = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const team = (text: string) => buildCatalog([...builtIn, { file: 'team/usage.yaml', text }]);

  it('replaces or adds key paths, and sets growth, on the built-in criterion', () => {
    const c = team(`id: acme-usage
kind: overrides
criteria:
  - criterion: verify-ci-builds
    metrics: [counts_monthly.ci_builds]
    growth: true
  - criterion: release-cicd-deploy
    addMetrics: [counts.feature_flags]
`);
    assert.deepEqual(c.problems.filter((p) => p.severity === 'error'), []);
    const criteria = c.banks.flatMap((b) => b.adoption?.criteria ?? []);
    const ci = criteria.find((x) => x.id === 'verify-ci-builds')!;
    assert.deepEqual([ci.metrics, ci.growth], [['counts_monthly.ci_builds'], true]);
    assert.deepEqual(criteria.find((x) => x.id === 'release-cicd-deploy')!.metrics, ['counts.deployments', 'counts.environments', 'counts.feature_flags']);
    // The snapshot now keeps the team's key, and the criterion reads it.
    assert.ok(usageKeys(c.banks).includes('counts_monthly.ci_builds'));
  });

  it('an unknown criterion or a malformed key path is a problem at that entry; the rest still load', () => {
    const c = team(`id: acme-usage
kind: overrides
criteria:
  - criterion: verify-no-such-thing
    metrics: [counts.ci_builds]
`);
    const problem = c.problems.find((p) => p.file === 'team/usage.yaml')!;
    assert.match(problem.message, /no stage bank has the adoption criterion "verify-no-such-thing"/);
    assert.deepEqual([problem.path, problem.start.line], ['criteria.0.criterion', 4]);
    const bad = team(`id: acme-usage
kind: overrides
criteria:
  - criterion: verify-ci-builds
    metrics: ["counts..ci builds"]
`);
    assert.match(bad.problems.find((p) => p.file === 'team/usage.yaml')!.message, /Service Ping key paths such as counts\.merge_requests/);
    assert.ok(bad.banks.some((b) => b.id === 'stage-verify'));
  });
});

describe('customer since, in the success plan front matter', () => {
  const { readCustomerSince, withCustomerSince, monthProblem } = require('../../../../src/core/usage/customerSince') as typeof import('../../../../src/core/usage/customerSince');
  it('is added, replaced in place, and read back; everything else stays', () => {
    assert.equal(withCustomerSince(undefined, '2025-06'), '---\ncustomerSince: 2025-06\n---\n');
    const plan = '---\ntype: success-plan\ncustomer: Acme\n# mine\n---\n\n# Acme\n';
    const added = withCustomerSince(plan, '2025-06')!;
    assert.equal(added, '---\ntype: success-plan\ncustomer: Acme\n# mine\ncustomerSince: 2025-06\n---\n\n# Acme\n');
    assert.equal(readCustomerSince(added), '2025-06');
    assert.equal(withCustomerSince(added, '2024-01'), added.replace('2025-06', '2024-01'));
    assert.equal(withCustomerSince('# Plan\r\n', '2025-06'), '---\r\ncustomerSince: 2025-06\r\n---\r\n# Plan\r\n');
    assert.equal(withCustomerSince('---\nfoo: [\n---\n', '2025-06'), undefined, 'broken YAML is left alone');
    assert.equal(readCustomerSince('---\ncustomerSince: soon\n---\n'), undefined);
  });
  it('checks a typed month', () => {
    assert.equal(monthProblem('2025-06', '2026-12-03'), undefined);
    assert.match(monthProblem('2025-6', '2026-12-03')!, /YYYY-MM/);
    assert.match(monthProblem('2027-01', '2026-12-03')!, /future/);
  });
});
