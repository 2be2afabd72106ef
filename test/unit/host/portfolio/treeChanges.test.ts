// What the Customers tree is told after customers were read again (src/host/portfolio/treeChanges.ts):
// the changed rows alone when nothing moved, so VS Code keeps knowing the rows a menu was opened on.
import { strict as assert } from 'node:assert';
import { treeChange, type LaidOutGroup } from '../../../../src/host/portfolio/treeChanges';

const BY_HEALTH: LaidOutGroup[] = [
  { id: 'red', folders: ['acme-corp'] },
  { id: 'yellow', folders: ['umbrella', 'initech'] },
  { id: 'green', folders: ['globex'] },
];

describe('the Customers tree change after a re-read', () => {
  it('a customer whose row stays where it was (its plan written): that row alone', () => {
    assert.deepEqual(treeChange(BY_HEALTH, BY_HEALTH, ['globex']), { all: false, groups: [], customers: ['globex'] });
  });

  it('several rows changed in place: each of them, and none that is filtered out', () => {
    assert.deepEqual(treeChange(BY_HEALTH, BY_HEALTH, ['initech', 'acme-corp', 'hidden']), { all: false, groups: [], customers: ['acme-corp', 'initech'] });
  });

  it('a row moved within its group: that group (its rows asked again), nothing else', () => {
    const after = [BY_HEALTH[0]!, { id: 'yellow', folders: ['initech', 'umbrella'] }, BY_HEALTH[2]!];
    assert.deepEqual(treeChange(BY_HEALTH, after, ['initech']), { all: false, groups: ['yellow'], customers: [] });
  });

  it('a row moved between groups that both stay: both groups; other changed rows alone', () => {
    const after = [{ id: 'red', folders: ['acme-corp', 'initech'] }, { id: 'yellow', folders: ['umbrella'] }, BY_HEALTH[2]!];
    assert.deepEqual(treeChange(BY_HEALTH, after, ['initech', 'globex']), { all: false, groups: ['red', 'yellow'], customers: ['globex'] });
  });

  it('a new customer in a group that was there: that group', () => {
    const after = [BY_HEALTH[0]!, BY_HEALTH[1]!, { id: 'green', folders: ['globex', 'hooli'] }];
    assert.deepEqual(treeChange(BY_HEALTH, after, ['hooli']), { all: false, groups: ['green'], customers: [] });
  });

  it('a group came or went, or the tree was never shown: the whole tree', () => {
    assert.deepEqual(treeChange(BY_HEALTH, [BY_HEALTH[0]!, { id: 'yellow', folders: ['umbrella', 'initech', 'globex'] }], ['globex']), { all: true });
    assert.deepEqual(treeChange([], BY_HEALTH, ['globex']), { all: true });
    assert.deepEqual(treeChange(BY_HEALTH, [BY_HEALTH[2]!, BY_HEALTH[1]!, BY_HEALTH[0]!], []), { all: true });
  });
});
