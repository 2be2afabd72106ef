// The success plan as data: a customer's call notes rolled up (rollup.ts builds it, renderPlan writes
// it). Everything here is derived from the notes; nothing is stored anywhere but in the notes.
import type { ValueDriver } from '../bank/schema';
import type { PlanUsage } from '../usage/planUsage';
import type { DropFacts } from '../usage/drops';
import type { AdoptionStatus, HealthColor, Horizon, MetricRecord, ObjectiveStatus } from '../note/model';

/** A call note as the roll-up sees it: where it is and what it says. */
export interface PlanCallRef {
  /** File name in the customer's folder (the plan sits beside the notes), e.g. 2026-11-24-discovery.md. */
  file: string;
  date: string;
  title: string;
}

export interface PlanCall extends PlanCallRef {
  callType: string;
  attendees: string[];
  durationMinutes: number;
}

/** An objective as last recorded; fields left empty on a later call keep their earlier value. */
export interface PlanObjective {
  text: string;
  status: ObjectiveStatus;
  owner: string;
  due: string;
  horizon: Horizon | null;
  valueDriver: string;
  first: PlanCallRef;
  last: PlanCallRef;
}

export interface StageSnapshot {
  call: PlanCallRef;
  percent: number | null;
  criteria: string[];
  status: AdoptionStatus;
}

export interface PlanStage {
  stage: string;
  /** The stage bank's title, or the id when no bank is loaded for it. */
  title: string;
  first: StageSnapshot;
  latest: StageSnapshot;
}

/**
 * A metric merged across calls: each field from the latest call that gave it a value. Its
 * `valueDriver` is the record's, or the bank's driver for a metric of the value-drivers bank.
 */
export interface PlanMetric extends MetricRecord {
  last: PlanCallRef;
}

export interface PlanAction {
  text: string;
  call: PlanCallRef;
}

export interface PlanHealth {
  useCase: string;
  color: HealthColor;
  reason: string;
  call: PlanCallRef;
}

export const gapKinds = ['usage-drop', 'stage-never', 'stage-stale', 'technique-never', 'objective-without-metric', 'metric-without-baseline'] as const;
export type GapKind = (typeof gapKinds)[number];
/** The groups gaps are shown in, by the plan and the start form: a title, and the kinds in it. */
export const gapGroups: readonly (readonly [title: string, kinds: readonly GapKind[]])[] = [
  ['Usage alerts', ['usage-drop']],
  ['Stages', ['stage-never', 'stage-stale']],
  ['Techniques never used', ['technique-never']],
  ['Objectives without a metric', ['objective-without-metric']],
  ['Metrics without a baseline', ['metric-without-baseline']],
];

/** A coverage gap, with what "add to next call" needs to queue the right questions. */
export interface Gap {
  kind: GapKind;
  /** One line for the CSM, e.g. "Verify: not discussed since 2026-01-03 (120 days)". */
  label: string;
  /** What the label is made of, for a UI that words it in another language: its subject, and for a stale stage since when. */
  facts?: { subject: string; since?: string; days?: number };
  /** A usage drop's facts (usage-drop gaps), for a UI that words it in another language. */
  drop?: DropFacts;
  /** The bank to add: a stage bank, a technique, leveling-up or value-drivers. */
  bankId?: string;
  /** Only these prompts of the bank; the whole bank when absent. */
  promptIds?: string[];
  /** Values for the prompts' placeholders, e.g. { metric: 'Cycle time' }. */
  placeholders?: Record<string, string>;
}

export interface SkippedNote {
  file: string;
  error: string;
  line?: number;
}

export interface SuccessPlan {
  customer: string;
  /** YYYY-MM-DD the plan was generated. */
  updated: string;
  /** Oldest first. */
  calls: PlanCall[];
  /** Everyone who attended, with how many calls; most frequent first. */
  attendees: { name: string; calls: number }[];
  /** In the order they were first recorded. */
  objectives: PlanObjective[];
  /** In lifecycle order (manage … govern), then any other stage id. */
  stages: PlanStage[];
  metrics: PlanMetric[];
  /** Action items not done, oldest call first. */
  actions: PlanAction[];
  health: PlanHealth[];
  gaps: Gap[];
  /** The customer's usage data (src/core/usage/planUsage.ts); absent without snapshots. */
  usage?: PlanUsage;
  /** Notes in the folder that could not be read; reported, never rewritten. */
  skipped: SkippedNote[];
}

/** What the roll-up needs from the question banks; the host builds it from the catalog. */
export interface PlanContext {
  /** YYYY-MM-DD. */
  today: string;
  /** The stage banks, in lifecycle order. */
  stages: { stage: string; bankId: string; title: string }[];
  /** Technique banks a CSM can run (not stage banks or checklists). */
  techniques: { id: string; title: string }[];
  /** The value-drivers bank's drivers, for names and to find a bank metric's driver. */
  valueDrivers: ValueDriver[];
}
