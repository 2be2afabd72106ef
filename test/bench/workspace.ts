// A deterministic workspace of call notes for the benchmark (and the index tests): a seeded PRNG
// picks customers, calls, real prompts from the question banks, answers, objectives, stage
// scorecards, metrics, use-case health and action items, and the project's own renderNote writes
// each note, so the files are exactly what Call Coach writes. Same seed, same bytes.
//
// A small share of the text is hostile on purpose (YAML indicators, quotes, `#`, `: `, Markdown
// and HTML, bidi controls, emoji), as real notes pasted from chats and e-mails are.
import type { Bank } from '../../src/core/bank/schema';
import { stageIds } from '../../src/core/bank/constants';
import type { ActionItem, AnswerTag, CallNote, HealthColor, MetricRecord, NoteEntry, NoteSection, Objective, StageScore, UseCaseHealth } from '../../src/core/note/model';
import { adoptionStatuses, horizons, objectiveStatuses } from '../../src/core/note/model';
import { renderNote } from '../../src/core/note/render';
import { noteRelativePath, slugify } from '../../src/core/paths';

/** mulberry32: a small, fast, seeded PRNG with a 2^32 period (plenty for a workload generator). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const pool = [...items];
    const n = Math.min(pool.length, this.int(min, max));
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

const FIRST = ['Dana', 'Sam', 'Priya', 'Jonas', 'Mei', 'Carlos', 'Aisha', 'Tom', 'Ingrid', 'Kofi', 'Lucía', 'Hiro', 'Noor', 'Pavel', 'Grace', 'Ravi', 'Zoë', 'Ahmed', 'Elena', 'Ben'];
const LAST = ['Reyes', 'Ito', 'Patel', 'Berg', 'Chen', 'Silva', 'Khan', "O'Brien", 'Larsen', 'Mensah', 'García', 'Tanaka', 'Haddad', 'Novak', 'Kim', 'Iyer', 'Müller', 'Farouk', 'Rossi', 'Adams'];
const ROLES = ['VP Eng', 'Platform lead', 'CTO', 'SRE manager', 'Security architect', 'DevOps engineer', 'Director of QA', 'Release manager'];
const COMPANY_A = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Aperture', 'Oscorp', 'Monarch', 'Gringotts', 'Nakatomi', 'Duff', 'Pied Piper', 'Massive Dynamic'];
const COMPANY_B = ['Corp', 'Industries', 'Labs', 'Systems', 'Logistics', 'Bank', 'Health', 'Retail', 'Energy', 'Media', 'Insurance', 'Telecom', 'Foods', 'Aerospace', 'Analytics'];
const CALL_TYPES = ['Discovery', 'Sync', 'EBR', 'Stage adoption review', 'Metrics review', 'Onboarding', 'Escalation'];
const TITLES = ['Discovery', 'Weekly sync', 'Quarterly business review', 'CI/CD deep dive', 'Security review', 'Adoption check-in', 'Renewal prep', 'Runner migration', 'Metrics baseline'];

const SENTENCES = [
  'Their release train ships once a month and the last one slipped two weeks.',
  'The platform team owns about 400 projects, and half of them still use Jenkins.',
  'Developers wait roughly 40 minutes for a pipeline on the main branch.',
  'Security scans run only before a release, so findings arrive too late to fix cheaply.',
  'Leadership wants weekly deploys by the end of Q3.',
  'Runners are self-managed on Kubernetes and autoscaling is flaky during peak hours.',
  'They track lead time in a spreadsheet that nobody trusts.',
  'Audit season takes two engineers off feature work for six weeks every year.',
  'Merge requests sit for three days on average before the first review.',
  'The CTO asked for a single dashboard with DORA metrics for the board.',
  'On-call engineers restore most incidents within four hours, but the outliers take days.',
  'Package registries are spread across Artifactory, Nexus and S3 buckets.',
  'Two business units run their own GitLab instances and want to consolidate.',
  'Compliance needs a separation of duties between who merges and who deploys.',
  'The mobile team is the pilot for review apps and likes them so far.',
  'Budget for next year depends on showing fewer escaped vulnerabilities.',
  'They are hiring twenty engineers and onboarding takes three weeks today.',
  'Feature flags live in a home-grown service that only one person understands.',
  'Most teams copy the same pipeline template and drift from it within a month.',
  'The data team wants to trigger ML model training from merge requests.',
  'Change failure rate was 18% last quarter, mostly config errors.',
  'Customer-facing outages cost them about $40k per hour in SLA credits.',
  'They plan to move the monorepo to merge trains once the tests are stable.',
  'Product managers plan in Jira and engineers live in GitLab; nothing links the two.',
];
const HOSTILE = [
  'Note: "yes" means yes',
  '--- not a fence',
  '# not a heading',
  '<script>alert(1)</script>',
  'Use `a: b` syntax',
  "It's 1:20 past, O'Brien said",
  'C# and F# services',
  'x #y and z: w',
  'null',
  '~',
  '- [ ] not a task',
  '> not a quote',
  '&amp; stays literal',
  'Tags: #objective',
  '<!-- call-coach:actions -->',
  '\u202eevil bidi',
  'emoji 🚀 and 👩‍👩‍👧',
  '@mention and %directive',
  '[link](http://example.com) ![img](x)',
  '| pipe | table |',
  "'quoted' and \"double\"",
  'tab\tinside',
  '  leading spaces',
  'trailing space ',
];
const OBJECTIVES = [
  'Release weekly instead of monthly',
  'Cut pipeline time in half',
  'Consolidate onto one GitLab instance',
  'Shift security scanning left into merge requests',
  'Pass the SOC 2 audit with less manual evidence',
  'Onboard new engineers in under a week',
  'Retire Jenkins by the end of the year',
  'Reduce change failure rate below 10%',
  'Give leadership one DORA dashboard',
  'Standardise pipeline templates across teams',
  'Recover from incidents within an hour',
  'Adopt merge trains for the monorepo',
];
const USE_CASES = ['SCM', 'CI', 'CD', 'Security', 'Agile planning', 'Package registry', 'Observability'];
const REASONS = ['Adoption growing steadily', 'Runners flaky during deploys', 'Blocked on a procurement decision', 'Champion left the company', 'Pilot team is happy', 'Waiting on the SSO rollout'];
const ACTIONS = [
  'Send the runner HA reference architecture',
  'Book a CI review with the platform team',
  'Share the DORA metrics dashboard guide',
  'Set up a security scanning workshop',
  'Follow up on the Premium to Ultimate upgrade',
  'Introduce the solutions architect',
  'Send pipeline template examples',
  'Schedule the EBR with the CTO',
  'Check the license true-up numbers',
  'Draft a migration plan from Jenkins',
];
const BASELINES = ['1', '4', '12', '40', '18%', '3 days', '2.5', '', ''];
const TARGETS = ['4', '10', '20', '5%', '1 day', '30', ''];

export interface WorkspaceSpec {
  customers: number;
  notes: number;
  seed: number;
}

export const DEFAULT_SPEC: WorkspaceSpec = { customers: 500, notes: 10_000, seed: 20261124 };

export interface GeneratedNote {
  /** The customer's folder name (slug), as Call Coach names it. */
  folder: string;
  /** The note's file name in that folder. */
  file: string;
  note: CallNote;
  text: string;
}

function isoDay(start: number, days: number): string {
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

interface BankPools {
  techniques: Bank[];
  stages: Map<string, Bank>;
  metrics: { id: string; name: string; driver: string; unit: string }[];
  drivers: string[];
}

function pools(banks: readonly Bank[]): BankPools {
  const techniques = banks.filter((b) => b.kind === 'technique' && b.prompts.length);
  const stages = new Map(banks.filter((b) => b.kind === 'stage' && b.stage).map((b) => [b.stage!, b]));
  const drivers = banks.flatMap((b) => b.valueDrivers ?? []);
  const metrics = drivers.flatMap((d) => d.metrics.map((m) => ({ id: m.id, name: m.name, driver: d.id, unit: m.unit ?? '' })));
  if (!techniques.length) throw new Error('the generator needs the question banks (technique banks with prompts)');
  return { techniques, stages, metrics, drivers: drivers.map((d) => d.id) };
}

function fill(text: string, d: Dice): string {
  return text.replace(/\{([a-z_][a-z0-9_]*)\}/g, () => d.pick(['your release process', 'the pipeline', 'security reviews', 'the platform team', 'deploy frequency']));
}

/**
 * Yields `spec.notes` notes for `spec.customers` customers (between a quarter and twice the mean per
 * customer), each with its folder, file name, data and rendered text. `banks`: the built-in banks.
 */
export function* generateNotes(spec: WorkspaceSpec, banks: readonly Bank[]): Generator<GeneratedNote> {
  const d = new Dice(prng(spec.seed));
  const p = pools(banks);
  // Note counts per customer: varied, adding up to exactly spec.notes.
  const weights = Array.from({ length: spec.customers }, () => 0.25 + d.next() * 1.75);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / total) * spec.notes)));
  for (let left = spec.notes - counts.reduce((a, b) => a + b, 0), i = 0; left !== 0; i = (i + 1) % counts.length) {
    if (left > 0) (counts[i]!++, left--);
    else if (counts[i]! > 1) (counts[i]!--, left++);
  }
  const used = new Set<string>();
  const start = Date.UTC(2023, 0, 2);
  const hostile = (s: string) => (d.chance(0.03) ? `${s} ${d.pick(HOSTILE)}` : s);

  for (let c = 0; c < spec.customers; c++) {
    let customer = `${d.pick(COMPANY_A)} ${d.pick(COMPANY_B)}`;
    for (let k = 2; used.has(slugify(customer, 'customer')); k++) customer = `${customer.replace(/ \d+$/, '')} ${k}`;
    used.add(slugify(customer, 'customer'));
    const people = Array.from({ length: d.int(3, 7) }, () => `${d.pick(FIRST)} ${d.pick(LAST)}${d.chance(0.4) ? ` (${d.pick(ROLES)})` : ''}`);
    const goals = d.some(OBJECTIVES, 2, 6).map(hostile);
    const customerMetrics = d.some(p.metrics, 2, 5);
    let day = d.int(0, 200);
    const files = new Set<string>();
    for (let n = 0; n < counts[c]!; n++) {
      day += d.int(5, 30);
      const date = isoDay(start, day);
      const title = hostile(d.pick(TITLES));
      const techniques = d.some(p.techniques, 2, 5);
      const stages = d.some([...p.stages.keys()].filter((s) => (stageIds as readonly string[]).includes(s)), 0, 3);
      const sections: NoteSection[] = techniques.map((bank) => ({
        techniqueId: bank.id,
        title: bank.title,
        entries: d.some(bank.prompts, 1, Math.min(5, bank.prompts.length)).map((prompt): NoteEntry => {
          const answer = Array.from({ length: d.int(1, 4) }, () => hostile(d.pick(SENTENCES))).join(d.chance(0.3) ? '\n' : ' ');
          const tags: AnswerTag[] = d.chance(0.35) ? d.some(['objective', 'pain-point', 'metric', 'action-item', 'follow-up'] as const, 1, 2) : [];
          return { promptId: prompt.id, question: fill(prompt.text.split('\n')[0]!, d), answer, tags };
        }),
      }));
      const objectives: Objective[] = d.some(goals, 0, 3).map((text) => ({
        text,
        status: d.pick(objectiveStatuses),
        origin: d.chance(0.5) ? 'five-whys' : 'tagged',
        owner: d.chance(0.6) ? d.pick(people).replace(/ \(.*\)$/, '') : '',
        due: d.chance(0.5) ? isoDay(start, day + d.int(30, 365)) : '',
        horizon: d.chance(0.7) ? d.pick(horizons) : null,
        valueDriver: d.chance(0.7) ? d.pick(p.drivers) : '',
      }));
      const adoption: StageScore[] = stages.map((stage) => {
        const criteria = p.stages.get(stage)?.adoption?.criteria.map((x) => x.id) ?? [];
        return { stage, percent: d.chance(0.8) ? d.int(0, 100) : null, criteria: d.some(criteria, 0, 3), status: d.pick(adoptionStatuses) };
      });
      const metrics: MetricRecord[] = d.some(customerMetrics, 0, 3).map((m) => ({
        id: m.id,
        name: m.name,
        valueDriver: d.chance(0.5) ? m.driver : '',
        measuredHow: d.chance(0.6) ? hostile('From the CI analytics dashboard') : '',
        baseline: d.pick(BASELINES),
        target: d.pick(TARGETS),
        unit: m.unit,
      }));
      const health: UseCaseHealth[] = d.some(USE_CASES, 0, 2).map((useCase) => ({ useCase, color: d.pick(['green', 'yellow', 'red'] as HealthColor[]), reason: hostile(d.pick(REASONS)) }));
      const actionItems: ActionItem[] = d.some(ACTIONS, 1, 5).map((text) => ({ text: hostile(text), done: d.chance(0.4) }));
      const tagged = [...new Set(sections.flatMap((s) => s.entries.flatMap((e) => e.tags)))];
      const note: CallNote = {
        id: `call-${c}-${n}-${Math.floor(d.next() * 0xffffffff).toString(16)}`,
        title,
        customer,
        date,
        callType: d.pick(CALL_TYPES),
        attendees: d.some(people, 1, 4),
        techniques: techniques.map((t) => t.id),
        stages,
        tags: ['call-note', ...tagged],
        objectives,
        durationMinutes: d.int(15, 75),
        adoption,
        metrics,
        health,
        sections,
        actionItems,
      };
      const path = noteRelativePath([], customer, date, title);
      let file = path[1]!;
      for (let k = 2; files.has(file); k++) file = noteRelativePath([], customer, date, title, k)[1]!;
      files.add(file);
      yield { folder: path[0]!, file, note, text: renderNote(note) };
    }
  }
}
