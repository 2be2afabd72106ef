// `call-coach plan [customer…] [--check]` and the roll-up the other commands share: each customer
// folder's notes (through the note index, see notes.ts) rolled up with the same buildPlan and
// renderPlan the extension's Update Success Plan uses, folder by folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanContext, SuccessPlan } from '../core/plan/model';
import { PLAN_FILE } from '../core/notesFolder';
import { buildPlan, renderPlan } from '../core/plan/rollup';
import { slugify } from '../core/paths';
import { CliError, ExitCode } from './errors';
import type { NodeNotes } from './notes';

export interface CustomerPlan {
  folder: string;
  plan: SuccessPlan;
}

/** The customer folders to work on: all, or those named (by folder name or customer name). */
export function selectCustomers(notes: NodeNotes, names: readonly string[]): string[] {
  const all = notes.customerFolders().filter((c) => notes.noteFiles(c).length > 0);
  if (!names.length) return all;
  return names.map((name) => {
    const folder = all.includes(name) ? name : slugify(name, 'customer');
    if (!all.includes(folder)) throw new CliError(`no customer "${name}" in ${notes.folder} (no folder ${folder} with call notes); run \`call-coach portfolio --json\` to list them`, ExitCode.Usage);
    return folder;
  });
}

/** Each customer's plan, one folder at a time; a folder's notes are let go once it is rolled up. */
export function* customerPlans(notes: NodeNotes, folders: readonly string[], context: PlanContext): Generator<CustomerPlan> {
  for (const folder of folders) {
    const input = notes.readCustomer(folder);
    const plan = buildPlan({ customer: folder, ...input }, context);
    notes.forget(folder);
    yield { folder, plan };
  }
}

export type PlanOutcome =
  | { status: 'unchanged' | 'written' | 'outdated'; file: string }
  | { status: 'refused'; file: string; line: number; error: string };

/** Renders a customer's plan into its success-plan.md; with `check`, only says whether it would change. */
export function updatePlanFile(notes: NodeNotes, { folder, plan }: CustomerPlan, context: PlanContext, check: boolean): PlanOutcome {
  const file = path.join(notes.folder, folder, PLAN_FILE);
  let existing: string | undefined;
  let bytes: Buffer | undefined;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`${file}: could not be read: ${(err as Error).message}`, ExitCode.Io);
  }
  if (bytes) {
    try {
      existing = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { status: 'refused', file, line: 1, error: `${PLAN_FILE} is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8` };
    }
  }
  const rendered = renderPlan(plan, context, existing);
  if (!rendered.ok) return { status: 'refused', file, line: rendered.line ?? 1, error: rendered.error };
  if (rendered.text === existing) return { status: 'unchanged', file };
  if (check) return { status: 'outdated', file };
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, rendered.text);
    fs.renameSync(tmp, file);
  } catch (err) {
    throw new CliError(`${file}: could not be written: ${(err as Error).message}`, ExitCode.Io);
  }
  return { status: 'written', file };
}
