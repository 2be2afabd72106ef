// Usage data in a call: scorecards pre-ticked from the data, health from the computed colours, the
// CSM's overrides, and the note recording both the data and the judgement.
import { strict as assert } from 'node:assert';
import { parseNote } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';
import { toCallBank } from '../../../../src/core/session/fromBank';
import { reduce, startCall } from '../../../../src/core/session/reducer';
import { callStateSchema } from '../../../../src/core/session/model';
import { toNote } from '../../../../src/core/session/toNote';
import { applyUsage } from '../../../../src/core/usage/callUsage';
import { parsePayload } from '../../../../src/core/usage/payload';
import { usageKeys, usageReport } from '../../../../src/core/usage/report';
import { builtInBanks } from '../../questions/builtInBanks';
import { EE_BASE, monthDate, payload } from './usagePayloads';

describe('usage data in a call', () => {
  const banks = builtInBanks();
  const callBanks = banks.map(toCallBank);
  const map = new Map(callBanks.map((b) => [b.id, b]));
  const keys = usageKeys(banks);
  const snaps = [0, 1, 2].map((i) => {
    const r = parsePayload(payload(EE_BASE, { recorded_at: monthDate(i), 'counts.ci_builds': 10_000 + 1000 * i, 'counts.ci_internal_pipelines': 100 * (i + 1) }), { keys, now: new Date('2026-12-03') });
    if (!r.ok) throw new Error(r.problem);
    return r.snapshot;
  });
  const report = usageReport(snaps, banks, { customerSince: '2025-01' })!;
  const setup = { customer: 'Acme', title: 'Review', callType: 'Discovery', date: '2026-03-10', attendees: [], techniques: ['stage-adoption'], stages: ['verify' as const], focus: [] };
  const start = () => applyUsage(startCall('call-1', setup, map, 0), report, callBanks.filter((b) => b.stage === 'verify' || !b.stage));

  it('pre-ticks the criteria the data shows met, and starts health from the computed colours', () => {
    const state = start();
    assert.deepEqual(state.scores.verify!.criteria.sort(), ['verify-ci-builds', 'verify-ci-growth', 'verify-shared-runners']);
    assert.equal(state.usage!.stages.verify!['verify-ci-builds']!.evidence, 'counts.ci_builds 12,000, up 3 months running');
    assert.equal(state.scores.create, undefined, 'only stages of this call');
    const ci = state.health.find((h) => h.useCase === 'CI')!;
    assert.equal(ci.color, 'green');
    assert.match(ci.reason, /^Usage data of 2026-03-01: score 88 \(ci builds per user 41 per user\)$/);
    assert.deepEqual(state.health.map((h) => h.useCase), ['License utilization', 'User engagement', 'SCM', 'CI', 'Security', 'CD']);
    assert.ok(callStateSchema.safeParse(JSON.parse(JSON.stringify(state))).success, 'the call with usage data survives storage');
  });

  it('the CSM can override; the note records the data and the judgement', () => {
    let state = start();
    state = reduce(state, { type: 'toggleCriterion', stage: 'verify', criterion: 'verify-ci-builds' }, map);
    state = reduce(state, { type: 'setHealthColor', index: 3, color: 'yellow' }, map);
    const note = toNote(state, map, 60_000);
    assert.deepEqual(note.adoption.find((a) => a.stage === 'verify')!.criteria, ['verify-shared-runners', 'verify-ci-growth']);
    const section = note.sections.find((s) => s.techniqueId === 'usage-data')!;
    const entry = (id: string) => section.entries.find((e) => e.promptId === id)!;
    assert.equal(entry('verify-ci-builds').answer, 'Usage data (2026-03-01): counts.ci_builds 12,000, up 3 months running; met. CSM: not met (overrides the data).');
    assert.equal(entry('verify-shared-runners').answer, 'Usage data (2026-03-01): gitlab_shared_runners_enabled on; met. CSM: met.');
    assert.equal(note.health.find((h) => h.useCase === 'CI')!.color, 'yellow');
    assert.ok(!note.techniques.includes('usage-data'));
    const back = parseNote(renderNote(note));
    assert.ok(back.ok);
    assert.deepEqual(back.note.sections.find((s) => s.techniqueId === 'usage-data')!.entries, section.entries);
  });

  it('a call without usage data is unchanged', () => {
    const plain = startCall('call-1', setup, map, 0);
    assert.equal(plain.usage, undefined);
    assert.equal(toNote(plain, map, 0).sections.some((s) => s.techniqueId === 'usage-data'), false);
  });
});
