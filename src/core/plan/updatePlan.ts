// A customer's success plan, `<notes folder>/<customer>/success-plan.md`: rolled up from the
// customer's notes (rollup.ts) and written beside them through the notes folder. The plan is
// replaced atomically, and only when its text changed. A plan whose markers or front matter are
// damaged, or that is not UTF-8, is left exactly as it is and reported (PlanFileError).
import type { Catalog } from '../bank/catalog';
import { localToday } from '../localToday';
import { PLAN_FILE, type NotesPath } from '../notesFolder';
import { planContext } from './context';
import { readCustomerNotes, type NotesSource } from './customerNotes';
import { noCallCustomerName } from './planFrontMatter';
import type { PlanContext, SuccessPlan } from './model';
import { PLAN_TYPE, renderPlan } from './planFile';
import type { GeneratedProblem } from './generatedFile';
import { buildPlan } from './rollup';
import { readPlanUsage, writeUsageChart } from '../usage/usageStore';
import { HEALTH_KEYS } from '../usage/keys';

/** The plan file exists but Call Coach will not touch it until a person fixes it. `message` in English, `why` as facts. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    /** The plan, in the notes folder. */
    readonly path: NotesPath,
    readonly line: number | undefined,
    readonly why: GeneratedProblem,
  ) {
    super(message);
  }
}

export interface PlanUpdate {
  path: NotesPath;
  /** False when the plan already said exactly this. */
  written: boolean;
  plan: SuccessPlan;
}

/** The plan of a customer folder as data (for the sidebar's coverage gaps, or to write it). */
export async function loadCustomerPlan(source: NotesSource, customer: string, catalog: Catalog, today = localToday()): Promise<{ plan: SuccessPlan; context: PlanContext }> {
  const { notes, skipped } = await readCustomerNotes(source, customer);
  const context = planContext(catalog.banks, today);
  const lastCallDate = notes.reduce((d, n) => (n.note.date > d ? n.note.date : d), '');
  const usage = await readPlanUsage(source, customer, HEALTH_KEYS, lastCallDate);
  // No readable note names the customer yet (usage data imported first): the plan's name stays.
  const name = notes.length ? customer : await noCallCustomerName(source.folder, customer);
  return { plan: buildPlan({ customer: name, notes, skipped, usage }, context), context };
}

/** Writes (or refreshes) the customer folder's success-plan.md. Throws PlanFileError for a plan it must not touch. */
export async function updateSuccessPlan(source: NotesSource, customer: string, catalog: Catalog, today = localToday()): Promise<PlanUpdate> {
  const { plan, context } = await loadCustomerPlan(source, customer, catalog, today);
  const path = [customer, PLAN_FILE];
  let bytes: Uint8Array | undefined;
  try {
    bytes = await source.folder.read(path);
  } catch {
    bytes = undefined; // no plan yet
  }
  let existing: string | undefined;
  if (bytes) {
    try {
      // Exact text: a BOM stays in the string, and bytes that are not UTF-8 stop us rather than
      // being replaced (which would change text the CSM wrote).
      existing = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new PlanFileError(`${PLAN_FILE} is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8, then update the plan again.`, path, undefined, { code: 'not-utf8', fileType: PLAN_TYPE });
    }
  }
  const rendered = renderPlan(plan, context, existing);
  if (!rendered.ok) throw new PlanFileError(rendered.error, path, rendered.line, rendered.why);
  const written = rendered.text !== existing;
  if (written) await source.folder.write(path, rendered.text);
  if (plan.usage) await writeUsageChart(source, customer, plan.usage);
  const calls = plan.calls.length;
  const skipped = plan.skipped.length;
  source.log.info(
    `Success plan ${written ? 'written' : 'unchanged'}: ${source.folder.where(path)} (${calls} call${calls === 1 ? '' : 's'}` +
      `${skipped ? `, ${skipped} unreadable note${skipped === 1 ? '' : 's'} skipped` : ''})`,
  );
  return { path, written, plan };
}
