// The sample workspace `npm start` opens: the base workspace the integration tests also use
// (test/fixtures/sample-workspace: a README and an empty success-plans/) with the sample customer
// on top (test/fixtures/sample-customer: three call notes of Northwind Logistics written by Call
// Coach's renderNote, their success plan, a team bank in .callcoach/questions/). See
// test/unit/sampleCustomer.test.ts for how the notes are made and kept exact.
//
// It is a Git repository of its own with a first commit, as a CSM's notes repository is: VS Code
// then does not offer the clone around it (Call Coach's source) as the repository to use, and
// "Commit Success Plan Notes" commits there.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './install-host.mjs';
import { SAMPLE_WORKSPACE } from './server.mjs';

export const SAMPLE_CUSTOMER_OVERLAY = join(REPO_ROOT, 'test', 'fixtures', 'sample-customer');
export const SAMPLE_CUSTOMER = 'Northwind Logistics';
/** Used only when Git knows no identity at all, and only in the sample repository's own config. */
export const SAMPLE_IDENTITY = { name: 'Call Coach sample', email: 'sample@call-coach.invalid' };

function git(cwd, args, env = process.env) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  if (r.error) throw new Error(`git could not start: ${r.error.message} (install git: apt-get install -y git)`);
  return { ok: r.status === 0, out: (r.stdout ?? '').trim(), err: (r.stderr ?? '').trim() };
}

/** Whether Git, run as `env` would run it, knows who commits in `cwd` (as Call Coach asks it). */
export function knowsIdentity(cwd, env = process.env) {
  return ['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT'].every((v) => git(cwd, ['-c', 'user.useConfigOnly=true', 'var', v], env).ok);
}

/**
 * The user's global Git config file, for processes that run with another HOME (the VS Code server
 * of `npm start` does): pass it as GIT_CONFIG_GLOBAL so commits there carry the user's identity.
 */
export function globalGitConfig() {
  if (process.env.GIT_CONFIG_GLOBAL) return process.env.GIT_CONFIG_GLOBAL;
  const r = git(REPO_ROOT, ['config', '--global', '--show-origin', '--get', 'user.email']);
  const m = /^file:(.+?)\t/.exec(r.out);
  return r.ok && m ? m[1] : undefined;
}

/**
 * Puts the sample workspace at `target` unless it is there already (`fresh`: delete it first),
 * and makes it a Git repository with a first commit. Returns { target, created }.
 */
export function prepareSampleWorkspace(target, { fresh = false, say = () => {} } = {}) {
  if (fresh) rmSync(target, { recursive: true, force: true });
  const created = !existsSync(target);
  if (created) {
    cpSync(SAMPLE_WORKSPACE, target, { recursive: true });
    cpSync(SAMPLE_CUSTOMER_OVERLAY, target, { recursive: true });
    rmSync(join(target, 'success-plans', '.gitkeep'), { force: true }); // it has a customer now
  }
  if (!existsSync(join(target, '.git'))) {
    // A sample made by an older `npm start` (no repository, no customer): add what is missing,
    // never overwriting a file.
    if (!created) cpSync(SAMPLE_CUSTOMER_OVERLAY, target, { recursive: true, force: false });
    const init = git(target, ['init', '--quiet', '--initial-branch=main']);
    if (!init.ok) throw new Error(`git init in ${target} failed: ${init.err}`);
    if (!knowsIdentity(target)) {
      git(target, ['config', 'user.name', SAMPLE_IDENTITY.name]);
      git(target, ['config', 'user.email', SAMPLE_IDENTITY.email]);
      say(`Git knows no user.name/user.email, so the sample repository uses "${SAMPLE_IDENTITY.name} <${SAMPLE_IDENTITY.email}>" (in its own .git/config only)`);
    }
    git(target, ['add', '--all']);
    const commit = git(target, ['commit', '--quiet', '--no-verify', '-m', `Sample customer: ${SAMPLE_CUSTOMER}`]);
    if (!commit.ok) throw new Error(`the first commit of the sample workspace failed: ${commit.err}`);
  }
  return { target, created };
}
