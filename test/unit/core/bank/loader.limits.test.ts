// Hostile bank files, as BankService meets them: bytes decoded by src/host/bankDecoding.ts, then
// the loader. Each gets one clear problem — what is wrong, what to do, and where (line and column)
// — never a crash, a stack overflow or garbled text: alias bombs, nesting a thousand levels deep
// (and far deeper, which used to overflow yaml's stack and could abort the process), a 5 MB file,
// UTF-16/UTF-32 with and without a byte order mark, Latin-1, binary data and malformed UTF-8.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCatalog } from '../../../../src/core/bank/catalog';
import { loadBankFile, MAX_BANK_BYTES, type BankProblem } from '../../../../src/core/bank/loader';
import { decodeBankBytes, invalidUtf8At } from '../../../../src/host/bankDecoding';

const VALID = `id: sample
kind: technique
title: Café — “quotes” 😀
summary: A bank used by the tests.
source:
  title: Questions & Techniques for Success Plan Discovery
prompts:
  - id: sample-one
    text: Tell me about your day.
    hint: Let them lead.
`;

/** BankService's path: bytes -> decodeBankBytes -> the loader; the one problem it reports. */
function problemOf(bytes: Uint8Array, file = 'team.yaml'): BankProblem {
  const decoded = decodeBankBytes(bytes);
  if (!decoded.ok) return { file, message: decoded.message, path: '', start: decoded.start, end: decoded.start, severity: 'error' };
  const catalog = buildCatalog([{ file, text: decoded.text }]);
  assert.deepEqual(catalog.skipped, [file], 'the file is skipped');
  assert.equal(catalog.problems.length, 1, JSON.stringify(catalog.problems, null, 1));
  return catalog.problems[0]!;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (bom: number[], body: Buffer) => new Uint8Array([...bom, ...body]);

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

function utf32le(s: string): Buffer {
  const out = Buffer.alloc([...s].length * 4);
  [...s].forEach((c, i) => out.writeUInt32LE(c.codePointAt(0)!, i * 4));
  return out;
}

describe('hostile bank files: encodings', () => {
  it('a valid UTF-8 bank, with or without a BOM, loads', () => {
    for (const bytes of [utf8(VALID), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(VALID)])]) {
      const decoded = decodeBankBytes(bytes);
      assert.ok(decoded.ok);
      assert.equal(decoded.text, VALID);
      assert.equal(buildCatalog([{ file: 'team.yaml', text: decoded.text }]).banks[0]?.title, 'Café — “quotes” 😀');
    }
  });

  const cases: [string, Uint8Array, RegExp, { line: number; col: number }][] = [
    ['UTF-16 LE with a BOM', withBom([0xff, 0xfe], Buffer.from(VALID, 'utf16le')), /file is UTF-16 LE text \(it starts with a UTF-16 LE byte order mark\), not UTF-8; save it as UTF-8/, { line: 1, col: 1 }],
    ['UTF-16 BE with a BOM', withBom([0xfe, 0xff], utf16be(VALID)), /file is UTF-16 BE text .*; save it as UTF-8/, { line: 1, col: 1 }],
    ['UTF-32 LE with a BOM', withBom([0xff, 0xfe, 0x00, 0x00], utf32le(VALID)), /file is UTF-32 LE text .*; save it as UTF-8/, { line: 1, col: 1 }],
    ['UTF-16 LE without a BOM', new Uint8Array(Buffer.from(VALID, 'utf16le')), /NUL byte at line 1, column 2 \(UTF-16 or UTF-32 text without a byte order mark\); save it as UTF-8/, { line: 1, col: 2 }],
    ['Latin-1 (é as 0xE9 on line 3)', new Uint8Array(Buffer.from(VALID.replace('Café — “quotes” 😀', 'Café'), 'latin1')), /byte 0xE9 at line 3, column 11 is not part of a UTF-8 character \(Latin-1 or Windows-1252 text\?\); save it as UTF-8/, { line: 3, col: 11 }],
    ['binary (a PNG)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /byte 0x89 at line 1, column 1 .*save it as UTF-8/, { line: 1, col: 1 }],
    ['binary with NUL first', new Uint8Array([...utf8('id: x\nkind: '), 0, 1, 2, 3, 0xff]), /NUL byte at line 2, column 7 \(binary data\); save it as UTF-8/, { line: 2, col: 7 }],
  ];
  for (const [what, bytes, message, start] of cases) {
    it(`${what}: says what it is, where, and to save it as UTF-8`, () => {
      const p = problemOf(bytes);
      assert.match(p.message, message);
      assert.deepEqual(p.start, start);
      assert.equal(p.file, 'team.yaml');
    });
  }

  it('finds malformed UTF-8 exactly: overlong, surrogates, out of range, truncated', () => {
    const prefix = [...utf8('a: é😀\n')];
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]) {
      const bytes = new Uint8Array([...prefix, ...bad]);
      assert.equal(invalidUtf8At(bytes), prefix.length, JSON.stringify(bad));
      const p = problemOf(bytes);
      assert.deepEqual(p.start, { line: 2, col: 1 });
      assert.match(p.message, /not valid UTF-8: byte 0x[0-9A-F]{2} at line 2, column 1/);
    }
    assert.equal(invalidUtf8At(utf8('plain ascii, é, 界, 😀, \u{10FFFF}')), -1);
  });

  it('a 5 MB file is refused by its size before anything else', () => {
    const bytes = new Uint8Array(5 * 1024 * 1024).fill(0x61);
    const started = process.hrtime.bigint();
    const p = problemOf(bytes);
    assert.match(p.message, /^file is 5\.0 MB; a question bank must be under 1 MB, so split it into several banks$/);
    assert.deepEqual(p.start, { line: 1, col: 1 });
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n, 'without decoding or parsing 5 MB');
    assert.match(loadBankFile('team.yaml', 'a'.repeat(MAX_BANK_BYTES + 1)).ok ? '' : 'refused', /refused/);
  });
});

describe('hostile bank files: YAML structure', () => {
  it('an alias bomb: too many aliases, at the first alias', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const p = problemOf(utf8(bomb.join('\n')));
    assert.match(p.message, /^YAML: too many aliases \(.*\); write the values out instead$/);
    assert.deepEqual(p.start, { line: 2, col: 8 }, 'the first *a');
  });

  /** 1,000 levels in each way YAML can nest; the position is the bracket, indicator or line where
   *  the estimate passes 48 levels (the guard allows for it counting half the real depth). */
  const deep: [string, string, { line: number; col: number }][] = [
    ['flow sequences', `id: x\nprompts: ${'['.repeat(1000)}${']'.repeat(1000)}\n`, { line: 2, col: 57 }],
    ['flow mappings', `id: x\nprompts: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}\n`, { line: 2, col: 198 }],
    ['block mappings', `id: x\nprompts:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`, { line: 50, col: 49 }],
    ['compact block sequences', `id: x\nprompts:\n${'- '.repeat(1000)}x\n`, { line: 3, col: 97 }],
    ['block and flow mixed', `id: x\nprompts:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}- [`).join('\n')}\n`, { line: 49, col: 50 }],
  ];
  for (const [what, text, start] of deep) {
    it(`1,000 levels of ${what}: nested deeper than 24 levels, and where`, () => {
      const p = problemOf(utf8(text));
      assert.match(p.message, /^the bank is nested deeper than 24 levels \(here, line \d+\); no bank needs that$/);
      assert.deepEqual(p.start, start);
      assert.ok(p.message.includes(`line ${start.line})`));
    });
  }

  it('just past the limit (25 levels) is refused by the exact check, at the deepest value', () => {
    const p = problemOf(utf8(`id: x\nprompts: ${'['.repeat(25)}1${']'.repeat(25)}\n`));
    assert.match(p.message, /nested deeper than 24 levels/);
    assert.equal(p.start.line, 2);
    assert.match(p.path, /^prompts(\.0)+$/);
  });

  it('nesting in the tens of thousands (under 1 MB) is refused without a stack overflow or a crash', function () {
    this.timeout(20_000);
    // In a child process: before the guard, this aborted Node itself (V8 ran out of memory compiling
    // a regexp with the stack nearly exhausted), which would have taken the test runner with it.
    const loader = join(__dirname, '..', '..', '..', '..', 'src', 'core', 'bank', 'loader.js');
    const script = `
      const { loadBankFile } = require(${JSON.stringify(loader)});
      const out = [];
      for (const text of ['a: ' + '['.repeat(200000), 'a: ' + '{a: '.repeat(100000), '- '.repeat(200000) + 'x', '? '.repeat(200000) + 'x']) {
        const r = loadBankFile('deep.yaml', text);
        out.push(r.ok ? 'loaded' : r.problems.map((p) => p.message).join(' | '));
      }
      console.log(JSON.stringify(out));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15_000 });
    assert.equal(r.status, 0, `the loader process died: ${r.signal ?? r.status}\n${r.stderr.slice(-2000)}`);
    const messages = JSON.parse(r.stdout) as string[];
    assert.equal(messages.length, 4);
    for (const m of messages) assert.match(m, /^the bank is nested deeper than 24 levels \(here, line 1\); no bank needs that$/);
  });
});
