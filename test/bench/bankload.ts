// The bank-loading benchmark, run by test/bench/run.mjs in its own Node process, bundled with
// esbuild. A team's bank loads in Restricted Mode, so an untrusted repository chooses its shape;
// this is the one that froze the extension host (issue 11): a single mapping of N distinct keys
// (`k00000: 0` lines, 390 KB for 40,000 keys, under the 1 MB bank limit). loadBankFile reads it
// with yaml, checks unique keys, validates it and reports every unknown key at its position; all of
// that must be linear, so 40,000 keys should take about ten times as long as 4,000.
// Runs alternate between the two sizes after a warm-up; medians are reported. Prints one JSON line.
import { strict as assert } from 'node:assert';
import { loadBankFile } from '../../src/core/bank/loader';

function mapping(keys: number): string {
  const lines: string[] = [];
  for (let i = 0; i < keys; i++) lines.push(`k${String(i).padStart(5, '0')}: ${i % 10}\n`);
  return lines.join('');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** CPU time of each load too: on a shared machine the wall clock also counts other processes. */
const cpuMs = new Map<number, number[]>();

function timeLoad(text: string, keys: number): number {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const r = loadBankFile('big.yaml', text);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  cpuMs.set(keys, [...(cpuMs.get(keys) ?? []), (used.user + used.system) / 1000]);
  // The whole path ran: every key reported as unknown, plus the required keys that are missing.
  assert.ok(!r.ok && r.problems.filter((p) => p.message.startsWith('unknown key')).length === keys, 'every key reported');
  return ms;
}

const small = mapping(4_000);
const large = mapping(40_000);
for (let i = 0; i < 2; i++) timeLoad(small, 4_000), timeLoad(large, 40_000);
cpuMs.clear();
const smallMs: number[] = [];
const largeMs: number[] = [];
for (let i = 0; i < 5; i++) {
  smallMs.push(timeLoad(small, 4_000));
  largeMs.push(timeLoad(large, 40_000));
}
const s = median(smallMs);
const l = median(largeMs);
console.log(
  JSON.stringify({
    bank_load_scaling: l / s,
    bank_load_4k_ms: s,
    bank_load_40k_ms: l,
    bank_load_4k_cpu_ms: median(cpuMs.get(4_000)!),
    bank_load_40k_cpu_ms: median(cpuMs.get(40_000)!),
    bank_load_40k_bytes: large.length,
    bank_load_4k_bytes: small.length,
  }),
);
