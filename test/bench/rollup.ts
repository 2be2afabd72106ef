// The roll-up benchmark, run by test/bench/run.mjs in its own Node process (--expose-gc), bundled
// with esbuild. It writes the generated workspace (workspace.ts) into the folder it is given, then
// measures, in this order:
//   raw read      readFileSync of every note file (the baseline of the synchronous figure)
//   build+rollup  folder by folder, synchronously: its notes into a NoteIndex (open, fstat, read,
//                 summarise), then buildPlan from them, in memory (a detail: the host reads async)
//   heap          heapUsed held by that index once every plan is built (gc() before and after)
//   incremental   one note rewritten: its folder listed and stat'ed, the changed file read and
//                 summarised, the customer's plan rebuilt (as updatePlan does after a call)
//   legacy        for reference: parseNote on every note of a tenth of the customers, scaled
//   as the host   the headline, rollup_vs_raw_read: readCustomerNotes + buildPlan customer after
//                 customer over Node's fs promises, against reading the same files the same way
// Read and build alternate, after a warm-up of each; medians are reported. It checks, on a sample
// of customers, that the plans from the index equal the plans from parseNote. Prints one JSON line.
import { strict as assert } from 'node:assert';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { parseNote } from '../../src/core/note/parse';
import { renderNote } from '../../src/core/note/render';
import { planContext } from '../../src/core/plan/context';
import { NoteIndex, planInput, type FileStamp } from '../../src/core/plan/noteIndex';
import { buildPlan, type PlanNote } from '../../src/core/plan/rollup';
import { noteFiles } from '../../src/core/notesFolder';
import { readCustomerNotes } from '../../src/core/plan/customerNotes';
import { nodeByteText, nodeHash } from '../../src/host/plan/nodeText';
import { NodeNotesFolder } from '../../src/cli/nodeNotesFolder';
import { DEFAULT_SPEC, generateNotes, prng } from './workspace';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const fullGc = () => (gc(), gc());

const [rootArg, repo = process.cwd()] = process.argv.slice(2);
if (!rootArg) throw new Error('usage: rollup.js <empty folder for the workspace> [repo]');
const root: string = rootArg;

const questions = join(repo, 'questions');
const banks = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') }))).banks;
const context = planContext(banks, '2026-11-24');

// ---- The workspace --------------------------------------------------------------------------------
let started = performance.now();
const files: { folder: string; file: string; path: string }[] = [];
let bytes = 0;
const made = new Set<string>();
// A folder that already holds a workspace is reused as it is (handy while working on the index).
const existing = readdirSync(root).sort();
for (const folder of existing) {
  for (const file of readdirSync(join(root, folder)).sort()) {
    const path = join(root, folder, file);
    files.push({ folder, file, path });
    bytes += statSync(path).size;
  }
}
for (const n of existing.length ? [] : generateNotes(DEFAULT_SPEC, banks)) {
  const dir = join(root, n.folder);
  if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
  const path = join(dir, n.file);
  writeFileSync(path, n.text);
  files.push({ folder: n.folder, file: n.file, path });
  bytes += Buffer.byteLength(n.text);
}
const folders = [...new Set(files.map((f) => f.folder))];
const generateMs = performance.now() - started;

// ---- Reading --------------------------------------------------------------------------------------
function readAll(): number {
  let total = 0;
  for (const f of files) total += readFileSync(f.path).length;
  return total;
}

/** A file's bytes and stamp with the same system calls readFileSync makes (open, fstat, read, close). */
function readWithStamp(path: string): { stamp: FileStamp; bytes: Buffer } {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return { stamp: { mtime: st.mtimeMs, size: st.size }, bytes: got === st.size ? buf : buf.subarray(0, got) };
  } finally {
    closeSync(fd);
  }
}

const newIndex = () => new NoteIndex({ text: nodeByteText, hash: nodeHash });

/** `files` grouped by folder, in order. */
const byFolder = folders.map((folder) => files.filter((f) => f.folder === folder));

function rollUp(index: NoteIndex, folder: string): number {
  const { notes, skipped } = planInput(index.folder(folder));
  return buildPlan({ customer: folder, notes, skipped }, context).calls.length;
}

/**
 * Every customer folder, as the host's readCustomerNotes does one: its notes read into the index,
 * then its plan built from them. Returns the index and the number of calls rolled up.
 */
function buildAndRollUp(): { index: NoteIndex; calls: number } {
  const index = newIndex();
  let calls = 0;
  for (const group of byFolder) {
    for (const f of group) {
      const { stamp, bytes: b } = readWithStamp(f.path);
      index.store(f.folder, f.file, stamp, b);
    }
    calls += rollUp(index, group[0]!.folder);
  }
  return { index, calls };
}


const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!;

// Warm-up (JIT, page cache), not timed.
readAll();
buildAndRollUp();

const reads: number[] = [];
const builds: number[] = [];
let parses = 0;
let slowParses = 0;
for (let i = 0; i < 5; i++) {
  fullGc();
  started = performance.now();
  readAll();
  reads.push(performance.now() - started);
  fullGc();
  started = performance.now();
  const { index, calls } = buildAndRollUp();
  builds.push(performance.now() - started);
  assert.equal(calls, files.length, 'every note rolled up');
  parses = index.parses;
  slowParses = index.slowParses;
}

// ---- As the extension host does it (the headline) ------------------------------------------------
// The host rolls up one customer at a time with readCustomerNotes (src/core/plan/customerNotes.ts)
// over its notes folder: list the customer folder, stat and read its notes concurrently
// (vscode.workspace.fs: Node's fs promises on the libuv thread pool), summarise each into the note
// index, then build the plan. Here the same core code runs over the notes folder on Node's fs
// promises (src/cli/nodeNotesFolder.ts, the CLI's), customer after customer. The raw read it is compared with lists
// and reads the same files the same way (per customer, all at once) and does nothing else.
const notesFolder = new NodeNotesFolder(root);
const quietLog = { info: () => undefined, warn: () => undefined };
const hostReads: number[] = [];
const hostBuilds: number[] = [];
async function rawReadAsPerCustomer(): Promise<number> {
  let total = 0;
  for (const folder of folders) {
    const names = await noteFiles(notesFolder, folder);
    const read = await Promise.all(names.map((name) => readFile(join(root, folder, name))));
    for (const b of read) total += b.length;
  }
  return total;
}
async function rollUpAsHost(index: NoteIndex): Promise<number> {
  let calls = 0;
  for (const folder of folders) {
    const { notes, skipped } = await readCustomerNotes({ folder: notesFolder, index, log: quietLog }, folder);
    calls += buildPlan({ customer: folder, notes, skipped }, context).calls.length;
  }
  return calls;
}
/** Called at the very end (after the incremental part below has rewritten a few notes, which does not matter here). */
async function measureAsHost(): Promise<void> {
  await rawReadAsPerCustomer(); // warm-up
  await rollUpAsHost(newIndex());
  for (let i = 0; i < 3; i++) {
    fullGc();
    started = performance.now();
    assert.ok((await rawReadAsPerCustomer()) > 0);
    hostReads.push(performance.now() - started);
    fullGc();
    started = performance.now();
    assert.equal(await rollUpAsHost(newIndex()), files.length);
    hostBuilds.push(performance.now() - started);
  }
}

// ---- Heap held by the index -----------------------------------------------------------------------
// After the roll-up, as the index stays between plan updates in the host.
fullGc();
const heapBefore = process.memoryUsage().heapUsed;
const { index } = buildAndRollUp();
fullGc();
const heapAfter = process.memoryUsage().heapUsed;
const indexHeapMb = (heapAfter - heapBefore) / 1024 / 1024;

// ---- The index agrees with parseNote --------------------------------------------------------------
const dice = prng(7);
const sample = folders.filter(() => dice() < 0.05);
for (const folder of sample) {
  const notes: PlanNote[] = [];
  for (const f of files.filter((x) => x.folder === folder)) {
    const parsed = parseNote(new TextDecoder().decode(readFileSync(f.path)));
    assert.ok(parsed.ok, `${f.path}: ${parsed.ok ? '' : parsed.error}`);
    notes.push({ file: f.file, note: parsed.note });
  }
  const fromIndex = planInput(index.folder(folder));
  assert.deepEqual(buildPlan({ customer: folder, ...fromIndex }, context), buildPlan({ customer: folder, notes, skipped: [] }, context), `the plan of ${folder}`);
}

// ---- One note changes -----------------------------------------------------------------------------
function updateFolder(folder: string): number {
  const dir = join(root, folder);
  const names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    const path = join(dir, name);
    const st = statSync(path);
    const stamp = { mtime: st.mtimeMs, size: st.size };
    if (index.fresh(folder, name, stamp)) continue;
    const read = readWithStamp(path);
    index.store(folder, name, read.stamp, read.bytes);
  }
  index.retain(folder, names);
  const { notes, skipped } = planInput(index.folder(folder));
  return buildPlan({ customer: folder, notes, skipped }, context).calls.length;
}

const updates: number[] = [];
const parsesBefore = index.parses;
for (let i = 0; i < 25; i++) {
  const f = files[Math.floor(dice() * files.length)]!;
  const parsed = parseNote(readFileSync(f.path, 'utf8'));
  assert.ok(parsed.ok);
  const note = parsed.note;
  // What a CSM does between calls: ticks an action item, moves an objective on.
  if (note.actionItems[0]) note.actionItems[0].done = !note.actionItems[0].done;
  note.objectives.push({ text: `Follow-up objective ${i}`, status: 'in-progress', origin: 'tagged', owner: '', due: '', horizon: 3, valueDriver: '' });
  writeFileSync(f.path, renderNote(note));
  started = performance.now();
  updateFolder(f.folder);
  updates.push(performance.now() - started);
}
const reparsed = index.parses - parsesBefore;

// ---- The old way, for reference: parseNote on every note -------------------------------------------
const legacyFolders = folders.filter((_, i) => i % 10 === 0);
const legacyFiles = files.filter((f) => legacyFolders.includes(f.folder));
started = performance.now();
for (const folder of legacyFolders) {
  const notes: PlanNote[] = [];
  for (const f of legacyFiles.filter((x) => x.folder === folder)) {
    const parsed = parseNote(new TextDecoder().decode(readFileSync(f.path)));
    if (parsed.ok) notes.push({ file: f.file, note: parsed.note });
  }
  buildPlan({ customer: folder, notes }, context);
}
const legacyMs = ((performance.now() - started) * files.length) / legacyFiles.length;

void measureAsHost().then(() => {
  const readMs = median(reads);
  const buildMs = median(builds);
  const hostReadMs = median(hostReads);
  const hostBuildMs = median(hostBuilds);
  console.log(
    JSON.stringify({
      notes: files.length,
      customers: folders.length,
      workspace_bytes: bytes,
      generate_ms: generateMs,
      host_read_ms: hostReadMs,
      host_build_rollup_ms: hostBuildMs,
      rollup_vs_raw_read: hostBuildMs / hostReadMs,
      read_ms: readMs,
      build_rollup_ms: buildMs,
      rollup_vs_raw_read_sync: buildMs / readMs,
      fast_path_share: 1 - slowParses / parses,
      index_heap_mb: indexHeapMb,
      incremental_update_ms: median(updates),
      incremental_update_p95_ms: quantile(updates, 0.95),
      incremental_reparsed: reparsed,
      legacy_rollup_ms: legacyMs,
      checked_customers: sample.length,
    }),
  );
});
