// Proves the built-in banks cover the five handbook seed pages: every question a CSM would ask or
// check, every stage-adoption criterion and usage-ping key, and every value-driver metric.
//
// COVERAGE is the explicit table: [seed file, verbatim quote from the seed, id it lives under].
// An id is a prompt or follow-up id, a stage criterion id, or a value driver / metric id, and it
// must sit in a bank that cites that seed file. The quotes are checked against the page text (the
// pages are kept in test/fixtures/seeds, so this runs on any clone), and each page is scanned so
// that no question, criterion, metric key or value-driver metric is left out of the table.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allPrompts, buildCatalog } from '../../../src/core/bank/catalog';
import type { Bank } from '../../../src/core/bank/schema';

const repoRoot = path.resolve(__dirname, '../../../..');
const seedsDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');

const F0 = '000_9d0cc1cfdb46dde8.txt'; // Developer/Productivity Metrics
const F1 = '001_2eac508c9b668684.txt'; // Stage Adoption Metrics
const F2 = '002_d2ea79f3e6b21278.txt'; // Demystifying the Metrics Conversation
const F3 = '003_a76f8313b5c40a99.txt'; // Product Usage Reporting Vision
const F4 = '004_4fb3d8437f41789a.txt'; // Questions & Techniques for Success Plan Discovery

type Row = readonly [seed: string, quote: string, id: string];

const COVERAGE: readonly Row[] = [
  // ---- 004 Questions & Techniques ------------------------------------------------------------
  [F4, 'Tell me about...', 'ted-tell'],
  [F4, 'Explain for me...', 'ted-explain'],
  [F4, 'Describe for me...', 'ted-describe'],
  [F4, 'where can we go from here to maximize your success and value?', 'where-next-maximize-value'],
  [F4, 'you can start asking questions about their current situation', 'where-next-current-situation'],
  [F4, 'what challenges they are currently working on', 'where-next-current-challenges'],
  [F4, 'the focus of their manager or company', 'where-next-manager-focus'],
  [F4, 'you mentioned you had other initiatives you were working on outside of GitLab', 'where-next-other-initiatives'],
  [F4, 'Would you be open to sharing what those goals are?', 'where-next-other-initiatives'],
  [F4, 'can you tell me more about the problem and the outcome you’re looking for?', 'sync-refresh-understand-better'],
  [F4, 'Can we take a few minutes to go over those and make sure I’m aligned with your current objectives?', 'sync-refresh-review-objectives'],
  [F4, 'Over the last couple of conversations you mentioned [topic or focus from prior meeting(s)], can we talk some more about that?', 'sync-refresh-prior-topic'],
  [F4, 'I have some questions I need to ask so I can fill out some paperwork about what you’re focused on. You know how it goes!', 'commiseration-paperwork'],
  [F4, 'My manager is telling me I need to fill out some information about my customers', 'commiseration-manager-asks'],
  [F4, 'Take me through the workflow of an average developer.', 'day-in-the-life-workflow'],
  [F4, 'What tools are they using?', 'day-in-the-life-tools'],
  [F4, 'How long does it take for them to go from starting a feature to submitting the merge request?', 'day-in-the-life-feature-to-mr'],
  [F4, 'What are the bottlenecks you see in your current processes?', 'day-in-the-life-bottlenecks'],
  [F4, 'What areas of improvement are you most focused on in your SDLC?', 'day-in-the-life-improvement-areas'],
  [F4, 'Increase Operational Efficiencies', 'increase-operational-efficiencies'],
  [F4, 'Deliver Better Products Faster', 'deliver-better-products-faster'],
  [F4, 'Reduce Security & Compliance Risk', 'reduce-security-and-compliance-risk'],
  [F4, 'Are you measuring cycle time? Is this an important metric for you?', 'metrics-cycle-time'],
  [F4, 'If yes, how are you doing this today?', 'metrics-cycle-time-how'],
  [F4, 'If not, have you seen our project & group level Analytics > Value Stream?', 'metrics-cycle-time-value-stream'],
  [F4, 'There are [customizable stages]', 'metrics-cycle-time-value-stream'],
  [F4, 'Are you measuring deployment frequency? Is this an important metric for you?', 'metrics-deployment-frequency'],
  [F4, 'Analytics > Value Stream displaying Deployment Frequency (deploys per day) over the last 7/30/90 days', 'metrics-deployment-frequency-value-stream'],
  [F4, 'What metrics do you use for developer/team productivity?', 'metrics-developer-productivity'],
  [F4, 'we may or may not have built-in metrics for this', 'metrics-developer-productivity'],
  [F4, 'Have you been able to reduce the size of your toolchain through your implementation of GitLab?', 'metrics-toolchain'],
  [F4, 'If not, why not?', 'metrics-toolchain-why-not'],
  [F4, 'If yes, how much time and money has this saved for you?', 'metrics-toolchain-savings'],
  [F4, 'Are there any other metrics that you measure or that you want to measure?', 'metrics-other'],
  [F4, 'What’s important to you and how can GitLab help measure that?', 'metrics-whats-important'],
  [F4, 'how we measure stage adoption in our [Stage Adoption Metrics]', 'stage-adoption-current-stages'],
  // Stage Adoption section, Plan ... Govern
  [F4, 'What tools do you use to organize, plan and track project work?', 'plan-tools'],
  [F4, 'Describe your issue and epic workflow.', 'plan-issue-epic-workflow'],
  [F4, 'What percentage of your users/teams are using GitLab for this?', 'plan-percent-teams'],
  [F4, 'Do you have a separate QA department?', 'plan-qa-department'],
  [F4, 'Describe the workflow between the dev team and the QA team?', 'plan-dev-qa-workflow'],
  [F4, 'Are you using some tools to create and manage the QA test plans?', 'plan-qa-test-plan-tools'],
  [F4, 'Where do you manage your code base?', 'create-code-base'],
  [F4, 'What processes do you follow for code reviews?', 'create-code-review'],
  [F4, 'What types of Runners are you using today? (shared, group, specific)', 'verify-runner-types'],
  [F4, 'What tools are you using for continuous integration?', 'verify-ci-tools'],
  [F4, 'What percentage of projects/teams are using GitLab CI?', 'verify-percent-teams'],
  [F4, 'Are you using GitLab for CI?', 'package-gitlab-ci'],
  [F4, 'Do you currently containerize your apps?', 'package-containerize'],
  [F4, 'If yes, what container registry are you using?', 'package-container-registry'],
  [F4, 'What percentage of your projects are building containers?', 'package-percent-containers'],
  [F4, 'Which features are important to you in a container registry?', 'package-container-registry-features'],
  [F4, 'Do you have customized workflows or requirements?', 'package-container-workflows'],
  [F4, 'What is working / not working about your current container registry?', 'package-container-registry-fit'],
  [F4, 'Do you package any libraries? Are you planning to?', 'package-libraries'],
  [F4, 'What languages are you using?', 'package-languages'],
  [F4, 'Which features are important to you in a package registry?', 'package-registry-features'],
  [F4, 'What is working / not working about your current package registry?', 'package-registry-fit'],
  [F4, 'Do you want to provide public access to any of your containers or packages?', 'package-public-access'],
  [F4, 'What do you use to scan your application source code and binaries?', 'secure-source-scanning'],
  [F4, 'Do you analyze your running web application for known runtime vulnerabilities?', 'secure-runtime-scanning'],
  [F4, 'What do you use to check your Docker images for known vulnerabilities?', 'secure-image-scanning'],
  [F4, 'Do you look for known vulnerabilities in your external dependencies?', 'secure-dependency-scanning'],
  [F4, 'Are you using GitLab to deploy your applications?', 'release-deploy-with-gitlab'],
  [F4, 'Do you use GitLab Pages to create, manage and deploy static sites?', 'release-pages'],
  [F4, 'Are you making use of review apps to get a full production like environment in every merge request?', 'release-review-apps'],
  [F4, 'How do you currently manage your releases? (i.e. versioning, release notes, etc.)', 'release-manage-releases'],
  [F4, 'Are you using AutoDevOps to provide your users a pre-defined CI/CD configuration?', 'configure-autodevops'],
  [F4, 'Are you using Kubernetes for any of the following scenarios?', 'configure-kubernetes'],
  [F4, 'Deploying software from GitLab CI/CD pipelines to Kubernetes', 'configure-k8s-deploy'],
  [F4, 'Using Kubernetes to manage runners attached to your GitLab instance', 'configure-k8s-runners'],
  [F4, 'Running the GitLab application and services on a Kubernetes cluster', 'configure-k8s-gitlab'],
  [F4, 'How are you monitoring the stability and performance of your GitLab instance?', 'monitor-instance'],
  [F4, 'What do you use to monitor your deployed applications?', 'monitor-applications'],
  [F4, 'How do you manage your organizational security policies?', 'govern-security-policies-manage'],
  [F4, 'How do you manage your dependencies?', 'govern-dependencies'],
  [F4, 'How do you manage your vulnerabilities?', 'govern-vulnerabilities'],
  [F4, 'How do you audit for user activity?', 'govern-audit-user-activity'],
  [F4, 'How do you enforce compliance requirements?', 'govern-compliance'],
  // Priorities, leveling up, right person
  [F4, 'What are you most focused on for the next [3/6/12/24] months?', 'priorities-horizon'],
  [F4, 'what is driving those priorities', 'priorities-drivers'],
  [F4, 'how they are related to strategic objectives', 'priorities-strategic-link'],
  [F4, 'What are your most immediate goals to improve your DevOps processes?', 'priorities-immediate-goals'],
  [F4, 'What are your long-term objectives for your organization’s DevOps and SDLC?', 'priorities-long-term'],
  [F4, 'ask what your champion’s manager or department is focused on', 'higher-level-priorities-manager'],
  [F4, 'What are your department’s main objectives for the year?', 'higher-level-priorities-department'],
  [F4, 'What is the highest priority goal that your company has to improve the SDLC/DevOps process?', 'higher-level-priorities-company-goal'],
  [F4, 'What do you see as the biggest challenge to achieving that goal?', 'higher-level-priorities-biggest-challenge'],
  [F4, "What's the business problem you're trying to solve for?", 'leveling-up-business-problem'],
  [F4, "What's the use case you're addressing?", 'leveling-up-use-case'],
  [F4, 'Who is the user that needs this capability?', 'leveling-up-user'],
  [F4, 'You want to understand what type of user they are envisioning - developer, project manager, product owner, etc.', 'leveling-up-user'],
  [F4, 'What will success look like when this is implemented? How will you measure that?', 'leveling-up-success'],
  [F4, 'Can we take a step back and look at how this relates to the larger workflow?', 'leveling-up-step-back'],
  [F4, "This question helps you to guide the customer's technical thinking to the bigger picture", 'leveling-up-step-back'],
  [F4, 'Who do you think might be able to help us understand [stated objective]?', 'right-person-who-can-help'],
  [F4, 'Is there anyone else that we should include in this conversation?', 'right-person-include'],
  // Five Whys: the generic question and the CSM's lines of the HA example (the ladder rungs)
  [F4, 'would you please help me to better understand what your key focus is?', 'five-whys-focus'],
  [F4, 'what current challenges you are looking to solve for with HA?', 'five-whys-challenges'],
  [F4, 'What are your primary concerns related to uptime and scalability right now?', 'five-whys-concerns'],
  [F4, 'What impact is that performance decrease having to your business, and what improvement are you looking to achieve by implementing HA?', 'five-whys-impact'],
  [F4, "How does developer efficiency relate to your company's larger software development objectives?", 'five-whys-larger-objective'],
  [F4, 'help me better understand why that focus is important?', 'five-whys-why-important'],
  // DORA metrics meeting
  [F4, 'What do you measure today?', 'dora-metrics-measure-today'],
  [F4, 'What do you want to measure? Why?', 'dora-metrics-want-to-measure'],
  [F4, 'What additional info is interesting to understand the graphs (i.e., Deploy Freeze, release days, etc.)', 'dora-metrics-graph-context'],
  [F4, 'Who is interested in the data? In what granularity is it required?', 'dora-metrics-audience'],
  [F4, 'Are there additional tools involved? Which ones?', 'dora-metrics-other-tools'],
  [F4, 'Would API/export CSV from GitLab help display all data in one place?', 'dora-metrics-api-export'],
  [F4, "What other metrics you interested in? (i.e., developers' performance, the time between releases, etc.)", 'dora-metrics-other-metrics'],

  // ---- 001 Stage Adoption Metrics --------------------------------------------------------------
  [F1, 'We define stage adoption as >25% of the account using a stage', 'stage-adoption-current-stages'],
  [F1, 'Less than 25% (roughly) is presumed to be a pilot', 'stage-adoption-current-stages'],
  [F1, 'The approach described below is no longer in active use.', 'stage-adoption-current-stages'],
  // Manage
  [F1, 'Using [Code Analytics]', 'manage-code-analytics-insights'],
  [F1, 'Using [Value Stream Management]', 'manage-value-stream-management'],
  [F1, 'How do your admins monitor changes to user permission levels?', 'manage-permission-changes'],
  [F1, 'How do you keep track of which users have access to certain groups within GitLab?', 'manage-group-access'],
  [F1, 'How are you measuring developer cycle time?', 'manage-cycle-time'],
  [F1, 'How do you measure efficiencies within a group or project?', 'manage-group-efficiency'],
  // Plan
  [F1, 'Using Issue Tracking and/or Epics across 50% of teams.', 'plan-issues-epics'],
  [F1, 'What tools do you use to organize, plan and track project work?', 'plan-tools'],
  [F1, 'Describe your issue and epic workflow.', 'plan-issue-epic-workflow'],
  // Create
  [F1, "Using GitLab for git repo storage and code review (MR's).", 'create-repo-and-review'],
  [F1, 'Using Merge Requests as part of the development lifecycle. (counts.merge_requests)', 'create-merge-requests'],
  [F1, 'Increase in projects with repositories with continuous growth over 3 months (counts.projects_with_repositories_enabled)', 'create-projects-growth'],
  [F1, 'Increase in source control pushes/commits with continuous growth over 3 months (counts.source_code_pushes)', 'create-pushes-growth'],
  [F1, 'Where do you manage your code base?', 'create-code-base'],
  [F1, 'What processes do you follow for code reviews?', 'create-code-review'],
  // Verify
  [F1, 'Made instance level shared Runner(s) available.', 'verify-shared-runners'],
  [F1, 'Made instance level shared Runner(s) available. (gitlab_shared_runners_enabled)', 'verify-shared-runners'],
  [F1, 'More than 25% of teams or projects are using GitLab CI/CD.', 'verify-teams-using-ci'],
  [F1, 'When 75+% of pipelines are using GitLab CI/CD.', 'verify-pipelines-on-gitlab'],
  [F1, 'Using Continuous Integration (CI) with continuous growth over 3 months (ci_internal_pipelines)', 'verify-ci-growth'],
  [F1, 'Using CI Runners to build pipelines (counts.ci_builds)', 'verify-ci-builds'],
  [F1, 'What types of Runners are you using today? (shared, group, specific)', 'verify-runner-types'],
  [F1, 'What tools are you using for continuous integration?', 'verify-ci-tools'],
  // Package
  [F1, 'Using one or more of our registries (Package Registry, Container Registry, Helm Registry).', 'package-registries'],
  [F1, 'What tools do you use for package management?', 'package-management-tools'],
  [F1, 'What do you use to maintain Docker images?', 'package-docker-images'],
  [F1, 'Do you use the GitLab Container Registry to manage Helm Charts?', 'package-helm-charts'],
  // Secure (the page has "one of more" and "in you external"; quoted as written)
  [F1, 'Using one of more of our security testing tools (SAST, DAST, Container Scanning, Dependency Scanning) with continuous growth over 3 months', 'secure-security-testing-growth'],
  [F1, 'SAST jobs (counts.sast_jobs)', 'secure-sast-jobs'],
  [F1, 'DAST jobs (counts.dast_jobs)', 'secure-dast-jobs'],
  [F1, 'Dependency scanning jobs (counts.dependency_scanning_jobs)', 'secure-dependency-scanning-jobs'],
  [F1, 'License management jobs (counts.license_management_jobs)', 'secure-license-management-jobs'],
  [F1, 'Secret detection jobs (counts.secret_detection_jobs)', 'secure-secret-detection-jobs'],
  [F1, 'Container scanning jobs - counts.container_scanning_jobs', 'secure-container-scanning-jobs'],
  [F1, 'What do you use to scan your application source code and binaries?', 'secure-source-scanning'],
  [F1, 'Do you analyze your running web application for known runtime vulnerabilities?', 'secure-runtime-scanning'],
  [F1, 'What do you use to check your Docker images for known vulnerabilities?', 'secure-image-scanning'],
  [F1, 'Do you look for known vulnerabilities in you external dependencies?', 'secure-dependency-scanning'],
  // Release
  [F1, 'Using GitLab CI/CD to deploy their product (either the customer tells us this or we can see a high number of `deployments` and/or `environments` in the Usage Ping data).', 'release-cicd-deploy'],
  [F1, '[Pages]', 'release-uses-pages'],
  [F1, '[Review Apps]', 'release-uses-review-apps'],
  [F1, '[Feature Flags]', 'release-uses-feature-flags'],
  [F1, '[Release Orchestration]', 'release-uses-orchestration'],
  [F1, 'Are you using GitLab to deploy your applications?', 'release-deploy-with-gitlab'],
  [F1, 'Do you use GitLab Pages to create, manage and deploy static sites?', 'release-pages'],
  [F1, 'Are you making use of review apps to get a full production like environment in every merge request?', 'release-review-apps'],
  [F1, 'How do you currently manage your releases? (i.e. versioning, release notes, etc.)', 'release-manage-releases'],
  // Configure
  [F1, 'Using AutoDevOps, Kubernetes or Infrastructure As Code with 25% of teams or projects.', 'configure-autodevops-k8s-iac'],
  [F1, 'Are you using AutoDevOps to provide your users a pre-defined CI/CD configuration?', 'configure-autodevops'],
  [F1, 'Are you using Kubernetes for any of the following scenarios?', 'configure-kubernetes'],
  [F1, 'Deploying software from GitLab CI/CD pipelines to Kubernetes', 'configure-k8s-deploy'],
  [F1, 'Using Kubernetes to manage runners attached to your GitLab instance', 'configure-k8s-runners'],
  [F1, 'Running the GitLab application and services on a Kubernetes cluster', 'configure-k8s-gitlab'],
  // Monitor
  [F1, 'Using Prometheus & Grafana to monitor their GitLab server.', 'monitor-gitlab-server'],
  [F1, 'Or using Prometheus to monitor 25% of their project deployments.', 'monitor-project-deployments'],
  [F1, 'How are you monitoring the stability and performance of your GitLab instance?', 'monitor-instance'],
  [F1, 'What do you use to monitor your deployed applications?', 'monitor-applications'],
  // Govern (this page's questions differ from 004's Govern list; both sets are in the bank)
  [F1, '[Vulnerability List]', 'govern-vulnerability-list'],
  [F1, '[Dependency List]', 'govern-dependency-list'],
  [F1, '[Security Policies]', 'govern-security-policies'],
  [F1, 'at the instance level as part of managing GitLab.', 'govern-audit-events'],
  [F1, 'Using [Compliance Management]', 'govern-compliance-management'],
  [F1, 'How do you manage HTTP traffic to your deployed application?', 'govern-http-traffic'],
  [F1, 'What do you use to block malicious traffic before it reaches your application?', 'govern-block-malicious-traffic'],
  [F1, 'How are you managing your Container Image for known vulnerabilities?', 'govern-container-image-vulnerabilities'],
  [F1, 'How are protecting your Kubernetes deployment for security threats at host / network level?', 'govern-kubernetes-protection'],

  // ---- 000 Developer/Productivity Metrics ------------------------------------------------------
  [F0, 'What are those objectives?', 'metrics-objectives'],
  [F0, 'How do you measure them today (if at all)?', 'metrics-measured-today'],
  [F0, 'How can GitLab help you measure them?', 'metrics-whats-important'],
  [F0, 'What is the baseline you’re at now and where do you want to go?', 'metrics-baseline-target'],
  [F0, 'What is the baseline you’re at now and where do you want to go?', 'value-drivers-baseline'],
  [F0, 'We\'ve found that customers like you are interested in... cycle time/deployment frequency/toolchain consolidation', 'metrics-objectives'],
  [F0, 'Increase Operational Efficiencies', 'increase-operational-efficiencies'],
  [F0, 'Deliver Better Products Faster', 'deliver-better-products-faster'],
  [F0, 'Reduce Security & Compliance Risk', 'reduce-security-and-compliance-risk'],
  [F0, 'Are you measuring cycle time (aka “lead time”)? Is this an important metric for you?', 'metrics-cycle-time'],
  [F0, 'If yes, how?', 'metrics-cycle-time-how'],
  [F0, 'If not, have you seen our project & group level Analytics > Value Stream', 'metrics-cycle-time-value-stream'],
  [F0, 'There are [Customizable stages]', 'metrics-cycle-time-value-stream'],
  [F0, 'Are you measuring deployment frequency? Is this an important metric for you?', 'metrics-deployment-frequency'],
  [F0, 'which displays **Deployment Frequency** (deploys per day) over the last 7/30/90 days', 'metrics-deployment-frequency-value-stream'],
  [F0, 'What metrics do you use for developer/team productivity?', 'metrics-developer-productivity'],
  [F0, 'GitLab may or may not have built-in metrics for this', 'metrics-developer-productivity'],
  [F0, 'Have you been able to reduce/consolidate your DevOps toolchain through your implementation of GitLab?', 'metrics-toolchain'],
  [F0, 'If not, why not?', 'metrics-toolchain-why-not'],
  [F0, 'If yes, how much time and money has this saved for you?', 'metrics-toolchain-savings'],
  [F0, 'Are there any other metrics that you currently measure or that you want to measure in the future?', 'metrics-other'],
  [F0, 'What’s important to you and how can GitLab help measure that?', 'metrics-whats-important'],

  // ---- 002 Demystifying the Metrics Conversation -----------------------------------------------
  [F2, 'If you’re like other organizations we speak with, below are some of the common challenges they encounter in their software development life cycle', 'commiseration-common-challenges'],
  [F2, 'There is still significant room for improvement in their DevOps processes', 'commiseration-challenge-devops-processes'],
  [F2, 'They lack visibility across their entire Software Development Life Cycle', 'commiseration-challenge-visibility'],
  [F2, 'They are unable to clearly measure and assess developer productivity', 'commiseration-challenge-productivity'],
  [F2, 'Silos persist between Development, Security, and Operations teams', 'commiseration-challenge-silos'],
  [F2, 'Are any of these true for your organization?', 'commiseration-common-challenges'],
  [F2, "highlight how your solution attaches to the customer's large strategic initiatives", 'value-drivers-pick-metrics'],
  [F2, "highlight measurable results that prove the solution's capabilities", 'value-drivers-pick-metrics'],
  [F2, 'Understand what each stakeholder/decision-maker cares about', 'value-drivers-who-cares'],
  // The value driver -> metrics table
  [F2, '**Increase Operational Efficiencies**', 'increase-operational-efficiencies'],
  [F2, 'Lower costs (license, FTEs and compute) of development', 'efficiency-development-costs'],
  [F2, 'Increase developer/team productivity', 'efficiency-developer-productivity'],
  [F2, 'Reduce cycle time (lead time)', 'efficiency-cycle-time'],
  [F2, 'Increase [deployment frequency]', 'efficiency-deployment-frequency'],
  [F2, 'Reduce [change failure rate]', 'efficiency-change-failure-rate'],
  [F2, 'Reduce [MTTR (mean time to recover/restore)]', 'efficiency-mttr'],
  [F2, 'Improve developer satisfaction and retention', 'efficiency-developer-satisfaction'],
  [F2, '**Deliver Better Products Faster**', 'deliver-better-products-faster'],
  [F2, 'Improve revenue, # of customers, and/or market share', 'faster-revenue-customers-share'],
  [F2, 'Increase developer/team productivity', 'faster-developer-productivity'],
  [F2, 'Reduce cycle time (lead time)', 'faster-cycle-time'],
  [F2, 'Increase [deployment frequency]', 'faster-deployment-frequency'],
  [F2, 'Reduce [change failure rate]', 'faster-change-failure-rate'],
  [F2, 'Reduce [MTTR (mean time to recover/restore)]', 'faster-mttr'],
  [F2, '**Reduce Security and Compliance Risk**', 'reduce-security-and-compliance-risk'],
  [F2, 'Decrease % of critical security vulnerabilities that escaped development', 'risk-escaped-critical-vulnerabilities'],
  [F2, 'increase the % of code scanned', 'risk-code-scanned'],
  [F2, 'improve audit pass rate', 'risk-audit-pass-rate'],
  [F2, 'Reduce time spent on audits and/or compliance adherence efforts', 'risk-audit-compliance-time'],
  [F2, 'of security vulnerabilities', 'risk-vulnerability-mttr'],
  // Urgency
  [F2, 'Why should the customer buy anything?', 'urgency-why-buy-anything'],
  [F2, 'Why should the customer buy now?', 'urgency-why-now'],
  [F2, 'Why should the customer buy the GitLab solution?', 'urgency-why-gitlab'],
  [F2, 'What is the cost and impact to the customer of doing nothing?', 'urgency-cost-of-doing-nothing'],
  [F2, 'Is there a compelling event that impacts any of the above?', 'urgency-compelling-event'],
  // Metrics health check
  [F2, 'Has the customer bought into the identified metrics?', 'metrics-health-check-bought-in'],
  [F2, 'Are the metrics aligned with the desired business outcomes?', 'metrics-health-check-aligned'],
  [F2, 'Are your Champions leveraging the identified metrics?', 'metrics-health-check-champions'],
  [F2, "Are the identified metrics in the customer's business justification and/or decision criteria?", 'metrics-health-check-business-justification'],
  [F2, 'Has the economic buyer made reference calls based on the identified metrics?', 'metrics-health-check-reference-calls'],

  // ---- 003 Product Usage Reporting Vision ------------------------------------------------------
  [F3, 'Assist the customer in determining how well utilized licenses are', 'product-usage-review-license-utilization'],
  [F3, 'how they could be used, and assess their future needs', 'product-usage-review-license-future'],
  [F3, "Reporting and alerts when adoption across a use case goes from 'Green' to 'Yellow' or 'Red'", 'product-usage-review-use-case-health'],
  [F3, 'This is used to understand which use cases have been adopted and what is the progress on adopting those use cases.', 'product-usage-review-health-reason'],
  [F3, 'CSM engages with customers to understand if there are any issues or blockers with the customer', 'product-usage-review-blockers'],
  [F3, 'training or enablement gaps, change management delays, technical issues, configuration problems', 'product-usage-review-blockers'],
  [F3, 'Depending on the issue, support and/or product may be engaged to assist the customer.', 'product-usage-review-blocker-detail'],
  [F3, 'CSM may provide enablement content (product documentation, educational videos, etc.), guidance on best practices and approaches, key capabilities to adopt, and/or services', 'product-usage-review-blocker-detail'],
  [F3, 'when a customer begins to adopt a new use case such as scanning', 'product-usage-review-new-use-case'],
  [F3, 'Often the central DevOps teams are not up to speed on how all of their users are using the platform.', 'product-usage-review-new-use-case'],
  [F3, "Provide data to support delivery to a customer's return-on-investment (ROI) proposal and/or justify additional investments", 'product-usage-review-roi'],
  [F3, 'the usage data will be a key measure for the [customer success plan]', 'product-usage-review-goals'],
  [F3, 'When mature adoption of desired use case(s) is complete, we may recommend additional use cases or capabilities', 'product-usage-review-next-use-case'],
  [F3, 'there are capabilities in a higher subscription tier that may provide additional value to the customer', 'product-usage-review-next-use-case'],
];

/** Seed lines that state how criteria combine rather than a criterion: checked against `requires`. */
const RULES: readonly [seed: string, quote: string, bankId: string, group: string, atLeast: number][] = [
  [F1, 'Using 2 of the following:', 'stage-manage', 'manage-features', 2],
  [F1, 'From a feature standpoint, if they are using 2 of the following features...', 'stage-release', 'release-features', 2],
];

/** Sentences that ask without a question mark: "Describe your issue and epic workflow." */
const ASKING = /^["']?(Describe|Explain|Tell me|Take me through)\b/;

/** Whitespace collapsed, curly quotes and apostrophes made straight. */
function norm(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown links reduced to their text, so URLs don't count as text or as question marks. */
function stripLinks(s: string): string {
  return s.replace(/\]\([^)]*\)/g, ']');
}

/** Every id a coverage row may point at, with the seed files its bank cites. */
function idIndex(banks: readonly Bank[]): Map<string, { bank: string; files: string[] }> {
  const index = new Map<string, { bank: string; files: string[] }>();
  for (const bank of banks) {
    const entry = { bank: bank.id, files: bank.source.flatMap((s) => (s.file ? [s.file] : [])) };
    const ids = [
      ...bank.prompts.flatMap((p) => [p.id, ...(p.followUps ?? []).map((f) => f.id)]),
      ...(bank.adoption?.criteria.map((c) => c.id) ?? []),
      ...(bank.valueDrivers?.flatMap((d) => [d.id, ...d.metrics.map((m) => m.id)]) ?? []),
    ];
    for (const id of ids) index.set(id, entry);
  }
  return index;
}

const questionsDir = path.join(repoRoot, 'questions');
const catalog = buildCatalog(
  fs
    .readdirSync(questionsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') })),
);
const banks = catalog.banks;
const index = idIndex(banks);
const seedText = (file: string) => fs.readFileSync(path.join(seedsDir, file), 'utf8');

describe('seed coverage', () => {
  it('points every row at an id in a bank that cites that seed', () => {
    assert.deepEqual(catalog.problems, []);
    const wrong: string[] = [];
    for (const [seed, quote, id] of COVERAGE) {
      const hit = index.get(id);
      if (!hit) wrong.push(`${id}: no such prompt, criterion or metric ("${quote}")`);
      else if (!hit.files.includes(seed)) wrong.push(`${id}: bank ${hit.bank} does not cite ${seed}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('traces every adoption criterion and value-driver metric back to a seed quote', () => {
    const traced = new Set(COVERAGE.map((r) => r[2]));
    const untraced = banks.flatMap((b) => [
      ...(b.adoption?.criteria.map((c) => c.id) ?? []),
      ...(b.valueDrivers?.flatMap((d) => [d.id, ...d.metrics.map((m) => m.id)]) ?? []),
    ]);
    assert.deepEqual(untraced.filter((id) => !traced.has(id)), []);
  });

  it('uses every seed page', () => {
    assert.deepEqual([...new Set(COVERAGE.map((r) => r[0]))].sort(), [F0, F1, F2, F3, F4]);
  });

  it('states the combination rules as requirements', () => {
    for (const [, , bankId, group, atLeast] of RULES) {
      const bank = banks.find((b) => b.id === bankId);
      assert.ok(bank?.adoption?.requires?.some((r) => r.group === group && r.atLeast === atLeast), `${bankId} requires ${atLeast} of ${group}`);
    }
  });

  describe('against the seed pages', function () {
    it('quotes every row verbatim from its seed', () => {
      const missing: string[] = [];
      for (const [seed, quote] of [...COVERAGE, ...RULES]) {
        const text = seedText(seed);
        if (!norm(text).includes(norm(quote)) && !norm(stripLinks(text)).includes(norm(quote))) missing.push(`${seed}: "${quote}"`);
      }
      assert.deepEqual(missing, []);
    });

    it('covers every question in the seeds: list items, quotes and dialogue lines that ask something', () => {
      const uncovered: string[] = [];
      for (const seed of [F0, F1, F2, F3, F4]) {
        const quotes = COVERAGE.filter((r) => r[0] === seed).map((r) => norm(r[1]).replace(/^"|"$/g, ''));
        for (const line of seedText(seed).split('\n')) {
          const item = /^\s*(?:[-*]|\d+\.|>)\s+(.*)$/.exec(line)?.[1];
          if (!item) continue;
          const body = norm(stripLinks(item)).replace(/^\*\*\w+:\*\*\s*/, '');
          for (const sentence of body.split(/(?<=[.?!]["']?)\s+/)) {
            if (!sentence.includes('?') && !ASKING.test(sentence)) continue;
            const s = sentence.replace(/^["*(]+|["*)]+$/g, '');
            if (!quotes.some((q) => s.includes(q) || q.includes(s))) uncovered.push(`${seed}: ${s}`);
          }
        }
      }
      assert.deepEqual(uncovered, []);
    });

    it('covers every adoption criterion bullet of every stage', () => {
      const text = seedText(F1);
      const stagesPart = text.slice(text.indexOf('## Manage'));
      const criterionQuotes = COVERAGE.filter((r) => r[0] === F1 && index.get(r[2]) && banks.some((b) => b.adoption?.criteria.some((c) => c.id === r[2]))).map((r) =>
        norm(r[1]),
      );
      const ruleQuotes = RULES.map((r) => norm(r[1]));
      const uncovered: string[] = [];
      for (const line of stagesPart.split('\n')) {
        if (!/^\s*-\s/.test(line)) continue;
        const bullet = norm(line.replace(/^\s*-\s+/, ''));
        if (!criterionQuotes.some((q) => bullet.includes(q)) && !ruleQuotes.some((q) => bullet.includes(q))) uncovered.push(bullet);
      }
      assert.deepEqual(uncovered, []);
    });

    it("lists every usage-ping / metrics-dictionary key of the stage page in some criterion's metrics", () => {
      const text = seedText(F1);
      const keys = new Set<string>();
      for (const m of text.matchAll(/\b(counts\.[a-z_]+|gitlab_shared_runners_enabled|ci_internal_pipelines)\b/g)) keys.add(m[1]!);
      for (const m of text.matchAll(/`([a-z_.]+)`/g)) keys.add(m[1]!); // `deployments`, `environments`
      assert.ok(keys.size >= 14, `found only ${keys.size} keys`);
      const listed = new Set(banks.flatMap((b) => b.adoption?.criteria.flatMap((c) => c.metrics ?? []) ?? []));
      // The banks name the Service Ping key path; the page sometimes names only its last part
      // (`deployments` is counts.deployments in a payload).
      const isListed = (k: string) => listed.has(k) || [...listed].some((path) => path.endsWith(`.${k}`));
      assert.deepEqual([...keys].filter((k) => !isListed(k)), []);
    });

    it('holds every row of the value-driver table in the value-drivers bank, under the right driver', () => {
      const drivers = banks.find((b) => b.id === 'value-drivers')?.valueDrivers ?? [];
      const rows = [...seedText(F2).matchAll(/^\|\s*\*\*(.+?)\*\*\s*\|(.*)\|\s*$/gm)];
      assert.equal(rows.length, 3, 'three value drivers in the table');
      const key = (s: string) => norm(stripLinks(s)).replace(/[[\]]/g, '').toLowerCase();
      for (const [, name, cell] of rows) {
        const driver = drivers.find((d) => d.name === name);
        assert.ok(driver, `no value driver named "${name}"`);
        const seedMetrics = cell!.split(/<br>/).map((m) => key(m.replace(/^\s*-\s*/, ''))).filter(Boolean);
        assert.deepEqual(driver.metrics.map((m) => key(m.name)).sort(), [...seedMetrics].sort(), `metrics of ${name}`);
      }
    });
  });

  it("gives every stage bank its stage's discovery questions from the stage page", () => {
    for (const bank of banks.filter((b) => b.kind === 'stage')) {
      const covered = COVERAGE.filter((r) => r[0] === F1 && [...allPrompts([bank])].some((p) => p.prompt.id === r[2]));
      assert.ok(covered.length >= 2, `${bank.id} has ${covered.length} of the page's questions`);
    }
  });
});
