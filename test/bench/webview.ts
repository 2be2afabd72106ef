// The sidebar benchmark, run by test/bench/run.mjs (bundled with esbuild, playwright-core left
// external). It loads a production dist/webview.js into Debian's Chromium under the very shell and
// CSP VS Code gets (src/host/csp.ts), with a stub acquireVsCodeApi that answers `ready` as the host
// does: the catalog, then a realistic call. Measured in the page:
//   first paint  from the first statement of webview.js (the server prepends a performance.mark) to
//                the first prompt painted: a MutationObserver sees the question, then
//                requestAnimationFrame and a message-channel task mark the frame as presented.
//                Median of several loads, each in a fresh browser context.
//   step         key press (a capture-phase keydown listener notes the time) to the next prompt
//                painted (same observer), over 200 steps through that call: Ctrl+Enter (next) to
//                the wrap-up, Alt+B (back) to the start, and so on, pressed through Chromium's real
//                input pipeline at random moments.
// Chromium runs with --disable-gpu-vsync --disable-frame-rate-limit so that a frame is produced as
// soon as it is ready: the wait for a display's next refresh (up to 16.7 ms at 60 Hz) is the
// screen's, not ours. Prints one JSON line. To see where the time goes: CALL_COACH_BENCH_TRACE=<file>
// writes a Chromium trace of the steps, CALL_COACH_BENCH_CPUPROFILE=<file> a CPU profile of them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildCatalog } from '../../src/core/bank/catalog';
import { catalogMessage } from '../../src/catalogMessage';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup } from '../../src/core/session/model';
import { startCall } from '../../src/core/session/reducer';
import { shellHtml } from '../../src/host/csp';
import { uiStringIds } from '../../src/uiStrings';

const [dist, repo = process.cwd()] = process.argv.slice(2);
if (!dist) throw new Error('usage: webview.js <folder with the production dist/> [repo]');
const CHROMIUM = process.env.CALL_COACH_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'http://sidebar.bench';
// Loads split into fast (50–80 ms) and slow (110–200 ms) ones on 2 cores, whatever the page does;
// enough of them keep the median from swinging with a couple of draws.
const FIRST_PAINT_RUNS = 21;
const STEPS = 200;

const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));

/** The catalog message as SidebarProvider.postCatalog sends it. */
const catalogMessageToSend = catalogMessage(catalog);

const suggestions = {
  objective: ['Release weekly instead of monthly', 'Cut pipeline time in half', 'Retire Jenkins by the end of the year'],
  topic: ['Runner autoscaling during peak hours', 'SOC 2 evidence collection', 'Merge request review times', 'DORA dashboard for the board'],
};

/** A call message as the host posts it: the setup's banks, the state, the customer's suggestions. */
function callMessage(setup: CallSetup) {
  const state = startCall('bench-call', setup, bankMap, Date.now() - 5 * 60_000);
  const used = new Set(setup.techniques);
  const banks = callBanks.filter((b) => used.has(b.id) || (b.kind === 'stage' && b.stage && (setup.stages as string[]).includes(b.stage)) || b.valueDrivers);
  return { type: 'call', state, banks, suggestions };
}

const discovery = catalog.playbooks.find((p) => p.id.includes('discovery')) ?? catalog.playbooks[0];
const realisticCall = callMessage({
  customer: 'Acme Corp',
  title: 'Discovery',
  callType: 'Discovery',
  date: '2026-11-24',
  attendees: ['Dana Reyes (VP Eng)', 'Sam Ito'],
  techniques: discovery?.techniques ?? ['ted', 'day-in-the-life', 'five-whys'],
  stages: (discovery?.stages ?? []) as CallSetup['stages'],
  focus: [],
});
const nonce = 'bench-nonce-0123456789';
const html = shellHtml(ORIGIN, nonce, { codiconCss: `${ORIGIN}/codicon.css`, sidebarCss: `${ORIGIN}/sidebar.css`, script: `${ORIGIN}/webview.js` }, { language: 'en', loading: 'loading' });
/** The host's first message after ready: the sidebar's strings (each its own id here: the benchmark times painting, not words). */
const stringsMessage = { type: 'strings', language: 'en', strings: Object.fromEntries(uiStringIds.map((id) => [id, id])) };
const bundle = readFileSync(join(dist, 'webview.js'), 'utf8');
const files: Record<string, [string | Buffer, string]> = {
  '/': [html, 'text/html'],
  // The only change to the bundle: a mark as its very first statement.
  '/webview.js': [`performance.mark('callcoach:script-start');\n${bundle}`, 'text/javascript'],
  '/sidebar.css': [readFileSync(join(repo, 'media', 'sidebar.css')), 'text/css'],
  '/codicon.css': [readFileSync(join(dist, 'codicons', 'codicon.css')), 'text/css'],
  '/codicon.ttf': [readFileSync(join(dist, 'codicons', 'codicon.ttf')), 'font/ttf'],
};

/** Runs in the page before any of its scripts: the host stub and the paint observer. */
function instrument(messages: unknown[]): void {
  const w = window as unknown as Record<string, unknown>;
  const steps: { ms: number; prompt: boolean; js: number; raf: number }[] = [];
  w.__steps = steps;
  // Resolves once more than n steps are recorded (false after the timeout): no polling in the page.
  const waiters: (() => void)[] = [];
  w.__stepAfter = (n: number, timeout: number) =>
    new Promise<boolean>((resolve) => {
      if (steps.length > n) return resolve(true);
      const timer = setTimeout(() => resolve(false), timeout);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  const record = (step: { ms: number; prompt: boolean; js: number; raf: number }) => {
    steps.push(step);
    waiters.splice(0).forEach((wake) => wake());
  };
  w.acquireVsCodeApi = () => ({
    postMessage: (m: { type?: string }) => {
      if (m?.type !== 'ready') return;
      w.__ready = performance.now(); // the bundle has run to its end
      for (const msg of messages) window.postMessage(msg, '*');
    },
    getState: () => undefined,
    setState: () => undefined,
  });
  const promptKey = () => `${document.querySelector('.progress')?.textContent ?? ''}|${document.querySelector('.question')?.textContent ?? ''}`;
  /** After the frame that shows the current DOM has been produced (and when that frame began). */
  const afterPaint = (done: (t: number, frame: number) => void) =>
    requestAnimationFrame((frame) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now(), frame);
      channel.port2.postMessage(0);
    });
  let pending: { t0: number; key: string } | undefined;
  document.addEventListener(
    'keydown',
    () => {
      pending = { t0: performance.now(), key: promptKey() };
    },
    true,
  );
  let firstSeen = false;
  new MutationObserver(() => {
    if (!firstSeen && document.querySelector('.question')?.textContent) {
      firstSeen = true;
      afterPaint((t) => (w.__firstPaint = t));
    }
    if (!pending) return;
    const key = promptKey();
    if (key === pending.key) return;
    const { t0 } = pending;
    pending = undefined;
    const prompt = !!document.querySelector('.question');
    // The app's keydown handler is still running here (it changed the DOM): this is its own time so far.
    const js = performance.now() - t0;
    afterPaint((t, frame) => record({ ms: t - t0, prompt, js, raf: frame - t0 }));
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function openPage(browser: Browser, messages: unknown[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(instrument, messages);
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ contentType: file[1], body: file[0] }) : route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => typeof (window as unknown as { __firstPaint?: number }).__firstPaint === 'number', undefined, { timeout: 30_000 });
  if (errors.length) throw new Error(`the webview threw: ${errors.join('; ')}`);
  return page;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    // Warm-up load (browser start-up, font cache), not counted.
    await (await openPage(browser, [stringsMessage, catalogMessageToSend, realisticCall])).context().close();
    const firstPaints: number[] = [];
    const readies: number[] = [];
    for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
      const page = await openPage(browser, [stringsMessage, catalogMessageToSend, realisticCall]);
      const t = await page.evaluate(() => {
        const w = window as unknown as { __firstPaint: number; __ready: number };
        const start = performance.getEntriesByName('callcoach:script-start')[0]!.startTime;
        return { paint: w.__firstPaint - start, ready: w.__ready - start };
      });
      firstPaints.push(t.paint);
      readies.push(t.ready);
      await page.context().close();
    }

    const page = await openPage(browser, [stringsMessage, catalogMessageToSend, realisticCall]);
    if (process.env.CALL_COACH_BENCH_TRACE) await browser.startTracing(page, { path: process.env.CALL_COACH_BENCH_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'v8'] });
    const cdp = process.env.CALL_COACH_BENCH_CPUPROFILE ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const count = () => page.evaluate(() => (window as unknown as { __steps: unknown[] }).__steps.length);
    let forward = true;
    let recorded = 0;
    let stuck = 0;
    let prompts = 0;
    while (prompts < STEPS) {
      // The wrap-up screen has no question; Ctrl+Enter there would finish the call.
      if (forward && !(await page.locator('.question').count())) forward = false;
      await page.waitForTimeout(Math.floor(Math.random() * 20));
      await page.keyboard.press(forward ? 'Control+Enter' : 'Alt+KeyB');
      const moved = await page.evaluate((n) => (window as unknown as { __stepAfter(n: number, timeout: number): Promise<boolean> }).__stepAfter(n, 2_000), recorded);
      if (moved) {
        recorded = await count();
        prompts = await page.evaluate(() => (window as unknown as { __steps: { prompt: boolean }[] }).__steps.filter((s) => s.prompt).length);
        stuck = 0;
      } else {
        forward = !forward; // at the first prompt (or the last): turn round
        if (++stuck > 3) throw new Error('the sidebar stopped moving between prompts');
      }
    }
    const all = (await page.evaluate(() => (window as unknown as { __steps: { ms: number; prompt: boolean; js: number; raf: number }[] }).__steps)).filter((s) => s.prompt).slice(0, STEPS);
    const steps = all.map((s) => s.ms);
    if (process.env.CALL_COACH_BENCH_TRACE) await browser.stopTracing();
    if (cdp) writeFileSync(process.env.CALL_COACH_BENCH_CPUPROFILE!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const version = browser.version();
    console.log(
      JSON.stringify({
        first_paint_ms: median(firstPaints),
        first_paint_runs: firstPaints,
        first_paint_ready_ms: median(readies),
        step_latency_ms: quantile(steps, 0.95),
        step_latency_median_ms: median(steps),
        step_latency_max_ms: Math.max(...steps),
        step_handler_median_ms: median(all.map((s) => s.js)),
        step_frame_start_median_ms: median(all.map((s) => s.raf)),
        steps: steps.length,
        call_prompts: realisticCall.state.parts.reduce((n, p) => n + p.items.length, 0),
        chromium: version,
        webview_js_bytes: Buffer.byteLength(bundle),
      }),
    );
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
