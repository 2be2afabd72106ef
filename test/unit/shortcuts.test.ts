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

  it('macOS: Option+letter types a character (Option+O is "ø"), so every default holds Command', () => {
    for (const s of SHORTCUTS) assert.ok(mods(s.mac).includes('cmd'), `${s.mac} would eat a typed character`);
    assert.equal(defaultKey('objective', 'mac'), 'alt+cmd+o');
    assert.equal(defaultKey('next', 'mac'), 'cmd+enter');
  });

  it('labels keys as VS Code does, and for aria-keyshortcuts', () => {
    assert.equal(keyLabel(defaultKey('skip', 'other'), 'other'), 'Alt+S');
    assert.equal(keyLabel(defaultKey('skip', 'mac'), 'mac'), '⌥⌘S');
    assert.equal(keyLabel(defaultKey('next', 'other'), 'other'), 'Ctrl+Enter');
    assert.equal(keyLabel(defaultKey('next', 'mac'), 'mac'), '⌘Enter');
    assert.equal(ariaKey(defaultKey('skip', 'mac')), 'Alt+Meta+S');
    assert.equal(ariaKey(defaultKey('next', 'other')), 'Control+Enter');
  });
});
