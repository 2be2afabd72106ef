// The portfolio from a notes folder: every customer folder's notes read through the note index
// (only notes changed since they were last read are read again), rolled up with buildPlan, and
// counted (aggregate.ts). The extension's Customers view and Update Portfolio and the CLI all run
// this, each over its own NotesFolder adapter. Given a FiguresCache, a customer whose notes are
// unchanged since it was counted is counted from the cache: its notes are stamped, not read.
import { customerFolders, noteFilesIn, type NotesEntry } from '../notesFolder';
import { readCustomerEntries, stampNotes, type NotesSource } from '../plan/customerNotes';
import type { FileStamp } from '../plan/noteIndex';
import { noCallCustomerName } from '../plan/planFrontMatter';
import type { PlanContext } from '../plan/model';
import { buildPlan } from '../plan/rollup';
import { countCustomer, planFacts, portfolioOf, type CustomerCount, type CustomerInput, type PlanFacts } from './aggregate';
import { contextKey, type FiguresCache } from './figuresCache';
import type { CustomerFigures, CustomerUsage, Portfolio } from './model';

export interface CollectOptions {
  context: PlanContext;
  /**
   * A customer's usage data, when the usage module has any for it (src/core/usage). `entries`: the
   * customer folder's, when they were just listed (a folder without a usage folder needs no look).
   */
  usage?: (customer: string, facts: PlanFacts, entries?: readonly NotesEntry[]) => Promise<CustomerUsage | undefined>;
  /** Called as each customer is counted, in the order they finish: the view fills in as they come. */
  onCustomer?: (customer: CountedCustomer, figures: CustomerFigures) => void;
  /** Customer folders read at once; 8 by default. */
  concurrency?: number;
  /** What was counted before (the persisted index); kept up to date as customers are counted. */
  cache?: FiguresCache;
  /**
   * Called before the first note is read, when some customer was not in `cache`: the caller
   * restores the persisted note index then (the extension's is one large file), not before.
   */
  beforeRead?: () => Promise<void>;
}

/** A customer as collectPortfolio counted it. */
export interface CountedCustomer {
  /** The customer's folder name (slug). */
  folder: string;
  facts: PlanFacts;
  usage: CustomerUsage | undefined;
}

/**
 * One customer's plan and usage, read through the index; undefined for a folder with neither notes
 * nor usage data. A folder with usage data and no note yet (usage imported before the first call)
 * is a customer with no call yet: its health comes from the data.
 */
export async function collectCustomer(source: NotesSource, folder: string, options: CollectOptions): Promise<CustomerInput | undefined> {
  const entries = await source.folder.list([folder]);
  const { notes, skipped } = await readCustomerEntries(source, folder, { files: noteFilesIn(entries) });
  const noNotes = !notes.length && !skipped.length;
  if (noNotes && !options.usage) return undefined;
  const plan = buildPlan({ customer: folder, notes, skipped }, options.context);
  const usage = await options.usage?.(folder, planFacts(plan), entries);
  if (noNotes && !usage) return undefined;
  // No call yet: the name typed when its usage data was imported (the plan keeps it), not the folder's.
  return { folder, plan: noNotes ? { ...plan, customer: await noCallCustomerName(source.folder, folder) } : plan, usage };
}

/** The facts of a customer folder without notes: no calls, and the gaps a plan without notes has. */
function noCallFacts(folder: string, context: PlanContext): PlanFacts {
  return planFacts(buildPlan({ customer: folder, notes: [], skipped: [] }, context));
}

/** A customer's facts: from the cache when its notes are unchanged, else read (what changed) and rolled up. */
async function customerFacts(source: NotesSource, folder: string, listed: readonly NotesEntry[], options: CollectOptions, beforeRead: () => Promise<void>): Promise<PlanFacts | undefined> {
  const files = noteFilesIn(listed);
  const { cache } = options;
  if (!files.length) {
    cache?.delete(folder);
    source.index.retain(source.folder.where([folder]), []);
    return undefined;
  }
  const key = contextKey(options.context);
  let stamps: (FileStamp | Error)[] | undefined;
  if (cache?.has(folder)) {
    stamps = await stampNotes(source.folder, folder, files);
    const cached = cache.fresh(folder, key, files, stamps);
    if (cached) return cached;
  }
  await beforeRead();
  // A customer never counted and not in the index (a first read): its notes are read, not stamped first.
  if (!stamps && source.index.holds(source.folder.where([folder]))) stamps = await stampNotes(source.folder, folder, files);
  const { notes, skipped, entries } = await readCustomerEntries(source, folder, stamps ? { files, stamps } : { files });
  const same = cache?.sameContent(folder, key, entries);
  if (same) return same;
  const facts = planFacts(buildPlan({ customer: folder, notes, skipped }, options.context));
  cache?.put(folder, key, entries, facts);
  return facts;
}

/** Every customer folder with notes or usage data, rolled up and counted. */
export async function collectPortfolio(source: NotesSource, options: CollectOptions): Promise<Portfolio> {
  const folders = await customerFolders(source.folder);
  options.cache?.retain(folders);
  let restoring: Promise<void> | undefined;
  const beforeRead = () => (restoring ??= options.beforeRead?.() ?? Promise.resolve());
  const counted: CustomerCount[] = [];
  let next = 0;
  const worker = async () => {
    while (next < folders.length) {
      const folder = folders[next++]!;
      const entries = await source.folder.list([folder]);
      const read = await customerFacts(source, folder, entries, options, beforeRead);
      if (!read && !options.usage) continue;
      const facts = read ?? noCallFacts(folder, options.context);
      const usage = await options.usage?.(folder, facts, entries);
      // A folder without notes is listed for its usage data alone (no call yet), else not at all;
      // its name is the one typed when the data was imported (the plan keeps it), not the folder's.
      if (!read && !usage) continue;
      const named = read ? facts : { ...facts, customer: await noCallCustomerName(source.folder, folder) };
      const count = countCustomer(folder, named, usage, options.context.today);
      counted.push(count);
      options.onCustomer?.({ folder, facts: named, usage }, count.figures);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return portfolioOf(counted, options.context.today);
}
