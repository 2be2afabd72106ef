// src/core/plan/updatePlan.ts: writing a customer's success plan through the notes folder.
import { strict as assert } from 'node:assert';
import { PLAN_FILE } from '../../../../src/core/notesFolder';
import { withPlanFrontMatterValue } from '../../../../src/core/plan/planFrontMatter';
import { PlanFileError, updateSuccessPlan } from '../../../../src/core/plan/updatePlan';
import { MemoryNotesFolder } from '../../fakes/memoryNotesFolder';
import { catalog, DISCOVERY, FOLLOW_UP, source } from '../notesFixtures';

describe('notes folder: updating a success plan', () => {
  it('writes the plan beside the notes, then leaves it alone while nothing changed', async () => {
    const folder = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY, 'acme-corp/2026-03-02-follow-up.md': FOLLOW_UP });
    const src = source(folder);
    const first = await updateSuccessPlan(src, 'acme-corp', catalog, '2026-03-10');
    assert.deepEqual(first.path, ['acme-corp', PLAN_FILE]);
    assert.equal(first.written, true);
    assert.equal(first.plan.calls.length, 2);
    assert.match(folder.text('acme-corp/success-plan.md')!, /<!-- call-coach:begin /);
    const again = await updateSuccessPlan(src, 'acme-corp', catalog, '2026-03-10');
    assert.equal(again.written, false);
    assert.deepEqual(folder.writes, ['acme-corp/success-plan.md']);
  });

  it('leaves a plan that is not UTF-8, or whose markers are damaged, as it is', async () => {
    const notUtf8 = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY, 'acme-corp/success-plan.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe]) });
    await assert.rejects(updateSuccessPlan(source(notUtf8), 'acme-corp', catalog, '2026-03-10'), (err: unknown) => err instanceof PlanFileError && /not UTF-8/.test(err.message) && err.why.code === 'not-utf8');
    assert.deepEqual(notUtf8.writes, []);

    const folder = new MemoryNotesFolder({ 'acme-corp/2026-01-10-discovery.md': DISCOVERY });
    await updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10');
    const damaged = folder.text('acme-corp/success-plan.md')!.replace(/<!-- call-coach:end [^>]*-->/, '');
    folder.put('acme-corp/success-plan.md', damaged);
    folder.writes = [];
    await assert.rejects(updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10'), (err: unknown) => err instanceof PlanFileError && err.path.join('/') === 'acme-corp/success-plan.md');
    assert.deepEqual(folder.writes, []);
    assert.equal(folder.text('acme-corp/success-plan.md'), damaged);
  });

  it('a customer with no call yet keeps the name its plan has (typed at Import Usage Data), not its folder’s; a call note’s name wins once there is one', async () => {
    // As Import Usage Data leaves it for a new customer: the name typed, customer since.
    const folder = new MemoryNotesFolder({ 'acme-corp/success-plan.md': withPlanFrontMatterValue('---\ncustomerSince: 2025-06\n---\n', 'customer', 'Acme Corp: EMEA')! });
    const first = await updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10');
    assert.equal(first.plan.customer, 'Acme Corp: EMEA');
    const text = folder.text('acme-corp/success-plan.md')!;
    assert.match(text, /^---\n(?:.*\n)*customer: "Acme Corp: EMEA"\n(?:.*\n)*---\n/);
    assert.match(text, /^customerSince: 2025-06$/m);
    // A plan that was only front matter gets the body a new plan gets, its title included.
    assert.match(text, /\n---\n\n# Success plan: Acme Corp: EMEA\n\nCall Coach updates the sections/);
    assert.equal((await updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10')).written, false, 'and keeps it on the next update');

    folder.put('acme-corp/2026-01-10-discovery.md', DISCOVERY);
    const withCall = await updateSuccessPlan(source(folder), 'acme-corp', catalog, '2026-03-10');
    assert.equal(withCall.plan.customer, 'Acme Corp');
  });
});
