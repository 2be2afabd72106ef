// The portfolio from a notes folder: every customer folder's notes read through the note index
// (only notes changed since they were last read are read again), rolled up with buildPlan, and
// counted (aggregate.ts). The extension's Customers view and Update Portfolio and the CLI all run
// this, each over its own NotesFolder adapter.
import { customerFolders } from '../notesFolder';
import { readCustomerNotes, type NotesSource } from '../plan/customerNotes';
import type { PlanContext, SuccessPlan } from '../plan/model';
import { buildPlan } from '../plan/rollup';
import { customerFigures, portfolioOf, type CustomerCount, type CustomerInput } from './aggregate';
import type { CustomerFigures, CustomerUsage, Portfolio } from './model';

export interface CollectOptions {
  context: PlanContext;
  /** A customer's usage data, when the usage module has any for it (src/core/usage). */
  usage?: (customer: string, plan: SuccessPlan) => Promise<CustomerUsage | undefined>;
  /** Called as each customer is rolled up, in the order they finish: the view fills in as they come. */
  onCustomer?: (input: CustomerInput, figures: CustomerFigures) => void;
  /** Customer folders read at once; 8 by default. */
  concurrency?: number;
}

/** One customer's plan and usage, read through the index; undefined for a folder without notes. */
export async function collectCustomer(source: NotesSource, folder: string, options: CollectOptions): Promise<CustomerInput | undefined> {
  const { notes, skipped } = await readCustomerNotes(source, folder);
  if (!notes.length && !skipped.length) return undefined;
  const plan = buildPlan({ customer: folder, notes, skipped }, options.context);
  const usage = await options.usage?.(folder, plan);
  return { folder, plan, usage };
}

/** Every customer folder with notes, rolled up and counted. */
export async function collectPortfolio(source: NotesSource, options: CollectOptions): Promise<Portfolio> {
  const folders = await customerFolders(source.folder);
  const counted: CustomerCount[] = [];
  let next = 0;
  const worker = async () => {
    while (next < folders.length) {
      const folder = folders[next++]!;
      const input = await collectCustomer(source, folder, options);
      if (!input) continue;
      const count = customerFigures(input, options.context.today);
      counted.push(count);
      options.onCustomer?.(input, count.figures);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return portfolioOf(counted, options.context.today);
}
