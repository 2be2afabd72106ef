// Usage alerts in the display language: the start form's usage-drop gaps and the Customers view's
// alert lines. Core words them in English for success-plan.md, portfolio.md and the CLI
// (core/usage/drops.ts) and keeps what each is made of in DropFacts; only the words are here.
import * as vscode from 'vscode';
import { assertNever } from '../core/assertNever';
import type { HealthColor } from '../core/note/model';
import type { DropFacts } from '../core/usage/drops';
import type { UseCaseId } from '../core/usage/health';
import { displayDate, displayNumber } from './displayFormat';

export function healthLabel(health: HealthColor): string {
  return { red: vscode.l10n.t('Red'), yellow: vscode.l10n.t('Yellow'), green: vscode.l10n.t('Green') }[health];
}

export function useCaseLabel(id: UseCaseId): string {
  switch (id) {
    case 'licenseUtilization':
      return vscode.l10n.t('License utilization');
    case 'userEngagement':
      return vscode.l10n.t('User engagement');
    case 'scm':
      return vscode.l10n.t('SCM');
    case 'ci':
      return vscode.l10n.t('CI');
    case 'security':
      return vscode.l10n.t('Security');
    case 'cd':
      return vscode.l10n.t('CD');
    default:
      return assertNever(id);
  }
}

/** UTILIZATION_BANDS (core/usage/scoring.ts) in words, by index. */
function utilizationBand(index: number): string {
  const p = (n: number) => displayNumber(n / 100, { style: 'percent' });
  switch (index) {
    case 0:
      return vscode.l10n.t('up to {0}', p(10));
    case 1:
      return vscode.l10n.t('over {0} to {1}', p(10), p(50));
    case 2:
      return vscode.l10n.t('over {0} to {1}', p(50), p(75));
    default:
      return vscode.l10n.t('over {0}', p(75));
  }
}

/** "CI went Green → Yellow since the last call". */
export function dropLabel(drop: DropFacts): string {
  const since = drop.since === null ? vscode.l10n.t('since the last call') : vscode.l10n.t('since {0}', displayDate(drop.since));
  switch (drop.kind) {
    case 'health':
      return vscode.l10n.t('{0} went {1} → {2} {3}', useCaseLabel(drop.useCase), healthLabel(drop.fromColor), healthLabel(drop.toColor), since);
    case 'license': {
      const percent = (n: number) => displayNumber(n / 100, { style: 'percent', maximumFractionDigits: 2 });
      return vscode.l10n.t('License utilization fell from {0} to {1} ({2} → {3}) {4}', utilizationBand(drop.wasBand), utilizationBand(drop.nowBand), percent(drop.was), percent(drop.now), since);
    }
    default:
      return assertNever(drop);
  }
}

/** The seed's next step after a drop (core/usage/drops.ts), one line. */
export function dropNextStep(drop: DropFacts): string {
  return drop.kind === 'license'
    ? vscode.l10n.t('ask how the unused licenses could be put to work (onboarding, enablement) and who decides on them')
    : vscode.l10n.t('ask which team is moving off and what is blocking it (training or enablement gaps, change management, technical issues, configuration), offer enablement, and bring in the right person');
}

/** A usage-drop gap's line for the start form: the drop and what to do about it. */
export function dropGapLabel(drop: DropFacts): string {
  return vscode.l10n.t('{0}: {1}', dropLabel(drop), dropNextStep(drop));
}
