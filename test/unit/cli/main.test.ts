// The `call-coach` command line, run in-process on temporary workspaces: validate (text, JUnit,
// Code Quality), plan and plan --check, portfolio --json, export --csv, the notes folder from
// .vscode/settings.json (JSONC), the persisted note index, help, version and exit codes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { openNotes, source } from '../../../src/cli/plans';
import { readCustomerNotes } from '../../../src/core/plan/customerNotes';
import { renderNote } from '../../../src/core/note/render';
import type { CallNote } from '../../../src/core/note/model';
import { realistic } from '../core/note/noteFixtures';
import { EE_BASE, payload } from '../core/usage/usagePayloads';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/plan');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: { XDG_CACHE_HOME: path.join(cwd, '.cache-home') } });
  return { code, out, err };
}

function workspace(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const note = (over: Partial<CallNote>): string => renderNote({ ...realistic, ...over });
const acmeNotes = () => Object.fromEntries(fs.readdirSync(path.join(fixtures, 'acme-corp')).map((f) => [`success-plans/acme-corp/${f}`, fs.readFileSync(path.join(fixtures, 'acme-corp', f), 'utf8')]));

describe('call-coach CLI', function () {
  this.timeout(20000);

  it('prints help for itself and each command, and its version; a bad command line exits 2', async () => {
    const root = workspace({});
    assert.match((await run(root, '--help')).out, /Commands:[\s\S]*validate[\s\S]*plan[\s\S]*portfolio[\s\S]*export/);
    assert.match((await run(root, '--help')).out, /Exit codes: 0/);
    for (const c of ['validate', 'plan', 'portfolio', 'export']) {
      const r = await run(root, c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`^Usage: call-coach ${c}`));
    }
    assert.match((await run(root, '--version')).out, /^\d+\.\d+\.\d+/);
    const bad = await run(root, 'plna');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown command "plna"; the commands are validate, plan/);
    const badOption = await run(root, 'plan', '--chek');
    assert.equal(badOption.code, 2);
    assert.match(badOption.err, /Unknown option '--chek'; see call-coach plan --help/);
    assert.equal((await run(root)).code, 2, 'no command: the help, exit 2');
  });

  it('validate: every error as file:line:col: message, exit 1; a clean workspace exits 0', async () => {
    const root = workspace({
      '.callcoach/questions/team.yaml': 'id: team\nkind: technique\ntitle: Team\nsummary: s\nsource: x\nprompts:\n  - id: team-a\n    text: Hi\n    colour: red\n',
      'success-plans/acme/2026-01-01-ok.md': note({ customer: 'Acme' }),
      'success-plans/acme/2026-01-02-bad.md': '---\ntype: call-note\ntitle: [unclosed\n---\n',
    });
    const r = await run(root, 'validate');
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+: \S/);
    assert.ok(lines.includes('.callcoach/questions/team.yaml:9:5: unknown key "colour"; check the spelling or remove it (at prompts.0.colour)'), r.out);
    assert.match(lines[lines.length - 1]!, /^success-plans\/acme\/2026-01-02-bad\.md:3:1: front matter is not valid YAML/);
    assert.match(r.err, new RegExp(`1 bank and 2 notes checked: ${lines.length} errors`));

    fs.rmSync(path.join(root, '.callcoach'), { recursive: true });
    fs.rmSync(path.join(root, 'success-plans/acme/2026-01-02-bad.md'));
    const clean = await run(root, 'validate');
    assert.equal(clean.code, 0, clean.out + clean.err);
    assert.equal(clean.out, '');
  });

  it('validate --format junit and codequality: what merge request widgets read', async () => {
    const root = workspace({ 'banks/broken.yaml': 'id: [\n', 'banks/notes/a.md': 'not a note' });
    const junit = await run(root, 'validate', 'banks', '--format', 'junit');
    assert.equal(junit.code, 1);
    assert.match(junit.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="call-coach validate" tests="2" failures="2"/);
    assert.match(junit.out, /<testcase classname="banks" name="banks\/broken.yaml" file="banks\/broken.yaml">\n\s+<failure type="error" message="YAML: /);
    const cq = await run(root, 'validate', 'banks', '--format', 'codequality');
    const issues = JSON.parse(cq.out) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(
      issues.map((i) => [i.check_name, i.location.path, i.severity]),
      [
        ['call-coach-bank', 'banks/broken.yaml', 'major'],
        ['call-coach-note', 'banks/notes/a.md', 'major'],
      ],
    );
    assert.match(issues[0]!.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal((await run(root, 'validate', '--format', 'xml')).code, 2);
    assert.equal((await run(root, 'validate', 'nope')).code, 2);
  });

  it('plan --check names every plan out of date or missing and changes nothing; plan writes them, keeping hand-written text', async () => {
    const root = workspace({ ...acmeNotes(), 'success-plans/globex/2026-02-02-sync.md': note({ customer: 'Globex', date: '2026-02-02' }) });
    const check = await run(root, 'plan', '--check', '--today', '2026-06-15');
    assert.equal(check.code, 1);
    assert.deepEqual(
      check.out.trim().split('\n').map((l) => l.split(':')[0]),
      ['success-plans/acme-corp/success-plan.md', 'success-plans/globex/success-plan.md'],
    );
    assert.ok(!fs.existsSync(path.join(root, 'success-plans/acme-corp/success-plan.md')), '--check writes nothing');

    const write = await run(root, 'plan', '--today', '2026-06-15');
    assert.equal(write.code, 0, write.err);
    const planFile = path.join(root, 'success-plans/acme-corp/success-plan.md');
    assert.ok(fs.readFileSync(planFile, 'utf8').includes('<!-- call-coach:begin objectives -->'));
    assert.equal((await run(root, 'plan', '--check', '--today', '2026-06-15')).code, 0);

    // Hand-written text stays; only one customer's plan can be named (by name or folder).
    fs.appendFileSync(planFile, '\n## Our notes\n\nKeep *this*.\n');
    const before = fs.readFileSync(planFile, 'utf8');
    assert.equal((await run(root, 'plan', 'Acme Corp', '--check', '--today', '2026-06-15')).code, 0);
    fs.writeFileSync(path.join(root, 'success-plans/acme-corp/2026-04-01-new.md'), note({ customer: 'Acme Corp', date: '2026-04-01', title: 'New call' }));
    const stale = await run(root, 'plan', 'acme-corp', '--check', '--today', '2026-06-15');
    assert.equal(stale.code, 1);
    assert.match(stale.out, /^success-plans\/acme-corp\/success-plan\.md: out of date; run `call-coach plan acme-corp`/);
    assert.equal((await run(root, 'plan', 'Acme Corp', '--today', '2026-06-15')).code, 0);
    const after = fs.readFileSync(planFile, 'utf8');
    assert.ok(after.endsWith('\n## Our notes\n\nKeep *this*.\n'));
    assert.notEqual(after, before);
    assert.equal((await run(root, 'plan', 'Nobody Inc')).code, 2);
  });

  it('plan leaves a plan with damaged markers untouched and says where, exit 1', async () => {
    const root = workspace({ ...acmeNotes(), 'success-plans/acme-corp/success-plan.md': '# Plan\n\n<!-- call-coach:begin objectives -->\nmine\n' });
    const r = await run(root, 'plan');
    assert.equal(r.code, 1);
    assert.match(r.out, /^success-plans\/acme-corp\/success-plan\.md:3:1: left untouched: the region "objectives"/);
    assert.equal(fs.readFileSync(path.join(root, 'success-plans/acme-corp/success-plan.md'), 'utf8'), '# Plan\n\n<!-- call-coach:begin objectives -->\nmine\n');
  });

  it('takes the notes folder from .vscode/settings.json (JSONC), or --notes-folder; a bad setting exits 2', async () => {
    const root = workspace({
      '.vscode/settings.json': '{\n  // where our plans live\n  "callCoach.notesFolder": "docs/customers",\n}\n',
      'docs/customers/acme/2026-01-01-a.md': note({ customer: 'Acme', objectives: [] }),
      'other/globex/2026-01-01-a.md': note({ customer: 'Globex', objectives: [] }),
    });
    const fromSettings = JSON.parse((await run(root, 'portfolio', '--json', '--no-cache')).out) as { customers: { customer: string }[] };
    assert.deepEqual(
      fromSettings.customers.map((c) => c.customer),
      ['Acme'],
    );
    const fromFlag = JSON.parse((await run(root, 'portfolio', '--json', '--no-cache', '--notes-folder', 'other')).out) as { customers: { customer: string }[] };
    assert.deepEqual(
      fromFlag.customers.map((c) => c.customer),
      ['Globex'],
    );
    const missing = await run(root, 'plan', '--notes-folder', 'nowhere');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /the notes folder nowhere does not exist \(from --notes-folder\)/);
    assert.equal((await run(root, 'plan', '--notes-folder', '../up')).code, 2);
    fs.writeFileSync(path.join(root, '.vscode/settings.json'), '{ "callCoach.notesFolder": ');
    const broken = await run(root, 'plan');
    assert.equal(broken.code, 2);
    assert.match(broken.err, /\.vscode\/settings\.json:1: /);
  });

  it('portfolio --json gives the figures; export --csv every objective, formula-guarded', async () => {
    const root = workspace({
      'success-plans/acme/2026-11-01-a.md': note({
        customer: 'Acme',
        date: '2026-11-01',
        objectives: [
          { text: '=HYPERLINK("http://evil")', status: 'at-risk', origin: 'tagged', owner: '@ops', due: '2026-11-20', horizon: 3, valueDriver: '' },
          { text: 'Weekly releases', status: 'in-progress', origin: 'tagged', owner: '', due: '2026-12-10', horizon: null, valueDriver: '' },
        ],
        health: [{ useCase: 'CI', color: 'red', reason: '' }],
      }),
    });
    const p = JSON.parse((await run(root, 'portfolio', '--json', '--today', '2026-12-01')).out) as { customers: Record<string, unknown>[]; dueSoon: unknown[]; overdue: unknown[] };
    assert.equal(p.customers.length, 1);
    assert.deepEqual(
      { ...p.customers[0], gaps: 0 },
      { folder: 'acme', customer: 'Acme', health: 'red', healthSource: 'csm', calls: 1, lastCall: '2026-11-01', daysSinceLastCall: 30, openObjectives: 2, overdue: 1, atRisk: 1, nextDue: '2026-12-10', gaps: 0, usageAlerts: [], unreadable: 0 },
    );
    assert.equal(p.dueSoon.length, 1);
    assert.equal(p.overdue.length, 1);
    const csv = (await run(root, 'export', '--csv')).out;
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Customer,Objective,Status,Owner,Due,Horizon (months),Value driver,First discussed,Last discussed');
    assert.equal(lines[1], `Acme,"'=HYPERLINK(""http://evil"")",At risk,'@ops,2026-11-20,3,,2026-11-01,2026-11-01`);
    assert.equal((await run(root, 'export')).code, 2, 'no format named');
  });

  it('portfolio lists a customer with usage data and no call yet (health from the data)', async () => {
    const root = workspace({
      'success-plans/acme/2026-11-01-a.md': note({ customer: 'Acme', date: '2026-11-01' }),
      'success-plans/umbrella/usage/2026-11-01.json': payload(EE_BASE, { recorded_at: '2026-11-01T10:00:00Z' }),
    });
    const p = JSON.parse((await run(root, 'portfolio', '--json', '--today', '2026-12-01', '--no-cache')).out) as { customers: Record<string, unknown>[] };
    assert.deepEqual(
      p.customers.map((c) => [c.folder, c.health, c.healthSource, c.calls, c.daysSinceLastCall]),
      [
        ['acme', 'yellow', 'csm', 1, 30],
        ['umbrella', 'green', 'usage', 0, null],
      ],
    );
    assert.equal((await run(root, 'portfolio', '--today', '2026-12-01', '--no-cache')).code, 0);
    assert.match(fs.readFileSync(path.join(root, 'success-plans', 'portfolio.md'), 'utf8'), /\| \[umbrella\]\(umbrella\/success-plan\.md\) \| Green \(usage data\) \| no call yet \|/);
  });

  it('keeps the note index between runs: unchanged notes are not read again', async () => {
    const root = workspace({ ...acmeNotes() });
    const cacheDir = path.join(root, 'cache');
    // Stamps in the past: a file written in the same second as it is read is read again (racy).
    const old = new Date(Date.now() - 60_000);
    const folder = path.join(root, 'success-plans', 'acme-corp');
    for (const f of fs.readdirSync(folder)) fs.utimesSync(path.join(folder, f), old, old);
    const readWith = async (version: string) => {
      const notes = openNotes(path.join(root, 'success-plans'), cacheDir, version);
      const read = await readCustomerNotes(source(notes), 'acme-corp');
      notes.index.done(notes.folder.where(['acme-corp']));
      return { read, stored: notes.index.stored };
    };
    const first = await readWith('t');
    assert.equal(first.stored, 3);
    const second = await readWith('t');
    assert.equal(second.stored, 0, 'every note came from the cache');
    assert.deepEqual(second.read, first.read);
    fs.appendFileSync(path.join(folder, '2026-03-02-follow-up.md'), '\nA line of my own.\n');
    assert.equal((await readWith('t')).stored, 1, 'only the changed note');
    assert.equal((await readWith('u')).stored, 3, 'a cache from another version is not trusted');
  });

  it('portfolio keeps what it counted between runs: the same figures from the cache, a changed note counted again', async () => {
    const root = workspace({ ...acmeNotes(), 'success-plans/globex/2026-03-01-sync.md': note({ customer: 'Globex', date: '2026-03-01' }) });
    const cacheDir = path.join(root, 'cache');
    const old = new Date(Date.now() - 60_000);
    for (const c of ['acme-corp', 'globex']) for (const f of fs.readdirSync(path.join(root, 'success-plans', c))) fs.utimesSync(path.join(root, 'success-plans', c, f), old, old);
    const portfolio = async () => (await run(root, 'portfolio', '--json', '--today', '2026-04-01', '--cache-dir', cacheDir)).out;
    const first = await portfolio();
    const cached = fs.readdirSync(cacheDir, { recursive: true }).map(String);
    assert.ok(cached.some((f) => f.endsWith('portfolio.json')), cached.join(', '));
    assert.equal(await portfolio(), first, 'the same figures from the cache');
    fs.writeFileSync(path.join(root, 'success-plans', 'globex', '2026-03-01-sync.md'), note({ customer: 'Globex Corp', date: '2026-03-01' }));
    fs.utimesSync(path.join(root, 'success-plans', 'globex', '2026-03-01-sync.md'), old, new Date(Date.now() - 30_000));
    const changed = await portfolio();
    assert.ok(changed.includes('"customer": "Globex Corp"'));
    assert.equal(changed, (await run(root, 'portfolio', '--json', '--today', '2026-04-01', '--no-cache')).out, 'as without a cache');
  });
});
