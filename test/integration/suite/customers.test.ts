// The Customers view and portfolio.md in a real extension host: the tree lists the notes folder's
// customers with their figures, is driven with the workbench's own list keys (focus, move, Enter
// opens the plan), sorts, filters, follows a note that changes, and Update Portfolio writes
// portfolio.md keeping hand-written text byte for byte.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { renderNote } from '../../../src/core/note/render';
import type { CallNote } from '../../../src/core/note/model';
import { activateExtension, eventually, readText, sleep, workspaceRoot, type CallCoachApi } from './helpers';

interface CustomerRow {
  customer: string;
  health: string | null;
  overdue: number;
  openObjectives: number;
}
type Api = CallCoachApi & { customers?: { rows(): Promise<CustomerRow[]>; shown(): Promise<string[]> } };

const base: Omit<CallNote, 'customer' | 'date' | 'title'> = {
  id: 'x',
  callType: 'Sync',
  attendees: ['Dana'],
  techniques: ['ted'],
  stages: [],
  tags: ['call-note'],
  objectives: [],
  adoption: [],
  metrics: [],
  health: [],
  durationMinutes: 30,
  sections: [],
  actionItems: [],
};
const note = (over: Partial<CallNote> & Pick<CallNote, 'customer' | 'date' | 'title'>): string => renderNote({ ...base, ...over });
const folder = (...segments: string[]) => vscode.Uri.joinPath(workspaceRoot(), 'success-plans', ...segments);
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('Customers view and portfolio.md', function () {
  this.timeout(90_000);
  let api: Api;

  before(async () => {
    await write(
      folder('zenith-bank', '2026-01-05-kickoff.md'),
      note({ customer: 'Zenith Bank', date: '2026-01-05', title: 'Kickoff', health: [{ useCase: 'CI', color: 'red', reason: 'Runners down' }], objectives: [{ text: 'Ship weekly | no <b>markup</b>', status: 'at-risk', origin: 'tagged', owner: 'Dana', due: '2026-02-01', horizon: 3, valueDriver: '' }] }),
    );
    await write(folder('alpine-labs', '2026-11-20-sync.md'), note({ customer: 'Alpine Labs', date: '2026-11-20', title: 'Sync', health: [{ useCase: 'SCM', color: 'green', reason: '' }] }));
    ({ api } = (await activateExtension()) as { api: Api });
    assert.ok(api.customers, 'the test API exposes the Customers view');
  });

  it('lists every customer with its figures, red first; keys move through the tree and Enter opens the plan', async () => {
    await vscode.commands.executeCommand('callCoach.customers.focus');
    const rows = await eventually('both customers in the view', () => api.customers!.rows(), (r) => r.length >= 2);
    const zenith = rows.find((r) => r.customer === 'Zenith Bank');
    assert.deepStrictEqual({ ...zenith }, { ...zenith, health: 'red', overdue: 1, openObjectives: 1 });
    await vscode.commands.executeCommand('callCoach.sortCustomersByHealth');
    const shown = await api.customers!.shown();
    assert.ok(shown.indexOf('Zenith Bank') < shown.indexOf('Alpine Labs'), shown.join(', '));

    // The workbench's own list keys: first row (the Red group), down to its customer, Enter.
    await vscode.commands.executeCommand('callCoach.customers.focus');
    await vscode.commands.executeCommand('list.focusFirst');
    await vscode.commands.executeCommand('list.focusDown');
    await vscode.commands.executeCommand('list.select');
    await eventually('the success plan to open', () => vscode.window.activeTextEditor?.document.uri.path ?? '', (p) => p.endsWith('/zenith-bank/success-plan.md'));
  });

  it('filters by text and follows a note that changes', async () => {
    await vscode.commands.executeCommand('callCoach.filterCustomers', 'alpine');
    assert.deepStrictEqual(await api.customers!.shown(), ['Alpine Labs']);
    await vscode.commands.executeCommand('callCoach.clearCustomerFilter');
    assert.strictEqual((await api.customers!.shown()).length, (await api.customers!.rows()).length);

    await write(folder('alpine-labs', '2026-11-27-follow-up.md'), note({ customer: 'Alpine Labs', date: '2026-11-27', title: 'Follow-up', health: [{ useCase: 'SCM', color: 'yellow', reason: 'Pilot stalled' }] }));
    await eventually('Alpine Labs to turn yellow', async () => (await api.customers!.rows()).find((r) => r.customer === 'Alpine Labs')?.health, (h) => h === 'yellow');
  });

  it('Update Portfolio writes portfolio.md with every customer, links to the plans and inert text; hand-written text stays', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('callCoach.updatePortfolio');
    assert.ok(uri instanceof vscode.Uri);
    assert.ok(uri.path.endsWith('/success-plans/portfolio.md'));
    let text = await readText(uri);
    assert.match(text, /^---\ntype: portfolio\n/);
    assert.ok(text.includes('[Zenith Bank](zenith-bank/success-plan.md)'), text);
    assert.ok(text.includes('[Alpine Labs](alpine-labs/success-plan.md)'));
    assert.ok(text.includes('Ship weekly &#124; no &lt;b'), 'user text is escaped');
    assert.ok(!text.includes('<b>'), 'no raw HTML from a note');
    assert.ok(text.includes('## Overdue'));
    text = text.replace('<!-- call-coach:begin customers -->', 'Our own intro, kept as *is*.\n\n<!-- call-coach:begin customers -->');
    const mine = '\n## Notes from the team\n\nKeep | this <i>as typed</i>.\n';
    await write(uri, text.replace(/\n$/, '\n' + mine));
    await sleep(50);
    await vscode.commands.executeCommand('callCoach.updatePortfolio');
    const again = await readText(uri);
    assert.ok(again.includes(mine), 'hand-written text after the regions');
    assert.strictEqual(again, text.replace(/\n$/, '\n' + mine), 'nothing else changed either');
  });
});
