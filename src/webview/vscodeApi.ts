// The one handle on the VS Code webview API. `acquireVsCodeApi` may be called only once.
import type { WebviewMessage } from '../protocol';

export interface UiState {
  /** Which catalog sections are open, by kind. */
  open: Record<string, boolean>;
  scrollY: number;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): UiState | undefined;
  setState(state: UiState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
