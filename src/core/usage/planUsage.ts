// The success plan's Usage section and its chart. Pure: the host reads the snapshots, this says
// what the plan shows: each use case's colour per snapshot, license utilization over time, the
// drops with the next step, and an SVG chart (usage/usage-chart.svg beside the snapshots).
//
// The chart is plain SVG 1.1: no script, no external reference, no CSS beyond presentation
// attributes, fixed colours on its own light background, so VS Code's Markdown preview, GitLab and
// GitHub all show it as an image the same way.
import { markdownTable } from '../markdown';
import type { HealthColor } from '../note/model';
import { readCustomerSince } from './customerSince';
import { DROP_PROMPTS, usageDrops, type DropFacts, type UsageDrop } from './drops';
import { computeHealth, USE_CASE_LABEL, useCaseIds, utilizationPercent, type HealthReport, type UseCaseId } from './health';
import { parsePayload, type UsageSnapshot } from './payload';
import { sortSnapshots } from './report';

export const CHART_FILE = 'usage-chart.svg';
/** At most this many snapshots as table columns (the newest); the chart shows up to 24. */
const TABLE_COLUMNS = 6;
const CHART_POINTS = 24;

export interface PlanUsage {
  /** Oldest first. */
  history: { date: string; health: HealthReport }[];
  customerSince?: string;
  drops: UsageDrop[];
}

export function planUsage(snapshots: readonly UsageSnapshot[], options: { customerSince?: string; lastCallDate?: string } = {}): PlanUsage | undefined {
  const sorted = sortSnapshots(snapshots);
  if (!sorted.length) return undefined;
  const health = sorted.map((s) => ({ date: s.date, health: computeHealth(s, options) }));
  return { history: health, ...(options.customerSince ? { customerSince: options.customerSince } : {}), drops: usageDrops(sorted, options) };
}

const COLOR_TEXT: Record<HealthColor, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

function cell(h: HealthReport, id: UseCaseId): string {
  const u = h[id];
  if (id === 'licenseUtilization') {
    const p = utilizationPercent(h);
    if (p === null) return '—';
    return u.color ? `${COLOR_TEXT[u.color]} (${p}%)` : `${p}%`;
  }
  return u.color ? `${COLOR_TEXT[u.color]} (${u.score})` : '—';
}

/** The Markdown of the Usage region (without its markers). `chartLink` is relative to the plan. */
export function usageRegionLines(usage: PlanUsage | undefined, chartLink = `usage/${CHART_FILE}`): string[] {
  const out = ['## Usage', ''];
  if (!usage) return [...out, '_No usage data yet. Run **Call Coach: Import Usage Data** with the customer’s Service Ping payloads._'];
  const { history } = usage;
  const latest = history[history.length - 1]!;
  out.push(
    `From ${history.length} monthly Service Ping snapshot${history.length === 1 ? '' : 's'} (latest ${latest.date}), scored as GitLab’s use-case health: each measure Red 25, Yellow 63 or Green 88, a use case the average of its measures (— where the data has none).${usage.customerSince ? ` Customer since ${usage.customerSince}.` : ' License utilization is judged by account age: add `customerSince: YYYY-MM` to the front matter.'}`,
    '',
    `![Use-case health scores and license utilization by month](${chartLink})`,
    '',
  );
  const shown = history.slice(-TABLE_COLUMNS);
  out.push(...markdownTable(['Use case', ...shown.map((h) => h.date)], useCaseIds.map((id) => [USE_CASE_LABEL[id], ...shown.map((h) => cell(h.health, id))])));
  if (usage.drops.length) {
    out.push('', '**Alerts**', '', ...usage.drops.map((d) => `- ${d.label}: ${d.nextStep}.`));
  }
  return out;
}

// ---- the chart ---------------------------------------------------------------------------------

const W = 640;
const H = 300;
const PAD = { left: 44, right: 150, top: 28, bottom: 40 };
const SERIES: { id: UseCaseId; color: string; dash?: string }[] = [
  { id: 'licenseUtilization', color: '#1f4e9c' },
  { id: 'userEngagement', color: '#7b3fa0' },
  { id: 'scm', color: '#0f7b6c' },
  { id: 'ci', color: '#c2410c' },
  { id: 'security', color: '#6b7280', dash: '6 3' },
  { id: 'cd', color: '#a16207', dash: '2 3' },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** License utilization in % and each use case's score (0-100) by month, over the Red/Yellow/Green bands. */
export function usageChartSvg(usage: PlanUsage): string {
  const history = usage.history.slice(-CHART_POINTS);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (history.length === 1 ? plotW / 2 : (i * plotW) / (history.length - 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, Math.min(100, v)) * plotH) / 100;
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  // Colour bands of a use case's average score: <= 50 Red, <= 75 Yellow, above Green.
  parts.push(`<rect x="${PAD.left}" y="${f(y(100))}" width="${plotW}" height="${f(y(75) - y(100))}" fill="#e6f4ea"/>`);
  parts.push(`<rect x="${PAD.left}" y="${f(y(75))}" width="${plotW}" height="${f(y(50) - y(75))}" fill="#fef7e0"/>`);
  parts.push(`<rect x="${PAD.left}" y="${f(y(50))}" width="${plotW}" height="${f(y(0) - y(50))}" fill="#fce8e6"/>`);
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${PAD.left}" y1="${f(y(v))}" x2="${PAD.left + plotW}" y2="${f(y(v))}" stroke="#d0d7de" stroke-width="1"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${f(y(v) + 4)}" text-anchor="end" font-size="11" fill="#57606a">${v}</text>`);
  }
  history.forEach((h, i) => {
    parts.push(`<text x="${f(x(i))}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#57606a">${esc(h.date.slice(0, 7))}</text>`);
  });
  const legend: string[] = [];
  SERIES.forEach((s, n) => {
    const values = history.map((h) => (s.id === 'licenseUtilization' ? utilizationPercent(h.health) : h.health[s.id].score));
    const points = values.map((v, i) => (v === null ? null : `${f(x(i))},${f(y(v))}`));
    // A gap where a month has no value; each run drawn as its own line.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
      run = [];
    };
    points.forEach((p) => (p ? run.push(p) : flush()));
    flush();
    values.forEach((v, i) => v !== null && parts.push(`<circle cx="${f(x(i))}" cy="${f(y(v))}" r="3" fill="${s.color}"/>`));
    const last = values[values.length - 1];
    const label = `${USE_CASE_LABEL[s.id]}${s.id === 'licenseUtilization' ? ' %' : ''}${last === null || last === undefined ? ' (—)' : ` ${Math.round(last)}`}`;
    const ly = PAD.top + 6 + n * 20;
    legend.push(`<line x1="${W - PAD.right + 12}" y1="${ly}" x2="${W - PAD.right + 30}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    legend.push(`<text x="${W - PAD.right + 36}" y="${ly + 4}" font-size="11" fill="#24292f">${esc(label)}</text>`);
  });
  const title = `Use-case health scores and license utilization, ${history[0]!.date.slice(0, 7)} to ${history[history.length - 1]!.date.slice(0, 7)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    ...parts,
    `<text x="${PAD.left}" y="16" font-size="12" fill="#24292f">${esc('Score (Red ≤ 50 < Yellow ≤ 75 < Green) and license utilization %')}</text>`,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}

/**
 * The drops as coverage gaps, so the start form and the plan's gaps say them, each adding the
 * product-usage-review questions (use-case health or license utilization, then blockers) to the
 * next call with the use case filled in.
 */
export interface UsageGap {
  kind: 'usage-drop';
  label: string;
  /** What the label is made of (drops.ts), for a UI in another language. */
  drop: DropFacts;
  bankId: string;
  promptIds: string[];
  placeholders?: Record<string, string>;
}

export function usageGaps(usage: PlanUsage | undefined): UsageGap[] {
  return (usage?.drops ?? []).map((d) => ({
    kind: 'usage-drop' as const,
    label: `${d.label}: ${d.nextStep}`,
    drop: d.facts,
    bankId: DROP_PROMPTS.bankId,
    promptIds: [...(d.useCase === 'licenseUtilization' ? DROP_PROMPTS.license : DROP_PROMPTS.useCase)],
    ...(d.useCase === 'licenseUtilization' ? {} : { placeholders: { use_case: USE_CASE_LABEL[d.useCase] } }),
  }));
}

/**
 * A customer's usage for the plan from its snapshot files' texts (`usage/*.json`) and its plan's
 * text (for customerSince): pure, so the extension (async, through the NotesFolder) and the CLI
 * (sync, from disk) read the same way. Unreadable files are left out and reported to `skip`.
 */
export function planUsageFromFiles(
  files: readonly { name: string; text: string }[],
  options: { keys: readonly string[]; planText?: string | undefined; lastCallDate?: string | undefined; now?: Date; skip?: (name: string, problem: string) => void },
): PlanUsage | undefined {
  const snapshots: UsageSnapshot[] = [];
  for (const f of files) {
    if (!SNAPSHOT_NAME.test(f.name)) continue;
    const parsed = parsePayload(f.text, { keys: options.keys, now: options.now ?? new Date() });
    if (parsed.ok) snapshots.push(parsed.snapshot);
    else options.skip?.(f.name, parsed.problem);
  }
  const since = readCustomerSince(options.planText);
  return planUsage(snapshots, { ...(since ? { customerSince: since } : {}), ...(options.lastCallDate ? { lastCallDate: options.lastCallDate } : {}) });
}

export const SNAPSHOT_NAME = /^\d{4}-\d{2}-\d{2}\.json$/;
