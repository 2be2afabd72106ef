// The hostile corpus (test/fixtures/hostile.ts) in notes, plans and call summaries, rendered by three
// independent renderers: markdown-it as VS Code's preview, marked (GFM) and unified/remark-gfm/rehype
// with raw HTML and no sanitizer (see markdownOracle.ts). Each document is compared with its
// skeleton, the same document with every user text replaced by "x": no heading, rule, list, table,
// code, quote, image, checkbox, HTML element or comment may appear that the template did not put
// there; no javascript:, data: or other scheme but http, https and mailto may become a link; no
// autolink may swallow a quote or ellipsis we wrote after it. And every note still reads back
// exactly.
import { strict as assert } from 'node:assert';
import type { CallNote } from '../../../src/core/note/model';
import { parseNote } from '../../../src/core/note/parse';
import { renderNote } from '../../../src/core/note/render';
import { summaryMarkdown } from '../../../src/core/plan/export';
import { planContext } from '../../../src/core/plan/context';
import type { PlanContext, SuccessPlan } from '../../../src/core/plan/model';
import { renderPlan } from '../../../src/core/plan/planFile';
import { buildPlan, type PlanNote } from '../../../src/core/plan/rollup';
import { HOSTILE_RAW_LINES, HOSTILE_TEXTS, labelled } from '../../fixtures/hostile';
import { hostileNote } from '../../fixtures/hostileNote';
import { builtInBanks } from '../questions/builtInBanks';
import { formattingFrom, loadRenderers, renderAll, skeletonOf, structureProblems } from './markdownOracle';

const samples = [...HOSTILE_TEXTS, ...HOSTILE_RAW_LINES];
/** What shapes a note rather than fills it: ids the template branches on, enums, tags. */
const NOTE_SHAPE = new Set(['techniqueId', 'status', 'color', 'origin', 'tags', 'date']);
/** The same for a plan: file names (the call links), dates, enums and gap kinds. */
const PLAN_SHAPE = new Set(['file', 'date', 'updated', 'status', 'color', 'kind']);
const context = planContext(builtInBanks(), '2026-06-15');

/** The document without its YAML front matter, which previews show as properties, not Markdown. */
function body(markdown: string): string {
  if (!markdown.startsWith('---\n')) return markdown;
  const close = markdown.indexOf('\n---\n', 3);
  return close < 0 ? markdown : markdown.slice(close + 5);
}

/** `document` against its skeleton; emphasis and paragraphs only where `text` has their syntax. */
function assertInert(document: string, skeletonDocument: string, text: string): void {
  const markdown = body(document);
  const problems = structureProblems(markdown, body(skeletonDocument), formattingFrom([text]));
  assert.deepEqual(problems, [], `${problems.length} problems in\n${markdown.slice(0, 3000)}`);
}

function noteOf(s: string): CallNote {
  // An answer is never empty; a sample that is only whitespace gets a letter after it.
  return hostileNote(s, s.trim() ? s : `${s}x`);
}

function planText(plan: SuccessPlan, ctx: PlanContext): string {
  const r = renderPlan(plan, ctx);
  if (!r.ok) assert.fail(`renderPlan refused: ${r.error}`);
  return r.text;
}

describe('hostile corpus: inert in markdown-it, marked and remark', function () {
  this.timeout(60_000);
  before(loadRenderers);

  describe('the oracle itself', () => {
    const finds = (markdown: string, skeleton: string, pattern: RegExp) => assert.match(structureProblems(markdown, skeleton).join('\n'), pattern);

    it('sees structure, HTML and links that the template did not write, in every renderer', () => {
      for (const renderer of ['markdown-it', 'marked', 'remark']) {
        const is = (p: string) => new RegExp(`${renderer}: ${p}`);
        finds('# x', 'x', is('1 <h1>'));
        finds('> # x', '> x', is('1 <h1>'));
        finds('x\n===', 'x\nx', is('1 <h1>'));
        finds('---', 'x', is('1 <hr>'));
        finds('- x', 'x', is('1 <ul>'));
        finds('1) x', 'x', is('1 <ol>'));
        finds('```\nx\n```', 'x', is('1 <pre>'));
        finds('    x', 'x', is('1 <pre>'));
        finds('| a |\n| - |', 'x', is('1 <table>'));
        finds('<img src=x onerror=alert(1)>', 'x', is('1 <img>'));
        finds('<!-- x -->', 'x', is('1 <!-->'));
        finds('See “https://example.com/dash”', 'x', is('an autolink with punctuation'));
      }
      finds('[x](javascript:alert(1))', 'x', /marked: a dangerous link/);
      finds('[x](javascript:alert(1))', 'x', /remark: a dangerous link/);
      finds('ftp://files.example.com/x', 'x', /markdown-it: a link the template did not write/);
      assert.deepEqual(structureProblems('# x\n\nSee https://example.com/ok, www.example.com and a@example.com', '# x\n\nx'), []);
      // Tags any text could make are counted too, unless the text has their syntax.
      finds('x <em>y</em>', 'x', /markdown-it: 1 <em>/);
      finds('x<br>y', 'x', /markdown-it: 1 <br>/);
      finds('<p onclick="x">y</p>', 'x', /raw HTML <p onclick/);
      assert.deepEqual(structureProblems('x *y*', 'x', formattingFrom(['*y*'])), []);
      // A link that is not an autolink of the URL it shows, http or not.
      finds('[y](https://example.com/y)', 'x', /markdown-it: a link whose text is not its URL/);
      finds('<a href="https://example.com/y">y</a>', 'x', /remark: a link whose text is not its URL/);
    });
  });

  describe('call notes', () => {
    for (const { label, text } of labelled(samples)) {
      it(`every field holds ${label}`, () => {
        const note = noteOf(text);
        const markdown = renderNote(note);
        assertInert(markdown, renderNote(skeletonOf(note, NOTE_SHAPE)), text);
        const parsed = parseNote(markdown);
        if (!parsed.ok) assert.fail(`the note does not read back: ${parsed.error} (line ${parsed.line})`);
        assert.deepEqual(parsed.note, note, 'reads back exactly');
      });
    }

    it('every sample as one answer, line after line, in one note', () => {
      const note = noteOf(samples.join('\n'));
      assertInert(renderNote(note), renderNote(skeletonOf(note, NOTE_SHAPE)), samples.join('\n'));
    });
  });

  describe('success plans', () => {
    for (const { label, text } of labelled(samples)) {
      it(`notes whose every field holds ${label}`, () => {
        const notes: PlanNote[] = [0, 1].map((k) => ({ file: `${k}-call.md`, note: { ...noteOf(text), date: `2026-0${k + 1}-15`, objectives: [{ ...noteOf(text).objectives[0]!, valueDriver: '' }] } }));
        const plan = buildPlan({ customer: text, notes }, context);
        assert.ok(plan.gaps.some((g) => g.kind === 'objective-without-metric'), 'the objective shows as a gap too');
        assertInert(planText(plan, context), planText(skeletonOf(plan, PLAN_SHAPE), skeletonOf(context, new Set(['id', 'stage', 'bankId', 'direction']))), text);
      });
    }
  });

  describe('call summaries (Markdown export)', () => {
    for (const { label, text } of labelled(samples)) {
      it(`every field holds ${label}`, () => {
        const note = noteOf(text);
        assertInert(summaryMarkdown(note), summaryMarkdown(skeletonOf(note, NOTE_SHAPE)), text);
      });
    }
  });

  describe('derived punctuation never sticks to a URL', () => {
    const url = 'https://example.com/dash';
    const long = `${'word '.repeat(39)}see ${url}/and/a/long/path`;

    it('in the ladder, the tagged items, a question quoting the last rung, the plan and its gaps', () => {
      const note = hostileNote('See https://example.com/dash', 'See https://example.com/dash');
      const withLong: CallNote = { ...note, sections: [{ ...note.sections[0]!, entries: [...note.sections[0]!.entries, { promptId: 'five-whys-3', question: `Why does “See ${url} ” matter?`, answer: long, tags: ['pain-point'] }] }] };
      const markdown = renderNote(withLong);
      const plan = buildPlan({ customer: 'Acme', notes: [{ file: 'a.md', note: { ...withLong, objectives: [{ ...withLong.objectives[0]!, valueDriver: '' }] } }] }, context);
      for (const doc of [markdown, planText(plan, context), summaryMarkdown(withLong)]) {
        for (const { renderer, html } of renderAll(body(doc))) {
          const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((h) => h.startsWith('http'));
          assert.ok(hrefs.length > 0, `${renderer} links the URL`);
          for (const href of hrefs) assert.ok(href === url || href.startsWith(`${url}/`), `${renderer}: ${href}`);
        }
      }
      // The long answer is cut before its URL rather than through it.
      assert.match(markdown, /“(word ){39}see…”/);
    });
  });
});
