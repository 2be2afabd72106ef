// A call in progress. The extension host owns it and persists it after every change; the
// webview runs the same pure reducer on its copy so a key press repaints without a round trip.
import type { AnswerKind, StageId } from '../bank/constants';
import type { AnswerTag, Horizon, MetricRecord, ObjectiveStatus, UseCaseHealth } from '../note/model';

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

export interface CallCriterion {
  id: string;
  text: string;
  metrics?: string[];
  growth?: boolean;
  group?: string;
}

/** A stage's adoption rule, as the scorecard needs it. */
export interface CallAdoption {
  thresholdPercent: number;
  rule: string;
  criteria: CallCriterion[];
  requires?: { group?: string; atLeast: number; description?: string }[];
}

export interface CallValueDriver {
  id: string;
  name: string;
  metrics: { id: string; name: string; direction: 'increase' | 'decrease'; unit?: string }[];
}

export interface CallBank {
  id: string;
  title: string;
  kind: 'technique' | 'stage' | 'checklist';
  flow: 'steps' | 'ted' | 'ladder' | 'stages';
  stage?: StageId;
  adoption?: CallAdoption;
  valueDrivers?: CallValueDriver[];
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
  /** Prompts added from coverage gaps ("add to next call"), with their placeholder values. */
  focus: FocusPrompt[];
}

export interface FocusPrompt {
  bankId: string;
  promptIds: string[];
  values: Record<string, string>;
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

/** A stage's scorecard while the call runs; the status is derived when the note is written. */
export interface CallScore {
  percent: number | null;
  criteria: string[];
}

/** What the CSM adds to an objective on the wrap-up: who, when, how far out, which value driver. */
export interface ObjectiveDetails {
  owner: string;
  due: string;
  status: ObjectiveStatus;
  horizon: Horizon | null;
  valueDriver: string;
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
  /** Stage adoption scorecards by stage id. */
  scores: Record<string, CallScore>;
  metrics: MetricRecord[];
  health: UseCaseHealth[];
  /** Objective details by the key of the item whose answer is the objective. */
  objectives: Record<string, ObjectiveDetails>;
}
