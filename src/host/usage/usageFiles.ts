// File access for usage data: payloads the CSM picks, and a customer's stored snapshots in
// `<notesFolder>/<customer>/usage/`. Everything goes through vscode.workspace.fs (so virtual
// workspaces work) and is asynchronous, so an import never blocks the editor.
import * as vscode from 'vscode';
import type { StoredSnapshot } from '../../core/usage/importPlan';
import { parsePayload, sizeProblem, type ParsedPayload } from '../../core/usage/payload';
import { sortSnapshots } from '../../core/usage/report';
import type { UsageSnapshot } from '../../core/usage/payload';
import type { Log } from '../log';

export const USAGE_FOLDER = 'usage';
const SNAPSHOT_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

async function readDir(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  try {
    return await vscode.workspace.fs.readDirectory(uri);
  } catch {
    return [];
  }
}

export function usageFolder(customerFolder: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(customerFolder, USAGE_FOLDER);
}

/** The picked files, with each picked folder replaced by the .json files directly in it. */
export async function payloadFiles(picked: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  for (const uri of picked) {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) {
      const entries = (await readDir(uri)).filter(([name, type]) => type & vscode.FileType.File && name.toLowerCase().endsWith('.json') && !name.startsWith('.'));
      files.push(...entries.map(([name]) => name).sort().map((name) => vscode.Uri.joinPath(uri, name)));
    } else files.push(uri);
  }
  return files;
}

const decoder = new TextDecoder('utf-8');

/** Reads and checks one payload; the size is checked before a byte is read. */
export async function readPayload(uri: vscode.Uri, keys: readonly string[], now: Date): Promise<ParsedPayload> {
  const stat = await vscode.workspace.fs.stat(uri);
  const tooBig = sizeProblem(stat.size);
  if (tooBig) return { ok: false, problem: tooBig };
  const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
  return parsePayload(text, { keys, now });
}

/** A customer's stored snapshots, oldest first; unreadable ones are logged and left out. */
export async function storedSnapshots(customerFolder: vscode.Uri, keys: readonly string[], log: Log, now = new Date()): Promise<StoredSnapshot[]> {
  const folder = usageFolder(customerFolder);
  const names = (await readDir(folder)).filter(([name, type]) => type & vscode.FileType.File && SNAPSHOT_FILE.test(name)).map(([name]) => name).sort();
  const stored: StoredSnapshot[] = [];
  for (const file of names) {
    const uri = vscode.Uri.joinPath(folder, file);
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(uri));
      const parsed = parsePayload(text, { keys, now });
      if (parsed.ok) stored.push({ file, snapshot: parsed.snapshot, text });
      else log.warn(`Usage data: skipped ${uri.fsPath || uri.toString()}: ${parsed.problem}`);
    } catch (err) {
      log.warn(`Usage data: could not read ${uri.fsPath || uri.toString()}`, err);
    }
  }
  return stored;
}

/** Just the snapshots, oldest first. */
export async function customerSnapshots(customerFolder: vscode.Uri, keys: readonly string[], log: Log): Promise<UsageSnapshot[]> {
  return sortSnapshots((await storedSnapshots(customerFolder, keys, log)).map((s) => s.snapshot));
}
