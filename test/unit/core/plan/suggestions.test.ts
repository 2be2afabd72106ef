// src/core/plan/suggestions.ts: Sync/Refresh suggestions from a customer's earlier notes.
import { strict as assert } from 'node:assert';
import { customerSuggestions } from '../../../../src/core/plan/suggestions';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { BROKEN, DISCOVERY, FOLLOW_UP, RecordingLog } from '../notesFixtures';

describe('notes folder: Sync/Refresh suggestions', () => {
  it('gathers objectives and topics from the customer\'s notes, newest first, without repeats', async () => {
    const folder = new MemoryNotesFolder({
      'acme-corp/2026-01-10-discovery.md': DISCOVERY,
      'acme-corp/2026-02-01-broken.md': BROKEN,
      'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP,
    });
    const log = new RecordingLog();
    const { objective, topic } = await customerSuggestions(folder, 'Acme Corp', log);
    assert.ok(objective.includes('Release weekly instead of monthly'), objective.join(' | '));
    assert.equal(new Set(objective).size, objective.length);
    assert.deepEqual(topic.slice(0, 2), ['Send the runner HA guide', 'Share the pipeline template']);
    assert.ok(log.lines.some((l) => l.startsWith('warn Skipped memory:/acme-corp/2026-02-01-broken.md')), log.lines.join('\n'));
    assert.deepEqual(await customerSuggestions(folder, 'Nobody Yet', log), { objective: [], topic: [] });
  });
});
