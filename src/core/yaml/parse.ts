// Reads YAML with the `yaml` package's own composer (parseAllDocuments, public API) and hands back
// plain, read-only nodes with source ranges, after checking the rules every reader in Call Coach
// shares. What yaml would accept but we do not, is refused with a positioned error:
//
// - one document per text (a second `---` document is an error);
// - the core schema only: null/~, true/false, decimal, 0o and 0x integers, floats, .inf and .nan;
//   quoted and block scalars are strings; tags other than the core !!str, !!int, !!float, !!bool,
//   !!null, !!map and !!seq (and the non-specific `!`) are errors, and an explicit !!int, !!float,
//   !!bool or !!null must hold a value of that type; %TAG, YAML 1.1 and a repeated %YAML are errors;
// - keys are scalars (a list or mapping as a key is an error), unique by the text key they
//   become in JavaScript, checked with a Map: linear, where yaml's own `uniqueKeys` check compares
//   every key with every earlier one;
// - collections nest at most MAX_YAML_DEPTH deep, refused (see ./prescan) before yaml's composer,
//   which recurses per level, could overflow the stack;
// - anchors and aliases are kept as alias nodes: the document reports every alias and how many
//   values expanding them would make, so that callers can refuse aliases or bound them (nothing
//   here ever expands one).
//
// Why our own node shape rather than yaml's Document: callers need a key index (yaml's maps are
// lists), aliases already resolved, and values that cannot be mutated; converting costs one walk
// that the checks above need anyway. No `vscode` import.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YNode, type YAMLError, type YAMLMap, type YAMLSeq } from 'yaml';
import { prescan, tagBefore, type Prescan } from './prescan';

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
  /** The pairs by key (keys are unique), for lookups in constant time. */
  byKey: ReadonlyMap<string, YamlPair>;
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
  /** Set on the error for collections nested deeper than allowed. */
  tooDeep?: true;
}

export interface YamlOptions {
  /**
   * Refuse, before composing, a text whose nesting estimate (see ./prescan) passes this; at most
   * (and by default) MAX_YAML_DEPTH. Composed collections deeper than MAX_YAML_DEPTH are refused
   * whatever this says.
   */
  maxLexedDepth?: number;
}

/** 1-based line and column of an offset in the text. */
export type LinePos = (offset: number) => { line: number; col: number };

export type YamlDocument =
  | {
      ok: true;
      /** null for a document with no content (empty, or only comments). */
      root: YamlNode | null;
      /** Every alias, in source order. */
      aliases: YamlAlias[];
      /** How many values expanding all aliases would add (each alias counts its target's size). */
      aliasValues: number;
      linePos: LinePos;
    }
  | { ok: false; error: YamlError; errors: YamlError[]; linePos: LinePos };

/** Collections nested deeper than this are refused. */
export const MAX_YAML_DEPTH = 256;

const CORE = 'tag:yaml.org,2002:';
const SCALAR_TAGS = new Set(['str', 'int', 'float', 'bool', 'null'].map((t) => CORE + t));
const MAP_TAG = CORE + 'map';
const MISSING_DOC_START = 'Missing directives-end/doc-start indicator line';
const SEQ_TAG = CORE + 'seq';

/** Core-schema resolution of a plain scalar (YAML 1.2.2, 10.3.2), for explicitly tagged values. */
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

/** The core schema's forms of an explicitly typed scalar (YAML 1.2.2, 10.3.2). */
const TYPED: Record<string, RegExp> = {
  int: /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
  float: /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  bool: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
};

/** A scalar's value under an explicit core tag ('str', 'int', …), or an error message. */
function resolveTagged(tag: string, s: string, plain: boolean): { value: YamlScalar['value'] } | string {
  switch (tag) {
    case 'str':
      return { value: s };
    case 'null':
      return (plain ? resolvePlain(s) : s) === null ? { value: null } : `"${s}" is not a !!null value`;
    case 'bool':
      return TYPED.bool!.test(s) ? { value: resolvePlain(s) } : `"${s}" is not a !!bool value (true or false)`;
    default:
      return TYPED[tag]!.test(s) ? { value: resolvePlain(s) } : `"${s}" is not a !!${tag} value`;
  }
}

/** A LineCounter for `text` without parsing it (yaml's parser fills one as it goes). */
function countLines(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/**
 * Merges two error lists that are each in the order they were found, keeping each one's own
 * order; `foundAt` is where reading had got to when an error was found (its start by default).
 */
function merge(a: YamlError[], b: YamlError[], foundAt: ReadonlyMap<YamlError, number> = new Map()): YamlError[] {
  const at = (e: YamlError) => foundAt.get(e) ?? e.range[0];
  const out: YamlError[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && at(a[i]!) <= at(b[j]!))) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Refuses directives other than one `%YAML 1.2` per document. */
function directiveErrors(scan: Prescan): YamlError[] {
  const errors: YamlError[] = [];
  let yamlSeen = false;
  let d = 0;
  for (const start of [...scan.docStarts, Infinity]) {
    for (; d < scan.directives.length && scan.directives[d]!.offset < start; d++) {
      const { source, offset } = scan.directives[d]!;
      const range: Range = [offset, offset + source.length];
      const name = source.split(/[ \t]/)[0]!;
      if (!/^%YAML[ \t]+1\.2[ \t]*$/.test(source)) errors.push({ message: `the directive ${name} is not supported; only YAML 1.2 without directives is read (remove the line)`, range });
      else if (yamlSeen) errors.push({ message: 'the %YAML directive is given twice; a document may have only one (remove the second line)', range });
      yamlSeen = true;
    }
    yamlSeen = false;
  }
  return errors;
}

/**
 * Parses one YAML document. Never throws: syntax and schema problems come back as positioned
 * errors, the first one in `error` (the one to show), all of them in `errors`.
 */
export function parseYaml(text: string, options: YamlOptions = {}): YamlDocument {
  try {
    return read(text, options);
  } catch (err) {
    // Not expected (yaml reports problems as errors, and nesting is bounded first); should it
    // happen, the caller still gets an error to show rather than an exception.
    const message = `the YAML could not be read (${err instanceof Error ? err.message : String(err)})`;
    const error: YamlError = { message, range: [0, 1] };
    return { ok: false, error, errors: [error], linePos: countLines(text).linePos };
  }
}

function read(text: string, options: YamlOptions): YamlDocument {
  const scan = prescan(text, Math.min(options.maxLexedDepth ?? MAX_YAML_DEPTH, MAX_YAML_DEPTH));
  const early = directiveErrors(scan);
  if (scan.tooDeepAt !== undefined) {
    const at = scan.tooDeepAt;
    const deep: YamlError = { message: `collections are nested deeper than ${MAX_YAML_DEPTH} levels`, range: [at, at + 1], tooDeep: true };
    const errors = [...early.filter((e) => e.range[0] < at), deep];
    return { ok: false, error: errors[0]!, errors, linePos: countLines(text).linePos };
  }

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { schema: 'core', version: '1.2', uniqueKeys: false, prettyErrors: false, lineCounter });
  if (!lineCounter.lineStarts.length) lineCounter.addNewLine(0);
  const linePos = lineCounter.linePos;
  const doc = docs[0];
  const yamlErrors: YamlError[] = ('empty' in docs ? docs.errors : (doc?.errors ?? [])).map((e: YAMLError) => {
    // A tag yaml cannot resolve (a handle no %TAG declared): refused as every other non-core tag.
    const tag = e.code === 'TAG_RESOLVE_FAILED' ? tagBefore(scan, e.pos[0] + 1) : undefined;
    if (tag?.offset === e.pos[0]) return { message: `the tag ${tag.source} is not supported; only plain YAML values are read (remove the tag)`, range: e.pos };
    return { message: e.message, range: e.pos };
  });
  // yaml reports a missing `---` after directives once the document is read; it is found first.
  yamlErrors.sort((a, b) => (b.message === MISSING_DOC_START ? 1 : 0) - (a.message === MISSING_DOC_START ? 1 : 0));
  if (docs.length > 1) {
    const at = docs[1]!.range[0];
    yamlErrors.push({ message: 'a second YAML document (after a --- line) is not allowed; keep everything in one document', range: [at, at + 1] });
  }
  // Directives must be followed by a document (yaml says so only when one follows without `---`).
  const lastDirective = scan.directives[scan.directives.length - 1];
  if (lastDirective && !docs.some((d) => d.range[0] > lastDirective.offset)) {
    yamlErrors.push({ message: 'Missing directives-end indicator line', range: [text.length, text.length + 1] });
  }

  /** Errors found while walking, in source order; `late` ones (yaml finds them only in toJS) go last. */
  const errors: YamlError[] = [];
  const late: YamlError[] = [];
  const anchors = new Map<string, YamlNode>();
  const sizes = new WeakMap<YamlNode, number>();
  const sizeOf = (n: YamlNode) => sizes.get(n) ?? 1;
  const unresolved = new WeakSet<YamlNode>();
  const aliases: YamlAlias[] = [];
  let aliasValues = 0;
  let depth = 0;

  /** The tag a node was written with, for messages and positions. */
  const writtenTag = (n: YNode): { offset: number; source: string } => tagBefore(scan, n.range![0]) ?? { offset: n.range![0], source: String(n.tag) };
  /** A tag is judged once its node is read: after the errors inside the node, as yaml finds them. */
  const afterNode = new Map<YamlError, number>();
  const tagError = (n: YNode, message: string) => {
    const t = writtenTag(n);
    const error: YamlError = { message, range: [t.offset, t.offset + t.source.length] };
    errors.push(error);
    afterNode.set(error, n.range![1]);
  };
  const unsupported = (n: YNode) => tagError(n, `the tag ${writtenTag(n).source} is not supported; only plain YAML values are read (remove the tag)`);

  function anchorAs(n: YNode, node: YamlNode): void {
    if (n.anchor) anchors.set(n.anchor, node);
  }

  function empty(at: number): YamlScalar {
    return { kind: 'scalar', value: null, source: '', range: [at, at] };
  }

  function convert(n: YNode): YamlNode {
    if (isAlias(n)) {
      const range: Range = [n.range![0], n.range![1]];
      const target = anchors.get(n.source);
      if (!target) {
        late.push({ message: `Unresolved alias (the anchor must be set before the alias): ${n.source}`, range });
        const missing: YamlScalar = { kind: 'scalar', value: null, source: '', range };
        unresolved.add(missing);
        return missing;
      }
      const alias: YamlAlias = { kind: 'alias', name: n.source, target, range };
      aliases.push(alias);
      aliasValues += sizeOf(target);
      sizes.set(alias, sizeOf(target));
      return alias;
    }
    if (isScalar(n)) {
      const source = n.source ?? String(n.value);
      let value = n.value as YamlScalar['value'];
      if (n.tag && n.tag !== '!') {
        if (n.tag === MAP_TAG || n.tag === SEQ_TAG) tagError(n, `a scalar cannot have the tag !!${n.tag.slice(CORE.length)}`);
        else if (!SCALAR_TAGS.has(n.tag)) unsupported(n);
        else {
          const t = resolveTagged(n.tag.slice(CORE.length), source, n.type === 'PLAIN');
          if (typeof t === 'string') tagError(n, t);
          else value = t.value;
        }
      } else if (n.tag === '!') value = source;
      const node: YamlScalar = { kind: 'scalar', value, source, range: [n.range![0], n.range![1]] };
      anchorAs(n, node);
      return node;
    }
    const start = n.range![0];
    const kind = isMap(n) ? 'map' : isSeq(n) ? 'seq' : undefined;
    if (n.tag && n.tag !== (kind === 'map' ? MAP_TAG : SEQ_TAG)) {
      // A wrong core tag, or a collection of another type (!!set, !!omap: yaml has already built
      // it as that type): refused, and not read further.
      if (kind && (n.tag === MAP_TAG || n.tag === SEQ_TAG || SCALAR_TAGS.has(n.tag))) tagError(n, `a ${kind === 'map' ? 'mapping' : 'list'} cannot have the tag !!${n.tag.slice(CORE.length)}`);
      else unsupported(n);
      return empty(start);
    }
    if (!kind) {
      errors.push({ message: 'this value cannot be read as plain YAML', range: [start, start + 1] });
      return empty(start);
    }
    if (++depth > MAX_YAML_DEPTH) {
      errors.push({ message: `collections are nested deeper than ${MAX_YAML_DEPTH} levels`, range: [start, start + 1], tooDeep: true });
      depth = -Infinity; // one error is enough
    }
    const node = depth < 0 ? empty(start) : isMap(n) ? map(n) : seq(n as YAMLSeq<unknown>);
    depth--;
    anchorAs(n, node);
    return node;
  }

  /** Where a collection's content ends: a flow one at its bracket, a block one at its last value (before trailing comments). */
  function end(n: YNode, last: YamlNode | undefined): number {
    if ((n as { flow?: boolean }).flow) return n.range![1];
    return last ? last.range[1] : n.range![0];
  }

  function map(n: YAMLMap<unknown, unknown>): YamlMap {
    const items: YamlPair[] = [];
    const byKey = new Map<string, YamlPair>();
    for (const p of n.items) {
      const k = p.key as YNode;
      const keyNode = convert(k);
      let s = keyNode.kind === 'alias' ? deref(keyNode) : keyNode;
      if (s.kind !== 'scalar') {
        late.push({ message: 'a list or mapping cannot be a key here; keys are text', range: keyNode.range });
        s = { kind: 'scalar', value: '', source: '', range: keyNode.range };
      }
      const key = s.value === null ? '' : String(s.value);
      let duplicate = false;
      if (!unresolved.has(s)) {
        const seen = byKey.get(key);
        duplicate = seen !== undefined && !unresolved.has(seen.keyNode);
        if (duplicate) errors.push({ message: 'Map keys must be unique', range: [k.range![0], k.range![1]] });
      }
      const value = p.value ? convert(p.value as YNode) : empty((n as { flow?: boolean }).flow ? k.range![1] : k.range![2]);
      const pair: YamlPair = { key, keyNode: s, value };
      if (!duplicate && !unresolved.has(s)) byKey.set(key, pair);
      items.push(pair);
    }
    const node: YamlMap = { kind: 'map', items, byKey, range: [n.range![0], end(n, items[items.length - 1]?.value)] };
    let size = 1;
    for (const p of items) size += sizeOf(p.value) + 1;
    sizes.set(node, size);
    return node;
  }

  function seq(n: YAMLSeq<unknown>): YamlSeq {
    const items = n.items.map((item) => convert(item as YNode));
    const node: YamlSeq = { kind: 'seq', items, range: [n.range![0], end(n, items[items.length - 1])] };
    let size = 1;
    for (const item of items) size += sizeOf(item);
    sizes.set(node, size);
    return node;
  }

  let root: YamlNode | null = doc?.contents ? convert(doc.contents as YNode) : null;
  const all = [...merge(merge(early, yamlErrors), errors, afterNode), ...late];
  if (all.length) return { ok: false, error: all[0]!, errors: all, linePos };
  if (root?.kind === 'scalar' && root.source === '' && root.value === null) root = null;
  return { ok: true, root, aliases, aliasValues, linePos };
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
    for (const p of t.items) {
      // defineProperty, so that a `__proto__` key is an ordinary property, never the prototype.
      if (p.key === '__proto__') Object.defineProperty(out, p.key, { value: js(p.value), writable: true, enumerable: true, configurable: true });
      else out[p.key] = js(p.value);
    }
    return out;
  };
  return n === null ? null : js(n);
}

/** The pair for `key` in a mapping node, if it is one and has the key (constant time). */
export function getPair(n: YamlNode | null | undefined, key: string): YamlPair | undefined {
  const m = n ? deref(n) : undefined;
  return m?.kind === 'map' ? m.byKey.get(key) : undefined;
}
