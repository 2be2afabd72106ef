// The `call-coach` command line as a team installs it: `npm pack`, then `npx ./call-coach-<version>.tgz`
// in a clean folder outside the repository, with a fresh npm cache and npm offline, so nothing but
// Node and the tarball is used. The same commands the README's CI jobs run.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the call-coach CLI from the packed tarball', function () {
  this.timeout(120000);
  let work: string;
  let tarball: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    const scratch = mkdtempSync(join(tmpdir(), 'call-coach-pack-'));
    // `npm test` has just built dist/; pack that (the prepack script would build it again).
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    assert.ok(info);
    tarball = join(scratch, info.filename);
    assert.equal(info.filename, `call-coach-${version}.tgz`);
    const files = info.files.map((f) => f.path).sort();
    assert.ok(files.includes('dist/cli.js'));
    assert.ok(files.includes('questions/value-drivers.yaml'));
    assert.deepEqual(
      files.filter((f) => !/^(dist\/cli\.js|questions\/[^/]+\.yaml|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f)),
      [],
      'only the CLI, the built-in banks and the docs',
    );
    // A clean folder with a team's repository in it: one good note, one broken one, a settings file.
    work = join(scratch, 'team-repo');
    mkdirSync(join(work, '.vscode'), { recursive: true });
    writeFileSync(join(work, '.vscode', 'settings.json'), '{\n  // our plans\n  "callCoach.notesFolder": "plans",\n}\n');
    cpSync(join(repo, 'test', 'fixtures', 'plan', 'acme-corp'), join(work, 'plans', 'acme-corp'), { recursive: true });
    cpSync(tarball, join(work, info.filename));
    env = { PATH: process.env.PATH, HOME: scratch, npm_config_cache: join(scratch, 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
  });

  const callCoach = (...args: string[]) => spawnSync(npx, ['--yes', `./call-coach-${version}.tgz`, ...args], { cwd: work, env, encoding: 'utf8' });

  it('is small', () => {
    assert.ok(statSync(tarball).size < 200 * 1024, `${statSync(tarball).size} bytes`);
  });

  it('npx ./call-coach-<version>.tgz --version and validate, with the built-in banks found in the installed package', () => {
    const v = callCoach('--version');
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
    const r = callCoach('validate');
    assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^plans\/acme-corp\/2026-02-01-broken\.md:\d+:1: front matter is not valid YAML/);
    assert.match(r.stderr, /0 banks and 3 notes checked: 1 error/);
    const junit = callCoach('validate', '--format', 'junit');
    assert.match(junit.stdout, /<testsuites name="call-coach validate" tests="3" failures="1"/);
    const codeQuality = callCoach('validate', '--format', 'codequality');
    assert.equal(codeQuality.status, 1);
    assert.equal((JSON.parse(codeQuality.stdout) as { location: { path: string } }[])[0]?.location.path, 'plans/acme-corp/2026-02-01-broken.md');
  });

  it('plan --check fails on a missing plan, plan writes it, then --check passes', () => {
    const check = callCoach('plan', '--check');
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^plans\/acme-corp\/success-plan\.md: out of date/);
    assert.equal(callCoach('plan').status, 0);
    assert.match(readFileSync(join(work, 'plans', 'acme-corp', 'success-plan.md'), 'utf8'), /^---\ntype: success-plan\ncustomer: Acme Corp\n/);
    const again = callCoach('plan', '--check');
    assert.equal(again.status, 0, again.stdout + again.stderr);
  });

  it('portfolio --json and export --csv', () => {
    const p = callCoach('portfolio', '--json');
    assert.equal(p.status, 0, p.stderr);
    assert.equal((JSON.parse(p.stdout) as { customers: { customer: string }[] }).customers[0]?.customer, 'Acme Corp');
    const csv = callCoach('export', '--csv');
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^Customer,Objective,Status,/);
  });
});
