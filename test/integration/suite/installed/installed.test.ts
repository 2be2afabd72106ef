// The packaged .vsix, installed the way a user installs it, in a host with no extension under
// development: test/integration/run.mjs packages it, installs it into $CALL_COACH_EXTENSIONS_DIR
// and starts VS Code on that extensions folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, showSidebar, snapshotShowing, withTimeout, type CallCoachApi } from '../helpers';

/** out/test/integration/suite/installed -> the checkout. */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(fs.realpathSync(parent), fs.realpathSync(child));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

describe('the installed .vsix in a real VS Code extension host', () => {
  let ext: vscode.Extension<CallCoachApi>;
  let api: CallCoachApi;

  before(() => {
    const found = vscode.extensions.getExtension<CallCoachApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not installed; extensions: ${vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id).join(', ') || '(none)'}`);
    ext = found;
  });

  it('is loaded from the extensions folder it was installed into, not from the checkout', () => {
    const extensionsDir = process.env.CALL_COACH_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'CALL_COACH_EXTENSIONS_DIR is not set');
    assert.ok(isInside(extensionsDir, ext.extensionPath), `extensionPath ${ext.extensionPath} is not inside ${extensionsDir}`);
    assert.ok(!isInside(REPO_ROOT, ext.extensionPath) && fs.realpathSync(ext.extensionPath) !== fs.realpathSync(REPO_ROOT), `extensionPath ${ext.extensionPath} is the checkout`);
    assert.strictEqual(path.basename(ext.extensionPath), `${EXTENSION_ID}-${(ext.packageJSON as { version: string }).version}`);
  });

  it('carries the packaged build: bundles without source maps, no sources', () => {
    const has = (p: string) => fs.existsSync(path.join(ext.extensionPath, p));
    for (const needed of ['package.json', 'dist/extension.js', 'dist/webview.js', 'dist/codicons/codicon.ttf', 'media/sidebar.css']) {
      assert.ok(has(needed), `the installed extension has no ${needed}`);
    }
    for (const absent of ['dist/extension.js.map', 'src', 'test', 'node_modules', 'tsconfig.json']) {
      assert.ok(!has(absent), `the installed extension contains ${absent}`);
    }
  });

  it('activates', async () => {
    api = await withTimeout(ext.activate(), 30_000, `${EXTENSION_ID} to activate`);
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(typeof api.catalog, 'function');
  });

  it('loads at least 20 question banks from the installed location, with no problems', async () => {
    const catalog = await eventually('the question banks to load', () => api.catalog(), (c) => c.banks.length > 0);
    assert.deepStrictEqual(catalog.problems, []);
    assert.ok(catalog.banks.length >= 20, `only ${catalog.banks.length} banks: ${catalog.banks.map((b) => b.id).join(', ')}`);
  });

  it('shows its sidebar from the installed webview bundle', async () => {
    await showSidebar(api);
    await snapshotShowing(api, ['Start a call', 'Five Whys']);
  });
});
