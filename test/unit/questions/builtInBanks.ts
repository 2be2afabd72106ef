// The built-in question banks (questions/*.yaml), loaded as the extension loads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog } from '../../../src/core/bank/catalog';
import type { Bank } from '../../../src/core/bank/schema';

const questionsDir = path.resolve(__dirname, '../../../../questions');

export function builtInBanks(): Bank[] {
  const files = fs.readdirSync(questionsDir).filter((f) => f.endsWith('.yaml')).sort();
  return buildCatalog(files.map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') }))).banks;
}
