// A note that cannot be read says why as facts too (core/note/problems.ts), so the extension words
// it in the display language (host/plan/noteProblemText.ts); the English `error` stays as it was.
import { strict as assert } from 'node:assert';
import { parseNote, type NoteProblem } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';
import { realistic } from './noteFixtures';

const md = renderNote(realistic);

function why(text: string): NoteProblem {
  const r = parseNote(text);
  assert.equal(r.ok, false, 'expected the note to be rejected');
  return r.ok ? assert.fail('parsed') : r.why;
}

describe('parseNote: why, as facts', () => {
  it('the file and its anchors', () => {
    assert.deepEqual(why('# Just notes\n'), { code: 'no-front-matter' });
    assert.deepEqual(why('---\ntype: call-note\n'), { code: 'front-matter-open' });
    assert.deepEqual(why(md.replace('<!-- call-coach:section ted -->', '<!-- call-coach:section ted')), { code: 'damaged-anchor' });
    const moved = why(md.replace('## TED questions\n', ''));
    assert.equal(moved.code, 'anchor-without-heading');
    assert.equal((moved as { kind: string }).kind, 'section');
    assert.equal(why(md.replace('## Five Whys\n<!-- call-coach:section five-whys -->\n', '')).code, 'question-outside-section');
    assert.deepEqual(why(md + '\n## More\n<!-- call-coach:actions -->\n'), { code: 'two-action-anchors' });
    const noAnswer = why(md.replace('> Manual approvals, then a Friday window.\n', ''));
    assert.equal(noAnswer.code, 'no-answer');
    assert.equal((noAnswer as { question: string }).question, 'Describe your release process.');
    assert.deepEqual(why(md.replace('Tags: #objective #metric', 'Tags: #objective #metrics')), {
      code: 'unknown-tag',
      word: '#metrics',
      tags: ['#objective', '#pain-point', '#metric', '#action-item', '#follow-up'],
    });
  });

  it('the front matter', () => {
    assert.equal(why('---\ntitle: [\n---\n').code, 'front-matter-yaml');
    assert.deepEqual(why(md.replace('title: Acme discovery', 'title: &t Acme\ncallTypeX: *t')), { code: 'front-matter-alias' });
    assert.deepEqual(why('---\n- type\n---\n'), { code: 'front-matter-not-mapping' });
    assert.deepEqual(why(md.replace(/^id: .*\n/m, '')), { code: 'missing-key', key: 'id' });
    assert.deepEqual(why(md.replace('customer: Acme Corp', 'customer: [a, b]')), { code: 'not-text', key: 'customer' });
    assert.deepEqual(why(md.replace('type: call-note', 'type: meeting')), { code: 'wrong-type', type: 'meeting', expected: 'call-note' });
    assert.deepEqual(why(md.replace(/^date: .*$/m, 'date: yesterday')), { code: 'bad-date', date: 'yesterday' });
    assert.deepEqual(why(md.replace('durationMinutes: 47', 'durationMinutes: 47.5')), { code: 'bad-duration', value: '47.5' });
    assert.deepEqual(why(md.replace('status: not-started', 'status: blocked')), {
      code: 'not-one-of',
      field: 'objective-status',
      value: 'blocked',
      allowed: ['not-started', 'in-progress', 'done', 'at-risk'],
    });
    assert.deepEqual(why(md.replace('color: yellow', 'color: purple')).code, 'not-one-of');
    assert.deepEqual(why(md.replace('horizon: 6', 'horizon: 7')), { code: 'bad-horizon', value: '7', allowed: ['3', '6', '12', '24'] });
    assert.deepEqual(why(md.replace('percent: 40', 'percent: 140')), { code: 'bad-percent', value: '140' });
    assert.deepEqual(why(md.replace('  - useCase: CI\n', '  - usecase: CI\n')), { code: 'record-missing', record: 'health', key: 'useCase' });
    assert.deepEqual(why(md.replace('    name: Deployment frequency', '    name: [a]')), { code: 'record-not-text', record: 'metric', key: 'name' });
    assert.deepEqual(why(md.replace('    criteria: []', '    criteria: runners')), { code: 'record-not-list', record: 'stage-score', key: 'criteria' });
  });

  it('keeps the English error as the CLI and success-plan.md print it', () => {
    const r = parseNote(md.replace('type: call-note', 'type: meeting'));
    assert.ok(!r.ok);
    assert.equal(r.error, '`type` is "meeting" but a call note needs `type: call-note`');
  });
});
