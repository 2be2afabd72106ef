// The identity check that runs before Commit Success Plan Notes stages anything, against the
// real git: it must agree with Git's own rules (config files, then environment variables).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { knowsCommitIdentity } from '../../../../src/host/git/gitIdentity';

describe('Git identity check before a commit', () => {
  let root: string;
  let repo: string;
  /** No system or global config, no identity variables: only what each test adds. */
  let bare: NodeJS.ProcessEnv;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-ident-'));
    repo = path.join(root, 'repo');
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GIT_|EMAIL$)/.test(k)));
    Object.assign(bare, { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' });
    execFileSync('git', ['init', '-q', repo], { env: bare });
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('says no when Git has no name or email, as Git would refuse the commit', async () => {
    assert.strictEqual(await knowsCommitIdentity('git', repo, true, bare), false);
  });

  it('says yes for an identity from the environment (GIT_AUTHOR_*, GIT_COMMITTER_*)', async () => {
    const env = { ...bare, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.invalid', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.invalid' };
    assert.strictEqual(await knowsCommitIdentity('git', repo, true, env), true);
  });

  it('says no when only the author is known: the committer is needed too', async () => {
    const env = { ...bare, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.invalid' };
    assert.strictEqual(await knowsCommitIdentity('git', repo, true, env), false);
  });

  it('says yes once the repository has user.name and user.email', async () => {
    execFileSync('git', ['config', 'user.name', 'Call Coach Test'], { cwd: repo, env: bare });
    execFileSync('git', ['config', 'user.email', 'test@example.invalid'], { cwd: repo, env: bare });
    assert.strictEqual(await knowsCommitIdentity('git', repo, true, bare), true);
  });

  it('cannot tell when Git itself cannot run, and then leaves the answer to the commit', async () => {
    assert.strictEqual(await knowsCommitIdentity(path.join(root, 'no-such-git'), repo, true, bare), undefined);
  });
});
