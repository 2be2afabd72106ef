// A small YAML 1.2 reader on top of the `yaml` package's CST parser. The parser (lexer and
// concrete syntax tree) is yaml's; this file composes its tokens into plain nodes with source
// ranges, as yaml's own composer would, checking the same rules with the same messages. What it
// does not do, it refuses with a positioned error rather than guessing:
//
// - one document per text (a second `---` document is an error);
// - the core schema only: null/~, true/false, decimal, 0o and 0x integers, floats, .inf and .nan;
//   quoted and block scalars are strings; tags other than the core !!str, !!int, !!float, !!bool,
//   !!null, !!map and !!seq (and the non-specific `!`) are errors, as are %TAG and YAML 1.1;
// - keys are scalars (a list or mapping as a key is an error), unique by the text key they
//   become in JavaScript;
// - anchors and aliases are kept as alias nodes: the document reports every alias and how many
//   values expanding them would make, so that callers can refuse aliases or bound them.
//
// No `vscode` import; the bundle only includes yaml's parser (see esbuild.mjs).
import { CST, Parser } from 'yaml';

/** [start, end) offsets in the source text. */
export type Range = [start: number, end: number];

export interface YamlScalar {
  kind: 'scalar';
  /** The core-schema value. */
  value: null | boolean | number | string;
  /** The scalar's text after quotes, escapes, folding and indentation are resolved. */
  source: string;
  range: Range;
}
export interface YamlPair {
  /** The key as JavaScript sees it: `String(value)`, `null` as ''. */
  key: string;
  keyNode: YamlScalar;
  value: YamlNode;
}
export interface YamlMap {
  kind: 'map';
  items: YamlPair[];
  range: Range;
}
export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  range: Range;
}
export interface YamlAlias {
  kind: 'alias';
  name: string;
  target: YamlNode;
  range: Range;
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlAlias;

export interface YamlError {
  message: string;
  range: Range;
}

export type YamlDocument =
  | {
      ok: true;
      /** null for a document with no content (empty, or only comments). */
      root: YamlNode | null;
      /** Every alias, in source order. */
      aliases: YamlAlias[];
      /** How many values expanding all aliases would add (each alias counts its target's size). */
      aliasValues: number;
    }
  | { ok: false; error: YamlError; errors: YamlError[] };

/** Collections nested deeper than this are refused before the composer's recursion is at risk. */
export const MAX_YAML_DEPTH = 256;

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;

interface Props {
  found: SourceToken | null;
  anchor: SourceToken | null;
  tag: SourceToken | null;
  comma: SourceToken | null;
  hasNewline: boolean;
  comment: boolean;
  newlineAfterProp: SourceToken | null;
  start: number;
  end: number;
}

const CORE = 'tag:yaml.org,2002:';

/** Core-schema resolution of a plain scalar (YAML 1.2.2, 10.3.2). */
export function resolvePlain(s: string): null | boolean | number | string {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return /nan$/i.test(s) ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}

/** A scalar's value under an explicit core tag, or an error message. */
function resolveTagged(tag: string, s: string, plain: boolean): { value: YamlScalar['value'] } | string {
  const v = plain ? resolvePlain(s) : s;
  switch (tag) {
    case 'str':
      return { value: s };
    case 'null':
      return v === null ? { value: null } : `"${s}" is not a !!null value`;
    case 'bool':
      return typeof resolvePlain(s) === 'boolean' ? { value: resolvePlain(s) } : `"${s}" is not a !!bool value (true or false)`;
    case 'int':
    case 'float': {
      const n = resolvePlain(s);
      if (typeof n === 'number' && (tag === 'float' || Number.isInteger(n) || !/[.eE]|inf|nan/i.test(s))) return { value: n };
      return `"${s}" is not a !!${tag} value`;
    }
  }
  return `the tag !!${tag} is not supported`;
}

/**
 * Parses one YAML document. Never throws: syntax and schema problems come back as positioned
 * errors, the first one in `error` (the one to show), all of them in `errors`.
 */
export function parseYaml(text: string): YamlDocument {
  const errors: YamlError[] = [];
  /** Errors yaml itself would only find when converting to JavaScript: reported after the others. */
  const late: YamlError[] = [];
  const unresolved = new WeakSet<YamlNode>();
  const onError = (at: number | Range | { offset: number; source?: string }, message: string) => {
    const range: Range = typeof at === 'number' ? [at, at + 1] : Array.isArray(at) ? at : [at.offset, at.offset + (at.source?.length || 1)];
    errors.push({ message, range });
  };
  const anchors = new Map<string, YamlNode>();
  const sizes = new WeakMap<YamlNode, number>();
  /** Where each node ends with what follows it on its line (yaml's range[2]). */
  const ends = new WeakMap<YamlNode, number>();
  const endOf = (n: YamlNode) => ends.get(n) ?? n.range[1];
  const aliases: YamlAlias[] = [];
  let aliasValues = 0;
  let depth = 0;
  const sizeOf = (n: YamlNode) => sizes.get(n) ?? 1;

  /** Anchors, tags and the indicator before a node (yaml's resolveProps, without comments). */
  function props(tokens: SourceToken[], o: { flow?: string; indicator: SourceToken['type']; next: Token | undefined | null; offset: number; parentIndent: number; startOnNewline: boolean }): Props {
    let atNewline = o.startOnNewline;
    let hasSpace = o.startOnNewline;
    let hasNewline = false;
    let comment = false;
    let reqSpace = false;
    let tab: SourceToken | null = null;
    let anchor: SourceToken | null = null;
    let tag: SourceToken | null = null;
    let newlineAfterProp: SourceToken | null = null;
    let comma: SourceToken | null = null;
    let found: SourceToken | null = null;
    let start: number | null = null;
    for (const token of tokens) {
      if (reqSpace) {
        if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') onError(token.offset, 'Tags and anchors must be separated from the next token by white space');
        reqSpace = false;
      }
      if (tab) {
        if (atNewline && token.type !== 'comment' && token.type !== 'newline') onError(tab, 'Tabs are not allowed as indentation');
        tab = null;
      }
      switch (token.type) {
        case 'space':
          if (!o.flow && (o.indicator !== 'doc-start' || o.next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) onError(token, 'Comments must be separated from other tokens by white space characters');
          comment = true;
          atNewline = false;
          break;
        case 'newline':
          atNewline = true;
          hasNewline = true;
          if (anchor || tag) newlineAfterProp = token;
          hasSpace = true;
          break;
        case 'anchor':
          if (anchor) onError(token, 'A node can have at most one anchor');
          anchor = token;
          start ??= token.offset;
          atNewline = false;
          hasSpace = false;
          reqSpace = true;
          break;
        case 'tag':
          if (tag) onError(token, 'A node can have at most one tag');
          tag = token;
          start ??= token.offset;
          atNewline = false;
          hasSpace = false;
          reqSpace = true;
          break;
        case o.indicator:
          if (anchor || tag) onError(token, `Anchors and tags must be after the ${token.source} indicator`);
          if (found) onError(token, `Unexpected ${token.source} in ${o.flow ?? 'collection'}`);
          found = token;
          atNewline = o.indicator === 'seq-item-ind' || o.indicator === 'explicit-key-ind';
          hasSpace = false;
          break;
        default:
          if (token.type === 'comma' && o.flow) {
            if (comma) onError(token, `Unexpected , in ${o.flow}`);
            comma = token;
          } else onError(token, (token as unknown as { message?: string }).message ?? `Unexpected ${token.type} token`);
          atNewline = false;
          hasSpace = false;
      }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : o.offset;
    const next = o.next;
    if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) {
      onError(next.offset, 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab && ((atNewline && tab.indent <= o.parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) onError(tab, 'Tabs are not allowed as indentation');
    return { found, anchor, tag, comma, hasNewline, comment, newlineAfterProp, start: start ?? end, end };
  }

  /** Checks what follows a node on its line: only space, comments and newlines. Returns the end offset. */
  function nodeEnd(end: SourceToken[] | undefined, offset: number, reqSpace: boolean): number {
    let hasSpace = false;
    for (const token of end ?? []) {
      if (token.type === 'space' || token.type === 'newline') hasSpace = true;
      else if (token.type === 'comment') {
        if (reqSpace && !hasSpace) onError(token, 'Comments must be separated from other tokens by white space characters');
      } else onError(token, (token as unknown as { message?: string }).message ?? `Unexpected ${token.type} at node end`);
      offset += token.source.length;
    }
    return offset;
  }

  /** The core tag a tag token names ('str', 'map', …), '!' for the non-specific tag, or an error. */
  function tagName(token: SourceToken | null): string | null {
    if (!token) return null;
    const s = token.source;
    const name = s === '!' ? '!' : s.startsWith('!!') ? s.slice(2) : s.startsWith(`!<${CORE}`) && s.endsWith('>') ? s.slice(CORE.length + 2, -1) : undefined;
    if (name !== undefined && /^(?:!|str|int|float|bool|null|map|seq)$/.test(name)) return name;
    onError(token, `the tag ${s} is not supported; only plain YAML values are read (remove the tag)`);
    return '!';
  }

  function anchorAs(anchor: SourceToken | null, node: YamlNode): void {
    if (!anchor) return;
    const name = anchor.source.slice(1);
    if (name === '') onError(anchor, 'Anchor cannot be an empty string');
    else if (name.endsWith(':')) onError(anchor.offset + anchor.source.length - 1, 'Anchor ending in : is ambiguous');
    anchors.set(name, node);
  }

  function scalar(token: CST.FlowScalar | CST.BlockScalar, p: Props, atRoot = false): YamlScalar {
    // A block scalar's content may start at column 0 only at the top of the document.
    const r = CST.resolveAsScalar(token, true, (offset, _code, message) => (atRoot && /^Block scalar values in collections/.test(message)) || onError(offset, message));
    const tag = tagName(p.tag);
    let value: YamlScalar['value'] = token.type === 'scalar' && tag === null ? resolvePlain(r.value) : r.value;
    if (tag && tag !== '!') {
      const t = tag === 'map' || tag === 'seq' ? `a scalar cannot have the tag !!${tag}` : resolveTagged(tag, r.value, token.type === 'scalar');
      if (typeof t === 'string') onError(p.tag!, t);
      else value = t.value;
    }
    const node: YamlScalar = { kind: 'scalar', value, source: r.value, range: [r.range[0], r.range[1]] };
    ends.set(node, r.range[2]);
    anchorAs(p.anchor, node);
    return node;
  }

  /** yaml's emptyScalarPosition: right after the last token that is not space, newline or comment. */
  function emptyAt(offset: number, before: SourceToken[] | undefined): number {
    if (before) {
      for (let i = before.length - 1; i >= 0; --i) {
        let st = before[i]!;
        if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
          offset -= st.source.length;
          continue;
        }
        st = before[++i]!;
        while (st?.type === 'space') {
          offset += st.source.length;
          st = before[++i]!;
        }
        break;
      }
    }
    return offset;
  }

  function empty(offset: number, before: SourceToken[] | undefined, p: Props): YamlScalar {
    const node = scalar({ type: 'scalar', offset: emptyAt(offset, before), indent: -1, source: '' }, p);
    if (p.comment) ends.set(node, p.end);
    return node;
  }

  function node(token: Token, p: Props, atRoot = false): YamlNode {
    switch (token.type) {
      case 'alias': {
        const name = token.source.slice(1);
        const end = token.offset + token.source.length;
        const after = nodeEnd(token.end, end, true);
        if (p.anchor || p.tag) onError(token, 'An alias node must not specify any properties');
        const target = anchors.get(name);
        if (!target) {
          late.push({ message: `Unresolved alias (the anchor must be set before the alias): ${name}`, range: [token.offset, end] });
          const missing: YamlScalar = { kind: 'scalar', value: null, source: '', range: [token.offset, end] };
          unresolved.add(missing);
          ends.set(missing, after);
          return missing;
        }
        const alias: YamlAlias = { kind: 'alias', name, target, range: [token.offset, end] };
        aliases.push(alias);
        aliasValues += sizeOf(target);
        sizes.set(alias, sizeOf(target));
        ends.set(alias, after);
        return alias;
      }
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return scalar(token, p, atRoot);
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (++depth > MAX_YAML_DEPTH) {
          depth = -Infinity; // one error is enough
          onError(token.offset, `collections are nested deeper than ${MAX_YAML_DEPTH} levels`);
        }
        const coll = depth < 0 ? empty(token.offset, undefined, p) : collection(token, p, atRoot);
        depth--;
        return coll;
      }
      default:
        onError(token as { offset: number; source?: string }, token.type === 'error' ? token.message : `Unsupported token (type: ${token.type})`);
        return empty(token.offset, undefined, p);
    }
  }

  function collection(token: CST.BlockMap | CST.BlockSequence | CST.FlowCollection, p: Props, atRoot: boolean): YamlMap | YamlSeq {
    if (token.type === 'block-seq') {
      const last = p.anchor && p.tag ? (p.anchor.offset > p.tag.offset ? p.anchor : p.tag) : (p.anchor ?? p.tag);
      if (last && (!p.newlineAfterProp || p.newlineAfterProp.offset < last.offset)) onError(last, 'Missing newline after block sequence props');
    }
    const tag = tagName(p.tag);
    const coll = token.type === 'block-map' ? blockMap(token) : token.type === 'block-seq' ? blockSeq(token) : flow(token, atRoot);
    if (tag && tag !== '!' && tag !== coll.kind) onError(p.tag!, `a ${coll.kind === 'map' ? 'mapping' : 'list'} cannot have the tag !!${tag}`);
    let size = 1;
    for (const item of coll.items) size += coll.kind === 'map' ? sizeOf((item as YamlPair).value) + 1 : sizeOf(item as YamlNode);
    sizes.set(coll, size);
    anchorAs(p.anchor, coll);
    return coll;
  }

  /** A mapping key: a scalar, or an alias of one. */
  function key(map: YamlMap, k: YamlNode, at: number): YamlScalar {
    const s = k.kind === 'alias' ? k.target : k;
    if (s.kind !== 'scalar') {
      late.push({ message: 'a list or mapping cannot be a key here; keys are text', range: k.range });
      return { kind: 'scalar', value: '', source: '', range: k.range };
    }
    const name = s.value === null ? '' : String(s.value);
    if (!unresolved.has(s) && map.items.some((pair) => pair.key === name && !unresolved.has(pair.keyNode))) onError(at, 'Map keys must be unique');
    return s;
  }

  const pair = (keyNode: YamlScalar, value: YamlNode): YamlPair => ({ key: keyNode.value === null ? '' : String(keyNode.value), keyNode, value });

  function blockMap(bm: CST.BlockMap): YamlMap {
    const map: YamlMap = { kind: 'map', items: [], range: [bm.offset, bm.offset] };
    let offset = bm.offset;
    for (const { start, key: k, sep, value } of bm.items as Item[]) {
      const kp = props(start, { indicator: 'explicit-key-ind', next: k ?? sep?.[0], offset, parentIndent: bm.indent, startOnNewline: true });
      const implicit = !kp.found;
      if (implicit) {
        if (k) {
          if (k.type === 'block-seq') onError(offset, 'A block sequence may not be used as an implicit map key');
          else if ('indent' in k && k.indent !== bm.indent) onError(offset, 'All mapping items must start at the same column');
        }
        if (!kp.anchor && !kp.tag && !sep) continue;
        if (kp.newlineAfterProp || containsNewline(k)) onError(k ?? start[start.length - 1]!, 'Implicit keys need to be on a single line');
      } else if (kp.found?.indent !== bm.indent) onError(offset, 'All mapping items must start at the same column');
      const keyStart = kp.end;
      const keyNode = k ? node(k, kp) : empty(keyStart, start, kp);
      const ks = key(map, keyNode, keyStart);
      const vp = props(sep ?? [], { indicator: 'map-value-ind', next: value, offset: endOf(keyNode), parentIndent: bm.indent, startOnNewline: !k || k.type === 'block-scalar' });
      offset = vp.end;
      if (vp.found) {
        if (implicit) {
          if (value?.type === 'block-map' && !vp.hasNewline) onError(offset, 'Nested mappings are not allowed in compact mappings');
          if (kp.start < vp.found.offset - 1024) onError(keyNode.range, 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
        }
        const v = value ? node(value, vp) : empty(offset, sep, vp);
        offset = endOf(v);
        map.items.push(pair(ks, v));
      } else {
        if (implicit) onError(keyNode.range, 'Implicit map keys need to be followed by map values');
        map.items.push(pair(ks, empty(offset, sep, vp)));
      }
    }
    map.range = [bm.offset, lastEnd(map, bm.offset)];
    ends.set(map, offset);
    return map;
  }

  function blockSeq(bs: CST.BlockSequence): YamlSeq {
    const seq: YamlSeq = { kind: 'seq', items: [], range: [bs.offset, bs.offset] };
    let offset = bs.offset;
    for (const { start, value } of bs.items as Item[]) {
      const p = props(start, { indicator: 'seq-item-ind', next: value, offset, parentIndent: bs.indent, startOnNewline: true });
      if (!p.found) {
        if (p.anchor || p.tag || value) {
          if (value?.type === 'block-seq') onError(p.end, 'All sequence items must start at the same column');
          else onError(offset, 'Sequence item without - indicator');
        } else continue;
      }
      const v = value ? node(value, p) : empty(p.end, start, p);
      offset = endOf(v);
      seq.items.push(v);
    }
    seq.range = [bs.offset, lastEnd(seq, bs.offset)];
    ends.set(seq, offset);
    return seq;
  }

  function flow(fc: CST.FlowCollection, atRoot: boolean): YamlMap | YamlSeq {
    const isMap = fc.start.source === '{';
    const name = isMap ? 'flow map' : 'flow sequence';
    const map: YamlMap = { kind: 'map', items: [], range: [fc.offset, fc.offset] };
    const seq: YamlSeq = { kind: 'seq', items: [], range: [fc.offset, fc.offset] };
    const isBlock = (t: Token | null | undefined) => t?.type === 'block-map' || t?.type === 'block-seq';
    let offset = fc.offset + fc.start.source.length;
    fc.items.forEach(({ start, key: k, sep, value }, i) => {
      const p = props(start, { flow: name, indicator: 'explicit-key-ind', next: k ?? sep?.[0], offset, parentIndent: fc.indent, startOnNewline: false });
      if (!p.found) {
        if (!p.anchor && !p.tag && !sep && !value) {
          if (i === 0 && p.comma) onError(p.comma, `Unexpected , in ${name}`);
          else if (i < fc.items.length - 1) onError(p.start, `Unexpected empty item in ${name}`);
          offset = p.end;
          return;
        }
        if (!isMap && containsNewline(k)) onError(k as Token & { offset: number }, 'Implicit keys of flow sequence pairs need to be on a single line');
      }
      if (i === 0) {
        if (p.comma) onError(p.comma, `Unexpected , in ${name}`);
      } else if (!p.comma) onError(p.start, `Missing , between ${name} items`);
      if (!isMap && !sep && !p.found) {
        const v = value ? node(value, p) : empty(p.end, sep, p);
        if (isBlock(value)) onError(v.range, 'Block collections are not allowed within flow collections');
        seq.items.push(v);
        offset = endOf(v);
        return;
      }
      const keyStart = p.end;
      const keyNode = k ? node(k, p) : empty(keyStart, start, p);
      if (isBlock(k)) onError(keyNode.range, 'Block collections are not allowed within flow collections');
      const vp = props(sep ?? [], { flow: name, indicator: 'map-value-ind', next: value, offset: endOf(keyNode), parentIndent: fc.indent, startOnNewline: false });
      if (vp.found) {
        if (!isMap && !p.found) {
          for (const st of sep ?? []) {
            if (st === vp.found) break;
            if (st.type === 'newline') {
              onError(st, 'Implicit keys of flow sequence pairs need to be on a single line');
              break;
            }
          }
          if (p.start < vp.found.offset - 1024) onError(vp.found, 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
        }
      } else if (value) {
        if ('source' in value && value.source?.[0] === ':') onError(value, `Missing space after : in ${name}`);
        else onError(vp.start, `Missing , or : between ${name} items`);
      }
      const v = value ? node(value, vp) : vp.found ? empty(vp.end, sep, vp) : null;
      if (v && isBlock(value)) onError(v.range, 'Block collections are not allowed within flow collections');
      const target = isMap ? map : ({ kind: 'map', items: [], range: [keyNode.range[0], (v ?? keyNode).range[1]] } as YamlMap);
      const ks = key(target, keyNode, keyStart);
      target.items.push(pair(ks, v ?? { kind: 'scalar', value: null, source: '', range: [keyNode.range[1], keyNode.range[1]] }));
      if (!isMap) {
        sizes.set(target, 2 + sizeOf(target.items[0]!.value));
        seq.items.push(target);
      }
      offset = v ? endOf(v) : vp.end;
    });
    const expected = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expected) cePos = ce.offset + ce.source.length;
    else {
      const title = name[0]!.toUpperCase() + name.slice(1);
      onError(offset, atRoot ? `${title} must end with a ${expected}` : `${title} in block collection must be sufficiently indented and end with a ${expected}`);
      if (ce && ce.source.length !== 1) ee.unshift(ce);
    }
    const coll = isMap ? map : seq;
    coll.range = [fc.offset, cePos];
    ends.set(coll, ee.length ? nodeEnd(ee, cePos, true) : cePos);
    return coll;
  }


  function lastEnd(coll: YamlMap | YamlSeq, start: number): number {
    const last = coll.items[coll.items.length - 1];
    if (!last) return start;
    return ('kind' in last ? last : last.value).range[1];
  }

  // The stream: directives, then exactly one document.
  let root: YamlNode | null = null;
  let docs = 0;
  let directives = false;
  for (const token of new Parser().parse(text)) {
    switch (token.type) {
      case 'directive':
        if (!/^%YAML[ \t]+1\.2(?:[ \t]+#.*)?[ \t]*$/.test(token.source)) onError(token, `the directive ${token.source.split(/[ \t]/)[0]} is not supported; only YAML 1.2 without directives is read (remove the line)`);
        directives = true;
        break;
      case 'document': {
        if (++docs > 1) {
          onError(token.offset, 'a second YAML document (after a --- line) is not allowed; keep everything in one document');
          break;
        }
        const p = props(token.start, { indicator: 'doc-start', next: token.value ?? token.end?.[0], offset: token.offset, parentIndent: 0, startOnNewline: true });
        if (directives && !p.found) onError(token, 'Missing directives-end/doc-start indicator line');
        if (p.found && token.value && (token.value.type === 'block-map' || token.value.type === 'block-seq') && !p.hasNewline) {
          onError(p.end, 'Block collection cannot start on same line with directives-end marker');
        }
        root = token.value ? node(token.value, p, true) : p.anchor || p.tag ? empty(p.end, token.start, p) : null;
        nodeEnd(token.end, root ? endOf(root) : p.end, false);
        directives = false;
        break;
      }
      case 'byte-order-mark':
      case 'space':
      case 'comment':
      case 'newline':
        break;
      case 'error':
        onError(token, token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message);
        break;
      case 'doc-end':
        if (!docs) onError(token, 'Unexpected doc-end without preceding document');
        nodeEnd(token.end, token.offset + token.source.length, true);
        break;
      default:
        onError(token as { offset: number; source?: string }, `Unsupported token ${token.type}`);
    }
  }
  if (directives) onError(text.length, 'Missing directives-end indicator line');
  errors.push(...late);
  if (errors.length) return { ok: false, error: errors[0]!, errors };
  if (root && (root as YamlNode).kind === 'scalar' && (root as YamlScalar).source === '' && (root as YamlScalar).value === null) root = null;
  return { ok: true, root, aliases, aliasValues };
}

/** yaml's containsNewline: whether an implicit key spans lines (iterative: keys can nest deeply). */
function containsNewline(key: Token | null | undefined): boolean {
  const stack = [key];
  while (stack.length) {
    const k = stack.pop();
    if (!k) continue;
    switch (k.type) {
      case 'alias':
      case 'scalar':
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
        if (k.source.includes('\n') || k.end?.some((st) => st.type === 'newline')) return true;
        break;
      case 'flow-collection':
        for (const it of k.items) {
          if (it.start.some((st) => st.type === 'newline') || it.sep?.some((st) => st.type === 'newline')) return true;
          stack.push(it.key, it.value);
        }
        break;
      default:
        return true;
    }
  }
  return false;
}

/** Follows an alias to the node it names. */
export function deref(n: YamlNode): Exclude<YamlNode, YamlAlias> {
  while (n.kind === 'alias') n = n.target;
  return n;
}

/** The plain JavaScript value of a node; aliases share the value of their target. */
export function toJS(n: YamlNode | null): unknown {
  const done = new Map<YamlNode, unknown>();
  const js = (n: YamlNode): unknown => {
    const t = deref(n);
    if (t.kind === 'scalar') return t.value;
    if (done.has(t)) return done.get(t);
    if (t.kind === 'seq') {
      const out: unknown[] = [];
      done.set(t, out);
      for (const item of t.items) out.push(js(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    done.set(t, out);
    // defineProperty, so that a `__proto__` key is an ordinary property, never the prototype.
    for (const p of t.items) Object.defineProperty(out, p.key, { value: js(p.value), writable: true, enumerable: true, configurable: true });
    return out;
  };
  return n === null ? null : js(n);
}

/** The value of `key` in a mapping node, if it is one and has the key. */
export function getPair(n: YamlNode | null | undefined, key: string): YamlPair | undefined {
  const m = n ? deref(n) : undefined;
  return m?.kind === 'map' ? m.items.find((p) => p.key === key) : undefined;
}

/** 1-based line and column of offsets in `text` (a binary search over its line starts). */
export function lineCounter(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}
