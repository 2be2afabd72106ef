// The sidebar's view of the catalog: what the host posts as the `catalog` message. Pure, so the
// host, the webview tests and the benchmark all build exactly the same message.
import type { Catalog } from './core/bank/catalog';
import type { HostMessage, PlaybookSummary, TechniqueSummary } from './protocol';

export function catalogMessage(catalog: Pick<Catalog, 'banks' | 'playbooks' | 'skipped'>): Extract<HostMessage, { type: 'catalog' }> {
  const techniques = catalog.banks.map(
    (b): TechniqueSummary => ({
      id: b.id,
      title: b.title,
      summary: b.summary,
      kind: b.kind,
      flow: b.flow,
      promptCount: b.prompts.reduce((n, p) => n + 1 + (p.followUps?.length ?? 0), 0),
      sources: b.source.map((s) => s.title),
      ...(b.stage ? { stage: b.stage } : {}),
      ...(b.adoption ? { adoptionRule: b.adoption.rule } : {}),
    }),
  );
  const playbooks = catalog.playbooks.map(({ id, title, summary, callTitle, techniques: t, stages }): PlaybookSummary => ({ id, title, summary, callTitle, techniques: t, stages }));
  return { type: 'catalog', techniques, playbooks, status: { loaded: catalog.banks.length, skipped: [...catalog.skipped] } };
}
