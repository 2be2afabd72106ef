// Shared by the unit tests of the notes folder and what reads through it: the acme-corp notes
// (test/fixtures/plan), the built-in banks' catalog, a log that records, and a NotesSource over an
// in-memory notes folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type Catalog } from '../../../src/core/bank/catalog';
import type { NotesSource } from '../../../src/core/plan/customerNotes';
import { NoteIndex } from '../../../src/core/plan/noteIndex';
import type { MemoryNotesFolder } from '../fakes/memoryNotesFolder';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/plan/acme-corp');
const fixture = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
export const DISCOVERY = fixture('2026-01-10-discovery.md');
export const BROKEN = fixture('2026-02-01-broken.md');
export const FOLLOW_UP = fixture('2026-03-02-follow-up.md');

const questionsDir = path.resolve(__dirname, '../../../../questions');
export const catalog: Catalog = buildCatalog(
  fs.readdirSync(questionsDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') })),
);

export class RecordingLog {
  lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
}

export function source(folder: MemoryNotesFolder): NotesSource & { log: RecordingLog } {
  return { folder, index: new NoteIndex(), log: new RecordingLog() };
}
