// The roll-up's view of the question banks: stage banks in lifecycle order, the techniques a CSM
// can run, and the value drivers with their metrics.
import { stageIds, type Bank } from '../bank/schema';
import type { PlanContext } from './model';

export const VALUE_DRIVERS_BANK = 'value-drivers';

export function planContext(banks: readonly Bank[], today: string): PlanContext {
  const order = (stage: string | undefined) => (stage === undefined ? stageIds.length : (stageIds as readonly string[]).indexOf(stage));
  const stages = banks
    .filter((b) => b.kind === 'stage' && b.stage)
    .sort((a, b) => order(a.stage) - order(b.stage) || a.order - b.order)
    .filter((b, i, all) => all.findIndex((o) => o.stage === b.stage) === i)
    .map((b) => ({ stage: b.stage!, bankId: b.id, title: b.title }));
  const techniques = banks
    .filter((b) => b.kind === 'technique')
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((b) => ({ id: b.id, title: b.title }));
  const valueDrivers = banks.find((b) => b.id === VALUE_DRIVERS_BANK)?.valueDrivers ?? banks.flatMap((b) => b.valueDrivers ?? []);
  return { today, stages, techniques, valueDrivers };
}
