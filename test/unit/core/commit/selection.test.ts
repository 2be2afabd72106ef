// Which files "Commit Success Plan Notes" stages, when it refuses, and its commit message.
import { strict as assert } from 'node:assert';
import { commitMessage, DEFAULT_COMMIT_TEMPLATE } from '../../../../src/core/commit/message';
import { customersOf, isUnder, planNotesCommit, type RepoChange } from '../../../../src/core/commit/selection';

const notes = '/repo/success-plans';
const change = (path: string, group: RepoChange['group'], kind: RepoChange['kind']): RepoChange => ({ path, group, kind });

describe('notes commit plan', () => {
  it('stages new and modified notes only, never other files or deletions', () => {
    const plan = planNotesCommit(
      [
        change('/repo/success-plans/acme/2026-01-02-sync.md', 'untracked', 'untracked'),
        change('/repo/success-plans/acme/2026-01-01-discovery.md', 'workingTree', 'modified'),
        change('/repo/success-plans/globex/old.md', 'workingTree', 'deleted'),
        change('/repo/README.md', 'workingTree', 'modified'),
        change('/repo/success-plans-old/x.md', 'untracked', 'untracked'),
      ],
      notes,
    );
    assert.deepEqual(plan, {
      toStage: ['/repo/success-plans/acme/2026-01-01-discovery.md', '/repo/success-plans/acme/2026-01-02-sync.md'],
      alreadyStaged: [],
      otherStaged: [],
      conflicted: [],
      deletions: ['/repo/success-plans/globex/old.md'],
    });
  });

  it('reports staged files outside the notes folder, and counts staged notes in', () => {
    const plan = planNotesCommit(
      [
        change('/repo/src/app.ts', 'index', 'modified'),
        change('/repo/success-plans/acme/a.md', 'index', 'added'),
        change('/repo/success-plans/acme/a.md', 'workingTree', 'modified'),
      ],
      notes,
    );
    assert.deepEqual(plan.otherStaged, ['/repo/src/app.ts']);
    assert.deepEqual(plan.alreadyStaged, ['/repo/success-plans/acme/a.md']);
    assert.deepEqual(plan.toStage, ['/repo/success-plans/acme/a.md'], 'a staged note changed again is staged again');
  });

  it('lists unmerged files', () => {
    assert.deepEqual(planNotesCommit([change('/repo/x.md', 'merge', 'other')], notes).conflicted, ['/repo/x.md']);
  });

  it('decides "inside" by whole path segments', () => {
    assert.equal(isUnder('/r/notes', '/r/notes/a.md'), true);
    assert.equal(isUnder('/r/notes/', '/r/notes/a/b.md'), true);
    assert.equal(isUnder('/r/notes', '/r/notes'), false);
    assert.equal(isUnder('/r/notes', '/r/notes-2/a.md'), false);
  });

  it('names customers by their folder', () => {
    assert.deepEqual(customersOf(['/repo/success-plans/globex/a.md', '/repo/success-plans/acme/b.md', '/repo/success-plans/acme/c.md', '/repo/success-plans/top.md', '/elsewhere/z/y.md'], notes), ['acme', 'globex']);
  });
});

describe('notes commit message', () => {
  const facts = { customers: ['acme'], date: '2026-11-24', count: 1 };

  it('fills the default template', () => {
    assert.equal(commitMessage(DEFAULT_COMMIT_TEMPLATE, facts), 'Success plan notes: acme (1 note, 2026-11-24)');
    assert.equal(commitMessage('', { ...facts, count: 3 }), 'Success plan notes: acme (3 notes, 2026-11-24)');
  });

  it('shortens a long customer list and keeps unknown variables visible', () => {
    const msg = commitMessage('${customers}: ${count} on ${date} ${oops}', { customers: ['a', 'b', 'c', 'd', 'e'], date: '2026-01-01', count: 7 });
    assert.equal(msg, 'a, b, c and 2 more: 7 on 2026-01-01 ${oops}');
  });
});
