// Entry point VS Code loads as `--extensionTestsPath` (compiled to out/test/integration/suite).
// Runs every `*.test.js` beside it with mocha inside the extension host, and writes
// { passed, failed, failures: [{ title, error }] } to $CALL_COACH_RESULT_FILE when that is set,
// so test/integration/run.mjs can report counts to the top-level runner.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
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
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const results: SuiteResults = { passed: 0, failed: 0, failures: [] };
  const resultFile = process.env.CALL_COACH_RESULT_FILE;
  const write = (): void => {
    if (!resultFile) return;
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
  };

  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      results.failed = 1;
      results.failures.push({ title: 'integration suite', error: `no *.test.js files in ${__dirname}` });
      write();
      reject(new Error(`No integration tests found in ${__dirname}`));
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
