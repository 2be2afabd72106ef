// The one handle on the VS Code webview API. `acquireVsCodeApi` may be called only once.
import type { WebviewMessage } from '../protocol';

/** A start form being filled in: kept so hiding the view does not lose it. */
export interface SetupDraft {
  customer: string;
  title: string;
  callType: string;
  date: string;
  attendees: string;
  /** Technique ids in order, with whether each is checked. */
  techniques: { id: string; on: boolean }[];
  stages: string[];
  /** Prompts from coverage gaps the CSM added to this call. */
  focus?: { bankId: string; promptIds: string[]; values: Record<string, string> }[];
}

export interface UiState {
  /** Which catalog sections are open, by kind. */
  open: Record<string, boolean>;
  scrollY: number;
  draft?: SetupDraft;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): UiState | undefined;
  setState(state: UiState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
