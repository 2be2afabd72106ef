// The call's keyboard shortcuts, one table for three readers: package.json's contributed
// keybindings and commands (the package suite checks they match this table), the host commands
// that pass a shortcut to the sidebar, and the sidebar, which names the defaults in its hints.
//
// Every key goes through VS Code's keybinding service: the webview forwards its key presses to the
// workbench, which runs the command bound to them (the user's own bindings, or these defaults),
// and the command passes the shortcut to the view. The view handles no key itself, so a default a
// user removes or moves in Keyboard Shortcuts no longer acts. The defaults never eat a typed
// character: on macOS Option+letter types one (Option+O is "ø"), so the defaults there are
// Option+Command+letter, which types nothing; elsewhere Alt+letter types nothing.
//
// Nor do the defaults open a menu. Alt+letter is also how VS Code's own menu bar opens a menu
// (File, Edit, Selection, View, Go, Run, Terminal, Help: Alt+F, E, S, V, G, R, T, H) in the
// browser and wherever the title bar is VS Code's, and a key the webview forwards cannot be
// cancelled, so a call key on one of those letters ran its command *and* opened the menu, which
// took the focus from the sidebar: the next key was lost (found by the typed-call ui test with
// Alt+R). Browsers keep Alt+D, E and F for themselves too. Hence Skip is Alt+K, the technique
// list Alt+L, Follow-up Alt+U and the Five Whys' "reached" Alt+Y (the "why" ladder). The menu
// letters of other display languages differ, so the sidebar takes its focus back when a call key
// opened a menu (webview/focusKeeper.ts). The keys suite (test/host/keys.mjs) reads the real menu
// bar's letters and checks none of these defaults is one of them.
import type { AnswerTag } from './core/note/model';
import { CommandId, ContextKey } from './ids';

export type ShortcutAction = 'next' | 'back' | 'skip' | 'techniques' | 'tedAnother' | 'ladderReached' | AnswerTag;

export interface Shortcut {
  action: ShortcutAction;
  command: CommandId;
  title: string;
  /** VS Code keybinding syntax, for Windows and Linux. */
  key: string;
  /** The same for macOS. */
  mac: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'next', command: CommandId.nextPrompt, title: 'Next Prompt (Finish on the Wrap-up)', key: 'ctrl+enter', mac: 'cmd+enter' },
  { action: 'back', command: CommandId.previousPrompt, title: 'Previous Prompt', key: 'alt+b', mac: 'alt+cmd+b' },
  { action: 'back', command: CommandId.previousPrompt, title: 'Previous Prompt', key: 'ctrl+shift+enter', mac: 'cmd+shift+enter' },
  { action: 'skip', command: CommandId.skipPrompt, title: 'Skip Prompt', key: 'alt+k', mac: 'alt+cmd+k' },
  { action: 'techniques', command: CommandId.toggleTechniqueList, title: 'Show or Hide the Technique List', key: 'alt+l', mac: 'alt+cmd+l' },
  { action: 'objective', command: CommandId.tagObjective, title: 'Tag Answer as Objective', key: 'alt+o', mac: 'alt+cmd+o' },
  { action: 'pain-point', command: CommandId.tagPainPoint, title: 'Tag Answer as Pain Point', key: 'alt+p', mac: 'alt+cmd+p' },
  { action: 'metric', command: CommandId.tagMetric, title: 'Tag Answer as Metric', key: 'alt+m', mac: 'alt+cmd+m' },
  { action: 'action-item', command: CommandId.tagActionItem, title: 'Tag Answer as Action Item', key: 'alt+a', mac: 'alt+cmd+a' },
  { action: 'follow-up', command: CommandId.tagFollowUp, title: 'Tag Answer as Follow-up', key: 'alt+u', mac: 'alt+cmd+u' },
  { action: 'tedAnother', command: CommandId.askAnotherTedQuestion, title: 'TED: Ask Another TED Question', key: 'alt+n', mac: 'alt+cmd+n' },
  { action: 'ladderReached', command: CommandId.strategicObjectiveReached, title: 'Five Whys: Strategic Objective Reached', key: 'alt+y', mac: 'alt+cmd+y' },
];

/**
 * Where the contributed keybindings apply: the sidebar has focus and a call is running. VS Code's
 * own `focusedView` is not set while focus is inside a webview view (checked in the real
 * workbench), so the sidebar reports its focus and the host sets a context key of its own.
 */
export const SHORTCUT_WHEN = `${ContextKey.sidebarFocus} && ${ContextKey.callActive}`;

type Platform = 'mac' | 'other';

/** The default key of `action` on `platform` (the first, when there are several). */
export function defaultKey(action: ShortcutAction, platform: Platform): string {
  const s = SHORTCUTS.find((x) => x.action === action);
  return s ? (platform === 'mac' ? s.mac : s.key) : '';
}

const MAC_SYMBOLS: Record<string, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘' };
const WORDS: Record<string, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', cmd: 'Cmd', enter: 'Enter' };

/** "alt+cmd+b" as VS Code labels it: "⌥⌘B" on macOS, "Alt+B" elsewhere. */
export function keyLabel(key: string, platform: Platform): string {
  const parts = key.split('+');
  const name = (p: string) => WORDS[p] ?? p.toUpperCase();
  if (platform === 'mac') return parts.map((p) => MAC_SYMBOLS[p] ?? name(p)).join('');
  return parts.map(name).join('+');
}

/** The same key in the aria-keyshortcuts syntax: "Alt+Meta+B", "Control+Enter". */
export function ariaKey(key: string): string {
  const aria: Record<string, string> = { ctrl: 'Control', alt: 'Alt', shift: 'Shift', cmd: 'Meta', enter: 'Enter' };
  return key
    .split('+')
    .map((p) => aria[p] ?? p.toUpperCase())
    .join('+');
}
