// Usage data in the portfolio (issue 13): a customer's health is the worst use-case colour of its
// latest snapshot when it has usage data, otherwise the CSM's latest; its usage alerts are listed.
import { strict as assert } from 'node:assert';
import { renderNote } from '../../../../src/core/note/render';
import { planContext } from '../../../../src/core/plan/context';
import { collectCustomer, collectPortfolio } from '../../../../src/core/portfolio/collect';
import { groupCustomers } from '../../../../src/core/portfolio/order';
import { portfolioRegionText } from '../../../../src/core/portfolio/regions';
import { renderPortfolio } from '../../../../src/core/portfolio/portfolioFile';
import { planImport } from '../../../../src/core/usage/importPlan';
import { HEALTH_KEYS } from '../../../../src/core/usage/keys';
import { parsePayload } from '../../../../src/core/usage/payload';
import { portfolioUsage, storedSnapshots, writeSnapshots } from '../../../../src/core/usage/usageStore';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { source } from '../notesFixtures';
import { realistic } from '../note/noteFixtures';
import { builtInBanks } from '../../questions/builtInBanks';
import { EE_BASE, monthDate, payload } from './usagePayloads';

describe('usage data in the portfolio', () => {
  const note = (customer: string) => renderNote({ ...realistic, customer, date: '2026-03-20', health: [{ useCase: 'CI', color: 'green', reason: 'fine' }] });
  const folder = () =>
    new MemoryNotesFolder({
      'acme/2026-03-20-discovery.md': note('Acme'),
      'acme/usage/2026-03-01.json': payload(EE_BASE, { recorded_at: monthDate(2) }),
      'acme/usage/2026-04-01.json': payload(EE_BASE, { recorded_at: monthDate(3), 'counts.count_total_create_ci_build_monthly': 1000 }),
      'initech/2026-03-20-discovery.md': note('Initech'),
    });

  it('health from usage data when there is any (worst colour), else the CSM’s; alerts since the last call', async () => {
    const src = source(folder());
    const portfolio = await collectPortfolio(src, { context: planContext(builtInBanks(), '2026-05-01'), usage: portfolioUsage(src) });
    const acme = portfolio.customers.find((c) => c.folder === 'acme')!;
    const initech = portfolio.customers.find((c) => c.folder === 'initech')!;
    assert.deepStrictEqual([acme.health, acme.healthSource, acme.usageAlerts], ['yellow', 'usage', ['CI went Green → Yellow since the last call']]);
    assert.deepStrictEqual(acme.usageDrops, [{ useCase: 'ci', since: null, kind: 'health', fromColor: 'green', toColor: 'yellow' }], 'what each alert is made of, for the Customers view to word');
    assert.deepStrictEqual([initech.health, initech.healthSource, initech.usageAlerts], ['green', 'csm', []]);
    assert.equal(initech.usageDrops, undefined);
    const md = Object.values(portfolioRegionText(portfolio)).join('\n');
    assert.match(md, /Yellow \(usage data\)/);
    assert.match(md, /CI went Green → Yellow since the last call/);
  });

  it('portfolio.md after a usage import: the same rewrite as after a call gives health from the data and its alert, hand-written text kept', async () => {
    const f = new MemoryNotesFolder({ 'acme/2026-03-20-discovery.md': note('Acme'), 'initech/2026-03-20-discovery.md': note('Initech') });
    const src = source(f);
    const context = planContext(builtInBanks(), '2026-05-01');
    const portfolio = () => collectPortfolio(src, { context, usage: portfolioUsage(src) });
    const first = renderPortfolio(await portfolio());
    assert.ok(first.ok);
    const mine = `${first.text}\n## My notes\n\nCall Acme's CFO before the renewal.\n`;
    assert.match(mine, /\| \[Acme\]\(acme\/success-plan\.md\) \| Green \|/);

    // Import Usage Data's steps (src/host/usage/importCommand.ts): payloads parsed, the batch planned, snapshots written.
    const now = new Date('2026-05-01T12:00:00Z');
    const incoming = [2, 3].map((m) => {
      const parsed = parsePayload(payload(EE_BASE, { recorded_at: monthDate(m), ...(m === 3 ? { 'counts.count_total_create_ci_build_monthly': 1000 } : {}) }), { keys: HEALTH_KEYS, now });
      assert.ok(parsed.ok);
      return { source: `ping-${m}.json`, snapshot: parsed.snapshot };
    });
    const batch = planImport(await storedSnapshots(f, 'acme', HEALTH_KEYS, src.log, now), incoming);
    assert.ok(batch.ok);
    await writeSnapshots(f, 'acme', batch.writes);

    const after = renderPortfolio(await portfolio(), mine);
    assert.ok(after.ok);
    assert.notEqual(after.text, mine, 'no note changed, yet portfolio.md must be written again');
    assert.match(after.text, /\| \[Acme\]\(acme\/success-plan\.md\) \| Yellow \(usage data\) \|.*\| CI went Green → Yellow since the last call \|/);
    assert.match(after.text, /\| \[Initech\]\(initech\/success-plan\.md\) \| Green \|/);
    assert.ok(after.text.endsWith("## My notes\n\nCall Acme's CFO before the renewal.\n"), 'the CSM’s own text is kept');
  });

  it('a customer with usage data and no call note yet is listed: health from the data, no call yet; a folder with neither is not', async () => {
    const f = new MemoryNotesFolder({
      'acme/2026-03-20-discovery.md': note('Acme'),
      'umbrella/usage/2026-03-01.json': payload(EE_BASE, { recorded_at: monthDate(2) }),
      'umbrella/usage/2026-04-01.json': payload(EE_BASE, { recorded_at: monthDate(3), 'counts.count_total_create_ci_build_monthly': 1000 }),
      'empty/README.txt': 'not a customer yet',
    });
    const src = source(f);
    const context = planContext(builtInBanks(), '2026-05-01');
    const seen: string[] = [];
    const portfolio = await collectPortfolio(src, { context, usage: portfolioUsage(src), onCustomer: (c) => seen.push(c.folder) });
    assert.deepStrictEqual(portfolio.customers.map((c) => c.folder), ['acme', 'umbrella']);
    assert.deepStrictEqual(seen.sort(), ['acme', 'umbrella'], 'the view fills in with it too');
    const umbrella = portfolio.customers.find((c) => c.folder === 'umbrella')!;
    assert.deepStrictEqual(
      { health: umbrella.health, source: umbrella.healthSource, calls: umbrella.calls, lastCall: umbrella.lastCall, days: umbrella.daysSinceLastCall, alerts: umbrella.usageAlerts },
      { health: 'yellow', source: 'usage', calls: 0, lastCall: '', days: null, alerts: ['CI went Green → Yellow since 2026-03-01'] },
    );
    const rendered = renderPortfolio(portfolio);
    assert.ok(rendered.ok);
    assert.match(rendered.text, /\| \[umbrella\]\(umbrella\/success-plan\.md\) \| Yellow \(usage data\) \| no call yet \|.*\| CI went Green → Yellow since 2026-03-01 \|/);
    // Sorted by last contact it comes first, under "No calls yet".
    assert.deepStrictEqual(
      groupCustomers(portfolio.customers, 'lastContact').map((g) => [g.label, g.customers.map((c) => c.folder)]),
      [['No calls yet', ['umbrella']], ['31–90 days ago', ['acme']]],
    );
    // The Customers view's single-customer read (after a change) agrees; without a usage hook there is nothing to list.
    assert.equal((await collectCustomer(src, 'umbrella', { context, usage: portfolioUsage(src) }))?.usage?.worst, 'yellow');
    assert.equal(await collectCustomer(src, 'umbrella', { context }), undefined);
    assert.equal(await collectCustomer(src, 'empty', { context, usage: portfolioUsage(src) }), undefined);
    assert.deepStrictEqual((await collectPortfolio(src, { context })).customers.map((c) => c.folder), ['acme']);
  });

  it('a customer with usage data and no call yet is named as typed at import (the plan keeps the name), not by its folder', async () => {
    const f = new MemoryNotesFolder({
      'umbrella-corp/usage/2026-03-01.json': payload(EE_BASE, { recorded_at: monthDate(2) }),
      'umbrella-corp/success-plan.md': '---\ncustomer: Umbrella Corp\ncustomerSince: 2025-06\n---\n',
      'initech/usage/2026-03-01.json': payload(EE_BASE, { recorded_at: monthDate(2) }),
    });
    const src = source(f);
    const context = planContext(builtInBanks(), '2026-05-01');
    const seen: string[] = [];
    const portfolio = await collectPortfolio(src, { context, usage: portfolioUsage(src), onCustomer: (c, figures) => seen.push(`${c.folder}: ${figures.customer}`) });
    assert.deepStrictEqual(
      portfolio.customers.map((c) => [c.folder, c.customer]),
      [
        ['initech', 'initech'],
        ['umbrella-corp', 'Umbrella Corp'],
      ],
      'a folder with no plan (or no name in it) is still named by its folder',
    );
    assert.deepStrictEqual(seen.sort(), ['initech: initech', 'umbrella-corp: Umbrella Corp'], 'the Customers view fills in with the name');
    const rendered = renderPortfolio(portfolio);
    assert.ok(rendered.ok);
    assert.match(rendered.text, /\| \[Umbrella Corp\]\(umbrella-corp\/success-plan\.md\) \|/);
    // The Customers view's single-customer read (after the plan or the data changed) agrees.
    assert.equal((await collectCustomer(src, 'umbrella-corp', { context, usage: portfolioUsage(src) }))?.plan.customer, 'Umbrella Corp');
  });
});
