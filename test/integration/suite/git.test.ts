// "Commit Success Plan Notes" in a real extension host, through the real built-in Git extension,
// on a real repository made in the (temporary) workspace folder. git on the command line only
// sets the scene and checks the result: what the commit holds, what stayed unstaged.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, eventually, setting, workspaceRoot } from './helpers';
import { CommandId } from '../../../src/ids';

interface CommitResult {
  outcome: string;
  message: string;
  files?: string[];
  commit?: string;
  push?: string;
}

const commit = (args?: unknown) => vscode.commands.executeCommand<CommitResult>(CommandId.commitNotes, args);

describe('Commit Success Plan Notes (real Git repository)', function () {
  this.timeout(60_000);
  let root: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd();
  const file = (rel: string) => path.join(root, ...rel.split('/'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
    fs.writeFileSync(file(rel), text);
  };
  const status = () => git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean);
  const committedFiles = () => git('show', '--stat', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort();

  before(async () => {
    await activateExtension();
    root = workspaceRoot().fsPath;
    assert.ok(!fs.existsSync(path.join(root, '.git')), 'the sample workspace must not be a repository yet');
  });

  after(async () => {
    await setting('pushAfterCommit', undefined);
    await setting('commitAfterFinish', undefined);
  });

  it('says the notes are in no repository, and leaves them alone', async () => {
    write('success-plans/globex/2026-11-20-discovery.md', '# Discovery\n');
    const result = await commit();
    assert.strictEqual(result.outcome, 'no-repository', result.message);
    assert.match(result.message, /not in a Git repository/);
    assert.strictEqual(fs.readFileSync(file('success-plans/globex/2026-11-20-discovery.md'), 'utf8'), '# Discovery\n');
  });

  it('initialises a repository when asked and commits only the notes', async () => {
    let result = await commit({ initIfMissing: true });
    assert.ok(fs.existsSync(path.join(root, '.git')), 'a repository was initialised');
    if (result.outcome === 'failed') {
      // No Git identity on this machine: the message says how to fix it, and nothing is staged.
      assert.match(result.message, /Git does not know who you are/);
      assert.deepStrictEqual(status().filter((l) => !l.startsWith('??')), [], 'nothing left staged');
      git('config', 'user.name', 'Call Coach Test');
      git('config', 'user.email', 'test@example.invalid');
      result = await commit();
    }
    assert.strictEqual(result.outcome, 'committed', result.message);
    const committed = committedFiles();
    assert.ok(committed.includes('success-plans/globex/2026-11-20-discovery.md'), committed.join('\n'));
    assert.ok(committed.every((f) => f.startsWith('success-plans/')), `only notes: ${committed.join(', ')}`);
    assert.ok(status().includes('?? README.md'), 'other files stay untracked');
  });

  it('commits new and changed notes while an unrelated modified file stays unstaged', async () => {
    git('add', 'README.md');
    git('commit', '-q', '-m', 'Add README');
    fs.appendFileSync(file('README.md'), '\nWork in progress.\n');
    write('success-plans/globex/2026-11-20-discovery.md', '# Discovery\n\nMore notes.\n');
    write('success-plans/initech/2026-11-21-sync.md', '# Sync\n');
    const result = await commit();
    assert.strictEqual(result.outcome, 'committed', result.message);
    assert.deepStrictEqual(committedFiles(), ['success-plans/globex/2026-11-20-discovery.md', 'success-plans/initech/2026-11-21-sync.md']);
    assert.deepStrictEqual(result.files?.slice().sort(), committedFiles());
    assert.match(git('log', '-1', '--format=%s'), /^Success plan notes: globex and initech \(2 call notes, \d{4}-\d{2}-\d{2}\)$/);
    assert.strictEqual(result.commit, git('rev-parse', 'HEAD'));
    assert.deepStrictEqual(status(), [' M README.md'], 'README.md is modified and unstaged');
  });

  it('says when there is nothing to commit', async () => {
    const result = await commit();
    assert.strictEqual(result.outcome, 'nothing', result.message);
    assert.match(result.message, /Nothing to commit/);
  });

  it('refuses while other files are staged, staging nothing itself', async () => {
    git('add', 'README.md');
    write('success-plans/globex/2026-11-22-review.md', '# Review\n');
    const head = git('rev-parse', 'HEAD');
    const result = await commit();
    assert.strictEqual(result.outcome, 'other-staged', result.message);
    assert.match(result.message, /README\.md/);
    assert.strictEqual(git('rev-parse', 'HEAD'), head);
    assert.deepStrictEqual(status(), ['M  README.md', '?? success-plans/globex/2026-11-22-review.md']);
    git('reset', '-q', 'README.md');
  });

  it('reports a pre-commit hook that rejects the commit, and leaves the notes as they were', async () => {
    const hook = path.join(root, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\necho "notes need a reviewer first" >&2\nexit 1\n', { mode: 0o755 });
    const head = git('rev-parse', 'HEAD');
    try {
      const result = await commit();
      assert.strictEqual(result.outcome, 'failed', result.message);
      assert.match(result.message, /notes need a reviewer first/);
      assert.match(result.message, /notes are unchanged on disk and nothing was committed/);
      assert.strictEqual(git('rev-parse', 'HEAD'), head);
      assert.strictEqual(fs.readFileSync(file('success-plans/globex/2026-11-22-review.md'), 'utf8'), '# Review\n');
      assert.deepStrictEqual(status(), [' M README.md', '?? success-plans/globex/2026-11-22-review.md'], 'what it staged is unstaged again');
    } finally {
      fs.rmSync(hook);
    }
  });

  it('pushes after committing when asked: no remote, published, then rejected', async () => {
    await setting('pushAfterCommit', true);
    let result = await commit();
    assert.strictEqual(result.outcome, 'committed', result.message);
    assert.strictEqual(result.push, 'no-remote');
    assert.match(result.message, /has no remote/);

    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-remote-'));
    execFileSync('git', ['init', '-q', '--bare', bare]);
    git('remote', 'add', 'origin', bare);
    write('success-plans/globex/2026-11-23-plan.md', '# Plan\n');
    result = await commit();
    assert.strictEqual(result.push, 'pushed', result.message);
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    assert.strictEqual(execFileSync('git', ['--git-dir', bare, 'rev-parse', branch], { encoding: 'utf8' }).trim(), git('rev-parse', 'HEAD'));

    // Someone else pushes first: the next push is rejected, the commit stays.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-other-'));
    execFileSync('git', ['clone', '-q', bare, other]);
    execFileSync('git', ['-c', 'user.name=Other', '-c', 'user.email=o@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'Other work'], { cwd: other });
    execFileSync('git', ['push', '-q', 'origin', branch], { cwd: other });
    write('success-plans/globex/2026-11-24-plan.md', '# Plan 2\n');
    result = await commit();
    assert.strictEqual(result.outcome, 'committed', result.message);
    assert.strictEqual(result.push, 'failed', result.message);
    assert.match(result.message, /The commit is kept, but the push failed/);
    assert.ok(committedFiles().includes('success-plans/globex/2026-11-24-plan.md'));
    git('remote', 'remove', 'origin');
    await setting('pushAfterCommit', undefined);
  });

  it('commits after Finish Call when callCoach.commitAfterFinish is "always"', async () => {
    const { api } = await activateExtension();
    await setting('commitAfterFinish', 'always');
    const head = git('rev-parse', 'HEAD');
    api.sidebar.receive({
      type: 'startCall',
      setup: { customer: 'Umbrella', title: 'Kickoff', callType: 'Discovery', date: '2026-11-24', attendees: [], techniques: ['five-whys'], stages: [] },
    });
    await eventually('the call to start', () => api.currentCall(), (c) => !!c);
    const note = await vscode.commands.executeCommand<vscode.Uri>(CommandId.finishCall);
    assert.ok(note instanceof vscode.Uri);
    await eventually('the finish to commit the note', () => git('rev-parse', 'HEAD'), (h) => h !== head, 20_000);
    assert.ok(committedFiles().includes(vscode.workspace.asRelativePath(note, false)), committedFiles().join('\n'));
    assert.deepStrictEqual(status(), [' M README.md']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
