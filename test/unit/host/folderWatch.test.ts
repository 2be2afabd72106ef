// The direct folder watch behind team bank reloads (src/host/folderWatch.ts), on the real file
// system: it reports bank files in the folder, ignores other names, and ends quietly when the
// folder goes away. Linux only, as the watch itself.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { watchFolderEntries } from '../../../src/host/folderWatch';
import { isBankFileName } from '../../../src/core/bank/teamPaths';

const linux = process.platform === 'linux';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function changesAfter(act: () => void, count: () => number): Promise<number> {
  const before = count();
  act();
  for (let i = 0; i < 40 && count() === before; i++) await sleep(25);
  await sleep(100); // any further events for the same change
  return count() - before;
}

(linux ? describe : describe.skip)('direct folder watch for team banks', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-watch-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports a bank file created, changed and removed, and not other names', async () => {
    let changes = 0;
    const watch = watchFolderEntries(root, isBankFileName, () => changes++);
    assert.ok(watch);
    try {
      const bank = path.join(root, 'team.yaml');
      assert.ok((await changesAfter(() => fs.writeFileSync(bank, 'id: a\n'), () => changes)) > 0, 'created');
      assert.ok((await changesAfter(() => fs.writeFileSync(bank, 'id: b\n'), () => changes)) > 0, 'changed');
      assert.ok((await changesAfter(() => fs.rmSync(bank), () => changes)) > 0, 'removed');
      assert.equal(await changesAfter(() => fs.writeFileSync(path.join(root, 'notes.txt'), 'x'), () => changes), 0, 'not a bank');
    } finally {
      watch.dispose();
    }
  });

  it('ends quietly when the folder is removed, and says so for a folder that is not there', async () => {
    const folder = path.join(root, 'banks');
    fs.mkdirSync(folder);
    const watch = watchFolderEntries(folder, isBankFileName, () => undefined);
    assert.ok(watch);
    fs.rmSync(folder, { recursive: true });
    await sleep(100);
    watch.dispose();
    watch.dispose(); // twice is harmless
    assert.equal(watchFolderEntries(path.join(root, 'missing'), isBankFileName, () => undefined), undefined);
  });
});
