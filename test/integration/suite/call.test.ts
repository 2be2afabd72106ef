// A whole call in a real extension host, driven through the sidebar's own messages
// (api.sidebar.receive handles each exactly as if the webview had posted it), finished with the
// real command, and the note read back from disk with the project's parser.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseNote } from '../../../src/core/note/parse';
import type { CallNote, NoteSection } from '../../../src/core/note/model';
import type { CallAction } from '../../../src/core/session/reducer';
import type { CallSetup } from '../../../src/core/session/model';
import { activateExtension, eventually, exists, readText, showSidebar, snapshotShowing, workspaceRoot, type CallCoachApi, type StoredCall } from './helpers';
import { CommandId } from '../../../src/ids';

const SETUP: CallSetup = {
  customer: 'Acme Corp',
  title: 'Discovery',
  callType: 'Discovery',
  date: '2026-11-24',
  attendees: ['Dana'],
  techniques: ['ted', 'day-in-the-life', 'five-whys'],
  stages: [],
  focus: [],
};
const NOTE_DIR = ['success-plans', 'acme-corp'];
const FIRST_NOTE = '2026-11-24-discovery.md';
const SECOND_NOTE = '2026-11-24-discovery-2.md';

// Answers a careless renderer would turn into HTML, front matter, headings, anchors or tasks.
const TED_TOPIC_1 = 'how <b>releases</b> ship today';
const TED_ANSWER_1 = 'We ship from a <script>alert("x")</script> release branch\n---\n# not a heading\n<!-- call-coach:prompt injected -->\n&amp; stays literal, ![img](http://example.invalid/x.png)';
const TED_TOPIC_2 = 'a good release day #';
const TED_ANSWER_2 = 'Green pipeline, calm Friday';
const WORKFLOW = 'Pick an issue → branch → MR → wait for CI';
const TOOLS = 'Jira, Jenkins  \n  - [ ] not a task\n\n> not a quote';
const LEAD_TIME = '3';
const BOTTLENECK = '--- waiting on review ---';
const FOCUS = 'Setting up HA';
const CHALLENGE = 'Outages during deploys';
const CONCERN = 'Customers notice the downtime';
const IMPACT = 'We lose revenue; target 99.95% uptime';

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The note the call above must produce, written out by hand from the banks in questions/. */
const EXPECTED_SECTIONS: NoteSection[] = [
  {
    techniqueId: 'ted',
    title: 'TED — Tell / Explain / Describe',
    entries: [
      { promptId: 'ted-explain', question: `Explain for me ${TED_TOPIC_1}.`, answer: TED_ANSWER_1, tags: ['action-item'] },
      { promptId: 'ted-describe', question: `Describe for me ${TED_TOPIC_2}.`, answer: TED_ANSWER_2, tags: ['follow-up'] },
    ],
  },
  {
    techniqueId: 'day-in-the-life',
    title: 'Day in the Life',
    entries: [
      { promptId: 'day-in-the-life-workflow', question: 'Take me through the workflow of an average developer.', answer: WORKFLOW, tags: [] },
      { promptId: 'day-in-the-life-tools', question: 'What tools are they using along the way?', answer: TOOLS, tags: [] },
      {
        promptId: 'day-in-the-life-feature-to-mr',
        question: 'How long does it take them to go from starting a feature to submitting the merge request?',
        answer: LEAD_TIME,
        tags: ['metric'],
      },
      { promptId: 'day-in-the-life-bottlenecks', question: 'What are the bottlenecks you see in your current processes?', answer: BOTTLENECK, tags: ['pain-point', 'action-item'] },
      // improvement-areas was answered and then skipped: not in the note.
    ],
  },
  {
    techniqueId: 'five-whys',
    title: 'Five Whys',
    entries: [
      { promptId: 'five-whys-focus', question: 'As we go into the next part of the year, would you help me better understand what your key focus is?', answer: FOCUS, tags: [] },
      {
        promptId: 'five-whys-challenges',
        question: `Great! When you say “${FOCUS}”, would you help me understand what current challenges you're looking to solve for with that?`,
        answer: CHALLENGE,
        tags: [],
      },
      {
        promptId: 'five-whys-concerns',
        question: `That makes sense, and it's a pretty common scenario for our customers. Thinking about “${CHALLENGE}”, what are your primary concerns right now?`,
        answer: CONCERN,
        tags: ['pain-point'],
      },
      {
        promptId: 'five-whys-impact',
        question: `Good to know! What impact is “${CONCERN}” having on your business, and what improvement are you looking to achieve?`,
        answer: IMPACT,
        tags: ['objective'],
      },
    ],
  },
];

function call(api: CallCoachApi): StoredCall {
  const current = api.currentCall();
  assert.ok(current, 'no call is running');
  return current;
}

/** The key of the item the call is on. */
function currentKey(api: CallCoachApi): string {
  const { state } = call(api);
  const item = state.parts[state.position.part]?.items[state.position.item];
  assert.ok(item, `no item at ${JSON.stringify(state.position)}`);
  return item.key;
}

function act(api: CallCoachApi, action: CallAction): void {
  api.sidebar.receive({ type: 'callAction', action });
}

/** Answers the current item through the view's messages. */
function answer(api: CallCoachApi, text: string): string {
  const key = currentKey(api);
  act(api, { type: 'answer', key, text });
  return key;
}

async function startCall(api: CallCoachApi, setup: CallSetup): Promise<StoredCall> {
  assert.strictEqual(api.currentCall(), undefined, 'a call is already running');
  api.sidebar.receive({ type: 'startCall', setup });
  const started = await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.customer === setup.customer);
  assert.ok(started);
  return started;
}

async function finish(): Promise<vscode.Uri> {
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.finishCall);
  assert.ok(uri instanceof vscode.Uri, `callCoach.finishCall returned ${String(uri)}, not the note's Uri`);
  return uri;
}

function pick(note: CallNote) {
  const { id, title, customer, date, callType, attendees, techniques, stages, tags, objectives, sections, actionItems } = note;
  // Objectives compared on what a call sets; the fields a CSM fills in later keep their defaults.
  return { id, title, customer, date, callType, attendees, techniques, stages, tags, objectives: objectives.map(({ text, status, origin }) => ({ text, status, origin })), sections, actionItems };
}

describe('a whole call through the sidebar messages', () => {
  let api: CallCoachApi;
  let firstUri: vscode.Uri;
  let callId: string;

  before(async () => {
    ({ api } = await activateExtension());
    await showSidebar(api);
    await api.catalog();
  });

  it('finishCall with no call running returns undefined and writes nothing', async () => {
    assert.strictEqual(api.currentCall(), undefined);
    const result = await vscode.commands.executeCommand(CommandId.finishCall);
    assert.strictEqual(result, undefined);
    assert.strictEqual(await exists(vscode.Uri.joinPath(workspaceRoot(), ...NOTE_DIR)), false);
  });

  it('starts a call from the setup the start form sends', async () => {
    const started = await startCall(api, SETUP);
    callId = started.state.id;
    assert.deepStrictEqual(started.state.setup, SETUP);
    assert.deepStrictEqual(
      started.state.parts.map((p) => p.bankId),
      ['ted', 'day-in-the-life', 'five-whys'],
    );
    assert.deepStrictEqual(started.state.position, { part: 0, item: 0 });
    // The sidebar switched from the start form to the call.
    await snapshotShowing(api, ['Acme Corp', 'Discovery', 'TED']);
  });

  it('records TED verbs, topics, answers and tags', () => {
    let key = currentKey(api);
    act(api, { type: 'tedVerb', key, promptId: 'ted-explain' });
    act(api, { type: 'setValue', key, name: 'topic', value: TED_TOPIC_1 });
    answer(api, TED_ANSWER_1);
    act(api, { type: 'toggleTag', key, tag: 'action-item' });
    act(api, { type: 'tedAnother' });
    key = currentKey(api);
    act(api, { type: 'tedVerb', key, promptId: 'ted-describe' });
    act(api, { type: 'setValue', key, name: 'topic', value: TED_TOPIC_2 });
    answer(api, TED_ANSWER_2);
    act(api, { type: 'toggleTag', key, tag: 'follow-up' });

    const ted = call(api).state.parts[0]!;
    assert.deepStrictEqual(
      ted.items.map((i) => ({ promptId: i.promptId, values: i.values, answer: i.answer, tags: i.tags })),
      [
        { promptId: 'ted-explain', values: { topic: TED_TOPIC_1 }, answer: TED_ANSWER_1, tags: ['action-item'] },
        { promptId: 'ted-describe', values: { topic: TED_TOPIC_2 }, answer: TED_ANSWER_2, tags: ['follow-up'] },
      ],
    );
    assert.deepStrictEqual(call(api).state.position, { part: 0, item: 1 });
  });

  it('steps through Day in the Life, with default tags, an extra tag and a skip', () => {
    act(api, { type: 'next' });
    assert.deepStrictEqual(call(api).state.position, { part: 1, item: 0 });
    answer(api, WORKFLOW);
    act(api, { type: 'next' });
    answer(api, TOOLS);
    act(api, { type: 'next' });
    answer(api, LEAD_TIME);
    act(api, { type: 'next' });
    const bottleneck = answer(api, BOTTLENECK);
    act(api, { type: 'toggleTag', key: bottleneck, tag: 'action-item' });
    act(api, { type: 'next' });
    answer(api, 'Faster reviews, but they took it back');
    act(api, { type: 'skip' });

    const items = call(api).state.parts[1]!.items;
    assert.deepStrictEqual(
      items.map((i) => [i.answer, i.tags, i.skipped]),
      [
        [WORKFLOW, [], false],
        [TOOLS, [], false],
        [LEAD_TIME, ['metric'], false],
        [BOTTLENECK, ['pain-point', 'action-item'], false],
        ['Faster reviews, but they took it back', ['objective'], true],
      ],
    );
    assert.deepStrictEqual(call(api).state.position, { part: 2, item: 0 });
  });

  it('climbs the Five Whys ladder to the strategic objective', () => {
    for (const text of [FOCUS, CHALLENGE, CONCERN]) {
      answer(api, text);
      act(api, { type: 'next' });
    }
    answer(api, IMPACT);
    act(api, { type: 'ladderReached' });

    const { state } = call(api);
    const ladder = state.parts[2]!;
    assert.strictEqual(ladder.objectiveReached, true);
    assert.deepStrictEqual(
      ladder.items.map((i) => [i.promptId, i.answer, i.tags]),
      [
        ['five-whys-focus', FOCUS, []],
        ['five-whys-challenges', CHALLENGE, []],
        ['five-whys-concerns', CONCERN, ['pain-point']],
        ['five-whys-impact', IMPACT, ['objective']],
      ],
    );
    assert.deepStrictEqual(ladder.items[1]!.values, { previous: FOCUS });
    // Past the last technique: the wrap-up screen.
    assert.deepStrictEqual(state.position, { part: 3, item: 0 });
  });

  it('ignores malformed messages and unknown keys without changing the call', () => {
    const before = JSON.stringify(call(api).state);
    api.sidebar.receive({ type: 'callAction', action: { type: 'answer', key: 'no-such-key', text: 'lost' } });
    api.sidebar.receive({ type: 'callAction', action: { type: 'explode' } });
    api.sidebar.receive({ type: 'startCall', setup: { customer: 42 } });
    api.sidebar.receive('not even an object');
    assert.strictEqual(JSON.stringify(call(api).state), before);
  });

  it('finishCall writes the note where the setting says, and it parses back exactly', async () => {
    firstUri = await finish();
    const expected = vscode.Uri.joinPath(workspaceRoot(), ...NOTE_DIR, FIRST_NOTE);
    assert.strictEqual(firstUri.toString(), expected.toString());
    assert.ok(await exists(expected), `${expected.fsPath} does not exist`);

    const text = await readText(expected);
    // Nothing the customer said can act as HTML, a heading or an anchor in the file itself.
    assert.ok(!text.includes('<script>'), 'raw <script> in the note');
    assert.ok(!/^# not a heading/m.test(text), 'an answer line became a heading');
    assert.strictEqual(text.match(/<!-- call-coach:prompt /g)?.length, 10, 'one prompt anchor per answered prompt, none injected');

    const parsed = parseNote(text);
    assert.ok(parsed.ok, `the note does not parse: ${parsed.ok ? '' : `${parsed.error} (line ${parsed.line})`}\n${text}`);
    assert.deepStrictEqual(pick(parsed.note), {
      id: callId,
      title: 'Discovery',
      customer: 'Acme Corp',
      date: '2026-11-24',
      callType: 'Discovery',
      attendees: ['Dana'],
      techniques: ['ted', 'day-in-the-life', 'five-whys'],
      stages: [],
      tags: ['call-note', 'objective', 'pain-point', 'metric', 'action-item', 'follow-up'],
      objectives: [{ text: IMPACT, status: 'not-started', origin: 'five-whys' }],
      sections: EXPECTED_SECTIONS,
      actionItems: [
        { text: oneLine(TED_ANSWER_1), done: false },
        { text: BOTTLENECK, done: false },
      ],
    });
    assert.ok(Number.isInteger(parsed.note.durationMinutes) && parsed.note.durationMinutes >= 0, `durationMinutes ${parsed.note.durationMinutes}`);
  });

  it('ends the call and shows the start form again with where the note went', async () => {
    assert.strictEqual(api.currentCall(), undefined);
    await snapshotShowing(api, ['Start a call', `Saved ${[...NOTE_DIR, FIRST_NOTE].join('/')}`]);
  });

  it('opens the note in an editor', async () => {
    const open = await eventually(
      'the note to open in an editor',
      () => vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()),
      (uris) => uris.includes(firstUri.toString()),
    );
    assert.ok(open.includes(firstUri.toString()));
  });

  it('a second call with the same customer, title and date gets the -2 suffix', async () => {
    const before = await readText(firstUri);
    const second = await startCall(api, SETUP);
    assert.notStrictEqual(second.state.id, callId, 'the second call reused the first call id');
    answer(api, 'Second call, first answer');
    const uri = await finish();
    assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), ...NOTE_DIR, SECOND_NOTE).toString());
    const parsed = parseNote(await readText(uri));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.strictEqual(parsed.note.id, second.state.id);
    assert.deepStrictEqual(
      parsed.note.sections.map((s) => s.entries.map((e) => e.answer)),
      [['Second call, first answer']],
    );
    assert.strictEqual(await readText(firstUri), before, 'the first note changed');
    assert.strictEqual(api.currentCall(), undefined);
    const files = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceRoot(), ...NOTE_DIR))).map(([name]) => name).sort();
    // success-plan.md: the customer's plan, refreshed after each call (callCoach.updatePlanAfterCall).
    assert.deepStrictEqual(files, [FIRST_NOTE, SECOND_NOTE, 'success-plan.md'].sort(), 'stray files (temporary files left behind?)');
  });
});
