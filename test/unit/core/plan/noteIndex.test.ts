// The note index (src/core/plan/noteIndex.ts) and its fast front matter reader
// (src/core/note/fastFrontMatter.ts) against the reference readers, parseFrontMatter and parseNote:
// on generated notes full of hostile text, on the benchmark's realistic notes, and on those notes
// damaged at random. The fast path may say "not sure" (and the full parse runs) but must never
// read anything differently. Then the index's bookkeeping: stamps, hashes, racy stamps, pruning.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { adoptionStatuses, answerTags, healthColors, horizons, objectiveStatuses, type CallNote } from '../../../../src/core/note/model';
import { readRenderedFrontMatter } from '../../../../src/core/note/fastFrontMatter';
import { parseFrontMatter } from '../../../../src/core/note/frontMatter';
import { parseNote } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';
import { planContext } from '../../../../src/core/plan/context';
import { fnv1a, NoteIndex, planInput, portableByteText, RACY_MS, summarizeNote, type ByteText, type NoteRead } from '../../../../src/core/plan/noteIndex';
import { buildPlan, type PlanNote } from '../../../../src/core/plan/rollup';
import { nodeByteText, nodeHash } from '../../../../src/host/plan/nodeText';
import { generateNotes, type GeneratedNote } from '../../../bench/workspace';
import { builtInBanks } from '../../questions/builtInBanks';

const hostile = fc.constantFrom(
  '---', '...', '#', '# ', '## ', '### ', '> ', '>', '<!--', '-->', '<!-- call-coach:actions -->', '<!-- call-coach:prompt x -->',
  '<script>', '- [ ] ', '- [x] ', '* [ ]', '![', 'Tags: #objective', ':', ': ', ' :', ':x', 'a:b', "'", "''", '"', '\\', '\\"', '`', '&', '&amp;', '&#35;',
  '|', '*', '&x', '!', '?', '? ', '@', '%', '{', '}', '[', ']', ',', '- ', '-', '--', ' #', '#x', ' ', '  ', '\t', ' \t', '~', 'null', 'Null', 'yes', '0777', '1:20',
  '\u202e', '\u2066', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\ufeff', '\ufffe', '😀', 'e\u0301', '\ud800', '\udc00', 'é',
);
const line = fc
  .array(fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 5 })
  .map((parts) => parts.join('').replace(/[\r\n]/g, ''));
const answer = fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n') || 'x');
const small = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });
const isoDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const plain = { noNullPrototype: true } as const;
const word = fc.oneof(fc.constantFrom('ted', 'five-whys', 'verify', 'Dana Reyes', 'Acme Corp', 'increase-operational-efficiencies'), line);

const note: fc.Arbitrary<CallNote> = fc.record(
  {
    id: word,
    title: word,
    customer: word,
    date: isoDate,
    callType: word,
    attendees: small(word),
    techniques: small(word),
    stages: small(word),
    tags: small(word),
    objectives: small(
      fc.record(
        {
          text: word,
          status: fc.constantFrom(...objectiveStatuses),
          origin: fc.constantFrom('five-whys' as const, 'tagged' as const),
          owner: word,
          due: fc.oneof(isoDate, fc.constant(''), line),
          horizon: fc.constantFrom(null, ...horizons),
          valueDriver: word,
        },
        plain,
      ),
    ),
    adoption: small(
      fc.record(
        {
          stage: word,
          percent: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((p) => p + 0)),
          criteria: small(word),
          status: fc.constantFrom(...adoptionStatuses),
        },
        plain,
      ),
    ),
    metrics: small(fc.record({ id: word, name: word, valueDriver: word, measuredHow: word, baseline: word, target: word, unit: word }, plain)),
    health: small(fc.record({ useCase: word, color: fc.constantFrom(...healthColors), reason: word }, plain)),
    durationMinutes: fc.nat({ max: 100_000 }),
    sections: small(
      fc.record({ techniqueId: word, title: word, entries: small(fc.record({ promptId: word, question: line, answer, tags: small(fc.constantFrom(...answerTags)) }, plain)) }, plain),
    ),
    actionItems: small(fc.record({ text: word, done: fc.boolean() }, plain), 4),
  },
  plain,
);

/** The front matter block of a rendered note, as parseNote hands it to parseFrontMatter. */
function frontMatterOf(markdown: string): string {
  const lines = markdown.split('\n');
  return lines.slice(1, lines.indexOf('---', 1)).join('\n');
}

/** What summarizeNote must give: parseNote's reading of the bytes as the host decodes them. */
function expected(bytes: Uint8Array): NoteRead {
  const parsed = parseNote(new TextDecoder().decode(bytes));
  if (!parsed.ok) return parsed;
  const { id: _id, tags: _tags, sections: _sections, ...summary } = parsed.note;
  return { ok: true, note: summary };
}

const encode = (s: string) => new TextEncoder().encode(s);
const texts: [string, ByteText][] = [
  ['portable', portableByteText],
  ['node', nodeByteText],
];

/** Edits that break Markdown, YAML and our anchors where they land. */
const edit = fc.record({
  // Where, as a share of the text (unbiased: fast-check favours the ends of a range).
  at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
  cut: fc.nat({ max: 6 }),
  insert: fc.oneof(
    hostile,
    fc.constantFrom('\n', '\n\n', '\r\n', '\n---\n', '\n## x\n', '\n### \n', '\n<!-- call-coach:section s -->\n', '\n<!-- call-coach:prompt p -->\n', '\n<!-- call-coach:actions -->\n', '\n> a\n', '\nTags: #nope\n', '\nTags: #objective\n', '\n- [x] done\n', '  ', '\n  - x', '\nextra: key', '\n# c'),
    line,
  ),
});
function damage(text: string, edits: { at: number; cut: number; insert: string }[]): string {
  let s = text;
  for (const e of edits) {
    const at = Math.floor(e.at * s.length);
    s = s.slice(0, at) + e.insert + s.slice(at + e.cut);
  }
  return s;
}

let generated: GeneratedNote[] | undefined;
function realistic(): GeneratedNote[] {
  generated ??= [...generateNotes({ customers: 12, notes: 240, seed: 99 }, builtInBanks())];
  return generated;
}

describe('fast front matter reader', function () {
  this.timeout(60_000);

  it('reads rendered front matter exactly as parseFrontMatter does, or says it is not sure', () => {
    let fast = 0;
    fc.assert(
      fc.property(note, (n) => {
        const block = frontMatterOf(renderNote(n));
        const full = parseFrontMatter(block, 2);
        assert.ok(full.ok, !full.ok ? full.error : '');
        const quick = readRenderedFrontMatter(block);
        if (quick === undefined) return;
        fast++;
        assert.deepStrictEqual(quick, full.fields);
      }),
      { numRuns: 600 },
    );
    assert.ok(fast > 200, `the fast path read only ${fast} of 600 hostile notes`);
  });

  it('reads every front matter of the realistic notes', () => {
    for (const g of realistic()) {
      const block = frontMatterOf(g.text);
      const full = parseFrontMatter(block, 2);
      assert.ok(full.ok);
      assert.deepStrictEqual(readRenderedFrontMatter(block), full.fields, g.file);
    }
  });

  it('never reads a damaged block differently from parseFrontMatter (an error there is "not sure" here)', () => {
    fc.assert(
      fc.property(note, fc.array(edit, { minLength: 1, maxLength: 3 }), (n, edits) => {
        const block = damage(frontMatterOf(renderNote(n)), edits).replace(/\r\n?/g, '\n');
        const quick = readRenderedFrontMatter(block);
        if (quick === undefined) return;
        const full = parseFrontMatter(block, 2);
        assert.ok(full.ok, `fast path read a block yaml rejects (${!full.ok ? full.error : ''}):\n${block}`);
        assert.deepStrictEqual(quick, full.fields);
      }),
      { numRuns: 1500 },
    );
  });

  it('is not sure about what the renderer never writes', () => {
    const block = frontMatterOf(renderNote(realistic()[0]!.note));
    for (const changed of [
      block.replace('type: call-note', 'type: call-note # comment'),
      block.replace('\ndate:', '\n\ndate:'),
      block.replace(/^title: .*$/m, 'title: |-\n  two\n  lines'),
      block.replace(/^title: .*$/m, 'title: &a x'),
      block.replace(/^title: .*$/m, 'title: "x" y'),
      block.replace(/^title: .*$/m, "title: 'it's'"),
      block.replace(/^title: .*$/m, 'title: a: b'),
      block.replace(/^title: .*$/m, 'title: a #b'),
      block.replace(/^title: .*$/m, 'title: trailing '),
      block + '\nupdated: 2026-01-01',
      block.replace('durationMinutes:', 'durationMinutes: x\nd:'),
    ]) {
      assert.notEqual(changed, block);
      assert.equal(readRenderedFrontMatter(changed), undefined, changed);
    }
  });
});

describe('note index: summarizeNote', function () {
  this.timeout(60_000);

  for (const [name, text] of texts) {
    it(`(${name} bytes) reads rendered hostile notes as parseNote does`, () => {
      fc.assert(
        fc.property(note, (n) => {
          const bytes = encode(renderNote(n));
          assert.deepStrictEqual(summarizeNote(bytes, text), expected(bytes));
        }),
        { numRuns: 300 },
      );
    });

    it(`(${name} bytes) reads damaged notes as parseNote does, errors and lines included`, () => {
      const notes = realistic();
      let readable = 0;
      fc.assert(
        fc.property(fc.nat({ max: notes.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
          const bytes = encode(damage(notes[i]!.text, edits));
          const want = expected(bytes);
          if (want.ok) readable++;
          assert.deepStrictEqual(summarizeNote(bytes, text), want);
        }),
        { numRuns: 700 },
      );
      assert.ok(readable > 100, `only ${readable} of 700 damaged notes were still readable; the edits are too coarse`);
    });
  }

  it('reads the realistic notes on the fast path, as parseNote does', () => {
    const index = new NoteIndex({ text: nodeByteText, hash: nodeHash });
    for (const g of realistic()) {
      const bytes = encode(g.text);
      assert.deepStrictEqual(index.store(g.folder, g.file, { mtime: 0, size: bytes.length }, bytes).read, expected(bytes), g.file);
    }
    assert.equal(index.slowParses, 0, 'no realistic note needed parseNote');
  });

  it('reads a note the same every time: the fields kept from storing it, then its front matter again', () => {
    const index = new NoteIndex({ text: nodeByteText });
    const g = realistic()[2]!;
    const bytes = encode(g.text);
    const entry = index.store(g.folder, g.file, { mtime: 0, size: bytes.length }, bytes);
    const first = entry.read;
    const second = entry.read;
    assert.deepStrictEqual(first, expected(bytes));
    assert.deepStrictEqual(second, first);
    assert.ok(first.ok && second.ok && first.note !== second.note, 'each read is a note of its own, for callers that change it');
  });

  it('handles what only parseNote reads: CRLF, a BOM, bytes that are not UTF-8, an empty file', () => {
    const text = realistic()[1]!.text;
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
    const latin = encode(text.replace('Call with', 'Call with \u00e9'));
    const broken = latin.slice();
    broken[latin.indexOf(0xc3)] = 0xff; // an invalid byte
    for (const bytes of [encode(text.replace(/\n/g, '\r\n')), bom, broken, new Uint8Array(), encode('---\n---\n'), encode('---\r\n')]) {
      for (const [, t] of texts) assert.deepStrictEqual(summarizeNote(bytes, t), expected(bytes));
    }
  });
});

describe('note index: bookkeeping', () => {
  const [a, b] = realistic();
  const bytesA = encode(a!.text);
  const bytesB = encode(b!.text);
  const old = { mtime: 1_000, size: bytesA.length };

  it('trusts an unchanged stamp, not a changed or racily recent one', () => {
    let now = 1_000_000;
    const index = new NoteIndex({ now: () => now });
    assert.equal(index.fresh('f', 'a.md', old), undefined);
    index.store('f', 'a.md', old, bytesA);
    assert.ok(index.fresh('f', 'a.md', old));
    assert.equal(index.fresh('f', 'a.md', { ...old, mtime: 2_000 }), undefined);
    assert.equal(index.fresh('f', 'a.md', { ...old, size: old.size + 1 }), undefined);
    // Written in the same moment it was read: a second write in that tick would not show.
    const racy = { mtime: now - RACY_MS + 1, size: bytesA.length };
    index.store('f', 'r.md', racy, bytesA);
    assert.equal(index.fresh('f', 'r.md', racy), undefined);
    now += 10_000;
    index.store('f', 'r.md', racy, bytesA);
    assert.ok(index.fresh('f', 'r.md', racy), 'read again later: now the stamp can be trusted');
  });

  it('parses a file again only when its bytes changed', () => {
    const index = new NoteIndex({ hash: fnv1a });
    const first = index.store('f', 'a.md', old, bytesA);
    assert.equal(index.parses, 1);
    assert.equal(first.hash, undefined, 'a first read is parsed, not hashed');
    index.store('f', 'a.md', { ...old, mtime: 4_000 }, bytesA);
    assert.equal(index.parses, 2, 'nothing to compare the second read with: parsed again, and hashed');
    const touched = index.store('f', 'a.md', { ...old, mtime: 5_000 }, bytesA);
    assert.equal(index.parses, 2, 'same bytes, new mtime: not parsed again');
    assert.equal(touched.mtime, 5_000);
    const changed = index.store('f', 'a.md', { mtime: 6_000, size: bytesB.length }, bytesB);
    assert.equal(index.parses, 3);
    assert.deepStrictEqual(changed.read, expected(bytesB));
  });

  it('lists a folder by file name, forgets deleted files, and feeds buildPlan like readCustomerNotes', () => {
    const index = new NoteIndex();
    const broken = encode(a!.text.replace('<!-- call-coach:actions -->', '<!-- call-coach:action -->'));
    index.store('f', 'b.md', old, bytesB);
    index.store('f', 'a.md', old, bytesA);
    index.store('f', 'c.md', old, broken);
    index.store('g', 'x.md', old, bytesA);
    assert.deepStrictEqual(index.folder('f').map((e) => e.file), ['a.md', 'b.md', 'c.md']);
    assert.equal(index.size, 4);
    const { notes, skipped } = planInput(index.folder('f'));
    assert.deepStrictEqual(notes.map((n) => n.file), ['a.md', 'b.md']);
    const err = expected(broken);
    assert.ok(!err.ok);
    assert.deepStrictEqual(skipped, [{ file: 'c.md', error: err.error, line: err.line }]);
    index.retain('f', ['b.md']);
    assert.deepStrictEqual(index.folder('f').map((e) => e.file), ['b.md']);
    index.delete('g', 'x.md');
    assert.deepStrictEqual(index.folderNames(), ['f']);
  });

  it('rolls up the same plan as notes parsed with parseNote', () => {
    const context = planContext(builtInBanks(), '2026-11-24');
    const index = new NoteIndex({ text: nodeByteText, hash: nodeHash });
    const byFolder = new Map<string, PlanNote[]>();
    for (const g of realistic()) {
      const bytes = encode(g.text);
      index.store(g.folder, g.file, { mtime: 0, size: bytes.length }, bytes);
      const parsed = parseNote(g.text);
      assert.ok(parsed.ok);
      byFolder.set(g.folder, [...(byFolder.get(g.folder) ?? []), { file: g.file, note: parsed.note }]);
    }
    for (const [folder, notes] of byFolder) {
      assert.deepStrictEqual(buildPlan({ customer: folder, ...planInput(index.folder(folder)) }, context), buildPlan({ customer: folder, notes, skipped: [] }, context), folder);
    }
  });
});
