// The call's default keys on the platform this view runs on (the table is src/shortcuts.ts), for
// the keys its hints and aria-keyshortcuts name. VS Code picks a keybinding's `mac` variant by the
// OS of the window, which is the one this webview runs in. The keys themselves reach the view as
// the host's `shortcut` message (VS Code resolves them, with the user's own bindings).
import { ariaKey, defaultKey, keyLabel, type ShortcutAction } from '../shortcuts';

export const PLATFORM = /Mac|iPhone|iPad/.test(navigator.userAgent) ? 'mac' : 'other';

/** The key as the user reads it: "Alt+K", or "⌥⌘K" on macOS. */
export const keyOf = (action: ShortcutAction): string => keyLabel(defaultKey(action, PLATFORM), PLATFORM);

/** The key for aria-keyshortcuts. */
export const ariaOf = (action: ShortcutAction): string => ariaKey(defaultKey(action, PLATFORM));
