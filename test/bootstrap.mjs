// Makes a fresh clone runnable: installs the npm dependencies and the Debian packages the tests
// and the VS Code host need, when they are missing. Uses only Node's standard library, so it
// runs before `npm ci`. Shared by `npm test` (test/run-all.mjs) and `npm start`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  console.log(`[bootstrap] ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function debInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Debian packages: chromium (webview tests, the workbench), libkrb5-dev (VS Code server's native module), git. */
export function ensureDebianPackages() {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/dpkg-query')) return;
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (!existsSync('/usr/bin/git')) missing.push('git');
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', ...missing]);
}

/** npm dependencies, from the lockfile, when node_modules is missing or older than the lockfile. */
export function ensureNodeModules() {
  if (existsSync(join(REPO, 'node_modules', '.package-lock.json')) && existsSync(join(REPO, 'node_modules', 'mocha'))) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export function bootstrap() {
  ensureDebianPackages();
  ensureNodeModules();
}
