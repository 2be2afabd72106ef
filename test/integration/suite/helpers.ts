// Shared by the integration suites (they run inside the extension host): the extension's API as
// the tests see it, timeouts that name what they waited for, and the phase of a two-phase suite.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CallBank, CallState } from '../../../src/core/session/model';
import { CommandId, EXTENSION_ID } from '../../../src/ids';

export { EXTENSION_ID };

/** The contract `activate()` returns (src/host/extension.ts); declared here so tests compile alone.
 *  `catalog()` may answer at once or after the banks load; the tests always await it. */
export interface CatalogSummary {
  banks: { id: string; title: string; kind: string }[];
  problems: unknown[];
}
export interface StoredCall {
  state: CallState;
  banks: CallBank[];
}
export interface CallCoachApi {
  catalog(): CatalogSummary | Thenable<CatalogSummary>;
  sidebar: { whenReady(): Promise<void>; snapshot(): Promise<string>; receive(message: unknown): void };
  currentCall(): StoredCall | undefined;
  /** Resolves once a call saved before this extension host started is back (activateExtension waits for it). */
  whenCallLoaded(): Promise<void>;
  /** Resolves once the running call's latest change has landed in its draft file. */
  whenCallSaved(): Promise<void>;
  /** The Customers view: each customer's figures, the names it shows, and how many folders its first read took from the last session's index. */
  customers: { rows(): Promise<{ folder: string; customer: string; calls: number; openObjectives: number }[]>; shown(): Promise<string[]>; restored(): Promise<number> };
}

export function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Polls `probe` until `ok` holds; fails with the last value seen. */
export async function eventually<T>(what: string, probe: () => T | Thenable<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await withTimeout(Promise.resolve(probe()), Math.max(1000, deadline - Date.now()), what);
    if (ok(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${ms} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 600)}`);
    }
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** The extension, activated, with its API. */
export async function activateExtension(): Promise<{ ext: vscode.Extension<CallCoachApi>; api: CallCoachApi }> {
  const ext = vscode.extensions.getExtension<CallCoachApi>(EXTENSION_ID);
  if (!ext) {
    const others = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not loaded; other extensions: ${others.join(', ') || '(none)'}`);
  }
  const api = await withTimeout(ext.activate(), 30_000, `${EXTENSION_ID} to activate`);
  await withTimeout(api.whenCallLoaded(), 30_000, 'the saved call (if any) to load');
  return { ext, api };
}

export async function showSidebar(api: CallCoachApi): Promise<void> {
  await vscode.commands.executeCommand(CommandId.showSidebar);
  await withTimeout(api.sidebar.whenReady(), 30_000, 'the Call Coach sidebar webview to load and say ready');
}

/** Waits until the sidebar's visible text holds every one of `texts` (ignoring case: the view's
 *  CSS upper-cases some headings, and innerText reports them as shown). */
export function snapshotShowing(api: CallCoachApi, texts: string[]): Promise<string> {
  return eventually(
    `the sidebar to show ${texts.map((t) => JSON.stringify(t)).join(', ')}`,
    () => withTimeout(api.sidebar.snapshot(), 10_000, 'a sidebar snapshot'),
    (text) => texts.every((t) => text.toLowerCase().includes(t.toLowerCase())),
    10_000,
  );
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The host's own check (noteWriter.ts), so tests and product agree on what "exists" means. */
export { exists } from '../../../src/host/noteWriter';

// ---- two-phase suites (test/host/code-wrapper.mjs with CALL_COACH_PHASES) -------------------

/**
 * Which run of a phased suite this is: 1, then 2 after the wrapper reloaded the workbench page.
 * The wrapper writes the number to $CALL_COACH_PHASE_FILE before each phase; without it, 1.
 */
export function currentPhase(): number {
  const file = process.env.CALL_COACH_PHASE_FILE;
  if (!file) return 1;
  const n = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(n) || n < 1) throw new Error(`${file} holds no phase number`);
  return n;
}

export function phaseCount(): number {
  return Number(process.env.CALL_COACH_PHASES) || 1;
}

/** A file beside the phase file, for what one phase hands to the next (survives the reload). */
function handoffFile(name: string): string {
  const file = process.env.CALL_COACH_PHASE_FILE;
  if (!file) throw new Error('CALL_COACH_PHASE_FILE is not set: run this suite through test/integration/run.mjs (reload)');
  return path.join(path.dirname(file), name);
}

/** Phase 1 leaves any JSON value for phase 2 under `name`. */
export function writeHandoffValue(name: string, value: unknown): void {
  fs.writeFileSync(handoffFile(name), JSON.stringify(value));
}

export function readHandoffValue(name: string): unknown {
  const file = handoffFile(name);
  if (!fs.existsSync(file)) throw new Error(`phase 1 left no ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

/** What phase 1 of a phased suite leaves for phase 2: its extension host, and the call as it was. */
export interface Handoff {
  pid: number;
  call: StoredCall;
}

/** Phase 1: records this extension host and a deep copy of the call under `name`. */
export function writeHandoff(name: string, call: StoredCall): void {
  const handoff: Handoff = { pid: process.pid, call: JSON.parse(JSON.stringify(call)) as StoredCall };
  fs.writeFileSync(handoffFile(name), JSON.stringify(handoff));
}

/** Phase 2: what phase 1 wrote under `name`; fails the suite when it wrote nothing. */
export function readHandoff(name: string): Handoff {
  const file = handoffFile(name);
  if (!fs.existsSync(file)) throw new Error(`phase 1 left no ${file}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Handoff;
}

/** Sets a Call Coach setting for the user (undefined removes it). */
export function setting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('callCoach').update(key, value, vscode.ConfigurationTarget.Global);
}
