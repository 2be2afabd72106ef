// src/core/plan/customerNotes.ts: the customer list and a customer's notes through the note
// index, on the in-memory notes folder.
import { strict as assert } from 'node:assert';
import { listCustomerFolders, listCustomerNames, readCustomerNotes } from '../../../../src/core/plan/customerNotes';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { BROKEN, DISCOVERY, FOLLOW_UP, source } from '../notesFixtures';

describe('notes folder: customers', () => {
  it('names each customer folder from its newest readable note, and counts its notes', async () => {
    const folder = new MemoryNotesFolder({
      'acme-corp/2026-01-10-discovery.md': DISCOVERY,
      'acme-corp/2026-02-01-broken.md': BROKEN,
      'broken-only/2026-02-01-broken.md': BROKEN,
      'zeta/success-plan.md': '# only a plan',
    });
    const customers = await listCustomerFolders(source(folder));
    assert.deepEqual(customers, [
      { folder: 'acme-corp', name: 'Acme Corp', named: true, notes: 2, lastCall: '2026-01-10' },
      { folder: 'broken-only', name: 'broken-only', named: false, notes: 1, lastCall: '' },
    ]);
    assert.deepEqual(await listCustomerNames(source(folder)), ['Acme Corp']);
  });
});

describe('notes folder: a customer\'s notes through the index', () => {
  it('reads and parses each note once, then only notes that changed; lists broken ones', async () => {
    const folder = new MemoryNotesFolder({
      'acme-corp/2026-01-10-discovery.md': DISCOVERY,
      'acme-corp/2026-02-01-broken.md': BROKEN,
      'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP,
    });
    const src = source(folder);
    const first = await readCustomerNotes(src, 'acme-corp');
    assert.deepEqual(first.notes.map((n) => n.file), ['2026-01-10-discovery.md', '2026-03-02-follow-up.md']);
    assert.deepEqual(first.skipped.map((s) => s.file), ['2026-02-01-broken.md']);
    assert.ok(first.skipped[0]!.line! > 0, 'the broken note says where');
    assert.ok(src.log.lines.some((l) => l.startsWith('warn Success plan: skipped memory:/acme-corp/2026-02-01-broken.md:')), src.log.lines.join('\n'));
    assert.equal(folder.reads.length, 3);

    folder.reads = [];
    folder.put('acme-corp/2026-03-02-follow-up.md', FOLLOW_UP.replace('Share the pipeline template', 'Share the pipeline templates'));
    const second = await readCustomerNotes(src, 'acme-corp');
    assert.deepEqual(folder.reads, ['acme-corp/2026-03-02-follow-up.md'], 'only the changed note is read again');
    assert.ok(second.notes[1]!.note.actionItems.some((a) => a.text === 'Share the pipeline templates'));
  });
});
