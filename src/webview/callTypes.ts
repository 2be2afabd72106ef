// Call types and the techniques each starts with. The CSM can change the list before starting;
// ids that no loaded bank has are ignored, so a team can rename banks freely.
export interface CallType {
  id: string;
  label: string;
  title: string;
  techniques: string[];
}

export const CALL_TYPES: CallType[] = [
  { id: 'discovery', label: 'Discovery', title: 'Discovery call', techniques: ['commiseration', 'where-next', 'ted', 'day-in-the-life', 'metrics', 'priorities', 'five-whys', 'right-person'] },
  { id: 'sync-refresh', label: 'Sync / refresh', title: 'Success plan sync', techniques: ['sync-refresh', 'ted', 'priorities', 'higher-level-priorities', 'leveling-up', 'five-whys'] },
  { id: 'metrics', label: 'Metrics / DORA meeting', title: 'Metrics review', techniques: ['dora-metrics', 'metrics', 'value-drivers', 'metrics-health-check'] },
  { id: 'ebr-prep', label: 'Executive business review prep', title: 'EBR preparation', techniques: ['sync-refresh', 'higher-level-priorities', 'value-drivers', 'product-usage-review', 'urgency'] },
  { id: 'five-whys', label: 'Five Whys deep dive', title: 'Five Whys deep dive', techniques: ['ted', 'five-whys', 'leveling-up', 'right-person'] },
  { id: 'adoption', label: 'Stage adoption review', title: 'Stage adoption review', techniques: ['stage-adoption', 'day-in-the-life', 'priorities'] },
  { id: 'other', label: 'Other', title: 'Customer call', techniques: [] },
];
