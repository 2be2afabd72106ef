#!/usr/bin/env node
// Opens the workbench with Call Coach (as `npm start` does, in headless Chromium at 1400x900),
// clicks the Call Coach activity-bar item, waits for the sidebar webview to show content and
// writes a PNG.   node test/host/screenshot.mjs [out.png]   (default test-results/sidebar.png)
// Builds first unless --no-build. Exit code 1 if the sidebar never showed content.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ensureHost, REPO_ROOT } from './install-host.mjs';
import { copySampleWorkspace, findWebviewText, launchBrowser, linkExtension, makeScratch, openActivity, removeScratch, startServer, workbenchUrl } from './server.mjs';

const argv = process.argv.slice(2);
const out = resolve(argv.find((a) => !a.startsWith('--')) ?? join(REPO_ROOT, 'test-results', 'sidebar.png'));
const say = (m) => console.log(`[screenshot] ${m}`);

async function main() {
  if (!argv.includes('--no-build')) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
  const paths = ensureHost({ quiet: true });
  const scratch = makeScratch();
  const workspace = copySampleWorkspace(scratch.root);
  linkExtension(scratch, REPO_ROOT);
  const server = startServer({ paths, scratch });
  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    server.stop();
    removeScratch(scratch);
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const { baseUrl } = await server.ready;
    const launched = await launchBrowser({ chromium: paths.chromium });
    browser = launched.browser;
    const { page } = launched;
    await page.goto(workbenchUrl({ baseUrl, folder: workspace }), { waitUntil: 'domcontentloaded' });
    await openActivity(page, 'Call Coach');
    // Wait for content that has settled: not the loading placeholder, unchanged for a second.
    const deadline = Date.now() + 60_000;
    let found;
    let stableSince = 0;
    let lastText = '';
    while (Date.now() < deadline) {
      found = await findWebviewText(page);
      const text = found?.text.trim() ?? '';
      if (text && text !== lastText) stableSince = Date.now();
      lastText = text;
      if (text && !/^Loading\b/i.test(text) && Date.now() - stableSince >= 1000) break;
      await page.waitForTimeout(250);
    }
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    if (!found || /^Loading\b/i.test(lastText)) {
      say(`the Call Coach sidebar showed no content within 60 s; screenshot of what was there: ${out}`);
      process.exitCode = 1;
    } else {
      say(`sidebar shows: ${lastText.replace(/\s+/g, ' ').slice(0, 160)}...`);
      say(`wrote ${out}`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  console.error(`[screenshot] ERROR: ${err?.stack ?? err}`);
  process.exit(1);
});
