// How notes reach the disk, in a real extension host: two writers racing for the same note name
// (as two windows finishing at once would) never overwrite each other; two Finish Call runs at
// once (a double click) write the note once; and a temporary file left by a
// crash mid-write never shows as a note or in the plan, while the next finish works and leaves no
// temporary file of its own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../../src/core/note/parse';
import { noteRelativePath } from '../../../src/core/paths';
import type { CallSetup } from '../../../src/core/session/model';
import { HOSTILE_LINES, hostileBigAnswer } from '../../fixtures/hostile';
import { activateExtension, eventually, readText, setting, showSidebar, workspaceRoot, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

import { usePlatform } from '../../../src/host/platform';
import { nodePlatform } from '../../../src/host/nodePlatform';

type NoteWriter = typeof import('../../../src/host/noteWriter');

/**
 * A fresh copy of the note writer module, as another window's extension host would have: its
 * own state (it queues this host's writes), sharing only the disk.
 */
function anotherWindowsWriter(): NoteWriter {
  // What each window's Node entry hands its features (src/host/extension.ts): hard links included.
  usePlatform(nodePlatform);
  const file = require.resolve('../../../src/host/noteWriter');
  delete require.cache[file];
  return require(file) as NoteWriter;
}

const TEMP = /\.call-coach\.tmp$/;

async function startCall(api: CallCoachApi, setup: CallSetup): Promise<void> {
  assert.strictEqual(api.currentCall(), undefined, 'a call is already running');
  api.sidebar.receive({ type: 'startCall', setup });
  await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.customer === setup.customer);
}

function answerAll(api: CallCoachApi, answers: readonly string[]): void {
  const call = api.currentCall()!;
  call.state.parts.flatMap((p) => p.items).forEach((item, i) => {
    if (i < answers.length) api.sidebar.receive({ type: 'callAction', action: { type: 'answer', key: item.key, text: answers[i] } });
  });
}

describe('note writes: races, double finishes and crashes mid-write', function () {
  this.timeout(60_000);
  let api: CallCoachApi;
  const notes = () => vscode.Uri.joinPath(workspaceRoot(), 'success-plans');
  const dir = (customer: string) => path.join(notes().fsPath, customer);

  before(async () => {
    ({ api } = await activateExtension());
    await showSidebar(api);
    await api.catalog();
    await setting('openNoteAfterFinish', 'none');
    await setting('commitAfterFinish', 'never');
  });

  after(async () => {
    await setting('openNoteAfterFinish', undefined);
    await setting('commitAfterFinish', undefined);
  });

  it('two windows writing the same note name at once never overwrite: every note lands, intact, under its own name', async () => {
    const windows = [anotherWindowsWriter(), anotherWindowsWriter()];
    assert.notStrictEqual(windows[0], windows[1]);
    for (let round = 0; round < 4; round++) {
      const customer = `race ${round}`;
      // Big enough that writing takes a moment, so the writers really overlap.
      const contents = Array.from({ length: 8 }, (_, i) => `note ${i} of round ${round}\n${hostileBigAnswer(200_000)}`);
      const uris = await Promise.all(contents.map((text, i) => windows[i % 2]!.writeNewFile(workspaceRoot(), (attempt) => noteRelativePath(['success-plans'], customer, '2026-11-24', 'Same title', attempt), text)));
      assert.strictEqual(new Set(uris.map((u) => u.toString())).size, contents.length, `distinct names: ${uris.map((u) => path.basename(u.fsPath)).join(', ')}`);
      for (const [i, uri] of uris.entries()) assert.strictEqual(await readText(uri), contents[i], `${path.basename(uri.fsPath)} holds what its writer wrote`);
      const files = fs.readdirSync(dir(`race-${round}`)).sort();
      assert.deepStrictEqual(files.filter((f) => TEMP.test(f)), [], 'no temporary file left');
      assert.strictEqual(files.length, contents.length, files.join(', '));
    }
  });

  it('two Finish Call runs at once (a double click) write the note once, intact', async () => {
    const setup: CallSetup = { customer: 'Double Finish Co', title: 'Twice', callType: 'Discovery', date: '2026-11-24', attendees: ['Dana'], techniques: ['day-in-the-life'], stages: [], focus: [] };
    await startCall(api, setup);
    const answers = HOSTILE_LINES.slice(0, 3);
    answerAll(api, answers);
    const id = api.currentCall()!.state.id;
    const [a, b] = await Promise.all([vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall), vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall)]);
    assert.ok(a instanceof vscode.Uri && b instanceof vscode.Uri, `both finishes returned the note: ${String(a)}, ${String(b)}`);
    assert.strictEqual(a.toString(), b.toString(), 'the second Finish shares the first one’s outcome');
    assert.deepStrictEqual(fs.readdirSync(dir('double-finish-co')).filter((f) => f.endsWith('.md') && f !== 'success-plan.md'), ['2026-11-24-twice.md']);
    for (const uri of [a]) {
      const parsed = parseNote(await readText(uri));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      assert.strictEqual(parsed.note.id, id);
      assert.deepStrictEqual(parsed.note.sections.flatMap((s) => s.entries.map((e) => e.answer)), answers);
    }
    assert.strictEqual(api.currentCall(), undefined);
    await eventually('the plan to be written', () => fs.existsSync(path.join(dir('double-finish-co'), 'success-plan.md')), Boolean);
    assert.deepStrictEqual(fs.readdirSync(dir('double-finish-co')).filter((f) => TEMP.test(f)), []);
  });

  it('a temporary file left by a crash mid-write is never a note; finishing later works and leaves none of its own', async () => {
    const setup: CallSetup = { customer: 'Crash Co', title: 'After the crash', callType: 'Discovery', date: '2026-11-25', attendees: [], techniques: ['day-in-the-life'], stages: [], focus: [] };
    // What a crash between writing the temporary file and renaming it leaves: half a note.
    fs.mkdirSync(dir('crash-co'), { recursive: true });
    const stale = '.0123456789ab.call-coach.tmp';
    fs.writeFileSync(path.join(dir('crash-co'), stale), '---\ntype: call-note\nid: half\ntitle: Half a note\ncustomer: Crash Co\ndate: 2026-11-2');
    await startCall(api, setup);
    answerAll(api, ['Finished after all']);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall);
    assert.ok(uri instanceof vscode.Uri);
    assert.strictEqual(path.basename(uri.fsPath), '2026-11-25-after-the-crash.md');
    const parsed = parseNote(await readText(uri));
    assert.ok(parsed.ok && parsed.note.sections[0]!.entries[0]!.answer === 'Finished after all');
    const plan = path.join(dir('crash-co'), 'success-plan.md');
    await eventually('the plan to be written', () => fs.existsSync(plan), Boolean);
    const planText = fs.readFileSync(plan, 'utf8');
    assert.match(planText, /^calls: 1$/m, 'the plan counts the one real note');
    assert.ok(!planText.includes('Half a note') && !planText.includes(stale), 'the partial note is not in the plan, not even as unreadable');
    assert.deepStrictEqual(fs.readdirSync(dir('crash-co')).sort(), [stale, '2026-11-25-after-the-crash.md', 'success-plan.md'].sort(), 'only the stale temporary file, no new one');
  });
});
