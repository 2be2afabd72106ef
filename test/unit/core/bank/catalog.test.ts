import { strict as assert } from 'node:assert';
import { allPrompts, buildCatalog } from '../../../../src/core/bank/catalog';

const bank = (id: string, order: number, extra = '') => `id: ${id}
kind: technique
title: ${id.toUpperCase()}
summary: Test bank ${id}.
source: { title: Test page }
order: ${order}
prompts:
  - id: ${id}-q
    text: Question of ${id}?
    hint: Why ask it.
${extra}`;

describe('buildCatalog', () => {
  it('keeps loading the good banks when one is broken', () => {
    const c = buildCatalog([
      { file: 'b.yaml', text: bank('bravo', 20) },
      { file: 'broken.yaml', text: 'id: [' },
      { file: 'a.yaml', text: bank('alpha', 10) },
    ]);
    assert.deepEqual(
      c.banks.map((b) => b.id),
      ['alpha', 'bravo'],
      'sorted by order',
    );
    assert.deepEqual(c.skipped, ['broken.yaml']);
    assert.ok(c.problems.every((p) => p.file === 'broken.yaml'));
  });

  it('skips a second bank with the same id and says which file has it', () => {
    const c = buildCatalog([
      { file: 'one.yaml', text: bank('alpha', 1) },
      { file: 'two.yaml', text: bank('alpha', 2) },
    ]);
    assert.equal(c.banks.length, 1);
    assert.deepEqual(c.skipped, ['two.yaml']);
    assert.match(c.problems[0]!.message, /already used by one\.yaml/);
  });

  it('lists prompts with their follow-ups after them', () => {
    const c = buildCatalog([
      {
        file: 'a.yaml',
        text: bank('alpha', 1, '    followUps:\n      - id: alpha-f\n        when: if yes\n        text: How?\n        hint: Listen for tools.\n'),
      },
    ]);
    const ids = [...allPrompts(c.banks)].map((p) => `${p.prompt.id}<${p.parentId ?? ''}`);
    assert.deepEqual(ids, ['alpha-q<', 'alpha-f<alpha-q']);
  });
});

describe('playbooks', () => {
  const playbook = (id: string, title: string, techniques: string) => `id: ${id}
kind: playbook
title: ${title}
summary: For tests.
callTitle: ${title} call
techniques: ${techniques}
`;

  it('loads playbooks beside banks; a later file with the same id replaces the earlier one', () => {
    const c = buildCatalog([
      { file: 'a.yaml', text: bank('alpha', 1) },
      { file: 'builtin.yaml', text: playbook('discovery', 'Discovery', '[alpha]') },
      { file: 'team.yaml', text: playbook('discovery', 'Team discovery', '[alpha]') },
    ]);
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.playbooks.map((p) => [p.id, p.title, p.stages]), [['discovery', 'Team discovery', []]]);
  });

  it('warns at the entry for a technique no bank has, and still loads the playbook', () => {
    const c = buildCatalog([
      { file: 'a.yaml', text: bank('alpha', 1) },
      { file: 'p.yaml', text: playbook('x', 'X', '\n  - alpha\n  - alhpa') },
    ]);
    assert.equal(c.playbooks.length, 1);
    assert.equal(c.problems.length, 1);
    assert.equal(c.problems[0]!.severity, 'warning');
    assert.equal(c.problems[0]!.start.line, 8);
    assert.match(c.problems[0]!.message, /no loaded bank has the id "alhpa"/);
  });

  it('rejects a playbook without techniques, at the key', () => {
    const c = buildCatalog([{ file: 'p.yaml', text: playbook('x', 'X', '[]') }]);
    assert.deepEqual(c.skipped, ['p.yaml']);
    assert.equal(c.problems[0]!.path, 'techniques');
  });
});
