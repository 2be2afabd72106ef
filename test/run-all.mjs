// `npm test`: build, type-check, then every suite — unit (plain Node), webview (real bundle in
// Chromium), package (the .vsix), integration (a real VS Code extension host) and start
// (`npm start -- --check` on a fresh clone of this repository). Prints one closing line
// `N passed, N failed` and exits non-zero if anything failed or could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bootstrap, REPO as repo } from './bootstrap.mjs';

const SUITES = ['unit', 'webview', 'package', 'integration', 'keys', 'web', 'start'];
const only = process.argv.slice(2); // e.g. `npm test -- unit webview`
const wants = (suite) => only.length === 0 || only.includes(suite);

// A fresh clone has no node_modules yet: install first (and the Debian packages only the suites
// about to run need), then load mocha.
bootstrap(SUITES.filter(wants));
const require = createRequire(import.meta.url);
const Mocha = require('mocha');
process.chdir(repo);
const totals = { passed: 0, failed: 0 };
// Colour only on a terminal, as most tools decide: NO_COLOR turns it off, FORCE_COLOR (not 0) on.
const color = process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0' ? true : process.env.NO_COLOR ? false : Boolean(process.stdout.isTTY);
// Children decide for themselves from their own stdout, which is ours: say what we decided.
const childEnv = { ...process.env, ...(color ? { FORCE_COLOR: process.env.FORCE_COLOR || '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' }) };
const broken = [];

function step(title, command, args) {
  console.log(`\n> ${title}`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: repo, env: childEnv });
  if (r.status !== 0) {
    broken.push(title);
    console.error(`✗ ${title} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

function testFiles(folder) {
  if (!existsSync(folder)) return [];
  // Only tests whose source is still there: tsc never deletes what it compiled before, so a test
  // moved or removed in test/ would otherwise run on from out/ (test/unit mirrors src, and moves).
  const source = join(repo, relative(join(repo, 'out'), folder));
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js') && existsSync(join(source, f.replace(/\.js$/, '.ts'))))
    .sort()
    .map((f) => join(folder, f));
}

async function mochaSuite(name, folder, timeout) {
  const files = testFiles(folder);
  console.log(`\n> ${name} tests (${files.length} files)`);
  if (!files.length) {
    broken.push(`${name}: no test files in ${folder}`);
    return;
  }
  const mocha = new Mocha({ ui: 'bdd', timeout, reporter: 'spec', color });
  files.forEach((f) => mocha.addFile(f));
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  // A test that did not run proves nothing: a pending (skipped) test fails the run, by name.
  if (stats.pending) broken.push(`${name}: ${stats.pending} pending test(s) did not run; see "pending" above`);
  mocha.dispose();
}

function integrationSuite() {
  console.log('\n> integration tests (real VS Code extension host)');
  const resultDir = mkdtempSync(join(tmpdir(), 'call-coach-results-'));
  const resultFile = join(resultDir, 'integration.json');
  const r = spawnSync(process.execPath, ['test/integration/run.mjs'], {
    stdio: 'inherit',
    cwd: repo,
    env: { ...childEnv, CALL_COACH_RESULT_FILE: resultFile },
  });
  const results = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  rmSync(resultDir, { recursive: true, force: true });
  if (!results) {
    broken.push(`integration: the extension host produced no results (exit ${r.status ?? r.signal})`);
    return;
  }
  const { passed, failed } = results;
  totals.passed += passed;
  totals.failed += failed;
}

/**
 * The call's keys pressed in the real workbench, with the defaults and with a user's rebinding
 * (test/host/keys.mjs): each ✔/✗ line it prints is one test.
 */
function keysSuite() {
  console.log('\n> keys tests (the call\'s keybindings in the real workbench, default and rebound)');
  const r = spawnSync(process.execPath, ['test/host/keys.mjs', '--no-build'], { cwd: repo, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  process.stdout.write(output);
  const passed = (output.match(/^\[keys\] ✔/gm) ?? []).length;
  const failed = (output.match(/^\[keys\] ✗/gm) ?? []).length;
  totals.passed += passed;
  totals.failed += failed;
  if (r.status !== 0 && failed === 0) broken.push(`keys: test/host/keys.mjs exited ${r.status ?? r.signal} before its checks ran`);
}

/** Call Coach in the web worker extension host (test/web/run.mjs): a suite inside it, and a call typed into its sidebar. */
function webSuite() {
  console.log('\n> web tests (web worker extension host, as in vscode.dev and GitLab\'s Web IDE)');
  const resultDir = mkdtempSync(join(tmpdir(), 'call-coach-results-'));
  const resultFile = join(resultDir, 'web.json');
  const r = spawnSync(process.execPath, ['test/web/run.mjs'], { stdio: 'inherit', cwd: repo, env: { ...childEnv, CALL_COACH_RESULT_FILE: resultFile } });
  const results = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  rmSync(resultDir, { recursive: true, force: true });
  if (!results) {
    broken.push(`web: the web worker host produced no results (exit ${r.status ?? r.signal})`);
    return;
  }
  const { passed, failed } = results;
  totals.passed += passed;
  totals.failed += failed;
}

/** `npm start` on a fresh clone of this repository (test/start/fresh-clone.mjs): one test. */
async function startSuite() {
  console.log('\n> start test (npm start -- --check on a fresh clone)');
  const { freshCloneStart } = await import('./start/fresh-clone.mjs');
  const r = freshCloneStart();
  totals.passed += r.passed;
  totals.failed += r.failed;
  for (const f of r.failures) console.error(`✗ ${f.title}\n${f.error}`);
}

const started = Date.now();
const built =
  step('build (esbuild: dist/extension.js, dist/webview.js)', process.execPath, ['esbuild.mjs']) &&
  step('type-check src', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']) &&
  step('compile tests (tsc -p test)', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'test']);

if (built) {
  // The layering rule (src/core and the webview import neither vscode nor Node): one test, passed
  // or failed (a failure is counted through `broken`).
  if (wants('unit') && step('lint (eslint: src/core and src/webview import neither vscode nor Node built-ins)', process.execPath, ['node_modules/eslint/bin/eslint.js', '--config', 'test/eslint.config.mjs', 'src'])) {
    totals.passed += 1;
  }
  if (wants('unit')) await mochaSuite('unit', join(repo, 'out/test/unit'), 20000);
  if (wants('webview')) await mochaSuite('webview', join(repo, 'out/test/webview'), 30000);
  if (wants('package')) await mochaSuite('package', join(repo, 'out/test/package'), 120000);
  if (wants('integration')) integrationSuite();
  if (wants('keys')) keysSuite();
  if (wants('web')) webSuite();
  if (wants('start')) await startSuite();
}

console.log(`\nFinished in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
for (const b of broken) console.log(`could not run: ${b}`);
console.log(`${totals.passed} passed, ${totals.failed + broken.length} failed`);
process.exit(totals.failed || broken.length ? 1 : 0);
