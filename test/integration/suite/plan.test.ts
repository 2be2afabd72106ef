// Success plans in a real extension host: finishing calls updates the customer's success-plan.md,
// text the CSM writes outside the generated regions survives regeneration byte for byte, and a plan
// with damaged markers is reported and left exactly as it is.
import * as assert from 'assert';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CallAction } from '../../../src/core/session/reducer';
import type { CallSetup } from '../../../src/core/session/model';
import { activateExtension, eventually, exists, readText, showSidebar, workspaceRoot, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

const CUSTOMER = 'Initech Plan Test';
const PLAN_DIR = ['success-plans', 'initech-plan-test'];
const setup = (title: string, date: string): CallSetup => ({
  customer: CUSTOMER,
  title,
  callType: 'Discovery',
  date,
  attendees: ['Peter', 'Joanna'],
  techniques: ['day-in-the-life'],
  stages: [],
  focus: [],
});

function act(api: CallCoachApi, action: CallAction): void {
  api.sidebar.receive({ type: 'callAction', action });
}

/** Starts a call, answers its first prompt tagged as an action item, and finishes it. */
async function runCall(api: CallCoachApi, title: string, date: string, actionItem: string): Promise<vscode.Uri> {
  assert.strictEqual(api.currentCall(), undefined, 'a call is already running');
  api.sidebar.receive({ type: 'startCall', setup: setup(title, date) });
  const call = await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.title === title);
  const item = call!.state.parts[0]!.items[0]!;
  act(api, { type: 'answer', key: item.key, text: actionItem });
  act(api, { type: 'toggleTag', key: item.key, tag: 'action-item' });
  await eventually('the answer to be recorded', () => api.currentCall()?.state.parts[0]?.items[0]?.answer, (a) => a === actionItem);
  const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.finishCall);
  assert.ok(uri instanceof vscode.Uri, `finishCall returned ${String(uri)}`);
  return uri;
}

const planUri = () => vscode.Uri.joinPath(workspaceRoot(), ...PLAN_DIR, 'success-plan.md');
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('success plans', () => {
  let api: CallCoachApi;

  before(async () => {
    ({ api } = await activateExtension());
    await showSidebar(api);
    await api.catalog();
    assert.strictEqual(vscode.workspace.getConfiguration('callCoach').get('updatePlanAfterCall'), true, 'updatePlanAfterCall defaults to true');
  });

  it('finishing two calls for one customer writes and then updates its plan', async () => {
    assert.strictEqual(await exists(planUri()), false);
    const first = await runCall(api, 'Kick-off', '2026-04-01', 'Send the TPS report template');
    let plan = await readText(planUri());
    assert.match(plan, /^---\ntype: success-plan\ncustomer: Initech Plan Test\nupdated: \d{4}-\d{2}-\d{2}\ncalls: 1\n---\n/);
    assert.ok(plan.includes('- Send the TPS report template (from [2026-04-01 Kick-off](2026-04-01-kick-off.md))'), plan);

    const second = await runCall(api, 'Follow-up', '2026-05-02', 'Book the stapler review');
    plan = await readText(planUri());
    assert.match(plan, /^calls: 2$/m);
    assert.ok(plan.includes('- Book the stapler review (from [2026-05-02 Follow-up](2026-05-02-follow-up.md))'), 'the new action item');
    assert.ok(plan.includes('- Send the TPS report template'), 'the first call’s action item is still open');
    assert.ok(plan.includes('| 2026-05-02 | [Follow-up](2026-05-02-follow-up.md) | Discovery |'), 'call history');
    assert.ok(plan.includes('| 2026-04-01 | [Kick-off](2026-04-01-kick-off.md) | Discovery |'), 'call history');
    assert.ok(plan.includes('- Attendees seen: Joanna (2), Peter (2)'));
    for (const uri of [first, second]) assert.ok(await exists(uri));
    const files = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(workspaceRoot(), ...PLAN_DIR))).map(([n]) => n).sort();
    assert.deepStrictEqual(files, ['2026-04-01-kick-off.md', '2026-05-02-follow-up.md', 'success-plan.md'], 'no temporary files left behind');
  });

  it('keeps a hand edit byte for byte when the plan is regenerated, and restores the generated text', async () => {
    const generated = await readText(planUri());
    const mine = '## Our own notes\r\n\r\nBudget | owner: Bill — keep this *exactly*.  \n<!-- my comment -->\n';
    const edited = generated
      .replace('<!-- call-coach:begin objectives -->', `${mine}\n<!-- call-coach:begin objectives -->`)
      .concat('\nClosing words, no newline at the end');
    // A person also changed a generated line; regeneration puts it back.
    const tampered = edited.replace('| 2026-04-01 | [Kick-off]', '| 2026-04-01 | [Edited by hand]');
    await write(planUri(), tampered);

    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(CommandId.updateSuccessPlan, { customer: CUSTOMER });
    assert.strictEqual(uri?.toString(), planUri().toString());
    assert.strictEqual(await readText(planUri()), edited, 'hand-written text kept exactly, generated text regenerated');

    // A third call changes the generated regions; the hand edit is still byte-identical.
    await runCall(api, 'QBR', '2026-06-03', 'Move the printer');
    const after = await readText(planUri());
    assert.match(after, /^calls: 3$/m);
    assert.ok(after.includes(`\n${mine}\n<!-- call-coach:begin objectives -->`), 'the hand-written section is still there, byte for byte');
    assert.ok(after.endsWith('<!-- call-coach:end history -->\n\nClosing words, no newline at the end'), after.slice(-200));
  });

  it('never leaves the plan missing while it is rewritten, and leaves no temporary file', async () => {
    // The workbench's rename with overwrite deletes the target first; a crash in that moment would
    // lose the plan and the CSM's own text in it. The plan is replaced in one step instead: a reader
    // looking at the disk as often as it can while the plan is rewritten never finds it gone.
    const dir = vscode.Uri.joinPath(workspaceRoot(), ...PLAN_DIR);
    const before = await readText(planUri());
    let looks = 0;
    let missing = 0;
    let rewriting = true;
    const reader = (async () => {
      while (rewriting) {
        looks++;
        if (!existsSync(planUri().fsPath)) missing++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      for (let i = 0; i < 10; i++) {
        await write(planUri(), before.replace('| 2026-04-01 | [Kick-off]', `| 2026-04-01 | [Edited by hand ${i}]`));
        await vscode.commands.executeCommand(CommandId.updateSuccessPlan, { customer: CUSTOMER });
      }
    } finally {
      rewriting = false;
      await reader;
    }
    assert.strictEqual(await readText(planUri()), before);
    assert.ok(looks > 20, `the reader looked only ${looks} times`);
    assert.strictEqual(missing, 0, `the plan was missing ${missing} of ${looks} times the disk was read`);
    const left = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((name) => name.endsWith('.tmp'));
    assert.deepStrictEqual(left, [], 'temporary files left beside the plan');
  });

  it('reports a plan with damaged markers and leaves it untouched', async () => {
    const good = await readText(planUri());
    const damaged = good.replace('<!-- call-coach:end metrics -->\n', '');
    await write(planUri(), damaged);
    const result = await vscode.commands.executeCommand(CommandId.updateSuccessPlan, { customer: CUSTOMER });
    assert.strictEqual(result, undefined);
    assert.strictEqual(await readText(planUri()), damaged, 'the file was changed');
    await write(planUri(), good);
  });

  it('copies a call summary in each format', async () => {
    const note = vscode.Uri.joinPath(workspaceRoot(), ...PLAN_DIR, '2026-04-01-kick-off.md');
    const markdown = await vscode.commands.executeCommand<string | undefined>(CommandId.copyCallSummary, { uri: note, format: 'markdown' });
    assert.ok(markdown?.startsWith('## Kick-off\n\n**Customer:** Initech Plan Test · **Date:** 2026-04-01'), markdown);
    const text = await vscode.commands.executeCommand<string | undefined>(CommandId.copyCallSummary, { uri: note, format: 'text' });
    assert.ok(text?.includes('Action items:\n- Send the TPS report template\n'), text);
    assert.strictEqual(await vscode.env.clipboard.readText(), text);
    const csv = await vscode.commands.executeCommand<string | undefined>(CommandId.copyCallSummary, { uri: note, format: 'csv' });
    assert.ok(csv?.startsWith('Customer,Call date,Call,Objective,Status,Owner,Due,Horizon (months),Value driver,Origin\r\n'), csv);
  });
});
