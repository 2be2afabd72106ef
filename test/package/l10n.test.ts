// Host messages go through vscode.l10n.t; l10n/bundle.l10n.json (package.json's "l10n") is what
// translators start from. It must hold exactly the strings the source asks for: this re-exports
// them with @vscode/l10n-dev (the tool VS Code's own extensions use; it parses the TypeScript, so
// no hand-kept list drifts) and compares.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');

describe('l10n bundle', function () {
  this.timeout(60_000);

  it('l10n/bundle.l10n.json is up to date with every vscode.l10n.t string in src (npm run l10n)', () => {
    const out = mkdtempSync(join(tmpdir(), 'call-coach-l10n-'));
    try {
      const r = spawnSync(process.execPath, [join(repo, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, join(repo, 'src')], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
      const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const committed = JSON.parse(readFileSync(join(repo, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      assert.deepEqual(Object.keys(committed).sort(), Object.keys(fresh).sort(), 'run `npm run l10n` and commit l10n/bundle.l10n.json');
      assert.equal(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).l10n, './l10n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
