// `call-coach`: the command line for a team's repository of success plans (README, "CLI").
// Node only; the same src/core the extension runs. Exit codes: see errors.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localToday } from '../core/localToday';
import { planContext } from '../core/plan/context';
import { planObjectivesCsv } from '../core/plan/export';
import { collectCustomer, collectPortfolio } from '../core/portfolio/collect';
import { portfolioUsage } from '../core/usage/usageStore';
import { PORTFOLIO_FILE, renderPortfolio } from '../core/portfolio/portfolioFile';
import { loadBanks } from './banks';
import { CliError, ExitCode } from './errors';
import { openNotes, planCustomer, selectCustomers, source, type Notes } from './plans';
import { report, reportFormats, type ReportFormat } from './reports';
import { usageCommand } from './usage';
import { validate } from './validate';
import { resolveWorkspace, type Workspace } from './workspace';

declare const CALL_COACH_VERSION: string;
const VERSION = typeof CALL_COACH_VERSION === 'string' ? CALL_COACH_VERSION : '0.0.0-dev';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  options: Options;
  run(args: { values: Values; positionals: string[]; io: Io }): number | Promise<number>;
}

const common: Options = {
  'notes-folder': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const commonHelp = `  --notes-folder <path>  the notes folder, relative to the current folder (default: callCoach.notesFolder
                         in .vscode/settings.json, else success-plans)
  -h, --help             this help`;
const cacheHelp = `  --cache-dir <path>     where the note index is kept between runs (default: $XDG_CACHE_HOME/call-coach
                         or ~/.cache/call-coach)
  --no-cache             read every note afresh and keep nothing`;
const todayHelp = `  --today <YYYY-MM-DD>   the date to count from (default: today, local time)`;

function workspace(values: Values, io: Io): Workspace {
  const ws = resolveWorkspace(io.cwd, values['notes-folder'] as string | undefined);
  for (const w of ws.warnings) io.err(`call-coach: warning: ${w}\n`);
  return ws;
}

function today(values: Values): string {
  const t = values.today as string | undefined;
  if (t === undefined) return localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(`${t}T00:00:00Z`))) throw new CliError(`--today ${JSON.stringify(t)} is not a date; write it as YYYY-MM-DD`, ExitCode.Usage);
  return t;
}

function notesOf(ws: Workspace, values: Values, io: Io): Notes {
  const cacheDir = values['no-cache'] ? undefined : ((values['cache-dir'] as string | undefined) ?? path.join(io.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'call-coach'));
  if (!fs.statSync(ws.notesFolder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`the notes folder ${path.relative(io.cwd, ws.notesFolder) || '.'} does not exist (from ${ws.notesFolderFrom}); run from your workspace folder or pass --notes-folder`, ExitCode.Usage);
  }
  return openNotes(ws.notesFolder, cacheDir && path.resolve(io.cwd, cacheDir), VERSION);
}

const rel = (io: Io, file: string) => (path.relative(io.cwd, file) || file).split(path.sep).join('/');

const cacheOptions: Options = { 'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean' }, today: { type: 'string' } };

const commands: Command[] = [
  {
    name: 'validate',
    summary: 'check question banks and call notes',
    usage: 'call-coach validate [paths…] [--format text|junit|codequality]',
    help: `Checks team question banks (.yaml) and call notes (.md) as Call Coach reads them. Without paths:
the banks in .callcoach/questions and callCoach.questionBanks, and every note in the notes folder.
A path may be a file or a folder (searched recursively).

  --format <format>      text (default): one \`file:line:col: message\` line per problem;
                         junit: JUnit XML; codequality: GitLab Code Quality JSON
${commonHelp}

Exit code 1 when any file has an error (warnings alone do not fail).`,
    options: { ...common, format: { type: 'string', default: 'text' } },
    async run({ values, positionals, io }) {
      const format = values.format as string;
      if (!(reportFormats as readonly string[]).includes(format)) throw new CliError(`--format ${JSON.stringify(format)} is not one of ${reportFormats.join(', ')}`, ExitCode.Usage);
      const checked = await validate(workspace(values, io), positionals);
      io.out(report(format as ReportFormat, checked));
      const errors = checked.findings.filter((f) => f.severity === 'error').length;
      const warnings = checked.findings.length - errors;
      const banks = checked.files.filter((f) => f.kind === 'bank').length;
      io.err(`call-coach: ${banks} bank${banks === 1 ? '' : 's'} and ${checked.files.length - banks} note${checked.files.length - banks === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
      return errors ? ExitCode.Failure : ExitCode.Ok;
    },
  },
  {
    name: 'plan',
    summary: 'regenerate success plans, or check they are up to date',
    usage: 'call-coach plan [customer…] [--check]',
    help: `Writes <notes folder>/<customer>/success-plan.md from the customer's call notes, exactly as
Call Coach: Update Success Plan does. Text outside Call Coach's generated regions is kept byte for byte.
A customer is named by its folder or its name; without names, every customer.

  --check                change nothing; name every plan that is out of date or missing, exit 1 if any
${todayHelp}
${cacheHelp}
${commonHelp}

Exit code 1 when a plan is out of date (--check) or a plan's markers are damaged (it is left as it is).`,
    options: { ...common, ...cacheOptions, check: { type: 'boolean' } },
    async run({ values, positionals, io }) {
      const ws = workspace(values, io);
      const notes = notesOf(ws, values, io);
      const catalog = loadBanks(ws.root, ws.teamBanks).catalog;
      const day = today(values);
      const check = !!values.check;
      let failed = 0;
      let changed = 0;
      let total = 0;
      for (const customer of await selectCustomers(notes, positionals)) {
        total++;
        const outcome = await planCustomer(notes, customer, catalog, day, check);
        const file = rel(io, outcome.file);
        if (outcome.status === 'refused') {
          failed++;
          io.out(`${file}:${outcome.line}:1: left untouched: ${outcome.error}\n`);
        } else if (outcome.status === 'outdated') {
          failed++;
          io.out(`${file}: out of date; run \`call-coach plan ${customer}\` or Call Coach: Update Success Plan\n`);
        } else if (outcome.status === 'written') {
          changed++;
          io.out(`${file}: updated\n`);
        }
      }
      io.err(`call-coach: ${total} plan${total === 1 ? '' : 's'}: ${check ? `${failed} out of date or damaged` : `${changed} updated, ${failed} left untouched`}\n`);
      return failed ? ExitCode.Failure : ExitCode.Ok;
    },
  },
  {
    name: 'portfolio',
    summary: 'write portfolio.md, or print the figures of every customer',
    usage: 'call-coach portfolio [--json]',
    help: `Writes <notes folder>/portfolio.md, as Call Coach: Update Portfolio does (text outside its generated
regions is kept byte for byte), or prints its figures. The portfolio: per customer its health, days since the last call, open, overdue and at-risk
objectives, next due date, coverage gaps and usage alerts; and objectives due in the next 30 days
and overdue ones across customers.

  --json                 print the figures as JSON instead of writing portfolio.md
${todayHelp}
${cacheHelp}
${commonHelp}`,
    options: { ...common, ...cacheOptions, json: { type: 'boolean' } },
    async run({ values, io }) {
      const ws = workspace(values, io);
      const notes = notesOf(ws, values, io);
      const context = planContext(loadBanks(ws.root, ws.teamBanks).catalog.banks, today(values));
      const portfolio = await collectPortfolio(source(notes), {
        context,
        usage: portfolioUsage(source(notes)),
        cache: notes.index.figures(),
        onCustomer: (counted) => notes.index.done(notes.folder.where([counted.folder])),
      });
      notes.index.saveFigures();
      if (values.json) {
        io.out(`${JSON.stringify(portfolio, null, 2)}\n`);
        return ExitCode.Ok;
      }
      const file = notes.folder.where([PORTFOLIO_FILE]);
      let existing: string | undefined;
      try {
        existing = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(file));
      } catch (err) {
        if (err instanceof TypeError) throw new CliError(`${rel(io, file)} is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8`, ExitCode.Failure);
      }
      const rendered = renderPortfolio(portfolio, existing);
      if (!rendered.ok) {
        io.out(`${rel(io, file)}:${rendered.line ?? 1}:1: left untouched: ${rendered.error}\n`);
        return ExitCode.Failure;
      }
      if (rendered.text !== existing) await notes.folder.write([PORTFOLIO_FILE], rendered.text);
      io.err(`call-coach: ${rel(io, file)} ${rendered.text === existing ? 'already up to date' : 'updated'} (${portfolio.customers.length} customer${portfolio.customers.length === 1 ? '' : 's'})\n`);
      return ExitCode.Ok;
    },
  },
  {
    name: 'export',
    summary: 'every objective across customers as CSV',
    usage: 'call-coach export --csv',
    help: `Prints every objective of every customer's plan as CSV (RFC 4180, CRLF), one row per objective
as last recorded. Cells that a spreadsheet would run as a formula (= + - @) are prefixed with '.

  --csv                  CSV (the only format so far)
${todayHelp}
${cacheHelp}
${commonHelp}`,
    options: { ...common, ...cacheOptions, csv: { type: 'boolean' } },
    async run({ values, io }) {
      if (!values.csv) throw new CliError('say which format: `call-coach export --csv`', ExitCode.Usage);
      const ws = workspace(values, io);
      const notes = notesOf(ws, values, io);
      const context = planContext(loadBanks(ws.root, ws.teamBanks).catalog.banks, today(values));
      const driverNames = new Map(context.valueDrivers.map((d) => [d.id, d.name]));
      const plans = [];
      for (const customer of await selectCustomers(notes, [])) {
        const input = await collectCustomer(source(notes), customer, { context });
        notes.index.done(notes.folder.where([customer]));
        if (input) plans.push(input.plan);
      }
      io.out(planObjectivesCsv(plans, { valueDriverName: (id) => driverNames.get(id) ?? id }));
      return ExitCode.Ok;
    },
  },
  usageCommand,
];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `call-coach ${VERSION}: check and refresh a team's Call Coach success plans

Usage: call-coach <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`call-coach <command> --help\` for a command's options.
  --version              print the version
  -h, --help             this help

Exit codes: 0 all good; 1 a problem was found (an error in a bank or note, a plan out of date);
2 the command line or settings cannot be used; 3 a file could not be read or written.
`;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(mainHelp());
      return name === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${VERSION}\n`);
      return ExitCode.Ok;
    }
    const command = commands.find((c) => c.name === name);
    if (!command) throw new CliError(`unknown command ${JSON.stringify(name)}; the commands are ${commands.map((c) => c.name).join(', ')} (see call-coach --help)`, ExitCode.Usage);
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
    } catch (err) {
      throw new CliError(`${(err as Error).message.replace(/\. To specify a positional.*$/s, '')}; see call-coach ${command.name} --help`, ExitCode.Usage);
    }
    if (parsed.values.help) {
      io.out(`Usage: ${command.usage}\n\n${command.help}\n`);
      return ExitCode.Ok;
    }
    return await command.run({ ...parsed, io });
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`call-coach: ${err.message}\n`);
      return err.exitCode;
    }
    // Not a stack: what happened, and where to look. CALL_COACH_DEBUG=1 shows the stack.
    const detail = err instanceof Error ? (io.env.CALL_COACH_DEBUG ? (err.stack ?? err.message) : err.message) : String(err);
    io.err(`call-coach: ${detail}\n(if this keeps happening, run again with CALL_COACH_DEBUG=1 and report the output)\n`);
    return ExitCode.Io;
  }
}
