// A customer's usage data in the notes folder: trimmed snapshots in `<customer>/usage/<YYYY-MM-DD>.json`
// and customerSince in `<customer>/success-plan.md`, read and written through the NotesFolder
// (src/core/notesFolder.ts), so the extension host and the CLI share it.
import { type NotesEntry, type NotesFolder, type NotesLog } from '../notesFolder';
import { CHART_FILE, planUsageFromFiles, SNAPSHOT_NAME, usageChartSvg, type PlanUsage } from './planUsage';
import { readCustomerSince } from './customerSince';
import { planText } from '../plan/planFrontMatter';
import type { StoredSnapshot, SnapshotWrite } from './importPlan';
import { parsePayload, type UsageSnapshot } from './payload';
import { sortSnapshots, usageKeys, usageReport, type UsageReport } from './report';
import type { CustomerUsage } from '../portfolio/model';
import type { PlanFacts } from '../portfolio/aggregate';
import { usageSummary } from './drops';
import { HEALTH_KEYS } from './keys';

export const USAGE_FOLDER = 'usage';
const decoder = new TextDecoder();

type StageBank = Parameters<typeof usageKeys>[0][number];

/** A customer's stored snapshots by file name; unreadable ones are logged and left out. */
export async function storedSnapshots(notes: NotesFolder, customer: string, keys: readonly string[], log: NotesLog, now = new Date()): Promise<StoredSnapshot[]> {
  const files = (await notes.list([customer, USAGE_FOLDER])).filter((e) => e.type === 'file' && SNAPSHOT_NAME.test(e.name)).map((e) => e.name).sort();
  const stored: StoredSnapshot[] = [];
  for (const file of files) {
    const path = [customer, USAGE_FOLDER, file];
    try {
      const text = decoder.decode(await notes.read(path));
      const parsed = parsePayload(text, { keys, now });
      if (parsed.ok) stored.push({ file, snapshot: parsed.snapshot, text });
      else log.warn(`Usage data: skipped ${notes.where(path)}: ${parsed.problem}`);
    } catch (err) {
      log.warn(`Usage data: could not read ${notes.where(path)}`, err);
    }
  }
  return stored;
}

export async function customerSnapshots(notes: NotesFolder, customer: string, keys: readonly string[], log: NotesLog): Promise<UsageSnapshot[]> {
  return sortSnapshots((await storedSnapshots(notes, customer, keys, log)).map((s) => s.snapshot));
}


export async function customerSinceOf(notes: NotesFolder, customer: string): Promise<string | undefined> {
  return readCustomerSince(await planText(notes, customer));
}

/** Writes the planned snapshots; the paths written, in order. */
export async function writeSnapshots(notes: NotesFolder, customer: string, writes: readonly SnapshotWrite[]): Promise<string[]> {
  const written: string[] = [];
  for (const w of writes) {
    const path = [customer, USAGE_FOLDER, w.file];
    await notes.write(path, w.text);
    written.push(notes.where(path));
  }
  return written;
}

/** The usage report of a customer, or undefined without snapshots. */
export async function customerUsageReport(notes: NotesFolder, customer: string, banks: readonly StageBank[], log: NotesLog): Promise<UsageReport | undefined> {
  const snapshots = await customerSnapshots(notes, customer, usageKeys(banks), log);
  if (!snapshots.length) return undefined;
  const since = await customerSinceOf(notes, customer);
  return usageReport(snapshots, banks, since ? { customerSince: since } : {});
}

/** What the success plan shows of a customer's usage (planUsage.ts); undefined without snapshots. */
export async function readPlanUsage(source: { folder: NotesFolder; log: NotesLog }, customer: string, keys: readonly string[], lastCallDate: string): Promise<PlanUsage | undefined> {
  const { folder, log } = source;
  const names = (await folder.list([customer, USAGE_FOLDER])).filter((e) => e.type === 'file' && SNAPSHOT_NAME.test(e.name)).map((e) => e.name).sort();
  if (!names.length) return undefined;
  const files: { name: string; text: string }[] = [];
  for (const name of names) {
    try {
      files.push({ name, text: decoder.decode(await folder.read([customer, USAGE_FOLDER, name])) });
    } catch (err) {
      log.warn(`Usage data: could not read ${folder.where([customer, USAGE_FOLDER, name])}`, err);
    }
  }
  return planUsageFromFiles(files, {
    keys,
    planText: await planText(folder, customer),
    lastCallDate,
    skip: (name, problem) => log.warn(`Usage data: skipped ${folder.where([customer, USAGE_FOLDER, name])}: ${problem}`),
  });
}

/** Writes `<customer>/usage/usage-chart.svg` when its text changed. */
export async function writeUsageChart(source: { folder: NotesFolder }, customer: string, usage: PlanUsage): Promise<void> {
  const path = [customer, USAGE_FOLDER, CHART_FILE];
  const svg = usageChartSvg(usage);
  let existing: string | undefined;
  try {
    existing = decoder.decode(await source.folder.read(path));
  } catch {
    existing = undefined;
  }
  if (existing !== svg) await source.folder.write(path, svg);
}

/**
 * The portfolio's usage hook (src/core/portfolio/collect.ts): a customer's health from its usage
 * data (the worst use-case colour of the latest snapshot) and its usage alerts since the last call;
 * undefined without snapshots, so the CSM's latest judgement stands.
 */
export function portfolioUsage(source: { folder: NotesFolder; log: NotesLog }): (customer: string, facts: PlanFacts, entries?: readonly NotesEntry[]) => Promise<CustomerUsage | undefined> {
  return async (customer, facts, entries) => {
    // Listed already without a usage folder: nothing to read (saves a failing look per customer).
    if (entries && !entries.some((e) => e.name === USAGE_FOLDER && e.type === 'directory')) return undefined;
    const snapshots = await customerSnapshots(source.folder, customer, HEALTH_KEYS, source.log);
    if (!snapshots.length) return undefined;
    const customerSince = await customerSinceOf(source.folder, customer);
    const lastCallDate = facts.lastCall?.date ?? ''; // the calls are in date order
    return usageSummary(snapshots, { ...(customerSince ? { customerSince } : {}), ...(lastCallDate ? { lastCallDate } : {}) });
  };
}
