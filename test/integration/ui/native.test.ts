// Call Coach in VS Code's own places (issue 15), as a user meets them in the real workbench (see
// workbench.ts): the Get Started walkthrough opened from the palette, each step's image shown when
// the step is picked, and the usage step's button, whose command ticks the step (its completion
// event); then Keyboard Shortcuts filtered to "Call Coach", listing every default of
// src/shortcuts.ts with its key and `when`.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ContextKey } from '../../../src/ids';
import { keyLabel, SHORTCUTS } from '../../../src/shortcuts';
import { closeAfterwards, openWorkbench, REPO, type Workbench } from './workbench';

interface Step {
  id: string;
  title: string;
  media: { svg: string };
}

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: Step[] }[] } };
const nls = JSON.parse(readFileSync(join(REPO, 'package.nls.json'), 'utf8')) as Record<string, string>;
const STEPS = manifest.contributes.walkthroughs[0]!.steps.map((s) => ({ id: s.id, title: nls[s.title.slice(1, -1)] ?? s.title, svg: s.media.svg }));

/** The first text an SVG draws, as the browser reads it. */
function firstText(svg: string): string {
  const m = /<text[^>]*>([^<]+)<\/text>/.exec(readFileSync(join(REPO, svg), 'utf8'));
  assert.ok(m?.[1], `${svg} draws no text`);
  return m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Whether some webview frame (the walkthrough shows an SVG step's image in one) shows an SVG with `text`. */
async function svgShown(page: Page, text: string): Promise<boolean> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const found = await frame.evaluate((t) => [...document.querySelectorAll('svg')].some((s) => (s.textContent ?? '').includes(t)), text).catch(() => false);
    if (found) return true;
  }
  return false;
}

async function eventually(what: string, probe: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Call Coach in VS Code’s own places, in the real workbench', function () {
  this.timeout(300_000);
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  closeAfterwards(() => wb);

  it('Get Started walkthrough: its steps in order, each image shown; the usage step’s button runs Import Usage Data and ticks the step', async () => {
    const { page } = wb;
    await wb.sidebar('Customer'); // Call Coach is in
    await wb.palette('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Call Coach' }).first().click();
    const walkthrough = page.locator('.gettingStartedContainer');
    const titles = walkthrough.locator('button.getting-started-step h3.step-title');
    await titles.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual((await titles.allInnerTexts()).map((t) => t.trim()), STEPS.map((s) => s.title));
    assert.equal(STEPS.at(-1)?.id, 'importUsageData');

    const stepButton = (id: string) => walkthrough.locator(`button.getting-started-step[data-step-id$="${id}"]`).first();
    for (const step of STEPS) {
      await stepButton(step.id).click();
      const text = firstText(step.svg);
      await eventually(`${step.id}'s image (${step.svg}, "${text}")`, () => svgShown(page, text));
    }

    // The usage step is open (picked last); its button is the command link in its description.
    const usage = stepButton('importUsageData');
    assert.equal(await usage.getAttribute('aria-checked'), 'false');
    await usage.locator('.step-description-container').getByRole('button', { name: 'Import Usage Data' }).or(usage.locator('.step-description-container a', { hasText: 'Import Usage Data' })).first().click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: /Service Ping payloads/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Escape'); // the open dialog cancelled: the command ran, nothing imported
    await eventually('the usage step to be ticked', async () => (await usage.getAttribute('aria-checked')) === 'true');
  });

  it('Keyboard Shortcuts filtered to "Call Coach" lists every default shortcut with its key and when clause', async () => {
    const { page } = wb;
    // From the palette; its exact row, not "Open Default Keyboard Shortcuts (JSON)" above it.
    await wb.quickInput('F1');
    await page.keyboard.type('Preferences: Open Keyboard Shortcuts', { delay: 10 });
    await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^Preferences: Open Keyboard Shortcuts$/ }) }).first().click();
    await page.locator('.keybindings-editor .keybindings-header').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(500); // it opens with its search box focused
    await page.keyboard.type('Call Coach');
    const rows = page.locator('.keybindings-table-container .monaco-list-row');
    await rows.filter({ hasText: 'Tag Answer' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // Bound commands are listed first; the twelve defaults fit in the window.
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').replace(/ \+ /g, '+'));
    for (const s of SHORTCUTS) {
      const row = texts.find((t) => t.includes(`Call Coach: ${s.title}`) && t.includes(s.command) && t.includes(` ${keyLabel(s.key, 'other')} `));
      assert.ok(row, `no row for ${s.command} on ${keyLabel(s.key, 'other')} in:\n${texts.join('\n')}`);
      assert.ok(row.includes(ContextKey.sidebarFocus) && row.includes(ContextKey.callActive), `${s.command}: ${row}`);
    }
  });
});
