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

/** The context's lookups by id, made once per context: rolling up 500 customers asks them ~50,000 times. */
export interface ContextIndex {
  /** A value-drivers metric by id (the first, as a search of the drivers in order finds it). */
  metric: Map<string, { name: string; unit?: string | undefined }>;
  /** The first value driver that lists a metric id: metricDriver's answer for a metric without its own. */
  driver: Map<string, string>;
  /** A stage's place in lifecycle order, and its title. */
  stage: Map<string, { order: number; title: string }>;
}
const contextIndexes = new WeakMap<PlanContext, ContextIndex>();
export function contextIndex(context: PlanContext): ContextIndex {
  let index = contextIndexes.get(context);
  if (!index) {
    index = { metric: new Map(), driver: new Map(), stage: new Map() };
    for (const d of context.valueDrivers) {
      for (const m of d.metrics) {
        if (!index.metric.has(m.id)) index.metric.set(m.id, m);
        if (!index.driver.has(m.id)) index.driver.set(m.id, d.id);
      }
    }
    context.stages.forEach((s, order) => index!.stage.has(s.stage) || index!.stage.set(s.stage, { order, title: s.title }));
    contextIndexes.set(context, index);
  }
  return index;
}
