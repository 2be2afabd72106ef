// Call Coach inside the web worker extension host (see test/web/run.mjs): what vscode.dev,
// github.dev and GitLab's Web IDE give an extension — no Node, no `vscode.git` — with the files
// behind `workspace.fs`. Each test checks the outcome a CSM sees: banks with their problems, a
// note and its plan on the workspace's file system, the criteria page, and no Git commands.
import * as vscode from 'vscode';
import { parseNote } from '../../../src/core/note/parse';

const EXTENSION_ID = 'call-coach.call-coach';

interface CallCoachApi {
  catalog(): Thenable<{ banks: { id: string; kind: string }[]; problems: unknown[] }>;
  sidebar: { whenReady(): Promise<void>; receive(message: unknown): void };
  currentCall(): { state: { id: string; setup: { customer: string }; parts: { items: { key: string }[] }[]; position: { part: number; item: number } } } | undefined;
}

// Node's `assert` does not exist in a web worker; these three are all the suite needs.
const assert: {
  ok(value: unknown, message: string): asserts value;
  strictEqual<T>(actual: T, expected: T, message?: string): void;
  match(text: string, pattern: RegExp): void;
} = {
  ok(value: unknown, message: string): asserts value {
    if (!value) throw new Error(message);
  },
  strictEqual<T>(actual: T, expected: T, message?: string): void {
    if (actual !== expected) throw new Error(`${message ?? 'not equal'}: expected ${String(expected)}, got ${String(actual)}`);
  },
  match(text: string, pattern: RegExp): void {
    if (!pattern.test(text)) throw new Error(`expected ${pattern} in ${JSON.stringify(text.slice(0, 300))}`);
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(what: string, probe: () => T | Thenable<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 400)}`);
    await sleep(100);
  }
}

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
};
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const exists = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);

describe('Call Coach in the web worker extension host', () => {
  let api: CallCoachApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<CallCoachApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in this extension host`);
    api = await ext.activate();
  });

  it('runs in a web worker: no Node, no Git extension, UI kind Web', () => {
    assert.strictEqual(typeof (globalThis as { process?: unknown }).process, 'undefined', 'a Node `process` exists: this is not the web worker host');
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    assert.strictEqual(vscode.extensions.getExtension('vscode.git'), undefined, 'the Git extension is reachable from this host');
  });

  it('loads the built-in banks from the extension and reports a broken team bank in Problems', async () => {
    const catalog = await api.catalog();
    assert.ok(catalog.banks.some((b) => b.id === 'five-whys'), 'the Five Whys bank is missing');
    assert.ok(catalog.banks.filter((b) => b.kind === 'stage').length >= 10, 'fewer than ten stage banks');
    const bad = vscode.Uri.joinPath(root(), '.callcoach', 'questions', 'broken.yaml');
    await write(bad, 'id: broken\nkind: technique\ntitle: [unclosed\n');
    await vscode.commands.executeCommand('callCoach.reloadBanks');
    const diagnostics = await eventually('a diagnostic on broken.yaml', () => vscode.languages.getDiagnostics(bad), (d) => d.length > 0);
    assert.strictEqual(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    await vscode.workspace.fs.delete(bad);
    await vscode.commands.executeCommand('callCoach.reloadBanks');
    await eventually('the diagnostic to clear', () => vscode.languages.getDiagnostics(bad), (d) => d.length === 0);
  });

  it('finishes a call: the note and the success plan are written through workspace.fs', async () => {
    await vscode.commands.executeCommand('callCoach.showSidebar');
    await api.sidebar.whenReady();
    const setup = { customer: 'Browser Co', title: 'Discovery', callType: 'Discovery', date: '2026-12-03', attendees: ['Dana'], techniques: ['ted', 'five-whys'], stages: [], focus: [] };
    api.sidebar.receive({ type: 'startCall', setup });
    const call = await eventually('the call to start', () => api.currentCall(), (c) => c?.state.setup.customer === 'Browser Co');
    const key = call!.state.parts[0]!.items[0]!.key;
    api.sidebar.receive({ type: 'callAction', action: { type: 'answer', key, text: 'We release from the browser now.' } });
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('callCoach.finishCall');
    assert.ok(uri instanceof vscode.Uri, `finishCall returned ${String(uri)}`);
    assert.strictEqual(uri.scheme, root().scheme, 'the note is not on the workspace file system');
    const note = parseNote(await read(uri));
    assert.ok(note.ok, `the note does not parse: ${JSON.stringify(note).slice(0, 300)}`);
    const plan = vscode.Uri.joinPath(uri, '..', 'success-plan.md');
    const planText = await eventually('success-plan.md', () => read(plan).then(undefined, () => ''), (t) => t.includes('Browser Co'));
    assert.match(planText, /call-coach:begin/);
  });

  it('shows the stage adoption criteria page, every stage from Manage to Govern', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('callCoach.showAdoptionCriteria');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    for (const stage of ['Manage', 'Plan', 'Create', 'Verify', 'Package', 'Secure', 'Release', 'Configure', 'Monitor', 'Govern']) assert.match(text, new RegExp(stage));
    assert.match(text, /25%/);
    await eventually('the criteria page in a tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)), (labels) => labels.some((l) => l.includes('Stage Adoption Criteria')));
  });

  it('does not try to commit on the web: the command explains where to commit instead', async () => {
    const result = await vscode.commands.executeCommand('callCoach.commitNotes');
    assert.strictEqual(result, undefined);
    assert.strictEqual(await exists(vscode.Uri.joinPath(root(), '.git')), false, 'a repository appeared');
  });
});
