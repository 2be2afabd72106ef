import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { adoptionStatuses, answerTags, healthColors, horizons, objectiveStatuses, type CallNote } from '../../../../src/core/note/model';
import { parseNote } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';

/** Fragments that have broken Markdown, YAML or our anchors somewhere. */
const hostile = fc.constantFrom(
  '---', '...', '#', '# ', '## ', '### ', '> ', '>', '<!--', '-->', '<!-- call-coach:actions -->', '<!-- call-coach:prompt x -->',
  '<script>', '</script>', '<b>', '- [ ] ', '- [x] ', '* [ ]', '1. [ ]', '![', '](', '[[', 'Tags: #objective', ':', ': ', "'", '"', '`', '```',
  '&', '&amp;', '&lt;', '&#35;', '&#x3C;', '&#', ';', '\\', '|', '*', '_', '~', '!', '?', '@', '%', '{', '}', '[', ']', ' ', '  ', '\t',
  '\u202e', '\u202c', '\u2066', '\u200f', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff',
  '😀', '👩‍👩‍👧', '🇫🇷', 'e\u0301', '\ud800', '\udc00', 'yes', 'null', '2026-11-24', '0777', '1:20',
);

/** One line: graphemes, arbitrary code points and hostile fragments; never \n or \r (the contract). */
const line = fc
  .array(fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 5 })
  .map((parts) => parts.join('').replace(/[\r\n]/g, ''));

/** An answer: lines joined by \n, never empty, never \r. */
const answer = fc
  .array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 4 })
  .map((lines) => lines.join('\n'))
  .map((s) => (s === '' ? 'x' : s));

const id = fc.oneof(fc.constantFrom('five-whys', 'ted', 'five-whys-focus', 'stage-verify'), line);
const small = <T>(arb: fc.Arbitrary<T>, maxLength = 3) => fc.array(arb, { maxLength });

const isoDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** deepEqual compares prototypes: generate ordinary objects, as the parser returns. */
const plain = { noNullPrototype: true } as const;

const note: fc.Arbitrary<CallNote> = fc.record({
  id: line,
  title: line,
  customer: line,
  date: isoDate,
  callType: line,
  attendees: small(line),
  techniques: small(id),
  stages: small(line),
  tags: small(line),
  objectives: small(
    fc.record({
      text: line,
      status: fc.constantFrom(...objectiveStatuses),
      origin: fc.constantFrom('five-whys' as const, 'tagged' as const),
      owner: line,
      due: fc.oneof(isoDate, fc.constant(''), line),
      horizon: fc.constantFrom(null, ...horizons),
      valueDriver: fc.oneof(fc.constantFrom('', 'increase-operational-efficiencies'), line),
    }, plain),
  ),
  adoption: small(
    fc.record({
      stage: fc.oneof(fc.constantFrom('manage', 'verify', 'release'), line),
      percent: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((p) => p + 0)),
      criteria: small(fc.oneof(fc.constantFrom('runners', 'pipelines-25'), line)),
      status: fc.constantFrom(...adoptionStatuses),
    }, plain),
  ),
  metrics: small(fc.record({ id: line, name: line, valueDriver: line, measuredHow: line, baseline: line, target: line, unit: line }, plain)),
  health: small(fc.record({ useCase: line, color: fc.constantFrom(...healthColors), reason: line }, plain)),
  durationMinutes: fc.nat({ max: 100_000 }),
  sections: small(
    fc.record({
      techniqueId: id,
      title: line,
      entries: small(fc.record({ promptId: id, question: line, answer, tags: small(fc.constantFrom(...answerTags)) }, plain)),
    }, plain),
  ),
  actionItems: small(fc.record({ text: line, done: fc.boolean() }, plain), 4),
}, plain);

describe('call note properties', function () {
  // 1,000 notes take one to two seconds; the margin is for slow CI machines.
  this.timeout(20_000);

  it('parseNote(renderNote(n)) deep-equals n', () => {
    fc.assert(
      fc.property(note, (n) => {
        const r = parseNote(renderNote(n));
        if (!r.ok) throw new Error(`${r.error} (line ${r.line})`);
        assert.deepEqual(r.note, n);
      }),
      { numRuns: 1000 },
    );
  });

  it('closes the front matter before any body text, and it holds exactly the properties', () => {
    fc.assert(
      fc.property(note, (n) => {
        const md = renderNote(n);
        const lines = md.split('\n');
        assert.equal(lines[0], '---');
        const close = lines.indexOf('---', 1);
        assert.ok(close > 0);
        // The block parses on its own (YAML 1.2 core, as Obsidian and Dataview read it) to the properties.
        const data = parseYaml(lines.slice(1, close).join('\n'), { uniqueKeys: true }) as Record<string, unknown>;
        assert.deepEqual(data, {
          type: 'call-note', id: n.id, title: n.title, customer: n.customer, date: n.date, callType: n.callType,
          attendees: n.attendees, techniques: n.techniques, stages: n.stages, tags: n.tags, objectives: n.objectives, adoption: n.adoption, metrics: n.metrics, health: n.health, durationMinutes: n.durationMinutes,
        });
        assert.equal(lines[close + 1], '');
        assert.ok(lines[close + 2]!.startsWith('#'), 'the body starts with the title heading');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps structure: only real anchors at line start, every answer line quoted, no raw control characters', () => {
    fc.assert(
      fc.property(note, (n) => {
        const md = renderNote(n);
        const anchors = md.split('\n').filter((l) => l.startsWith('<!--'));
        const entries = n.sections.reduce((k, s) => k + s.entries.length, 0);
        assert.equal(anchors.length, n.sections.length + entries + 1);
        for (const a of anchors) assert.match(a, /^<!-- call-coach:(section|prompt) [^>]* -->$|^<!-- call-coach:actions -->$/);
        assert.doesNotMatch(md, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
        assert.doesNotMatch(md, /[ \t]\n/, 'no trailing whitespace');
      }),
      { numRuns: 300 },
    );
  });
});
