// YAML's null in a hand-edited note: `owner: ~`, `due: null` or a bare `owner:` read as no text,
// as `horizon: ~` and `percent: null` already read as no value (YAML's core schema); a quoted "~"
// stays the text ~. The fast reader of rendered notes agrees with the full one.
import { strict as assert } from 'node:assert';
import { readRenderedFrontMatter } from '../../../../src/core/note/fastFrontMatter';
import { parseNote } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';
import { realistic } from './noteFixtures';

function edited(change: (markdown: string) => string) {
  const parsed = parseNote(change(renderNote(realistic)));
  if (!parsed.ok) assert.fail(`${parsed.error} (line ${parsed.line})`);
  return parsed.note;
}

describe('front matter: YAML null spellings', () => {
  it('reads ~, null, Null, NULL and nothing as empty text in every text field', () => {
    for (const spelling of ['~', 'null', 'Null', 'NULL', '']) {
      const note = edited((md) => md.replace(/^    owner: .*$/m, `    owner:${spelling ? ` ${spelling}` : ''}`).replace(/^    due: .*$/m, `    due: ${spelling || '~'}`).replace(/^    valueDriver: .*$/m, `    valueDriver: ${spelling || 'null'}`));
      assert.equal(note.objectives[0]!.owner, '', spelling);
      assert.equal(note.objectives[0]!.due, '', spelling);
      assert.equal(note.objectives[0]!.valueDriver, '', spelling);
    }
  });

  it('keeps a quoted "~" or "null" as the text it is, and the renderer quotes them', () => {
    const note = { ...realistic, objectives: [{ ...realistic.objectives[0]!, owner: '~', due: 'null' }] };
    const parsed = parseNote(renderNote(note));
    assert.ok(parsed.ok);
    assert.equal(parsed.note.objectives[0]!.owner, '~');
    assert.equal(parsed.note.objectives[0]!.due, 'null');
  });

  it('the fast reader gives the same fields, or leaves the note to the full reader', () => {
    const markdown = renderNote(realistic).replace(/^    owner: .*$/m, '    owner: ~');
    const block = markdown.slice(4, markdown.indexOf('\n---\n', 3) + 1);
    const fast = readRenderedFrontMatter(block);
    const full = parseNote(markdown);
    assert.ok(full.ok);
    if (fast) assert.deepEqual(fast.objectives, full.note.objectives);
  });
});
