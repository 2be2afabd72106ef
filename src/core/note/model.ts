// The call note as data: what a finished call records, independent of how it is written.
// Rendering (note -> Markdown) and parsing (Markdown -> note) must round-trip it exactly.

export const answerTags = ['objective', 'pain-point', 'metric', 'action-item', 'follow-up'] as const;
export type AnswerTag = (typeof answerTags)[number];

export const objectiveStatuses = ['not-started', 'in-progress', 'done', 'at-risk'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

export interface Objective {
  /** Single line. */
  text: string;
  status: ObjectiveStatus;
  /** Where it came from: the Five Whys ladder or an answer tagged objective. */
  origin: 'five-whys' | 'tagged';
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
  sections: NoteSection[];
  actionItems: ActionItem[];
}
