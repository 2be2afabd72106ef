// Every bank problem carries what it says as a code and its facts (core/bank/issues.ts), so the
// extension can word it in the display language (host/bankIssueText.ts); the English message the
// CLI prints stays as it was.
import { strict as assert } from 'node:assert';
import { buildCatalog, type BankFile } from '../../../../src/core/bank/catalog';
import type { BankIssue } from '../../../../src/core/bank/issues';
import { loadBank, loadBankFile, MAX_BANK_BYTES, type BankProblem } from '../../../../src/core/bank/loader';
import { VALID_BANK } from './validBank';

const valid = VALID_BANK;

function problems(text: string): BankProblem[] {
  const r = loadBankFile('bank.yaml', text);
  assert.equal(r.ok, false, 'expected the file to be rejected');
  return r.ok ? [] : r.problems;
}

const issues = (text: string): BankIssue[] => problems(text).map((p) => p.issue ?? assert.fail(`no issue for "${p.message}"`));
const only = (text: string): BankIssue => {
  const list = issues(text);
  assert.equal(list.length, 1, JSON.stringify(list));
  return list[0]!;
};

describe('bank problems as codes and facts', () => {
  it('the file as a whole: too big, not UTF-8, YAML (its parser\'s words), too deep, alias bombs, empty', () => {
    assert.deepEqual(only(`# ${'x'.repeat(MAX_BANK_BYTES)}\n`), { code: 'too-big', megabytes: '1.0' });
    assert.deepEqual(only('id: x\u0000\n'), { code: 'not-utf8' });
    const yaml = only('id: x\nkind: [technique\ntitle: y\n');
    assert.equal(yaml.code, 'yaml');
    assert.deepEqual(only('a: ' + '['.repeat(40) + ']'.repeat(40) + '\n'), { code: 'too-deep', levels: 24, line: 1 });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    assert.deepEqual(only(bomb.join('\n')), { code: 'too-many-aliases', max: 10_000 });
    assert.deepEqual(only('# nothing\n'), { code: 'empty-file' });
  });

  it('values against the schema: missing and unknown keys, types, choices of values, lengths, formats', () => {
    assert.deepEqual(only(valid.replace('    hint: A number sizes the opportunity.\n', '')), { code: 'missing-key', key: 'hint' });
    assert.deepEqual(only(valid + 'colour: blue\n'), { code: 'unknown-key', key: 'colour' });
    assert.deepEqual(only(valid.replace('title: Sample', 'title: [a, b]')), { code: 'wrong-type', expected: 'string', received: 'list' });
    assert.deepEqual(only(valid + 'order: 1.5\n'), { code: 'wrong-type', expected: 'int', received: 'number' });
    assert.deepEqual(only(valid.replace('kind: technique', 'kind: lecture')), { code: 'not-one-of', values: ['technique', 'stage', 'checklist'] });
    assert.deepEqual(only(valid.replace('title: Sample', 'title: "  "')), { code: 'empty' });
    assert.deepEqual(only(valid.replace('title: Sample', `title: ${'x'.repeat(121)}`)), { code: 'too-long', max: 120 });
    assert.deepEqual(only(valid.replace(/prompts:[\s\S]*$/, 'prompts: []\n')), { code: 'too-few', key: 'prompts', min: 1 });
    assert.deepEqual(only(valid + 'order: -1\n'), { code: 'below', min: 0 });
    assert.deepEqual(only(valid + 'order: 10001\n'), { code: 'above', max: 10000 });
    assert.deepEqual(only(valid.replace('id: sample-two', 'id: Sample Two')), { code: 'format', format: 'id' });
    assert.deepEqual(only(valid.replace('url: https://', 'url: javascript://')), { code: 'format', format: 'https-url' });
    // A placeholder's name is a record key: its own check says what is wrong ("Invalid key in record" in English).
    assert.deepEqual(only(valid.replace('topic: { label: Topic }', 'topic: { label: Topic }\n      Bad: { label: B }')), { code: 'format', format: 'placeholder-name' });
    assert.deepEqual(only(valid.replace('hint: Let them lead.', 'hint: "two\\nlines"')), { code: 'single-line' });
  });

  it('the schema\'s own rules: choices, placeholders, stages, duplicate ids', () => {
    assert.deepEqual(only(valid.replace('answer: percent', 'answer: choice')), { code: 'choices-missing' });
    assert.deepEqual(only(valid.replace('answer: percent', 'answer: percent\n    choices: [a, b]')), { code: 'choices-unused', answer: 'percent' });
    assert.deepEqual(only(valid.replace('How many teams use it?', 'How many {teams} use it?')), { code: 'placeholder-undeclared', name: 'teams' });
    assert.deepEqual(only(valid.replace('Tell me about {topic}.', 'Tell me about it.')), { code: 'placeholder-unused', name: 'topic' });
    assert.deepEqual(issues(valid.replace('kind: technique', 'kind: stage')).map((i) => i.code).sort(), ['adoption-missing', 'stage-missing']);
    assert.deepEqual(only(valid + 'stage: verify\n'), { code: 'stage-not-allowed' });
    assert.deepEqual(only(valid.replace('id: sample-two', 'id: sample-one')), { code: 'duplicate-id', id: 'sample-one', first: 'prompts.0' });
    const adoption = `${valid.replace('kind: technique', 'kind: stage')}stage: verify
adoption:
  rule: A rule.
  criteria:
    - { id: c-one, text: One, group: g }
    - { id: c-one, text: Two }
  requires:
    - { group: nope, atLeast: 1 }
    - { atLeast: 3 }
`;
    assert.deepEqual(issues(adoption), [
      { code: 'group-unknown', group: 'nope' },
      { code: 'at-least-too-many', atLeast: 1, pool: 0 },
      { code: 'at-least-too-many', atLeast: 3, pool: 2 },
      { code: 'duplicate-criterion', id: 'c-one' },
    ]);
  });

  it('the English message stays as the CLI prints it', () => {
    const p = problems(valid.replace('How many teams use it?', 'How many {teams} use it?'))[0]!;
    assert.equal(p.message, 'the text uses {teams} but placeholders does not declare it; add "teams: { label: ... }"');
    assert.equal(loadBank('bank.yaml', valid).ok, true);
  });

  it('overrides and files against each other', () => {
    const base: BankFile = { file: 'builtin/sample.yaml', text: valid };
    const team = (body: string): BankFile => ({ file: 'team/o.yaml', text: `id: team-wording\nkind: overrides\n${body}` });
    const issuesOf = (...files: BankFile[]) => buildCatalog([base, ...files]).problems.map((p) => p.issue ?? assert.fail(`no issue for "${p.message}"`));
    assert.deepEqual(issuesOf(team('overrides: []\n')), [{ code: 'overrides-empty' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - prompt: sample-one\n')), [{ code: 'override-changes-nothing', fields: ['text', 'hint', 'note', 'tag', 'answer', 'choices', 'unit', 'placeholders', 'when'] }]);
    assert.deepEqual(issuesOf(team('criteria:\n  - criterion: c-one\n')), [{ code: 'criterion-override-changes-nothing' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: sample-one, hint: A }\n  - { prompt: sample-one, hint: B }\n')), [{ code: 'override-duplicate', prompt: 'sample-one', first: 0 }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: nope, hint: A }\n')), [{ code: 'override-prompt-unknown', prompt: 'nope' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: nope, bank: sample, hint: A }\n')), [{ code: 'override-prompt-unknown', prompt: 'nope', bank: 'sample' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: sample-one, bank: other, hint: A }\n')), [{ code: 'override-bank-unknown', bank: 'other' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: sample-one, when: if so }\n')), [{ code: 'override-when-on-main', prompt: 'sample-one', bank: 'sample' }]);
    assert.deepEqual(issuesOf(team('criteria:\n  - { criterion: c-nope, growth: true }\n')), [{ code: 'criterion-unknown', criterion: 'c-nope' }]);
    assert.deepEqual(issuesOf(team('overrides:\n  - { prompt: sample-two, answer: choice }\n')), [
      { code: 'override-invalid', prompt: 'sample-two', bank: 'sample', reasons: [{ path: 'choices', message: 'a "choice" answer needs a list of choices', issue: { code: 'choices-missing' } }] },
    ]);
    const twin: BankFile = { file: 'builtin/twin.yaml', text: valid.replace('id: sample\n', 'id: twin\n') };
    const ambiguous = buildCatalog([base, { file: 'builtin/twin.yaml', text: twin.text.replace(/id: sample-one/, 'id: sample-one') }, team('overrides:\n  - { prompt: sample-two, hint: A }\n')]);
    assert.deepEqual(
      ambiguous.problems.map((p) => p.issue),
      [{ code: 'override-prompt-ambiguous', prompt: 'sample-two', banks: ['sample', 'twin'] }],
    );
    assert.deepEqual(issuesOf({ file: 'team/copy.yaml', text: valid }), [{ code: 'id-taken', id: 'sample', by: 'builtin/sample.yaml', isBank: true }]);
    const playbook: BankFile = { file: 'team/p.yaml', text: 'id: p\nkind: playbook\ntitle: P\nsummary: S.\ncallTitle: C\ntechniques: [sample, missing]\n' };
    assert.deepEqual(issuesOf(playbook), [{ code: 'technique-unknown', id: 'missing' }]);
  });
});
