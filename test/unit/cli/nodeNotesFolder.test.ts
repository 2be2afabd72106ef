// The CLI's Node notes folder: stampFiles gives each file's stamp, readStamped gives each file's bytes with the stamp fs.stat gives for
// it, and an Error (not a rejection) for a file it cannot read, in the order asked.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DryRunNotesFolder, NodeNotesFolder } from '../../../src/cli/nodeNotesFolder';

describe('CLI notes folder: files read with their stamps', () => {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'call-coach-stamped-'));
    mkdirSync(join(root, 'acme'));
    writeFileSync(join(root, 'acme', 'a.md'), '---\ncustomer: Acme\n---\n');
    writeFileSync(join(root, 'acme', 'empty.md'), '');
    writeFileSync(join(root, 'acme', 'big.md'), 'x'.repeat(300_000) + 'é');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('bytes and stamps as readFile and stat give them; a missing file is an Error in its place', async () => {
    const folder = new NodeNotesFolder(root);
    const got = await folder.readStamped(['acme'], ['a.md', 'missing.md', 'empty.md', 'big.md']);
    assert.equal(got.length, 4);
    assert.ok(got[1] instanceof Error && /ENOENT/.test(got[1].message));
    for (const i of [0, 2, 3]) {
      const r = got[i]!;
      assert.ok(!(r instanceof Error));
      const file = join(root, 'acme', ['a.md', 'missing.md', 'empty.md', 'big.md'][i]!);
      const s = statSync(file);
      assert.deepEqual({ mtime: r.mtime, size: r.size }, { mtime: s.mtimeMs, size: s.size });
      assert.ok(Buffer.from(r.bytes).equals(readFileSync(file)));
    }
  });

  it('stampFiles: the stamps stat gives, an Error for a missing file', async () => {
    const folder = new NodeNotesFolder(root);
    const [a, missing] = await folder.stampFiles(['acme'], ['a.md', 'missing.md']);
    const s = statSync(join(root, 'acme', 'a.md'));
    assert.deepEqual(a, { mtime: s.mtimeMs, size: s.size });
    assert.ok(missing instanceof Error && /ENOENT/.test(missing.message));
  });

  it('plan --check reads through it too (the dry-run folder passes it on)', async () => {
    const dry = new DryRunNotesFolder(new NodeNotesFolder(root));
    const [r] = (await dry.readStamped?.(['acme'], ['a.md'])) ?? [];
    assert.ok(r && !(r instanceof Error));
    assert.equal(Buffer.from(r.bytes).toString(), '---\ncustomer: Acme\n---\n');
  });
});
