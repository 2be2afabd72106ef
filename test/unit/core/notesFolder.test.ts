// src/core/notesFolder.ts: the one rule for what is a note and what is a customer folder.
import { strict as assert } from 'node:assert';
import { customerFolders, isNoteFileName, noteFiles, PLAN_FILE } from '../../../src/core/notesFolder';
import { MemoryNotesFolder } from '../fakes/memoryNotesFolder';
import { DISCOVERY } from './notesFixtures';

describe('notes folder: what counts as a note and a customer folder', () => {
  it('a note is a Markdown file in any case, not the plan and not hidden', () => {
    assert.ok(isNoteFileName('2026-01-10-discovery.md'));
    assert.ok(isNoteFileName('2026-01-10-discovery.MD'));
    assert.ok(!isNoteFileName(PLAN_FILE));
    assert.ok(!isNoteFileName('.a1b2c3.call-coach.tmp'));
    assert.ok(!isNoteFileName('.hidden.md'));
    assert.ok(!isNoteFileName('notes.txt'));
  });

  it('lists customer folders (not hidden ones, not files) and their notes, by name', async () => {
    const folder = new MemoryNotesFolder({
      'globex/2026-02-01-b.md': DISCOVERY,
      'globex/2026-01-01-a.MD': DISCOVERY,
      'globex/.draft.md': DISCOVERY,
      'globex/success-plan.md': '# plan',
      'globex/attachments/x.md': DISCOVERY,
      'acme/2026-01-01-a.md': DISCOVERY,
      '.git/HEAD': 'ref',
      'README.md': '# notes',
    });
    folder.mkdir('empty');
    assert.deepEqual(await customerFolders(folder), ['acme', 'empty', 'globex']);
    assert.deepEqual(await noteFiles(folder, 'globex'), ['2026-01-01-a.MD', '2026-02-01-b.md']);
    assert.deepEqual(await noteFiles(folder, 'nobody'), []);
  });
});
