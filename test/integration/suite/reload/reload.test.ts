// Reload mid-call, for real: test/host/code-wrapper.mjs runs this suite twice (CALL_COACH_PHASES=2)
// and reloads the workbench page in between — same browser context, same server, same user-data
// dir — so phase 2 runs in a new workbench and a new extension host process.
//   Phase 1: start a call, answer several prompts, move the position, wait past the save delay.
//   Phase 2: the call is back with every answer and the same position; finishing writes the note.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../../../src/core/note/parse';
import type { CallSetup } from '../../../../src/core/session/model';
import type { CallAction } from '../../../../src/core/session/reducer';
import { activateExtension, currentPhase, eventually, phaseCount, readHandoff, readHandoffValue, readText, showSidebar, sleep, snapshotShowing, workspaceRoot, writeHandoff, writeHandoffValue, type CallCoachApi, type Handoff, type StoredCall } from '../helpers';
import { CommandId } from '../../../../src/ids';

const SETUP: CallSetup = {
  customer: 'Globex',
  title: 'Reload check',
  callType: 'Discovery',
  date: '2026-11-25',
  attendees: ['Sam (CTO)', 'Dana'],
  techniques: ['day-in-the-life', 'five-whys'],
  stages: [],
  focus: [],
};
const NOTE = ['success-plans', 'globex', '2026-11-25-reload-check.md'];
const KNOWN_NOTE = ['success-plans', 'acme-corp', '2026-01-10-discovery.md'];
/** The checkout (tests run from out/test/integration/suite/reload). */
const REPO = path.resolve(__dirname, '..', '..', '..', '..', '..');
const WORKFLOW = 'Issue → branch → MR\n\nthen <em>waiting</em> for CI';
const TOOLS = 'Jira & Jenkins';
const FOCUS = 'Moving off Jenkins';
const CHALLENGE = 'Nightly builds break';

function act(api: CallCoachApi, action: CallAction): void {
  api.sidebar.receive({ type: 'callAction', action });
}

function keyAt(call: StoredCall | undefined, part: number, item: number): string {
  const key = call?.state.parts[part]?.items[item]?.key;
  assert.ok(key, `no item at part ${part}, item ${item}`);
  return key;
}

const phase = currentPhase();

describe(`reload mid-call (phase ${phase} of ${phaseCount()})`, () => {
  let api: CallCoachApi;

  before(async function () {
    if (phaseCount() < 2) {
      throw new Error('this suite needs CALL_COACH_PHASES=2 (run it with `node test/integration/run.mjs reload`)');
    }
    ({ api } = await activateExtension());
  });

  if (phase === 1) {
    it('phase 1: the Customers view reads a customer, and keeps its note index for the next session', async () => {
      const note = vscode.Uri.joinPath(workspaceRoot(), ...KNOWN_NOTE);
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'plan', 'acme-corp', '2026-01-10-discovery.md'), 'utf8')));
      const rows = await eventually('Acme Corp in the Customers view', () => api.customers.rows(), (r) => r.some((c) => c.customer === 'Acme Corp'));
      writeHandoffValue('reload-customers.json', rows.find((c) => c.customer === 'Acme Corp'));
      // The index is saved as the first read ends, or 2 s after a change it picked up.
      await sleep(3000);
    });

    it('phase 1: starts a call, answers, moves, and lets the save land', async () => {
      await showSidebar(api);
      assert.strictEqual(api.currentCall(), undefined, 'a call was already running before phase 1');
      api.sidebar.receive({ type: 'startCall', setup: SETUP });
      let call = await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.customer === 'Globex');

      act(api, { type: 'answer', key: keyAt(call, 0, 0), text: WORKFLOW });
      act(api, { type: 'next' });
      act(api, { type: 'answer', key: keyAt(api.currentCall(), 0, 1), text: TOOLS });
      act(api, { type: 'toggleTag', key: keyAt(api.currentCall(), 0, 1), tag: 'follow-up' });
      act(api, { type: 'jump', part: 1 });
      act(api, { type: 'answer', key: keyAt(api.currentCall(), 1, 0), text: FOCUS });
      act(api, { type: 'next' }); // climbs a rung that quotes the focus
      act(api, { type: 'answer', key: keyAt(api.currentCall(), 1, 1), text: CHALLENGE });
      act(api, { type: 'back' });
      act(api, { type: 'next' });

      call = api.currentCall();
      assert.ok(call);
      assert.deepStrictEqual(call.state.position, { part: 1, item: 1 });
      assert.strictEqual(call.state.parts[1]!.items[1]!.values.previous, FOCUS);

      // The store saves 150 ms after the last change by itself; reload only once that write has
      // finished (on a loaded machine writing the draft and the bank copies can take longer).
      await sleep(700);
      await api.whenCallSaved();
      writeHandoff('reload-handoff.json', call);
    });
  }

  if (phase === 2) {
    let handoff: Handoff;

    before(() => {
      handoff = readHandoff('reload-handoff.json');
    });

    it('phase 2: the Customers view starts from the saved note index, with the same figures', async () => {
      assert.ok((await api.customers.restored()) >= 1, 'no customer folder came from the last session\'s index');
      const acme = (await api.customers.rows()).find((c) => c.customer === 'Acme Corp');
      assert.deepStrictEqual(acme, readHandoffValue('reload-customers.json'));
    });

    it('phase 2: runs in a new extension host', () => {
      assert.notStrictEqual(process.pid, handoff.pid, 'the extension host process is the same one as in phase 1: the window did not reload');
    });

    it('phase 2: the call is back with every answer and the same position', () => {
      const call = api.currentCall();
      assert.ok(call, 'no call after the reload: workspaceState lost the running call');
      const { state } = call;
      assert.deepStrictEqual(state.setup, SETUP);
      assert.deepStrictEqual(state.position, { part: 1, item: 1 });
      assert.deepStrictEqual(
        state.parts.map((p) => p.items.map((i) => [i.promptId, i.answer, i.tags, i.skipped])),
        [
          [
            ['day-in-the-life-workflow', WORKFLOW, [], false],
            ['day-in-the-life-tools', TOOLS, ['follow-up'], false],
            ['day-in-the-life-feature-to-mr', '', ['metric'], false],
            ['day-in-the-life-bottlenecks', '', ['pain-point'], false],
            ['day-in-the-life-improvement-areas', '', ['objective'], false],
          ],
          [
            ['five-whys-focus', FOCUS, [], false],
            ['five-whys-challenges', CHALLENGE, [], false],
          ],
        ],
      );
      // And nothing else drifted: ids, keys, start time, counters and the call's own bank copies.
      assert.deepStrictEqual(call, handoff.call);
    });

    it('phase 2: the sidebar resumes on the same prompt', async () => {
      await showSidebar(api);
      await snapshotShowing(api, ['Globex', 'Reload check', `When you say “${FOCUS}”`, CHALLENGE]);
    });

    it('phase 2: finishing writes the note with the answers from before the reload', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.finishCall);
      assert.ok(uri instanceof vscode.Uri, `callCoach.finishCall returned ${String(uri)}`);
      assert.strictEqual(uri.toString(), vscode.Uri.joinPath(workspaceRoot(), ...NOTE).toString());
      const parsed = parseNote(await readText(uri));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      assert.strictEqual(parsed.note.id, handoff.call.state.id);
      assert.deepStrictEqual(
        parsed.note.sections.map((s) => [s.techniqueId, s.entries.map((e) => [e.promptId, e.answer, e.tags])]),
        [
          [
            'day-in-the-life',
            [
              ['day-in-the-life-workflow', WORKFLOW, []],
              ['day-in-the-life-tools', TOOLS, ['follow-up']],
            ],
          ],
          [
            'five-whys',
            [
              ['five-whys-focus', FOCUS, []],
              ['five-whys-challenges', CHALLENGE, []],
            ],
          ],
        ],
      );
      assert.strictEqual(api.currentCall(), undefined);
    });
  }
});
