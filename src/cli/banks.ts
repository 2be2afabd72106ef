// The question banks as the extension loads them: the built-in banks (from the installed package),
// then the team's, decoded and checked the same way (decodeBankBytes, then the catalog).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type Catalog } from '../core/bank/catalog';
import type { BankProblem } from '../core/bank/loader';
import { decodeBankBytes } from '../host/bankDecoding';
import { builtInBankFiles } from './workspace';

export interface LoadedBanks {
  catalog: Catalog;
  /** Problems of team files: undecodable or unreadable ones and the catalog's. */
  problems: BankProblem[];
}

export const BUILT_IN_PREFIX = '(built-in) ';

/** `teamFiles`: absolute paths; problems name them relative to `root`. */
export function loadBanks(root: string, teamFiles: readonly string[]): LoadedBanks {
  const builtIn = builtInBankFiles().map((f) => ({ file: `${BUILT_IN_PREFIX}${path.basename(f)}`, text: fs.readFileSync(f, 'utf8') }));
  const team: { file: string; text: string }[] = [];
  const problems: BankProblem[] = [];
  for (const f of teamFiles) {
    const file = path.relative(root, f) || f;
    const fail = (message: string, start = { line: 1, col: 1 }) => problems.push({ file, message, path: '', start, end: start, severity: 'error' });
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(f);
    } catch (err) {
      fail(`could not be read: ${(err as Error).message}`);
      continue;
    }
    const decoded = decodeBankBytes(bytes);
    if (decoded.ok) team.push({ file, text: decoded.text });
    else fail(decoded.message, decoded.start);
  }
  const catalog = buildCatalog([...builtIn, ...team]);
  problems.push(...catalog.problems);
  return { catalog, problems };
}
