import { strict as assert } from 'node:assert';
import type { TechniqueSummary } from '../../src/protocol';
import { closeBrowser, openSidebar, type Sidebar } from './harness';

const technique = (over: Partial<TechniqueSummary>): TechniqueSummary => ({
  id: 'ted',
  title: 'TED — Tell / Explain / Describe',
  summary: 'Open-ended questions.',
  kind: 'technique',
  flow: 'ted',
  promptCount: 3,
  sources: ['Questions & Techniques for Success Plan Discovery'],
  ...over,
});

const catalog = (techniques: TechniqueSummary[], skipped: string[] = []) => ({
  type: 'catalog',
  techniques,
  playbooks: [],
  status: { loaded: techniques.length, skipped },
});

/** As the host does: the catalog, then the start form's data (no call is running). */
async function showCatalog(sidebar: Sidebar, message: ReturnType<typeof catalog>): Promise<void> {
  await sidebar.send(message);
  await sidebar.send({ type: 'idle', customers: [], today: '2026-11-24' });
}

describe('sidebar webview: technique list', function () {
  let sidebar: Sidebar;
  afterEach(() => sidebar?.page.close());
  after(closeBrowser);

  it('says ready first and shows a loading line until the host answers', async () => {
    sidebar = await openSidebar();
    assert.deepEqual(await sidebar.posted(), [{ type: 'ready' }]);
    assert.match(await sidebar.page.locator('#app').innerText(), /Loading question banks/);
  });

  it('renders techniques, stages and checklists in their sections', async () => {
    sidebar = await openSidebar();
    await showCatalog(
      sidebar,
      catalog([
        technique({}),
        technique({ id: 'five-whys', title: 'Five Whys', flow: 'ladder', promptCount: 5 }),
        technique({ id: 'stage-verify', title: 'Verify', kind: 'stage', adoptionRule: 'Adopted when more than 25% of the account uses CI.' }),
        technique({ id: 'urgency', title: 'Urgency questions', kind: 'checklist', promptCount: 1 }),
      ]),
    );
    const sections = sidebar.page.locator('details.section');
    assert.equal(await sections.count(), 3);
    assert.deepEqual(await sidebar.page.locator('.technique-title').allTextContents(), ['TED — Tell / Explain / Describe', 'Five Whys', 'Verify', 'Urgency questions']);
    assert.match(await sidebar.page.locator('[data-id="five-whys"] .technique-meta').textContent() ?? '', /^5 prompts · Questions & Techniques/);
    assert.match(await sidebar.page.locator('[data-id="urgency"] .technique-meta').textContent() ?? '', /^1 prompt · /);
    assert.match(await sidebar.page.locator('[data-id="stage-verify"] .technique-rule').textContent() ?? '', /more than 25%/);
    await sidebar.page.waitForFunction(() => document.getElementById('status')?.textContent === '4 question banks loaded.');
    assert.equal(await sidebar.page.locator('#app').getAttribute('aria-busy'), 'false');
  });

  it('shows hostile bank text as inert text', async () => {
    sidebar = await openSidebar();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await showCatalog(sidebar, catalog([technique({ title: hostile, summary: `<b>bold</b> ${hostile}`, sources: [hostile] })]));
    assert.equal(await sidebar.page.locator('.technique-title').textContent(), hostile);
    assert.equal(await sidebar.page.locator('#app img, #app script, #app b').count(), 0);
    assert.equal(await sidebar.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  });

  it('says how many banks were skipped and offers the log', async () => {
    sidebar = await openSidebar();
    await showCatalog(sidebar, catalog([technique({})], ['/x/broken.yaml']));
    assert.match(await sidebar.page.locator('.notice').innerText(), /1 question bank has errors and was skipped/);
    await sidebar.page.getByRole('button', { name: 'Show log' }).click();
    assert.deepEqual((await sidebar.posted()).at(-1), { type: 'runCommand', command: 'showLog' });
  });

  it('ignores malformed messages and keeps working', async () => {
    sidebar = await openSidebar();
    for (const junk of [null, 42, 'catalog', { type: 'catalog' }, { type: 'nope' }, { type: 'catalog', techniques: 'x', status: {} }]) {
      await sidebar.send(junk);
    }
    assert.match(await sidebar.page.locator('#app').innerText(), /Loading question banks/);
    await showCatalog(sidebar, catalog([technique({})]));
    assert.equal(await sidebar.page.locator('.technique').count(), 1);
  });

  it('answers a snapshot request with its visible text', async () => {
    sidebar = await openSidebar();
    await showCatalog(sidebar, catalog([technique({ title: 'Day in the Life' })]));
    await sidebar.send({ type: 'requestSnapshot', requestId: 7 });
    const reply = (await sidebar.posted()).find((m) => m.type === 'snapshot');
    assert.equal(reply?.requestId, 7);
    assert.match(String(reply?.text), /Day in the Life/);
  });

  it('keeps open sections in webview state across a reload', async () => {
    sidebar = await openSidebar();
    const list = [technique({}), technique({ id: 'stage-plan', title: 'Plan', kind: 'stage' })];
    await showCatalog(sidebar, catalog(list));
    await sidebar.page.locator('details[data-kind="stage"] > summary').press('Enter');
    await sidebar.page.waitForFunction(() => (window as unknown as { __state?: { open: { stage?: boolean } } }).__state?.open.stage === true);
    const saved = await sidebar.savedState();
    await sidebar.page.close();

    sidebar = await openSidebar(saved);
    await showCatalog(sidebar, catalog(list));
    assert.equal(await sidebar.page.locator('details[data-kind="stage"]').getAttribute('open'), '');
  });
});
