// Asks Git, before anything is staged, whether it knows who is committing. The Git extension
// commits with `user.useConfigOnly=true` (git.requireGitUserConfig, on by default), and without
// a name and email Git exits before it reads the message the extension pipes to it: the
// extension then throws a broken pipe (EPIPE) nobody catches, in the extension host every
// extension shares. This check is read-only (`git var` runs no hooks and writes nothing) and
// follows Git's own rules: every config file, includes, and the GIT_AUTHOR_*, GIT_COMMITTER_*
// and EMAIL variables.
import { execFile } from 'child_process';

const TIMEOUT_MS = 10_000;
/** What Git says when it cannot tell who is committing (git/ident.c). */
const NO_IDENTITY = /identity unknown|tell me who you are|auto-detection is disabled|empty ident name|unable to auto-detect/i;

/**
 * true when Git knows the author and committer, false when it says it does not, undefined when
 * the question itself failed (then the commit goes ahead and Git's own answer is reported).
 */
export async function knowsCommitIdentity(gitPath: string, repoRoot: string, requireConfig: boolean, env: NodeJS.ProcessEnv = process.env): Promise<boolean | undefined> {
  const ask = (variable: string) =>
    new Promise<boolean | undefined>((resolve) => {
      const args = [...(requireConfig ? ['-c', 'user.useConfigOnly=true'] : []), 'var', variable];
      execFile(gitPath, args, { cwd: repoRoot, env, timeout: TIMEOUT_MS, windowsHide: true }, (err, _stdout, stderr) => {
        if (!err) resolve(true);
        else resolve(NO_IDENTITY.test(String(stderr)) ? false : undefined);
      });
    });
  const [author, committer] = await Promise.all([ask('GIT_AUTHOR_IDENT'), ask('GIT_COMMITTER_IDENT')]);
  if (author === false || committer === false) return false;
  return author && committer ? true : undefined;
}
