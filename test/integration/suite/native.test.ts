// At home in VS Code (issue 15): the Get Started walkthrough opens in the real workbench.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, eventually, EXTENSION_ID, type CallCoachApi } from './helpers';

const WALKTHROUGH = `${EXTENSION_ID}#callCoach.getStarted`;

function openTabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
}

describe('Call Coach feels native', () => {
  let ext: vscode.Extension<CallCoachApi>;

  before(async () => {
    ({ ext } = await activateExtension());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens its Get Started walkthrough in the workbench', async () => {
    const steps = (ext.packageJSON as { contributes: { walkthroughs: { id: string; steps: { id: string }[] }[] } }).contributes.walkthroughs[0]!;
    assert.strictEqual(steps.id, 'callCoach.getStarted');
    const before = openTabLabels();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
    // The walkthrough opens in the Welcome editor; its tab is titled by the walkthrough or "Welcome".
    const labels = await eventually('the walkthrough editor to open', openTabLabels, (l) => l.length > before.length && l.some((t) => /Call Coach|Welcome|Walkthrough/i.test(t)));
    assert.ok(labels.some((t) => /Call Coach|Welcome|Walkthrough/i.test(t)), labels.join(', '));
  });
});
