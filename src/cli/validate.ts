// `call-coach validate [paths…]`: every team bank and call note, checked as the extension reads
// them. Without paths: the team's banks (.callcoach/questions and callCoach.questionBanks) and the
// notes in the notes folder. A path may be a bank (.yaml/.yml), a note (.md) or a folder of them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isBankFileName } from '../core/bank/teamPaths';
import { parseNote } from '../core/note/parse';
import { PLAN_FILE } from '../core/notesFolder';
import { BUILT_IN_PREFIX, loadBanks } from './banks';
import { CliError, ExitCode } from './errors';
import { customerFolders, isNoteFileName, noteFiles } from '../core/notesFolder';
import { NodeNotesFolder } from './nodeNotesFolder';
import type { Checked, Finding } from './reports';
import type { Workspace } from './workspace';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Markdown that is not a call note: what Call Coach generates, and a folder's own docs. */
const NOT_NOTES = new Set([PLAN_FILE, 'portfolio.md', 'readme.md', 'changelog.md']);

function walk(dir: string, out: string[]): void {
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.') && d.name !== '.callcoach') continue;
    const full = path.join(dir, d.name);
    if (d.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(d.name)) walk(full, out);
    } else if (d.isFile() && (isBankFileName(d.name) || (isNoteFileName(d.name) && !NOT_NOTES.has(d.name.toLowerCase())))) out.push(full);
  }
}

/** The files to check, split into banks and notes (absolute paths). */
async function targets(ws: Workspace, paths: readonly string[]): Promise<{ banks: string[]; notes: string[] }> {
  if (!paths.length) {
    const folder = new NodeNotesFolder(ws.notesFolder);
    const notes: string[] = [];
    for (const c of await customerFolders(folder)) for (const f of await noteFiles(folder, c)) notes.push(path.join(ws.notesFolder, c, f));
    return { banks: ws.teamBanks, notes };
  }
  const files: string[] = [];
  for (const p of paths) {
    const full = path.resolve(ws.root, p);
    const st = fs.statSync(full, { throwIfNoEntry: false });
    if (!st) throw new CliError(`${p}: no such file or folder`, ExitCode.Usage);
    if (st.isDirectory()) walk(full, files);
    else files.push(full);
  }
  const unique = [...new Set(files)];
  return { banks: unique.filter((f) => isBankFileName(f)), notes: unique.filter((f) => !isBankFileName(f)) };
}

const rel = (ws: Workspace, file: string) => (path.relative(ws.root, file) || file).split(path.sep).join('/');

export async function validate(ws: Workspace, paths: readonly string[]): Promise<Checked> {
  const { banks, notes } = await targets(ws, paths);
  const findings: Finding[] = [];
  // Team banks load after the built-ins, so overrides and duplicate ids are checked as in the editor.
  const loaded = loadBanks(ws.root, banks);
  for (const p of loaded.problems) {
    if (p.file.startsWith(BUILT_IN_PREFIX)) continue;
    findings.push({ file: p.file.split(path.sep).join('/'), line: p.start.line, col: p.start.col, message: p.path ? `${p.message} (at ${p.path})` : p.message, severity: p.severity, kind: 'bank' });
  }
  for (const file of notes) {
    let text: string;
    try {
      text = new TextDecoder().decode(fs.readFileSync(file));
    } catch (err) {
      findings.push({ file: rel(ws, file), line: 1, col: 1, message: `could not be read: ${(err as Error).message}`, severity: 'error', kind: 'note' });
      continue;
    }
    const parsed = parseNote(text);
    if (!parsed.ok) findings.push({ file: rel(ws, file), line: parsed.line ?? 1, col: 1, message: parsed.error, severity: 'error', kind: 'note' });
  }
  return {
    files: [...banks.map((f) => ({ file: rel(ws, f), kind: 'bank' as const })), ...notes.map((f) => ({ file: rel(ws, f), kind: 'note' as const }))],
    findings,
  };
}
