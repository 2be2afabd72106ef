// Where the CLI finds things, as the extension would in the same folder: the notes folder from
// --notes-folder, else `.vscode/settings.json`'s `callCoach.notesFolder` (JSONC, as VS Code reads
// it), else `success-plans`; team banks in `.callcoach/questions/` plus `callCoach.questionBanks`;
// the built-in banks beside this script in the installed package (`<package>/questions`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { checkBankPath, isBankFileName, TEAM_BANK_FOLDER } from '../core/bank/teamPaths';
import { validateNotesFolder } from '../core/paths';
import { CliError, ExitCode } from './errors';

export const DEFAULT_NOTES_FOLDER = 'success-plans';
const SETTINGS_FILE = path.join('.vscode', 'settings.json');

export interface Workspace {
  /** The workspace folder (the current directory). */
  root: string;
  /** The notes folder, absolute. */
  notesFolder: string;
  /** How it was chosen, for messages. */
  notesFolderFrom: string;
  /** Team bank files in load order (absolute). */
  teamBanks: string[];
  /** Problems with the settings that are not fatal, one sentence each. */
  warnings: string[];
}

function readSettings(root: string): Record<string, unknown> {
  const file = path.join(root, SETTINGS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0]!;
    const line = text.slice(0, e.offset).split('\n').length;
    throw new CliError(`${SETTINGS_FILE}:${line}: ${printParseErrorCode(e.error)}; fix the file or pass --notes-folder`, ExitCode.Usage);
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The built-in banks: `questions/` of the package this script is part of, found from the script's
 * own folder (dist/cli.js in the installed package; out/src/cli/ when the tests run the compiled
 * sources), never from the current folder.
 */
export function builtInBankFolder(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'questions');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
  }
  return path.resolve(__dirname, '..', 'questions');
}

function yamlFilesIn(folder: string): string[] | undefined {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isFile() && isBankFileName(d.name))
      .map((d) => d.name)
      .sort()
      .map((n) => path.join(folder, n));
  } catch {
    return undefined;
  }
}

export function builtInBankFiles(): string[] {
  const files = yamlFilesIn(builtInBankFolder());
  if (!files?.length) throw new CliError(`the built-in question banks are missing from ${builtInBankFolder()}; reinstall call-coach`, ExitCode.Failure);
  return files;
}

export function resolveWorkspace(root: string, notesFolderFlag: string | undefined): Workspace {
  const settings = readSettings(root);
  const warnings: string[] = [];
  let setting = notesFolderFlag;
  let from = '--notes-folder';
  if (setting === undefined) {
    const configured = settings['callCoach.notesFolder'];
    if (typeof configured === 'string') {
      setting = configured;
      from = `callCoach.notesFolder in ${SETTINGS_FILE}`;
    } else {
      setting = DEFAULT_NOTES_FOLDER;
      from = 'the default';
    }
  }
  const checked = validateNotesFolder(setting);
  if (!checked.ok) throw new CliError(`${checked.error} (from ${from})`, ExitCode.Usage);

  const teamBanks = [...(yamlFilesIn(path.join(root, ...TEAM_BANK_FOLDER)) ?? [])];
  const extra = settings['callCoach.questionBanks'];
  for (const entry of Array.isArray(extra) ? extra : []) {
    const bank = checkBankPath(entry);
    if (!bank.ok) {
      warnings.push(bank.error);
      continue;
    }
    const full = path.join(root, ...bank.segments);
    const files = fs.statSync(full, { throwIfNoEntry: false })?.isDirectory() ? yamlFilesIn(full) : fs.existsSync(full) ? [full] : undefined;
    if (!files) warnings.push(`callCoach.questionBanks entry ${JSON.stringify(entry)} does not exist`);
    for (const f of files ?? []) if (!teamBanks.includes(f)) teamBanks.push(f);
  }
  return { root, notesFolder: path.join(root, ...checked.segments), notesFolderFrom: from, teamBanks, warnings };
}
