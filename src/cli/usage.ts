// `call-coach usage <payload.json>… [--customer-since YYYY-MM] [--json]`: GitLab's use-case health,
// license utilization and the stage criteria met by data, from Service Ping payloads, computed by
// the same src/core/usage the extension's Import Usage Data uses. Nothing is written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { USE_CASE_LABEL, useCaseIds } from '../core/usage/health';
import { planImport, type IncomingPayload } from '../core/usage/importPlan';
import { parsePayload, sizeProblem } from '../core/usage/payload';
import { usageKeys, usageReport, type UsageReport } from '../core/usage/report';
import { loadBanks } from './banks';
import { CliError, ExitCode } from './errors';
import { resolveWorkspace } from './workspace';

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

const CUSTOMER_SINCE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const usageCommand = {
  name: 'usage',
  summary: 'use-case health and stage adoption from Service Ping payloads',
  usage: 'call-coach usage <payload.json>… [--customer-since YYYY-MM] [--json]',
  help: `Reads GitLab Service Ping payloads (Admin area > Usage statistics, or GET
/api/v4/usage_data/service_ping), one per month, and prints GitLab's use-case health scoring of the
newest (license utilization, user engagement, SCM, CI, Security, CD) and the stage adoption criteria
the data meets (growth criteria need three monthly payloads). Team banks in this folder remap key
paths as in the extension. Nothing is written.

  --customer-since <YYYY-MM>  the month the customer bought GitLab; license utilization is judged
                              by account age and needs it
  --json                      print {"recordedAt", "health", "stages"} as JSON
  --notes-folder <path>       (accepted for symmetry; not used)
  -h, --help                  this help

Exit code 1 when a payload is refused (not JSON, not a Service Ping payload, too large, dated in
the future, two for one month); 3 when a file cannot be read.`,
  options: {
    'customer-since': { type: 'string' },
    json: { type: 'boolean' },
    'notes-folder': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } satisfies NonNullable<ParseArgsConfig['options']>,
  run({ values, positionals, io }: { values: Values; positionals: string[]; io: Io }): number {
    if (!positionals.length) throw new CliError('name at least one payload file: call-coach usage <payload.json>…', ExitCode.Usage);
    const since = values['customer-since'] as string | undefined;
    if (since !== undefined && !CUSTOMER_SINCE.test(since)) throw new CliError(`--customer-since ${JSON.stringify(since)} is not a month; write it as YYYY-MM`, ExitCode.Usage);
    const ws = resolveWorkspace(io.cwd, values['notes-folder'] as string | undefined);
    const banks = loadBanks(ws.root, ws.teamBanks).catalog.banks;
    const keys = usageKeys(banks);
    const now = new Date();
    const incoming: IncomingPayload[] = [];
    const problems: string[] = [];
    for (const p of positionals) {
      const file = path.resolve(io.cwd, p);
      let text: string;
      try {
        const tooBig = sizeProblem(fs.statSync(file).size);
        if (tooBig) {
          problems.push(`${p}: ${tooBig}`);
          continue;
        }
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`${p} could not be read: ${(err as Error).message}`, ExitCode.Io);
      }
      const parsed = parsePayload(text, { keys, now });
      if (parsed.ok) incoming.push({ source: p, snapshot: parsed.snapshot });
      else problems.push(`${p}: ${parsed.problem}`);
    }
    const batch = problems.length ? undefined : planImport([], incoming);
    if (batch && !batch.ok) problems.push(...batch.problems);
    if (problems.length) {
      for (const problem of problems) io.err(`call-coach: ${problem}\n`);
      return ExitCode.Failure;
    }
    const report = usageReport(
      incoming.map((i) => i.snapshot),
      banks,
      since ? { customerSince: since } : {},
    )!;
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : usageText(report));
    return ExitCode.Ok;
  },
};

const COLOR = { green: 'Green', yellow: 'Yellow', red: 'Red' } as const;

function usageText(report: UsageReport): string {
  const lines = [`Usage data recorded ${report.recordedAt.slice(0, 10)}`, '', 'Use-case health:'];
  for (const id of useCaseIds) {
    const h = report.health[id];
    const why = h.color ? '' : ` (${Object.values(h.measures).find((m) => m.unavailable)?.unavailable ?? 'no data'})`;
    lines.push(`  ${USE_CASE_LABEL[id].padEnd(20)} ${h.color ? `${COLOR[h.color]} (${h.score})` : `not scored${why}`}`);
  }
  lines.push('', 'Stage criteria from data:');
  for (const [stage, data] of Object.entries(report.stages)) {
    for (const [id, c] of Object.entries(data.criteria)) lines.push(`  ${stage.padEnd(9)} ${c.met === null ? '?  ' : c.met ? 'yes' : 'no '} ${id}: ${c.evidence}`);
  }
  return `${lines.join('\n')}\n`;
}

