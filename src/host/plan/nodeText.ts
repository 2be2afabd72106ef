// The note index's byte handling on Node (the extension host): Buffer's Latin-1 and UTF-8 slices,
// simdutf's UTF-8 check and zlib's crc32 are native and much faster than TextDecoder and a hash in
// JavaScript. No `vscode` import, so the benchmark (test/bench) uses exactly this too.
import * as buffer from 'node:buffer';
import * as zlib from 'node:zlib';
import { fnv1a, portableByteText, type ByteText } from '../../core/plan/noteIndex';

/** Buffer's own slicers, which toString() calls after checking its arguments (ours are in range). */
interface Slicers {
  latin1Slice?(start: number, end: number): string;
  utf8Slice?(start: number, end: number): string;
}
const proto = Buffer.prototype as unknown as Slicers;
const view = (bytes: Uint8Array): Buffer & Slicers => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
const decoder = new TextDecoder();

export const nodeByteText: ByteText = {
  latin1: typeof proto.latin1Slice === 'function' ? (bytes) => view(bytes).latin1Slice!(0, bytes.length) : (bytes) => view(bytes).toString('latin1'),
  utf8: typeof proto.utf8Slice === 'function' ? (bytes, start, end) => view(bytes).utf8Slice!(start, end) : (bytes, start, end) => view(bytes).toString('utf8', start, end),
  isUtf8: typeof buffer.isUtf8 === 'function' ? (bytes) => buffer.isUtf8(bytes) : portableByteText.isUtf8,
  decode: (bytes) => decoder.decode(bytes),
};

/** crc32 where this Node has it (20.15+, 22.2+), FNV-1a otherwise. */
export const nodeHash: (bytes: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : fnv1a;
