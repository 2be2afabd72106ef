// Runs inside a real VS Code extension host (see test/integration/run.mjs): the built
// dist/extension.js is loaded as the extension under development, with the sample workspace open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, eventually, showSidebar, snapshotShowing, withTimeout, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

const EXPECTED_TITLES = ['Five Whys', 'Day in the Life'];

describe('Call Coach in a real VS Code extension host', () => {
  let ext: vscode.Extension<CallCoachApi>;
  let api: CallCoachApi;

  before(async () => {
    ({ ext, api } = await activateExtension());
  });

  it('activates and returns its API', () => {
    assert.strictEqual(ext.isActive, true);
    assert.ok(api, 'activate() returned nothing');
    assert.strictEqual(typeof api.catalog, 'function');
    assert.strictEqual(typeof api.sidebar?.whenReady, 'function');
    assert.strictEqual(typeof api.sidebar?.snapshot, 'function');
  });

  it('opens the sample workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    assert.match(folders[0]!.uri.path, /sample-workspace$/);
  });

  it('registers its commands', async () => {
    // Every command package.json contributes, read from the manifest VS Code loaded.
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 6, `package.json contributes ${contributed.length} commands`);
    const all = await vscode.commands.getCommands(true);
    for (const c of contributed) assert.ok(all.includes(c), `command ${c} is not registered`);
  });

  it('callCoach.showSidebar reveals the sidebar webview', async () => {
    await showSidebar(api);
  });

  it('loads at least 20 question banks with no problems', async () => {
    await showSidebar(api); // first use triggers the background load
    const catalog = await eventually('the question banks to load', () => api.catalog(), (c) => c.banks.length > 0);
    assert.deepStrictEqual(catalog.problems, [], `bank problems: ${JSON.stringify(catalog.problems, null, 2)}`);
    assert.ok(catalog.banks.length >= 20, `expected at least 20 banks, got ${catalog.banks.length}: ${catalog.banks.map((b) => b.id).join(', ')}`);
    for (const b of catalog.banks) {
      assert.ok(b.id && b.title && b.kind, `bank without id/title/kind: ${JSON.stringify(b)}`);
    }
    const ids = catalog.banks.map((b) => b.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'bank ids are not unique');
  });

  it('shows technique titles in the sidebar', async () => {
    await showSidebar(api);
    const text = await snapshotShowing(api, EXPECTED_TITLES);
    assert.ok(text.trim().length > 0);
  });

  it('callCoach.reloadBanks reloads and keeps the catalog loaded', async () => {
    await showSidebar(api);
    await eventually('the question banks to load', () => api.catalog(), (c) => c.banks.length > 0);
    const before = (await api.catalog()).banks.map((b) => b.id);
    await withTimeout(vscode.commands.executeCommand(CommandId.reloadBanks), 30_000, CommandId.reloadBanks);
    const after = await api.catalog();
    assert.deepStrictEqual(after.banks.map((b) => b.id), before);
    assert.deepStrictEqual(after.problems, []);
    await snapshotShowing(api, EXPECTED_TITLES);
  });

  it('callCoach.showLog shows the Call Coach output channel with its log', async () => {
    await withTimeout(vscode.commands.executeCommand(CommandId.showLog), 10_000, CommandId.showLog);
    // The Output panel opens the channel as a text document (scheme `output`) once it is shown.
    const log = await eventually(
      'the Call Coach log to be shown in the Output panel',
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && decodeURIComponent(d.uri.toString()).includes('Call Coach')),
      (d) => d !== undefined && d.getText().includes('Call Coach loaded'),
    );
    assert.match(log!.getText(), /Loaded \d+ question banks/);
  });
});
