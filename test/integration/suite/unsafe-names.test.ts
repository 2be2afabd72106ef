// The path corpus in a real extension host: calls finished for customers and titles that try to
// climb out (`../../etc`), be absolute (`C:\x`, `/etc/passwd`, UNC), name a Windows device (`con`,
// `NUL.txt`), end in a dot, hold NUL, run to 300 characters or differ only by case (`Acme`, `ACME`).
// The workspace is walked before and after: every file written is under the notes folder. A notes
// folder setting that points outside is refused with the call kept, and nothing is written.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseNote } from '../../../src/core/note/parse';
import type { CallSetup } from '../../../src/core/session/model';
import { cleanLine } from '../../../src/core/text';
import { HOSTILE_LINES, HOSTILE_PATH_NAMES } from '../../fixtures/hostile';
import { activateExtension, eventually, readText, setting, showSidebar, sleep, workspaceRoot, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';


/** Every file under `root` (but .git), workspace-relative with '/', mapped to a hash of its bytes. */
function walk(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const rel of fs.readdirSync(root, { recursive: true }).map(String)) {
    if (rel === '.git' || rel.startsWith(`.git${path.sep}`)) continue;
    const full = path.join(root, rel);
    if (fs.lstatSync(full).isFile()) files.set(rel.split(path.sep).join('/'), createHash('sha1').update(fs.readFileSync(full)).digest('hex'));
  }
  return files;
}

function written(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([rel, hash]) => before.get(rel) !== hash).map(([rel]) => rel).sort();
}

const setupFor = (customer: string, title: string): CallSetup => ({ customer, title, callType: 'Discovery', date: '2026-12-01', attendees: [], techniques: ['day-in-the-life'], stages: [], focus: [] });

async function finishCallFor(api: CallCoachApi, customer: string, title: string, answer: string): Promise<vscode.Uri> {
  assert.strictEqual(api.currentCall(), undefined, 'a call is already running');
  api.sidebar.receive({ type: 'startCall', setup: setupFor(customer, title) });
  const call = await eventually(`the call with ${JSON.stringify(customer).slice(0, 40)} to start`, () => api.currentCall(), (c) => c?.state.setup.customer === customer);
  api.sidebar.receive({ type: 'callAction', action: { type: 'answer', key: call!.state.parts[0]!.items[0]!.key, text: answer } });
  const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall);
  assert.ok(uri instanceof vscode.Uri, `no note for ${JSON.stringify(customer)}`);
  return uri;
}

describe('hostile customer and title names in a real extension host', function () {
  this.timeout(120_000);
  let api: CallCoachApi;
  const root = () => workspaceRoot().fsPath;

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
    await setting('notesFolder', undefined);
  });

  it('finishing calls for hostile customers and titles writes only under the notes folder', async () => {
    // A sample of the corpus (the unit tests run every name through the same path code).
    const names = ['../../etc', '/etc/passwd', 'C:\\x', '\\\\server\\share\\x', 'con', 'NUL.txt', 'a.', 'a\u0000b', 'x'.repeat(300), 'a/b\\c:d*e?f"g<h>i|j'];
    assert.ok(names.every((n) => HOSTILE_PATH_NAMES.includes(n)));
    const before = walk(root());
    const uris: vscode.Uri[] = [];
    for (const [i, name] of names.entries()) {
      // The name as customer with another as title, and the other way round.
      const title = names[(i + 5) % names.length]!;
      const answer = HOSTILE_LINES[i % HOSTILE_LINES.length]!;
      const uri = await finishCallFor(api, i % 2 ? title : name, i % 2 ? name : title, answer);
      const parsed = parseNote(await readText(uri));
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
      assert.strictEqual(parsed.note.customer, cleanLine(i % 2 ? title : name));
      assert.strictEqual(parsed.note.title, cleanLine(i % 2 ? name : title));
      assert.strictEqual(parsed.note.sections[0]!.entries[0]!.answer, answer);
      uris.push(uri);
    }
    const changed = written(before, walk(root()));
    assert.ok(changed.length >= names.length, changed.join('\n'));
    for (const rel of changed) {
      // A note or a customer's plan, or the portfolio at the notes folder's top (callCoach.updatePortfolioAfterCall).
      assert.match(rel, /^success-plans\/([^/]+\/[^/]+\.md|portfolio\.md)$/, `written outside the notes folder, or not as a note, plan or portfolio: ${rel}`);
      assert.ok(Buffer.byteLength(path.basename(rel)) <= 255, rel);
    }
    for (const uri of uris) assert.ok(uri.fsPath.startsWith(path.join(root(), 'success-plans') + path.sep), uri.fsPath);
  });

  it('customers that differ only by case share one folder; their notes never overwrite each other', async () => {
    const first = await finishCallFor(api, 'Acme', 'Kickoff', 'first');
    const second = await finishCallFor(api, 'ACME', 'KICKOFF', 'second');
    assert.strictEqual(path.dirname(first.fsPath), path.dirname(second.fsPath));
    assert.deepStrictEqual([path.basename(first.fsPath), path.basename(second.fsPath)], ['2026-12-01-kickoff.md', '2026-12-01-kickoff-2.md']);
    const answers = await Promise.all([first, second].map(async (u) => {
      const p = parseNote(await readText(u));
      return p.ok ? p.note.sections[0]!.entries[0]!.answer : p.error;
    }));
    assert.deepStrictEqual(answers, ['first', 'second']);
  });

  it('refuses a blank customer from the sidebar and starts nothing', async () => {
    for (const customer of [' ', '\t\n', '']) api.sidebar.receive({ type: 'startCall', setup: setupFor(customer, 'x') });
    await sleep(300);
    assert.strictEqual(api.currentCall(), undefined);
  });

  it('a notes folder setting that leaves the workspace is refused; the call is kept and nothing is written', async () => {
    api.sidebar.receive({ type: 'startCall', setup: setupFor('Escape Co', 'Out') });
    await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.customer === 'Escape Co');
    const outside = path.join(path.dirname(root()), 'escaped');
    for (const folder of ['../escaped', outside, 'C:\\escaped', 'success-plans/../../escaped']) {
      await setting('notesFolder', folder);
      const before = walk(root());
      // The command waits on the error notification it shows; do not wait for it.
      void vscode.commands.executeCommand(CommandId.finishCall);
      await sleep(250);
      assert.ok(api.currentCall(), `the call was kept (notesFolder ${folder})`);
      assert.deepStrictEqual(written(before, walk(root())), [], `nothing written (notesFolder ${folder})`);
      assert.ok(!fs.existsSync(outside), `nothing outside the workspace (notesFolder ${folder})`);
    }
    await vscode.commands.executeCommand('notifications.clearAll');
    await setting('notesFolder', undefined);
    const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall);
    assert.ok(uri instanceof vscode.Uri && uri.fsPath.startsWith(path.join(root(), 'success-plans') + path.sep));
    assert.strictEqual(api.currentCall(), undefined);
  });
});
