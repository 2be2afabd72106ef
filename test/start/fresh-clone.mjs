#!/usr/bin/env node
// A newcomer's first command, as a test: `git clone` this repository into a temporary folder and
// run `npm start -- --check` there, as a fresh shell would (no node_modules, no build, no sample
// workspace). It must install what is missing, build, start VS Code on the sample workspace, and
// see the Call Coach sidebar offer the sample customer with its coverage gaps (test/host/open.mjs).
//
// Two things are shared with this checkout to keep it to a few minutes, and only these: npm's
// download cache (~/.npm, so `npm ci` copies rather than downloads) and the VS Code host
// (CALL_COACH_HOST_DIR, default this checkout's .cache/vscode-host; installed here first if
// needed). The clone is of HEAD: uncommitted changes are not in it, and it says so.
//
//   node test/start/fresh-clone.mjs        run it; exit code 0/1
//   import { freshCloneStart } from ...    -> { passed, failed, failures: [{ title, error }] }
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHost, hostDir, REPO_ROOT } from '../host/install-host.mjs';

const TITLE = 'a fresh clone: `npm start -- --check` installs, builds, opens VS Code and shows the sample customer in the sidebar';
const TIMEOUT_MS = 20 * 60_000;
const say = (m) => console.log(`[fresh-clone] ${m}`);

function git(args, cwd = REPO_ROOT) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** The environment of a new shell: none of the outer npm's npm_* variables. */
function shellEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

export function freshCloneStart() {
  const started = Date.now();
  const fail = (error) => ({ passed: 0, failed: 1, failures: [{ title: TITLE, error }] });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (!head.ok) return fail(`this checkout is not a Git repository: ${head.out}`);
  const dirty = git(['status', '--porcelain']).out.split('\n').filter(Boolean).length;
  // The host is the one thing the clone reuses: install it here (with its progress) if needed.
  const paths = ensureHost({ quiet: true });
  const parent = mkdtempSync(join(tmpdir(), 'call-coach-fresh-'));
  const clone = join(parent, 'call-coach');
  try {
    const cloned = git(['clone', '--quiet', REPO_ROOT, clone], parent);
    if (!cloned.ok) return fail(`git clone failed: ${cloned.out}`);
    say(`cloned HEAD ${head.out} into ${clone}${dirty ? ` (${dirty} uncommitted change(s) here are not in it)` : ''}`);
    say(`npm start -- --check there (npm cache: shared; VS Code host: ${paths.dir})`);
    const r = spawnSync('npm', ['start', '--', '--check'], {
      cwd: clone,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      env: shellEnv({ CALL_COACH_HOST_DIR: hostDir() }),
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    // Only the steps, not npm's or the build's every line: the whole output goes in a failure.
    for (const line of output.split('\n')) if (/^\[(start|bootstrap|vscode-host)\]/.test(line)) console.log(`  ${line}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (r.error) return fail(`npm start did not finish: ${r.error.message}\n${output.slice(-4000)}`);
    if (r.status !== 0) return fail(`npm start -- --check exited with ${r.status ?? r.signal} after ${seconds} s:\n${output.slice(-6000)}`);
    if (!/check OK/.test(output)) return fail(`npm start -- --check exited 0 without "check OK":\n${output.slice(-4000)}`);
    say(`passed in ${seconds} s`);
    return { passed: 1, failed: 0, failures: [] };
  } finally {
    rmSync(parent, { recursive: true, force: true, maxRetries: 3 });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = freshCloneStart();
  for (const f of r.failures) console.error(`✗ ${f.title}\n${f.error}`);
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exit(r.failed ? 1 : 0);
}
