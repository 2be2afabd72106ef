// The call's shortcut table (src/shortcuts.ts): defaults that never eat a typed character on each
// platform, and the labels the sidebar shows. (VS Code resolves the keys; the webview suite
// presses them through package.json's keybindings.)
import { strict as assert } from 'node:assert';
import { ariaKey, defaultKey, keyLabel, SHORTCUTS } from '../../src/shortcuts';

const mods = (key: string) => key.split('+').slice(0, -1);

describe('call shortcuts', () => {
  it('Windows and Linux: Alt+letter or Ctrl+(Shift+)Enter, never a plain or Shift-only key', () => {
    for (const s of SHORTCUTS) {
      assert.ok(mods(s.key).some((m) => m === 'alt' || m === 'ctrl'), `${s.key} types a character`);
      assert.match(s.key, /^(alt\+[a-z]|ctrl\+(shift\+)?enter)$/);
    }
  });

  it("Windows and Linux: no Alt+letter default is a letter of VS Code's menu bar or one the browser keeps", () => {
    // A key forwarded by the webview cannot be cancelled: on a menu's letter the command runs and
    // the menu opens and takes the focus (test/host/keys.mjs checks the real menu bar's letters).
    // File, Edit, Selection, View, Go, Run, Terminal, Help; Chrome's address bar (D) and menu (E, F).
    const taken = new Set(['f', 'e', 's', 'v', 'g', 'r', 't', 'h', 'd']);
    for (const s of SHORTCUTS) {
      const letter = /^alt\+([a-z])$/.exec(s.key)?.[1];
      assert.ok(!letter || !taken.has(letter), `${s.title}: ${s.key} also opens a menu`);
    }
  });

  it('macOS: Option+letter types a character (Option+O is "ø"), so every default holds Command', () => {
    for (const s of SHORTCUTS) assert.ok(mods(s.mac).includes('cmd'), `${s.mac} would eat a typed character`);
    assert.equal(defaultKey('objective', 'mac'), 'alt+cmd+o');
    assert.equal(defaultKey('next', 'mac'), 'cmd+enter');
  });

  it('labels keys as VS Code does, and for aria-keyshortcuts', () => {
    assert.equal(keyLabel(defaultKey('skip', 'other'), 'other'), 'Alt+K');
    assert.equal(keyLabel(defaultKey('skip', 'mac'), 'mac'), '⌥⌘K');
    assert.equal(keyLabel(defaultKey('next', 'other'), 'other'), 'Ctrl+Enter');
    assert.equal(keyLabel(defaultKey('next', 'mac'), 'mac'), '⌘Enter');
    assert.equal(ariaKey(defaultKey('skip', 'mac')), 'Alt+Meta+K');
    assert.equal(ariaKey(defaultKey('next', 'other')), 'Control+Enter');
  });
});
