import { strict as assert } from 'node:assert';
import { loadBank, loadBankFile, MAX_BANK_BYTES, type BankProblem } from '../../../../src/core/bank/loader';
import { VALID_BANK } from './validBank';

const valid = VALID_BANK;

function problems(text: string): BankProblem[] {
  const r = loadBank('bank.yaml', text);
  assert.equal(r.ok, false, 'expected the bank to be rejected');
  return r.ok ? [] : r.problems;
}

function only(text: string): BankProblem {
  const list = problems(text);
  assert.equal(list.length, 1, `expected one problem, got ${JSON.stringify(list, null, 1)}`);
  return list[0]!;
}

describe('loadBank', () => {
  it('accepts a valid bank and fills defaults', () => {
    const r = loadBank('bank.yaml', valid);
    assert.ok(r.ok);
    assert.equal(r.bank.prompts[0]!.answer, 'text');
    assert.equal(r.bank.flow, 'steps');
    assert.equal(r.bank.order, 1000);
    assert.equal(r.bank.source.length, 1, 'a single source is normalised to a list');
  });

  it('reports YAML syntax errors with line and column', () => {
    const p = only('id: x\nkind: [technique\ntitle: y\n');
    assert.match(p.message, /^YAML: /);
    assert.equal(p.start.line, 3);
    assert.equal(p.file, 'bank.yaml');
  });

  it('loads a 40,000-key mapping (390 KB) to the end: every unknown key reported at its own line', () => {
    // The shape that froze the extension host: each step (unique keys, validation, positions) must be linear.
    const text = Array.from({ length: 40_000 }, (_, i) => `k${String(i).padStart(5, '0')}: ${i % 10}\n`).join('');
    assert.ok(text.length < MAX_BANK_BYTES);
    const r = loadBankFile('big.yaml', text);
    assert.ok(!r.ok);
    const unknown = r.problems.filter((p) => p.message.startsWith('unknown key'));
    assert.equal(unknown.length, 40_000);
    assert.deepEqual(unknown[39_999], {
      file: 'big.yaml',
      message: 'unknown key "k39999"; check the spelling or remove it',
      path: 'k39999',
      start: { line: 40_000, col: 1 },
      end: { line: 40_000, col: 7 },
      severity: 'error',
      issue: { code: 'unknown-key', key: 'k39999' },
    });
    assert.ok(r.problems.some((p) => p.message === 'missing required key "id"'));
  });

  it('reports 40,000 undeclared placeholders of one prompt, each at its value', () => {
    const names = Array.from({ length: 40_000 }, (_, i) => `p${i}`);
    const text = valid.replace('      topic: { label: Topic }\n', `      topic: { label: Topic }\n${names.map((n) => `      ${n}: {label: x}\n`).join('')}`);
    const list = problems(text);
    assert.equal(list.length, 40_000);
    assert.deepEqual(list[39_999]!.path, 'prompts.0.placeholders.p39999');
    assert.equal(list[39_999]!.start.line, 13 + 40_000);
    assert.equal(list[39_999]!.message, '{p39999} is declared but the text never uses it');
  });

  it('reports duplicate keys at the second key', () => {
    const p = only(valid.replace('title: Sample', 'title: Sample\ntitle: Again'));
    assert.match(p.message, /unique/i);
    assert.equal(p.start.line, 4);
  });

  it('reports a wrong type at the value, with the schema path', () => {
    const p = only(valid.replace('hint: Let them lead.', 'hint: 42'));
    assert.equal(p.path, 'prompts.0.hint');
    assert.deepEqual(p.start, { line: 11, col: 11 });
    assert.match(p.message, /expected string/);
  });

  it('reports an unknown key at the key itself', () => {
    const p = only(valid.replace('    answer: percent', '    answer: percent\n    anwser: text'));
    assert.equal(p.path, 'prompts.1.anwser');
    assert.deepEqual(p.start, { line: 18, col: 5 });
    assert.match(p.message, /unknown key "anwser"/);
  });

  it('reports a missing required key at its parent', () => {
    const p = only(valid.replace('    hint: A number sizes the opportunity.\n', ''));
    assert.equal(p.path, 'prompts.1.hint');
    assert.equal(p.start.line, 14, 'points at the prompt that lacks the key');
    assert.match(p.message, /missing required key "hint"/);
  });

  it('rejects duplicate prompt ids, naming the first', () => {
    const p = only(valid.replace('id: sample-two', 'id: sample-one'));
    assert.equal(p.path, 'prompts.1.id');
    assert.match(p.message, /duplicate id "sample-one" \(first used at prompts\.0\)/);
    assert.equal(p.start.line, 14);
  });

  it('rejects an empty bank and a bank without prompts', () => {
    assert.match(only('').message, /empty/);
    assert.match(only('# just a comment\n').message, /empty/);
    const p = only(valid.replace(/prompts:[\s\S]*$/, 'prompts: []\n'));
    assert.equal(p.path, 'prompts');
    assert.match(p.message, /at least one prompt/);
  });

  it('checks placeholders both ways', () => {
    const undeclared = only(valid.replace('How many teams use it?', 'How many {teams} use it?'));
    assert.match(undeclared.message, /uses \{teams\}/);
    const unused = only(valid.replace('Tell me about {topic}.', 'Tell me about it.'));
    assert.match(unused.message, /\{topic\} is declared but the text never uses it/);
  });

  it('requires choices exactly for choice answers', () => {
    assert.match(only(valid.replace('answer: percent', 'answer: choice')).message, /needs a list of choices/);
    assert.match(only(valid.replace('answer: percent', 'answer: percent\n    choices: [a, b]')).message, /only apply when answer is "choice"/);
  });

  it('rejects bad ids, multi-line hints and non-https sources', () => {
    assert.match(only(valid.replace('id: sample-two', 'id: Sample Two')).message, /lower-case/);
    assert.match(only(valid.replace('hint: Let them lead.', 'hint: "two\\nlines"')).message, /single line/);
    assert.match(only(valid.replace('url: https://', 'url: javascript://')).message, /https/);
  });

  it('enforces the stage rules', () => {
    const stage = valid.replace('kind: technique', 'kind: stage');
    const list = problems(stage);
    assert.deepEqual(list.map((p) => p.path).sort(), ['adoption', 'stage']);
    assert.match(only(valid + 'stage: verify\n').message, /only banks of kind "stage"/);
  });

  it('stops alias bombs quickly with a clear message', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const started = Date.now();
    const p = only(bomb.join('\n'));
    assert.match(p.message, /too many aliases/);
    assert.ok(Date.now() - started < 1000, 'rejected fast');
  });

  it('rejects files over 1 MB without parsing them', () => {
    const p = only(`# ${'x'.repeat(MAX_BANK_BYTES)}\n`);
    assert.match(p.message, /must be under 1 MB/);
  });

  it('rejects deep nesting', () => {
    const deep = 'a: ' + '['.repeat(40) + ']'.repeat(40) + '\n';
    assert.match(only(deep).message, /nested deeper/);
  });

  it('rejects text that is not UTF-8', () => {
    assert.match(only('id: x\ufffd\n').message, /not valid UTF-8/);
    assert.match(only('id: x\u0000\n').message, /not valid UTF-8/);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['[', ']', '{', '- - -', '!!binary xx', '&a a: *a', 'a: !!js/function "x"', '%YAML 9.9\n---\n', '? [a]\n: b', '\t\t', '--- |\n  text']) {
      const r = loadBank('bank.yaml', text);
      assert.equal(r.ok, false);
    }
  });
});
