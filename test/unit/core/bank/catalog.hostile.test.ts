// Team banks made of the hostile corpus (test/fixtures/hostileBank.ts) load through the real
// loader beside the built-ins, every text exactly as written (trimmed, as the schema stores it),
// and reach the call (toCallBank) unchanged. The webview tests render these same banks.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildCatalog } from '../../../../src/core/bank/catalog';
import { toCallBank } from '../../../../src/core/session/fromBank';
import type { CallBank } from '../../../../src/core/session/model';
import { promptOf, questionText, reduce, startCall } from '../../../../src/core/session/reducer';
import { toNote } from '../../../../src/core/session/toNote';
import { HOSTILE_TEXTS } from '../../../fixtures/hostile';
import { asLoaded, BANK_LINES, hostileBankFiles } from '../../../fixtures/hostileBank';
import { assertInertRoundTrip } from '../note/noteChecks';

const questions = join(__dirname, '..', '..', '..', '..', '..', 'questions');
const builtins = readdirSync(questions)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') }));

/** Every string in `source` is at the same path in `loaded`, as the schema stores it. */
function assertStringsKept(source: unknown, loaded: unknown, path: string): void {
  if (typeof source === 'string') {
    assert.equal(loaded, asLoaded(source), path);
  } else if (Array.isArray(source)) {
    assert.ok(Array.isArray(loaded), `${path} is a list`);
    source.forEach((s, i) => assertStringsKept(s, (loaded as unknown[])[i], `${path}.${i}`));
  } else if (source && typeof source === 'object') {
    for (const [key, value] of Object.entries(source)) {
      // `source: {…}` is stored as a list of one.
      const got = (loaded as Record<string, unknown>)[key];
      assertStringsKept(value, key === 'source' && !Array.isArray(value) ? (got as unknown[])[0] : got, `${path}.${key}`);
    }
  }
}

describe('hostile corpus: team banks', () => {
  const files = hostileBankFiles();
  const catalog = buildCatalog([...builtins, ...files]);

  it('load beside the built-ins without a problem', () => {
    assert.deepEqual(catalog.problems.filter((p) => p.file.startsWith('hostile')), []);
    assert.deepEqual(catalog.skipped, []);
    assert.equal(catalog.banks.filter((b) => b.id.startsWith('hostile')).length, files.length - 1);
    assert.ok(catalog.playbooks.some((p) => p.id === 'hostile-playbook'));
    assert.ok(BANK_LINES.length > 80, 'most of the corpus is a bank title');
  });

  it('keep every text exactly as written, through to the call', () => {
    for (const file of files) {
      const source = parseYaml(file.text) as { id: string; kind: string };
      if (source.kind === 'playbook') {
        assertStringsKept(source, catalog.playbooks.find((p) => p.id === source.id), source.id);
        continue;
      }
      const bank = catalog.banks.find((b) => b.id === source.id);
      assert.ok(bank, `${source.id} loaded`);
      assertStringsKept(source, bank, source.id);
      const call = toCallBank(bank);
      assert.deepEqual(JSON.parse(JSON.stringify(call)), call, 'survives the trip to the webview and workspace storage');
      for (const p of bank.prompts) {
        const inCall = call.prompts.find((c) => c.id === p.id)!;
        assert.deepEqual([inCall.text, inCall.hint, inCall.note, inCall.choices, inCall.unit, inCall.placeholders], [p.text, p.hint, p.note, p.choices, p.unit, p.placeholders]);
      }
    }
  });

  it('a call over every corpus bank gives a note that reads back exactly and stays inert', () => {
    const banks = new Map<string, CallBank>(catalog.banks.filter((b) => b.id.startsWith('hostile') || b.id === 'stage-adoption').map((b) => [b.id, toCallBank(b)]));
    const techniques = [...banks.keys()].filter((id) => /^hostile-\d+$/.test(id)).concat('stage-adoption');
    let state = startCall('team-call', { customer: 'Team Co', title: 'Team banks', callType: '', date: '2026-11-24', attendees: [], techniques, stages: ['verify'], focus: [] }, banks, 0);
    let n = 0;
    for (const part of state.parts) {
      for (const item of part.items) {
        const prompt = promptOf(banks.get(part.bankId), item, banks)!;
        for (const name of Object.keys(prompt.placeholders ?? {})) state = reduce(state, { type: 'setValue', key: item.key, name, value: HOSTILE_TEXTS[n++ % HOSTILE_TEXTS.length]! }, banks);
        state = reduce(state, { type: 'answer', key: item.key, text: prompt.answer === 'number' ? '3' : prompt.answer === 'choice' ? `${prompt.choices![0]!}\n${HOSTILE_TEXTS[n++ % HOSTILE_TEXTS.length]!}.` : `${HOSTILE_TEXTS[n++ % HOSTILE_TEXTS.length]!}.` }, banks);
      }
    }
    const note = toNote(state, banks, 60_000);
    assert.equal(note.sections.length, state.parts.filter((p) => p.items.length).length, 'a section per part, the team stage bank included');
    assert.ok(note.sections.some((s) => s.techniqueId === 'hostile-stage'));
    const questions = note.sections.flatMap((s) => s.entries.map((e) => e.question));
    const expected = state.parts.flatMap((p) => p.items.map((i) => questionText(promptOf(banks.get(p.bankId), i, banks)!, i.values)));
    assert.deepEqual(questions, expected, 'the team’s wording, as asked');
    assertInertRoundTrip(note);
  });
});
