// Packages the extension exactly as `npm run package` does (a plain `vsce package`: its
// vscode:prepublish script makes the production build) and checks what a user would install and
// what the Marketplace would show.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { SHORTCUT_WHEN, SHORTCUTS } from '../../src/shortcuts';

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
  let out: string;
  let vsix: string;
  let entries: ZipEntry[];

  let vsceOutput: string;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'call-coach-vsix-'));
    vsix = join(out, 'call-coach.vsix');
    // No flags but where to write it: the manifest itself must be enough to publish.
    const r = spawnSync(process.execPath, [join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--out', vsix], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    vsceOutput = `${r.stdout}${r.stderr}`;
    assert.equal(r.status, 0, vsceOutput);
    entries = readZip(readFileSync(vsix));
    // Leave the development build in place for the suites that run after this one.
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'pipe' });
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('comes out of a plain `vsce package` with no warnings', () => {
    assert.doesNotMatch(vsceOutput, /WARN|deprecat/i, vsceOutput);
  });

  it('is under 300 KB', () => {
    const bytes = statSync(vsix).size;
    console.log(`      vsix: ${(bytes / 1024).toFixed(1)} KB, ${entries.length} entries`);
    assert.ok(bytes < 300 * 1024, `${bytes} bytes`);
  });

  it('holds only dist/, media/, questions/, the manifest, its strings (package.nls.json, l10n/) and the docs', () => {
    const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(dist\/(extension\.js|web\/extension\.js|webview\.js|codicons\/codicon\.(css|ttf))|media\/([\w.-]+\.(svg|css)|icon\.png|walkthrough\/[\w.-]+\.svg)|questions\/[\w.-]+\.yaml|package\.json|package\.nls(\.[\w-]+)?\.json|l10n\/bundle\.l10n\.[\w-]+\.json|readme\.md|changelog\.md|LICENSE\.txt|LICENSE))$/i;
    const stray = entries.map((e) => e.name).filter((n) => !allowed.test(n));
    assert.deepEqual(stray, []);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/web/extension.js', 'extension/dist/webview.js', 'extension/package.json', 'extension/package.nls.json']) {
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
    // Minified: little whitespace left (4% today, 19% unminified). Not average line length: a
    // template literal keeps its lines, and the note reader's worker source is one.
    const whitespace = (bundle.match(/\s/g) ?? []).length / bundle.length;
    assert.ok(whitespace < 0.08, `minified: ${(whitespace * 100).toFixed(1)}% of the bundle is whitespace`);
    assert.ok(!/sourceMappingURL/.test(bundle));
  });

  /** A packaged file, parsed. */
  const packaged = (name: string): Record<string, any> => JSON.parse(entries.find((e) => e.name === `extension/${name}`)!.data().toString('utf8'));
  /** The manifest as packaged (vsce may rewrite parts of it), its %key% strings resolved from package.nls.json as VS Code does. */
  const manifest = (): Record<string, any> => {
    const nls = packaged('package.nls.json') as Record<string, string>;
    return JSON.parse(JSON.stringify(packaged('package.json')), (_, v: unknown) => (typeof v === 'string' && /^%[^%]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v));
  };

  it('localizes every contributed string: a %key% in package.json, its English in package.nls.json, both packaged', () => {
    const raw = packaged('package.json');
    const nls = packaged('package.nls.json') as Record<string, string>;
    const keys = new Set<string>();
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string') {
        const key = /^%([^%]+)%$/.exec(v)?.[1];
        if (key) {
          keys.add(key);
          assert.ok(typeof nls[key] === 'string' && nls[key].trim(), `${path}: ${key} is not in package.nls.json`);
        } else {
          // What VS Code shows a user: titles, names, descriptions, alt text.
          assert.ok(!/(^|\.)(title|shortTitle|name|contextualTitle|description|markdownDescription|enumDescriptions\.\d+|altText|displayName)$/.test(path) || path === 'name', `${path} is not localized: "${v}"`);
        }
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    walk({ displayName: raw.displayName, description: raw.description, capabilities: raw.capabilities, contributes: raw.contributes }, '');
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.has(k)), [], 'package.nls.json keys nothing uses');
  });

  it('has a PNG icon of at least 128 px, shipped in the package', () => {
    const icon: string = manifest().icon;
    assert.match(icon, /\.png$/);
    const png = entries.find((e) => e.name === `extension/${icon}`);
    assert.ok(png, `${icon} is not in the .vsix`);
    const data = png.data();
    assert.ok(data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not a PNG');
    const [width, height] = [data.readUInt32BE(16), data.readUInt32BE(20)];
    assert.ok(width >= 128 && height >= 128, `${width}x${height}`);
  });

  it('names one project for repository, bugs and homepage, and has a gallery banner', () => {
    const m = manifest();
    const project = String(m.repository?.url ?? m.repository).replace(/\.git$/, '');
    assert.match(project, /^https:\/\/gitlab\.com\/[\w.-]+\/[\w.-]+$/);
    assert.equal(m.homepage, project);
    assert.equal(m.bugs?.url, `${project}/-/issues`);
    assert.match(m.galleryBanner?.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(m.galleryBanner?.theme));
  });

  it('lists only categories it fits (no Notebooks: it contributes none)', () => {
    const m = manifest();
    const marketplace = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization'];
    for (const c of m.categories) assert.ok(marketplace.includes(c), c);
    if (!m.contributes.notebooks) assert.ok(!m.categories.includes('Notebooks'));
    if (!m.contributes.themes) assert.ok(!m.categories.includes('Themes'));
  });

  it('has a CHANGELOG entry for the version it packages', () => {
    const changelog = entries.find((e) => e.name === 'extension/changelog.md')!.data().toString('utf8');
    const version = manifest().version.replace(/\./g, '\\.');
    assert.match(changelog, new RegExp(`^## \\[?${version}\\]?( |$)`, 'm'));
  });

  it("README's images and links resolve: absolute, https, each one a file in the repository", () => {
    // vsce rewrites relative links against `repository` (GitLab: /-/raw/HEAD/ for images,
    // /-/blob/HEAD/ for links). Offline, "resolves" means: the URL is under the repository and
    // names a file git tracks, so the pushed repository serves it.
    const readme = entries.find((e) => e.name === 'extension/readme.md')!.data().toString('utf8');
    const MarkdownIt = createRequire(__filename)('markdown-it') as new (o: object) => { render(s: string): string };
    const html = new MarkdownIt({ html: true }).render(readme);
    const project = String(manifest().repository.url).replace(/\.git$/, '');
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n'));
    const images = [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1] ?? '');
    assert.ok(images.length > 0, 'README shows no screenshot');
    for (const src of images) {
      assert.ok(src.startsWith(`${project}/-/raw/HEAD/`), `${src} is not served from the repository`);
      assert.doesNotMatch(src, /\.svg$/i, 'the Marketplace refuses SVG images');
      const file = src.slice(`${project}/-/raw/HEAD/`.length);
      assert.ok(tracked.has(file), `${file} is not committed`);
    }
    const links = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1] ?? '').filter((h) => h.startsWith(project));
    for (const href of links) {
      const file = href.slice(`${project}/-/blob/HEAD/`.length).replace(/#.*$/, '');
      assert.ok(href.startsWith(`${project}/-/blob/HEAD/`) && (tracked.has(file) || [...tracked].some((t) => t.startsWith(`${file}/`))), `${href} names no file in the repository`);
    }
  });

  it('groups its settings in ordered categories, each explained with a link to its README section', () => {
    const m = manifest();
    const categories: { title: string; order: number; properties: Record<string, { order?: number; markdownDescription?: string }> }[] = m.contributes.configuration;
    assert.ok(Array.isArray(categories) && categories.length > 1, 'one flat list');
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    // GitLab's (and GitHub's) heading anchors: lower case, punctuation dropped, spaces to dashes.
    const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((h) => (h[1] ?? '').trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
    assert.deepEqual(categories.map((c) => c.order), categories.map((_, i) => i + 1));
    for (const category of categories) {
      assert.ok(category.title && category.title !== m.displayName, `category title ${category.title}`);
      const settings = Object.entries(category.properties);
      assert.deepEqual(settings.map(([, s]) => s.order), settings.map((_, i) => i + 1), `${category.title}: settings not ordered`);
      for (const [id, setting] of settings) {
        const links = [...(setting.markdownDescription ?? '').matchAll(/\]\(([^)]+)\)/g)].map((l) => l[1] ?? '');
        const readmeLink = links.find((l) => l.startsWith(`${m.homepage}#`));
        assert.ok(readmeLink, `${id} has no link to the README`);
        assert.ok(anchors.has(readmeLink.slice(m.homepage.length + 1)), `${id}: README has no section ${readmeLink}`);
      }
    }
  });

  it('has a Get Started walkthrough: every step with an image in the package, a completion event and real commands', () => {
    const m = manifest();
    const commands = new Set<string>(m.contributes.commands.map((c: { command: string }) => c.command));
    const [walkthrough] = m.contributes.walkthroughs;
    // Issue 15's steps: a first call, stage questions, a team bank, commit notes, usage data.
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['startCall', 'browseStageQuestions', 'newQuestionBank', 'commitNotes', 'importUsageData']);
    for (const step of walkthrough.steps) {
      const media = step.media.svg ?? step.media.image;
      assert.ok(media && entries.some((e) => e.name === `extension/${media}`), `${step.id}: ${media} is not in the .vsix`);
      assert.ok(step.media.altText, `${step.id}: no alt text`);
      assert.ok(step.completionEvents?.length, `${step.id}: no completion event`);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(commands.has(command), `${step.id}: ${command} is not contributed`);
      }
      for (const link of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(link[1]), `${step.id}: ${link[1]} is not contributed`);
    }
  });

  it("contributes the call's shortcuts as commands and keybindings, from src/shortcuts.ts, scoped to the sidebar during a call", () => {
    const m = manifest();
    const commands = new Map<string, { title: string; category?: string }>(m.contributes.commands.map((c: { command: string; title: string; category?: string }) => [c.command, c]));
    const bindings: { command: string; key: string; mac: string; when: string }[] = m.contributes.keybindings;
    assert.deepEqual(
      bindings.map((b) => [b.command, b.key, b.mac]),
      SHORTCUTS.map((s) => [s.command, s.key, s.mac]),
    );
    for (const b of bindings) {
      assert.equal(b.when, SHORTCUT_WHEN);
      assert.match(b.when, /callCoach\.sidebarFocus/);
      assert.match(b.when, /callCoach\.callActive/);
      assert.equal(commands.get(b.command)?.category, 'Call Coach', `${b.command} is not a contributed Call Coach command`);
      // macOS: Option+letter (and Option+Shift+letter) types a character; a default there needs Cmd or Ctrl.
      if (/\balt\b/.test(b.mac)) assert.match(b.mac, /\b(cmd|ctrl)\b/, `${b.command}: ${b.mac} would eat a typed character on macOS`);
    }
  });
});
