// The note index's byte handling on Node (the extension host), with documented Node APIs only:
// Buffer#toString for Latin-1 and UTF-8 slices, buffer.isUtf8 and zlib.crc32. Measured per 5.7 KB
// note on this project's machine, they beat the portable TextDecoder versions in
// src/core/plan/noteIndex.ts by far: Latin-1 4 µs against 80, the UTF-8 check 1 µs against 72,
// the hash 18 µs against 73 (FNV-1a in JavaScript). No `vscode` import, so the benchmark
// (test/bench) uses exactly this too. A host without Buffer (the browser) uses portableByteText.
import * as buffer from 'node:buffer';
import * as zlib from 'node:zlib';
import { fnv1a, portableByteText, type ByteText } from '../../core/plan/byteText';

/** The same bytes as a Buffer, without copying. */
const view = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const decoder = new TextDecoder();

export const nodeByteText: ByteText = {
  latin1: (bytes) => view(bytes).toString('latin1'),
  utf8: (bytes, start, end) => view(bytes).toString('utf8', start, end),
  // buffer.isUtf8 is Node 18.14+; VS Code's hosts have it, older Nodes take the portable check.
  isUtf8: typeof buffer.isUtf8 === 'function' ? (bytes) => buffer.isUtf8(bytes) : portableByteText.isUtf8,
  decode: (bytes) => decoder.decode(bytes),
};

/** crc32 where this Node has it (20.15+, 22.2+), FNV-1a otherwise. */
export const nodeHash: (bytes: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : fnv1a;
