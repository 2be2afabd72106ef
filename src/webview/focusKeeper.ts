// Keeps the keyboard's focus in the sidebar when the workbench takes it because of a key pressed
// in here. The call's keys are VS Code keybindings: the webview forwards each key to the workbench,
// as an event that cannot be cancelled. So when a call key is also a menu's Alt letter (in the
// user's display language, or a key the user bound; the defaults avoid VS Code's English letters,
// src/shortcuts.ts) the menu bar opens that menu as well as running the command, and the menu takes
// the focus: the CSM's next keystroke would go to the menu.
//
// Two repairs, both only in that case:
// - after a call key, if the view lost the focus right after an Alt key pressed in it, it asks the
//   host to focus it again (which closes the menu);
// - when the view gets the focus back and no element in it has it (Chromium took it from the field
//   when the menu took the window's), the element that had it gets it back, as an editor keeps its
//   cursor. After the focus event, so that a click that brought the focus gives it to what was
//   clicked, and without scrolling.

/** How soon after an Alt key a lost focus counts as taken by that key's menu. */
const MENU_WINDOW_MS = 2_000;

export interface FocusKeeper {
  /** Called when a call key's command has reached the view. */
  afterShortcut(): void;
}

export function keepFocus(options: { focusAnswer: () => void; reclaim: () => void }): FocusKeeper {
  let lastFocused: HTMLElement | undefined;
  let altKeyAt = -Infinity;
  let blurredAt = -Infinity;

  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement) lastFocused = event.target;
  });
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey) altKeyAt = performance.now();
    },
    true,
  );
  window.addEventListener('blur', () => {
    blurredAt = performance.now();
  });
  window.addEventListener('focus', () => window.setTimeout(restore, 0));

  function restore(): void {
    if (!document.hasFocus() || (document.activeElement && document.activeElement !== document.body)) return;
    if (lastFocused?.isConnected) lastFocused.focus({ preventScroll: true });
    else options.focusAnswer();
  }

  return {
    afterShortcut() {
      const takenByMenu = !document.hasFocus() && blurredAt >= altKeyAt && blurredAt - altKeyAt < MENU_WINDOW_MS;
      if (takenByMenu) options.reclaim();
    },
  };
}
