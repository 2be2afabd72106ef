// The question browser in a real extension host: its commands run with arguments that stand in
// for the QuickPick choices (the picks' contents are unit-tested in test/unit/core/browse/items.test.ts),
// inserting into a real editor, copying to the real clipboard, adding to a running call, and
// opening the read-only adoption criteria page.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CallSetup } from '../../../src/core/session/model';
import { activateExtension, eventually, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

interface ActionResult {
  action: string;
  count: number;
}

const CYCLE = 'How are you measuring developer cycle time?';
const PERMISSIONS = 'How do your admins monitor changes to user permission levels?';

const run = (command: string, args?: unknown) => vscode.commands.executeCommand<ActionResult | undefined>(command, args);

describe('Question browser commands', () => {
  let api: CallCoachApi;

  before(async () => {
    ({ api } = await activateExtension());
    await api.catalog();
  });

  it('are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of [CommandId.browseStageQuestions, CommandId.browseAllQuestions, CommandId.showAdoptionCriteria, CommandId.newQuestionBank]) {
      assert.ok(all.includes(c), `${c} is not registered`);
    }
  });

  it("insert puts a stage's chosen questions at the cursor as a Markdown list", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Call prep\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const result = await run(CommandId.browseStageQuestions, { stage: 'manage', promptIds: ['manage-permission-changes', 'manage-cycle-time'], action: 'insert' });
    assert.deepStrictEqual(result, { action: 'insert', count: 2 });
    assert.strictEqual(doc.getText(), `# Call prep\n- ${PERMISSIONS}\n- ${CYCLE}\n`);
  });

  it('insert after text on the line starts the list on a new line', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Ask:' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 4, 0, 4);
    await run(CommandId.browseAllQuestions, { promptIds: ['manage-cycle-time'], action: 'insert' });
    assert.strictEqual(doc.getText(), `Ask:\n- ${CYCLE}\n`);
  });

  it('copy puts the chosen questions on the clipboard as a Markdown list', async () => {
    await vscode.env.clipboard.writeText('before');
    const result = await run(CommandId.browseAllQuestions, { promptIds: ['manage-cycle-time', 'manage-permission-changes'], action: 'copy' });
    assert.deepStrictEqual(result, { action: 'copy', count: 2 });
    assert.strictEqual(await vscode.env.clipboard.readText(), `- ${CYCLE}\n- ${PERMISSIONS}\n`);
  });

  it('add to call needs a running call, then adds the prompts to its Stage Adoption part once', async () => {
    assert.strictEqual(api.currentCall(), undefined, 'no call should be running before this test');
    assert.deepStrictEqual(await run(CommandId.browseStageQuestions, { stage: 'manage', promptIds: ['manage-cycle-time'], action: 'addToCall' }), {
      action: 'addToCall',
      count: 0,
    });
    const setup: CallSetup = { customer: 'Browse Test Co', title: 'Stage questions', callType: 'Discovery', date: '2026-11-24', attendees: [], techniques: ['five-whys'], stages: [], focus: [] };
    api.sidebar.receive({ type: 'startCall', setup });
    await eventually('the call to start', () => api.currentCall(), (c) => !!c);
    try {
      const added = await run(CommandId.browseStageQuestions, { stage: 'manage', promptIds: ['manage-cycle-time', 'manage-permission-changes'], action: 'addToCall' });
      assert.deepStrictEqual(added, { action: 'addToCall', count: 2 });
      const again = await run(CommandId.browseAllQuestions, { promptIds: ['manage-cycle-time'], action: 'addToCall' });
      assert.deepStrictEqual(again, { action: 'addToCall', count: 0 }, 'a prompt already in the call is not added twice');
      const part = api.currentCall()!.state.parts.find((p) => p.bankId === 'stage-adoption');
      assert.ok(part, 'the call has a Stage Adoption part');
      assert.deepStrictEqual(part.items.map((i) => `${i.bankId}/${i.promptId}`), ['stage-manage/manage-cycle-time', 'stage-manage/manage-permission-changes']);
    } finally {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.finishCall);
      if (uri) await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.strictEqual(api.currentCall(), undefined);
  });

  it('refuses unknown ids and bad arguments without doing anything', async () => {
    assert.strictEqual(await run(CommandId.browseAllQuestions, { promptIds: ['no-such-question'], action: 'copy' }), undefined);
    assert.strictEqual(await run(CommandId.browseStageQuestions, { stage: 'nowhere', action: 'copy' }), undefined);
  });

  it("shows every stage's adoption rule, criteria and metric keys on a read-only page", async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.showAdoptionCriteria);
    assert.ok(uri instanceof vscode.Uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    assert.match(text, /^# Stage Adoption Criteria\n/);
    for (const stage of ['Manage', 'Plan', 'Create', 'Verify', 'Package', 'Secure', 'Release', 'Configure', 'Monitor', 'Govern']) {
      assert.match(text, new RegExp(`^## ${stage}$`, 'm'));
    }
    assert.match(text, /`counts\.merge_requests`/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
