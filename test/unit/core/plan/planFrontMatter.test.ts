// The success plan's front matter outside the roll-up (src/core/plan/planFrontMatter.ts): the
// customer's name typed at Import Usage Data kept there, read back, one key changed in place.
import { strict as assert } from 'node:assert';
import { noCallCustomerName, planFrontMatterValue, readPlanCustomer, withPlanFrontMatterValue } from '../../../../src/core/plan/planFrontMatter';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';

describe('the success plan’s front matter', () => {
  it('no plan yet: a front matter with the name alone; read back as typed', () => {
    const text = withPlanFrontMatterValue(undefined, 'customer', 'Umbrella Corp');
    assert.equal(text, '---\ncustomer: Umbrella Corp\n---\n');
    assert.equal(readPlanCustomer(text), 'Umbrella Corp');
  });

  it('a name YAML would misread (a colon, a leading quote, a number, #) round-trips exactly', () => {
    for (const name of ['Acme: EMEA', '"Quoted" Inc', '1999', 'Café #1 — Zürich', 'yes']) {
      const text = withPlanFrontMatterValue('---\ntype: success-plan\n---\n', 'customer', name);
      assert.equal(readPlanCustomer(text), name, name);
    }
  });

  it('an existing key replaced in place, every other byte kept (CRLF, the CSM’s keys and the body)', () => {
    const plan = '---\r\ntype: success-plan\r\ncustomer: umbrella-corp\r\nowner: me # mine\r\n---\r\n\r\n# Success plan: umbrella-corp\r\n';
    const next = withPlanFrontMatterValue(plan, 'customer', 'Umbrella Corp');
    assert.equal(next, plan.replace('customer: umbrella-corp', 'customer: Umbrella Corp'));
    assert.equal(planFrontMatterValue(next, 'owner'), 'me');
  });

  it('a front matter that does not read is left alone (undefined); no name, an empty one or a non-string: none', () => {
    assert.equal(withPlanFrontMatterValue('---\n[unclosed\n---\n', 'customer', 'X'), undefined);
    assert.equal(readPlanCustomer(undefined), undefined);
    assert.equal(readPlanCustomer('# no front matter\n'), undefined);
    assert.equal(readPlanCustomer('---\ncustomer: ""\n---\n'), undefined);
    assert.equal(readPlanCustomer('---\ncustomer: [a, b]\n---\n'), undefined);
  });

  it('a customer folder without notes is named by its plan, else by the folder', async () => {
    const folder = new MemoryNotesFolder({ 'umbrella-corp/success-plan.md': '---\ncustomer: Umbrella Corp\n---\n', 'initech/usage/2026-03-01.json': '{}' });
    assert.equal(await noCallCustomerName(folder, 'umbrella-corp'), 'Umbrella Corp');
    assert.equal(await noCallCustomerName(folder, 'initech'), 'initech');
  });
});
