// `call-coach usage`: the JSON shape the issue names, the same rules as the extension's import,
// and clear refusals.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { EE_BASE, monthDate, payload } from '../core/usage/usagePayloads';

async function run(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} });
  return { code, out, err };
}

describe('call-coach usage', function () {
  this.timeout(20000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-usage-'));
  const write = (name: string, text: string) => (fs.writeFileSync(path.join(root, name), text), name);
  const months = [0, 1, 2].map((i) => write(`m${i}.json`, payload(EE_BASE, { recorded_at: monthDate(i), 'counts.ci_internal_pipelines': 1000 * (i + 1) })));

  it('prints {recordedAt, health, stages} as JSON, from the newest payload and all months', async () => {
    const r = await run(root, 'usage', months[2]!, months[0]!, months[1]!, '--customer-since', '2025-06', '--json');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['recordedAt', 'health', 'stages']);
    assert.equal(json.recordedAt, '2026-03-01T10:00:00.000Z');
    assert.deepEqual(Object.keys(json.health), ['licenseUtilization', 'userEngagement', 'scm', 'ci', 'security', 'cd']);
    for (const h of Object.values(json.health) as { color: unknown; score: unknown; measures: unknown }[]) {
      assert.ok(['green', 'yellow', 'red', null].includes(h.color as string | null));
      assert.ok(typeof h.score === 'number' || h.score === null);
      assert.equal(typeof h.measures, 'object');
    }
    assert.equal(json.health.licenseUtilization.color, 'green');
    assert.deepEqual(json.stages.verify.criteria['verify-ci-growth'], { met: true, evidence: 'counts.ci_internal_pipelines 3,000, up 3 months running (1,000 → 2,000 → 3,000)' });
    assert.deepEqual(json.stages.verify.criteria['verify-ci-builds'], { met: true, evidence: 'counts.ci_builds 12,345' });
  });

  it('prints a readable summary without --json; license utilization says it needs customer since', async () => {
    const r = await run(root, 'usage', months[0]!);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Usage data recorded 2026-01-01\n/);
    assert.match(r.out, /License utilization +not scored \(needs the month the customer bought GitLab/);
    assert.match(r.out, /CI +Green \(88\)/);
    assert.match(r.out, /verify +\? +verify-ci-growth: counts\.ci_internal_pipelines 1,000; growth over 3 months needs 3 monthly snapshots \(1 imported\)/);
  });

  it('refuses bad payloads, naming the file and the problem; a bad command line exits 2', async () => {
    const bad = write('bad.json', '{"not": "ping"}');
    const r = await run(root, 'usage', months[0]!, bad);
    assert.equal(r.code, 1);
    assert.match(r.err, /call-coach: bad\.json: it is JSON, but not a Service Ping payload/);
    const twin = write('twin.json', payload(EE_BASE, { recorded_at: '2026-01-20T10:00:00Z' }));
    assert.match((await run(root, 'usage', months[0]!, twin)).err, /are both for 2026-01/);
    assert.equal((await run(root, 'usage')).code, 2);
    assert.match((await run(root, 'usage', months[0]!, '--customer-since', '2025-13')).err, /--customer-since "2025-13" is not a month; write it as YYYY-MM/);
    assert.equal((await run(root, 'usage', 'missing.json')).code, 3);
    assert.match((await run(root, '--help')).out, /usage +use-case health and stage adoption/);
  });
});
