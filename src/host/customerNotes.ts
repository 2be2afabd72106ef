// Reads what earlier calls recorded: which customers have notes (for the start form) and a
// customer's objectives and topics (for Sync/Refresh). Broken notes are skipped and logged,
// never rewritten.
import * as vscode from 'vscode';
import { parseNote } from '../core/note/parse';
import type { CallNote } from '../core/note/model';
import { slugify } from '../core/paths';
import type { Log } from './log';
import { indexedNote } from './plan/indexedNotes';

const decoder = new TextDecoder();
const SUCCESS_PLAN = 'success-plan.md';

async function readDir(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

async function readNote(uri: vscode.Uri, log: Log): Promise<CallNote | undefined> {
  try {
    const parsed = parseNote(decoder.decode(await vscode.workspace.fs.readFile(uri)));
    if (parsed.ok) return parsed.note;
    log.warn(`Skipped ${uri.fsPath}: ${parsed.error}`);
  } catch (err) {
    log.warn(`Could not read ${uri.fsPath}`, err);
  }
  return undefined;
}

function noteFiles(entries: [string, vscode.FileType][]): string[] {
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md') && name !== SUCCESS_PLAN)
    .map(([name]) => name)
    .sort()
    .reverse();
}

/** The customer of a note, through the note index (read again only when the file changed). */
async function noteCustomer(folder: vscode.Uri, file: string, log: Log): Promise<string | undefined> {
  const uri = vscode.Uri.joinPath(folder, file);
  try {
    const { read } = await indexedNote(folder, file);
    if (read.ok) return read.note.customer;
    log.warn(`Skipped ${uri.fsPath}: ${read.error}`);
  } catch (err) {
    log.warn(`Could not read ${uri.fsPath}`, err);
  }
  return undefined;
}

/** Customer display names, one per customer folder, from its newest readable note. */
export async function listCustomers(notesFolder: vscode.Uri, log: Log): Promise<string[]> {
  const folders = (await readDir(notesFolder)).filter(([, type]) => type === vscode.FileType.Directory);
  const names = await Promise.all(
    folders.map(async ([dir]) => {
      const folder = vscode.Uri.joinPath(notesFolder, dir);
      for (const file of noteFiles(await readDir(folder))) {
        const customer = await noteCustomer(folder, file, log);
        if (customer !== undefined) return customer;
      }
      return undefined;
    }),
  );
  return names.filter((n): n is string => !!n).sort((a, b) => a.localeCompare(b));
}

const TOPIC_MAX = 100;
const shorten = (s: string) => (s.length > TOPIC_MAX ? `${s.slice(0, TOPIC_MAX - 1)}…` : s);

/** Objectives and topics from a customer's earlier notes, newest first, without repeats. */
export async function customerSuggestions(notesFolder: vscode.Uri, customer: string, log: Log): Promise<{ objective: string[]; topic: string[] }> {
  const dir = vscode.Uri.joinPath(notesFolder, slugify(customer, 'customer'));
  const objective = new Set<string>();
  const topic = new Set<string>();
  for (const file of noteFiles(await readDir(dir))) {
    const note = await readNote(vscode.Uri.joinPath(dir, file), log);
    if (!note) continue;
    note.objectives.forEach((o) => objective.add(o.text));
    for (const section of note.sections) {
      for (const entry of section.entries) {
        const line = shorten(entry.answer.replace(/\s+/g, ' ').trim());
        if (entry.tags.includes('objective')) objective.add(line);
        else if (entry.tags.length) topic.add(line);
      }
    }
    note.actionItems.forEach((a) => topic.add(shorten(a.text)));
  }
  return { objective: [...objective].slice(0, 50), topic: [...topic].slice(0, 50) };
}
