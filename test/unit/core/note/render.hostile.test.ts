// The hostile corpus (test/fixtures/hostile.ts) in every field of a call note: the note is written
// as the host writes it (UTF-8 bytes), read back exactly, and nothing in it acts as HTML, front
// matter, an anchor or a task — checked by our parser and by markdown-it, as a previewer sees it.
// Then the same from a live call: hostile setup, answers, placeholder values, metrics, health and
// objective details, through the reducer, toNote, the file and back.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../../../src/core/bank/catalog';
import { toCallBank } from '../../../../src/core/session/fromBank';
import type { CallSetup, CallState } from '../../../../src/core/session/model';
import { reduce, startCall, type CallAction } from '../../../../src/core/session/reducer';
import { cleanLine, cleanText } from '../../../../src/core/text';
import { toNote } from '../../../../src/core/session/toNote';
import { HOSTILE_LINES, HOSTILE_MULTILINE, HOSTILE_RAW_LINES, HOSTILE_TEXTS, hostileBigAnswer, labelled } from '../../../fixtures/hostile';
import { hostileNote } from '../../../fixtures/hostileNote';
import { renderMarkdown, unsafeHtml } from '../markdownOracle';
import { assertInertRoundTrip } from './noteChecks';

describe('hostile corpus: every field of a call note', () => {
  it('the markdown-it check is not blind: it flags raw HTML and handlers, and passes Markdown', () => {
    assert.ok(unsafeHtml('<img src=x onerror=alert(1)>').length > 0);
    assert.ok(unsafeHtml('text <b onclick="x()">bold</b>').length > 0);
    assert.ok(unsafeHtml('<style>*{}</style>').length > 0);
    assert.ok(unsafeHtml('> <!-- call-coach:actions --> inline').length > 0);
    assert.deepEqual(unsafeHtml('# T\n\n> a [link](https://example.com) **b**\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- [ ] task'), []);
    assert.doesNotMatch(renderMarkdown('[x](javascript:alert(1))'), /href/, 'markdown-it never links javascript:');
  });

  for (const { label, text } of labelled([...HOSTILE_TEXTS, ...HOSTILE_RAW_LINES])) {
    it(`round-trips through the file and stays inert: ${label}`, () => {
      assertInertRoundTrip(hostileNote(text, text.trim() === '' ? `${text}x` : text));
    });
  }

  it('a 1 MB hostile answer, in a note whose every field is hostile', function () {
    this.timeout(30_000); // a hang guard: ~5 s on an idle 2-core machine, 10 s was hit under load
    const big = hostileBigAnswer();
    assert.ok(big.length >= 1_000_000);
    const markdown = assertInertRoundTrip(hostileNote(HOSTILE_LINES[0]!, big));
    assert.ok(markdown.length > 2_000_000, 'three answers of 1 MB each');
  });
});

describe('hostile corpus: a live call to a note and back', () => {
  const questions = join(__dirname, '..', '..', '..', '..', '..', 'questions');
  const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
  const banks = new Map(catalog.banks.map((b) => [b.id, toCallBank(b)]));
  const samples = [...HOSTILE_TEXTS, ...HOSTILE_RAW_LINES];
  const sample = (i: number) => samples[i % samples.length]!;

  /** Runs a call where every answer, value and captured field is a different sample. */
  function hostileCall(offset: number): { state: CallState; used: Map<string, string> } {
    const setup: CallSetup = {
      customer: sample(offset).trim() ? sample(offset) : 'x',
      title: sample(offset + 1).trim() ? sample(offset + 1) : 'x',
      callType: sample(offset + 2),
      date: '2026-11-24',
      attendees: [sample(offset + 3), sample(offset + 4)],
      techniques: ['ted', 'day-in-the-life', 'five-whys', 'priorities', 'stage-adoption'],
      stages: ['verify'],
      focus: [],
    };
    let state = startCall('hostile-call', setup, banks, Date.UTC(2026, 10, 24, 9));
    const used = new Map<string, string>();
    const act = (action: CallAction) => (state = reduce(state, action, banks));
    let n = offset + 5;
    for (let guard = 0; guard < 100 && state.position.part < state.parts.length; guard++) {
      const item = state.parts[state.position.part]!.items[state.position.item]!;
      const prompt = banks.get(state.parts[state.position.part]!.bankId)?.prompts.find((p) => p.id === item.promptId);
      for (const name of Object.keys(prompt?.placeholders ?? {})) act({ type: 'setValue', key: item.key, name, value: sample(n++) });
      const text = sample(n++);
      act({ type: 'answer', key: item.key, text: text.trim() ? text : `${text}answer` });
      used.set(item.key, text.trim() ? text : `${text}answer`);
      act({ type: 'toggleTag', key: item.key, tag: 'objective' });
      act({ type: 'toggleTag', key: item.key, tag: 'action-item' });
      act({ type: 'editObjective', key: item.key, field: 'owner', value: sample(n++) });
      act({ type: 'next' });
    }
    act({ type: 'addMetric', id: 'custom-hostile', name: sample(n++), valueDriver: '', unit: sample(n++) });
    for (const field of ['measuredHow', 'baseline', 'target', 'unit'] as const) act({ type: 'editMetric', id: 'custom-hostile', field, value: sample(n++) });
    act({ type: 'addHealth' });
    act({ type: 'editHealth', index: 0, field: 'useCase', value: sample(n++).trim() ? sample(n - 1) : 'CI' });
    act({ type: 'editHealth', index: 0, field: 'reason', value: sample(n++) });
    act({ type: 'setScore', stage: 'verify', percent: 40 });
    return { state, used };
  }

  for (let offset = 0; offset < samples.length; offset += 11) {
    it(`keeps every answer as captured and the note reads back exactly (samples from ${offset})`, () => {
      const { state, used } = hostileCall(offset);
      const note = toNote(state, banks, state.startedAt + 30 * 60_000);
      const markdown = assertInertRoundTrip(note);
      assert.ok(markdown.length > 0);
      // Answers are kept as typed, except NUL (dropped) and CR/CRLF (one newline convention).
      const answers = new Map(note.sections.flatMap((s) => s.entries.map((e) => [e.answer, e] as const)));
      for (const text of used.values()) {
        if (cleanText(text).trim()) assert.ok(answers.has(cleanText(text)), `answer ${JSON.stringify(text).slice(0, 60)} is in the note`);
      }
      // One-line fields are the captured text on one line.
      assert.equal(note.customer, cleanLine(state.setup.customer));
      assert.equal(note.title, cleanLine(state.setup.title));
      assert.equal(note.callType, cleanLine(state.setup.callType));
      assert.deepEqual(note.attendees, state.setup.attendees.map(cleanLine).filter(Boolean));
      assert.ok(note.objectives.length > 0 && note.actionItems.length > 0 && note.metrics.length === 1);
    });
  }

  it('multi-line samples in one-line fields become one line, and still round-trip', () => {
    for (const text of HOSTILE_MULTILINE) {
      const note = hostileNote(cleanLine(text) || 'x', text.trim() ? text : 'x');
      assertInertRoundTrip(note);
    }
  });
});
