// The stage adoption rule against every real stage bank in questions/.
import { strict as assert } from 'node:assert';
import { stageIds, type Adoption } from '../../../../src/core/bank/schema';
import { adoptionStatus, checkAdoption } from '../../../../src/core/bank/adoption';
import { builtInBanks } from '../../questions/builtInBanks';

describe('stage adoption rule', () => {
  const banks = builtInBanks();
  const rule = (stage: string): Adoption => {
    const adoption = banks.find((b) => b.stage === stage)?.adoption;
    assert.ok(adoption, `no stage bank for ${stage}`);
    return adoption;
  };
  /** Every criterion of the stage (the most a customer can meet). */
  const all = (stage: string) => rule(stage).criteria.map((c) => c.id);

  it('covers every stage, each with a 25% threshold', () => {
    for (const stage of stageIds) assert.equal(rule(stage).thresholdPercent, 25, stage);
  });

  it('for every stage: all criteria and more than 25% is adopted; 25% exactly or less is a pilot; nothing is not started', () => {
    for (const stage of stageIds) {
      assert.equal(adoptionStatus(rule(stage), 26, all(stage)), 'adopted', stage);
      assert.equal(adoptionStatus(rule(stage), 100, all(stage)), 'adopted', stage);
      assert.equal(adoptionStatus(rule(stage), 25, all(stage)), 'pilot', `${stage}: "above 25%" is strict`);
      assert.equal(adoptionStatus(rule(stage), 10, []), 'pilot', stage);
      assert.equal(adoptionStatus(rule(stage), 0, all(stage).slice(0, 1)), 'pilot', `${stage}: a criterion met is a pilot`);
      assert.equal(adoptionStatus(rule(stage), null, all(stage)), 'pilot', `${stage}: share not asked is never adopted`);
      assert.equal(adoptionStatus(rule(stage), 80, []), 'pilot', `${stage}: the share alone is not adoption`);
      assert.equal(adoptionStatus(rule(stage), 0, []), 'not-started', stage);
      assert.equal(adoptionStatus(rule(stage), null, []), 'not-started', stage);
      assert.equal(adoptionStatus(rule(stage), null, ['no-such-criterion']), 'not-started', `${stage}: unknown ids count for nothing`);
    }
  });

  it('Manage needs 2 of its features (both)', () => {
    const manage = rule('manage');
    assert.equal(adoptionStatus(manage, 40, ['manage-code-analytics-insights']), 'pilot');
    assert.equal(adoptionStatus(manage, 40, ['manage-value-stream-management']), 'pilot');
    assert.equal(adoptionStatus(manage, 40, ['manage-code-analytics-insights', 'manage-value-stream-management']), 'adopted');
    assert.equal(adoptionStatus(manage, 40, ['manage-code-analytics-insights', 'manage-code-analytics-insights']), 'pilot', 'duplicates count once');
    assert.deepEqual(checkAdoption(manage, 40, ['manage-value-stream-management']).unmet, ['Using 2 of the following (the handbook lists two, so both)']);
  });

  it('Verify needs shared runners and two CI-usage signals (>25% of teams, 75+% of pipelines)', () => {
    const verify = rule('verify');
    const runners = 'verify-shared-runners';
    const teams = 'verify-teams-using-ci';
    const pipelines = 'verify-pipelines-on-gitlab';
    assert.equal(adoptionStatus(verify, 40, [runners, teams, pipelines]), 'adopted');
    assert.equal(adoptionStatus(verify, 40, [runners, 'verify-ci-growth', 'verify-ci-builds']), 'adopted', 'the usage-data signals count too');
    assert.equal(adoptionStatus(verify, 40, [teams, pipelines]), 'pilot', 'no shared runners');
    assert.equal(adoptionStatus(verify, 40, [runners, teams]), 'pilot', 'one CI-usage signal');
    assert.equal(adoptionStatus(verify, 20, [runners, teams, pipelines]), 'pilot', 'criteria met but under 25%');
    const check = checkAdoption(verify, 20, [teams]);
    assert.deepEqual(check.unmet, [
      'more than 25% of teams or projects using the stage',
      'Instance-level shared Runner(s) made available',
      'Two CI-usage signals: >25% of teams and 75+% of pipelines when asked, or CI growth and CI builds in usage data',
    ]);
  });

  it('Release needs CI/CD deploys and 2 of Pages, Review Apps, Feature Flags, Release Orchestration', () => {
    const release = rule('release');
    const deploy = 'release-cicd-deploy';
    assert.equal(adoptionStatus(release, 50, [deploy, 'release-uses-pages', 'release-uses-feature-flags']), 'adopted');
    assert.equal(adoptionStatus(release, 50, [deploy, 'release-uses-pages']), 'pilot', 'one feature');
    assert.equal(adoptionStatus(release, 50, ['release-uses-pages', 'release-uses-review-apps', 'release-uses-feature-flags']), 'pilot', 'no CI/CD deploys');
  });

  it('Create needs repo hosting and code review, by their word or by merge requests', () => {
    const create = rule('create');
    assert.equal(adoptionStatus(create, 30, ['create-repo-and-review']), 'adopted');
    assert.equal(adoptionStatus(create, 30, ['create-merge-requests']), 'adopted');
    assert.equal(adoptionStatus(create, 30, ['create-projects-growth', 'create-pushes-growth']), 'pilot', 'growth alone is not code review');
  });

  it('stages without requirements need any one of their criteria (Govern, Monitor, Secure, Plan, Package, Configure)', () => {
    assert.equal(adoptionStatus(rule('govern'), 30, ['govern-audit-events']), 'adopted');
    assert.equal(adoptionStatus(rule('monitor'), 30, ['monitor-project-deployments']), 'adopted');
    assert.equal(adoptionStatus(rule('secure'), 30, ['secure-dast-jobs']), 'adopted');
    assert.equal(adoptionStatus(rule('plan'), 60, ['plan-issues-epics']), 'adopted');
    assert.equal(adoptionStatus(rule('package'), 30, ['package-registries']), 'adopted');
    assert.equal(adoptionStatus(rule('configure'), 30, ['configure-autodevops-k8s-iac']), 'adopted');
    assert.deepEqual(checkAdoption(rule('package'), 30, []).unmet, ['Using one or more of our registries (Package Registry, Container Registry, Helm Registry).']);
    assert.match(checkAdoption(rule('govern'), 30, []).unmet[0] ?? '', /^at least 1 of: Using the Vulnerability List\.; /);
  });

  it('honours a bank with its own threshold', () => {
    const custom: Adoption = { thresholdPercent: 50, rule: 'Team rule', criteria: [{ id: 'a', text: 'A' }] };
    assert.equal(adoptionStatus(custom, 40, ['a']), 'pilot');
    assert.equal(adoptionStatus(custom, 51, ['a']), 'adopted');
  });
});
