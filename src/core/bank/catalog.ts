// The set of banks in force: built-ins plus any team banks, each file loaded on its own so that
// one broken file never keeps the others out.
import { loadBank, type BankProblem } from './loader';
import type { Bank, Prompt } from './schema';

export interface BankFile {
  /** Where the bank came from (path or URI string), used in problems and in the UI. */
  file: string;
  text: string;
}

export interface Catalog {
  /** Valid banks in presentation order (by `order`, then title). */
  banks: Bank[];
  /** Problems per file, for diagnostics; a file with errors contributes no bank. */
  problems: BankProblem[];
  /** Files that were skipped because of errors. */
  skipped: string[];
}

export function buildCatalog(files: readonly BankFile[]): Catalog {
  const banks: { bank: Bank; file: string }[] = [];
  const problems: BankProblem[] = [];
  const skipped: string[] = [];
  const byId = new Map<string, string>();
  for (const { file, text } of files) {
    const result = loadBank(file, text);
    if (!result.ok) {
      problems.push(...result.problems);
      skipped.push(file);
      continue;
    }
    problems.push(...result.warnings);
    const other = byId.get(result.bank.id);
    if (other) {
      problems.push({
        file,
        message: `bank id "${result.bank.id}" is already used by ${other}; give this bank its own id`,
        path: 'id',
        start: { line: 1, col: 1 },
        end: { line: 1, col: 1 },
        severity: 'error',
      });
      skipped.push(file);
      continue;
    }
    byId.set(result.bank.id, file);
    banks.push({ bank: result.bank, file });
  }
  banks.sort((a, b) => a.bank.order - b.bank.order || a.bank.title.localeCompare(b.bank.title));
  return { banks: banks.map((b) => b.bank), problems, skipped };
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
