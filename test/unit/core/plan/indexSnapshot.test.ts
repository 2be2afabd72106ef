// src/core/plan/indexSnapshot.ts: the note index kept between sessions (the extension's storage),
// on the in-memory notes folder.
import { strict as assert } from 'node:assert';
import { readCustomerNotes } from '../../../../src/core/plan/customerNotes';
import { restoreIndex, snapshotIndex } from '../../../../src/core/plan/indexSnapshot';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { BROKEN, DISCOVERY, FOLLOW_UP, source } from '../notesFixtures';

const files = {
  'acme-corp/2026-01-10-discovery.md': DISCOVERY,
  'acme-corp/2026-02-01-broken.md': BROKEN,
  'globex/2026-03-02-follow-up.md': FOLLOW_UP,
};

describe('note index snapshot: a warm start reads only what changed', () => {
  it('a new session restored from the snapshot reads no unchanged note, the same notes come back, and a changed one is read', async () => {
    const folder = new MemoryNotesFolder(files);
    const first = source(folder);
    const before = { acme: await readCustomerNotes(first, 'acme-corp'), globex: await readCustomerNotes(first, 'globex') };
    const text = snapshotIndex(first.index, '1.0.0', 'file:///notes');

    folder.reads = [];
    const next = source(folder);
    assert.equal(restoreIndex(next.index, text, '1.0.0', 'file:///notes'), 2);
    const acme = await readCustomerNotes(next, 'acme-corp');
    assert.deepEqual(folder.reads, [], 'nothing read: every stamp matched');
    assert.deepEqual(acme, before.acme, 'the same notes and the same broken one');

    folder.put('globex/2026-03-02-follow-up.md', FOLLOW_UP.replace('Share the pipeline template', 'Share the pipeline templates'));
    const globex = await readCustomerNotes(next, 'globex');
    assert.deepEqual(folder.reads, ['globex/2026-03-02-follow-up.md'], 'only the changed note');
    assert.notDeepEqual(globex, before.globex);
  });

  it('trusts no snapshot of another version or notes folder, nor a damaged one, and keeps what the session already read', async () => {
    const folder = new MemoryNotesFolder(files);
    const first = source(folder);
    await readCustomerNotes(first, 'acme-corp');
    const text = snapshotIndex(first.index, '1.0.0', 'file:///notes');
    const fresh = () => source(folder).index;
    assert.equal(restoreIndex(fresh(), text, '1.0.1', 'file:///notes'), 0);
    assert.equal(restoreIndex(fresh(), text, '1.0.0', 'file:///other'), 0);
    assert.equal(restoreIndex(fresh(), text.slice(0, text.length / 2), '1.0.0', 'file:///notes'), 0);
    assert.equal(restoreIndex(fresh(), 'null', '1.0.0', 'file:///notes'), 0);

    const session = source(folder);
    await readCustomerNotes(session, 'acme-corp');
    assert.equal(restoreIndex(session.index, text, '1.0.0', 'file:///notes'), 0, 'a folder read this session is newer than the snapshot');
  });
});
