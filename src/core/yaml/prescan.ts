// One pass of yaml's own Lexer (public API) over the text before it is composed, for what the
// composed document no longer tells us or what must be known before composing:
//
// - how deeply collections nest, estimated without parsing, so that a deliberately deep text is
//   refused before yaml's composer (which recurses per level) is at any risk;
// - where each tag is written, so that a refused tag is reported where it stands;
// - the directives (`%YAML`, `%TAG`, …) of the document's prologue.
//
// Linear in the text: each token is looked at once.
import { CST, Lexer } from 'yaml';

export interface Directive {
  /** The directive line as written, without a trailing comment. */
  source: string;
  offset: number;
}

export interface Prescan {
  /** Offset of the token where the nesting estimate first passed the limit, if it did. */
  tooDeepAt: number | undefined;
  /** Offsets of the tag tokens (`!!int`, `!custom`), ascending, with their text. */
  tagOffsets: number[];
  tagSources: string[];
  directives: Directive[];
  /** Offsets of the `---` markers, ascending. */
  docStarts: number[];
}

/**
 * Scans `text`. Nesting is estimated as open flow brackets plus block levels (a stack of the
 * columns lines start at, and each further `-` or `?` on a line). The estimate counts at least
 * half of the real depth (a list under a key at the key's own column shares its level), so a
 * limit L bounds the real depth by 2L, which keeps yaml's composer far from the stack's end. The
 * scan stops at the first token past `maxDepth`.
 */
export function prescan(text: string, maxDepth: number): Prescan {
  const out: Prescan = { tooDeepAt: undefined, tagOffsets: [], tagSources: [], directives: [], docStarts: [] };
  // Most texts (a note's front matter) have no tag, no directive and shallow nesting: lexing them
  // would add a quarter to the time yaml takes to read them, and find nothing.
  if (!text.includes('!') && !/^\ufeff?%|\n%/.test(text) && depthBound(text) <= maxDepth) return out;
  const levels: number[] = [];
  let flow = 0;
  let inline = 0;
  let offset = 0;
  let col = 0;
  let lineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // Markers the lexer adds (document start, flow error end, "a scalar follows") are not source.
    if (token === '\x02' || token === '\x18') continue;
    if (token === '\x1f') {
      scalarNext = true;
      continue;
    }
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    if (type === 'tag') {
      out.tagOffsets.push(offset);
      out.tagSources.push(token);
    } else if (type === 'directive-line') out.directives.push({ source: token, offset });
    else if (type === 'doc-start') out.docStarts.push(offset);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (flow === 0 && type !== 'space' && type !== 'newline' && type !== 'comment') {
      if (lineStart) {
        while (levels.length && levels[levels.length - 1]! >= col) levels.pop();
        levels.push(col);
        lineStart = false;
      } else if (type === 'seq-item-ind' || type === 'explicit-key-ind') inline++;
    }
    if (levels.length + inline + flow > maxDepth) {
      out.tooDeepAt = offset;
      return out;
    }
    offset += token.length;
    const nl = token.lastIndexOf('\n');
    if (nl < 0) col += token.length;
    else {
      col = token.length - nl - 1;
      if (col === 0) {
        lineStart = true;
        inline = 0;
      }
    }
  }
  return out;
}

/**
 * An upper bound of the estimate below, from characters alone: every flow bracket in the text,
 * plus, for the line where it is largest, its indentation, one, and its `-`, `?` and `:`
 * characters (the estimate's block levels are distinct columns up to the line's indentation).
 */
function depthBound(text: string): number {
  let flow = 0;
  let deepest = 0;
  let line = 0;
  let indent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      if (line > deepest) deepest = line;
      line = 0;
      indent = true;
      continue;
    }
    if (indent) {
      line++;
      if (c === 32 /* space */ || c === 9 /* tab */) continue;
      indent = false;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) flow++;
    else if (c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) line++;
  }
  return flow + Math.max(deepest, line);
}

/** The last tag written before `offset` (the tag of a node that starts there), if any. */
export function tagBefore(scan: Prescan, offset: number): { offset: number; source: string } | undefined {
  let lo = 0;
  let hi = scan.tagOffsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scan.tagOffsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? { offset: scan.tagOffsets[lo - 1]!, source: scan.tagSources[lo - 1]! } : undefined;
}
