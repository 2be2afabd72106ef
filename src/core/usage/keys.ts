// The Service Ping key paths Call Coach reads, and which of them only an EE instance sends.
// A payload is the deep merge of every metric definition's `key_path` -> value, so a key path is
// its JSON path (see ../shared/notes/usage-data-service-ping.md for each one's definition file and
// time frame). Stage criteria name their own key paths in the banks (`metrics:`); the keys here are
// the ones GitLab's use-case health scoring needs.

/** The only identity fields a snapshot keeps: when, which GitLab version, which edition. */
export const RECORDED_AT = 'recorded_at';
export const VERSION = 'version';
export const EDITION = 'edition';
/** "ultimate", "premium"…: Security health is scored for Ultimate only. */
export const LICENSE_PLAN = 'license_plan';

/** License facts (EE; ee/config/metrics/license). */
export const LICENSED_USERS = 'license_user_count';
/** Active users minus bots and guests (14.0+): the denominator of every per-user measure. */
export const BILLABLE_USERS = 'license_billable_users';

/** Users with activity in the last 28 days (15.2+): User Engagement's numerator. */
export const ACTIVE_USERS_28D = 'redis_hll_counters.manage.unique_active_users_monthly';
/** Distinct users doing any Git operation, 28 days: SCM's numerator. */
export const GIT_USERS_28D = 'usage_activity_by_stage_monthly.create.action_monthly_active_users_project_repo';
/** CI builds created in 28 days (16.9+): CI's numerator. */
export const CI_BUILDS_28D = 'counts.count_total_create_ci_build_monthly';
/** Distinct users running any security scanner, 28 days (EE). */
export const SCANNER_USERS_28D = 'usage_activity_by_stage_monthly.secure.user_unique_users_all_secure_scanners';
/** Security scans run in 28 days, one key per scanner type (EE). */
export const SCANS_28D = ['sast', 'secret_detection', 'dependency_scanning', 'container_scanning', 'dast', 'coverage_fuzzing', 'api_fuzzing'].map(
  (s) => `usage_activity_by_stage_monthly.secure.${s}_scans`,
);
/** Pipelines in 28 days (15.10+): "scans per pipeline" denominator. */
export const PIPELINES_28D = 'counts_monthly.ci_internal_pipelines';
/** Distinct users deploying, 28 days. */
export const DEPLOY_USERS_28D = 'usage_activity_by_stage_monthly.release.deployments';
export const DEPLOYMENTS_28D = 'counts_monthly.deployments';
export const SUCCESSFUL_DEPLOYMENTS_28D = 'counts_monthly.successful_deployments';
export const FAILED_DEPLOYMENTS_28D = 'counts_monthly.failed_deployments';

/** Every numeric key the health scoring reads. */
export const HEALTH_KEYS: readonly string[] = [
  LICENSED_USERS,
  BILLABLE_USERS,
  ACTIVE_USERS_28D,
  GIT_USERS_28D,
  CI_BUILDS_28D,
  SCANNER_USERS_28D,
  ...SCANS_28D,
  PIPELINES_28D,
  DEPLOY_USERS_28D,
  DEPLOYMENTS_28D,
  SUCCESSFUL_DEPLOYMENTS_28D,
  FAILED_DEPLOYMENTS_28D,
];

/**
 * Keys whose definitions live under ee/config/metrics: a CE instance does not send them, so on CE
 * their absence means "not available on this edition", never zero.
 */
const EE_ONLY = new Set<string>([
  LICENSED_USERS,
  BILLABLE_USERS,
  SCANNER_USERS_28D,
  ...SCANS_28D,
  'counts.projects_with_repositories_enabled',
  'counts.sast_jobs',
  'counts.dast_jobs',
  'counts.dependency_scanning_jobs',
  'counts.license_management_jobs',
  'counts.secret_detection_jobs',
  'counts.container_scanning_jobs',
  'counts.epics',
  'usage_activity_by_stage_monthly.manage.projects_with_compliance_framework',
  'compliance_unique_visits.g_compliance_audit_events',
]);

export function isEeOnly(path: string): boolean {
  return EE_ONLY.has(path) || path.startsWith('usage_activity_by_stage_monthly.secure.') || path.startsWith('license_');
}

/**
 * Never kept in a snapshot, even when a team's bank names it: these identify the instance, its
 * licensee or its license. (A snapshot keeps only numbers and booleans anyway; this list also
 * stops a count of, say, license ids from being read as a metric.)
 */
const IDENTIFYING_TOP = /^(?:uuid|hostname|licensee|license_md5|license_sha256|license_id|license_subscription_id)$/;
const IDENTIFYING_PART = /uuid|hostname|licensee|email|sha256|md5/;

export function isIdentifying(path: string): boolean {
  const parts = path.split('.');
  return IDENTIFYING_TOP.test(parts[0]!) || parts.some((p) => IDENTIFYING_PART.test(p));
}
