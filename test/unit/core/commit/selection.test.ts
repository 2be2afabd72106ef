// Which files "Commit Success Plan Notes" stages, when it refuses, and its commit message.
import { strict as assert } from 'node:assert';
import { commitContents, commitMessage, DEFAULT_COMMIT_TEMPLATE, describeContents, type ContentsWords } from '../../../../src/core/commit/message';
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
  const one = { callNotes: 1, plans: 0, portfolio: 0, other: 0 };
  const facts = { customers: ['Acme Corp'], date: '2026-11-24', contents: one };

  it('fills the default template with the customer\'s name and what changed', () => {
    assert.equal(commitMessage(DEFAULT_COMMIT_TEMPLATE, facts), 'Success plan notes: Acme Corp (1 call note, 2026-11-24)');
    assert.equal(commitMessage('', { ...facts, contents: { ...one, plans: 1 } }), 'Success plan notes: Acme Corp (1 call note and the success plan, 2026-11-24)');
    assert.equal(commitMessage('', { ...facts, contents: { callNotes: 3, plans: 1, portfolio: 1, other: 0 } }), 'Success plan notes: Acme Corp (3 call notes, the success plan and the portfolio, 2026-11-24)');
  });

  it('counts plans when the commit is about several customers', () => {
    const contents = { callNotes: 2, plans: 2, portfolio: 0, other: 1 };
    assert.equal(commitMessage('', { customers: ['Acme Corp', 'Globex'], date: '2026-11-24', contents }), 'Success plan notes: Acme Corp and Globex (2 call notes, 2 success plans and 1 other file, 2026-11-24)');
    assert.equal(describeContents({ callNotes: 2, plans: 1, portfolio: 0, other: 0 }, 2), '2 call notes and 1 success plan');
  });

  it('shortens a long customer list and keeps unknown variables visible', () => {
    const msg = commitMessage('${customers}: ${count} on ${date} ${oops}', { customers: ['a', 'b', 'c', 'd', 'e'], date: '2026-01-01', contents: { callNotes: 5, plans: 2, portfolio: 0, other: 0 } });
    assert.equal(msg, 'a, b, c and 2 more: 7 on 2026-01-01 ${oops}');
  });

  it('sorts the committed files by kind: call notes, plans, the portfolio, anything else', () => {
    const notes = '/repo/success-plans';
    const contents = commitContents(
      [
        `${notes}/acme-corp/2026-12-03-discovery.md`,
        `${notes}/acme-corp/success-plan.md`,
        `${notes}/portfolio.md`,
        `${notes}/acme-corp/usage/2026-12-01.json`,
        `${notes}/README.md`,
        `${notes}/globex/2026-11-01-sync.MD`,
      ],
      notes,
    );
    assert.deepEqual(contents, { callNotes: 2, plans: 1, portfolio: 1, other: 2 });
  });

  it('says what a commit holds in the words it is given (the extension passes its display language\'s); English by default', () => {
    const words: ContentsWords = {
      callNotes: (n) => `${n} notas`,
      plans: (n) => `${n} planes`,
      thePlan: 'el plan',
      portfolio: 'la cartera',
      otherFiles: (n) => `${n} otros`,
      none: 'nada',
      list: (parts) => parts.join(' y '),
    };
    const all = { callNotes: 3, plans: 2, portfolio: 1, other: 1 };
    assert.equal(describeContents(all, 2, words), '3 notas y 2 planes y la cartera y 1 otros');
    assert.equal(describeContents({ callNotes: 1, plans: 1, portfolio: 0, other: 0 }, 1, words), '1 notas y el plan');
    assert.equal(describeContents({ callNotes: 0, plans: 0, portfolio: 0, other: 0 }, 0, words), 'nada');
    assert.equal(describeContents(all, 2), '3 call notes, 2 success plans, the portfolio and 1 other file');
    // The commit message keeps the English words whatever the notification's language.
    assert.equal(commitMessage('${notes}', { customers: ['a'], date: '2026-01-01', contents: { callNotes: 1, plans: 1, portfolio: 0, other: 0 } }), '1 call note and the success plan');
  });
});
