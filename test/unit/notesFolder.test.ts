// The notes folder's one rule for notes and customer folders, and everything read through it:
// the customer list, a customer's notes, Sync/Refresh suggestions and plan updates, on the
// in-memory notes folder.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type Catalog } from '../../src/core/bank/catalog';
import { customerFolders, isNoteFileName, noteFiles, PLAN_FILE } from '../../src/core/notesFolder';
import { listCustomerFolders, listCustomerNames, readCustomerNotes, type NotesSource } from '../../src/core/plan/customerNotes';
import { NoteIndex } from '../../src/core/plan/noteIndex';
import { customerSuggestions } from '../../src/core/plan/suggestions';
import { PlanFileError, updateSuccessPlan } from '../../src/core/plan/updatePlan';
import { MemoryNotesFolder } from './fakes/memoryNotesFolder';

const fixtures = path.resolve(__dirname, '../../../test/fixtures/plan/acme-corp');
const fixture = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
const DISCOVERY = fixture('2026-01-10-discovery.md');
const BROKEN = fixture('2026-02-01-broken.md');
const FOLLOW_UP = fixture('2026-03-02-follow-up.md');

const questionsDir = path.resolve(__dirname, '../../../questions');
const catalog: Catalog = buildCatalog(
  fs.readdirSync(questionsDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') })),
);

class RecordingLog {
  lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
}

function source(folder: MemoryNotesFolder): NotesSource & { log: RecordingLog } {
  return { folder, index: new NoteIndex(), log: new RecordingLog() };
}

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

describe('notes folder: updating a success plan', () => {
  it('writes the plan beside the notes, then leaves it alone while nothing changed', async () => {
    const folder = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY, 'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP });
    const src = source(folder);
    const first = await updateSuccessPlan(src, 'acme-corp', catalog, '2026-03-10');
    assert.deepEqual(first.path, ['acme-corp', PLAN_FILE]);
    assert.equal(first.written, true);
    assert.equal(first.plan.calls.length, 2);
    assert.match(folder.text('acme-corp/success-plan.md')!, /<!-- call-coach:begin /);
    const again = await updateSuccessPlan(src, 'acme-corp', catalog, '2026-03-10');
    assert.equal(again.written, false);
    assert.deepEqual(folder.writes, ['acme-corp/success-plan.md']);
  });

  it('leaves a plan that is not UTF-8, or whose markers are damaged, as it is', async () => {
    const notUtf8 = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY, 'acme-corp/success-plan.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe]) });
    await assert.rejects(updateSuccessPlan(source(notUtf8), 'acme-corp', catalog, '2026-03-10'), (err: unknown) => err instanceof PlanFileError && /not UTF-8/.test(err.message));
    assert.deepEqual(notUtf8.writes, []);

    const folder = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY });
    await updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10');
    const damaged = folder.text('acme-corp/success-plan.md')!.replace(/<!-- call-coach:end [^>]*-->/, '');
    folder.put('acme-corp/success-plan.md', damaged);
    folder.writes = [];
    await assert.rejects(updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10'), (err: unknown) => err instanceof PlanFileError && err.path.join('/') === 'acme-corp/success-plan.md');
    assert.deepEqual(folder.writes, []);
    assert.equal(folder.text('acme-corp/success-plan.md'), damaged);
  });
});
