#!/usr/bin/env node
// Runs the integration suites (test/integration/suite, compiled to out/) inside a real VS Code
// extension host, via @vscode/test-electron's runTests:
//   - CALL_COACH_VSCODE=/path/to/code   a desktop VS Code you have (used as is), otherwise
//   - test/host/code-wrapper.mjs        a VS Code 1.139 server build in headless Chromium,
//                                       installed on first use by test/host/install-host.mjs.
// Suites (all by default; name some to run only those: `node test/integration/run.mjs reload`):
//   main       suite/*.test.js: the extension from this checkout (dist/), sample workspace open
//   reload     suite/reload/: two phases across a real window reload (the wrapper reloads the
//              workbench page between them); needs the wrapper, skipped with CALL_COACH_VSCODE
//   crash      suite/crash/: two phases; the first ends by killing its extension host (SIGKILL)
//              mid-call, then the wrapper reloads; needs the wrapper, skipped with CALL_COACH_VSCODE
//   installed  suite/installed/: the .vsix packaged as `npm run package` does, installed into an
//              empty extensions folder, with no extension under development
//   ui         ui/*.test.ts, run here in Node: each opens the server build's workbench in headless
//              Chromium with the extension installed from this checkout and drives it by keyboard
//              and mouse through Playwright (the sidebar's DOM in its iframes, the palette, the
//              notifications), then reads what it wrote from disk; needs the wrapper's host
// Needs `npm run build` (dist/extension.js) and `npx tsc -p test` (out/) to have run.
// Results ({ passed, failed, failures: [{ title, error }] }, every suite merged) go to
// $CALL_COACH_RESULT_FILE (default test-results/integration.json). Exits non-zero when anything failed.
//
//   import { runIntegration } from './test/integration/run.mjs';  // -> results + exitCode
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import testElectron from '@vscode/test-electron';
import { ensureHost, REPO_ROOT } from '../host/install-host.mjs';
import { copySampleWorkspace } from '../host/server.mjs';

const { runTests } = testElectron;
export const WRAPPER = join(REPO_ROOT, 'test', 'host', 'code-wrapper.mjs');
export const SUITE_INDEX = join(REPO_ROOT, 'out', 'test', 'integration', 'suite', 'index.js');
export const EXTENSION_MAIN = join(REPO_ROOT, 'dist', 'extension.js');
export const UI_DIR = join(REPO_ROOT, 'out', 'test', 'integration', 'ui');
export const SUITES = ['main', 'reload', 'crash', 'installed', 'ui'];

const say = (m) => console.log(`[integration] ${m}`);

function readResults(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof r.passed === 'number' && typeof r.failed === 'number' && Array.isArray(r.failures)) return r;
  } catch {
    /* missing or torn */
  }
  return undefined;
}

const failed = (title, error) => ({ passed: 0, failed: 1, failures: [{ title, error }] });

/** One runTests invocation; resolves to { passed, failed, failures } and never throws. */
async function runSuite({ name, vscodeExecutablePath, scratch, extensionDevelopmentPath, extensionsDir, disableExtensions, env = {}, phases = 1, timeoutMs }) {
  const resultFile = join(scratch, `${name}.json`);
  const workspace = copySampleWorkspace(mkdtempSync(join(scratch, `${name}-`)));
  const started = Date.now();
  let exitCode = 0;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: SUITE_INDEX,
      launchArgs: [workspace, `--extensions-dir=${extensionsDir}`, ...(disableExtensions ? ['--disable-extensions'] : [])],
      extensionTestsEnv: {
        CALL_COACH_RESULT_FILE: resultFile,
        CALL_COACH_SUITE: name,
        ...(phases > 1 ? { CALL_COACH_PHASES: String(phases) } : {}),
        ...(timeoutMs ? { CALL_COACH_HOST_TIMEOUT_MS: String(timeoutMs) } : {}),
        ...env,
      },
    });
  } catch (err) {
    exitCode = typeof err?.code === 'number' ? err.code : 1;
    if (!readResults(resultFile)) console.error(`[integration] ${name}: ${err?.message ?? err}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let results = readResults(resultFile);
  if (!results) {
    return failed(
      `${name}: integration host`,
      `The extension host exited with code ${exitCode} after ${seconds} s without writing ${resultFile} ` +
        '(it crashed, timed out, or CALL_COACH_RESULT_FILE did not reach it). See the output above.',
    );
  }
  const extra = [];
  if ((results.phasesRun ?? 1) < phases) {
    extra.push({ title: `${name}: phases`, error: `only ${results.phasesRun ?? 1} of ${phases} phases ran (exit code ${exitCode}); see the output above` });
  } else if (exitCode !== 0 && results.failed === 0) {
    extra.push({ title: `${name}: integration host`, error: `exited with code ${exitCode} although every test passed` });
  }
  results = { passed: results.passed, failed: results.failed + extra.length, failures: [...results.failures, ...extra] };
  say(`${name}: ${results.passed} passing, ${results.failed} failing in ${seconds} s`);
  return results;
}

/** The ui suite: mocha in this process, one workbench per describe; resolves like runSuite. */
async function runUiSuite() {
  const started = Date.now();
  const files = existsSync(UI_DIR) ? readdirSync(UI_DIR).filter((f) => f.endsWith('.test.js')).sort().map((f) => join(UI_DIR, f)) : [];
  if (!files.length) return failed('ui: test files', `no *.test.js in ${UI_DIR} (run \`npx tsc -p test\`)`);
  const Mocha = createRequire(import.meta.url)('mocha');
  // CALL_COACH_GREP (a regular expression on the full title) runs only those tests, as in the host suites.
  const grep = process.env.CALL_COACH_GREP ? { grep: new RegExp(process.env.CALL_COACH_GREP) } : {};
  const mocha = new Mocha({ ui: 'bdd', timeout: 300_000, reporter: 'spec', color: !process.env.CI, ...grep });
  files.forEach((f) => mocha.addFile(f));
  await mocha.loadFilesAsync();
  const failures = [];
  const stats = await new Promise((resolveStats) => {
    const runner = mocha.run(() => resolveStats(runner.stats));
    runner.on('fail', (test, err) => failures.push({ title: `ui: ${test.fullTitle()}`, error: String(err?.stack ?? err).slice(0, 4000) }));
  });
  mocha.dispose();
  say(`ui: ${stats.passes} passing, ${stats.failures} failing in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { passed: stats.passes, failed: failures.length, failures };
}

/** Runs `node args…` in the checkout; returns { ok, output }. */
function node(args, opts = {}) {
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', ...opts });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(), status: r.status ?? r.signal };
}

const VSCE = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

/**
 * Packages the extension as `npm run package` does (a plain `vsce package`, whose
 * vscode:prepublish makes the production build), then puts the development build back in dist/
 * for everything else.
 */
function packageVsix(dir) {
  const vsix = join(dir, 'call-coach.vsix');
  const failures = [];
  try {
    const pack = node([VSCE, 'package', '--out', vsix]);
    if (!pack.ok) return { failures: [...failures, { title: 'installed: vsce package', error: pack.output }] };
    return { vsix, failures };
  } finally {
    const dev = node(['esbuild.mjs']);
    if (!dev.ok) console.error(`[integration] WARNING: rebuilding the development bundle failed; run \`node esbuild.mjs\`\n${dev.output}`);
  }
}

/** Installs the .vsix into `extensionsDir` with the host's own CLI, as a user would. */
function installVsix(vsix, extensionsDir, scratch) {
  const home = mkdtempSync(join(scratch, 'install-home-'));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  let r;
  if (process.env.CALL_COACH_VSCODE) {
    r = spawnSync(process.env.CALL_COACH_VSCODE, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(home, 'user-data')], { encoding: 'utf8', env });
  } else {
    const paths = ensureHost({ quiet: true });
    r = spawnSync(
      paths.node,
      [paths.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(home, 'user-data'), '--server-data-dir', join(home, 'server-data'), '--accept-server-license-terms'],
      { encoding: 'utf8', env },
    );
  }
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  const ok = r.status === 0 && /successfully installed/i.test(output) && existsSync(join(extensionsDir, 'extensions.json'));
  return ok ? undefined : { title: 'installed: --install-extension', error: `exit ${r.status ?? r.signal}\n${output}` };
}

/** Runs the suites; resolves to { passed, failed, failures, exitCode } and never throws. */
export async function runIntegration({ resultFile = process.env.CALL_COACH_RESULT_FILE, suites = SUITES } = {}) {
  resultFile = resolve(resultFile || join(REPO_ROOT, 'test-results', 'integration.json'));
  mkdirSync(dirname(resultFile), { recursive: true });
  rmSync(resultFile, { force: true });
  const started = Date.now();

  const report = (results) => {
    writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`${results.passed} passing, ${results.failed} failing in ${seconds} s (${suites.join(', ')}; results: ${resultFile})`);
    for (const f of results.failures) console.log(`[integration] FAILED ${f.title}\n${f.error.replace(/^/gm, '    ')}`);
    return { ...results, exitCode: results.failed > 0 ? 1 : 0 };
  };

  const unknown = suites.filter((s) => !SUITES.includes(s));
  if (unknown.length) return report(failed('integration setup', `unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.join(', ')}`));

  const missing = [
    [EXTENSION_MAIN, 'npm run build'],
    [SUITE_INDEX, 'npx tsc -p test'],
  ].filter(([f]) => !existsSync(f));
  if (missing.length) {
    return report(failed('integration setup', `Missing ${missing.map(([f, fix]) => `${f} (run \`${fix}\`)`).join(' and ')}.`));
  }

  let vscodeExecutablePath = process.env.CALL_COACH_VSCODE;
  if (vscodeExecutablePath) {
    say(`using the VS Code at ${vscodeExecutablePath} (CALL_COACH_VSCODE)`);
  } else {
    try {
      ensureHost();
    } catch (err) {
      return report(failed('integration host install', err?.message ?? String(err)));
    }
    vscodeExecutablePath = WRAPPER;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'call-coach-it-'));
  const all = { passed: 0, failed: 0, failures: [] };
  const add = (r) => {
    all.passed += r.passed;
    all.failed += r.failed;
    all.failures.push(...r.failures);
  };
  const emptyDir = (name) => {
    const d = join(scratch, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  try {
    // A hang guard, not a speed target: the main suite takes ~90 s on an idle 2-core machine and
    // grows with every capability; on a loaded machine it ran past the old 180 s with every test passing.
    const common = { vscodeExecutablePath, scratch, timeoutMs: Number(process.env.CALL_COACH_HOST_TIMEOUT_MS) || 600_000 };
    if (suites.includes('main')) {
      add(await runSuite({ ...common, name: 'main', extensionDevelopmentPath: REPO_ROOT, extensionsDir: emptyDir('main-extensions'), disableExtensions: true }));
    }
    if (suites.includes('reload')) {
      if (process.env.CALL_COACH_VSCODE) {
        say('reload: skipped — reloading between phases needs test/host/code-wrapper.mjs (unset CALL_COACH_VSCODE)');
      } else {
        add(await runSuite({ ...common, name: 'reload', phases: 2, extensionDevelopmentPath: REPO_ROOT, extensionsDir: emptyDir('reload-extensions'), disableExtensions: true }));
      }
    }
    if (suites.includes('crash')) {
      if (process.env.CALL_COACH_VSCODE) {
        say('crash: skipped — crashing and reloading between phases needs test/host/code-wrapper.mjs (unset CALL_COACH_VSCODE)');
      } else {
        add(await runSuite({ ...common, name: 'crash', phases: 2, extensionDevelopmentPath: REPO_ROOT, extensionsDir: emptyDir('crash-extensions'), disableExtensions: true }));
      }
    }
    if (suites.includes('ui')) {
      if (process.env.CALL_COACH_VSCODE) say('ui: skipped — it drives the server build\'s workbench in Chromium (unset CALL_COACH_VSCODE)');
      else add(await runUiSuite());
    }
    if (suites.includes('installed')) {
      const t = Date.now();
      const { vsix, failures } = packageVsix(emptyDir('vsix'));
      add({ passed: 0, failed: failures.length, failures });
      if (vsix) {
        const extensionsDir = emptyDir('installed-extensions');
        const installFailure = installVsix(vsix, extensionsDir, scratch);
        say(`installed: packaged and installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        if (installFailure) add({ passed: 0, failed: 1, failures: [installFailure] });
        else {
          add(
            await runSuite({
              ...common,
              name: 'installed',
              // Nothing under development: an empty folder stands in for the checkout.
              extensionDevelopmentPath: emptyDir('no-development-extension'),
              extensionsDir,
              // VS Code runs an installed extension in Production mode, which gets no test API
              // (src/host/extension.ts) unless the tests ask for it.
              env: { CALL_COACH_EXTENSIONS_DIR: extensionsDir, CALL_COACH_TEST_API: '1' },
            }),
          );
        }
      }
    }
  } catch (err) {
    add(failed('integration runner', err?.stack ?? String(err)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return report(all);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const { exitCode } = await runIntegration(named.length ? { suites: named } : {});
  process.exit(exitCode);
}
