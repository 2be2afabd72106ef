#!/usr/bin/env node
// Runs the integration suite (test/integration/suite, compiled to out/) inside a real VS Code
// extension host, via @vscode/test-electron's runTests:
//   - CALL_COACH_VSCODE=/path/to/code   a desktop VS Code you have (used as is), otherwise
//   - test/host/code-wrapper.mjs        a VS Code 1.139 server build in headless Chromium,
//                                       installed on first use by test/host/install-host.mjs.
// Needs `npm run build` (dist/extension.js) and `npx tsc -p test` (out/) to have run.
// Results ({ passed, failed, failures: [{ title, error }] }) go to $CALL_COACH_RESULT_FILE
// (default test-results/integration.json). Exits non-zero when anything failed.
//
//   import { runIntegration } from './test/integration/run.mjs';  // -> results + exitCode
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

function readResults(file) {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof r.passed === 'number' && typeof r.failed === 'number' && Array.isArray(r.failures)) return r;
  } catch {
    /* missing or torn */
  }
  return undefined;
}

/** Runs the suite; resolves to { passed, failed, failures, exitCode } and never throws. */
export async function runIntegration({ resultFile = process.env.CALL_COACH_RESULT_FILE } = {}) {
  resultFile = resolve(resultFile || join(REPO_ROOT, 'test-results', 'integration.json'));
  mkdirSync(dirname(resultFile), { recursive: true });
  rmSync(resultFile, { force: true });

  const fail = (title, error, exitCode = 1) => {
    const results = { passed: 0, failed: 1, failures: [{ title, error }] };
    writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
    return { ...results, exitCode };
  };

  const missing = [
    [EXTENSION_MAIN, 'npm run build'],
    [SUITE_INDEX, 'npx tsc -p test'],
  ].filter(([f]) => !existsSync(f));
  if (missing.length) {
    return fail('integration setup', `Missing ${missing.map(([f, fix]) => `${f} (run \`${fix}\`)`).join(' and ')}.`);
  }

  let vscodeExecutablePath = process.env.CALL_COACH_VSCODE;
  if (vscodeExecutablePath) {
    console.log(`[integration] using the VS Code at ${vscodeExecutablePath} (CALL_COACH_VSCODE)`);
  } else {
    try {
      ensureHost();
    } catch (err) {
      return fail('integration host install', err?.message ?? String(err));
    }
    vscodeExecutablePath = WRAPPER;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'call-coach-it-'));
  const workspace = copySampleWorkspace(scratch);
  const started = Date.now();
  let exitCode = 0;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_INDEX,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { CALL_COACH_RESULT_FILE: resultFile },
    });
  } catch (err) {
    exitCode = typeof err?.code === 'number' ? err.code : 1;
    if (!readResults(resultFile)) console.error(`[integration] ${err?.message ?? err}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let results = readResults(resultFile);
  if (!results) {
    return fail(
      'integration host',
      `The extension host exited with code ${exitCode} after ${seconds} s without writing ${resultFile} ` +
        '(it crashed, timed out, or CALL_COACH_RESULT_FILE did not reach it). See the output above.',
      exitCode || 1,
    );
  }
  if (exitCode !== 0 && results.failed === 0) {
    results = {
      ...results,
      failed: 1,
      failures: [...results.failures, { title: 'integration host', error: `exited with code ${exitCode} although every test passed` }],
    };
    writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(`[integration] ${results.passed} passing, ${results.failed} failing in ${seconds} s (results: ${resultFile})`);
  for (const f of results.failures) console.log(`[integration] FAILED ${f.title}\n${f.error.replace(/^/gm, '    ')}`);
  return { ...results, exitCode: results.failed > 0 ? exitCode || 1 : 0 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { exitCode } = await runIntegration();
  process.exit(exitCode);
}
