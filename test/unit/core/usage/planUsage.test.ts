// The success plan's Usage section and chart: colours per snapshot, license utilization over time,
// alerts with the next step, and an SVG that any renderer shows (no script, no external reference).
import { strict as assert } from 'node:assert';
import { parsePayload } from '../../../../src/core/usage/payload';
import { planUsage, usageChartSvg, usageRegionLines } from '../../../../src/core/usage/planUsage';
import { usageKeys } from '../../../../src/core/usage/report';
import { builtInBanks } from '../../questions/builtInBanks';
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

describe('plan: usage in the roll-up', () => {
  const { buildPlan } = require('../../../../src/core/plan/rollup') as typeof import('../../../../src/core/plan/rollup');
  const { renderPlan } = require('../../../../src/core/plan/planFile') as typeof import('../../../../src/core/plan/planFile');
  const { beginMarker } = require('../../../../src/core/plan/generatedFile') as typeof import('../../../../src/core/plan/generatedFile');
  const { planContext } = require('../../../../src/core/plan/context') as typeof import('../../../../src/core/plan/context');
  const context = planContext(builtInBanks(), '2026-03-20');
  const usage = planUsage([snap(0), snap(1, { 'counts.count_total_create_ci_build_monthly': 1000 })], { customerSince: '2025-01' })!;

  it('a plan with usage data gets the Usage region (after health) and the drop as its first gap', () => {
    const plan = buildPlan({ customer: 'Acme', notes: [], usage }, context);
    assert.deepEqual(plan.gaps[0], {
      kind: 'usage-drop',
      label: 'CI went Green → Yellow since 2026-01-01: ask which team is moving off and what is blocking it (training or enablement gaps, change management, technical issues, configuration), offer enablement, and bring in the right person',
      bankId: 'product-usage-review',
      promptIds: ['product-usage-review-use-case-health', 'product-usage-review-blockers'],
      placeholders: { use_case: 'CI' },
      drop: { useCase: 'ci', since: '2026-01-01', kind: 'health', fromColor: 'green', toColor: 'yellow' },
    });
    const r = renderPlan(plan, context);
    assert.ok(r.ok);
    const text = r.text;
    assert.ok(text.indexOf(beginMarker('health')) < text.indexOf(beginMarker('usage')) && text.indexOf(beginMarker('usage')) < text.indexOf(beginMarker('gaps')));
    assert.match(text, /### Usage alerts\n\n- CI went Green → Yellow since 2026-01-01: ask which team/);
    // Regenerating keeps it; a plan without usage data has no Usage region at all.
    const again = renderPlan(plan, context, text);
    assert.ok(again.ok && again.text === text);
    const none = renderPlan(buildPlan({ customer: 'Acme', notes: [] }, context), context);
    assert.ok(none.ok && !none.text.includes(beginMarker('usage')));
  });
});
