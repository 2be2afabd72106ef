// The sample customer `npm start` opens (test/fixtures/sample-customer) is what Call Coach itself
// writes: each note is renderNote of its call (test/fixtures/sampleCustomer.ts), parses back with
// parseNote to the same call, and success-plan.md is the roll-up of those notes as the host writes
// it after the last call. Then three monthly usage snapshots are imported as Import Usage Data
// imports them (every payload parsed, the batch planned against what is stored, the snapshots
// written, customerSince put in the plan's front matter, the plan updated with its Usage section
// and chart), all through src/core on an in-memory notes folder; the fixture's files are exactly
// what that leaves. The team bank loads cleanly beside the built-in banks.
//
// When the note or plan format changes, regenerate the files and review the diff:
//   CALL_COACH_UPDATE_SAMPLE=1 npm test -- unit
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type BankFile } from '../../src/core/bank/catalog';
import type { Bank } from '../../src/core/bank/schema';
import { answerTags, type CallNote, type NoteSection } from '../../src/core/note/model';
import { parseNote } from '../../src/core/note/parse';
import { renderNote } from '../../src/core/note/render';
import { adoptionStatus } from '../../src/core/bank/adoption';
import { planContext } from '../../src/core/plan/context';
import { PLAN_FILE } from '../../src/core/notesFolder';
import { renderPlan } from '../../src/core/plan/planFile';
import { buildPlan } from '../../src/core/plan/rollup';
import { questionText } from '../../src/core/session/reducer';
import { slugify } from '../../src/core/paths';
import { NoteIndex } from '../../src/core/plan/noteIndex';
import { updateSuccessPlan } from '../../src/core/plan/updatePlan';
import { readCustomerSince, withCustomerSince } from '../../src/core/usage/customerSince';
import { planImport } from '../../src/core/usage/importPlan';
import { parsePayload } from '../../src/core/usage/payload';
import { CHART_FILE } from '../../src/core/usage/planUsage';
import { usageKeys } from '../../src/core/usage/report';
import { portfolioUsage, storedSnapshots, USAGE_FOLDER, writeSnapshots } from '../../src/core/usage/usageStore';
import { planText } from '../../src/core/plan/planFrontMatter';
import { planFacts } from '../../src/core/portfolio/aggregate';
import type { SuccessPlan } from '../../src/core/plan/model';
import { SAMPLE_CALLS, SAMPLE_CUSTOMER, SAMPLE_CUSTOMER_SINCE, SAMPLE_OVERLAY, SAMPLE_PLAN_DAY, SAMPLE_TEAM_BANKS, SAMPLE_USAGE, type SampleCall } from '../fixtures/sampleCustomer';
import { MemoryNotesFolder } from './fakes/memoryNotesFolder';
import { EE_BASE, payload } from './core/usage/usagePayloads';

const repoRoot = path.resolve(__dirname, '../../..');
const overlay = path.join(repoRoot, SAMPLE_OVERLAY);
const slug = slugify(SAMPLE_CUSTOMER, 'customer');
const customerDir = path.join(overlay, 'success-plans', slug);
const update = process.env.CALL_COACH_UPDATE_SAMPLE === '1';

function bankFiles(): BankFile[] {
  const questions = path.join(repoRoot, 'questions');
  const builtIn = fs.readdirSync(questions).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(questions, f));
  const team = SAMPLE_TEAM_BANKS.map((f) => path.join(overlay, f));
  return [...builtIn, ...team].map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

const catalog = buildCatalog(bankFiles());
const banks = new Map(catalog.banks.map((b) => [b.id, b]));

function prompt(bank: Bank, id: string) {
  for (const p of bank.prompts) {
    if (p.id === id) return p;
    const f = p.followUps?.find((x) => x.id === id);
    if (f) return f;
  }
  assert.fail(`${bank.id} has no prompt ${id}`);
}

/** The CallNote a finished call would give, built the way src/core/session/toNote.ts builds it. */
function toCallNote(call: SampleCall): CallNote {
  const sections: NoteSection[] = call.sections.map((s) => {
    const bank = banks.get(s.techniqueId) ?? assert.fail(`no bank ${s.techniqueId}`);
    return {
      techniqueId: bank.id,
      title: bank.title,
      entries: s.entries.map((e) => {
        const p = prompt(bank, e.promptId);
        return { promptId: e.promptId, question: questionText(p, e.values ?? {}), answer: e.answer, tags: e.tags ?? (p.tag ? [p.tag] : []) };
      }),
    };
  });
  const stageOf = (id: string): string => banks.get(id)?.stage ?? '';
  const adoption = catalog.banks.flatMap((bank) => {
    const score = call.adoption.find((a) => a.stage === bank.stage);
    if (!score || !bank.adoption) return [];
    return [{ ...score, status: adoptionStatus(bank.adoption, score.percent, score.criteria) }];
  });
  const stages = [...new Set([...sections.map((s) => stageOf(s.techniqueId)).filter(Boolean), ...adoption.map((a) => a.stage)])];
  const entries = sections.flatMap((s) => s.entries);
  // As toNote: the call's objectives are its answers tagged objective, in call order.
  const tagged = [...new Set(entries.filter((e) => e.tags.includes('objective')).map((e) => e.answer))];
  assert.deepEqual(
    call.objectives.map((o) => o.text),
    tagged,
    `${call.file}: objectives are the answers tagged objective`,
  );
  const { file: _file, done = [], ...rest } = call;
  return {
    ...rest,
    adoption,
    sections,
    techniques: sections.map((s) => s.techniqueId).filter((id) => banks.get(id)?.kind !== 'stage'),
    stages,
    tags: ['call-note', ...answerTags.filter((t) => entries.some((e) => e.tags.includes(t)))],
    actionItems: entries.filter((e) => e.tags.includes('action-item')).map((e) => ({ text: e.answer, done: done.includes(e.answer) })),
  };
}

/** Compares a fixture file with what it should hold, or rewrites it in update mode. */
function matches(file: string, expected: string): void {
  if (update) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, expected);
    return;
  }
  assert.ok(fs.existsSync(file), `${path.relative(repoRoot, file)} is missing; run CALL_COACH_UPDATE_SAMPLE=1 npm test -- unit`);
  assert.equal(fs.readFileSync(file, 'utf8'), expected, `${path.relative(repoRoot, file)} is not what Call Coach writes; run CALL_COACH_UPDATE_SAMPLE=1 npm test -- unit and review the diff`);
}

const silent = { info() {}, warn(message: string) { assert.fail(`the sample logged a warning: ${message}`); } };
const USAGE_FILES = SAMPLE_USAGE.map((m) => `${String(m.recorded_at).slice(0, 10)}.json`);

/**
 * The customer folder as Call Coach leaves it: the three notes, the plan written after the last
 * call, then the usage payloads imported on the same day as Import Usage Data does
 * (src/host/usage/importCommand.ts: prepare, writeSnapshots, rememberCustomerSince, updateSuccessPlan).
 */
async function sampleFolder(notes: { file: string; note: CallNote }[]): Promise<{ folder: MemoryNotesFolder; plan: SuccessPlan }> {
  const folder = new MemoryNotesFolder(Object.fromEntries(notes.map(({ file, note }) => [`${slug}/${file}`, renderNote(note)])));
  const source = { folder, index: new NoteIndex(), log: silent };
  await updateSuccessPlan(source, slug, catalog, SAMPLE_PLAN_DAY);

  const keys = usageKeys(catalog.banks);
  const now = new Date(`${SAMPLE_PLAN_DAY}T18:00:00Z`);
  const incoming = SAMPLE_USAGE.map((flat, i) => {
    const parsed = parsePayload(payload(EE_BASE, flat), { keys, now });
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
    assert.deepEqual(parsed.unavailable, [], 'every metric the banks read is in the sample payloads');
    return { source: `service-ping-${i + 1}.json`, snapshot: parsed.snapshot };
  });
  const batch = planImport(await storedSnapshots(folder, slug, keys, silent, now), incoming);
  assert.ok(batch.ok, batch.ok ? '' : batch.problems.join('; '));
  await writeSnapshots(folder, slug, batch.writes);
  const since = withCustomerSince(await planText(folder, slug), SAMPLE_CUSTOMER_SINCE);
  assert.ok(since !== undefined);
  await folder.write([slug, PLAN_FILE], since);
  const { plan } = await updateSuccessPlan(source, slug, catalog, SAMPLE_PLAN_DAY);
  return { folder, plan };
}

describe('the sample customer (npm start)', () => {
  const notes = SAMPLE_CALLS.map((call) => ({ file: call.file, note: toCallNote(call) }));
  let folder: MemoryNotesFolder;
  let plan: SuccessPlan;
  before(async () => ({ folder, plan } = await sampleFolder(notes)));

  it('loads the team bank beside the built-in banks without a problem', () => {
    assert.deepEqual(catalog.problems, []);
    assert.ok(banks.get('renewal-readiness'), 'the team bank is in the catalog');
  });

  it('names each note as Call Coach does: <date>-<title>.md', () => {
    for (const { file, note } of notes) assert.equal(file, `${note.date}-${slugify(note.title, 'call')}.md`);
  });

  for (const call of SAMPLE_CALLS) {
    it(`${call.file} is exactly what renderNote writes, and parseNote reads the call back`, () => {
      const note = toCallNote(call);
      const file = path.join(customerDir, call.file);
      matches(file, renderNote(note));
      const parsed = parseNote(fs.readFileSync(file, 'utf8'));
      assert.ok(parsed.ok, parsed.ok ? '' : `${call.file}: ${parsed.error} (line ${parsed.line})`);
      assert.deepEqual(parsed.note, note);
    });
  }

  it(`${PLAN_FILE} is the roll-up of the three notes and the usage data, as the host writes it after an import`, () => {
    matches(path.join(customerDir, PLAN_FILE), folder.text(`${slug}/${PLAN_FILE}`)!);
    // Without usage data it is the plain roll-up of the notes (what the host wrote after the call).
    const context = planContext(catalog.banks, SAMPLE_PLAN_DAY);
    const callsOnly = renderPlan(buildPlan({ customer: SAMPLE_CUSTOMER, notes }, context), context);
    assert.ok(callsOnly.ok);
    assert.match(callsOnly.text, /^# Success plan: Northwind Logistics$/m);
    // What the first minute should show: three objectives, two open actions (two others were
    // ticked in their notes), and gaps of each kind, the usage alert first.
    assert.equal(plan.objectives.length, 3);
    assert.equal(plan.actions.length, 2);
    const kinds = new Set(plan.gaps.map((g) => g.kind));
    for (const kind of ['usage-drop', 'stage-never', 'technique-never', 'objective-without-metric', 'metric-without-baseline'] as const) assert.ok(kinds.has(kind), `a ${kind} gap`);
    assert.equal(plan.gaps[0]?.kind, 'usage-drop');
  });

  it('the usage snapshots, the chart and customerSince are what Import Usage Data stores; the story they tell', async () => {
    for (const name of [...USAGE_FILES, CHART_FILE]) matches(path.join(customerDir, USAGE_FOLDER, name), folder.text(`${slug}/${USAGE_FOLDER}/${name}`)!);
    const text = fs.readFileSync(path.join(customerDir, PLAN_FILE), 'utf8');
    assert.equal(readCustomerSince(text), SAMPLE_CUSTOMER_SINCE);
    assert.match(text, /From 3 monthly Service Ping snapshots \(latest 2026-11-01\)/);
    assert.match(text, /\| License utilization \| Yellow \(64%\) \| Yellow \(72%\) \| Green \(80%\) \|/);
    assert.match(text, /\| CI \| Yellow \(63\) \| Yellow \(63\) \| Green \(88\) \|/);
    assert.match(text, /- User engagement went Green → Yellow since 2026-10-01: ask which team is moving off/);
    // Nothing that identifies the instance is kept.
    for (const name of USAGE_FILES) assert.doesNotMatch(folder.text(`${slug}/${USAGE_FOLDER}/${name}`)!, /hostname|licensee|uuid|acme/i);
    // The Customers view and portfolio.md: health from usage (the worst colour of November), one alert.
    const usage = await portfolioUsage({ folder, log: silent })(slug, planFacts(plan));
    assert.deepEqual(usage, {
      worst: 'red',
      alerts: ['User engagement went Green → Yellow since 2026-10-01'],
      drops: [{ useCase: 'userEngagement', since: '2026-10-01', kind: 'health', fromColor: 'green', toColor: 'yellow' }],
      recordedAt: '2026-11-01',
    });
  });

  it('holds nothing but the notes, the plan and the usage folder in the customer folder, and its README names them all', () => {
    const expected = [...SAMPLE_CALLS.map((c) => c.file), PLAN_FILE, USAGE_FOLDER].sort();
    assert.deepEqual(fs.readdirSync(customerDir).sort(), expected);
    assert.deepEqual(fs.readdirSync(path.join(customerDir, USAGE_FOLDER)).sort(), [...USAGE_FILES, CHART_FILE].sort());
    const readme = fs.readFileSync(path.join(overlay, 'README.md'), 'utf8');
    for (const name of [...expected, ...USAGE_FILES, CHART_FILE, ...SAMPLE_TEAM_BANKS.map((f) => path.basename(f)), SAMPLE_CUSTOMER]) assert.ok(readme.includes(name), `the sample README names ${name}`);
  });
});
