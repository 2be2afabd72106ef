// src/core/portfolio/figuresCache.ts through collectPortfolio: a customer whose notes did not change
// is counted from the cache (no note read, parsed or rolled up); a changed note is read alone and
// only its customer counted again; and every answer is the one collectPortfolio gives without it.
import { strict as assert } from 'node:assert';
import { renderNote } from '../../../../src/core/note/render';
import { planContext } from '../../../../src/core/plan/context';
import { NoteIndex } from '../../../../src/core/plan/noteIndex';
import type { PlanFacts } from '../../../../src/core/portfolio/aggregate';
import { collectPortfolio, type CollectOptions } from '../../../../src/core/portfolio/collect';
import { contextKey, FiguresCache } from '../../../../src/core/portfolio/figuresCache';
import type { Portfolio } from '../../../../src/core/portfolio/model';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { realistic } from '../note/noteFixtures';
import { catalog, DISCOVERY, FOLLOW_UP, source } from '../notesFixtures';

const TODAY = '2026-04-01';
const context = planContext(catalog.banks, TODAY);
const note = (customer: string, date: string, objective: string) =>
  renderNote({ ...realistic, customer, date, objectives: [{ text: objective, status: 'in-progress', origin: 'tagged', owner: 'Dana', due: '2026-04-20', horizon: null, valueDriver: '' }] });

const files = () => ({
  'acme-corp/2026-01-10-discovery.md': DISCOVERY,
  'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP,
  'globex/2026-02-01-sync.md': note('Globex', '2026-02-01', 'Weekly releases'),
  'globex/2026-03-01-sync.md': note('Globex', '2026-03-01', 'Retire Jenkins'),
  'initech/2026-03-15-kickoff.md': note('Initech', '2026-03-15', 'One dashboard'),
});

/** collectPortfolio with `cache`, and the facts object each customer was counted from. */
async function collect(src: ReturnType<typeof source>, cache: FiguresCache, options: Partial<CollectOptions> = {}) {
  const facts = new Map<string, PlanFacts>();
  const portfolio = await collectPortfolio(src, { context, cache, onCustomer: (c) => facts.set(c.folder, c.facts), ...options });
  return { portfolio, facts };
}

/** What collectPortfolio gives with no cache and a new index. */
const uncached = (folder: MemoryNotesFolder, ctx = context): Promise<Portfolio> => collectPortfolio({ ...source(folder), index: new NoteIndex() }, { context: ctx });

/** The customers counted afresh: their facts are new objects. */
const recounted = (before: Map<string, PlanFacts>, after: Map<string, PlanFacts>) => [...after].filter(([folder, f]) => before.get(folder) !== f).map(([folder]) => folder).sort();

describe('portfolio figures cache: a customer is counted again only when its notes changed', () => {
  it('nothing changed: no note is read or parsed, no customer counted again, the same portfolio', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = source(folder);
    const cache = new FiguresCache();
    const first = await collect(src, cache);
    assert.equal(cache.size, 3);
    assert.deepEqual(first.portfolio, await uncached(folder));

    folder.reads = [];
    const parses = src.index.parses;
    const second = await collect(src, cache);
    assert.deepEqual(folder.reads, []);
    assert.equal(src.index.parses, parses);
    assert.deepEqual(recounted(first.facts, second.facts), []);
    assert.deepEqual(second.portfolio, first.portfolio);
  });

  it('kept between runs: a new session with the saved cache reads nothing and never restores the note index', async () => {
    const folder = new MemoryNotesFolder(files());
    const cache = new FiguresCache();
    const first = await collect(source(folder), cache);
    const text = cache.serialize('1.0.0', 'file:///notes');

    folder.reads = [];
    let restores = 0;
    const next = source(folder);
    const restored = FiguresCache.restore(text, '1.0.0', 'file:///notes');
    const second = await collect(next, restored, { beforeRead: async () => void restores++ });
    assert.deepEqual(folder.reads, []);
    assert.equal(restores, 0, 'no customer missed, so the persisted note index was not needed');
    assert.equal(next.index.size, 0);
    assert.deepEqual(second.portfolio, first.portfolio);
    assert.equal(restored.changed, false, 'nothing to save');
  });

  it('one note changed: only that note is read and parsed, only its customer counted again', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = source(folder);
    const cache = new FiguresCache();
    const first = await collect(src, cache);

    folder.put('globex/2026-03-01-sync.md', note('Globex', '2026-03-01', 'Retire Jenkins by June'));
    folder.reads = [];
    const parses = src.index.parses;
    const second = await collect(src, cache);
    assert.deepEqual(folder.reads, ['globex/2026-03-01-sync.md']);
    assert.equal(src.index.parses, parses + 1);
    assert.deepEqual(recounted(first.facts, second.facts), ['globex']);
    assert.deepEqual(second.portfolio, await uncached(folder));
    assert.ok(second.portfolio.dueSoon.some((o) => o.text === 'Retire Jenkins by June'));
  });

  it('a new session: the changed customer restores the note index once (beforeRead) and reads only the changed note', async () => {
    const folder = new MemoryNotesFolder(files());
    const first = source(folder);
    const cache = new FiguresCache();
    await collect(first, cache);
    const text = cache.serialize('1.0.0', 'scope');

    folder.put('initech/2026-03-15-kickoff.md', note('Initech', '2026-03-15', 'Two dashboards'));
    folder.reads = [];
    const next = source(folder);
    let restores = 0;
    const second = await collect(next, FiguresCache.restore(text, '1.0.0', 'scope'), {
      // The host restores its saved note index here; this one hands over the first session's.
      beforeRead: async () => {
        restores++;
        for (const f of first.index.folderNames()) next.index.restoreFolder(f, first.index.persistFolder(f));
      },
    });
    assert.equal(restores, 1);
    assert.deepEqual(folder.reads, ['initech/2026-03-15-kickoff.md']);
    assert.deepEqual(second.portfolio, await uncached(folder));
  });

  it('a note deleted: its customer is counted again; a customer left without notes is gone', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = source(folder);
    const cache = new FiguresCache();
    const first = await collect(src, cache);

    // MemoryNotesFolder has no delete: a new folder without the files, the same stamps for the rest.
    const without = new MemoryNotesFolder();
    for (const [path, text] of Object.entries(files())) {
      if (path === 'globex/2026-02-01-sync.md' || path.startsWith('initech/')) continue;
      without.put(path, text, (await folder.stat(path.split('/'))).mtime);
    }
    without.mkdir('initech');
    const next = { ...src, folder: without };
    without.reads = [];
    const second = await collect(next, cache);
    assert.deepEqual(without.reads, [], 'the other Globex note is unchanged: not read again');
    assert.deepEqual(recounted(first.facts, second.facts), ['globex']);
    assert.deepEqual(second.portfolio, await uncached(without));
    assert.deepEqual(
      second.portfolio.customers.map((c) => c.folder),
      ['acme-corp', 'globex'],
    );
    assert.equal(cache.size, 2, 'initech forgotten');
  });

  it('a stamp changed but not the bytes (touched, checked out again): read and hashed, not parsed, not counted again', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = { ...source(folder), index: new NoteIndex({ hashEveryRead: true }) };
    const cache = new FiguresCache();
    const first = await collect(src, cache);

    folder.put('acme-corp/2026-01-10-discovery.md', DISCOVERY); // same text, a new mtime
    folder.reads = [];
    const parses = src.index.parses;
    const second = await collect(src, cache);
    assert.deepEqual(folder.reads, ['acme-corp/2026-01-10-discovery.md']);
    assert.equal(src.index.parses, parses, 'the same bytes: not parsed');
    assert.deepEqual(recounted(first.facts, second.facts), []);
    assert.deepEqual(second.portfolio, first.portfolio);

    folder.reads = [];
    await collect(src, cache);
    assert.deepEqual(folder.reads, [], 'the new stamp is remembered');
  });

  it('another day or other banks: counted again (the gaps depend on both)', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = source(folder);
    const cache = new FiguresCache();
    const first = await collect(src, cache);
    const later = planContext(catalog.banks, '2026-09-01');
    assert.notEqual(contextKey(later), contextKey(context));
    const second = await collect(src, cache, { context: later });
    assert.deepEqual(recounted(first.facts, second.facts), ['acme-corp', 'globex', 'initech']);
    assert.deepEqual(second.portfolio, await uncached(folder, later));
    const fewerBanks = planContext(
      catalog.banks.filter((b) => b.kind !== 'technique'),
      '2026-09-01',
    );
    assert.notEqual(contextKey(fewerBanks), contextKey(later));
  });

  it('a note written within the racy window of its read is read again, not trusted', async () => {
    const folder = new MemoryNotesFolder(files());
    const src = source(folder);
    const cache = new FiguresCache();
    folder.put('initech/2026-03-15-kickoff.md', note('Initech', '2026-03-15', 'One dashboard'), Date.now());
    await collect(src, cache);
    folder.reads = [];
    await collect(src, cache);
    assert.deepEqual(folder.reads, ['initech/2026-03-15-kickoff.md']);
  });

  it('trusts no cache of another version or notes folder, nor a damaged one', async () => {
    const cache = new FiguresCache();
    await collect(source(new MemoryNotesFolder(files())), cache);
    const text = cache.serialize('1.0.0', 'scope');
    assert.equal(FiguresCache.restore(text, '1.0.0', 'scope').size, 3);
    assert.equal(FiguresCache.restore(text, '1.0.1', 'scope').size, 0);
    assert.equal(FiguresCache.restore(text, '1.0.0', 'other').size, 0);
    assert.equal(FiguresCache.restore(text.slice(0, 100), '1.0.0', 'scope').size, 0);
    assert.equal(FiguresCache.restore('null', '1.0.0', 'scope').size, 0);
    assert.equal(FiguresCache.restore(undefined, '1.0.0', 'scope').size, 0);
  });
});
