// The call's shortcut table (src/shortcuts.ts): how key events match it on each platform, and the
// labels the sidebar shows.
import { strict as assert } from 'node:assert';
import { ariaKey, defaultKey, keyLabel, matchesKey, shortcutFor, SHORTCUTS } from '../../src/shortcuts';

const key = (code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {}, k = code.replace(/^Key/, '').toLowerCase()) => ({
  key: k,
  code,
  ctrlKey: !!mods.ctrl,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
  metaKey: !!mods.meta,
});

describe('call shortcuts', () => {
  it('Windows and Linux: Alt+letter and Ctrl+Enter, exactly', () => {
    assert.equal(shortcutFor(key('KeyS', { alt: true }), 'other'), 'skip');
    assert.equal(shortcutFor(key('KeyO', { alt: true }), 'other'), 'objective');
    assert.equal(shortcutFor(key('Enter', { ctrl: true }, 'Enter'), 'other'), 'next');
    assert.equal(shortcutFor(key('Enter', { ctrl: true, shift: true }, 'Enter'), 'other'), 'back');
    assert.equal(shortcutFor(key('KeyS', { alt: true, shift: true }), 'other'), undefined, 'extra modifiers do not match');
    assert.equal(shortcutFor(key('KeyS'), 'other'), undefined, 'a plain letter is typing');
  });

  it('macOS: Option+letter types a character and is never a shortcut; Option+Command+letter is', () => {
    for (const s of SHORTCUTS) {
      const letter = /\+([a-z])$/.exec(s.key)?.[1];
      if (!letter) continue;
      // Option+O arrives as key "ø", code "KeyO": it must reach the answer box.
      assert.equal(shortcutFor(key(`Key${letter.toUpperCase()}`, { alt: true }, 'ø'), 'mac'), undefined, `Option+${letter} is taken`);
      assert.equal(shortcutFor(key(`Key${letter.toUpperCase()}`, { alt: true, meta: true }, 'ø'), 'mac'), s.action);
    }
    assert.equal(shortcutFor(key('Enter', { meta: true }, 'Enter'), 'mac'), 'next');
    assert.ok(!matchesKey(key('Enter', { ctrl: true }, 'Enter'), defaultKey('next', 'mac')));
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
