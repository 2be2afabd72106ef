// Packages the extension exactly as `npm run package` does and checks what a user would install.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const repo = join(__dirname, '..', '..', '..');

interface ZipEntry {
  name: string;
  data: () => Buffer;
}

/** Reads a zip's central directory: enough to list a .vsix and read small entries. */
function readZip(buf: Buffer): ZipEntry[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({
      name,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + size);
        return method === 8 ? inflateRawSync(raw) : raw;
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

describe('the packaged .vsix', function () {
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    const out = mkdtempSync(join(tmpdir(), 'call-coach-vsix-'));
    vsix = join(out, 'call-coach.vsix');
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: repo, stdio: 'pipe' });
    execFileSync(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: repo, stdio: 'pipe' });
    entries = readZip(readFileSync(vsix));
    // Leave the development build in place for the suites that run after this one.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'pipe' });
  });

  it('is under 300 KB', () => {
    const bytes = statSync(vsix).size;
    console.log(`      vsix: ${(bytes / 1024).toFixed(1)} KB, ${entries.length} entries`);
    assert.ok(bytes < 300 * 1024, `${bytes} bytes`);
  });

  it('holds only dist/, media/, questions/, the manifest and the docs', () => {
    const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(dist\/(extension\.js|features\.js|webview\.js|codicons\/codicon\.(css|ttf))|media\/[\w.-]+\.(svg|css)|questions\/[\w.-]+\.yaml|package\.json|readme\.md|changelog\.md|LICENSE\.txt|LICENSE))$/i;
    const stray = entries.map((e) => e.name).filter((n) => !allowed.test(n));
    assert.deepEqual(stray, []);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/features.js', 'extension/dist/webview.js', 'extension/package.json']) {
      assert.ok(entries.some((e) => e.name === needed), `missing ${needed}`);
    }
  });

  it('ships every built-in question bank, and no source maps', () => {
    const banks = readdirSync(join(repo, 'questions')).filter((f) => f.endsWith('.yaml'));
    const shipped = entries.filter((e) => e.name.startsWith('extension/questions/')).map((e) => e.name.slice('extension/questions/'.length));
    assert.deepEqual(shipped.sort(), banks.sort());
    assert.ok(!entries.some((e) => e.name.endsWith('.map')));
  });

  it('ships a minified extension bundle that never activates on "*"', () => {
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.data().toString('utf8'));
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
    assert.equal(manifest.main, './dist/extension.js');
    const bundle = entries.find((e) => e.name === 'extension/dist/extension.js')!.data().toString('utf8');
    assert.ok(bundle.length / bundle.split('\n').length > 500, 'minified (long lines; only template literals keep newlines)');
    assert.ok(!/sourceMappingURL/.test(bundle));
  });
});
