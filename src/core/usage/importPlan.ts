// What importing payloads into a customer's usage folder does, decided before anything is written:
// the whole batch is accepted or none of it is.
//
//   - one snapshot per month: two payloads of the same month (in the batch, or one already stored
//     with a different recorded_at) are refused;
//   - the same payload again (same recorded_at) is not written twice: an identical stored snapshot
//     is left alone, one trimmed differently (the banks now use other keys) is rewritten;
//   - a payload older than the newest stored snapshot is refused, unless it is one already stored;
//   - payloads in one batch may come in any order: they are sorted by recorded_at first.
import { snapshotFileName, snapshotJson, type UsageSnapshot } from './payload';
import { sortSnapshots } from './report';

export interface IncomingPayload {
  /** The file it came from, for messages. */
  source: string;
  snapshot: UsageSnapshot;
}

export interface StoredSnapshot {
  /** File name in the usage folder, e.g. 2026-03-01.json. */
  file: string;
  snapshot: UsageSnapshot;
  /** The file's text as stored. */
  text: string;
}

export interface SnapshotWrite {
  file: string;
  text: string;
  source: string;
  /** true: a new month; false: the same payload stored again with a new trim. */
  created: boolean;
}

/** Why a batch is refused, as a code and its facts (dates YYYY-MM-DD, months YYYY-MM), for the extension to word. */
export type ImportProblem =
  | { code: 'same-month'; source: string; twin: string; month: string; twinDate: string; date: string }
  | { code: 'month-taken'; source: string; month: string; file: string; recordedAt: string }
  | { code: 'older'; source: string; date: string; newest: string };

/** `problems` in English (the CLI, the log); `issues` the same, as facts, in the same order. */
export type ImportPlan = { ok: true; writes: SnapshotWrite[]; unchanged: IncomingPayload[] } | { ok: false; problems: string[]; issues: ImportProblem[] };

/** An import problem in English. */
export function importProblemText(p: ImportProblem): string {
  switch (p.code) {
    case 'same-month':
      return `${p.source} and ${p.twin} are both for ${p.month} (recorded ${p.twinDate} and ${p.date}); keep one payload per month.`;
    case 'month-taken':
      return `${p.source} is for ${p.month}, which already has a snapshot (${p.file}, recorded ${p.recordedAt}); keep one payload per month.`;
    case 'older':
      return `${p.source} was recorded on ${p.date}, before the newest snapshot (${p.newest}); usage data is imported month by month, oldest first.`;
  }
}

const month = (s: UsageSnapshot) => s.date.slice(0, 7);

export function planImport(stored: readonly StoredSnapshot[], incoming: readonly IncomingPayload[]): ImportPlan {
  const problems: ImportProblem[] = [];
  const byMonth = new Map<string, StoredSnapshot>();
  for (const s of stored) byMonth.set(month(s.snapshot), s);
  const newest = sortSnapshots(stored.map((s) => s.snapshot)).pop();

  const seen = new Map<string, IncomingPayload>();
  const writes: SnapshotWrite[] = [];
  const unchanged: IncomingPayload[] = [];
  const order = new Map(incoming.map((p) => [p.snapshot, p]));
  for (const snapshot of sortSnapshots(incoming.map((p) => p.snapshot))) {
    const payload = order.get(snapshot)!;
    const m = month(snapshot);
    const twin = seen.get(m);
    if (twin) {
      if (twin.snapshot.recordedAt === snapshot.recordedAt) continue; // the same payload twice in one batch
      problems.push({ code: 'same-month', source: payload.source, twin: twin.source, month: m, twinDate: twin.snapshot.recordedAt.slice(0, 10), date: snapshot.recordedAt.slice(0, 10) });
      continue;
    }
    seen.set(m, payload);
    const existing = byMonth.get(m);
    const text = snapshotJson(snapshot);
    if (existing) {
      if (existing.snapshot.recordedAt !== snapshot.recordedAt) {
        problems.push({ code: 'month-taken', source: payload.source, month: m, file: existing.file, recordedAt: existing.snapshot.recordedAt });
      } else if (existing.text === text) unchanged.push(payload);
      else writes.push({ file: existing.file, text, source: payload.source, created: false });
      continue;
    }
    if (newest && snapshot.recordedAt < newest.recordedAt) {
      problems.push({ code: 'older', source: payload.source, date: snapshot.date, newest: snapshotFileName(newest) });
      continue;
    }
    writes.push({ file: snapshotFileName(snapshot), text, source: payload.source, created: true });
  }
  return problems.length ? { ok: false, problems: problems.map(importProblemText), issues: problems } : { ok: true, writes, unchanged };
}
