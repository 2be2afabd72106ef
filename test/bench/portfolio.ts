// The portfolio and CLI benchmark, run by test/bench/run.mjs in its own Node process (--expose-gc),
// bundled with esbuild. Arguments: an empty folder, the repo, and the part: `portfolio` or `cli`.
//
// portfolio   the generated workspace of 10,000 notes for 500 customers (workspace.ts), read as the
//             Customers view reads it (src/core/portfolio/collect.ts over a NotesFolder, the usage
//             hook) through the CLI's Node notes folder, which stamps and reads a customer folder's
//             notes in one call each (stampFiles, readStamped); the extension's folder over
//             vscode.workspace.fs has no such calls and makes a stat and a read per note:
//   portfolio_cold_ms           a fresh index, no cache: list, read with stamps, summarise, roll up
//                               500 plans, count; median of 3
//   portfolio_cold_host_ms      the same, each customer folder stamped and read on the note reader's
//                               worker thread, as the desktop extension host reads a local notes
//                               folder (src/host/plan/noteFileReader.ts); reported
//   portfolio_warm_vs_raw_read  a new session with what the view's IndexCache saved, stamped through the note reader as the host does: the figures
//                               read first (portfolio-figures.json), the note index (note-index.json)
//                               restored only if some customer changed; over readFileSync of every
//                               note. Reported beside it: raw_read_async_ms, the same files read
//                               through the notes folder as the view reads them (asynchronously);
//                               portfolio_warm_cli_ms, `call-coach portfolio` with its cache.
//   tree_update_ms         one note rewritten: its customer re-read through the long-lived
//                               index and counted again, as the Customers view does; median of 25
// cli         5,000 customers, 100,000 notes: `call-coach plan` writes every plan (not timed), then
//             `call-coach plan --check` is timed in this process, its heap sampled every 10 ms:
//   cli_100k_s, cli_100k_heap_mb (the most heapUsed seen)
// Prints one JSON line.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { NodeNotesFolder } from '../../src/cli/nodeNotesFolder';
import { PersistedNoteIndex } from '../../src/cli/persistedIndex';
import { buildCatalog } from '../../src/core/bank/catalog';
import { parseNote } from '../../src/core/note/parse';
import { renderNote } from '../../src/core/note/render';
import { planContext } from '../../src/core/plan/context';
import { restoreIndex, snapshotIndex } from '../../src/core/plan/indexSnapshot';
import { NoteIndex } from '../../src/core/plan/noteIndex';
import { customerFigures } from '../../src/core/portfolio/aggregate';
import { collectCustomer, collectPortfolio } from '../../src/core/portfolio/collect';
import { FiguresCache } from '../../src/core/portfolio/figuresCache';
import { portfolioUsage } from '../../src/core/usage/usageStore';
import { noteFileReader } from '../../src/host/plan/noteFileReader';
import { nodeByteText, nodeHash } from '../../src/host/plan/nodeText';
import { DEFAULT_SPEC, generateNotes, type WorkspaceSpec } from './workspace';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const fullGc = () => (gc(), gc());
const [rootArg, repo = process.cwd(), part = 'portfolio'] = process.argv.slice(2);
if (!rootArg) throw new Error('usage: portfolio.js <empty folder> [repo] [portfolio|cli]');
const root: string = rootArg;
const log = { info: () => undefined, warn: () => undefined };
const TODAY = '2026-11-24';

const questions = join(repo, 'questions');
const banks = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') }))).banks;
const context = planContext(banks, TODAY);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Writes the workspace into <root>/success-plans, stamped a minute ago (older than the index's racy window). */
function generate(spec: WorkspaceSpec): { notesFolder: string; files: string[]; bytes: number; ms: number } {
  const started = performance.now();
  const notesFolder = join(root, 'success-plans');
  const files: string[] = [];
  let bytes = 0;
  const made = new Set<string>();
  const old = new Date(Date.now() - 60_000);
  for (const n of generateNotes(spec, banks)) {
    const dir = join(notesFolder, n.folder);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    const path = join(dir, n.file);
    writeFileSync(path, n.text);
    utimesSync(path, old, old);
    files.push(path);
    bytes += Buffer.byteLength(n.text);
  }
  return { notesFolder, files, bytes, ms: performance.now() - started };
}

async function portfolioPart(): Promise<Record<string, number | string>> {
  const ws = generate(DEFAULT_SPEC);
  const folder = new NodeNotesFolder(ws.notesFolder);
  const readAll = () => {
    let total = 0;
    for (const f of ws.files) total += readFileSync(f).length;
    return total;
  };
  // Reported beside it: the same files read the way the view reads them, through the notes folder
  // (asynchronously), eight customer folders at a time.
  const byCustomer = new Map<string, string[]>();
  for (const f of ws.files) {
    const [customer, file] = f.split('/').slice(-2) as [string, string];
    byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), file]);
  }
  const readAllAsync = async () => {
    const customers = [...byCustomer];
    let next = 0;
    let total = 0;
    const worker = async () => {
      while (next < customers.length) {
        const [customer, files] = customers[next++]!;
        for (const b of await Promise.all(files.map((file) => folder.read([customer, file])))) total += b.length;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return total;
  };
  // As the Customers view reads (customersView.ts): the shared note index, the usage hook, and on a
  // warm start the figures and note index its IndexCache saved (portfolio-figures.json, read first;
  // note-index.json, restored only when a customer's notes must be read). The bench's notes folder
  // is the CLI's Node one, standing in for vscode.workspace.fs.
  const usage = portfolioUsage({ folder, log });
  const cold = async () => collectPortfolio({ folder, index: new NoteIndex({ text: nodeByteText, hash: nodeHash }), log }, { context, usage });
  // As the desktop host's WorkspaceNotesFolder reads a local folder: listing aside (workspace.fs
  // there), a customer folder's notes are stamped and read through the note reader.
  const reader = noteFileReader();
  const hostFolder = new NodeNotesFolder(ws.notesFolder);
  hostFolder.stampFiles = async (path, files) => (await reader.stampFiles(join(ws.notesFolder, ...path), files))!;
  hostFolder.readStamped = async (path, files) => (await reader.readStamped(join(ws.notesFolder, ...path), files))!;
  const hostUsage = portfolioUsage({ folder: hostFolder, log });
  const hostCold = async () => collectPortfolio({ folder: hostFolder, index: new NoteIndex({ text: nodeByteText, hash: nodeHash }), log }, { context, usage: hostUsage });
  const storage = join(root, 'storage');
  mkdirSync(storage);
  const scope = `file://${ws.notesFolder}`;
  const hostWarm = async () => {
    const index = new NoteIndex({ text: nodeByteText, hash: nodeHash });
    const figures = FiguresCache.restore(await readFile(join(storage, 'portfolio-figures.json'), 'utf8').catch(() => undefined), 'bench', scope);
    let restored = 0;
    const beforeRead = async () => void (restored = restoreIndex(index, await readFile(join(storage, 'note-index.json'), 'utf8').catch(() => ''), 'bench', scope));
    const p = await collectPortfolio({ folder: hostFolder, index, log }, { context, usage: hostUsage, cache: figures, beforeRead });
    if (figures.changed) writeFileSync(join(storage, 'portfolio-figures.json'), figures.serialize('bench', scope));
    if (restored || !existsSync(join(storage, 'note-index.json'))) writeFileSync(join(storage, 'note-index.json'), snapshotIndex(index, 'bench', scope));
    return { p, parses: index.parses, restored };
  };
  // As `call-coach portfolio` reads: its persisted index and portfolio.json in its cache folder.
  const cacheDir = join(root, 'cache');
  const cliWarm = async () => {
    const index = new PersistedNoteIndex(cacheDir, ws.notesFolder, 'bench', { text: nodeByteText, hash: nodeHash });
    const p = await collectPortfolio({ folder, index, log }, { context, usage, cache: index.figures(), onCustomer: (c) => index.done(folder.where([c.folder])) });
    index.saveFigures();
    return { p, stored: index.stored };
  };
  // Warm-up (JIT, page cache), and the caches written.
  readAll();
  const first = await cold();
  assert.equal(first.customers.length, DEFAULT_SPEC.customers);
  assert.deepEqual(await hostCold(), first, 'the note reader gives the same portfolio');
  await hostWarm();
  await cliWarm();
  const reads: number[] = [];
  const asyncReads: number[] = [];
  const colds: number[] = [];
  const hostColds: number[] = [];
  const warms: number[] = [];
  const cliWarms: number[] = [];
  for (let i = 0; i < 3; i++) {
    fullGc();
    let t = performance.now();
    readAll();
    reads.push(performance.now() - t);
    fullGc();
    t = performance.now();
    await readAllAsync();
    asyncReads.push(performance.now() - t);
    fullGc();
    t = performance.now();
    await cold();
    colds.push(performance.now() - t);
    fullGc();
    t = performance.now();
    await hostCold();
    hostColds.push(performance.now() - t);
    fullGc();
    t = performance.now();
    const w = await hostWarm();
    warms.push(performance.now() - t);
    assert.deepEqual(w.p, first, 'the cache gives the same portfolio');
    assert.equal(w.parses + w.restored, 0, 'a warm start parses no note and does not restore the note index');
    fullGc();
    t = performance.now();
    const c = await cliWarm();
    cliWarms.push(performance.now() - t);
    assert.deepEqual(c.p, first, 'the CLI cache gives the same portfolio');
    assert.equal(c.stored, 0, 'a warm run reads no note');
  }

  // One note changes: the Customers view re-reads its customer through the long-lived index.
  const index = new NoteIndex({ text: nodeByteText, hash: nodeHash });
  const source = { folder, index, log };
  await collectPortfolio(source, { context, usage });
  const updates: number[] = [];
  for (let i = 0; i < 25; i++) {
    const file = ws.files[(i * 397) % ws.files.length]!;
    const parsed = parseNote(readFileSync(file, 'utf8'));
    assert.ok(parsed.ok);
    parsed.note.objectives.push({ text: `Follow-up objective ${i}`, status: 'in-progress', origin: 'tagged', owner: '', due: '', horizon: 3, valueDriver: '' });
    writeFileSync(file, renderNote(parsed.note));
    const customer = file.split('/').slice(-2)[0]!;
    const t = performance.now();
    const input = await collectCustomer(source, customer, { context, usage });
    customerFigures(input!, TODAY);
    updates.push(performance.now() - t);
  }
  return {
    notes: ws.files.length,
    customers: DEFAULT_SPEC.customers,
    workspace_bytes: ws.bytes,
    raw_read_ms: median(reads),
    raw_read_async_ms: median(asyncReads),
    portfolio_cold_ms: median(colds),
    portfolio_cold_host_ms: median(hostColds),
    portfolio_warm_ms: median(warms),
    portfolio_warm_vs_raw_read: median(warms) / median(reads),
    portfolio_warm_cli_ms: median(cliWarms),
    tree_update_ms: median(updates),
    tree_update_max_ms: Math.max(...updates),
  };
}

async function cliPart(): Promise<Record<string, number | string>> {
  const spec: WorkspaceSpec = { customers: 5_000, notes: 100_000, seed: DEFAULT_SPEC.seed };
  const ws = generate(spec);
  process.stderr.write(`[bench] cli: ${ws.files.length} notes (${(ws.bytes / 1024 / 1024).toFixed(0)} MB) written in ${(ws.ms / 1000).toFixed(0)} s\n`);
  const io = { out: () => undefined, err: (t: string) => process.stderr.write(`[bench] ${t}`), cwd: root, env: { XDG_CACHE_HOME: join(root, 'cache') } };
  let t = performance.now();
  assert.equal(await main(['plan', '--no-cache', '--today', TODAY], io), 0);
  const writeMs = performance.now() - t;
  fullGc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  t = performance.now();
  const code = await main(['plan', '--check', '--no-cache', '--today', TODAY], io);
  const checkMs = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  assert.equal(code, 0, 'every plan is up to date');
  return {
    cli_notes: ws.files.length,
    cli_customers: spec.customers,
    cli_workspace_bytes: ws.bytes,
    cli_generate_s: ws.ms / 1000,
    cli_write_s: writeMs / 1000,
    cli_100k_s: checkMs / 1000,
    cli_100k_heap_mb: peak / 1024 / 1024,
    cli_heap_baseline_mb: baseline / 1024 / 1024,
  };
}

void (part === 'cli' ? cliPart() : portfolioPart()).then((r) => console.log(JSON.stringify(r)));
