// The usage-import benchmark, run by test/bench/run.mjs in its own Node process (bundled with
// esbuild). It generates a 5 MB Service Ping payload (every key Call Coach reads, plus a few
// thousand other counters and nested objects, as a large instance sends), and times what Import
// Usage Data does with one: stat (size check), read, parse and validate, trim to a snapshot, plan
// the import against three stored months, serialise and write the snapshot. Median of 21 runs after
// 3 warm-ups. Prints one JSON line.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/bank/catalog';
import { planImport, type StoredSnapshot } from '../../src/core/usage/importPlan';
import { HEALTH_KEYS } from '../../src/core/usage/keys';
import { parsePayload, sizeProblem, snapshotJson } from '../../src/core/usage/payload';
import { usageKeys } from '../../src/core/usage/report';

const [repo = process.cwd()] = process.argv.slice(2);
const questions = join(repo, 'questions');
const banks = buildCatalog(readdirSync(questions).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ file: f, text: readFileSync(join(questions, f), 'utf8') }))).banks;
const keys = usageKeys(banks);
const TARGET = 5 * 1024 * 1024;

/** Deterministic numbers (mulberry32). */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function set(root: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = root;
  for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

function bigPayload(recordedAt: string): string {
  const rand = prng(12);
  const root: Record<string, unknown> = { recorded_at: recordedAt, uuid: 'bench', hostname: 'gitlab.bench.example', version: '17.5.1-ee', edition: 'EEU', license_plan: 'ultimate' };
  for (const k of keys) set(root, k, k.endsWith('enabled') ? true : Math.floor(rand() * 100_000) + 1);
  set(root, 'license_user_count', 1000);
  set(root, 'license_billable_users', 800);
  const groups = ['counts', 'counts_monthly', 'counts_weekly', 'usage_activity_by_stage', 'usage_activity_by_stage_monthly', 'redis_hll_counters', 'settings', 'topology'];
  let i = 0;
  let text = JSON.stringify(root);
  while (text.length < TARGET) {
    for (let n = 0; n < 2000; n++, i++) {
      const g = groups[i % groups.length]!;
      set(root, `${g}.area_${i % 97}.metric_${i}_total_unique_counts_monthly`, rand() < 0.02 ? -1 : Math.floor(rand() * 1e6));
    }
    text = JSON.stringify(root);
  }
  return text;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'call-coach-usage-bench-'));
  try {
    const now = new Date('2026-12-03T12:00:00Z');
    const file = join(dir, 'service_ping.json');
    const text = bigPayload('2026-04-01T10:00:00.000Z');
    writeFileSync(file, text);
    const stored: StoredSnapshot[] = ['2026-01-01', '2026-02-01', '2026-03-01'].map((d) => {
      const r = parsePayload(JSON.stringify({ recorded_at: `${d}T10:00:00Z`, counts: {}, ...Object.fromEntries(HEALTH_KEYS.map((k) => [k, 1])) }), { keys, now });
      if (!r.ok) throw new Error(r.problem);
      return { file: `${d}.json`, snapshot: r.snapshot, text: snapshotJson(r.snapshot) };
    });
    const once = async (): Promise<number> => {
      const started = performance.now();
      const size = (await stat(file)).size;
      const tooBig = sizeProblem(size);
      if (tooBig) throw new Error(tooBig);
      const payload = await readFile(file, 'utf8');
      const parsed = parsePayload(payload, { keys, now });
      if (!parsed.ok) throw new Error(parsed.problem);
      const plan = planImport(stored, [{ source: 'service_ping.json', snapshot: parsed.snapshot }]);
      if (!plan.ok || plan.writes.length !== 1) throw new Error(`import plan: ${JSON.stringify(plan)}`);
      await writeFile(join(dir, plan.writes[0]!.file), plan.writes[0]!.text);
      return performance.now() - started;
    };
    for (let w = 0; w < 3; w++) await once();
    const runs: number[] = [];
    for (let r = 0; r < 21; r++) runs.push(await once());
    const sorted = [...runs].sort((a, b) => a - b);
    const snapshotBytes = Buffer.byteLength(readFileSync(join(dir, '2026-04-01.json')));
    console.log(JSON.stringify({ usage_import_ms: sorted[10], usage_import_max_ms: sorted[20], usage_import_min_ms: sorted[0], payload_bytes: text.length, snapshot_bytes: snapshotBytes, keys: keys.length }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
