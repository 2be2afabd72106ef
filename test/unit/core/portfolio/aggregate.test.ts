// The portfolio's figures: per customer from its success plan (and usage data, when there is
// any), the objectives due soon and overdue across customers, and the Customers view's orders.
import { strict as assert } from 'node:assert';
import type { CallNote, HealthColor } from '../../../../src/core/note/model';
import { planContext } from '../../../../src/core/plan/context';
import { buildPlan, type PlanNote } from '../../../../src/core/plan/rollup';
import { buildPortfolio, customerFigures, worstColor } from '../../../../src/core/portfolio/aggregate';
import type { CustomerFigures } from '../../../../src/core/portfolio/model';
import { describeFigures, filterCustomers, groupCustomers, sortCustomers } from '../../../../src/core/portfolio/order';
import { builtInBanks } from '../../questions/builtInBanks';
import { realistic } from '../note/noteFixtures';

const TODAY = '2026-12-01';
const context = planContext(builtInBanks(), TODAY);

function note(over: Partial<CallNote>): PlanNote {
  const n: CallNote = { ...realistic, objectives: [], health: [], actionItems: [], ...over };
  return { file: `${n.date}-${n.title.toLowerCase().replace(/\W+/g, '-')}.md`, note: n };
}

function plan(customer: string, notes: PlanNote[]) {
  return buildPlan({ customer, notes }, context);
}

const objective = (text: string, status: CallNote['objectives'][number]['status'], due: string) => ({ text, status, origin: 'tagged' as const, owner: 'Dana', due, horizon: null, valueDriver: '' });
const health = (useCase: string, color: HealthColor) => ({ useCase, color, reason: '' });

describe('portfolio: figures per customer', () => {
  const acme = plan('Acme Corp', [
    note({ customer: 'Acme Corp', date: '2026-10-01', title: 'Kickoff', health: [health('CI', 'red'), health('SCM', 'green')], objectives: [objective('Weekly releases', 'in-progress', '2026-11-15'), objective('Retire Jenkins', 'at-risk', '2026-12-20')] }),
    note({
      customer: 'Acme Corp',
      date: '2026-11-21',
      title: 'Sync',
      health: [health('ci', 'yellow')],
      objectives: [objective('Weekly releases', 'in-progress', ''), objective('One dashboard', 'done', '2026-11-01'), objective('Shift left', 'not-started', '2027-06-01')],
    }),
  ]);

  it('counts open, overdue and at-risk objectives, the next due date and days since the last call', () => {
    const { figures, dated } = customerFigures({ folder: 'acme-corp', plan: acme }, TODAY);
    assert.equal(figures.customer, 'Acme Corp');
    assert.equal(figures.calls, 2);
    assert.equal(figures.lastCall, '2026-11-21');
    assert.equal(figures.daysSinceLastCall, 10);
    assert.equal(figures.openObjectives, 3, 'the done one is not open');
    assert.equal(figures.overdue, 1, 'Weekly releases kept its earlier due date 2026-11-15');
    assert.equal(figures.atRisk, 1);
    assert.equal(figures.nextDue, '2026-12-20', 'the earliest due date that has not passed');
    assert.equal(figures.gaps, acme.gaps.length);
    assert.ok(figures.gaps > 0);
    assert.deepEqual(
      dated.map((o) => [o.text, o.daysLeft]),
      [
        ['Weekly releases', -16],
        ['Retire Jenkins', 19],
        ['Shift left', 182],
      ],
    );
  });

  it('takes health from the CSM’s latest colour per use case, the worst of them', () => {
    // CI was red, then yellow (the latest wins, case ignored); SCM green: worst is yellow.
    const { figures } = customerFigures({ folder: 'acme-corp', plan: acme }, TODAY);
    assert.equal(figures.health, 'yellow');
    assert.equal(figures.healthSource, 'csm');
  });

  it('takes health from usage data when there is a scored colour, with its alerts', () => {
    const usage = { worst: 'red' as const, alerts: ['CI went Green → Red since the last call'] };
    const { figures } = customerFigures({ folder: 'acme-corp', plan: acme, usage }, TODAY);
    assert.equal(figures.health, 'red');
    assert.equal(figures.healthSource, 'usage');
    assert.deepEqual(figures.usageAlerts, usage.alerts);
    const unscored = customerFigures({ folder: 'acme-corp', plan: acme, usage: { worst: null, alerts: [] } }, TODAY).figures;
    assert.equal(unscored.health, 'yellow', 'usage data that scored nothing leaves the CSM’s colour');
    assert.equal(unscored.healthSource, 'csm');
  });

  it('gives a customer without calls or health no figures rather than wrong ones', () => {
    const { figures } = customerFigures({ folder: 'empty-co', plan: buildPlan({ customer: 'empty-co', notes: [] }, context) }, TODAY);
    assert.equal(figures.health, null);
    assert.equal(figures.healthSource, 'none');
    assert.equal(figures.daysSinceLastCall, null);
    assert.equal(figures.lastCall, '');
    assert.equal(figures.nextDue, '');
  });

  it('ignores due dates that are not dates', () => {
    const p = plan('Odd', [note({ customer: 'Odd', date: '2026-11-30', objectives: [objective('A', 'in-progress', 'next week'), objective('B', 'in-progress', '2026-02-30x')] })]);
    const { figures, dated } = customerFigures({ folder: 'odd', plan: p }, TODAY);
    assert.equal(figures.openObjectives, 2);
    assert.equal(figures.overdue, 0);
    assert.equal(figures.nextDue, '');
    assert.deepEqual(dated, []);
  });

  it('worstColor: red over yellow over green', () => {
    assert.equal(worstColor(['green', 'yellow', null, 'green']), 'yellow');
    assert.equal(worstColor(['green', 'red', 'yellow']), 'red');
    assert.equal(worstColor([]), null);
  });
});

describe('portfolio: across customers', () => {
  const a = plan('Zeta Bank', [note({ customer: 'Zeta Bank', date: '2026-11-01', objectives: [objective('Due today', 'not-started', TODAY), objective('In 30 days', 'in-progress', '2026-12-31'), objective('In 31 days', 'in-progress', '2027-01-01')] })]);
  const b = plan('Acme Corp', [note({ customer: 'Acme Corp', date: '2026-06-01', objectives: [objective('Late', 'at-risk', '2026-11-30'), objective('Very late', 'in-progress', '2026-01-01'), objective('Done late', 'done', '2026-01-01')] })]);
  const portfolio = buildPortfolio(
    [
      { folder: 'zeta-bank', plan: a },
      { folder: 'acme-corp', plan: b },
    ],
    TODAY,
  );

  it('lists customers by name, objectives due within 30 days (today included) and overdue ones', () => {
    assert.deepEqual(
      portfolio.customers.map((c) => c.customer),
      ['Acme Corp', 'Zeta Bank'],
    );
    assert.deepEqual(
      portfolio.dueSoon.map((o) => [o.customer, o.text, o.daysLeft]),
      [
        ['Zeta Bank', 'Due today', 0],
        ['Zeta Bank', 'In 30 days', 30],
      ],
    );
    assert.deepEqual(
      portfolio.overdue.map((o) => [o.folder, o.text, o.daysLeft]),
      [
        ['acme-corp', 'Very late', -334],
        ['acme-corp', 'Late', -1],
      ],
    );
  });
});

describe('portfolio: orders, groups and filter for the Customers view', () => {
  const c = (over: Partial<CustomerFigures>): CustomerFigures => ({
    folder: (over.customer ?? 'x').toLowerCase(),
    customer: 'x',
    health: null,
    healthSource: 'none',
    calls: 1,
    lastCall: '',
    daysSinceLastCall: null,
    openObjectives: 0,
    overdue: 0,
    atRisk: 0,
    nextDue: '',
    gaps: 0,
    usageAlerts: [],
    unreadable: 0,
    ...over,
  });
  const all = [
    c({ customer: 'Green Old', health: 'green', healthSource: 'csm', daysSinceLastCall: 120 }),
    c({ customer: 'Red', health: 'red', healthSource: 'usage', daysSinceLastCall: 3, nextDue: '2026-12-10' }),
    c({ customer: 'Unknown', daysSinceLastCall: null }),
    c({ customer: 'Yellow Late', health: 'yellow', healthSource: 'csm', daysSinceLastCall: 40, overdue: 2, nextDue: '2027-01-01', usageAlerts: ['CI dropped'] }),
  ];

  it('sorts by health (red first), by last contact (longest ago first) and by next due (overdue first)', () => {
    assert.deepEqual(
      sortCustomers(all, 'health').map((x) => x.customer),
      ['Red', 'Yellow Late', 'Green Old', 'Unknown'],
    );
    assert.deepEqual(
      sortCustomers(all, 'lastContact').map((x) => x.customer),
      ['Unknown', 'Green Old', 'Yellow Late', 'Red'],
    );
    assert.deepEqual(
      sortCustomers(all, 'nextDue').map((x) => x.customer),
      ['Yellow Late', 'Red', 'Green Old', 'Unknown'],
    );
  });

  it('groups by the same keys', () => {
    assert.deepEqual(
      groupCustomers(all, 'health').map((g) => [g.label, g.customers.length]),
      [
        ['Red', 1],
        ['Yellow', 1],
        ['Green', 1],
        ['No health recorded', 1],
      ],
    );
    assert.deepEqual(
      groupCustomers(all, 'lastContact').map((g) => g.label),
      ['No calls yet', 'Over 90 days ago', '31–90 days ago', 'In the last 30 days'],
    );
  });

  it('filters by every word of the text, ignoring case, in names and alerts', () => {
    assert.deepEqual(
      filterCustomers(all, 'ci  DROP').map((x) => x.customer),
      ['Yellow Late'],
    );
    assert.equal(filterCustomers(all, '  ').length, 4);
  });

  it('describes the figures in words (the text equivalent of the icons)', () => {
    const d = describeFigures(all[3]!);
    assert.equal(d.health, 'Health Yellow (CSM)');
    assert.equal(d.lastCall, 'last call 40 days ago');
    assert.equal(d.objectives, '0 open objectives (2 overdue)');
    assert.equal(d.usage, 'usage alert: CI dropped');
  });
});
