// The call's keyboard shortcuts, one table for three readers: package.json's contributed
// keybindings and commands (the package suite checks they match this table), the host commands
// that pass a shortcut to the sidebar, and the sidebar, which handles its platform's default keys
// itself at once (no round trip through the extension host) and shows them in its hints.
//
// Keys a user adds in Keyboard Shortcuts reach the view through the commands. The defaults never
// eat a typed character: on macOS Option+letter types one (Option+O is "ø"), so the defaults
// there are Option+Command+letter, which types nothing; elsewhere Alt+letter types nothing.
import type { AnswerTag } from './core/note/model';
import { CommandId } from './ids';

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
  { action: 'skip', command: CommandId.skipPrompt, title: 'Skip Prompt', key: 'alt+s', mac: 'alt+cmd+s' },
  { action: 'techniques', command: CommandId.toggleTechniqueList, title: 'Show or Hide the Technique List', key: 'alt+t', mac: 'alt+cmd+t' },
  { action: 'objective', command: CommandId.tagObjective, title: 'Tag Answer as Objective', key: 'alt+o', mac: 'alt+cmd+o' },
  { action: 'pain-point', command: CommandId.tagPainPoint, title: 'Tag Answer as Pain Point', key: 'alt+p', mac: 'alt+cmd+p' },
  { action: 'metric', command: CommandId.tagMetric, title: 'Tag Answer as Metric', key: 'alt+m', mac: 'alt+cmd+m' },
  { action: 'action-item', command: CommandId.tagActionItem, title: 'Tag Answer as Action Item', key: 'alt+a', mac: 'alt+cmd+a' },
  { action: 'follow-up', command: CommandId.tagFollowUp, title: 'Tag Answer as Follow-up', key: 'alt+f', mac: 'alt+cmd+f' },
  { action: 'tedAnother', command: CommandId.askAnotherTedQuestion, title: 'TED: Ask Another TED Question', key: 'alt+n', mac: 'alt+cmd+n' },
  { action: 'ladderReached', command: CommandId.strategicObjectiveReached, title: 'Five Whys: Strategic Objective Reached', key: 'alt+r', mac: 'alt+cmd+r' },
];

/** Where the contributed keybindings apply: the sidebar has focus and a call is running. */
export const SHORTCUT_WHEN = 'focusedView == callCoach.sidebar && callCoach.callActive';

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

interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** Whether a key event is exactly `key` (all modifiers as written, no others). */
export function matchesKey(e: KeyLike, key: string): boolean {
  const parts = key.split('+');
  const base = parts[parts.length - 1]!;
  const mods = new Set(parts.slice(0, -1));
  if (e.ctrlKey !== mods.has('ctrl') || e.altKey !== mods.has('alt') || e.shiftKey !== mods.has('shift') || e.metaKey !== mods.has('cmd')) return false;
  // Letters by physical key: with Alt or Option held, e.key is whatever character the layout makes.
  if (base === 'enter') return e.key === 'Enter';
  return e.code === `Key${base.toUpperCase()}`;
}

/** The shortcut a key event is on `platform`, if any. */
export function shortcutFor(e: KeyLike, platform: Platform): ShortcutAction | undefined {
  return SHORTCUTS.find((s) => matchesKey(e, platform === 'mac' ? s.mac : s.key))?.action;
}
