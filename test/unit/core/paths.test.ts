import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isInside, isReservedName, MAX_SLUG_LENGTH, noteRelativePath, slugify, successPlanRelativePath, validateNotesFolder } from '../../../src/core/paths';

/** What every slug must be, on every OS. */
function assertSafeSlug(slug: string, input: string): void {
  const what = `${JSON.stringify(input)} -> ${JSON.stringify(slug)}`;
  assert.ok(slug.length > 0 && slug.length <= MAX_SLUG_LENGTH, `length: ${what}`);
  assert.doesNotMatch(slug, /[\\/:*?"<>|\u0000-\u001f.\s]/u, `no separators, dots, spaces or Windows-forbidden characters: ${what}`);
  assert.ok(!isReservedName(slug), `not reserved: ${what}`);
  assert.ok(!slug.startsWith('-') && !slug.endsWith('-'), `no edge dashes: ${what}`);
  assert.doesNotMatch(slug, /--/, `collapsed dashes: ${what}`);
  assert.doesNotMatch(slug, /[\ud800-\udbff]$/, `no split surrogate pair: ${what}`);
  assert.equal(slug, slug.toLowerCase(), `lowercase: ${what}`);
}

const hostile = [
  '/', '\\', '..', '.', '../../etc/passwd', '..\\..\\windows', 'C:\\x', 'C:', '\\\\server\\share', '//server/share', 'file:///etc',
  'con', 'CON', 'CON.txt', 'con.md', 'nul', 'NUL.tar.gz', 'prn', 'aux', 'com1', 'COM9', 'lpt1', 'lpt9', 'com¹', 'ｃｏｎ', 'conin$', 'con ',
  'a.', 'a..', 'trailing   ', '   leading', 'a\u0000b', '\u0000', '😀', '😀🎉👩‍👩‍👧', '🇫🇷', '', '   ', '---', '___', '\t\n',
  'x'.repeat(300), 'é'.repeat(300), '😀a'.repeat(100), '界'.repeat(100), 'a😀'.repeat(40) + '𠀀'.repeat(40),
  'Acme', 'ACME', 'acme', 'Ácme', '\u202eemca\u202c', '\u200fשלום\u200f', 'مرحبا', 'हिन्दी', 'İstanbul', 'Straße', 'ﬁle', 'Ⅻ', '①②',
  'Acme, Inc. (EMEA)', 'a/b\\c:d*e?f"g<h>i|j', '<script>', '%2e%2e', '~', '$HOME', 'e\u0301', 'z̴̡̛̖̗̘̙̜̝̞̟̠',
];

describe('slugify', () => {
  for (const input of hostile) {
    it(`is safe for ${JSON.stringify(input).slice(0, 40)}`, () => assertSafeSlug(slugify(input, 'customer'), input));
  }

  it('keeps letters and digits of every script, lowercased, without decomposable diacritics', () => {
    assert.equal(slugify('Acme, Inc. (EMEA)', 'x'), 'acme-inc-emea');
    assert.equal(slugify('Ácme Crème Brûlée', 'x'), 'acme-creme-brulee');
    assert.equal(slugify('İstanbul', 'x'), 'istanbul');
    assert.equal(slugify('ＡＣＭＥ ﬁle', 'x'), 'acme-file', 'NFKC folds full-width and ligatures');
    assert.equal(slugify('東京 Office', 'x'), '東京-office');
    assert.equal(slugify('हिन्दी', 'x'), 'हिन्दी', 'vowel signs stay with their letters');
    assert.equal(slugify('\u202eemca\u202c', 'x'), 'emca', 'direction controls are dropped');
    assert.equal(slugify('Q3 2026 — Kick-off!', 'x'), 'q3-2026-kick-off');
  });

  it('falls back when nothing is left, and never returns a reserved name', () => {
    assert.equal(slugify('😀🎉', 'customer'), 'customer');
    assert.equal(slugify('', ''), 'untitled');
    assert.equal(slugify('...', '///'), 'untitled');
    assert.equal(slugify('CON', 'x'), 'con-1');
    assert.equal(slugify('CON.txt', 'x'), 'con-txt', 'the dot becomes a dash, which is not reserved');
    assert.equal(slugify('com¹', 'x'), 'com1-1');
    assert.equal(slugify('!!!', 'nul'), 'nul-1', 'the fallback is checked too');
  });

  it('maps case variants to one slug, so folders never differ only by case', () => {
    assert.equal(new Set(['Acme', 'ACME', 'acme', 'AcMe', 'ÀCME']).size, 5);
    assert.deepEqual(new Set(['Acme', 'ACME', 'acme', 'AcMe', 'ÀCME'].map((s) => slugify(s, 'x'))), new Set(['acme']));
  });

  it('cuts at 60 code units without splitting a surrogate pair or leaving a dash', () => {
    assert.equal(slugify('x'.repeat(300), 'f').length, 60);
    const astral = slugify('a' + '𠀀'.repeat(40), 'f'); // U+20000, a letter outside the BMP
    assert.equal(astral.length, 59);
    assert.equal(astral, 'a' + '𠀀'.repeat(29));
    assert.equal(slugify('a'.repeat(59) + ' b', 'f'), 'a'.repeat(59));
  });

  it('is safe for any string (property)', function () {
    this.timeout(20_000); // about a second; the margin is for slow CI machines
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', minLength: 55, maxLength: 80 })), fc.string(), (s, fallback) => {
        assertSafeSlug(slugify(s, fallback), s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('validateNotesFolder', () => {
  const ok = (setting: string, segments: string[]) => {
    const r = validateNotesFolder(setting);
    assert.ok(r.ok, `${JSON.stringify(setting)}: ${r.ok ? '' : r.error}`);
    assert.deepEqual(r.segments, segments);
  };
  const bad = (setting: string, pattern: RegExp) => {
    const r = validateNotesFolder(setting);
    assert.equal(r.ok, false, `${JSON.stringify(setting)} should be rejected`);
    if (!r.ok) {
      assert.match(r.error, pattern, setting);
      assert.match(r.error, /write a folder inside the workspace, such as `success-plans`/, 'says what to write instead');
    }
  };

  it('accepts relative folders with / or \\ separators', () => {
    ok('success-plans', ['success-plans']);
    ok('docs/customers', ['docs', 'customers']);
    ok('docs\\customers', ['docs', 'customers']);
    ok('./docs//customers/', ['docs', 'customers']);
    ok('Kunden Notizen/2026', ['Kunden Notizen', '2026']);
    ok('.notes', ['.notes']);
  });

  it('rejects absolute paths, drive letters, UNC and URIs', () => {
    bad('/etc', /absolute path/);
    bad('\\x', /absolute path/);
    bad('\\\\server\\share', /absolute path/);
    bad('//server/share', /absolute path/);
    bad('C:\\x', /drive letter/);
    bad('c:x', /drive letter/);
    bad('file:///tmp', /URI/);
  });

  it('rejects climbing out, NUL, empty and home shortcuts', () => {
    bad('..', /"\.\."/);
    bad('notes/../../etc', /"\.\."/);
    bad('notes\\..\\x', /"\.\."/);
    bad('a\u0000b', /NUL/);
    bad('', /is empty/);
    bad('   ', /is empty/);
    bad('./', /names no folder/);
    bad('~/notes', /"~"/);
  });

  it('rejects names Windows cannot store', () => {
    bad('notes/con', /reserved device name/);
    bad('CON.txt', /reserved device name/);
    bad('x/Nul.md', /reserved device name/);
    bad('lpt9', /reserved device name/);
    bad('notes.', /ends with a dot or a space/);
    bad('notes /x', /ends with a dot or a space/);
    bad('a<b', /character Windows does not allow/);
    bad('a|b', /character Windows does not allow/);
    bad('a\tb', /character Windows does not allow/);
    bad('x'.repeat(256), /longer than 255/);
  });
});

describe('note paths', () => {
  it('builds the note path under the customer folder', () => {
    assert.deepEqual(noteRelativePath(['success-plans'], 'Acme Corp', '2026-11-24', 'Discovery call'), ['success-plans', 'acme-corp', '2026-11-24-discovery-call.md']);
    assert.deepEqual(noteRelativePath(['a', 'b'], 'Acme Corp', '2026-11-24', 'Discovery call', 2), ['a', 'b', 'acme-corp', '2026-11-24-discovery-call-2.md']);
    assert.deepEqual(noteRelativePath(['n'], '😀', '2026-11-24', '???'), ['n', 'customer', '2026-11-24-call.md']);
    assert.deepEqual(noteRelativePath(['n'], 'x', '../..', 'y'), ['n', 'x', 'undated-y.md'], 'a bad date cannot climb out');
    assert.deepEqual(successPlanRelativePath(['success-plans'], 'ACME corp'), ['success-plans', 'acme-corp', 'success-plan.md']);
  });

  it('isInside accepts only paths strictly below the folder', () => {
    assert.ok(isInside(['a'], ['a', 'b.md']));
    assert.ok(!isInside(['a'], ['a']));
    assert.ok(!isInside(['a'], ['b', 'c.md']));
    assert.ok(!isInside(['a'], ['a', '..', 'x']));
    assert.ok(!isInside(['a'], ['a', '.']));
    assert.ok(!isInside(['a'], ['a', '']));
    assert.ok(!isInside(['a'], ['a', 'x/../../y']));
    assert.ok(!isInside(['a'], ['a', 'x\\..\\y']));
  });

  it('always stays inside the notes folder (property)', function () {
    this.timeout(20_000);
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('..', '.', '/', '\\', 'con', 'C:\\', '../../x', ''));
    const folder = fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }).map((segments) => {
      const r = validateNotesFolder(segments.join('/'));
      return r.ok ? r.segments : ['success-plans'];
    });
    fc.assert(
      fc.property(folder, text, fc.oneof(text, fc.constant('2026-11-24')), text, fc.integer({ min: -5, max: 1000 }), (f, customer, date, title, attempt) => {
        for (const p of [noteRelativePath(f, customer, date, title, attempt), successPlanRelativePath(f, customer)]) {
          assert.ok(isInside(f, p), JSON.stringify(p));
          assert.equal(p.length, f.length + 2);
          for (const segment of p.slice(f.length)) {
            assert.ok(segment !== '' && segment !== '.' && segment !== '..', segment);
            assert.doesNotMatch(segment, /[\\/\u0000]/);
            assert.ok(!isReservedName(segment), segment);
            assert.doesNotMatch(segment, /[ .]$/);
          }
          assert.ok(p[p.length - 1]!.endsWith('.md'));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
