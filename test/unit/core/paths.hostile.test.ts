// The path corpus (test/fixtures/hostile.ts): traversal, absolute and UNC paths, drive letters,
// Windows device names, trailing dots and spaces, NUL, very long and case-colliding names, as
// customer, title, date and notes folder. Whatever they are, a note or success plan path resolves
// strictly inside the notes folder on POSIX and on Windows, every name is one a file system takes,
// and names differing only by case share one folder. And a temporary file a crash left behind is
// never committed as a note.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { planNotesCommit } from '../../../src/core/commit/selection';
import { isInside, isReservedName, noteRelativePath, successPlanRelativePath, validateNotesFolder } from '../../../src/core/paths';
import { HOSTILE_LINES, HOSTILE_PATH_NAMES, HOSTILE_RAW_LINES } from '../../fixtures/hostile';

const ROOTS = { posix: '/work/space', win32: 'C:\\work\\space' } as const;

/** Checks one relative path (segments) against the folder, as both platforms would resolve it. */
function assertStaysInside(folder: string[], segments: string[]): void {
  const what = JSON.stringify(segments);
  assert.ok(isInside(folder, segments), `isInside: ${what}`);
  assert.equal(segments.length, folder.length + 2, `customer folder and file: ${what}`);
  for (const platform of ['posix', 'win32'] as const) {
    const p = path[platform];
    const base = p.resolve(ROOTS[platform], ...folder);
    const target = p.resolve(ROOTS[platform], ...segments);
    assert.ok(target.startsWith(base + p.sep), `${platform}: ${target} is not under ${base}`);
    assert.equal(p.relative(base, target).split(p.sep).length, 2, `${platform}: ${target}`);
  }
  for (const name of segments.slice(folder.length)) {
    assert.match(name, /^[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}.-]*$/u, `letters, digits, dashes and the .md dot only: ${JSON.stringify(name)}`);
    assert.ok(Buffer.byteLength(name, 'utf8') <= 255, `at most 255 bytes on disk: ${name}`);
    assert.ok(!isReservedName(name), `not a Windows device name: ${name}`);
    assert.doesNotMatch(name, /[ .]$/, `no trailing dot or space: ${name}`);
    assert.equal(name, name.toLowerCase(), `lower case, so no two differ only by case: ${name}`);
  }
}

const folders = ['success-plans', 'docs/customers', 'a\\b\\c'].map((f) => {
  const r = validateNotesFolder(f);
  assert.ok(r.ok);
  return r.segments;
});
const corpus = [...HOSTILE_PATH_NAMES, ...HOSTILE_LINES, ...HOSTILE_RAW_LINES];

describe('hostile corpus: note and success plan paths', () => {
  it('every corpus customer, title and date stays inside the notes folder', () => {
    for (const folder of folders) {
      for (const [i, name] of corpus.entries()) {
        const other = corpus[(i * 7 + 3) % corpus.length]!;
        for (const date of ['2026-11-24', name, '../../2026-11-24', 'C:\\2026']) {
          for (const attempt of [1, 2, 200, -1, Number.NaN]) assertStaysInside(folder, noteRelativePath(folder, name, date, other, attempt));
        }
        assertStaysInside(folder, successPlanRelativePath(folder, name));
      }
    }
  });

  it('stays inside for any text at all (property)', function () {
    this.timeout(20_000);
    const text = fc.oneof(fc.constantFrom(...corpus), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom(...HOSTILE_PATH_NAMES), { maxLength: 4 }).map((a) => a.join('/')));
    fc.assert(
      fc.property(fc.constantFrom(...folders), text, fc.oneof(fc.constant('2026-11-24'), text), text, fc.integer({ min: -3, max: 300 }), (folder, customer, date, title, attempt) => {
        assertStaysInside(folder, noteRelativePath(folder, customer, date, title, attempt));
        assertStaysInside(folder, successPlanRelativePath(folder, customer));
      }),
      { numRuns: 2000 },
    );
  });

  it('names that differ only by case or accent share one customer folder and one note name', () => {
    const variants = ['Acme', 'ACME', 'acme', 'Ácme', 'ＡＣＭＥ', ' acme '];
    const paths = new Set(variants.map((c) => noteRelativePath(['n'], c, '2026-11-24', c).join('/')));
    assert.deepEqual([...paths], ['n/acme/2026-11-24-acme.md']);
    assert.equal(new Set(variants.map((c) => successPlanRelativePath(['n'], c).join('/'))).size, 1);
  });

  it('refuses every corpus notes folder that would leave the workspace, and keeps the rest inside', () => {
    for (const setting of [...HOSTILE_PATH_NAMES, ...HOSTILE_PATH_NAMES.map((n) => `success-plans/${n}`)]) {
      const r = validateNotesFolder(setting);
      if (!r.ok) {
        assert.match(r.error, /^callCoach\.notesFolder /, setting);
        continue;
      }
      for (const segment of r.segments) {
        assert.ok(segment !== '..' && segment !== '.' && !/[\\/\u0000:]/.test(segment) && !isReservedName(segment) && !/[ .]$/.test(segment), `${JSON.stringify(setting)} -> ${JSON.stringify(r.segments)}`);
      }
      assert.ok(path.posix.resolve('/ws', ...r.segments).startsWith('/ws/'));
      assert.ok(path.win32.resolve('C:\\ws', ...r.segments).startsWith('C:\\ws\\'));
    }
  });
});

describe('temporary files are never committed as notes', () => {
  it('a .call-coach.tmp file left by a crash is not staged; the notes beside it are', () => {
    const plan = planNotesCommit(
      [
        { path: 'success-plans/acme/.3f9a0c1b2d4e.call-coach.tmp', group: 'untracked', kind: 'untracked' },
        { path: 'success-plans/acme/2026-11-24-discovery.md', group: 'untracked', kind: 'untracked' },
        { path: 'success-plans/acme/.0a1b2c3d4e5f.call-coach.tmp', group: 'workingTree', kind: 'modified' },
        { path: 'success-plans/acme/success-plan.md', group: 'workingTree', kind: 'modified' },
      ],
      'success-plans',
    );
    assert.deepEqual(plan.toStage, ['success-plans/acme/2026-11-24-discovery.md', 'success-plans/acme/success-plan.md']);
  });
});
