// The success plan's Usage section and chart: colours per snapshot, license utilization over time,
// alerts with the next step, and an SVG that any renderer shows (no script, no external reference).
import { strict as assert } from 'node:assert';
import { parsePayload } from '../../src/core/usage/payload';
import { planUsage, usageChartSvg, usageRegionLines } from '../../src/core/usage/planUsage';
import { usageKeys } from '../../src/core/usage/report';
import { builtInBanks } from './builtInBanks';
import { EE_BASE, monthDate, payload, type Flat } from './usagePayloads';

const keys = usageKeys(builtInBanks());
const snap = (i: number, changes: Flat = {}) => {
  const r = parsePayload(payload(EE_BASE, { recorded_at: monthDate(i), ...changes }), { keys, now: new Date('2026-12-03') });
  if (!r.ok) throw new Error(r.problem);
  return r.snapshot;
};

describe('plan: the Usage section', () => {
  const history = [snap(0), snap(1), snap(2, { 'counts.count_total_create_ci_build_monthly': 1000, license_billable_users: 70 })];
  const usage = planUsage(history, { customerSince: '2025-01', lastCallDate: '2026-02-10' })!;

  it('a table of each use case per snapshot, license utilization in it, and the chart linked', () => {
    const md = usageRegionLines(usage).join('\n');
    assert.match(md, /^## Usage\n\nFrom 3 monthly Service Ping snapshots \(latest 2026-03-01\)/);
    assert.match(md, /Customer since 2025-01\./);
    assert.match(md, /!\[Use-case health scores and license utilization by month\]\(usage\/usage-chart\.svg\)/);
    assert.match(md, /\| Use case \| 2026-01-01 \| 2026-02-01 \| 2026-03-01 \|/);
    assert.match(md, /\| License utilization \| Green \(83\.33%\) \| Green \(83\.33%\) \| Red \(58\.33%\) \|/);
    assert.match(md, /\| CI \| Green \(88\) \| Green \(88\) \| Yellow \(63\) \|/);
  });

  it('alerts say what dropped since the last call, with the next step', () => {
    const md = usageRegionLines(usage).join('\n');
    assert.match(md, /\*\*Alerts\*\*\n\n- License utilization fell from over 75% to over 50% to 75% \(83\.33% → 58\.33%\) since the last call: ask how the unused licenses/);
    assert.match(md, /- CI went Green → Yellow since the last call: ask which team is moving off .*right person\./);
  });

  it('without data: says how to get it', () => {
    assert.match(usageRegionLines(undefined).join('\n'), /No usage data yet\. Run \*\*Call Coach: Import Usage Data\*\*/);
  });

  it('the chart is plain SVG: no script, no external reference, a title, one line per series', () => {
    const svg = usageChartSvg(usage);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="300" viewBox="0 0 640 300"/);
    assert.ok(!/<script|on\w+=|href|<image|<foreignObject|url\(|@import/i.test(svg), 'inert');
    assert.match(svg, /<title>Use-case health scores and license utilization, 2026-01 to 2026-03<\/title>/);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 6);
    assert.match(svg, />License utilization % 58</);
    assert.match(svg, />CI 63</);
    assert.ok(svg.endsWith('</svg>\n'));
    // One snapshot: points, no lines.
    const one = usageChartSvg(planUsage([snap(0)])!);
    assert.equal((one.match(/<polyline /g) ?? []).length, 0);
    assert.ok((one.match(/<circle /g) ?? []).length >= 5);
  });
});
