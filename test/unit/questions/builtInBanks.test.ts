// The built-in question banks (questions/*.yaml) load cleanly through the same catalog the
// extension uses, and hold together as a set: every technique and stage is there, ids are unique
// across banks, and every bank cites a seed page that exists.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allPrompts, buildCatalog, type Catalog } from '../../../src/core/bank/catalog';
import { placeholderNames, stageIds, type Bank } from '../../../src/core/bank/schema';

const repoRoot = path.resolve(__dirname, '../../../..');
const questionsDir = path.join(repoRoot, 'questions');
const seedsDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
/** Seed file names the banks may cite (the handbook pages in the seeds README). */
const seedFiles = [
  '000_9d0cc1cfdb46dde8.txt',
  '001_2eac508c9b668684.txt',
  '002_d2ea79f3e6b21278.txt',
  '003_a76f8313b5c40a99.txt',
  '004_4fb3d8437f41789a.txt',
];

function loadBuiltIns(): { catalog: Catalog; files: string[] } {
  const files = fs.readdirSync(questionsDir).filter((f) => f.endsWith('.yaml')).sort();
  const catalog = buildCatalog(files.map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') })));
  return { catalog, files };
}

function bankById(banks: readonly Bank[], id: string): Bank {
  const bank = banks.find((b) => b.id === id);
  assert.ok(bank, `no bank with id "${id}"`);
  return bank;
}

describe('built-in question banks', () => {
  const { catalog, files } = loadBuiltIns();
  const banks = catalog.banks;

  it('all load with no problems, warnings included', () => {
    const report = catalog.problems.map((p) => `${p.file}:${p.start.line}:${p.start.col} ${p.path} ${p.message}`);
    assert.deepEqual(report, []);
    assert.deepEqual(catalog.skipped, []);
    assert.equal(banks.length + catalog.playbooks.length, files.length);
  });

  it('names each file after its bank id (playbooks: playbook-<id>.yaml)', () => {
    for (const bank of banks) assert.ok(files.includes(`${bank.id}.yaml`), `bank "${bank.id}" is not in ${bank.id}.yaml`);
    for (const p of catalog.playbooks) assert.ok(files.includes(`playbook-${p.id}.yaml`), `playbook "${p.id}" is not in playbook-${p.id}.yaml`);
  });

  it('offers a playbook per call type, each naming only loaded techniques', () => {
    assert.deepEqual(
      catalog.playbooks.map((p) => p.id),
      ['discovery', 'sync-refresh', 'metrics-dora', 'ebr-prep', 'five-whys-deep-dive', 'stage-adoption-review'],
    );
    for (const p of catalog.playbooks) for (const t of p.techniques) bankById(banks, t);
    assert.equal(catalog.playbooks.find((p) => p.id === 'stage-adoption-review')!.stages.length, 10);
  });

  it('has every technique and checklist from the handbook pages', () => {
    const expected: [string, Bank['kind'], Bank['flow']][] = [
      ['ted', 'technique', 'ted'],
      ['where-next', 'technique', 'steps'],
      ['sync-refresh', 'technique', 'steps'],
      ['commiseration', 'technique', 'steps'],
      ['day-in-the-life', 'technique', 'steps'],
      ['metrics', 'technique', 'steps'],
      ['stage-adoption', 'technique', 'stages'],
      ['priorities', 'technique', 'steps'],
      ['higher-level-priorities', 'technique', 'steps'],
      ['leveling-up', 'technique', 'steps'],
      ['right-person', 'technique', 'steps'],
      ['five-whys', 'technique', 'ladder'],
      ['dora-metrics', 'technique', 'steps'],
      ['product-usage-review', 'technique', 'steps'],
      ['value-drivers', 'technique', 'steps'],
      ['metrics-health-check', 'checklist', 'steps'],
      ['urgency', 'checklist', 'steps'],
    ];
    for (const [id, kind, flow] of expected) {
      const bank = bankById(banks, id);
      assert.equal(bank.kind, kind, `${id} kind`);
      assert.equal(bank.flow, flow, `${id} flow`);
    }
  });

  it('has one stage bank per DevOps stage, in lifecycle order from 500, each with adoption criteria', () => {
    const stageBanks = banks.filter((b) => b.kind === 'stage');
    assert.deepEqual(
      stageBanks.map((b) => b.stage),
      [...stageIds],
      'stages present once each, ordered Manage to Govern',
    );
    for (const bank of stageBanks) {
      assert.equal(bank.id, `stage-${bank.stage}`);
      assert.ok(bank.order >= 500 && bank.order < 600, `${bank.id} order ${bank.order}`);
      const adoption = bank.adoption;
      assert.ok(adoption, `${bank.id} has no adoption`);
      assert.equal(adoption.thresholdPercent, 25);
      assert.match(adoption.rule, /25%/, `${bank.id} rule states the 25% rule`);
      assert.match(adoption.rule, /pilot/, `${bank.id} rule says what below the threshold means`);
      assert.ok(adoption.criteria.length >= 1);
    }
  });

  it('orders openers first, stages at 500+, checklists last', () => {
    const order = (id: string) => bankById(banks, id).order;
    for (const opener of ['commiseration', 'sync-refresh', 'where-next', 'ted']) {
      assert.ok(order(opener) < order('day-in-the-life'), `${opener} before Day in the Life`);
    }
    const sequence = ['day-in-the-life', 'metrics', 'stage-adoption', 'priorities', 'leveling-up', 'right-person', 'five-whys', 'stage-manage'];
    for (let i = 1; i < sequence.length; i++) {
      assert.ok(order(sequence[i - 1]!) < order(sequence[i]!), `${sequence[i - 1]} before ${sequence[i]}`);
    }
    const lastTechnique = Math.max(...banks.filter((b) => b.kind !== 'checklist').map((b) => b.order));
    for (const b of banks.filter((b) => b.kind === 'checklist')) assert.ok(b.order > lastTechnique, `${b.id} comes last`);
  });

  it('uses prompt ids that are unique across all banks and prefixed with their bank', () => {
    const seen = new Map<string, string>();
    for (const { bank, prompt } of allPrompts(banks)) {
      const prefix = bank.stage ?? bank.id;
      assert.ok(prompt.id.startsWith(`${prefix}-`), `${prompt.id} in ${bank.id} should start with "${prefix}-"`);
      const other = seen.get(prompt.id);
      assert.equal(other, undefined, `prompt id "${prompt.id}" is in both ${other} and ${bank.id}`);
      seen.set(prompt.id, bank.id);
    }
    // Criterion and value-driver metric ids share the namespace the coverage table points into.
    for (const bank of banks) {
      const others = [
        ...(bank.adoption?.criteria.map((c) => c.id) ?? []),
        ...(bank.valueDrivers?.flatMap((d) => [d.id, ...d.metrics.map((m) => m.id)]) ?? []),
      ];
      for (const id of others) {
        assert.equal(seen.get(id), undefined, `id "${id}" in ${bank.id} is also a prompt id`);
        seen.set(id, bank.id);
      }
    }
  });

  it('gives every prompt a hint and every bank a seed source with url and file', () => {
    for (const bank of banks) {
      assert.ok(bank.source.length >= 1);
      for (const s of bank.source) {
        assert.ok(s.url?.startsWith('https://handbook.gitlab.com/'), `${bank.id} source url ${s.url}`);
        assert.ok(s.file && seedFiles.includes(s.file), `${bank.id} cites unknown seed file ${s.file}`);
        assert.ok(fs.existsSync(path.join(seedsDir, s.file)), `${s.file} missing from test/fixtures/seeds`);
      }
    }
    for (const { bank, prompt } of allPrompts(banks)) {
      assert.notEqual(prompt.hint.trim().toLowerCase(), prompt.text.trim().toLowerCase(), `${bank.id}/${prompt.id} hint repeats the text`);
    }
  });

  it('marks percentage and numeric prompts with the right answer kind', () => {
    for (const { prompt } of allPrompts(banks)) {
      if (/\bwhat percentage\b/i.test(prompt.text)) assert.equal(prompt.answer, 'percent', prompt.id);
      if (prompt.answer === 'number') assert.ok(prompt.unit, `${prompt.id} needs a unit`);
    }
    const mr = [...allPrompts(banks)].find((p) => p.prompt.id === 'day-in-the-life-feature-to-mr');
    assert.equal(mr?.prompt.answer, 'number');
  });

  it('makes the Five Whys ladder quote the previous answer on every rung', () => {
    const ladder = bankById(banks, 'five-whys');
    assert.equal(ladder.flow, 'ladder');
    const [focus, ...rungs] = ladder.prompts;
    assert.ok(focus);
    assert.ok(!placeholderNames(focus.text).includes('previous'), 'the focus question has no previous answer to quote');
    assert.ok(rungs.length >= 4, 'about five rounds: a focus question and at least four rungs');
    for (const rung of rungs) {
      assert.deepEqual(placeholderNames(rung.text), ['previous'], `${rung.id} uses only {previous}`);
      // The sidebar puts the quoted answer in quotation marks itself.
      assert.doesNotMatch(rung.text, /["'\u201C\u2018]\{previous\}/, `${rung.id} quotes {previous} twice`);
    }
    // The CSM marks the rung that reached the strategic objective; a default tag would mark them all.
    for (const p of ladder.prompts) assert.notEqual(p.tag, 'objective', `${p.id} should not default to objective`);
  });

  it('declares the placeholders the techniques are built around', () => {
    const uses = (promptId: string, name: string) => {
      const hit = [...allPrompts(banks)].find((p) => p.prompt.id === promptId);
      assert.ok(hit, promptId);
      assert.ok(placeholderNames(hit.prompt.text).includes(name), `${promptId} uses {${name}}`);
    };
    uses('where-next-maximize-value', 'use_cases');
    uses('sync-refresh-understand-better', 'objective');
    uses('sync-refresh-prior-topic', 'topic');
    uses('priorities-horizon', 'horizon');
    uses('right-person-who-can-help', 'objective');
  });

  it('models the stage rules that need more than one criterion', () => {
    const requires = (id: string) => bankById(banks, id).adoption?.requires ?? [];
    assert.deepEqual(requires('stage-manage').map((r) => r.atLeast), [2]);
    assert.ok(requires('stage-release').some((r) => r.group === 'release-features' && r.atLeast === 2));
    assert.ok(requires('stage-verify').length >= 2, 'Verify has several conditions');
  });

  it('holds the three value drivers with metrics and directions', () => {
    const drivers = bankById(banks, 'value-drivers').valueDrivers ?? [];
    assert.deepEqual(
      drivers.map((d) => d.name),
      ['Increase Operational Efficiencies', 'Deliver Better Products Faster', 'Reduce Security and Compliance Risk'],
    );
    for (const d of drivers) assert.ok(d.metrics.length >= 5, d.name);
  });
});
