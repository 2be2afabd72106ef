// The sample customer `npm start` opens (test/fixtures/sample-customer) is what Call Coach itself
// writes: each note is renderNote of its call (test/fixtures/sampleCustomer.ts), parses back with
// parseNote to the same call, and success-plan.md is the roll-up of those notes as the host writes
// it. The team bank loads cleanly beside the built-in banks.
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
import { SAMPLE_CALLS, SAMPLE_CUSTOMER, SAMPLE_OVERLAY, SAMPLE_PLAN_DAY, SAMPLE_TEAM_BANKS, type SampleCall } from '../fixtures/sampleCustomer';

const repoRoot = path.resolve(__dirname, '../../..');
const overlay = path.join(repoRoot, SAMPLE_OVERLAY);
const customerDir = path.join(overlay, 'success-plans', slugify(SAMPLE_CUSTOMER, 'customer'));
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

describe('the sample customer (npm start)', () => {
  const notes = SAMPLE_CALLS.map((call) => ({ file: call.file, note: toCallNote(call) }));

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

  it(`${PLAN_FILE} is the roll-up of the three notes, as the host writes it after the last call`, () => {
    const context = planContext(catalog.banks, SAMPLE_PLAN_DAY);
    const plan = buildPlan({ customer: SAMPLE_CUSTOMER, notes }, context);
    const rendered = renderPlan(plan, context);
    assert.ok(rendered.ok, rendered.ok ? '' : rendered.error);
    matches(path.join(customerDir, PLAN_FILE), rendered.text);
    // What the first minute should show: three objectives, two open actions (two others were
    // ticked in their notes), and gaps of each kind.
    assert.equal(plan.objectives.length, 3);
    assert.equal(plan.actions.length, 2);
    const kinds = new Set(plan.gaps.map((g) => g.kind));
    for (const kind of ['stage-never', 'technique-never', 'objective-without-metric', 'metric-without-baseline'] as const) assert.ok(kinds.has(kind), `a ${kind} gap`);
  });

  it('holds nothing but the notes and the plan in the customer folder, and its README names them all', () => {
    const expected = [...SAMPLE_CALLS.map((c) => c.file), PLAN_FILE].sort();
    assert.deepEqual(fs.readdirSync(customerDir).sort(), expected);
    const readme = fs.readFileSync(path.join(overlay, 'README.md'), 'utf8');
    for (const name of [...expected, ...SAMPLE_TEAM_BANKS.map((f) => path.basename(f)), SAMPLE_CUSTOMER]) assert.ok(readme.includes(name), `the sample README names ${name}`);
  });
});
