// Entry point VS Code loads as `--extensionTestsPath` (compiled to out/test/integration/suite).
// Runs one suite's `*.test.js` files with mocha inside the extension host — $CALL_COACH_SUITE picks
// it: `main` (default, the files beside this one), or a sub-folder (`reload`, `installed`) — and
// writes { passed, failed, failures: [{ title, error }], phasesRun } to $CALL_COACH_RESULT_FILE
// when that is set, so test/integration/run.mjs can report counts to the top-level runner.
// A phased suite ($CALL_COACH_PHASES, see test/host/code-wrapper.mjs) runs once per phase across
// window reloads; each phase adds its counts to what the earlier phases wrote.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
  /** How many phases have reported (1 unless the suite is phased). */
  phasesRun: number;
}

function suiteDir(): string {
  const suite = process.env.CALL_COACH_SUITE || 'main';
  if (suite === 'main') return __dirname;
  if (!/^[a-z][a-z0-9-]*$/.test(suite)) throw new Error(`CALL_COACH_SUITE must name a sub-folder of ${__dirname}, not ${JSON.stringify(suite)}`);
  return path.join(__dirname, suite);
}

/** 1 unless the wrapper runs this suite in phases; see helpers.currentPhase. */
function phase(): number {
  const file = process.env.CALL_COACH_PHASE_FILE;
  return file && fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) || 1 : 1;
}

/** From phase 2 on, the counts the earlier phases wrote; otherwise a fresh start. */
function startingResults(resultFile: string | undefined): SuiteResults {
  const fresh: SuiteResults = { passed: 0, failed: 0, failures: [], phasesRun: 0 };
  if (!resultFile || phase() === 1 || !fs.existsSync(resultFile)) return fresh;
  try {
    const earlier = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as Partial<SuiteResults>;
    return {
      passed: earlier.passed ?? 0,
      failed: earlier.failed ?? 0,
      failures: earlier.failures ?? [],
      phasesRun: earlier.phasesRun ?? 0,
    };
  } catch {
    return fresh;
  }
}

/**
 * With CALL_COACH_SCREENSHOT, test/host/code-wrapper.mjs sets CALL_COACH_SCREENSHOT_ACK: say so
 * on the log and wait (15 s at most) for the wrapper to take its screenshot while this
 * extension host, and the webviews the tests opened, are still alive.
 */
async function screenshotPoint(): Promise<void> {
  const ack = process.env.CALL_COACH_SCREENSHOT_ACK;
  if (!ack) return;
  console.log('[call-coach] screenshot point');
  const deadline = Date.now() + 15_000;
  while (!fs.existsSync(ack) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

export function run(): Promise<void> {
  // CALL_COACH_GREP runs only the tests whose full title matches (a regular expression), for
  // chasing one test without the whole suite.
  const grep = process.env.CALL_COACH_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const dir = suiteDir();
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.test.js'))
        .sort()
    : [];
  for (const f of files) mocha.addFile(path.join(dir, f));

  const resultFile = process.env.CALL_COACH_RESULT_FILE;
  const results = startingResults(resultFile);
  results.phasesRun++;
  const write = (): void => {
    if (!resultFile) return;
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
  };

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      results.failed = 1;
      results.failures.push({ title: 'integration suite', error: `no *.test.js files in ${dir}` });
      write();
      reject(new Error(`No integration tests found in ${dir}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        write();
        void screenshotPoint().then(() => {
          if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
          else resolve();
        });
      });
      runner.on('pass', () => {
        results.passed++;
      });
      runner.on('fail', (test, err: unknown) => {
        results.failed++;
        const e = err as { stack?: string; message?: string } | undefined;
        results.failures.push({ title: test.fullTitle(), error: e?.stack ?? e?.message ?? String(err) });
      });
    } catch (err) {
      results.failed++;
      results.failures.push({ title: 'integration suite', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      write();
      reject(err);
    }
  });
}
