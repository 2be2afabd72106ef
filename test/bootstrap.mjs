// Makes a fresh clone runnable: installs the npm dependencies and the Debian packages a task needs,
// when they are missing. Uses only Node's standard library, so it runs before `npm ci`. Shared by
// `npm test` (test/run-all.mjs, per suite) and `npm start` (test/host/open.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * What each Debian package is for, and how to tell it is there:
 *   chromium     the webview tests and the VS Code workbench page (npm start, integration tests)
 *   libkrb5-dev  headers for the kerberos native module VS Code's server builds (its one-time install)
 *   git          the sample workspace's repository, the git integration tests
 */
const DEBIAN = {
  chromium: () => existsSync('/usr/bin/chromium'),
  'libkrb5-dev': () => debInstalled('libkrb5-dev'),
  git: () => existsSync('/usr/bin/git'),
};

/** The Debian packages `npm test` needs for the suites it runs (unit and package need none). */
export function debianPackagesFor(suites) {
  const need = new Set();
  for (const suite of suites) {
    if (suite === 'webview') need.add('chromium');
    if (suite === 'integration' || suite === 'web' || suite === 'start') ['chromium', 'libkrb5-dev', 'git'].forEach((p) => need.add(p));
  }
  return [...need];
}

/** Installs the named Debian packages that are missing (as root, with apt-get); no-op off Debian. */
export function ensureDebianPackages(names) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/dpkg-query')) return;
  const missing = names.filter((name) => !DEBIAN[name]());
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', ...missing]);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether node_modules holds what package-lock.json asks for: npm records what it installed in
 * node_modules/.package-lock.json. Catches a fresh clone and a pull that changed dependencies.
 */
function nodeModulesCurrent() {
  const wanted = readJson(join(REPO, 'package-lock.json'))?.packages;
  const installed = readJson(join(REPO, 'node_modules', '.package-lock.json'))?.packages;
  if (!wanted || !installed) return false;
  return Object.entries(wanted).every(([path, entry]) => path === '' || entry.optional || installed[path]?.version === entry.version);
}

/** npm dependencies, from the lockfile, when node_modules is missing or not what the lockfile says. */
export function ensureNodeModules() {
  if (nodeModulesCurrent()) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Debian packages for `suites` (see debianPackagesFor), then the npm dependencies. */
export function bootstrap(suites) {
  ensureDebianPackages(debianPackagesFor(suites));
  ensureNodeModules();
}
