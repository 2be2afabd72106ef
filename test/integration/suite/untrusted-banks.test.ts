// Hostile team banks in a real extension host, through the real BankService (bytes read with
// workspace.fs, decoded, loaded): banks made of the hostile corpus load with every title exact and
// show as plain text in the sidebar; an alias bomb, nesting a thousand and two hundred thousand
// levels deep, a 5 MB file, UTF-16 LE/BE, Latin-1 and binary files each get one clear problem at
// the right place, in the Problems panel too, while everything else loads and the host stays up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BANK_LINES, hostileBankFiles } from '../../fixtures/hostileBank';
import { activateExtension, eventually, showSidebar, snapshotShowing, workspaceRoot, type CallCoachApi } from './helpers';
import { CommandId } from '../../../src/ids';

interface Problem {
  file: string;
  message: string;
  start: { line: number; col: number };
}

const VALID = 'id: fine\nkind: technique\ntitle: Fine\nsummary: A fine bank.\nsource: { title: Ours }\nprompts:\n  - id: fine-q\n    text: Café?\n    hint: Listen.\n';
const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!];
  return b;
};

/** The bad files, with the problem each must get: message and position (1-based). */
const BAD: { file: string; bytes: Buffer; message: RegExp; line: number; col: number }[] = [
  { file: 'bomb.yaml', bytes: Buffer.from(bomb), message: /^YAML: too many aliases .*; write the values out instead$/, line: 2, col: 8 },
  { file: 'deep.yaml', bytes: Buffer.from(`id: deep\nprompts: ${'['.repeat(1000)}${']'.repeat(1000)}\n`), message: /^the bank is nested deeper than 24 levels \(here, line 2\); no bank needs that$/, line: 2, col: 57 },
  { file: 'deeper.yaml', bytes: Buffer.from(`id: deeper\nprompts: ${'['.repeat(200_000)}\n`), message: /^the bank is nested deeper than 24 levels \(here, line 2\)/, line: 2, col: 57 },
  { file: 'huge.yaml', bytes: Buffer.alloc(5 * 1024 * 1024, '# padding\n'), message: /^file is 5\.0 MB; a question bank must be under 1 MB, so split it into several banks$/, line: 1, col: 1 },
  { file: 'utf16le.yaml', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VALID, 'utf16le')]), message: /^file is UTF-16 LE text \(it starts with a UTF-16 LE byte order mark\), not UTF-8; save it as UTF-8/, line: 1, col: 1 },
  { file: 'utf16be.yaml', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(VALID)]), message: /^file is UTF-16 BE text .*; save it as UTF-8/, line: 1, col: 1 },
  { file: 'latin1.yaml', bytes: Buffer.from(VALID, 'latin1'), message: /^file is not valid UTF-8: byte 0xE9 at line 8, column 14 .*; save it as UTF-8/, line: 8, col: 14 },
  { file: 'binary.yaml', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), message: /^file is not valid UTF-8: byte 0x89 at line 1, column 1/, line: 1, col: 1 },
];

describe('hostile team banks in a real extension host', function () {
  this.timeout(60_000);
  let api: CallCoachApi;
  const folder = () => path.join(workspaceRoot().fsPath, '.callcoach', 'questions');
  const hostile = hostileBankFiles();

  before(async () => {
    ({ api } = await activateExtension());
    await api.catalog();
    fs.mkdirSync(folder(), { recursive: true });
    for (const f of hostile) fs.writeFileSync(path.join(folder(), f.file), f.text);
    for (const f of BAD) fs.writeFileSync(path.join(folder(), f.file), f.bytes);
    await vscode.commands.executeCommand(CommandId.reloadBanks);
  });

  after(async () => {
    fs.rmSync(path.join(workspaceRoot().fsPath, '.callcoach'), { recursive: true, force: true });
    await vscode.commands.executeCommand(CommandId.reloadBanks);
    await eventually('the hostile banks to be gone', () => api.catalog(), (c) => !c.banks.some((b) => b.id.startsWith('hostile')));
  });

  it('loads the corpus banks with every title exact, beside the built-ins', async () => {
    const catalog = await eventually('the hostile banks to load', () => api.catalog(), (c) => c.banks.filter((b) => b.id.startsWith('hostile')).length === hostile.length - 1);
    const titles = new Map(catalog.banks.map((b) => [b.id, b.title]));
    BANK_LINES.forEach((title, i) => assert.strictEqual(titles.get(`hostile-${i}`), title.trim(), `hostile-${i}`));
    assert.ok(catalog.banks.some((b) => b.id === 'five-whys'), 'the built-ins still load');
  });

  it('gives each bad file one clear problem at the right place, in the catalog and the Problems panel', async () => {
    const catalog = await eventually('a problem for every bad file', () => api.catalog(), (c) => BAD.every((b) => (c.problems as Problem[]).some((p) => p.file.endsWith(b.file))));
    const problems = catalog.problems as Problem[];
    for (const bad of BAD) {
      const mine = problems.filter((p) => p.file === `.callcoach/questions/${bad.file}`);
      assert.strictEqual(mine.length, 1, `${bad.file}: ${JSON.stringify(mine)}`);
      assert.match(mine[0]!.message, bad.message, bad.file);
      assert.deepStrictEqual(mine[0]!.start, { line: bad.line, col: bad.col }, bad.file);
    }
    assert.deepStrictEqual(problems.filter((p) => p.file.includes('hostile')), [], 'the corpus banks have no problem');
    const latin1 = vscode.Uri.file(path.join(folder(), 'latin1.yaml'));
    const diagnostics = await eventually('the Latin-1 diagnostic', () => vscode.languages.getDiagnostics(latin1).filter((d) => d.source === 'Call Coach'), (d) => d.length > 0);
    assert.strictEqual(diagnostics.length, 1);
    assert.deepStrictEqual([diagnostics[0]!.range.start.line, diagnostics[0]!.range.start.character], [7, 13]);
    assert.match(diagnostics[0]!.message, /save it as UTF-8/);
  });

  it('shows the corpus bank titles in the sidebar as plain text', async () => {
    await showSidebar(api);
    const plain = BANK_LINES.filter((t) => /^[\x20-\x7e]+$/.test(t) && t === t.trim()).slice(0, 12);
    assert.ok(plain.some((t) => t.includes('<script>')) && plain.some((t) => t.includes('onerror')));
    await snapshotShowing(api, plain);
  });
});
