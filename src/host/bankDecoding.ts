// Bank files arrive as bytes (vscode.workspace.fs.readFile). They must be UTF-8: anything else is
// refused here, before YAML sees it, with a message that says what the file is and where, so a team
// lead knows to "save it as UTF-8" rather than guess at garbled text. Pure (no `vscode`), so the
// unit tests can feed it every kind of bad file.
import { MAX_BANK_BYTES, type Position } from '../core/bank/loader';

export type DecodedBank = { ok: true; text: string } | { ok: false; message: string; start: Position };

const TOP: Position = { line: 1, col: 1 };
/** The problems in words: English by default (the CLI, the tests); the extension passes its display language's (bankService.ts). */
export interface DecodingWords {
  tooBig(megabytes: string): string;
  bom(encoding: string): string;
  nul(line: number, col: number, what: string): string;
  wide: string;
  binary: string;
  invalid(byte: string, line: number, col: number): string;
}

const SAVE_AS = 'save it as UTF-8 (in VS Code: the encoding in the status bar, then "Save with Encoding")';
export const ENGLISH_DECODING: DecodingWords = {
  tooBig: (mb) => `file is ${mb} MB; a question bank must be under 1 MB, so split it into several banks`,
  bom: (name) => `file is ${name} text (it starts with a ${name} byte order mark), not UTF-8; ${SAVE_AS}`,
  nul: (line, col, what) => `file is not UTF-8 text: it has a NUL byte at line ${line}, column ${col} (${what}); ${SAVE_AS}`,
  wide: 'UTF-16 or UTF-32 text without a byte order mark',
  binary: 'binary data',
  invalid: (byte, line, col) => `file is not valid UTF-8: byte ${byte} at line ${line}, column ${col} is not part of a UTF-8 character (Latin-1 or Windows-1252 text?); ${SAVE_AS}`,
};

/** Byte order marks of encodings that are not UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const BOMS: [bytes: number[], name: string][] = [
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32 LE'],
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32 BE'],
  [[0xff, 0xfe], 'UTF-16 LE'],
  [[0xfe, 0xff], 'UTF-16 BE'],
];

/** Offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629), or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes follow, and the allowed range of the first of them
    // (this rules out overlong forms, UTF-16 surrogates and code points above U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Line and column (1-based; columns in UTF-16 code units, as editors count) of a byte offset in valid UTF-8. */
function positionOf(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: before.length - nl };
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The text of a bank file, or why it is not UTF-8 text and where. A UTF-8 BOM is dropped. */
export function decodeBankBytes(bytes: Uint8Array, words: DecodingWords = ENGLISH_DECODING): DecodedBank {
  if (bytes.length > MAX_BANK_BYTES) {
    return { ok: false, message: words.tooBig((bytes.length / 1024 / 1024).toFixed(1)), start: TOP };
  }
  for (const [bom, name] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { ok: false, message: words.bom(name), start: TOP };
    }
  }
  const bad = invalidUtf8At(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0 && (bad < 0 || nul < bad)) {
    // Text editors never write NUL; it is binary data, or UTF-16/32 without a byte order mark.
    const wide = bytes.length > 1 && bytes.filter((b) => b === 0).length * 4 >= bytes.length;
    const what = wide ? words.wide : words.binary;
    const at = positionOf(bytes, nul);
    return { ok: false, message: words.nul(at.line, at.col, what), start: at };
  }
  if (bad >= 0) {
    const at = positionOf(bytes, bad);
    return {
      ok: false,
      message: words.invalid(hex(bytes[bad]!), at.line, at.col),
      start: at,
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
