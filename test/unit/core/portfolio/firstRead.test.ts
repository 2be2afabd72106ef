// A customer read for the first time (nothing in the note index, never counted): collectPortfolio
// reads its notes with their stamps in one readStamped call where the notes folder offers it, not
// a stat and then a read per note; the portfolio, the index's stamps and what is skipped are the
// ones the stat-and-read path gives. A customer the index knows is stamped first as before (in one
// stampFiles call where the folder offers it), so only its changed notes are read.
import { strict as assert } from 'node:assert';
import type { FileStamp, NotesPath, StampedBytes } from '../../../../src/core/notesFolder';
import { renderNote } from '../../../../src/core/note/render';
import { planContext } from '../../../../src/core/plan/context';
import { NoteIndex } from '../../../../src/core/plan/noteIndex';
import { collectPortfolio } from '../../../../src/core/portfolio/collect';
import { FiguresCache } from '../../../../src/core/portfolio/figuresCache';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { realistic } from '../note/noteFixtures';
import { BROKEN, catalog, DISCOVERY, FOLLOW_UP, source } from '../notesFixtures';

const context = planContext(catalog.banks, '2026-04-01');
const note = (customer: string, date: string) => renderNote({ ...realistic, customer, date });

const files = () => ({
  'acme-corp/2026-01-10-discovery.md': DISCOVERY,
  'acme-corp/2026-02-01-broken.md': BROKEN,
  'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP,
  'globex/2026-02-01-sync.md': note('Globex', '2026-02-01'),
  'globex/2026-03-01-sync.md': note('Globex', '2026-03-01'),
});

/** A memory notes folder that also reads and stamps a folder's files in one call, and counts the calls each way. */
class StampedFolder extends MemoryNotesFolder {
  stats: string[] = [];
  batches: string[][] = [];
  stampings: string[][] = [];
  /** Files readStamped reports as unreadable. */
  unreadable = new Set<string>();

  override stat(path: NotesPath) {
    this.stats.push(path.join('/'));
    return super.stat(path);
  }

  async stampFiles(folder: NotesPath, names: readonly string[]): Promise<(FileStamp | Error)[]> {
    this.stampings.push(names.map((n) => [...folder, n].join('/')));
    return Promise.all(names.map((name) => super.stat([...folder, name]).then(({ mtime, size }) => ({ mtime, size }), (err: Error) => err)));
  }

  async readStamped(folder: NotesPath, names: readonly string[]): Promise<(StampedBytes | Error)[]> {
    this.batches.push(names.map((n) => [...folder, n].join('/')));
    return Promise.all(
      names.map(async (name) => {
        const path = [...folder, name];
        if (this.unreadable.has(path.join('/'))) return new Error('EACCES: permission denied');
        const [{ mtime, size }, bytes] = await Promise.all([super.stat(path), this.read(path)]);
        return { mtime, size, bytes };
      }),
    );
  }
}

describe('portfolio: a customer read for the first time is read with its stamps in one call', () => {
  it('no cache: one readStamped per customer, no stat; the same portfolio and stamps as stat-and-read', async () => {
    const stamped = new StampedFolder();
    const plain = new MemoryNotesFolder();
    const old = Date.now() - 60_000;
    Object.entries(files()).forEach(([path, text], i) => (stamped.put(path, text, old + i), plain.put(path, text, old + i)));
    const a = source(stamped);
    const b = source(plain);
    const portfolio = await collectPortfolio(a, { context });
    assert.deepEqual(stamped.stats, []);
    assert.deepEqual(stamped.batches.sort(), [Object.keys(files()).slice(0, 3), Object.keys(files()).slice(3)]);
    assert.deepEqual(portfolio, await collectPortfolio(b, { context }));
    for (const customer of ['acme-corp', 'globex']) {
      const stamps = (index: NoteIndex, where: string) => index.folder(where).map(({ file, mtime, size }) => ({ file, mtime, size }));
      assert.deepEqual(stamps(a.index, stamped.where([customer])), stamps(b.index, plain.where([customer])));
    }
    // The broken note is skipped and logged as on the other path.
    assert.equal(portfolio.customers.find((c) => c.folder === 'acme-corp')?.unreadable, 1);
  });

  it('a note that cannot be read is skipped, its customer still counted', async () => {
    const folder = new StampedFolder(files());
    folder.unreadable.add('globex/2026-03-01-sync.md');
    const src = source(folder);
    const portfolio = await collectPortfolio(src, { context });
    const globex = portfolio.customers.find((c) => c.folder === 'globex');
    assert.equal(globex?.unreadable, 1);
    assert.ok(src.log.lines.some((l) => l.includes('could not read') && l.includes('2026-03-01-sync.md')));
  });

  it('a customer the index knows (this session, or restored by beforeRead) is stamped first and only changed notes are read', async () => {
    const folder = new StampedFolder(files());
    const src = source(folder);
    await collectPortfolio(src, { context });
    folder.put('globex/2026-03-01-sync.md', note('Globex', '2026-03-02'));
    folder.batches = [];
    folder.reads = [];
    const cache = new FiguresCache();
    await collectPortfolio(src, { context, cache });
    assert.deepEqual(folder.batches, []);
    assert.deepEqual(folder.reads, ['globex/2026-03-01-sync.md']);
    assert.deepEqual(folder.stats, [], 'stamped a folder at a time');
    assert.deepEqual(folder.stampings.map((s) => s.length), [3, 2]);

    // Counted before: stamped, counted from the cache, nothing read.
    folder.reads = [];
    folder.stampings = [];
    await collectPortfolio(src, { context, cache });
    assert.deepEqual(folder.reads, []);
    assert.deepEqual(folder.stampings.map((s) => s.length), [3, 2]);

    // A new session whose saved index comes back in beforeRead: read through the stamps too.
    const next = source(folder);
    folder.reads = [];
    await collectPortfolio(next, {
      context,
      beforeRead: async () => {
        for (const f of src.index.folderNames()) next.index.restoreFolder(f, src.index.persistFolder(f));
      },
    });
    assert.deepEqual(folder.batches, []);
    assert.deepEqual(folder.reads, []);
  });
});
