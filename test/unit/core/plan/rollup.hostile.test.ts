// The hostile corpus in the success plan: notes whose every field is hostile roll up into a plan
// whose generated regions are inert (nothing but Markdown, tables that keep their columns, only our
// own markers and headings), whose front matter reads back exactly, and whose hand-written text —
// hostile too — is kept byte for byte when the plan is regenerated. A hand-written line that
// looks like one of our markers is refused with its line, never guessed at.
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import type { CallNote } from '../../../../src/core/note/model';
import { unescapeText } from '../../../../src/core/markdown';
import { planContext } from '../../../../src/core/plan/context';
import { renderPlan } from '../../../../src/core/plan/planFile';
import { beginMarker, endMarker } from '../../../../src/core/plan/generatedFile';
import { planRegions } from '../../../../src/core/plan/planRegions';
import { buildPlan, type PlanNote } from '../../../../src/core/plan/rollup';
import { HOSTILE_LINES, HOSTILE_MULTILINE, HOSTILE_RAW_LINES, HOSTILE_TEXTS } from '../../../fixtures/hostile';
import { hostileNote } from '../../../fixtures/hostileNote';
import { buildCatalog } from '../../../../src/core/bank/catalog';
import { hostileBankFiles } from '../../../fixtures/hostileBank';
import { builtInBanks } from '../../questions/builtInBanks';
import { unsafeHtml } from '../markdownOracle';

const context = planContext(builtInBanks(), '2026-06-15');
const samples = [...HOSTILE_TEXTS, ...HOSTILE_RAW_LINES];
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Headings the plan itself writes; no other line may start with `#`. */
const OWN_HEADING = /^(# Success plan: .*|## (Summary|Objectives|Priorities by horizon|Stage adoption|Metrics: baseline → target|Open action items|Use-case health|Coverage gaps|Call history)|### (Next \d+ months|No horizon yet|Stages|Techniques never used|Objectives without a metric|Metrics without a baseline))$/;

/** Three calls with hostile text everywhere, each in a file named after a hostile sample. */
function hostileNotes(first: number): PlanNote[] {
  return [0, 1, 2].map((k) => {
    const s = samples[(first + k) % samples.length]!;
    const note: CallNote = { ...hostileNote(s, s.trim() ? s : 'x'), date: `2026-0${k + 1}-15` };
    // A file name a person could give a note on disk: anything but a slash or NUL, as well-formed
    // UTF-16 (a directory listing decodes names, so a lone surrogate arrives as U+FFFD).
    const file = `${s.replace(/[/\u0000]/g, '_').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd') || 'x'}-${k}.md`;
    return { file, note };
  });
}

function rendered(notes: PlanNote[], existing?: string): string {
  const r = renderPlan(buildPlan({ customer: 'fallback', notes }, context), context, existing);
  if (!r.ok) assert.fail(`renderPlan refused: ${r.error} (line ${r.line})`);
  return r.text;
}

/** Splits a plan into its front matter block and body lines. */
function parts(text: string): { yaml: string; body: string[] } {
  const lines = text.split('\n');
  assert.equal(lines[0], '---');
  const close = lines.indexOf('---', 1);
  assert.ok(close > 0, 'the front matter is closed');
  return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1) };
}

/** The cells of a GFM table row: `|` splits unless escaped (we escape it as &#124;). */
const cells = (row: string) => row.split('|').length - 2;

function assertInertPlan(text: string, notes: PlanNote[], ctx = context): void {
  const { yaml, body } = parts(text);
  const latest = [...notes].sort((a, b) => (a.note.date < b.note.date ? -1 : 1)).at(-1)!.note;
  assert.deepEqual(parseYaml(yaml), { type: 'success-plan', customer: latest.customer, updated: ctx.today, calls: notes.length }, 'front matter reads back exactly');
  assert.doesNotMatch(text, RAW_CONTROLS);
  assert.doesNotMatch(text, LONE_SURROGATE);

  const markers = body.filter((l) => l.startsWith('<!--'));
  assert.deepEqual(markers, planRegions.filter((r) => r !== 'usage').flatMap((r) => [beginMarker(r), endMarker(r)]), 'only our markers, each once, in order');
  for (const line of body) {
    if (line.startsWith('#')) assert.match(line, OWN_HEADING, 'only the plan’s own headings');
    assert.doesNotMatch(line, /^[ \t]*(?:>|[-*+][ \t]+\[[ xX]\]|\d+[.)][ \t])/, `no quote, task or numbered item from the notes: ${JSON.stringify(line).slice(0, 80)}`);
  }
  // Every table keeps its columns: each row has as many cells as its header.
  let header = 0;
  for (const line of body) {
    if (!line.startsWith('|')) header = 0;
    else if (!header) header = cells(line);
    else assert.equal(cells(line), header, `a cell split its row: ${JSON.stringify(line).slice(0, 120)}`);
  }
  assert.deepEqual(unsafeHtml(body.join('\n')), [], 'markdown-it (HTML on) renders nothing but Markdown');
}

/** The text outside the front matter and outside the generated regions. */
function handWritten(text: string): string[] {
  const out: string[] = [];
  let rest = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (;;) {
    const begin = /^<!-- call-coach:begin ([a-z-]+) -->$/m.exec(rest);
    if (!begin) break;
    out.push(rest.slice(0, begin.index));
    const end = rest.indexOf(`${endMarker(begin[1]!)}\n`, begin.index);
    assert.ok(end > 0);
    rest = rest.slice(end + endMarker(begin[1]!).length);
  }
  out.push(rest);
  return out;
}

describe('hostile corpus: the success plan', () => {
  for (let first = 0; first < samples.length; first += 3) {
    it(`generated regions stay inert, front matter exact, regeneration stable (samples ${first}–${first + 2})`, () => {
      const notes = hostileNotes(first);
      const text = rendered(notes);
      assertInertPlan(text, notes);
      assert.equal(rendered(notes, text), text, 'regenerating an unchanged plan changes nothing');
    });
  }

  it('team bank titles (stage and technique names in the tables and gaps) stay inert', () => {
    // The team's banks stand in for the built-in techniques and the Verify stage.
    const team = buildCatalog(hostileBankFiles()).banks;
    const ctx = planContext([...builtInBanks().filter((b) => b.kind !== 'technique' && b.stage !== 'verify'), ...team], '2026-06-15');
    assert.ok(ctx.techniques.length > 80 && ctx.stages.some((st) => st.bankId === 'hostile-stage'));
    const notes = hostileNotes(5).map((n) => ({ ...n, note: { ...n.note, adoption: [{ stage: 'verify', percent: 10, criteria: ['c-1'], status: 'pilot' as const }] } }));
    const r = renderPlan(buildPlan({ customer: 'x', notes }, ctx), ctx);
    if (!r.ok) assert.fail(r.error);
    assertInertPlan(r.text, notes, ctx);
    const shown = unescapeText(r.text);
    for (const t of ctx.techniques) assert.ok(shown.includes(t.title) || shown.includes(t.title.replace(/\s+/g, ' ').trim()), `the gap for ${JSON.stringify(t.title)} names it as written`);
  });

  it('regenerates the plan of a customer whose name (hand-edited in a note) spans lines', () => {
    // yamlProperty promises one `key: value` line; a block scalar (`customer: |-`) broke the
    // in-place edit of the plan's front matter, and every later update was refused.
    const notes = hostileNotes(0).map((n) => ({ ...n, note: { ...n.note, customer: 'Acme\nCorp\r\n---' } }));
    const text = rendered(notes);
    assert.match(text, /^customer: "Acme\\nCorp\\r\\n---"$/m);
    assert.equal(rendered(notes, text), text);
    assert.equal((parseYaml(parts(text).yaml) as { customer: string }).customer, 'Acme\nCorp\r\n---');
  });

  it('keeps hostile hand-written text byte for byte, between, before and after the regions', () => {
    const before = hostileNotes(0);
    const after = [...before, ...hostileNotes(7).map((n, i) => ({ ...n, note: { ...n.note, date: `2026-05-0${i + 1}` } }))];
    const original = rendered(before);
    // The CSM's own text: every sample as a paragraph, and as a front matter key of their own.
    // Lines that start like one of our markers are left out here (they are refused, below).
    const mine = samples.map((s) => s.replace(/^[ \t]*<!--[ \t]*call-coach:/gim, '<!-- mine:'));
    let i = 0;
    const edited = original
      .replace('calls: 3\n', `calls: 3\nmine: ${JSON.stringify(HOSTILE_LINES.join(' '))}\n`)
      .replace(/\n(?=<!-- call-coach:begin )/g, () => `\n${mine[i++ % mine.length]}\n\n${mine[i++ % mine.length]}\n`)
      .concat(`\n${mine.join('\n')}`);
    const regenerated = rendered(after, edited);
    assert.deepEqual(handWritten(regenerated), handWritten(edited));
    assert.ok(regenerated.includes(`mine: ${JSON.stringify(HOSTILE_LINES.join(' '))}\n`), 'their front matter key kept as written');
    assert.match(regenerated, /^calls: 6$/m);
    assert.equal(rendered(after, regenerated), regenerated);
  });

  it('keeps a hostile hand-written file byte for byte when it only gains the regions', () => {
    // (Not starting with `---`: that would be front matter, and one that is not ours is refused.)
    const mine = `# Our plan for them\n\n${HOSTILE_MULTILINE.filter((s) => !s.includes('call-coach:')).join('\n\n')}\n`;
    const text = rendered(hostileNotes(3), mine);
    assert.ok(text.includes(mine), 'the hand-written text is all there, as written');
    assert.equal(handWritten(text).join('').replace(/^\n+|\n+$/g, ''), mine.replace(/\n+$/, ''), 'and nothing else outside the regions');
  });

  it('refuses, with the line, a hand-written line that starts like one of its markers', () => {
    const original = rendered(hostileNotes(0));
    for (const marker of ['<!-- call-coach:begin objectives -->', '<!-- call-coach:end summary -->', '  <!-- call-coach:begin x', '<!--call-coach:END gaps -->']) {
      const lines = original.split('\n');
      const at = lines.indexOf(endMarker('summary')) + 1;
      lines.splice(at, 0, marker);
      const r = renderPlan(buildPlan({ customer: 'x', notes: hostileNotes(1) }, context), context, lines.join('\n'));
      assert.equal(r.ok, false, `accepted ${marker}`);
      if (!r.ok) assert.ok(r.line !== undefined && r.line <= at + 1 && /line \d+|region/.test(r.error), `${marker}: ${r.error} (line ${r.line})`);
    }
  });
});
