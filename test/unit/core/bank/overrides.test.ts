// Team question banks: overrides of existing prompts by id, and how a team file meets the
// built-ins in the catalog (ids, order, problems at the exact entry).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type BankFile } from '../../../../src/core/bank/catalog';
import type { Bank } from '../../../../src/core/bank/schema';
import { starterBank } from '../../../../src/core/bank/starters';
import { bankWatchGlob, checkBankPath, isBankFileName } from '../../../../src/core/bank/teamPaths';

const base: BankFile = {
  file: 'builtin/alpha.yaml',
  text: `id: alpha
kind: technique
title: Alpha
summary: A built-in bank.
source: { title: Test page }
prompts:
  - id: alpha-topic
    text: Tell me about {topic} and {team}.
    hint: Let them lead.
    placeholders:
      topic: { label: Topic }
      team: { label: Team }
    followUps:
      - id: alpha-topic-more
        when: if they hesitate
        text: What would help?
        hint: Listen for blockers.
  - id: alpha-pick
    text: Which one?
    hint: Pick one.
    answer: choice
    choices: [one, two]
`,
};

const overrides = (body: string, file = 'team/overrides.yaml'): BankFile => ({ file, text: `id: team-wording\nkind: overrides\noverrides:\n${body}` });

function prompt(banks: readonly Bank[], id: string): { text: string; hint: string; when?: string; answer: string; choices?: string[]; placeholders?: object; tag?: string } {
  for (const b of banks) for (const p of b.prompts) {
    if (p.id === id) return p;
    const f = p.followUps?.find((x) => x.id === id);
    if (f) return f;
  }
  assert.fail(`no prompt ${id}`);
}

describe('team overrides', () => {
  it('replaces only the given fields of a prompt and records who changed it', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n    hint: Our own hint.\n    tag: metric\n')]);
    assert.deepEqual(c.problems, []);
    const p = prompt(c.banks, 'alpha-pick');
    assert.equal(p.hint, 'Our own hint.');
    assert.equal(p.tag, 'metric');
    assert.equal(p.text, 'Which one?');
    assert.deepEqual(p.choices, ['one', 'two']);
    assert.deepEqual(c.overridden, [{ bankId: 'alpha', promptId: 'alpha-pick', file: 'team/overrides.yaml' }]);
  });

  it('changes a follow-up, including its "when"', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-topic-more\n    when: if they go quiet\n')]);
    assert.deepEqual(c.problems, []);
    assert.equal(prompt(c.banks, 'alpha-topic-more').when, 'if they go quiet');
  });

  it('keeps only the placeholders a new text still uses', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-topic\n    text: Tell me about {topic}.\n')]);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(Object.keys(prompt(c.banks, 'alpha-topic').placeholders ?? {}), ['topic']);
  });

  it('drops the choices when the answer kind changes away from "choice"', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n    answer: number\n    unit: teams\n')]);
    assert.deepEqual(c.problems, []);
    const p = prompt(c.banks, 'alpha-pick');
    assert.equal(p.answer, 'number');
    assert.equal(p.choices, undefined);
  });

  it('leaves the input banks untouched', () => {
    const before = buildCatalog([base]);
    const after = buildCatalog([base, overrides('  - prompt: alpha-pick\n    hint: Changed.\n')]);
    assert.equal(prompt(before.banks, 'alpha-pick').hint, 'Pick one.');
    assert.equal(prompt(after.banks, 'alpha-pick').hint, 'Changed.');
  });

  it('reports an unknown prompt id at that entry and still applies the others', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n    hint: Fine.\n  - prompt: alpha-nope\n    hint: Lost.\n')]);
    assert.equal(c.problems.length, 1);
    const [p] = c.problems;
    assert.equal(p!.file, 'team/overrides.yaml');
    assert.deepEqual(p!.start, { line: 6, col: 13 });
    assert.match(p!.message, /no prompt with the id "alpha-nope"/);
    assert.equal(prompt(c.banks, 'alpha-pick').hint, 'Fine.');
    assert.deepEqual(c.skipped, [], 'the file is not skipped for one bad entry');
  });

  it('explains a patch that would leave the prompt invalid', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-topic\n    text: Tell me about {scope}.\n')]);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0]!.message, /not applied: placeholders: the text uses \{scope\}/);
    assert.equal(prompt(c.banks, 'alpha-topic').text, 'Tell me about {topic} and {team}.');
  });

  it('refuses "when" on a main prompt', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n    when: always\n')]);
    assert.match(c.problems[0]!.message, /"when" only applies to follow-ups/);
  });

  it('asks for "bank:" when two banks share the prompt id, and uses it when given', () => {
    const twin: BankFile = { file: 'team/twin.yaml', text: base.text.replace('id: alpha\n', 'id: twin\n').replace('title: Alpha', 'title: Twin') };
    const ambiguous = buildCatalog([base, twin, overrides('  - prompt: alpha-pick\n    hint: Which?\n')]);
    assert.match(ambiguous.problems[0]!.message, /used in more than one bank \(alpha, twin\); add "bank:"/);
    const chosen = buildCatalog([base, twin, overrides('  - prompt: alpha-pick\n    bank: twin\n    hint: This one.\n')]);
    assert.deepEqual(chosen.problems, []);
    assert.equal(chosen.banks.find((b) => b.id === 'twin')!.prompts[1]!.hint, 'This one.');
    assert.equal(chosen.banks.find((b) => b.id === 'alpha')!.prompts[1]!.hint, 'Pick one.');
  });

  it('names an unknown bank', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n    bank: nope\n    hint: x\n')]);
    assert.match(c.problems[0]!.message, /no loaded bank has the id "nope"/);
  });

  it('applies files in order, so a later file wins', () => {
    const c = buildCatalog([
      base,
      overrides('  - prompt: alpha-pick\n    hint: First.\n', 'team/a.yaml'),
      { file: 'team/b.yaml', text: 'id: second\nkind: overrides\noverrides:\n  - prompt: alpha-pick\n    hint: Second.\n' },
    ]);
    assert.deepEqual(c.problems, []);
    assert.equal(prompt(c.banks, 'alpha-pick').hint, 'Second.');
    assert.equal(c.overridden.length, 2);
  });

  it('rejects an override without changes, a duplicate entry, and unknown keys, skipping the file', () => {
    const c = buildCatalog([base, overrides('  - prompt: alpha-pick\n  - prompt: alpha-topic\n    hint: a\n  - prompt: alpha-topic\n    hint: b\n    colour: red\n')]);
    assert.deepEqual(c.skipped, ['team/overrides.yaml']);
    const messages = c.problems.map((p) => `${p.start.line}: ${p.message}`);
    assert.ok(messages.some((m) => /^4: an override changes at least one of/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^7: "alpha-topic" is already overridden at overrides\.1/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^9: unknown key "colour"/.test(m)), messages.join('\n'));
  });

  it('points a team bank that reuses a built-in id at its id line and suggests an overrides file', () => {
    const c = buildCatalog([base, { file: 'team/alpha.yaml', text: `# our copy\n${base.text}` }]);
    assert.deepEqual(c.skipped, ['team/alpha.yaml']);
    assert.deepEqual(c.problems[0]!.start, { line: 2, col: 5 });
    assert.match(c.problems[0]!.message, /already used by builtin\/alpha\.yaml.*kind "overrides"/);
  });
});

describe('starter banks', () => {
  const dir = path.resolve(__dirname, '../../../../../questions');
  const builtIns: BankFile[] = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));

  it('writes a technique starter that loads beside the built-ins without problems', () => {
    const c = buildCatalog([...builtIns, { file: 'team.yaml', text: starterBank('technique', 'team-questions-2') }]);
    assert.deepEqual(c.problems, []);
    const bank = c.banks.find((b) => b.id === 'team-questions-2');
    assert.ok(bank);
    assert.deepEqual(bank.prompts.map((p) => p.id), ['team-questions-2-goals', 'team-questions-2-teams']);
  });

  it('writes an overrides starter whose entries apply to built-in prompts', () => {
    const c = buildCatalog([...builtIns, { file: 'wording.yaml', text: starterBank('overrides', 'team-wording') }]);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.overridden.map((o) => o.promptId), ['manage-cycle-time', 'manage-group-efficiency']);
  });
});

describe('callCoach.questionBanks entries', () => {
  it('accepts workspace-relative files and folders', () => {
    assert.deepEqual(checkBankPath('team/banks/'), { ok: true, segments: ['team', 'banks'] });
    assert.deepEqual(checkBankPath('.\\team\\q.yaml'), { ok: true, segments: ['team', 'q.yaml'] });
  });

  it('refuses what would leave the workspace, with the fix', () => {
    for (const entry of ['/etc/banks', 'C:\\banks', 'https://x/y.yaml', '../other', 'a/../../b', '~/banks', '', '  ', 42]) {
      const r = checkBankPath(entry);
      assert.equal(r.ok, false, String(entry));
      if (!r.ok) assert.match(r.error, /use a path inside the workspace folder/);
    }
  });

  it('watches each bank path, what is below it and every folder above it, in one glob', () => {
    assert.equal(
      bankWatchGlob([['.callcoach', 'questions'], ['team', 'banks'], ['team', 'one.yaml']]),
      '{.callcoach,.callcoach/questions,.callcoach/questions/**,team,team/banks,team/banks/**,team/one.yaml,team/one.yaml/**}',
    );
  });

  it('keeps glob syntax in folder names from changing what the watch glob means', () => {
    // A comma would split the braces, a star would match any name; each stands for one character.
    assert.equal(bankWatchGlob([['a,b', '[x]*']]), '{a?b,a?b/?x??,a?b/?x??/**}');
  });

  it('knows bank file names', () => {
    assert.ok(isBankFileName('a.yaml') && isBankFileName('B.YML'));
    assert.ok(!isBankFileName('a.json') && !isBankFileName('yaml'));
  });
});
