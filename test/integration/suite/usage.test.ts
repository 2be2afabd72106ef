// Usage data in a real extension host: Call Coach: Import Usage Data stores trimmed monthly
// snapshots under <notesFolder>/<customer>/usage/, asks for "customer since" once and keeps it in
// the plan's front matter, imports the same payload once, and refuses bad input without writing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EE_BASE, monthDate, payload } from '../../unit/core/usage/usagePayloads';
import { activateExtension, eventually, exists, readText, workspaceRoot, type CallCoachApi } from './helpers';

const CUSTOMER = 'Umbrella Usage Test';
const DIR = ['success-plans', 'umbrella-usage-test'];
const usageDir = () => vscode.Uri.joinPath(workspaceRoot(), ...DIR, 'usage');
const planUri = () => vscode.Uri.joinPath(workspaceRoot(), ...DIR, 'success-plan.md');

interface ImportResult {
  written: vscode.Uri[];
  unchanged: number;
}

function importUsage(uris: string[], extra: Record<string, unknown> = {}): Thenable<ImportResult | undefined> {
  return vscode.commands.executeCommand<ImportResult | undefined>('callCoach.importUsageData', { uris, customer: CUSTOMER, ...extra });
}

async function listUsage(): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(usageDir())).map(([n]) => n).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

describe('usage data import', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'call-coach-usage-it-'));
  const file = (name: string, text: string) => {
    const p = path.join(tmp, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };

  let api: CallCoachApi;
  before(async () => {
    ({ api } = await activateExtension());
  });

  it('is a contributed command in the Call Coach category', async () => {
    const pkg = vscode.extensions.getExtension('call-coach.call-coach')!.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const cmd = pkg.contributes.commands.find((c) => c.command === 'callCoach.importUsageData');
    assert.deepStrictEqual([cmd?.title, cmd?.category], ['Import Usage Data', 'Call Coach']);
    assert.ok((await vscode.commands.getCommands(true)).includes('callCoach.importUsageData'));
  });

  it('imports a folder of monthly payloads as trimmed snapshots, and keeps customer since and the typed name in the plan', async () => {
    const months = [0, 1, 2].map((i) => file(`monthly/ping-${i}.json`, payload(EE_BASE, { recorded_at: monthDate(i), 'counts.ci_internal_pipelines': 1000 * (i + 1) })));
    const result = await importUsage([path.dirname(months[0]!)], { customerSince: '2025-06' });
    assert.strictEqual(result?.written.length, 3);
    assert.deepStrictEqual(await listUsage(), ['2026-01-01.json', '2026-02-01.json', '2026-03-01.json']);
    const snapshot = await readText(vscode.Uri.joinPath(usageDir(), '2026-03-01.json'));
    assert.strictEqual(JSON.parse(snapshot).counts.ci_internal_pipelines, 3000);
    for (const secret of ['gitlab.acme.example', 'jane@acme.example', '0b5a2f7e', 'c4ca4238']) assert.ok(!snapshot.includes(secret), `snapshot keeps ${secret}`);
    assert.match(await readText(planUri()), /^---\n(?:.*\n)*customerSince: 2025-06\n(?:.*\n)*---\n/);
    // No call note names this customer yet: the plan and the Customers view keep the name as typed, not its folder's.
    assert.match(await readText(planUri()), /^customer: Umbrella Usage Test$/m);
    await eventually(
      'the Customers view to list the new customer by its name',
      () => api.customers.rows(),
      (rows) => rows.some((r) => r.folder === DIR[1] && r.customer === CUSTOMER),
    );
  });

  it('the same payload twice leaves one snapshot; customer since is not asked again', async () => {
    const again = file('again.json', payload(EE_BASE, { recorded_at: monthDate(2), 'counts.ci_internal_pipelines': 3000 }));
    const before = await readText(vscode.Uri.joinPath(usageDir(), '2026-03-01.json'));
    const result = await importUsage([again]);
    assert.deepStrictEqual([result?.written.length, result?.unchanged], [0, 1]);
    assert.strictEqual(await readText(vscode.Uri.joinPath(usageDir(), '2026-03-01.json')), before);
    assert.strictEqual((await readText(planUri())).match(/customerSince/g)?.length, 1);
  });

  it('refuses bad input, writing nothing: not JSON, not a payload, older than the last snapshot, two for one month, the future', async () => {
    const planBefore = await readText(planUri());
    const good = file('apr.json', payload(EE_BASE, { recorded_at: monthDate(3) }));
    for (const bad of [
      file('notjson.json', '{"recorded_at": '),
      file('notping.json', '{"name": "package"}'),
      file('old.json', payload(EE_BASE, { recorded_at: '2025-12-01T10:00:00Z' })),
      file('twin.json', payload(EE_BASE, { recorded_at: '2026-04-15T10:00:00Z' })),
      file('future.json', payload(EE_BASE, { recorded_at: '2099-01-01T00:00:00Z' })),
      file('strings.json', payload(EE_BASE, { recorded_at: monthDate(3), 'counts.ci_builds': '12,345' })),
    ]) {
      assert.strictEqual(await importUsage([good, bad]), undefined, bad);
      assert.deepStrictEqual(await listUsage(), ['2026-01-01.json', '2026-02-01.json', '2026-03-01.json'], `${bad} wrote something`);
    }
    assert.strictEqual(await readText(planUri()), planBefore);
    assert.strictEqual(await exists(vscode.Uri.joinPath(usageDir(), '2026-04-01.json')), false);
  });
  // The call with usage data (pre-ticked scorecard, the CSM's override, the note, the plan's Usage
  // section and chart) is driven by keys and clicks in the real workbench: test/integration/ui/usage.test.ts.
});
