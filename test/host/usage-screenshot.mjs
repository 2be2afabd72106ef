#!/usr/bin/env node
// The Stage Adoption scorecard with usage data, in the real workbench (as screenshot.mjs drives it):
// three monthly usage snapshots for Acme Corp are put in the sample workspace, then, through the
// real sidebar, the "Stage adoption review" playbook is picked, "Acme Corp" typed and Enter pressed;
// Alt+L and a click jump to Verify, whose scorecard shows the data beside each criterion, pre-ticked.
//   node test/host/usage-screenshot.mjs [out.png] [--no-build]   (default media/screenshots/scorecard-usage.png)
// Run it under the integration lock: flock /work/integration.lock node test/host/usage-screenshot.mjs
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { buildExtension, copySampleWorkspace, findWebviewText, launchBrowser, linkExtension, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from './server.mjs';

const argv = process.argv.slice(2);
const out = resolve(argv.find((a) => !a.startsWith('--')) ?? join(REPO_ROOT, 'media', 'screenshots', 'scorecard-usage.png'));
const say = (m) => console.log(`[usage-screenshot] ${m}`);
const VIEWPORT = { width: 1280, height: 900 };

/** A trimmed snapshot as Import Usage Data stores it (nested like GitLab's payload). */
function snapshot(month, i) {
  return {
    recorded_at: `2026-${month}-01T10:00:00.000Z`,
    version: '17.5.1-ee',
    edition: 'EEU',
    license_plan: 'ultimate',
    license_user_count: 120,
    license_billable_users: 100,
    gitlab_shared_runners_enabled: true,
    counts: { ci_builds: 10_345 + 1000 * i, ci_internal_pipelines: 30_000 + 4000 * i, merge_requests: 5000 + 300 * i, deployments: 800, environments: 12, sast_jobs: 10, dast_jobs: 0, count_total_create_ci_build_monthly: 4100 - 1500 * (i === 2 ? 2 : 0) },
    counts_monthly: { ci_internal_pipelines: 1000, deployments: 800, successful_deployments: 90, failed_deployments: 10 },
    redis_hll_counters: { manage: { unique_active_users_monthly: 85 } },
    usage_activity_by_stage_monthly: { create: { action_monthly_active_users_project_repo: 40 }, release: { deployments: 15 }, secure: { user_unique_users_all_secure_scanners: 25, sast_scans: 300, secret_detection_scans: 200, dependency_scanning_scans: 100 } },
  };
}

async function main() {
  buildExtension(argv.includes('--no-build'));
  const paths = ensureHost({ quiet: true });
  const scratch = makeScratch();
  const workspace = copySampleWorkspace(scratch.root);
  const usage = join(workspace, 'success-plans', 'acme-corp', 'usage');
  mkdirSync(usage, { recursive: true });
  ['01', '02', '03'].forEach((m, i) => writeFileSync(join(usage, `2026-${m}-01.json`), `${JSON.stringify(snapshot(m, i), null, 2)}\n`));
  writeFileSync(join(workspace, 'success-plans', 'acme-corp', 'success-plan.md'), '---\ncustomerSince: 2025-06\n---\n');
  linkExtension(scratch, REPO_ROOT);
  const server = startServer({ paths, scratch });
  let browser;
  try {
    const { baseUrl } = await server.ready;
    ({ browser } = await launchBrowser({ chromium: paths.chromium, viewport: VIEWPORT }));
    const page = browser.contexts()[0].pages()[0];
    await page.goto(workbenchUrl({ baseUrl, folder: workspace }), { waitUntil: 'domcontentloaded' });
    await openActivity(page, 'Call Coach');
    let start;
    for (let t = 0; t < 240 && !start; t++) {
      start = await findWebviewText(page, { contains: 'Customer' });
      if (!start) await page.waitForTimeout(250);
    }
    if (!start) throw new Error('the start form never showed');
    const frame = start.frame;
    await frame.locator('#f-type').selectOption('stage-adoption-review');
    const customer = frame.locator('#f-customer');
    await customer.click();
    await customer.pressSequentially('Acme Corp', { delay: 20 });
    await customer.press('Enter');
    await frame.locator('#answer').waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Alt+l');
    const verify = frame.locator('.technique-nav ol button', { hasText: 'Verify' });
    await verify.first().waitFor({ state: 'visible', timeout: 10_000 });
    await verify.first().click();
    const evidence = frame.locator('.scorecard .usage-evidence');
    await evidence.first().waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('.scorecard').scrollIntoViewIfNeeded();
    say(`scorecard shows: ${(await frame.locator('.scorecard').innerText()).replace(/\s+/g, ' ').slice(0, 400)}`);
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
    await page.waitForTimeout(500);
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    const bar = await page.locator('.part.statusbar').boundingBox();
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: Math.ceil(sidebar.x + sidebar.width) + 4, height: bar ? Math.round(bar.y) : VIEWPORT.height } });
    say(`wrote ${out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  }
}

main().catch((err) => {
  console.error(`[usage-screenshot] ERROR: ${err?.stack ?? err}`);
  process.exit(1);
});
