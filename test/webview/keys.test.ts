// The call's keys in the real sidebar bundle, pressed through package.json's keybindings as VS Code
// resolves them (the harness stands in for the workbench): on macOS Option+letter types a
// character into the answer (Option+O is "ø") and the defaults are Option+Command+letter; the
// hints name the keys of the platform; a key the user bound in VS Code arrives as the host's
// `shortcut` message; the view reports its focus, which the keybindings' `when` needs.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { toCallBank } from '../../src/core/session/fromBank';
import type { CallSetup } from '../../src/core/session/model';
import { startCall } from '../../src/core/session/reducer';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const repo = join(__dirname, '..', '..', '..');
const questions = join(repo, 'questions');
const catalog = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') })));
const callBanks = catalog.banks.map(toCallBank);
const bankMap = new Map(callBanks.map((b) => [b.id, b]));
const setup: CallSetup = { customer: 'Acme Corp', title: 'Discovery', callType: 'Discovery', date: '2026-11-24', attendees: [], techniques: ['day-in-the-life', 'five-whys'], stages: [], focus: [] };
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Code/1.139.1 Chrome/138.0.0.0 Electron/37.0.0 Safari/537.36';

async function openCall(userAgent?: string): Promise<Sidebar> {
  const sidebar = await openSidebar(undefined, userAgent ? { userAgent } : {});
  await sidebar.send({ type: 'catalog', techniques: [], playbooks: [], status: { loaded: callBanks.length, skipped: [] } });
  await sidebar.send({ type: 'call', state: startCall('k', setup, bankMap, Date.now()), banks: callBanks, suggestions: { objective: [], topic: [] } });
  await sidebar.page.waitForSelector('#answer');
  return sidebar;
}

const progress = (s: Sidebar) => s.page.locator('.progress').innerText();
const pressed = (s: Sidebar) => s.page.locator('.tag[aria-pressed="true"]').allTextContents();

describe('sidebar webview: keys per platform', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('macOS: Option+O types "ø" into the answer and tags nothing; Option+Command+O tags; hints say ⌥⌘', async () => {
    sidebar = await openCall(MAC);
    const { page } = sidebar;
    await page.evaluate(() => window.addEventListener('keydown', (e) => ((window as unknown as { __lastKey: KeyboardEvent }).__lastKey = e), true));
    await page.keyboard.type('Sm');
    // Option+O on a Mac: a keydown with altKey and code KeyO, then the character it makes.
    await page.keyboard.press('Alt+KeyO');
    assert.equal(await page.evaluate(() => (window as unknown as { __lastKey: KeyboardEvent }).__lastKey.defaultPrevented), false, 'the view swallowed Option+O');
    await page.keyboard.insertText('ø');
    await page.keyboard.type('rebrød');
    assert.equal(await page.locator('#answer').inputValue(), 'Smørebrød');
    assert.deepEqual(await pressed(sidebar), []);
    await page.keyboard.press('Alt+Meta+KeyO');
    assert.deepEqual(await pressed(sidebar), [' Objective']);
    await page.keyboard.press('Alt+KeyK');
    assert.match(await progress(sidebar), /Prompt 1 of/, 'Option+S did not skip');
    await page.keyboard.press('Alt+Meta+KeyK');
    assert.match(await progress(sidebar), /Prompt 2 of/);
    assert.match(await page.locator('.keys').innerText(), /⌘Enter next · ⌥⌘B back · ⌥⌘K skip · ⌥⌘L techniques/);
    assert.equal(await page.locator('.tag').first().getAttribute('aria-keyshortcuts'), 'Alt+Meta+O');
  });

  it('Windows and Linux: Alt+letter and Ctrl+Enter, named so in the hints', async () => {
    sidebar = await openCall();
    const { page } = sidebar;
    assert.match(await page.locator('.keys').innerText(), /Ctrl\+Enter next · Alt\+B back · Alt\+K skip · Alt\+L techniques/);
    await page.keyboard.press('Alt+KeyK');
    assert.match(await progress(sidebar), /Prompt 2 of/);
  });

  it('a key bound in Keyboard Shortcuts arrives as the host\'s shortcut message and acts like the default', async () => {
    sidebar = await openCall();
    const { page } = sidebar;
    await page.keyboard.type('Release train');
    await sidebar.send({ type: 'shortcut', action: 'objective' });
    assert.deepEqual(await pressed(sidebar), [' Objective']);
    await sidebar.send({ type: 'shortcut', action: 'next' });
    assert.match(await progress(sidebar), /Prompt 2 of/);
    await sidebar.send({ type: 'shortcut', action: 'back' });
    assert.match(await progress(sidebar), /Prompt 1 of/);
    assert.equal(await page.locator('#answer').inputValue(), 'Release train');
    const actions = (await sidebar.posted()).filter((m) => m.type === 'callAction').map((m) => (m.action as { type: string }).type);
    assert.deepEqual(actions.filter((a) => a !== 'answer'), ['toggleTag', 'next', 'back']);
  });

  it('handles no call key itself (a default the user removes in VS Code no longer acts) and reports its focus', async () => {
    sidebar = await openCall();
    const { page } = sidebar;
    // The same keys, with the workbench's keybinding service (on window) out of the way: every
    // handler of the page still sees them, and nothing happens.
    await page.evaluate(() => document.addEventListener('keydown', (e) => e.stopPropagation()));
    await page.keyboard.press('Alt+KeyK');
    await page.keyboard.press('Control+Enter');
    assert.match(await progress(sidebar), /Prompt 1 of/);
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('blur')));
    await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
    assert.deepEqual((await sidebar.focusReports()).slice(-2), [false, true]);
  });

  it('the hints link to Keyboard Shortcuts, where the user\'s own keys are', async () => {
    sidebar = await openCall();
    await sidebar.page.getByRole('button', { name: 'Change keys' }).click();
    assert.deepEqual((await sidebar.posted()).filter((m) => m.type === 'runCommand'), [{ type: 'runCommand', command: 'keyboardShortcuts' }]);
  });
});
