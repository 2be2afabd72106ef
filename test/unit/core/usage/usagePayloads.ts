// Service Ping payloads for tests, written from the key table in
// ../shared/notes/usage-data-service-ping.md (no real customer payload is public). `payload()`
// builds the nested JSON GitLab sends from flat key paths, with the identifying fields a real
// payload carries, so tests can check they are dropped.

export type Flat = Record<string, unknown>;

/** An Ultimate EE instance with 100 billable users of 120 licensed; every health key present. */
export const EE_BASE: Flat = {
  recorded_at: '2026-03-01T10:00:00.000Z',
  uuid: '0b5a2f7e-7d6c-4a55-9d1a-6e2f3c4b5a69',
  hostname: 'gitlab.acme.example',
  version: '17.5.1-ee',
  installation_type: 'omnibus-gitlab',
  edition: 'EEU',
  licensee: { Name: 'Jane Admin', Email: 'jane@acme.example', Company: 'Acme Corp' },
  license_md5: 'c4ca4238a0b923820dcc509a6f75849b',
  license_sha256: '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b',
  license_id: 4242,
  license_subscription_id: '2c92a0fd7a1b',
  license_plan: 'ultimate',
  license_user_count: 120,
  license_billable_users: 100,
  active_user_count: 130,
  gitlab_shared_runners_enabled: true,
  prometheus_enabled: false,
  'counts.merge_requests': 5000,
  'counts.projects_with_repositories_enabled': 300,
  'counts.source_code_pushes': 90000,
  'counts.ci_internal_pipelines': 40000,
  'counts.ci_builds': 12345,
  'counts.sast_jobs': 10,
  'counts.dast_jobs': 0,
  'counts.dependency_scanning_jobs': 5,
  'counts.license_management_jobs': 0,
  'counts.secret_detection_jobs': 3,
  'counts.container_scanning_jobs': 0,
  'counts.deployments': 800,
  'counts.environments': 12,
  'counts.projects_with_packages': 4,
  'counts.count_total_create_ci_build_monthly': 4100,
  'counts_monthly.ci_internal_pipelines': 1000,
  'counts_monthly.deployments': 800,
  'counts_monthly.successful_deployments': 90,
  'counts_monthly.failed_deployments': 10,
  'redis_hll_counters.manage.unique_active_users_monthly': 85,
  'redis_hll_counters.analytics.g_analytics_valuestream_monthly': 7,
  'usage_activity_by_stage_monthly.create.action_monthly_active_users_project_repo': 40,
  'usage_activity_by_stage_monthly.secure.user_unique_users_all_secure_scanners': 25,
  'usage_activity_by_stage_monthly.secure.sast_scans': 300,
  'usage_activity_by_stage_monthly.secure.secret_detection_scans': 200,
  'usage_activity_by_stage_monthly.secure.dependency_scanning_scans': 100,
  'usage_activity_by_stage_monthly.secure.container_scanning_scans': 0,
  'usage_activity_by_stage_monthly.secure.dast_scans': 0,
  'usage_activity_by_stage_monthly.secure.coverage_fuzzing_scans': 0,
  'usage_activity_by_stage_monthly.secure.api_fuzzing_scans': 0,
  'usage_activity_by_stage_monthly.release.deployments': 15,
  'usage_activity_by_stage_monthly.manage.projects_with_compliance_framework': 2,
  'compliance_unique_visits.g_compliance_audit_events': 9,
  'settings.ldap_encrypted_secrets_enabled': false,
};

/** The same instance on CE: no license facts and no EE-only keys. */
export function ceBase(): Flat {
  const flat: Flat = { ...EE_BASE, edition: 'CE', version: '17.5.1' };
  for (const k of Object.keys(flat)) {
    if (/^license|^licensee$|secure\.|_jobs$|compliance|projects_with_repositories_enabled/.test(k)) delete flat[k];
  }
  return flat;
}

/** Nested JSON text from flat key paths. */
export function payload(flat: Flat, changes: Flat = {}): string {
  return JSON.stringify(nest({ ...flat, ...changes }));
}

export function nest(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}

/** recorded_at on the first of a month: month(0) = 2026-01-01. */
export function monthDate(offset: number): string {
  const d = new Date(Date.UTC(2026, offset, 1, 10));
  return d.toISOString();
}
