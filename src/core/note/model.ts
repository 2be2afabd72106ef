// The call note as data: what a finished call records, independent of how it is written.
// Rendering (note -> Markdown) and parsing (Markdown -> note) must round-trip it exactly.

export const answerTags = ['objective', 'pain-point', 'metric', 'action-item', 'follow-up'] as const;
export type AnswerTag = (typeof answerTags)[number];
/** A tag's group heading, as the note's "Tagged items" and the exports show it. */
export const answerTagTitles: Record<AnswerTag, string> = { objective: 'Objectives', 'pain-point': 'Pain points', metric: 'Metrics', 'action-item': 'Action items', 'follow-up': 'Follow-ups' };

export const objectiveStatuses = ['not-started', 'in-progress', 'done', 'at-risk'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];
export const objectiveStatusLabels: Record<ObjectiveStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done', 'at-risk': 'At risk' };

export const horizons = [3, 6, 12, 24] as const;
/** Months ahead: short, medium, long term. */
export type Horizon = (typeof horizons)[number];

export interface Objective {
  /** Single line. */
  text: string;
  status: ObjectiveStatus;
  /** Where it came from: the Five Whys ladder or an answer tagged objective. */
  origin: 'five-whys' | 'tagged';
  /** Single line; empty when nobody owns it yet. */
  owner: string;
  /** YYYY-MM-DD, or empty. */
  due: string;
  horizon: Horizon | null;
  /** Id of a value driver from the value-drivers bank, or empty. */
  valueDriver: string;
}

export const adoptionStatuses = ['adopted', 'pilot', 'not-started'] as const;
export type AdoptionStatus = (typeof adoptionStatuses)[number];
export const adoptionStatusLabels: Record<AdoptionStatus, string> = { adopted: 'Adopted', pilot: 'Pilot', 'not-started': 'Not started' };

/** One stage's scorecard as discussed on a call. */
export interface StageScore {
  /** Stage id (manage … govern). */
  stage: string;
  /** Share of teams/projects using the stage, 0-100; null when not asked. */
  percent: number | null;
  /** Ids of the stage's adoption criteria the customer meets. */
  criteria: string[];
  /** Derived from percent and criteria by the stage's rule; stored so readers need no rules. */
  status: AdoptionStatus;
}

/** A metric discussed: how it is measured today, where it is, and where they want it. */
export interface MetricRecord {
  /** Metric id from the value-drivers bank, or a slug for a metric of the customer's own. */
  id: string;
  /** Single line. */
  name: string;
  /** Value driver id, or empty. */
  valueDriver: string;
  /** Single line each; empty when not known yet. */
  measuredHow: string;
  baseline: string;
  target: string;
  unit: string;
}

export const healthColors = ['green', 'yellow', 'red'] as const;
export type HealthColor = (typeof healthColors)[number];
export const healthLabels: Record<HealthColor, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/** Use-case health as the CSM judged it on the call. */
export interface UseCaseHealth {
  /** Single line, e.g. "CI" or "SCM". */
  useCase: string;
  color: HealthColor;
  /** Single line. */
  reason: string;
}

export interface NoteEntry {
  /** Bank prompt id (repeats for TED questions and ladder rungs). */
  promptId: string;
  /** The question as actually asked: placeholders filled, TED verb + topic composed. Single line. */
  question: string;
  /** The customer's answer as captured; may span lines and contain any text. Never empty. */
  answer: string;
  tags: AnswerTag[];
}

export interface NoteSection {
  /** Bank id of the technique or stage. */
  techniqueId: string;
  /** Bank title at the time of the call. Single line. */
  title: string;
  entries: NoteEntry[];
}

export interface ActionItem {
  /** Single line. */
  text: string;
  done: boolean;
}

export interface CallNote {
  /** Stable id of the call (also used to detect the same call finished twice). */
  id: string;
  title: string;
  customer: string;
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  date: string;
  callType: string;
  attendees: string[];
  /** Bank ids of the techniques run, in call order. */
  techniques: string[];
  /** Stage ids discussed (manage … govern). */
  stages: string[];
  tags: string[];
  objectives: Objective[];
  /** Length of the call in whole minutes, from the call timer. */
  durationMinutes: number;
  /** Stage adoption scorecard, one entry per stage discussed. */
  adoption: StageScore[];
  metrics: MetricRecord[];
  health: UseCaseHealth[];
  sections: NoteSection[];
  actionItems: ActionItem[];
}
