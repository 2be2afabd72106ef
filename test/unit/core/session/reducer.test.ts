import { strict as assert } from 'node:assert';
import type { CallBank, CallSetup, CallState } from '../../../../src/core/session/model';
import { addPrompts, currentItem, questionText, reduce, startCall, type Banks, type CallAction } from '../../../../src/core/session/reducer';
import { toNote } from '../../../../src/core/session/toNote';

const p = (id: string, text: string, extra: object = {}) => ({ id, text, hint: `why ${id}`, answer: 'text' as const, ...extra });
const bankList: CallBank[] = [
  { id: 'ted', title: 'TED', kind: 'technique', flow: 'ted', prompts: [p('ted-tell', 'Tell me about {topic}.', { placeholders: { topic: { label: 'Topic' } } }), p('ted-explain', 'Explain for me {topic}.', { placeholders: { topic: { label: 'Topic' } } })] },
  { id: 'day', title: 'Day in the Life', kind: 'technique', flow: 'steps', prompts: [p('day-flow', 'Walk me through a day.'), p('day-time', 'How long from feature start to MR?', { answer: 'number', unit: 'hours' }), p('day-tools', 'Which tools?', { parentId: 'day-flow', when: 'if they mention tools' })] },
  { id: 'stage-adoption', title: 'Stage Adoption', kind: 'technique', flow: 'stages', prompts: [p('sa-open', 'Which stages matter?')] },
  { id: 'stage-verify', title: 'Verify', kind: 'stage', flow: 'steps', stage: 'verify', prompts: [p('verify-ci', 'What CI tools?')] },
  { id: 'stage-plan', title: 'Plan', kind: 'stage', flow: 'steps', stage: 'plan', prompts: [p('plan-tools', 'What planning tools?')] },
  { id: 'five-whys', title: 'Five Whys', kind: 'technique', flow: 'ladder', prompts: [p('fw-focus', 'What is your key focus?'), p('fw-why', 'Why does {previous} matter?', { placeholders: { previous: { label: 'Previous answer' } } }), p('fw-impact', 'What impact does {previous} have?', { placeholders: { previous: { label: 'Previous answer' } } })] },
];
const banks: Banks = new Map(bankList.map((b) => [b.id, b]));
const setup: CallSetup = { customer: 'Acme', title: 'Discovery', callType: 'discovery', date: '2026-11-24', attendees: ['Dana'], techniques: ['ted', 'day', 'stage-adoption', 'five-whys'], stages: ['plan', 'verify'], focus: [] };

function run(state: CallState, ...actions: CallAction[]): CallState {
  return actions.reduce((s, a) => reduce(s, a, banks), state);
}
const answer = (s: CallState, text: string): CallAction => ({ type: 'answer', key: currentItem(s)!.key, text });

describe('call session', () => {
  const start = () => startCall('call-1', setup, banks, 0);

  it('lays out parts in order with chosen stages after Stage Adoption', () => {
    assert.deepEqual(start().parts.map((x) => x.bankId), ['ted', 'day', 'stage-adoption', 'stage-plan', 'stage-verify', 'five-whys']);
  });

  it('steps next, back and skip across parts, ending on the wrap-up', () => {
    let s = start();
    s = run(s, { type: 'next' });
    assert.deepEqual(s.position, { part: 1, item: 0 });
    s = run(s, { type: 'back' }, { type: 'back' });
    assert.deepEqual(s.position, { part: 0, item: 0 }, 'back stops at the first prompt');
    s = run(s, { type: 'jump', part: 1 }, { type: 'skip' });
    assert.equal(s.parts[1]!.items[0]!.skipped, true);
    assert.deepEqual(s.position, { part: 1, item: 1 });
    s = run(s, { type: 'jump', part: 99 });
    assert.deepEqual(s.position, { part: 6, item: 0 }, 'past the end is the wrap-up');
    s = run(s, { type: 'back' });
    assert.equal(currentItem(s)!.promptId, 'fw-focus');
  });

  it('composes TED questions from the chosen verb and topic, and asks another', () => {
    let s = start();
    const key = currentItem(s)!.key;
    s = run(s, { type: 'tedVerb', key, promptId: 'ted-explain' }, { type: 'setValue', key, name: 'topic', value: ' your release\nprocess ' }, { type: 'tedAnother' });
    assert.equal(s.parts[0]!.items.length, 2);
    assert.deepEqual(s.position, { part: 0, item: 1 });
    assert.equal(currentItem(s)!.values.topic, 'your release process', 'topic kept, one line');
    const explain = bankList[0]!.prompts[1]!;
    assert.equal(questionText(explain, s.parts[0]!.items[0]!.values), 'Explain for me your release process.');
    assert.equal(questionText(explain, {}), 'Explain for me [Topic].');
  });

  it('climbs the Five Whys ladder quoting the previous answer, and records the objective', () => {
    let s = run(start(), { type: 'jump', part: 5 });
    s = run(s, answer(s, 'Set up HA'), { type: 'next' });
    assert.equal(s.parts[5]!.items.length, 2);
    assert.equal(questionText(banks.get('five-whys')!.prompts[1]!, currentItem(s)!.values), 'Why does “Set up HA” matter?');
    s = run(s, answer(s, 'Uptime'), { type: 'next' });
    assert.equal(currentItem(s)!.promptId, 'fw-impact');
    s = run(s, answer(s, 'Teams lose hours'), { type: 'next' });
    assert.equal(currentItem(s)!.promptId, 'fw-impact', 'the last wording repeats past five');
    s = run(s, answer(s, 'Ship releases faster\r\nto market'), { type: 'ladderReached' });
    assert.equal(s.parts[5]!.objectiveReached, true);
    assert.deepEqual(s.position, { part: 6, item: 0 });
    assert.deepEqual(s.parts[5]!.items.at(-1)!.tags, ['objective']);
    const note = toNote(s, banks, 25 * 60000);
    assert.deepEqual(note.objectives, [{ text: 'Ship releases faster to market', status: 'not-started', origin: 'five-whys', owner: '', due: '', horizon: null, valueDriver: '' }]);
    assert.equal(note.sections[0]!.entries.length, 4);
    assert.equal(note.sections[0]!.entries[3]!.answer, 'Ship releases faster\nto market', 'answers keep their lines, CRLF normalised');
    assert.equal(note.durationMinutes, 25);
  });

  it('fills the {objective} of later prompts with the objective a ladder reached, keeping values already typed', () => {
    const withRightPerson: Banks = new Map([
      ...banks,
      ['right-person', { id: 'right-person', title: 'Right person', kind: 'technique', flow: 'steps', prompts: [p('rp-who', 'Who can help us understand {objective}?', { placeholders: { objective: { label: 'Stated objective' } } }), p('rp-else', 'Anyone else?')] }],
    ]);
    const go = (st: CallState, ...actions: CallAction[]) => actions.reduce((x, a) => reduce(x, a, withRightPerson), st);
    let s = startCall('call-2', { ...setup, techniques: ['five-whys', 'right-person', 'ted'] }, withRightPerson, 0);
    s = go(s, answer(s, 'Set up HA'), { type: 'next' });
    s = go(s, answer(s, 'Ship  releases\nfaster'), { type: 'ladderReached' });
    assert.equal(currentItem(s)!.promptId, 'rp-who');
    assert.equal(questionText(withRightPerson.get('right-person')!.prompts[0]!, currentItem(s)!.values), 'Who can help us understand Ship releases faster?');
    assert.deepEqual(s.parts[1]!.items[1]!.values, {}, 'a prompt without {objective} is left alone');
    assert.deepEqual(s.parts[2]!.items[0]!.values, {}, 'so is a TED topic');
    // Typed before the ladder ended: kept.
    let t = startCall('call-3', { ...setup, techniques: ['five-whys', 'right-person'] }, withRightPerson, 0);
    t = go(t, { type: 'setValue', key: t.parts[1]!.items[0]!.key, name: 'objective', value: 'their own words' }, answer(t, 'Uptime'), { type: 'ladderReached' });
    assert.equal(t.parts[1]!.items[0]!.values.objective, 'their own words');
  });

  it('does not climb on an empty answer, and drops an unanswered top rung when the objective is reached', () => {
    let s = run(start(), { type: 'jump', part: 5 });
    s = run(s, answer(s, 'Focus'), { type: 'next' });
    s = run(s, { type: 'ladderReached' });
    assert.equal(s.parts[5]!.items.length, 1);
    assert.deepEqual(s.parts[5]!.items[0]!.tags, ['objective']);
  });

  it('writes only answered prompts, with tags, action items and stages', () => {
    let s = run(start(), { type: 'jump', part: 1 });
    s = run(s, answer(s, 'Plan, code, wait for review'), { type: 'toggleTag', key: currentItem(s)!.key, tag: 'pain-point' }, { type: 'next' });
    s = run(s, answer(s, '   '), { type: 'next' });
    s = run(s, answer(s, 'Send the runner guide'), { type: 'toggleTag', key: currentItem(s)!.key, tag: 'action-item' });
    s = run(s, { type: 'jump', part: 4 });
    s = run(s, answer(s, 'Jenkins'));
    const note = toNote(s, banks, 0);
    assert.deepEqual(note.sections.map((x) => x.techniqueId), ['day', 'stage-verify']);
    assert.deepEqual(note.techniques, ['day']);
    assert.deepEqual(note.stages, ['verify']);
    assert.deepEqual(note.actionItems, [{ text: 'Send the runner guide', done: false }]);
    assert.deepEqual(note.tags, ['call-note', 'pain-point', 'action-item']);
    assert.deepEqual(note.sections[0]!.entries.map((e) => e.tags), [['pain-point'], ['action-item']]);
  });

  it('is deterministic: the same actions give the same state', () => {
    const actions: CallAction[] = [{ type: 'tedAnother' }, { type: 'next' }, { type: 'next' }, { type: 'skip' }, { type: 'back' }];
    assert.deepEqual(run(start(), ...actions), run(start(), ...actions));
  });

  it('ignores actions for unknown items', () => {
    const s = start();
    assert.equal(run(s, { type: 'answer', key: 'nope', text: 'x' }), s);
    assert.equal(run(s, { type: 'tedVerb', key: currentItem(s)!.key, promptId: 'not-a-ted-prompt' }), s);
  });
});

describe('adding prompts mid-call', () => {
  it('appends stage prompts to the Stage Adoption part, once each, keeping the position', () => {
    let s = startCall('c', { ...setup, techniques: ['ted', 'day'], stages: [] }, banks, 0);
    s = reduce(s, { type: 'next' }, banks);
    s = addPrompts(s, [{ bankId: 'stage-verify', promptId: 'verify-ci' }, { bankId: 'stage-verify', promptId: 'verify-ci' }, { bankId: 'nope', promptId: 'x' }], banks, 'stage-adoption');
    assert.deepEqual(s.parts.map((x) => x.bankId), ['ted', 'day', 'stage-adoption']);
    assert.deepEqual(s.parts[2]!.items.map((i) => [i.bankId, i.promptId]), [['stage-verify', 'verify-ci']]);
    assert.deepEqual(s.position, { part: 1, item: 0 });
    s = reduce(reduce(s, { type: 'jump', part: 2 }, banks), { type: 'answer', key: s.parts[2]!.items[0]!.key, text: 'Jenkins' }, banks);
    const note = toNote(s, banks, 0);
    assert.deepEqual(note.sections.map((x) => [x.techniqueId, x.entries.map((e) => e.question)]), [['stage-adoption', ['What CI tools?']]]);
  });

  it('at the wrap-up, the new part goes before it and the CSM stays on the wrap-up', () => {
    let s = startCall('c', { ...setup, techniques: ['day'], stages: [] }, banks, 0);
    s = reduce(s, { type: 'jump', part: 9 }, banks);
    s = addPrompts(s, [{ bankId: 'stage-plan', promptId: 'plan-tools' }], banks, 'stage-adoption');
    assert.deepEqual(s.position, { part: 2, item: 0 });
  });
});

describe('focus prompts from coverage gaps', () => {
  it('fill an untouched item of a part the call has, else join as extra items or a new part', () => {
    const s = startCall('c', { ...setup, techniques: ['day'], stages: [], focus: [
      { bankId: 'day', promptIds: ['day-time'], values: { x: '1' } },
      { bankId: 'day', promptIds: ['day-time'], values: { x: '2' } },
      { bankId: 'stage-verify', promptIds: ['verify-ci', 'nope'], values: {} },
      { bankId: 'missing', promptIds: ['a'], values: {} },
    ] }, banks, 0);
    assert.deepEqual(s.parts.map((p) => p.bankId), ['day', 'stage-verify']);
    assert.deepEqual(s.parts[0]!.items.filter((i) => i.promptId === 'day-time').map((i) => i.values), [{ x: '1' }, { x: '2' }]);
    assert.deepEqual(s.parts[1]!.items.map((i) => i.promptId), ['verify-ci']);
  });
});
