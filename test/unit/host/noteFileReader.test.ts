// The extension host's note reader (src/host/plan/noteFileReader.ts): a folder's files stamped, or
// read with their stamps, on its worker thread give what fs.stat and fs.readFile give, an Error in
// place of a file it cannot read, and undefined once it cannot be used (its callers then read file
// by file).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoteFileReader } from '../../../src/host/plan/noteFileReader';

describe('note reader: a customer folder read on a worker thread', () => {
  let root = '';
  const reader = new NoteFileReader();
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'call-coach-reader-'));
    mkdirSync(join(root, 'acme'));
    writeFileSync(join(root, 'acme', 'a.md'), '---\ncustomer: Acme\n---\n');
    writeFileSync(join(root, 'acme', 'empty.md'), '');
    writeFileSync(join(root, 'acme', 'big.md'), `${'x'.repeat(300_000)}é`);
  });
  after(() => {
    reader.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  const names = ['a.md', 'missing.md', 'empty.md', 'big.md'];

  it('bytes and stamps as fs gives them, in the order asked; a missing file is an Error in its place', async () => {
    const dir = join(root, 'acme');
    const [read, stamps] = await Promise.all([reader.readStamped(dir, names), reader.stampFiles(dir, names)]);
    assert.ok(read && stamps);
    for (const got of [read, stamps]) assert.ok(got[1] instanceof Error && /ENOENT/.test(got[1].message));
    for (const i of [0, 2, 3]) {
      const file = join(dir, names[i]!);
      const s = statSync(file);
      const r: (typeof read)[number] = read[i]!;
      assert.ok(!(r instanceof Error));
      assert.deepEqual({ mtime: r.mtime, size: r.size }, { mtime: s.mtimeMs, size: s.size });
      assert.deepEqual(stamps[i], { mtime: s.mtimeMs, size: s.size });
      assert.ok(Buffer.from(r.bytes).equals(readFileSync(file)));
    }
  });

  it('many requests at once each get their own answer', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => reader.readStamped(join(root, 'acme'), [names[i % 4]!])));
    answers.forEach((a, i) => assert.equal(a?.[0] instanceof Error, i % 4 === 1));
  });

  it('once stopped, answers undefined (the notes folder then reads file by file)', async () => {
    const stopped = new NoteFileReader();
    assert.ok(await stopped.stampFiles(join(root, 'acme'), ['a.md']));
    stopped.dispose();
    assert.equal(await stopped.readStamped(join(root, 'acme'), ['a.md']), undefined);
  });
});
