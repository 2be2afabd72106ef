// The success-plan roll-up: fixture notes -> the expected plan, hand-written text kept byte for
// byte across regenerations, damaged markers refused, and the coverage gap rules.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { CallNote } from '../../../../src/core/note/model';
import { parseNote } from '../../../../src/core/note/parse';
import { planContext } from '../../../../src/core/plan/context';
import { findGaps, MEASURE_PROMPT, METRIC_PROMPTS } from '../../../../src/core/plan/gaps';
import type { PlanContext, SkippedNote, SuccessPlan } from '../../../../src/core/plan/model';
import { renderPlan } from '../../../../src/core/plan/planFile';
import { beginMarker, endMarker, type GeneratedProblem } from '../../../../src/core/plan/generatedFile';
import { linkTarget, planRegions } from '../../../../src/core/plan/planRegions';
import { buildPlan, type PlanNote } from '../../../../src/core/plan/rollup';
import { builtInBanks } from '../../questions/builtInBanks';

const fixtures = path.resolve(__dirname, '../../../../../test/fixtures/plan');
const banks = builtInBanks();
const fullContext = planContext(banks, '2026-06-15');
/** Three stages and three techniques keep the expected plan short; gaps are tested on all below. */
const context: PlanContext = {
  ...fullContext,
  stages: fullContext.stages.filter((s) => ['plan', 'verify', 'release'].includes(s.stage)),
  techniques: fullContext.techniques.filter((t) => ['five-whys', 'ted', 'leveling-up'].includes(t.id)),
};

function readFixtureNotes(): { notes: PlanNote[]; skipped: SkippedNote[] } {
  const dir = path.join(fixtures, 'acme-corp');
  const notes: PlanNote[] = [];
  const skipped: SkippedNote[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const r = parseNote(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (r.ok) notes.push({ file, note: r.note });
    else skipped.push(r.line === undefined ? { file, error: r.error } : { file, error: r.error, line: r.line });
  }
  return { notes, skipped };
}

function fixturePlan(ctx = context): SuccessPlan {
  const { notes, skipped } = readFixtureNotes();
  return buildPlan({ customer: 'Acme Corp', notes: [...notes].reverse(), skipped }, ctx);
}

function rendered(plan: SuccessPlan, existing?: string): string {
  const r = renderPlan(plan, context, existing);
  if (!r.ok) assert.fail(`renderPlan failed: ${r.error} (line ${r.line})`);
  return r.text;
}

function refused(plan: SuccessPlan, existing: string): { error: string; line?: number; why?: GeneratedProblem } {
  const r = renderPlan(plan, context, existing);
  assert.equal(r.ok, false, 'expected renderPlan to refuse the file');
  return r.ok ? { error: '' } : r;
}

/** The text outside the generated regions (and outside the front matter block). */
function handWritten(text: string): string[] {
  const parts: string[] = [];
  let rest = text.replace(/^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/, '');
  for (;;) {
    const begin = /<!-- call-coach:begin ([a-z-]+) -->/.exec(rest);
    if (!begin) break;
    parts.push(rest.slice(0, begin.index));
    const end = rest.indexOf(endMarker(begin[1]!), begin.index);
    assert.ok(end > 0, `region ${begin[1]} is closed`);
    rest = rest.slice(end + endMarker(begin[1]!).length);
  }
  parts.push(rest);
  return parts;
}

/** A later call: the plan changes in every region. */
const thirdCall: CallNote = {
  id: 'c3',
  title: 'QBR',
  customer: 'Acme Corp',
  date: '2026-06-01',
  callType: 'QBR',
  attendees: ['Dana Reyes', 'Kim Lo'],
  techniques: ['leveling-up'],
  stages: ['plan'],
  tags: ['call-note'],
  objectives: [{ text: 'Cut audit prep time', status: 'done', origin: 'tagged', owner: '', due: '', horizon: null, valueDriver: '' }],
  adoption: [{ stage: 'plan', percent: 60, criteria: ['plan-issues-epics'], status: 'adopted' }],
  metrics: [{ id: 'audit-hours', name: '', valueDriver: '', measuredHow: '', baseline: '120', target: '', unit: '' }],
  health: [{ useCase: 'CI', color: 'green', reason: 'Runners fixed' }],
  durationMinutes: 60,
  sections: [],
  actionItems: [{ text: 'Share the pipeline template', done: true }, { text: 'Plan the Q3 review', done: false }],
};

describe('success plan roll-up', () => {
  it('rolls the fixture notes up into the expected plan', () => {
    const expected = fs.readFileSync(path.join(fixtures, 'acme-corp.success-plan.md'), 'utf8');
    assert.equal(rendered(fixturePlan()), expected);
  });

  it('keeps the latest of each thing and merges fields a later call left empty', () => {
    const plan = fixturePlan();
    assert.equal(plan.customer, 'Acme Corp');
    assert.deepEqual(plan.calls.map((c) => c.file), ['2026-01-10-discovery.md', '2026-03-02-follow-up.md'], 'oldest first, whatever the input order');
    assert.deepEqual(plan.skipped.map((s) => [s.file, s.line]), [['2026-02-01-broken.md', 4]]);
    assert.deepEqual(plan.attendees, [{ name: 'Dana Reyes', calls: 2 }, { name: 'Lee Park', calls: 1 }, { name: 'Sam Ito', calls: 1 }]);
    const [release, audit] = plan.objectives;
    assert.equal(plan.objectives.length, 2, 'the same objective in two calls (spacing differs) is one');
    assert.deepEqual({ ...release, first: release?.first.file, last: release?.last.file }, {
      text: 'Release weekly  instead of monthly',
      status: 'in-progress',
      owner: 'Dana Reyes',
      due: '2026-09-30',
      horizon: 6,
      valueDriver: 'increase-operational-efficiencies',
      first: '2026-01-10-discovery.md',
      last: '2026-03-02-follow-up.md',
    });
    assert.equal(audit?.status, 'at-risk');
    assert.deepEqual(plan.stages.map((s) => [s.stage, s.first.percent, s.first.status, s.latest.percent, s.latest.status]), [
      ['verify', 10, 'pilot', 40, 'adopted'],
      ['release', 5, 'pilot', 5, 'pilot'],
    ]);
    assert.deepEqual(plan.metrics.map(({ last, ...m }) => ({ ...m, last: last.file })), [
      { id: 'efficiency-cycle-time', name: 'Cycle time', valueDriver: 'increase-operational-efficiencies', measuredHow: 'Jira created-to-done', baseline: '12', target: '5', unit: 'days', last: '2026-03-02-follow-up.md' },
      { id: 'audit-hours', name: 'Hours per audit', valueDriver: 'reduce-security-and-compliance-risk', measuredHow: 'Timesheets', baseline: '', target: '40', unit: 'hours', last: '2026-03-02-follow-up.md' },
    ]);
    assert.deepEqual(plan.actions.map((a) => [a.text, a.call.file]), [
      ['Book a CI review with Sam', '2026-01-10-discovery.md'],
      ['Share the pipeline template', '2026-03-02-follow-up.md'],
    ], 'done on a later call is closed');
    assert.deepEqual(plan.health.map((h) => [h.useCase, h.color]), [['ci', 'yellow'], ['SCM', 'green']], 'use cases compared ignoring case');
  });

  it('writes front matter that Dataview reads', () => {
    const text = rendered(fixturePlan());
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    assert.deepEqual(parseYaml(yaml), { type: 'success-plan', customer: 'Acme Corp', updated: '2026-06-15', calls: 2 });
  });

  it('links every call note relatively, with inert link text', () => {
    const { notes } = readFixtureNotes();
    const odd = { file: 'my call (1) [draft].md', note: { ...notes[0]!.note, title: 'a](javascript:x) \\ <b>' } };
    const text = rendered(buildPlan({ customer: 'Acme Corp', notes: [odd] }, context));
    assert.ok(text.includes('[a&#93;(javascript:x) &#92; &lt;b>](my%20call%20%281%29%20%5Bdraft%5D.md)'), text);
    assert.doesNotMatch(text, /\]\(javascript:/);
  });
});

describe('success plan links', () => {
  it('percent-encodes a file name, parentheses and quotes included, and reads back with decodeURIComponent', () => {
    for (const name of ['2026-01-02-kick off (v2).md', "it's*!.md", 'ünïcode 📞.md', '%20.md']) {
      const target = linkTarget(name);
      assert.match(target, /^[A-Za-z0-9%._~-]+$/);
      assert.equal(decodeURIComponent(target), name);
    }
  });

  it('links a name with a lone surrogate as U+FFFD instead of throwing', () => {
    assert.equal(decodeURIComponent(linkTarget('a\ud800b.md')), 'a\ufffdb.md');
    assert.equal(decodeURIComponent(linkTarget('\udc00.md')), '\ufffd.md');
    assert.equal(decodeURIComponent(linkTarget('📞\ud83d.md')), '📞\ufffd.md');
  });
});

describe('success plan regeneration', () => {
  const before = fixturePlan();
  const { notes, skipped } = readFixtureNotes();
  const after = buildPlan({ customer: 'Acme Corp', notes: [...notes, { file: '2026-06-01-qbr.md', note: thirdCall }], skipped }, context);
  const original = rendered(before);

  const edits: [string, (s: string) => string][] = [
    ['a paragraph after the title', (s) => s.replace('# Success plan: Acme Corp\n', '# Success plan: Acme Corp (renamed by me)\n\nOur own intro.  \nWith a hard break.\n')],
    ['a section between regions', (s) => s.replace(`${endMarker('objectives')}\n`, `${endMarker('objectives')}\n\n## My risks\n\n- Budget freeze | maybe\n- [ ] call Dana\n\n`)],
    ['text right against the markers', (s) => s.replace(`\n${beginMarker('metrics')}`, `\nglued text${beginMarker('metrics')}`.replace('glued text', 'glued text\n'))],
    ['a closing section with no final newline', (s) => `${s}\n## Appendix\n\nNo newline at the end`],
    ['their own front matter keys and comments', (s) => s.replace('calls: 2\n', 'calls: 2\naliases: [Acme plan]   # mine\ntags:\n  - customer\n')],
  ];

  for (const [what, edit] of edits) {
    it(`keeps ${what} byte for byte`, () => {
      const edited = edit(original);
      const regenerated = rendered(after, edited);
      assert.deepEqual(handWritten(regenerated), handWritten(edited));
      assert.notEqual(regenerated, edited, 'the regions did change');
      assert.ok(regenerated.includes('Plan the Q3 review'), 'with the new call');
      assert.ok(regenerated.includes('calls: 3'));
      assert.equal(rendered(after, regenerated), regenerated, 'and regenerating again changes nothing');
    });
  }

  it('keeps the front matter keys of others, and their bytes, while updating its own', () => {
    const edited = original.replace('---\ntype: success-plan\n', '---\n# my comment\nowner:   "Dana"\ntype: success-plan\n').replace('calls: 2', 'calls: 2 # how many');
    const regenerated = rendered(after, edited);
    assert.ok(regenerated.startsWith('---\n# my comment\nowner:   "Dana"\ntype: success-plan\ncustomer: Acme Corp\nupdated: 2026-06-15\ncalls: 3 # how many\n---\n'), regenerated.slice(0, 200));
  });

  it('handles CRLF files: hand-written bytes kept, generated lines take CRLF', () => {
    const crlf = edits[1]![1](original).replace(/\n/g, '\r\n').replace('## My risks\r\n', '## My risks\n');
    const regenerated = rendered(after, crlf);
    assert.deepEqual(handWritten(regenerated), handWritten(crlf));
    assert.doesNotMatch(regenerated.replace('## My risks\n', ''), /[^\r]\n/, 'only CRLF, except the LF the CSM wrote');
    assert.ok(regenerated.includes('calls: 3\r\n'));
  });

  it('keeps a BOM', () => {
    assert.ok(rendered(after, '\ufeff' + original).startsWith('\ufeff---\n'));
  });

  it('returns the same text when nothing changed, even on a later day', () => {
    assert.equal(rendered(before, original), original);
    const later = { ...before, updated: '2026-06-20' };
    assert.equal(rendered(later, original), original, '`updated` moves only with the content');
    assert.match(rendered({ ...after, updated: '2026-06-20' }, original), /^updated: 2026-06-20$/m);
  });

  it('appends regions missing from the file, and adds front matter to a file without', () => {
    const mine = '# Acme plan\n\nWritten by hand, no markers yet.';
    const text = rendered(after, mine);
    assert.ok(text.startsWith('---\ntype: success-plan\ncustomer: Acme Corp\nupdated: 2026-06-15\ncalls: 3\n---\n\n# Acme plan\n\nWritten by hand, no markers yet.\n\n<!-- call-coach:begin summary -->\n'), text.slice(0, 300));
    for (const r of planRegions.filter((r) => r !== 'usage')) assert.equal(text.split(beginMarker(r)).length, 2, r);
    const without = original.replace(/<!-- call-coach:begin gaps -->[\s\S]*<!-- call-coach:end gaps -->\n/, '');
    const back = rendered(before, without);
    assert.ok(back.startsWith(without), 'the rest kept as is');
    assert.ok(back.endsWith(`${endMarker('gaps')}\n`), 'gaps appended at the end');
  });

  it('refuses damaged markers, naming the line, instead of guessing', () => {
    const lines = original.split('\n');
    const lineOf = (s: string) => lines.indexOf(s) + 1;
    const cases: [string, string, RegExp, number][] = [
      [endMarker('objectives'), '', /region "objectives" that begins on line \d+ has no end marker before the next region/, lineOf(beginMarker('objectives'))],
      [endMarker('history'), '', /region "history" that begins on line \d+ has no end/, lineOf(beginMarker('history'))],
      [beginMarker('metrics'), '', /ends the region "metrics", which has not begun/, lineOf(endMarker('metrics')) - 1],
      [beginMarker('metrics'), beginMarker('objectives'), /region "objectives" appears twice/, lineOf(beginMarker('metrics'))],
      [beginMarker('metrics'), '<!-- call-coach:begin metrics', /looks like a Call Coach region marker/, lineOf(beginMarker('metrics'))],
      [beginMarker('metrics'), '  <!-- call-coach:begin metrics -->', /looks like a Call Coach region marker/, lineOf(beginMarker('metrics'))],
      [beginMarker('metrics'), '<!-- call-coach:begin metrix -->', /unknown region "metrix"/, lineOf(beginMarker('metrics'))],
    ];
    for (const [from, to, error, line] of cases) {
      const f = refused(after, original.replace(`${from}\n`, to ? `${to}\n` : ''));
      assert.match(f.error, error, `${from} -> ${to}`);
      assert.equal(f.line, line, `${from} -> ${to}`);
    }
    assert.match(refused(after, original.replace('\n---\n\n# Success', '\n\n# Success')).error, /front matter is not closed/);
    assert.match(refused(after, original.replace('customer: Acme Corp', 'customer: [Acme')).error, /front matter is not valid YAML/);
    assert.match(refused(after, original.replace('type: success-plan', 'type: call-note')).error, /`type: call-note`.*success plan/);
  });

  it('says why as facts too, for the extension to word in the display language (host/plan/generatedProblemText.ts)', () => {
    const lines = original.split('\n');
    const lineOf = (s: string) => lines.indexOf(s) + 1;
    const why = (from: string, to: string) => refused(after, original.replace(`${from}\n`, to ? `${to}\n` : '')).why;
    assert.deepEqual(why(endMarker('history'), ''), { code: 'region-unended', region: 'history', line: lineOf(beginMarker('history')) });
    const unended = why(endMarker('objectives'), '') as Extract<GeneratedProblem, { code: 'region-unended-before' }>;
    assert.deepEqual([unended.code, unended.region, unended.line], ['region-unended-before', 'objectives', lineOf(beginMarker('objectives'))]);
    assert.match(original.replace(`${endMarker('objectives')}\n`, '').split('\n')[unended.next - 1]!, /^<!-- call-coach:begin /, 'next: the line the next region begins on');
    assert.deepEqual(why(beginMarker('metrics'), ''), { code: 'stray-end', line: lineOf(endMarker('metrics')) - 1, region: 'metrics' });
    assert.deepEqual(why(beginMarker('metrics'), beginMarker('objectives')), { code: 'region-twice', region: 'objectives', line: lineOf(beginMarker('metrics')) });
    assert.deepEqual(why(beginMarker('metrics'), '<!-- call-coach:begin metrics'), { code: 'marker-like', line: lineOf(beginMarker('metrics')) });
    assert.equal(why(beginMarker('metrics'), '<!-- call-coach:begin metrix -->')?.code, 'unknown-region');
    assert.deepEqual(refused(after, original.replace('\n---\n\n# Success', '\n\n# Success')).why, { code: 'front-matter-open' });
    assert.equal(refused(after, original.replace('customer: Acme Corp', 'customer: [Acme')).why?.code, 'front-matter-yaml');
    assert.deepEqual(refused(after, original.replace('type: success-plan', 'type: call-note')).why, { code: 'front-matter-type', found: 'call-note', fileType: 'success-plan' });
  });

  it('keeps random hand-written text between, before and after the regions', () => {
    // No line of the CSM's text starts a marker; anything else goes, including `---`, HTML and CR.
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('\n', '\r\n', '---', '<!-- mine -->', '## Heading', '| a | b |', '`call-coach:begin x`', ' ')), { maxLength: 8 })
      .map((parts) => parts.join('').replace(/^[ \t]*<!--[ \t]*call-coach:/gim, 'x'));
    fc.assert(
      fc.property(fc.array(text, { minLength: planRegions.length + 1, maxLength: planRegions.length + 1 }), (inserts) => {
        let edited = original.replace(/\n(?=<!-- call-coach:begin )/g, () => `\n${inserts.pop() ?? ''}\n`);
        edited += inserts.pop() ?? '';
        const regenerated = rendered(after, edited);
        assert.deepEqual(handWritten(regenerated), handWritten(edited));
      }),
      { numRuns: 200 },
    );
  });
});

describe('coverage gaps', () => {
  const base: CallNote = { ...thirdCall, techniques: [], stages: [], objectives: [], adoption: [], metrics: [], health: [], actionItems: [] };
  const plan = (notes: CallNote[], today = '2026-06-15') =>
    buildPlan({ customer: 'Acme', notes: notes.map((note, i) => ({ file: `${note.date}-${i}.md`, note })) }, { ...fullContext, today });

  it('lists every stage and technique for a customer with no calls, with the banks to add', () => {
    const gaps = plan([]).gaps;
    assert.deepEqual(gaps.filter((g) => g.kind === 'stage-never').map((g) => g.bankId), ['stage-manage', 'stage-plan', 'stage-create', 'stage-verify', 'stage-package', 'stage-secure', 'stage-release', 'stage-configure', 'stage-monitor', 'stage-govern']);
    const techniques = gaps.filter((g) => g.kind === 'technique-never').map((g) => g.bankId);
    assert.ok(techniques.includes('five-whys') && techniques.includes('ted') && techniques.includes('stage-adoption'));
    assert.ok(!techniques.includes('urgency'), 'checklists are not techniques');
    assert.ok(!techniques.some((t) => t?.startsWith('stage-') && t !== 'stage-adoption'), 'stage banks are stages, not techniques');
    for (const g of gaps) assert.ok(banks.some((b) => b.id === g.bankId), `${g.bankId} is a real bank`);
  });

  it('a stage is stale after more than 90 days; a scorecard entry counts as discussing it', () => {
    const gaps = (today: string) => plan([{ ...base, date: '2026-03-01', stages: ['verify'], adoption: [{ stage: 'release', percent: null, criteria: [], status: 'not-started' }] }], today).gaps;
    const about = (g: ReturnType<typeof gaps>, stage: string) => g.filter((x) => x.bankId === `stage-${stage}`).map((x) => x.kind);
    assert.deepEqual(about(gaps('2026-05-30'), 'verify'), [], 'exactly 90 days');
    assert.deepEqual(about(gaps('2026-05-31'), 'verify'), ['stage-stale'], '91 days');
    assert.deepEqual(about(gaps('2026-05-31'), 'release'), ['stage-stale']);
    assert.deepEqual(about(gaps('2026-04-01'), 'manage'), ['stage-never']);
    assert.match(gaps('2026-05-31').find((g) => g.bankId === 'stage-verify')?.label ?? '', /^Verify: not discussed since 2026-03-01 \(91 days\)$/);
    const twice = plan([{ ...base, date: '2026-01-01', stages: ['verify'] }, { ...base, date: '2026-05-01', stages: ['verify'] }], '2026-06-15').gaps;
    assert.deepEqual(twice.filter((g) => g.bankId === 'stage-verify'), [], 'the latest discussion counts');
  });

  it('an objective is measured when a metric shares its value driver (a bank metric counts for its driver)', () => {
    const objective = (text: string, valueDriver: string, status: 'done' | 'in-progress' = 'in-progress') => ({ text, status, origin: 'tagged' as const, owner: '', due: '', horizon: null, valueDriver });
    const gaps = plan([
      {
        ...base,
        objectives: [objective('A', 'increase-operational-efficiencies'), objective('B', 'reduce-security-and-compliance-risk'), objective('C', ''), objective('D', '', 'done')],
        metrics: [{ id: 'efficiency-cycle-time', name: 'Cycle time', valueDriver: '', measuredHow: 'Jira', baseline: '10', target: '5', unit: 'days' }],
      },
    ]).gaps.filter((g) => g.kind === 'objective-without-metric');
    assert.deepEqual(gaps.map((g) => g.label), ['“B”: how will you measure that?', '“C”: how will you measure that?']);
    assert.deepEqual(gaps[0], { kind: 'objective-without-metric', label: '“B”: how will you measure that?', facts: { subject: '“B”' }, bankId: 'leveling-up', promptIds: ['leveling-up-success'] });
  });

  it('a metric without a baseline asks for it, and for how it is measured when that is missing too', () => {
    const metric = (id: string, measuredHow: string, baseline: string) => ({ id, name: id.toUpperCase(), valueDriver: '', measuredHow, baseline, target: '', unit: '' });
    const gaps = plan([{ ...base, metrics: [metric('a', 'Jira', ''), metric('b', '', ' '), metric('c', '', '3')] }]).gaps.filter((g) => g.kind === 'metric-without-baseline');
    assert.deepEqual(gaps, [
      { kind: 'metric-without-baseline', label: 'A: no baseline yet', facts: { subject: 'A' }, bankId: 'value-drivers', promptIds: ['value-drivers-baseline'], placeholders: { metric: 'A' } },
      { kind: 'metric-without-baseline', label: 'B: no baseline yet', facts: { subject: 'B' }, bankId: 'value-drivers', promptIds: ['value-drivers-measured-today', 'value-drivers-baseline'], placeholders: { metric: 'B' } },
    ]);
  });

  it('points at prompts that exist in questions/, the measuring one asking "How will you measure that?"', () => {
    const prompt = (bankId: string, id: string) => banks.find((b) => b.id === bankId)?.prompts.find((p) => p.id === id);
    assert.match(prompt(MEASURE_PROMPT.bankId, MEASURE_PROMPT.promptId)?.text ?? '', /How will you measure that\?/);
    assert.match(prompt(METRIC_PROMPTS.bankId, METRIC_PROMPTS.baseline)?.text ?? '', /\{metric\}/);
    assert.match(prompt(METRIC_PROMPTS.bankId, METRIC_PROMPTS.measuredHow)?.text ?? '', /\{metric\}/);
  });

  it('is a pure function of the notes and today', () => {
    const notes = [{ ...base, stages: ['verify'] }];
    assert.deepEqual(findGaps({ notes, objectives: [], metrics: [] }, fullContext), findGaps({ notes, objectives: [], metrics: [] }, fullContext));
  });
});
