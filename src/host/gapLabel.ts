// A coverage gap's line in the display language, for the start form. Core words it in English for
// success-plan.md (core/plan/gaps.ts, core/usage/drops.ts) and keeps what the line is made of in
// `facts` (a usage drop's in `drop`); a gap without them keeps core's line.
import * as vscode from 'vscode';
import type { Gap } from '../core/plan/model';
import { displayDate, displayNumber } from './displayFormat';
import { dropGapLabel } from './usageWords';

export function gapLabel({ kind, label, facts, drop }: Pick<Gap, 'kind' | 'label' | 'facts' | 'drop'>): string {
  if (kind === 'usage-drop' && drop) return dropGapLabel(drop);
  if (!facts) return label;
  const { subject } = facts;
  switch (kind) {
    case 'stage-never':
      return vscode.l10n.t('{0}: never discussed', subject);
    case 'stage-stale':
      return facts.since && facts.days !== undefined ? vscode.l10n.t('{0}: not discussed since {1} ({2} days)', subject, displayDate(facts.since), displayNumber(facts.days)) : label;
    case 'technique-never':
      return vscode.l10n.t('{0}: never used', subject);
    case 'objective-without-metric':
      return vscode.l10n.t('{0}: how will you measure that?', subject);
    case 'metric-without-baseline':
      return vscode.l10n.t('{0}: no baseline yet', subject);
    default:
      return label;
  }
}
