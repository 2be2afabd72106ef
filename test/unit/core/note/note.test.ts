import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { renderNote } from '../../../../src/core/note/render';
import { parseNote } from '../../../../src/core/note/parse';
import { MAX_FRONT_MATTER_BYTES } from '../../../../src/core/note/frontMatter';
import type { CallNote } from '../../../../src/core/note/model';
import { realistic } from './noteFixtures';

const expected = `---
type: call-note
id: call-2026-11-24-acme-1
title: Acme discovery
customer: Acme Corp
date: 2026-11-24
callType: discovery
attendees:
  - Dana Reyes (VP Eng)
  - Sam Ito
techniques:
  - five-whys
  - ted
stages:
  - verify
  - release
tags:
  - discovery
  - q4
objectives:
  - text: Release weekly instead of monthly
    status: not-started
    origin: five-whys
    owner: Dana Reyes
    due: 2027-03-31
    horizon: 6
    valueDriver: increase-operational-efficiencies
  - text: Cut pipeline time in half
    status: in-progress
    origin: tagged
    owner: ""
    due: ""
    horizon: null
    valueDriver: ""
adoption:
  - stage: verify
    percent: 40
    criteria:
      - runners
      - pipelines-25
    status: adopted
  - stage: release
    percent: null
    criteria: []
    status: not-started
metrics:
  - id: deployment-frequency
    name: Deployment frequency
    valueDriver: deliver-better-products-faster
    measuredHow: Count of prod deploys | per month
    baseline: "1"
    target: "4"
    unit: deploys/month
health:
  - useCase: CI
    color: yellow
    reason: Runners flaky during deploys
durationMinutes: 47
---

# Acme discovery

Call with Acme Corp on 2026-11-24 · Attendees: Dana Reyes (VP Eng), Sam Ito

## Five Whys
<!-- call-coach:section five-whys -->

### What is your key focus?
<!-- call-coach:prompt five-whys-focus -->

> Setting up HA for our runners.

Tags: #objective

### You said "Setting up HA". What challenges?
<!-- call-coach:prompt five-whys-challenges -->

> Runners go down during deploys.
> Twice last month.

Tags: #pain-point

### How does that relate to larger objectives?
<!-- call-coach:prompt five-whys-larger-objective -->

> The CTO wants weekly releases.

Tags: #objective #metric

**Ladder**

1. “Setting up HA for our runners.”
2. “Runners go down during deploys. Twice last month.”
3. “The CTO wants weekly releases.”

## TED questions
<!-- call-coach:section ted -->

### Describe your release process.
<!-- call-coach:prompt ted-describe -->

> Manual approvals, then a Friday window.

## Stage adoption scorecard

| Stage | Teams using it | Criteria met | Status |
| --- | --- | --- | --- |
| verify | 40% | runners, pipelines-25 | Adopted |
| release | | | Not started |

## Metrics: baseline → target

| Metric | Value driver | Measured today | Baseline → target | Unit |
| --- | --- | --- | --- | --- |
| Deployment frequency | deliver-better-products-faster | Count of prod deploys &#124; per month | 1 → 4 | deploys/month |

## Use-case health

| Use case | Health | Reason |
| --- | --- | --- |
| CI | Yellow | Runners flaky during deploys |

## Tagged items

### Objectives

- What is your key focus? — “Setting up HA for our runners.” (Five Whys)
- How does that relate to larger objectives? — “The CTO wants weekly releases.” (Five Whys)

### Pain points

- You said "Setting up HA". What challenges? — “Runners go down during deploys. Twice last month.” (Five Whys)

### Metrics

- How does that relate to larger objectives? — “The CTO wants weekly releases.” (Five Whys)

## Action items
<!-- call-coach:actions -->

- [ ] Send the runner HA guide
- [x] Book a CI review with Sam
`;

function roundTrip(note: CallNote): void {
  const md = renderNote(note);
  const r = parseNote(md);
  if (!r.ok) assert.fail(`parse failed: ${r.error} (line ${r.line})\n${md.slice(0, 2000)}`);
  assert.deepEqual(r.note, note);
}

function parsed(text: string): CallNote {
  const r = parseNote(text);
  if (!r.ok) assert.fail(`parse failed: ${r.error} (line ${r.line})`);
  return r.note;
}

function failure(text: string): { error: string; line?: number } {
  const r = parseNote(text);
  assert.equal(r.ok, false, 'expected the note to be rejected');
  return r.ok ? { error: '' } : r;
}

/** The YAML between the fences, as written. */
function frontMatterOf(md: string): string {
  const lines = md.split('\n');
  assert.equal(lines[0], '---');
  const close = lines.indexOf('---', 1);
  assert.ok(close > 0, 'front matter is closed');
  return lines.slice(1, close).join('\n');
}

describe('renderNote', () => {
  it('renders a realistic note to the expected Markdown', () => {
    assert.equal(renderNote(realistic), expected);
  });

  it('parses its own output back to the same note', () => {
    assert.deepEqual(parsed(expected), realistic);
  });

  it('writes front matter that Foam, Obsidian and Dataview read as properties', () => {
    const yamlText = frontMatterOf(renderNote(realistic));
    const data = parseYaml(yamlText) as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['type', 'id', 'title', 'customer', 'date', 'callType', 'attendees', 'techniques', 'stages', 'tags', 'objectives', 'adoption', 'metrics', 'health', 'durationMinutes']);
    assert.equal(data.type, 'call-note');
    assert.equal(data.date, '2026-11-24', 'YAML 1.2 readers get the ISO string');
    assert.deepEqual(data.tags, ['discovery', 'q4'], 'tags as a list, without #');
    assert.equal(data.durationMinutes, 47, 'a number, so Dataview can sum it');
    assert.deepEqual(data.objectives, realistic.objectives.map((o) => ({ ...o })), 'flat objects; horizon a number or null');
    assert.deepEqual(data.adoption, realistic.adoption.map((a) => ({ ...a })), 'percent a number or null, criteria a list of ids');
    assert.deepEqual(data.metrics, realistic.metrics.map((m) => ({ ...m })));
    assert.deepEqual(data.health, realistic.health.map((h) => ({ ...h })));
    // YAML 1.1 readers (js-yaml, gray-matter) resolve the plain date to a date value.
    const old = parseYaml(yamlText, { version: '1.1' }) as Record<string, unknown>;
    assert.ok(old.date instanceof Date, 'the date is a plain date-like scalar');
    const [first] = old.objectives as { due: unknown }[];
    assert.ok(first?.due instanceof Date, 'an objective due date is a plain date-like scalar too');
  });

  it('writes empty lists as [] and quotes strings YAML 1.1 would retype', () => {
    const note: CallNote = { ...realistic, customer: 'no', callType: '1:20', id: '0777', title: 'yes', attendees: [], techniques: [], stages: [], tags: [], objectives: [], adoption: [], metrics: [], health: [] };
    const yamlText = frontMatterOf(renderNote(note));
    for (const key of ['attendees', 'techniques', 'stages', 'tags', 'objectives', 'adoption', 'metrics', 'health']) assert.match(yamlText, new RegExp(`^${key}: \\[\\]$`, 'm'));
    const old = parseYaml(yamlText, { version: '1.1' }) as Record<string, unknown>;
    assert.deepEqual([old.customer, old.callType, old.id, old.title], ['no', '1:20', '0777', 'yes']);
    roundTrip(note);
  });

  it('keeps HTML in headings, tasks and answers inert, and reverses it exactly', () => {
    const note: CallNote = {
      ...realistic,
      title: '<script>alert(1)</script>',
      sections: [{ techniqueId: 'x', title: '<b>bold</b> -->', entries: [{ promptId: 'p', question: '<img src=x onerror=alert(1)> `a<b>`', answer: '<script>alert(1)</script>\n<!-- hidden', tags: [] }] }],
      actionItems: [{ text: '<a href="javascript:x">click</a> &amp;', done: false }],
    };
    const md = renderNote(note);
    const body = md.slice(md.indexOf('\n---\n') + 5);
    assert.doesNotMatch(body, /<(script|img|b|a )/);
    assert.match(body, /^# &lt;script>alert\(1\)&lt;\/script>$/m);
    assert.match(body, /^- \[ \] &lt;a href="javascript:x">click&lt;\/a> &amp;amp;$/m);
    assert.match(body, /^> &lt;!-- hidden$/m);
    roundTrip(note);
  });

  it('renders an empty answer line as a bare > and tags after a blank line', () => {
    const note: CallNote = { ...realistic, sections: [{ techniqueId: 't', title: 'T', entries: [{ promptId: 'p', question: 'Q', answer: 'one\n\nthree', tags: ['follow-up'] }] }] };
    assert.ok(renderNote(note).includes('> one\n>\n> three\n\nTags: #follow-up\n'));
    roundTrip(note);
  });

  it('renders the Five Whys ladder only for five-whys', () => {
    const md = renderNote({ ...realistic, sections: realistic.sections.map((s) => ({ ...s, techniqueId: s.techniqueId === 'five-whys' ? 'other' : s.techniqueId })) });
    assert.ok(!md.includes('**Ladder**'));
  });

  it('leaves no trailing whitespace for editors to trim', () => {
    const note: CallNote = {
      ...realistic,
      sections: [{ techniqueId: 't', title: ' padded ', entries: [{ promptId: 'p', question: '', answer: 'ends with space \n\t\n ', tags: [] }] }],
      actionItems: [{ text: '', done: false }, { text: ' x ', done: true }],
    };
    const md = renderNote(note);
    for (const line of md.split('\n')) assert.doesNotMatch(line, /[ \t]$/, JSON.stringify(line));
    roundTrip(note);
  });
});

describe('parseNote errors', () => {
  const md = renderNote(realistic);
  const lineOf = (text: string, s: string) => text.split('\n').indexOf(s) + 1;

  it('rejects a file without front matter', () => {
    const f = failure('# Just notes\n\nSome text.\n');
    assert.match(f.error, /must start with a `---` line/);
    assert.equal(f.line, 1);
    assert.match(failure('').error, /must start with a `---` line/);
  });

  it('refuses front matter over 256 KB (40,000 keys) with its size, and reads 20,000 extra keys', () => {
    const extra = (n: number) => Array.from({ length: n }, (_, i) => `x${String(i).padStart(5, '0')}: 0\n`).join('');
    const big = md.replace('---\n', `---\n${extra(40_000)}`);
    const f = failure(big);
    assert.equal(f.error, `the front matter is 392 KB, more than the 256 KB a call note's front matter may hold (Call Coach writes a few KB); remove what was added to it`);
    assert.equal(f.line, 2);
    assert.equal(MAX_FRONT_MATTER_BYTES, 256 * 1024);
    // Under the limit, unknown keys are ignored as always, however many there are.
    const wide = parseNote(md.replace('---\n', `---\n${extra(20_000)}`));
    assert.ok(wide.ok, wide.ok ? '' : wide.error);
    assert.deepEqual(wide.note, parseNote(md).ok && (parseNote(md) as { note: CallNote }).note);
  });

  it('rejects unclosed front matter', () => {
    const f = failure('---\ntype: call-note\nid: x\n');
    assert.match(f.error, /not closed/);
  });

  it('reports broken YAML with its file line', () => {
    const f = failure(md.replace('title: Acme discovery', 'title: [Acme'));
    assert.match(f.error, /not valid YAML/);
    assert.ok(f.line !== undefined && f.line >= 4, `line ${f.line}`);
  });

  it('reports duplicate keys', () => {
    const f = failure(md.replace('title: Acme discovery', 'title: Acme discovery\ntitle: Again'));
    assert.match(f.error, /not valid YAML.*unique/i);
    assert.equal(f.line, 5);
  });

  it('rejects a wrong or missing type', () => {
    const f = failure(md.replace('type: call-note', 'type: meeting'));
    assert.match(f.error, /`type` is "meeting" but a call note needs `type: call-note`/);
    assert.equal(f.line, 2);
    assert.match(failure(md.replace('type: call-note\n', '')).error, /missing `type`/);
  });

  it('rejects bad dates, naming the format', () => {
    for (const bad of ['24/11/2026', '2026-02-30', '2026-13-01', '2026-11-24T10:00', '"2026-1-2"']) {
      const f = failure(md.replace('date: 2026-11-24', `date: ${bad}`));
      assert.match(f.error, /write the call date as YYYY-MM-DD/, bad);
      assert.equal(f.line, 6, bad);
    }
    assert.deepEqual(parsed(md.replace('date: 2026-11-24', 'date: 2024-02-29')).date, '2024-02-29');
    assert.deepEqual(parsed(md.replace('date: 2026-11-24', "date: '2026-11-24'")).date, '2026-11-24', 'quoted by another tool');
  });

  it('rejects missing required fields and wrong shapes', () => {
    assert.match(failure(md.replace(/^id: .*\n/m, '')).error, /missing `id`/);
    const list = failure(md.replace('attendees:\n  - Dana Reyes (VP Eng)\n  - Sam Ito', 'attendees: Dana'));
    assert.match(list.error, /`attendees` must be a list/);
    assert.equal(list.line, 8);
    assert.match(failure(md.replace('customer: Acme Corp', 'customer: [a, b]')).error, /`customer` must be a single text value/);
    assert.match(failure(md.replace('durationMinutes: 47', 'durationMinutes: 47.5')).error, /write whole minutes/);
    assert.match(failure(md.replace('durationMinutes: 47', 'durationMinutes: -3')).error, /write whole minutes/);
    assert.match(failure(md.replace('status: not-started', 'status: blocked')).error, /status "blocked" is not one of not-started, in-progress, done, at-risk/);
    assert.match(failure(md.replace('origin: tagged', 'origin: other')).error, /origin "other"/);
    assert.match(failure('---\n- type\n- id\n---\n').error, /must be a YAML mapping/);
    assert.match(failure('---\n---\n').error, /must be a YAML mapping/);
  });

  it('rejects YAML aliases', () => {
    assert.match(failure(md.replace('title: Acme discovery', 'title: &t Acme\ncallTypeX: *t')).error, /alias/);
  });

  it('rejects an unknown tag with its line', () => {
    const f = failure(md.replace('Tags: #objective #metric', 'Tags: #objective #metrics'));
    assert.match(f.error, /unknown tag "#metrics".*#objective, #pain-point, #metric, #action-item, #follow-up/);
    assert.equal(f.line, lineOf(md, 'Tags: #objective #metric'));
    assert.match(failure(md.replace('Tags: #pain-point', 'Tags: pain-point')).error, /unknown tag "pain-point"/);
  });

  it('rejects a question whose answer quote was deleted', () => {
    const f = failure(md.replace('> Manual approvals, then a Friday window.\n', ''));
    assert.match(f.error, /"Describe your release process." \(line \d+\) has no answer/);
  });

  it('rejects an anchor separated from its heading, or damaged', () => {
    const moved = failure(md.replace('## TED questions\n', ''));
    assert.match(moved.error, /section anchor on line \d+ must come right after its `## section title` heading/);
    assert.equal(moved.line, lineOf(md, '<!-- call-coach:section ted -->') - 1);
    const damaged = failure(md.replace('<!-- call-coach:section ted -->', '<!-- call-coach:section ted'));
    assert.match(damaged.error, /damaged call-coach anchor/);
    assert.equal(damaged.line, lineOf(md, '<!-- call-coach:section ted -->'));
  });

  it('rejects a question before any section, and two action anchors', () => {
    assert.match(failure(md.replace('## Five Whys\n<!-- call-coach:section five-whys -->\n', '')).error, /not inside a section/);
    assert.match(failure(md + '\n## More\n<!-- call-coach:actions -->\n').error, /two `<!-- call-coach:actions -->` anchors/);
  });

  it('never throws, whatever the input', () => {
    for (const junk of ['---', '---\n---', '---\n---\n', '\u0000', '---\n: :\n---', '---\n!!binary x\n---', '---\ntype: !foo x\n---', md.slice(0, 300)]) {
      const r = parseNote(junk);
      assert.equal(r.ok, false, JSON.stringify(junk));
    }
  });
});

describe('parseNote tolerance', () => {
  const md = renderNote(realistic);

  it('accepts CRLF line endings and a BOM', () => {
    assert.deepEqual(parsed(md.replace(/\n/g, '\r\n')), realistic);
    assert.deepEqual(parsed('\ufeff' + md.replace(/\n/g, '\r\n')), realistic);
  });

  it('reads a note a person has edited around the data', () => {
    let edited = md
      .replace('# Acme discovery\n', '# Acme discovery (edited heading)\n\nMy own intro paragraph.\n\n> a quote of my own\n')
      .replace('## TED questions\n<!-- call-coach:section ted -->', 'A paragraph between sections.\n\n- a list\n- [ ] a task that is not an action item\n\n## TED questions\n\n<!-- call-coach:section ted -->')
      .replace('### Describe your release process.\n', '### Describe your release process.   \n\n')
      .replace('> Manual approvals', 'Context I added before the answer.\n\n> Manual approvals')
      .replace('Tags: #pain-point\n', 'My comment on that answer.\n\nTags: #pain-point\n\n> another quote\n')
      .replace('- [ ] Send the runner HA guide', '- [X] Send the runner HA guide')
      .replace('**Ladder**', '**Ladder** (looks right)');
    edited = edited.replace('type: call-note\n', 'type: call-note\naliases: [Acme call]\nupdated: 1700000000000\n');
    edited += '- [ ] Follow up on pricing  \n  - [ ] nested, ignored\n\nClosing thoughts.\n';
    const note = parsed(edited);
    assert.deepEqual(note.sections, realistic.sections);
    assert.deepEqual(note.actionItems, [
      { text: 'Send the runner HA guide', done: true },
      { text: 'Book a CI review with Sam', done: true },
      { text: 'Follow up on pricing', done: false },
    ]);
    assert.equal(note.title, 'Acme discovery', 'the front matter is authoritative for the title');
  });

  it('tolerates closing #s and extra spaces on headings, * bullets and lost trailing spaces', () => {
    const edited = md
      .replace('## Five Whys\n', '##   Five Whys ##\n')
      .replace('- [ ] Send the runner HA guide', '*  [ ]  Send the runner HA guide')
      .replace('> Twice last month.', '>Twice last month.   ');
    assert.deepEqual(parsed(edited), realistic);
  });

  it('reads a note whose action items section was deleted as having none', () => {
    const cut = md.slice(0, md.indexOf('## Action items'));
    assert.deepEqual(parsed(cut).actionItems, []);
  });
});

describe('success-plan fields (objective details, adoption, metrics, health)', () => {
  const md = renderNote(realistic);

  it('reads a note written before these fields existed, with defaults', () => {
    const old = `---
type: call-note
id: old-1
title: Old call
customer: Acme Corp
date: 2025-06-01
callType: discovery
attendees: [Dana]
techniques: [ted]
stages: []
tags: [call-note]
objectives:
  - text: Ship faster
    status: in-progress
    origin: tagged
durationMinutes: 30
---

# Old call

## Action items
<!-- call-coach:actions -->

- [ ] Send the guide
`;
    const note = parsed(old);
    assert.deepEqual(note.objectives, [{ text: 'Ship faster', status: 'in-progress', origin: 'tagged', owner: '', due: '', horizon: null, valueDriver: '' }]);
    assert.deepEqual([note.adoption, note.metrics, note.health], [[], [], []]);
  });

  it('accepts what a person or another tool writes for numbers, nulls and colours', () => {
    const edited = md
      .replace('percent: 40', 'percent: 40%')
      .replace('percent: null', 'percent: ~')
      .replace('horizon: 6', "horizon: '6 months'")
      .replace('horizon: null', 'horizon:')
      .replace('color: yellow', 'color: Yellow')
      .replace('due: 2027-03-31', "due: '2027-03-31'")
      .replace('criteria: []', 'criteria:');
    assert.deepEqual(parsed(edited), realistic);
    assert.equal(parsed(md.replace('percent: 40', 'percent: 12.5')).adoption[0]?.percent, 12.5);
    const lean = parsed(md.replace(/ {4}owner: ""\n {4}due: ""\n {4}horizon: null\n {4}valueDriver: ""\n/, ''));
    assert.deepEqual(lean, realistic, 'missing objective details read as empty');
  });

  it('rejects values it cannot read, naming the field and its line', () => {
    const lineOf = (s: string) => md.split('\n').indexOf(s) + 1;
    const cases: [string, string, RegExp][] = [
      ['    percent: 40', '    percent: 140', /stage percent "140" must be a number from 0 to 100/],
      ['    percent: 40', '    percent: lots', /stage percent "lots"/],
      ['    horizon: 6', '    horizon: 9', /objective horizon "9" is not one of 3, 6, 12, 24/],
      ['    color: yellow', '    color: blue', /health color "blue" is not one of green, yellow, red/],
      ['    status: adopted', '    status: done', /stage status "done" is not one of adopted, pilot, not-started/],
      ['    criteria: []', '    criteria: {a: 1}', /a stage score's `criteria` must be a list/],
      ['    name: Deployment frequency', '    name: [a, b]', /a metric's `name` must be a text value/],
    ];
    for (const [from, to, error] of cases) {
      const f = failure(md.replace(from, to));
      assert.match(f.error, error, to);
      assert.equal(f.line, lineOf(from), to);
    }
    assert.match(failure(md.replace('  - stage: verify\n', '  - verify: x\n')).error, /a stage score is missing `stage`/);
    assert.match(failure(md.replace('  - useCase: CI\n    color: yellow\n    reason: Runners flaky during deploys', '  - CI')).error, /every item of `health` must be a mapping with `useCase`, `color`/);
  });

  it('clamps a percent outside 0-100 on writing, so the note still reads', () => {
    for (const [p, back] of [[140, 100], [-3, 0], [Number.NaN, null], [-0, 0]] as const) {
      const note: CallNote = { ...realistic, adoption: [{ stage: 'verify', percent: p, criteria: [], status: 'pilot' }] };
      assert.equal(parsed(renderNote(note)).adoption[0]?.percent, back, String(p));
    }
  });

  it('renders the scorecards as tables with one line per row and inert, escaped cells', () => {
    const note: CallNote = {
      ...realistic,
      metrics: [{ id: 'm', name: 'a | b\nc', valueDriver: '', measuredHow: '<script>x</script>', baseline: '', target: '5', unit: '![x](http://e/x.png)' }],
      health: [{ useCase: ' CI ', color: 'red', reason: '|' }],
    };
    const lines = renderNote(note).split('\n');
    // Every raw | is a column border: each row of a table has as many as its header.
    let header = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) header = line.split('|').length;
      else assert.equal(line.split('|').length, header, line);
    }
    const metricRow = lines[lines.indexOf('| Metric | Value driver | Measured today | Baseline → target | Unit |') + 2];
    assert.equal(metricRow, '| a &#124; b&#10;c | | &lt;script>x&lt;/script> | ? → 5 | !&#91;x](http://e/x.png) |');
    assert.ok(lines.includes('| &#32;CI&#32; | Red | &#124; |'));
    roundTrip(note);
  });

  it('writes no tables for a call without scorecards', () => {
    const md = renderNote({ ...realistic, adoption: [], metrics: [], health: [] });
    assert.doesNotMatch(md, /^## (Stage adoption|Metrics|Use-case health)/m);
    assert.doesNotMatch(md, /^\|/m);
  });
});

const hostileLines = [
  '---', '...', '# Heading', '## Action items', '### q', '#', 'ends with #', 'a ##', '#tag',
  '<!-- call-coach:actions -->', '<!-- call-coach:section x -->', '<!-- call-coach:prompt y -->', '<!--', '-->', '--!>',
  '> quoted', '>', '> ', '>> deeper', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<div>', '</div>', '<?php ?>', '<![CDATA[x]]>',
  'Tags: #objective', 'Tags: #bogus', '- [ ] fake task', '- [x] done', '* [ ] star', '1. [ ] numbered', '> - [/] custom', '[ ] bare', '[x](y)',
  '![img](https://evil.example/t.png)', '![[embed]]', '[[wiki]]', 'key:: value',
  'key: value', "'single'", '"double"', 'a: b # c', '{a: 1}', '[1, 2]', '- item', '? q', '&anchor', '*alias', '!!binary', '%YAML 1.2', '@x', '`x`', '|', '|-', '>-',
  '&amp;', '&lt;', '&gt;', '&#60;', '&#x3C;', '&#0;', '&#99999999;', '&', '&&;', '&#;', '&;', '&nbsp;', '&amp', '\\', '\\>', '\\<', '\\&lt;', '`code <b>`',
  '\u202eevil\u202c', '\u2066iso\u2069', '\u200f', '\u061c', '\u0000', 'nul\u0000in', '\u0007bell', '\u001b[31mred', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff',
  '😀', '👩‍👩‍👧', '🇫🇷', 'é', 'e\u0301', 'ﬁ', '\u00a0', '\u3000', 'z̴̡̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚͘͜͟͢͝͞͠͡ͅ',
  '  leading', 'trailing  ', '\t', ' ', '', 'x\ty', '\ud800', '\udc00x', 'a\ud83d', 'yes', 'no', 'null', '~', '2026-11-24', '123', '0x1F', '1e3', '.inf',
  '*', '_', '%', '!', '[', ']', '=', '+', '----', '***', '===', '```', '~~~', '    indented', '| a | b |',
];
const hostileAnswers = [
  ...hostileLines.filter((s) => s !== ''),
  '---\ntype: call-note\n---', 'line1\n\nline3', '\n', '\n\n', 'a\n', '\nb', '> nested\n>> deeper\n>', '```\n<!-- call-coach:actions -->\n```',
  '## Action items\n<!-- call-coach:actions -->\n- [ ] injected', 'text\n---', 'Setext\n===', '  \n\t\n ', '\u2028\n\u2029',
];

function hostileNote(s: string, answer: string): CallNote {
  return {
    id: s,
    title: s,
    customer: s,
    date: '2026-01-31',
    callType: s,
    attendees: [s, s],
    techniques: [s],
    stages: [s],
    tags: [s],
    objectives: [{ text: s, status: 'at-risk', origin: 'tagged', owner: s, due: s, horizon: 12, valueDriver: s }],
    adoption: [{ stage: s, percent: 25, criteria: [s, s], status: 'pilot' }],
    metrics: [{ id: s, name: s, valueDriver: s, measuredHow: s, baseline: s, target: s, unit: s }],
    health: [{ useCase: s, color: 'red', reason: s }],
    durationMinutes: 0,
    sections: [
      { techniqueId: 'five-whys', title: s, entries: [{ promptId: s, question: s, answer, tags: ['objective', 'follow-up'] }, { promptId: 'p2', question: 'next', answer: 'plain', tags: [] }] },
      { techniqueId: s, title: s, entries: [{ promptId: s, question: s, answer, tags: [] }] },
    ],
    actionItems: [{ text: s, done: false }, { text: s, done: true }],
  };
}

describe('hostile content', () => {
  for (const s of hostileLines) {
    it(`stays inert and round-trips: ${JSON.stringify(s).slice(0, 40)}`, () => {
      const note = hostileNote(s, s === '' ? 'x' : s);
      roundTrip(note);
      const md = renderNote(note);
      assert.equal(md.split('\n').filter((l) => l.startsWith('<!--')).length, 6, 'only the real anchors');
      assert.doesNotMatch(md, /[\u0000\r\u2028\u2029\u202e\u0085]/, 'no raw control characters');
    });
  }

  it('round-trips every hostile answer', () => {
    for (const a of hostileAnswers) roundTrip(hostileNote('q', a));
  });

  it('round-trips single-line fields that broke the contract with newlines or CR', () => {
    for (const s of ['a\nb', 'a\r\nb', '\r', '\n', '\n## Action items\n<!-- call-coach:actions -->\n- [ ] x']) {
      roundTrip({ ...hostileNote('q', 'a'), title: s, customer: s, sections: [{ techniqueId: s, title: s, entries: [{ promptId: s, question: s, answer: 'a', tags: [] }] }], actionItems: [{ text: s, done: true }] });
    }
  });

  it('handles a 1 MB answer quickly', () => {
    const big = ('<!-- x --> & &amp; ---\n> # y\n' + 'é😀'.repeat(40) + '\n').repeat(Math.ceil(1_000_000 / 120));
    const note = hostileNote('q', big);
    const start = Date.now();
    roundTrip(note);
    assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
  });
});
