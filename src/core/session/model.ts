// A call in progress. The extension host owns it and persists it after every change; the
// webview runs the same pure reducer on its copy so a key press repaints without a round trip.
import type { AnswerKind, StageId } from '../bank/constants';
import type { AnswerTag } from '../note/model';

/** The slice of a bank a call needs: enough to step through it and to write the note. */
export interface CallPrompt {
  id: string;
  text: string;
  hint: string;
  answer: AnswerKind;
  choices?: string[];
  unit?: string;
  note?: string;
  /** Placeholder name -> label / example. */
  placeholders?: Record<string, { label: string; example?: string }>;
  tag?: AnswerTag;
  /** Follow-ups only: the prompt they follow and when to ask them. */
  parentId?: string;
  when?: string;
}

export interface CallBank {
  id: string;
  title: string;
  kind: 'technique' | 'stage' | 'checklist';
  flow: 'steps' | 'ted' | 'ladder' | 'stages';
  stage?: StageId;
  /** Prompts in order, follow-ups right after their parent. */
  prompts: CallPrompt[];
}

export interface CallSetup {
  customer: string;
  title: string;
  callType: string;
  /** YYYY-MM-DD. */
  date: string;
  attendees: string[];
  /** Bank ids of the techniques (and checklists) to run, in order. */
  techniques: string[];
  /** Stages covered by the Stage Adoption technique, in order. */
  stages: StageId[];
}

export interface CallItem {
  /** Unique within the call; stable across reloads. */
  key: string;
  promptId: string;
  /** The bank the prompt comes from, when it is not the part's own (prompts added mid-call). */
  bankId?: string;
  /** Filled placeholder values by name. */
  values: Record<string, string>;
  answer: string;
  tags: AnswerTag[];
  skipped: boolean;
}

export interface CallPart {
  bankId: string;
  items: CallItem[];
  /** Five Whys only: the CSM said the last rung is the strategic objective. */
  objectiveReached?: boolean;
}

export interface CallPosition {
  /** Index into parts; parts.length means the wrap-up screen. */
  part: number;
  item: number;
}

export interface CallState {
  version: 1;
  id: string;
  setup: CallSetup;
  /** Epoch ms when the call started; the timer is derived from it. */
  startedAt: number;
  parts: CallPart[];
  position: CallPosition;
  /** Counter for item keys, so the reducer stays deterministic. */
  seq: number;
}
