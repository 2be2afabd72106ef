// Reading Service Ping payloads: what is refused (with a message that names the problem), what is
// kept in a snapshot (only the keys Call Coach uses, never anything identifying), and error values.
import { strict as assert } from 'node:assert';
import { HEALTH_KEYS, isIdentifying } from '../../../../src/core/usage/keys';
import { MAX_PAYLOAD_BYTES, parsePayload, parseRecordedAt, sizeIssue, sizeProblem, snapshotFileName, snapshotJson, type ParsedPayload, type PayloadProblem } from '../../../../src/core/usage/payload';
import { usageKeys } from '../../../../src/core/usage/report';
import { builtInBanks } from '../../questions/builtInBanks';
import { ceBase, EE_BASE, payload, type Flat } from './usagePayloads';

const now = new Date('2026-12-03T12:00:00Z');
const keys = usageKeys(builtInBanks());
const parse = (flat: Flat, changes: Flat = {}, k: readonly string[] = keys) => parsePayload(payload(flat, changes), { keys: k, now });
function ok(r: ParsedPayload) {
  if (!r.ok) assert.fail(r.problem);
  return r;
}
function problem(r: ParsedPayload): string {
  assert.equal(r.ok, false, 'expected the payload to be refused');
  return (r as { problem: string }).problem;
}

describe('usage payload: refused input', () => {
  it('text that is not JSON', () => {
    assert.match(problem(parsePayload('{"recorded_at": "2026-03-01", counts: }', { keys, now })), /^it is not JSON \(.+\)\. Download the payload again/);
    assert.match(problem(parsePayload('', { keys, now })), /not JSON/);
  });

  it('JSON that is not a Service Ping payload: no recorded_at, no counts', () => {
    for (const text of ['{}', '[]', '42', 'null', '{"name":"package.json"}']) {
      assert.match(problem(parsePayload(text, { keys, now })), /not a Service Ping payload: it has no recorded_at and no counts/, text);
    }
    assert.match(problem(parsePayload('{"counts":{}}', { keys, now })), /no recorded_at/);
    assert.match(problem(parsePayload('{"recorded_at":"2026-03-01T00:00:00Z"}', { keys, now })), /has no counts/);
    assert.match(problem(parsePayload('{"recorded_at":"2026-03-01T00:00:00Z","counts":[]}', { keys, now })), /has no counts/);
  });

  it('recorded_at that is not a date, or not text', () => {
    assert.match(problem(parse(EE_BASE, { recorded_at: 'yesterday' })), /recorded_at "yesterday" is not a date/);
    assert.match(problem(parse(EE_BASE, { recorded_at: '2026-02-30T10:00:00Z' })), /is not a date/);
    assert.match(problem(parse(EE_BASE, { recorded_at: 1767225600 })), /recorded_at must be a date/);
  });

  it('a payload dated in the future (beyond ten minutes of clock skew)', () => {
    assert.match(problem(parse(EE_BASE, { recorded_at: '2026-12-04T00:00:00Z' })), /recorded on 2026-12-04, which is in the future/);
    ok(parse(EE_BASE, { recorded_at: '2026-12-03T12:09:00Z' }));
  });

  it('strings (or objects, lists) where numbers belong, naming each key', () => {
    const p = problem(parse(EE_BASE, { 'counts.ci_builds': '12345', license_billable_users: 'many' }));
    assert.match(p, /counts\.ci_builds holds the text "12345", where Service Ping has a number or true\/false/);
    assert.match(p, /license_billable_users holds the text "many"/);
    assert.match(problem(parse(EE_BASE, { 'counts.merge_requests': [1, 2] })), /counts\.merge_requests holds a list/);
    assert.match(problem(parse(EE_BASE, { 'counts.merge_requests': { all: 1 } })), /counts\.merge_requests holds an object/);
  });

  it('negative numbers other than the error fallbacks', () => {
    assert.match(problem(parse(EE_BASE, { 'counts.ci_builds': -7 })), /counts\.ci_builds is -7: counts are never negative, and GitLab's error values are -1, -2 and -1000/);
  });

  it('sizes: over the limit refused before reading, empty refused, the limit itself fine', () => {
    assert.match(sizeProblem(100 * 1024 * 1024)!, /it is 100\.0 MB, and a Service Ping payload is at most 50\.0 MB/);
    assert.match(sizeProblem(MAX_PAYLOAD_BYTES + 1)!, /at most/);
    assert.equal(sizeProblem(MAX_PAYLOAD_BYTES), undefined);
    assert.equal(sizeProblem(5 * 1024 * 1024), undefined);
    assert.match(sizeProblem(0)!, /empty/);
  });
});

describe('usage payload: why, as facts (the extension words them in the display language)', () => {
  const why = (r: ParsedPayload): PayloadProblem => {
    assert.equal(r.ok, false, 'expected the payload to be refused');
    return (r as { why: PayloadProblem }).why;
  };

  it('each refusal carries its code and facts beside the English', () => {
    assert.equal(why(parsePayload('{', { keys, now })).code, 'not-json');
    assert.deepEqual(why(parsePayload('{"a":1}', { keys, now })), { code: 'not-service-ping' });
    assert.deepEqual(why(parsePayload('{"counts":{}}', { keys, now })), { code: 'no-recorded-at' });
    assert.deepEqual(why(parsePayload('{"recorded_at":"2026-03-01T00:00:00Z"}', { keys, now })), { code: 'no-counts' });
    assert.deepEqual(why(parse(EE_BASE, { recorded_at: 1767225600, version: 17 })), { code: 'bad-fields', fields: ['recorded_at', 'version'] });
    assert.equal(problem(parse(EE_BASE, { recorded_at: 1767225600, version: 17 })), 'recorded_at must be a date such as "2026-03-01T10:00:00Z"; version must be text such as "17.5.1-ee"');
    assert.deepEqual(why(parse(EE_BASE, { recorded_at: 'yesterday' })), { code: 'recorded-at-not-date', text: 'yesterday' });
    assert.deepEqual(why(parse(EE_BASE, { recorded_at: '2026-12-04T00:00:00Z' })), { code: 'future', date: '2026-12-04' });
    assert.deepEqual(why(parse(EE_BASE, { 'counts.ci_builds': '12345', 'counts.merge_requests': [1], 'counts.deployments': -7 })), {
      code: 'values',
      values: [
        { path: 'counts.ci_builds', kind: 'not-a-value', holds: { type: 'text', text: '12345' } },
        { path: 'counts.merge_requests', kind: 'not-a-value', holds: { type: 'list', name: 'a list' } },
        { path: 'counts.deployments', kind: 'negative', value: -7 },
      ].sort((a, b) => keys.indexOf(a.path) - keys.indexOf(b.path)),
    });
    assert.deepEqual(sizeIssue(MAX_PAYLOAD_BYTES + 1), { code: 'too-big', bytes: MAX_PAYLOAD_BYTES + 1, max: MAX_PAYLOAD_BYTES });
    assert.deepEqual(sizeIssue(0), { code: 'empty' });
    assert.equal(sizeIssue(10), undefined);
  });
});

describe('usage payload: error values and CE', () => {
  it('-1, -2 and -1000 are kept as unavailable, with the reason', () => {
    const r = ok(parse(EE_BASE, { 'counts.ci_builds': -1, 'counts.merge_requests': -2, 'counts.deployments': -1000 }));
    const reasons = Object.fromEntries(r.unavailable.map((u) => [u.path, u.reason]));
    assert.equal(reasons['counts.ci_builds'], 'timed out (-1)');
    assert.equal(reasons['counts.merge_requests'], 'counter error (-2)');
    assert.equal(reasons['counts.deployments'], 'deprecated metric (-1000)');
    assert.equal(r.snapshot.metrics['counts.ci_builds'], -1, 'the stored snapshot keeps the fallback, so it stays "unavailable"');
  });

  it('EE-only keys absent on CE are unavailable, not zero', () => {
    const r = ok(parse(ceBase()));
    const reasons = Object.fromEntries(r.unavailable.map((u) => [u.path, u.reason]));
    assert.equal(reasons['license_billable_users'], 'EE-only, not sent by a CE instance');
    assert.equal(reasons['counts.sast_jobs'], 'EE-only, not sent by a CE instance');
    assert.equal(r.snapshot.metrics['counts.sast_jobs'], undefined);
    assert.equal(r.snapshot.edition, 'CE');
  });

  it('keys an older GitLab does not send are unavailable too', () => {
    const r = ok(parse(EE_BASE, { 'counts.count_total_create_ci_build_monthly': undefined }));
    assert.match(r.unavailable.find((u) => u.path === 'counts.count_total_create_ci_build_monthly')!.reason, /not in this payload/);
  });
});

describe('usage payload: the snapshot', () => {
  it('keeps only the used keys plus recorded_at, version, edition, license_plan; never anything identifying', () => {
    const r = ok(parse(EE_BASE));
    const text = snapshotJson(r.snapshot);
    for (const secret of ['gitlab.acme.example', '0b5a2f7e', 'Jane', 'jane@', 'Acme', 'c4ca4238', '6b86b273', '4242', '2c92a0fd', 'omnibus', 'active_user_count', 'ldap']) {
      assert.ok(!text.includes(secret), `snapshot leaks ${secret}`);
    }
    const json = JSON.parse(text);
    assert.deepEqual(Object.keys(json).sort(), [
      'compliance_unique_visits', 'counts', 'counts_monthly', 'edition', 'gitlab_shared_runners_enabled', 'license_billable_users', 'license_plan',
      'license_user_count', 'prometheus_enabled', 'recorded_at', 'redis_hll_counters', 'usage_activity_by_stage_monthly', 'version',
    ]);
    assert.equal(json.recorded_at, '2026-03-01T10:00:00.000Z');
    assert.equal(json.version, '17.5.1-ee');
    assert.equal(json.edition, 'EEU');
    assert.equal(json.counts.ci_builds, 12345);
  });

  it('never keeps an identifying key, even when a bank names it', () => {
    const r = ok(parse(EE_BASE, {}, [...HEALTH_KEYS, 'license_id', 'uuid', 'hostname', 'licensee.Email', 'license_md5', 'counts.ci_builds']));
    assert.deepEqual(Object.keys(r.snapshot.metrics).filter((k) => isIdentifying(k)), []);
    assert.equal(r.snapshot.metrics['counts.ci_builds'], 12345);
    assert.ok(isIdentifying('settings.some_uuid') && isIdentifying('licensee') && !isIdentifying('counts.ci_builds'));
  });

  it('reads back from its own file unchanged, and the same payload gives the same bytes', () => {
    const r = ok(parse(EE_BASE));
    const text = snapshotJson(r.snapshot);
    const again = ok(parsePayload(text, { keys, now }));
    assert.deepEqual(again.snapshot, r.snapshot);
    assert.equal(snapshotJson(again.snapshot), text);
    // Key order in the payload does not matter.
    const shuffled = Object.fromEntries(Object.entries(EE_BASE).reverse());
    assert.equal(snapshotJson(ok(parse(shuffled)).snapshot), text);
  });

  it('is named by its recorded_at date (UTC), in every form GitLab writes it', () => {
    assert.equal(snapshotFileName(ok(parse(EE_BASE)).snapshot), '2026-03-01.json');
    assert.equal(snapshotFileName(ok(parse(EE_BASE, { recorded_at: '2026-04-02 08:15:00 UTC' })).snapshot), '2026-04-02.json');
    assert.equal(snapshotFileName(ok(parse(EE_BASE, { recorded_at: '2026-04-02 01:00:00 +0200' })).snapshot), '2026-04-01.json');
    assert.equal(snapshotFileName(ok(parse(EE_BASE, { recorded_at: '2026-04-02' })).snapshot), '2026-04-02.json');
    assert.equal(parseRecordedAt('2026-04-02T10:00:00.123456Z')?.toISOString(), '2026-04-02T10:00:00.123Z');
  });
});
