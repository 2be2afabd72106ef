// How the note index turns a file's bytes into text, and hashes them, in any JavaScript runtime.
// A module of its own, with no imports, so that the Node host's faster versions
// (src/host/plan/nodeText.ts) can fall back on these without pulling in the note index.

/** How the bytes of a note file become text. Node's Buffer does it fastest (see nodeByteText in the host). */
export interface ByteText {
  /** One char per byte (Latin-1): only its ASCII structure is read. */
  latin1(bytes: Uint8Array): string;
  /** bytes[start, end) as UTF-8, for bytes known to be valid UTF-8; a BOM stays. */
  utf8(bytes: Uint8Array, start: number, end: number): string;
  isUtf8(bytes: Uint8Array): boolean;
  /** The whole file as the host decodes a note: a leading BOM dropped, bad bytes replaced (TextDecoder). */
  decode(bytes: Uint8Array): string;
}

const latin1Decoder = /* @__PURE__ */ (() => {
  try {
    return new TextDecoder('latin1');
  } catch {
    return undefined;
  }
})();

/** TextDecoder-only ByteText (any JavaScript runtime); the host passes a faster one. */
export const portableByteText: ByteText = {
  latin1: (bytes) => {
    // WHATWG "latin1" is windows-1252: one char per byte, ASCII unchanged, which is all we need.
    if (latin1Decoder) return latin1Decoder.decode(bytes);
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return s;
  },
  utf8: (bytes, start, end) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end)),
  isUtf8: (bytes) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  },
  decode: (bytes) => new TextDecoder().decode(bytes),
};

/** 32-bit FNV-1a; the host passes zlib's crc32 instead, which is native and far faster. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
