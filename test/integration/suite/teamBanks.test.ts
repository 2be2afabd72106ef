// Team question banks in a real extension host: files under .callcoach/questions and the
// callCoach.questionBanks setting load beside the built-ins, their problems show as diagnostics
// at the right line, and every change on disk is picked up without a reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, eventually, readText, sleep, workspaceRoot, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

const encode = (s: string) => new TextEncoder().encode(s);

/** Creates a file as the explorer or another extension would (a workspace edit), overwriting. */
async function create(uri: vscode.Uri, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: true, contents: encode(text) });
  assert.ok(await vscode.workspace.applyEdit(edit), `could not create ${uri.toString()}`);
}

/** Changes a file as a person would: in an editor, then saved. */
async function editAndSave(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${uri.toString()}`);
  assert.ok(await doc.save(), `could not save ${uri.toString()}`);
}

const TEAM_BANK = `id: team-broken
kind: technique
title: Team Questions
summary: Our own questions.
source: { title: Team playbook }
prompts:
  - id: team-q
    text: What slows your releases down?
    hint: Listen for manual steps.
`;
/** Line 9 (1-based) holds the bad value. */
const BROKEN_BANK = TEAM_BANK.replace('    hint: Listen for manual steps.\n', '    hint: Listen for manual steps.\n    answer: essay\n');

function bankDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Call Coach');
}

describe('Team question banks', () => {
  let api: CallCoachApi;
  const root = () => workspaceRoot();
  const teamFolder = () => vscode.Uri.joinPath(root(), '.callcoach', 'questions');
  const ids = async () => (await api.catalog()).banks.map((b) => b.id);

  before(async () => {
    ({ api } = await activateExtension());
    await api.catalog(); // the first load starts the watcher
  });

  after(async () => {
    await vscode.workspace.getConfiguration('callCoach').update('questionBanks', undefined, vscode.ConfigurationTarget.Workspace);
    for (const dir of ['.callcoach', 'team', 'vendor']) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), dir), { recursive: true }).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a broken bank in the Problems panel at the line to fix while the built-ins load', async () => {
    const uri = vscode.Uri.joinPath(teamFolder(), 'team.yaml');
    await create(uri, BROKEN_BANK);
    const diagnostics = await eventually('a diagnostic on the broken bank', () => bankDiagnostics(uri), (d) => d.length > 0);
    assert.strictEqual(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.strictEqual(d!.range.start.line, 9, `expected line 10 (0-based 9), got ${d!.range.start.line}: ${d!.message}`);
    assert.strictEqual(d!.range.start.character, 12);
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d!.message, /Invalid option: expected one of "text"\|"number"\|"percent"\|"choice" \(at prompts\.0\.answer\)/);
    const loaded = await ids();
    assert.ok(loaded.length >= 20, `the built-ins still load: ${loaded.join(', ')}`);
    assert.ok(!loaded.includes('team-broken'));
  });

  it('clears the diagnostics and loads the bank once the file is fixed', async () => {
    const uri = vscode.Uri.joinPath(teamFolder(), 'team.yaml');
    await editAndSave(uri, TEAM_BANK);
    await eventually('the fixed bank to load', ids, (list) => list.includes('team-broken'));
    await eventually('the diagnostics to clear', () => bankDiagnostics(uri), (d) => d.length === 0);
  });

  it('applies an overrides file to a built-in prompt', async () => {
    const uri = vscode.Uri.joinPath(teamFolder(), 'wording.yaml');
    await create(uri, 'id: team-wording\nkind: overrides\noverrides:\n  - prompt: manage-cycle-time\n    text: How do you measure cycle time today?\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    await eventually(
      'the override to apply',
      async () => {
        await vscode.commands.executeCommand(CommandId.browseAllQuestions, { promptIds: ['manage-cycle-time'], action: 'insert' });
        return doc.getText();
      },
      (text) => text.includes('- How do you measure cycle time today?'),
    );
    assert.deepStrictEqual(bankDiagnostics(uri), []);
  });

  it('loads banks from a path in the callCoach.questionBanks setting, and follows changes on disk there (file watcher)', async () => {
    await vscode.workspace.getConfiguration('callCoach').update('questionBanks', ['team/banks'], vscode.ConfigurationTarget.Workspace);
    const uri = vscode.Uri.joinPath(root(), 'team', 'banks', 'extra.yaml');
    const good = TEAM_BANK.replace('id: team-broken', 'id: team-extra').replace('id: team-q', 'id: team-extra-q');
    // The folders and the file appear in one go, as a `git pull` makes them: the case where
    // VS Code's recursive watcher on Linux can report `team/` and nothing below it, ever.
    await vscode.workspace.fs.writeFile(uri, encode(good));
    await eventually('the bank from the setting to load', ids, (list) => list.includes('team-extra'));
    // A load that has seen the folder watches it before it reads a file, so this change is
    // followed even when VS Code's own watcher missed the folder.
    await vscode.workspace.fs.writeFile(uri, encode('id: team-extra\nkind: nonsense\n'));
    await eventually('the changed bank to be reported', () => bankDiagnostics(uri), (d) => d.length > 0);
    assert.ok(!(await ids()).includes('team-extra'));
    // And every change after that.
    await vscode.workspace.fs.writeFile(uri, encode(good));
    await eventually('the fixed bank to load again', ids, (list) => list.includes('team-extra'));
    await eventually('its problem to clear', async () => bankDiagnostics(uri), (d) => d.length === 0);
  });

  it('follows a bank folder another program creates in one go (as `git pull` does), and its later changes', async () => {
    await vscode.workspace.getConfiguration('callCoach').update('questionBanks', ['vendor/pulled/banks'], vscode.ConfigurationTarget.Workspace);
    // Let the reload the setting change asks for pass (150 ms debounce), and finish one more:
    // from here on only a file watcher can notice the folder.
    await sleep(1000);
    await vscode.commands.executeCommand(CommandId.reloadBanks);
    assert.ok(!(await ids()).includes('team-pulled'));
    const folder = path.join(root().fsPath, 'vendor', 'pulled', 'banks');
    const file = path.join(folder, 'pulled.yaml');
    const good = TEAM_BANK.replace('id: team-broken', 'id: team-pulled').replace('id: team-q', 'id: team-pulled-q');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(file, good);
    await eventually('the pulled bank to load', ids, (list) => list.includes('team-pulled'));
    fs.writeFileSync(file, 'id: team-pulled\nkind: nonsense\n');
    await eventually('the pulled bank\'s change to be reported', () => bankDiagnostics(vscode.Uri.file(file)), (d) => d.length > 0);
    fs.writeFileSync(file, good);
    await eventually('the pulled bank to load again', ids, (list) => list.includes('team-pulled'));
  });

  it('New Question Bank writes a commented starter that loads cleanly', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>(CommandId.newQuestionBank, { kind: 'technique' });
    assert.ok(uri instanceof vscode.Uri);
    assert.strictEqual(vscode.workspace.asRelativePath(uri, false), '.callcoach/questions/team-questions.yaml');
    assert.match(await readText(uri), /^# A team question bank for Call Coach/);
    await eventually('the starter bank to load', ids, (list) => list.includes('team-questions'));
    assert.deepStrictEqual(bankDiagnostics(uri), []);
    const second = await vscode.commands.executeCommand<vscode.Uri>(CommandId.newQuestionBank, { kind: 'technique' });
    assert.strictEqual(vscode.workspace.asRelativePath(second, false), '.callcoach/questions/team-questions-2.yaml', 'never overwrites');
    await eventually('the second starter to load', ids, (list) => list.includes('team-questions-2'));
  });
});
