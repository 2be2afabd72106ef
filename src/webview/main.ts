// Sidebar entry point: validate what the host says, render it, keep UI state (open sections,
// scroll) in the webview's own state so a hidden-and-shown view comes back as it was.
import { assertNever, hostMessage, type HostMessage } from '../protocol';
import { renderCatalog } from './catalogView';
import { h } from './dom';
import { vscode, type UiState } from './vscodeApi';

const app = document.getElementById('app')!;
const status = document.getElementById('status')!;
const state: UiState = vscode.getState() ?? { open: {}, scrollY: 0 };

function saveState(): void {
  vscode.setState(state);
}

function announce(text: string): void {
  status.textContent = text;
}

function render(message: Extract<HostMessage, { type: 'catalog' }>): void {
  const { techniques, status: bankStatus } = message;
  const skipped = bankStatus.skipped.length;
  const notice = skipped
    ? h('p', { class: 'notice', attrs: { role: 'alert' } }, `${skipped} question bank${skipped === 1 ? ' has' : 's have'} errors and ${skipped === 1 ? 'was' : 'were'} skipped. `, reloadButton())
    : null;
  const body = techniques.length
    ? renderCatalog(techniques, state.open, (kind, isOpen) => {
        state.open[kind] = isOpen;
        saveState();
      })
    : h('p', { class: 'empty', text: 'No question banks are loaded. Run "Call Coach: Reload Question Banks" or check the log.' });
  app.replaceChildren(h('h2', { class: 'view-title', text: 'Discovery techniques' }), notice ?? '', body);
  app.setAttribute('aria-busy', 'false');
  window.scrollTo(0, state.scrollY);
  announce(`${bankStatus.loaded} question banks loaded${skipped ? `, ${skipped} skipped` : ''}.`);
}

function reloadButton(): HTMLButtonElement {
  const button = h('button', { class: 'link-button', text: 'Show log' });
  button.addEventListener('click', () => vscode.postMessage({ type: 'runCommand', command: 'showLog' }));
  return button;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = hostMessage.safeParse(event.data);
  if (!parsed.success) return; // Not ours (or from a newer host): ignore rather than break the view.
  const message = parsed.data;
  switch (message.type) {
    case 'catalog':
      render(message);
      return;
    case 'requestSnapshot':
      vscode.postMessage({ type: 'snapshot', requestId: message.requestId, text: document.body.innerText });
      return;
    default:
      assertNever(message);
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    state.scrollY = window.scrollY;
    saveState();
  }, 150);
});

app.replaceChildren(h('p', { class: 'loading', text: 'Loading question banks…' }));
vscode.postMessage({ type: 'ready' });
