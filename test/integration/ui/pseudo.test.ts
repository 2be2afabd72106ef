// The pseudo-locale test: no user-facing string is hard-coded, in the host or the sidebar. The
// extension is laid out as its package is, with pseudo-localized strings made by @vscode/l10n-dev
// (l10n/bundle.l10n.qps-ploc.json and package.nls.qps-ploc.json: every letter accented, as VS
// Code's Pseudo Language pack shows it), installed into the real workbench with its display
// language set to qps-ploc, and driven as a user does: the start form, a call's steps (TED with its
// panels, a stage's scorecard, the Five Whys ladder), the technique list, the wrap-up and Finish;
// then a palette command's picker and the Customers view. Every text the sidebar shows (and its
// aria-labels, titles and placeholders) must be pseudo-localized, apart from what the banks, the
// CSM or the keyboard wrote: a plain ASCII letter left is an English string nobody translated.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import type { Frame, Page } from 'playwright-core';
import { parse } from 'yaml';
import { openWorkbench, REPO, closeAfterwards, stepBy, type Workbench } from './workbench';

const LANGUAGE = 'qps-ploc';
const CUSTOMER = 'Acme Corp';
const ANSWER = 'Weekly release train';

/** One English string as the pseudo bundle has it. */
const pseudo = (english: string): string => getL10nPseudoLocalized({ s: english }).s as string;

/** The extension as `vsce package` lays it out, plus the pseudo-localized bundles. */
function pseudoExtension(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'call-coach-pseudo-')), 'extension');
  mkdirSync(dir);
  for (const f of ['package.json', 'package.nls.json']) cpSync(join(REPO, f), join(dir, f));
  for (const d of ['dist', 'media', 'questions', 'l10n']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  const localize = (from: string, to: string) => writeFileSync(join(dir, to), JSON.stringify(getL10nPseudoLocalized(JSON.parse(readFileSync(join(REPO, from), 'utf8'))), null, 2));
  localize('l10n/bundle.l10n.json', `l10n/bundle.l10n.${LANGUAGE}.json`);
  localize('package.nls.json', `package.nls.${LANGUAGE}.json`);
  return dir;
}

/** Every string in the built-in banks (content, not UI), split at their {placeholders}; longest first. */
function bankText(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const piece of v.split(/\{[a-z_]+\}/)) if (piece.trim().length > 1) out.add(piece.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(join(REPO, 'questions')).filter((n) => n.endsWith('.yaml'))) walk(parse(readFileSync(join(REPO, 'questions', f), 'utf8')));
  return [...out].sort((a, b) => b.length - a.length);
}

/** Visible texts and the aria-labels, titles and placeholders of visible elements, in a frame or the page. */
async function shownText(frame: Frame | Page, root = 'body'): Promise<string[]> {
  return frame.evaluate((selector) => {
    const texts: string[] = [];
    const scope = document.querySelector(selector);
    if (!scope) return texts;
    const visible = (el: Element) => !!(el as HTMLElement).getClientRects?.().length && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // Keys are the keyboard's names (VS Code writes them so in every language).
      if (!parent || parent.closest('kbd, script, style, option:not(:checked), datalist') || !visible(parent)) continue;
      if (n.textContent?.trim()) texts.push(n.textContent.trim());
    }
    for (const el of scope.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!visible(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value?.trim()) texts.push(value.trim());
      }
    }
    return texts;
  }, root);
}

describe('the pseudo locale: every string the user reads comes from the l10n bundles', function () {
  this.timeout(300_000);
  let wb: Workbench;
  let extension: string;
  const bank = bankText();

  /** The texts that still have a plain ASCII letter once bank content, what the CSM typed and key names are taken out. */
  function english(texts: readonly string[], data: readonly string[] = []): string[] {
    return texts.filter((text) => {
      let rest = text.replace(/\S+\/\S+\.md\b/g, ' '); // a file path, first: bank words may be in it
      for (const s of [...data, ...bank]) rest = rest.split(s).join(' ');
      rest = rest
        .replace(/\b(Ctrl|Alt|Shift|Cmd|Meta|Control|Enter|Arrow(Up|Down)|Up|Down)\b/g, ' ') // key names
        .replace(/\b[A-Z]\b/g, ' ') // a key's letter: Alt+L
        .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
        // Dates are Intl's in the display language; a pseudo locale has no calendar of its own, so
        // Intl falls back to the runtime's (English) month names.
        .replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g, ' ');
      return /[A-Za-z]/.test(rest);
    });
  }

  async function sidebarCheck(frame: Frame, state: string, data: readonly string[] = []): Promise<void> {
    const texts = await shownText(frame);
    assert.ok(texts.length > 5, `${state}: the sidebar shows text`);
    assert.deepEqual(english(texts, [CUSTOMER, ANSWER, ...data]), [], `${state}: English left in the sidebar`);
  }

  before(async () => {
    extension = pseudoExtension();
    wb = await openWorkbench({
      extensionDir: extension,
      language: LANGUAGE,
      activityLabel: pseudo('Call Coach'),
      settings: { 'callCoach.openNoteAfterFinish': 'none', 'callCoach.commitAfterFinish': 'never' },
    });
  });
  closeAfterwards(() => wb);
  after(() => rmSync(join(extension, '..'), { recursive: true, force: true }));

  it('the sidebar: start form, TED with its panels, a scorecard, the ladder, the technique list, the wrap-up and the saved notice', async () => {
    const { page } = wb;
    let frame = await wb.sidebar(pseudo('Playbook')); // (the heading is upper-cased by CSS)
    await sidebarCheck(frame, 'start form');
    await frame.locator('#f-customer').focus();
    await page.keyboard.type(CUSTOMER);
    await frame.locator('#f-type').selectOption('other');
    for (const id of ['ted', 'stage-adoption', 'five-whys']) await frame.locator(`input[data-technique="${id}"]`).check();
    await frame.locator('input[data-stage="verify"]').check();
    await sidebarCheck(frame, 'start form, filled in');
    await frame.locator('button[type=submit]').click();

    frame = await wb.sidebar(pseudo('Technique {0} of {1} · {2}').split('{0}')[0]!);
    await frame.locator('#answer').focus();
    await page.keyboard.type(ANSWER);
    for (const panel of ['.panel.metrics', '.panel.health-panel']) await frame.locator(panel).evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await frame.locator('.panel.health-panel button.secondary').last().click();
    await frame.locator('.tags button').first().click();
    await sidebarCheck(frame, 'TED step');
    await wb.shootSidebar(join(REPO, 'test-results', 'pseudo-locale-sidebar.png'));
    await frame.locator('details.technique-nav').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await sidebarCheck(frame, 'technique list');
    await frame.locator('details.technique-nav').evaluate((d) => ((d as HTMLDetailsElement).open = false));

    const step = async (until: string) => {
      for (let i = 0; i < 40 && !(await frame.locator(until).count()); i++) {
        await frame.locator('#answer').focus();
        await stepBy(frame, page, 'Control+Enter');
      }
      assert.ok(await frame.locator(until).count(), `reached ${until}`);
    };
    await step('.scorecard[data-stage="verify"]');
    await frame.locator('.scorecard').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await sidebarCheck(frame, 'Verify scorecard');
    await step('.ladder');
    await sidebarCheck(frame, 'Five Whys ladder');
    await step('.wrap-up');
    await sidebarCheck(frame, 'wrap-up');

    await page.keyboard.press('Control+Enter'); // Finish and write note
    const saved = pseudo('Saved {0}').split('{0}')[0]!.trim();
    frame = await wb.sidebar(saved);
    await sidebarCheck(frame, 'start form after Finish');

    // The same customer again: what their calls have not covered yet, each gap worded by the host.
    await frame.locator('#f-customer').focus();
    await page.keyboard.type(CUSTOMER);
    await frame.locator('details.gaps:not([hidden])').waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('details.gaps').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await sidebarCheck(frame, 'coverage gaps');
  });

  it('the host: a palette command and its picker, and the Customers view', async () => {
    const { page } = wb;
    await wb.palette(pseudo('Update Success Plan'));
    // (The palette itself is VS Code's: English, as no VS Code language pack is installed.)
    const input = page.locator('.quick-input-widget');
    await input.locator('.quick-input-title', { hasText: pseudo('Call Coach: Update Success Plan') }).waitFor({ state: 'visible', timeout: 30_000 });
    await input.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
    const picker = await input.evaluate((el) => [el.querySelector('.quick-input-title')?.textContent ?? '', (el.querySelector('input') as HTMLInputElement | null)?.placeholder ?? '']);
    assert.deepEqual(english(picker.filter(Boolean)), [], `the picker: ${JSON.stringify(picker)}`);
    assert.ok(picker.includes(pseudo('Which customer?')), `the picker asks in the pseudo locale: ${JSON.stringify(picker)}`);
    const row = await input.locator('.quick-input-list .monaco-list-row').first().innerText();
    assert.deepEqual(english([row], [CUSTOMER]), [], `the picker's row: ${row}`);
    await page.keyboard.press('Escape');

    const customers = page.locator('.pane', { has: page.locator('.pane-header', { hasText: pseudo('Customers') }) });
    await customers.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    const tree = await customers.evaluate((el) => [...el.querySelectorAll('.pane-header .description, .monaco-list-row')].map((r) => (r as HTMLElement).innerText.trim()));
    assert.deepEqual(english(tree, [CUSTOMER]), [], `the Customers view: ${JSON.stringify(tree)}`);
  });
});
