// The Customers view's words in the display language: group labels, the one-line description, the
// tooltip and the screen reader's sentence. core/portfolio/order.ts keeps the English ones the CLI
// and portfolio.md use; the figures and the grouping are core's, only the words are here.
import * as vscode from 'vscode';
import type { CustomerFigures } from '../../core/portfolio/model';
import type { CustomerGroupId, CustomerOrder } from '../../core/portfolio/order';
import { displayDate, displayNumber } from '../displayFormat';
import { dropLabel, healthLabel } from '../usageWords';

const n = (value: number) => displayNumber(value);


export function groupLabel(id: CustomerGroupId): string {
  switch (id) {
    case 'red':
    case 'yellow':
    case 'green':
      return healthLabel(id);
    case 'noHealth':
      return vscode.l10n.t('No health recorded');
    case 'noCalls':
      return vscode.l10n.t('No calls yet');
    case 'over90':
      return vscode.l10n.t('Over 90 days ago');
    case 'days31to90':
      return vscode.l10n.t('31–90 days ago');
    case 'last30':
      return vscode.l10n.t('In the last 30 days');
    case 'overdue':
      return vscode.l10n.t('Overdue objectives');
    case 'due':
      return vscode.l10n.t('Objectives due');
    case 'nothingDue':
      return vscode.l10n.t('Nothing due');
  }
}

export function orderLabel(order: CustomerOrder): string {
  return { health: vscode.l10n.t('by health'), lastContact: vscode.l10n.t('by last contact'), nextDue: vscode.l10n.t('by next due date') }[order];
}

/** "Red: 2 customers", for screen readers. */
export function groupSentence(label: string, customers: number): string {
  return customers === 1 ? vscode.l10n.t('{0}: 1 customer', label) : vscode.l10n.t('{0}: {1} customers', label, n(customers));
}

/** The tree row's short description: "Red · 12 d · 3 open, 1 overdue · due 7 Mar 2024 · 2 gaps · ⚠ …". */
export function shortFigures(f: CustomerFigures): string {
  const open = [vscode.l10n.t('{0} open', n(f.openObjectives)), f.overdue ? vscode.l10n.t('{0} overdue', n(f.overdue)) : '', f.atRisk ? vscode.l10n.t('{0} at risk', n(f.atRisk)) : '']
    .filter(Boolean)
    .join(', ');
  return [
    f.health ? healthLabel(f.health) : vscode.l10n.t('No health'),
    f.daysSinceLastCall === null ? vscode.l10n.t('no calls') : vscode.l10n.t('{0} d', n(f.daysSinceLastCall)),
    open,
    f.nextDue ? vscode.l10n.t('due {0}', displayDate(f.nextDue)) : '',
    f.gaps === 1 ? vscode.l10n.t('1 gap') : vscode.l10n.t('{0} gaps', n(f.gaps)),
    f.usageAlerts.length ? `⚠ ${usageAlerts(f)[0]}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The figures in words, one short line each (the tooltip's lines, the screen reader's sentence). */
export function figureLines(f: CustomerFigures): string[] {
  const health = f.health ? healthLabel(f.health) : undefined;
  const healthLine =
    f.healthSource === 'usage' && health
      ? vscode.l10n.t('Health {0} (usage data)', health)
      : f.healthSource === 'csm' && health
        ? vscode.l10n.t('Health {0} (CSM)', health)
        : health
          ? vscode.l10n.t('Health {0}', health)
          : vscode.l10n.t('Health not recorded');
  const days = f.daysSinceLastCall;
  const lastCall =
    days === null ? vscode.l10n.t('no calls yet') : days === 0 ? vscode.l10n.t('last call today') : days === 1 ? vscode.l10n.t('last call 1 day ago') : vscode.l10n.t('last call {0} days ago', n(days));
  const open = [f.overdue ? vscode.l10n.t('{0} overdue', n(f.overdue)) : '', f.atRisk ? vscode.l10n.t('{0} at risk', n(f.atRisk)) : ''].filter(Boolean).join(', ');
  const objectives = f.openObjectives === 1 ? vscode.l10n.t('1 open objective') : vscode.l10n.t('{0} open objectives', n(f.openObjectives));
  return [
    healthLine,
    lastCall,
    open ? vscode.l10n.t('{0} ({1})', objectives, open) : objectives,
    f.nextDue ? vscode.l10n.t('next due {0}', displayDate(f.nextDue)) : vscode.l10n.t('nothing due'),
    f.gaps === 1 ? vscode.l10n.t('1 coverage gap') : vscode.l10n.t('{0} coverage gaps', n(f.gaps)),
    f.usageAlerts.length ? vscode.l10n.t('usage alert: {0}', usageAlerts(f).join('; ')) : '',
  ].filter(Boolean);
}

/** The usage alerts in the display language when core said what they are made of, else as core wrote them. */
function usageAlerts(f: CustomerFigures): string[] {
  return f.usageDrops?.length === f.usageAlerts.length ? f.usageDrops.map(dropLabel) : f.usageAlerts;
}
