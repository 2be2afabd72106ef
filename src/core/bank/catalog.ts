// The set of banks in force: built-ins plus any team banks, each file loaded on its own so that
// one broken file never keeps the others out. Files are taken in the order given (built-ins
// first): a later bank cannot reuse an earlier bank's id, and team overrides (`kind: overrides`)
// are applied after every bank has loaded, in file order, so they can change any loaded prompt.
import { loadBankFile, type BankIssue, type BankProblem, type Range } from './loader';
import { applyOverrides, type AppliedOverride, type OverrideSource } from './overrides';
import type { Bank, Playbook, Prompt } from './schema';

export interface BankFile {
  /** Where the bank came from (path or URI string), used in problems and in the UI. */
  file: string;
  text: string;
}

export interface Catalog {
  /** Valid banks in presentation order (by `order`, then title), with overrides applied. */
  banks: Bank[];
  /** Problems per file, for diagnostics; a file with errors contributes no bank. */
  problems: BankProblem[];
  /** Files that were skipped because of errors. */
  skipped: string[];
  /** Prompts a team override changed, and which file changed them. */
  overridden: AppliedOverride[];
  /** Call playbooks in presentation order; a later file with the same id replaced an earlier one. */
  playbooks: Playbook[];
}

export const emptyCatalog = (): Catalog => ({ banks: [], problems: [], skipped: [], overridden: [], playbooks: [] });

const problemAt = (file: string, range: Range, message: string, path: string, issue: BankIssue): BankProblem => ({ file, message, path, ...range, severity: 'error', issue });

export function buildCatalog(files: readonly BankFile[]): Catalog {
  const banks: { bank: Bank; file: string }[] = [];
  const overrideFiles: OverrideSource[] = [];
  const problems: BankProblem[] = [];
  const skipped: string[] = [];
  const byId = new Map<string, string>();
  const playbooks = new Map<string, { playbook: Playbook; file: string; techniqueRanges: Range[] }>();
  for (const { file, text } of files) {
    const result = loadBankFile(file, text);
    if (!result.ok) {
      problems.push(...result.problems);
      skipped.push(file);
      continue;
    }
    problems.push(...result.warnings);
    const { content } = result;
    if (content.type === 'playbook') {
      // Playbooks have their own namespace, and a later file replaces an earlier one on purpose.
      playbooks.set(content.playbook.id, { playbook: content.playbook, file, techniqueRanges: content.techniqueRanges });
      continue;
    }
    const id = content.type === 'bank' ? content.bank.id : content.overrides.id;
    const other = byId.get(id);
    if (other) {
      const hint = content.type === 'bank' ? '; to change its prompts, use a file of kind "overrides" instead' : '';
      problems.push(problemAt(file, content.idRange, `id "${id}" is already used by ${other}; give this file its own id${hint}`, 'id', { code: 'id-taken', id, by: other, isBank: content.type === 'bank' }));
      skipped.push(file);
      continue;
    }
    byId.set(id, file);
    if (content.type === 'bank') banks.push({ bank: content.bank, file });
    else overrideFiles.push({ file, overrides: content.overrides, entryRanges: content.entryRanges, criterionRanges: content.criterionRanges });
  }
  banks.sort((a, b) => a.bank.order - b.bank.order || a.bank.title.localeCompare(b.bank.title));
  const applied = applyOverrides(
    banks.map((b) => b.bank),
    overrideFiles,
  );
  // A playbook naming a technique nobody loaded still works (the start form skips it), but say so.
  const known = new Set(applied.banks.map((b) => b.id));
  for (const { playbook, file, techniqueRanges } of playbooks.values()) {
    playbook.techniques.forEach((id, i) => {
      if (!known.has(id)) problems.push({ ...problemAt(file, techniqueRanges[i]!, `no loaded bank has the id "${id}"; check the spelling, or the bank that defines it has errors`, `techniques.${i}`, { code: 'technique-unknown', id }), severity: 'warning' });
    });
  }
  const orderedPlaybooks = [...playbooks.values()].map((p) => p.playbook).sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
  return { banks: applied.banks, problems: [...problems, ...applied.problems], skipped, overridden: applied.overridden, playbooks: orderedPlaybooks };
}

/** Every prompt with the bank it belongs to, follow-ups flattened after their parent. */
export function* allPrompts(banks: readonly Bank[]): Generator<{ bank: Bank; prompt: Omit<Prompt, 'followUps'> & { when?: string }; parentId?: string }> {
  for (const bank of banks) {
    for (const prompt of bank.prompts) {
      yield { bank, prompt };
      for (const f of prompt.followUps ?? []) yield { bank, prompt: f, parentId: prompt.id };
    }
  }
}
