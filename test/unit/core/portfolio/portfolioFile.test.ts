// portfolio.md: every customer with a link to its plan, due-soon and overdue lists, user text inert,
// hand-written text kept byte for byte, damaged markers refused.
import { strict as assert } from 'node:assert';
import type { CustomerFigures, Portfolio } from '../../../../src/core/portfolio/model';
import { renderPortfolio } from '../../../../src/core/portfolio/portfolioFile';

const figures = (over: Partial<CustomerFigures>): CustomerFigures => ({
  folder: 'acme',
  customer: 'Acme',
  health: null,
  healthSource: 'none',
  calls: 1,
  lastCall: '2026-11-20',
  daysSinceLastCall: 11,
  openObjectives: 0,
  overdue: 0,
  atRisk: 0,
  nextDue: '',
  gaps: 0,
  usageAlerts: [],
  unreadable: 0,
  ...over,
});

const portfolio: Portfolio = {
  today: '2026-12-01',
  customers: [
    figures({ folder: 'acme-corp', customer: 'Acme | <img src=x onerror=alert(1)> [x](y)', health: 'red', healthSource: 'usage', openObjectives: 2, overdue: 1, atRisk: 1, nextDue: '2026-12-10', gaps: 4, usageAlerts: ['CI went Green → Red since the last call'] }),
    figures({ folder: 'globex (eu)', customer: 'Globex', health: 'green', healthSource: 'csm', daysSinceLastCall: 0, lastCall: '2026-12-01' }),
  ],
  dueSoon: [{ folder: 'acme-corp', customer: 'Acme', text: '# not a heading *or emphasis*', status: 'in-progress', owner: 'Dana', due: '2026-12-10', daysLeft: 9 }],
  overdue: [{ folder: 'acme-corp', customer: 'Acme', text: 'Late one', status: 'at-risk', owner: '', due: '2026-11-30', daysLeft: -1 }],
};

function text(existing?: string): string {
  const r = renderPortfolio(portfolio, existing);
  if (!r.ok) assert.fail(`${r.error} (line ${r.line})`);
  return r.text;
}

describe('portfolio.md', () => {
  it('has front matter, a table of every customer linking to its plan, and the due-soon and overdue lists', () => {
    const t = text();
    assert.match(t, /^---\ntype: portfolio\nupdated: 2026-12-01\ncustomers: 2\n---\n\n# Portfolio\n/);
    assert.ok(t.includes('| Customer | Health | Last call | Open objectives | Overdue | At risk | Next due | Coverage gaps | Alerts |'));
    assert.ok(t.includes('](acme-corp/success-plan.md) | Red (usage data) | 2026-11-20 (11 days) | 2 | 1 | 1 | 2026-12-10 | 4 | CI went Green → Red since the last call |'), t);
    assert.ok(t.includes('| [Globex](globex%20%28eu%29/success-plan.md) | Green | 2026-12-01 (today) | 0 | 0 | 0 | — | 0 | |'), t);
    assert.ok(t.includes('## Due in the next 30 days\n\n- 2026-12-10 (in 9 days): [Acme](acme-corp/success-plan.md): '), t);
    assert.ok(t.includes('## Overdue\n\n- 2026-11-30 (1 day late): [Acme](acme-corp/success-plan.md): Late one (at risk)'), t);
  });

  it('keeps user text inert: no table break, tag, link or emphasis comes from a customer name or objective', () => {
    const t = text();
    assert.ok(!t.includes('<img'), 'no raw HTML');
    const row = t.split('\n').find((l) => l.includes('(acme-corp/success-plan.md) | Red'))!;
    assert.ok(row.startsWith('| [Acme &#124; &lt;img src=x onerror=alert(1)'), row);
    assert.ok(row.includes('&#91;x&#93;(y)](acme-corp/success-plan.md)'), 'no link of its own inside the link text');
    assert.equal(row.split(' | ').length, 9, 'the pipe in the name does not add a column');
    const item = t.split('\n').find((l) => l.startsWith('- 2026-12-10'))!;
    assert.ok(!/^\s*#/.test(item.split('): ').pop()!) || item.startsWith('- '), 'a list item, never a heading');
  });

  it('keeps hand-written text byte for byte and refuses damaged markers', () => {
    const first = text();
    const edited = first.replace('# Portfolio\n', '# Portfolio\n\nOur book for Q4, reviewed *weekly*.\r\n').replace(/\n$/, '\n\n## Notes\n\n| mine | table |\n');
    const again = text(edited);
    assert.equal(again, edited, 'nothing changed, so nothing moves');
    const tomorrow = renderPortfolio({ ...portfolio, today: '2026-12-02', customers: portfolio.customers.slice(1) }, edited);
    assert.ok(tomorrow.ok);
    assert.ok(tomorrow.text.includes('Our book for Q4, reviewed *weekly*.\r\n'));
    assert.ok(tomorrow.text.endsWith('\n\n## Notes\n\n| mine | table |\n'));
    assert.match(tomorrow.text, /^updated: 2026-12-02$/m);
    const damaged = renderPortfolio(portfolio, first.replace('<!-- call-coach:end overdue -->', ''));
    assert.equal(damaged.ok, false);
    assert.equal(damaged.ok ? 0 : damaged.line, first.split('\n').indexOf('<!-- call-coach:begin overdue -->') + 1);
    const wrongType = renderPortfolio(portfolio, '---\ntype: success-plan\n---\n');
    assert.equal(wrongType.ok, false);
    assert.match(wrongType.ok ? '' : wrongType.error, /where Call Coach keeps the portfolio \(`type: portfolio`\)/);
  });
});
