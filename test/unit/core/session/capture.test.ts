import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../../../src/core/bank/catalog';
import { toCallBank } from '../../../../src/core/session/fromBank';
import type { CallState } from '../../../../src/core/session/model';
import { reduce, startCall, type CallAction } from '../../../../src/core/session/reducer';
import { objectiveItems, toNote } from '../../../../src/core/session/toNote';

const questions = join(__dirname, '..', '..', '..', '..', '..', 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const banks = new Map(catalog.banks.map((b) => [b.id, toCallBank(b)]));
const start = () =>
  startCall('c', { customer: 'Acme', title: 'Review', callType: 'Review', date: '2026-11-24', attendees: [], techniques: ['stage-adoption', 'five-whys'], stages: ['manage', 'verify'], focus: [] }, banks, 0);
const run = (s: CallState, ...actions: CallAction[]) => actions.reduce((x, a) => reduce(x, a, banks), s);

describe('call capture: scorecards, metrics, health, objectives', () => {
  it('derives each stage scorecard status by its rule when the note is written', () => {
    const manage = banks.get('stage-manage')!.adoption!.criteria.map((c) => c.id);
    let s = run(start(), { type: 'setScore', stage: 'manage', percent: 40 }, { type: 'toggleCriterion', stage: 'manage', criterion: manage[0]! });
    assert.equal(toNote(s, banks, 0).adoption.find((a) => a.stage === 'manage')!.status, 'pilot', 'Manage needs two of its criteria');
    s = run(s, { type: 'toggleCriterion', stage: 'manage', criterion: manage[1]! });
    const note = toNote(s, banks, 0);
    assert.deepEqual(note.adoption.find((a) => a.stage === 'manage'), { stage: 'manage', percent: 40, criteria: [manage[0], manage[1]], status: 'adopted' });
    assert.ok(note.stages.includes('manage'), 'a scored stage counts as discussed');
    assert.equal(note.adoption.some((a) => a.stage === 'verify'), false, 'a stage neither scored nor answered is left out');
  });

  it('clamps percentages and toggles criteria off again', () => {
    let s = run(start(), { type: 'setScore', stage: 'verify', percent: 140 }, { type: 'toggleCriterion', stage: 'verify', criterion: 'x' }, { type: 'toggleCriterion', stage: 'verify', criterion: 'x' });
    assert.deepEqual(s.scores.verify, { percent: 100, criteria: [] });
    s = run(s, { type: 'setScore', stage: 'verify', percent: null });
    assert.equal(s.scores.verify!.percent, null);
  });

  it('records metrics once each, with how measured, baseline, target and unit', () => {
    let s = run(
      start(),
      { type: 'addMetric', id: 'cycle-time', name: 'Reduce cycle time', valueDriver: 'increase-operational-efficiencies', unit: 'days' },
      { type: 'addMetric', id: 'cycle-time', name: 'dup', valueDriver: '', unit: '' },
      { type: 'editMetric', id: 'cycle-time', field: 'baseline', value: ' 12\n' },
      { type: 'editMetric', id: 'cycle-time', field: 'target', value: '5' },
      { type: 'editMetric', id: 'nope', field: 'target', value: '5' },
    );
    assert.deepEqual(toNote(s, banks, 0).metrics, [
      { id: 'cycle-time', name: 'Reduce cycle time', valueDriver: 'increase-operational-efficiencies', measuredHow: '', baseline: '12', target: '5', unit: 'days' },
    ]);
    s = run(s, { type: 'removeMetric', id: 'cycle-time' });
    assert.deepEqual(s.metrics, []);
  });

  it('keeps use-case health with a colour and a reason; blank use cases are not written', () => {
    const s = run(start(), { type: 'addHealth' }, { type: 'editHealth', index: 0, field: 'useCase', value: 'CI' }, { type: 'setHealthColor', index: 0, color: 'yellow' }, { type: 'editHealth', index: 0, field: 'reason', value: 'Runners overloaded' }, { type: 'addHealth' });
    assert.equal(s.health.length, 2);
    assert.deepEqual(toNote(s, banks, 0).health, [{ useCase: 'CI', color: 'yellow', reason: 'Runners overloaded' }]);
  });

  it('gives objectives the owner, due date, status, horizon and value driver set on the wrap-up', () => {
    let s = run(start(), { type: 'jump', part: 3 });
    const key = s.parts[3]!.items[0]!.key;
    s = run(s, { type: 'answer', key, text: 'Ship releases faster' }, { type: 'ladderReached' });
    assert.deepEqual(objectiveItems(s).map((i) => i.key), [key]);
    s = run(
      s,
      { type: 'editObjective', key, field: 'owner', value: 'Sam (CTO)' },
      { type: 'editObjective', key, field: 'due', value: '2027-03-31' },
      { type: 'editObjective', key, field: 'status', value: 'in-progress' },
      { type: 'editObjective', key, field: 'horizon', value: '6' },
      { type: 'editObjective', key, field: 'valueDriver', value: 'deliver-better-products-faster' },
      { type: 'editObjective', key, field: 'status', value: 'bogus' },
    );
    assert.deepEqual(toNote(s, banks, 0).objectives, [
      { text: 'Ship releases faster', origin: 'five-whys', owner: 'Sam (CTO)', due: '2027-03-31', status: 'in-progress', horizon: 6, valueDriver: 'deliver-better-products-faster' },
    ]);
    s = run(s, { type: 'editObjective', key, field: 'horizon', value: '7' }, { type: 'editObjective', key, field: 'due', value: 'tomorrow' });
    assert.equal(s.objectives[key]!.horizon, null);
    assert.equal(s.objectives[key]!.due, '');
  });
});
