// Entry point the web worker extension host loads as `extensionTestsPath` (bundled by
// test/web/run.mjs to out/web/suite.js with mocha's browser build). There is no `process`, `fs`
// or result file in a web worker, so the counts go out as one console line that the runner reads
// from the workbench's automation log: `[call-coach-web] results {"passed":…}`.
import 'mocha/mocha';

interface Results {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: 'spec' });
  // Registered after setup: bdd's describe/it exist only from here on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  const results: Results = { passed: 0, failed: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      console.log(`[call-coach-web] results ${JSON.stringify(results)}`);
      if (results.failed) reject(new Error(`${results.failed} web worker tests failed.`));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('fail', (test, err: Error) => {
      results.failed++;
      results.failures.push({ title: test.fullTitle(), error: String(err?.stack ?? err) });
      console.log(`[call-coach-web] ✘ ${test.fullTitle()}: ${err?.message ?? err}`);
    });
  });
}
