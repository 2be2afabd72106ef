// Sidebar entry point: take what the host says and show the right screen — the start form, the
// live call, or the technique list — keeping UI-only state in the webview's own state.
import { assertNever } from '../core/assertNever';
import type { HostMessage, PlaybookSummary, TechniqueSummary } from '../hostMessage';
import type { CallBank } from '../core/session/model';
import { CallView } from './callView';
import { renderCatalog } from './catalogView';
import { button, h, sync } from './dom';
import { readHostMessage } from './readHostMessage';
import { defaultDraft, renderStartForm, type StartForm } from './startForm';
import { vscode, type UiState } from './vscodeApi';
import { setStrings, t, tn } from './l10n';
import { keepFocus } from './focusKeeper';

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
const ui: UiState = vscode.getState() ?? { open: {}, scrollY: 0 };

let techniques: TechniqueSummary[] = [];
let playbooks: PlaybookSummary[] = [];
let skipped: string[] = [];
let idle: Extract<HostMessage, { type: 'idle' }> | undefined;
let call: CallView | undefined;
const focusKeeper = keepFocus({ focusAnswer: () => call?.focusAnswer(), reclaim: () => vscode.postMessage({ type: 'reclaimFocus' }) });
let startForm: StartForm | undefined;

function saveUi(): void {
  vscode.setState(ui);
}

function announce(text: string): void {
  // Clear first so the same text twice is still read out.
  status.textContent = '';
  window.setTimeout(() => (status.textContent = text), 10);
}

function skippedNotice(): HTMLElement | null {
  if (!skipped.length) return null;
  const showLog = button('link-button', () => vscode.postMessage({ type: 'runCommand', command: 'showLog' }), t('showLog'));
  return h('p', { class: 'notice', role: 'alert' }, `${tn(skipped.length, 'banksSkippedOne', 'banksSkipped')} `, showLog);
}

function catalogSection(): HTMLElement {
  const body = techniques.length
    ? renderCatalog(techniques, ui.open, (kind, isOpen) => {
        ui.open[kind] = isOpen;
        saveUi();
      })
    : h('p', { class: 'empty', text: t('noBanks') });
  return h('section', { class: 'browse', 'aria-label': t('techniquesHeading') }, h('h2', { class: 'view-title', text: t('techniquesHeading') }), body);
}

function renderIdle(): void {
  // Back from a call (or told where the note went): the top of the form, where "Saved …" is. Only
  // the same screen shown again, e.g. after the view was hidden, goes back to where it was.
  const fresh = !!call || !!idle?.notice;
  if (fresh) ui.scrollY = 0;
  call?.dispose();
  call = undefined;
  const parts: (HTMLElement | null)[] = [skippedNotice()];
  startForm = undefined;
  if (idle && techniques.length) {
    startForm = renderStartForm({
        techniques,
        playbooks,
        customers: idle.customers,
        today: idle.today,
        ...(idle.notice ? { notice: idle.notice } : {}),
        draft: ui.draft,
        onDraft: (draft) => {
          ui.draft = draft;
          saveUi();
        },
        onStart: (setup) => {
          vscode.postMessage({ type: 'startCall', setup });
          announce(t('startingCall', setup.customer));
        },
        onCustomer: (customer) => vscode.postMessage({ type: 'requestGaps', customer }),
      });
    parts.push(startForm.form);
  }
  parts.push(catalogSection());
  app.replaceChildren(...parts.filter((p): p is HTMLElement => !!p));
  app.setAttribute('aria-busy', 'false');
  window.scrollTo(0, ui.scrollY);
}

function renderCall(message: Extract<HostMessage, { type: 'call' }>): void {
  const ctx = { state: message.state, banks: new Map<string, CallBank>(message.banks.map((b) => [b.id, b])), suggestions: message.suggestions };
  if (call) {
    call.replace(ctx);
  } else {
    // A new call: the start form's draft is done with.
    delete ui.draft;
    saveUi();
    call = new CallView(ctx, {
      post: (action) => vscode.postMessage({ type: 'callAction', action }),
      finish: () => vscode.postMessage({ type: 'finishCall' }),
      discard: () => vscode.postMessage({ type: 'discardCall' }),
      announce,
      keyboardShortcuts: () => vscode.postMessage({ type: 'runCommand', command: 'keyboardShortcuts' }),
    });
  }
  // Moves nothing that is already in place: the host's copy of a running call repaints in place.
  sync(app, [skippedNotice(), call.root]);
  app.setAttribute('aria-busy', 'false');
  call.focusAnswer();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = readHostMessage(event.data);
  if (!message) return; // Not ours (or from a newer host): ignore rather than break the view.
  switch (message.type) {
    case 'strings':
      setStrings(message.language, message.strings);
      document.documentElement.lang = message.language;
      return;
    case 'catalog':
      techniques = message.techniques;
      playbooks = message.playbooks;
      skipped = message.status.skipped;
      // The host follows the catalog with the call or the start form: draw the start form only
      // once we know there is no call, so a resumed call paints at once, without a detour.
      if (!call && idle) renderIdle();
      announce(skipped.length ? t('banksLoadedSkipped', message.status.loaded, skipped.length) : tn(message.status.loaded, 'banksLoadedOne', 'banksLoaded'));
      return;
    case 'idle':
      idle = message;
      // Start Call from the Customers view: the form opens with that customer. Saved at once, as a
      // typed draft is: the host sends it only once, and the view may be made anew right after.
      if (message.customer) {
        ui.draft = { ...(ui.draft ?? defaultDraft(techniques, playbooks, message.today)), customer: message.customer };
        saveUi();
      }
      renderIdle();
      if (message.notice) announce(message.notice);
      return;
    case 'call':
      renderCall(message);
      announce(t('callWith', message.state.setup.customer, message.state.setup.title));
      return;
    case 'gaps':
      startForm?.showGaps(message.customer, message.gaps);
      if (message.gaps.length) announce(tn(message.gaps.length, 'gapsForOne', 'gapsFor', message.customer));
      return;
    case 'notice':
      announce(message.text);
      if (message.level === 'error') {
        const alert = h('p', { class: 'notice error', role: 'alert', text: message.text });
        app.prepend(alert);
      }
      return;
    case 'shortcut':
      call?.runShortcut(message.action);
      focusKeeper.afterShortcut();
      return;
    case 'requestSnapshot':
      vscode.postMessage({ type: 'snapshot', requestId: message.requestId, text: document.body.innerText });
      return;
    default:
      assertNever(message);
  }
});

// The call's keys are VS Code keybindings (src/shortcuts.ts): they apply while this view has focus.
window.addEventListener('focus', () => vscode.postMessage({ type: 'focus', focused: true }));
window.addEventListener('blur', () => vscode.postMessage({ type: 'focus', focused: false }));

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    ui.scrollY = window.scrollY;
    saveUi();
  }, 150);
});

// Until the host answers, the page shows the loading line the host wrote into it (webviewHtml.ts).
vscode.postMessage({ type: 'ready' });
if (document.hasFocus()) vscode.postMessage({ type: 'focus', focused: true });
