// A Markdown file that is the CSM's document with Call Coach's generated regions in it: the success
// plan (planFile.ts) and the portfolio (src/core/portfolio/portfolioFile.ts). A region is
//
//   <!-- call-coach:begin objectives -->
//   …generated Markdown, replaced on every update…
//   <!-- call-coach:end objectives -->
//
// Everything outside the regions is kept byte for byte (line endings included; generated text
// takes the file's line ending). The YAML front matter is a generated region of its own, delimited
// by its `---` fences: Call Coach sets its own keys in place and keeps every other key, comment and
// byte of the block as it is; a file without front matter gets one at the top. Regions missing from
// the file are appended at its end, in the standard order. `updated` changes only when something
// else does, so regenerating an unchanged file gives the very same text.
//
// A file whose markers are damaged (a begin without its end, an end without a begin, a region twice,
// nested regions, an unknown region name, a marker-like line that is not exactly a marker) or whose
// front matter cannot be read is not guessed at: the result is an error with the line, and the
// caller leaves the file as it is.
import { deref, getPair, parseYaml, toJS, type YamlNode } from '../yaml/parse';

export const beginMarker = (region: string) => `<!-- call-coach:begin ${region} -->`;
export const endMarker = (region: string) => `<!-- call-coach:end ${region} -->`;

export interface GeneratedFile {
  /** The front matter's `type`, e.g. `success-plan`; a file that says another type is refused. */
  type: string;
  /** What the file is, in messages: "the success plan". */
  what: string;
  /** What to do after fixing it by hand, in messages: "update the plan again". */
  again: string;
  /** The front matter keys Call Coach owns, in order, each with its whole `key: value` YAML text (`type` and `updated` among them). */
  frontMatter: readonly (readonly [key: string, text: string])[];
  /** The region names, in the standard order. */
  regions: readonly string[];
  /** Regions kept (and regenerated) where a file has them, but not added where it does not (the plan's Usage region without usage data). */
  optionalRegions?: readonly string[];
  /** Each region's Markdown, ending with a newline. */
  regionText: Readonly<Record<string, string>>;
  /** A new file's lines between its front matter and its regions: title, explanation, a blank line. */
  intro: readonly string[];
}

/**
 * Why a generated file is left as it is, as a code and its facts (`fileType`: the file's `type`,
 * success-plan or portfolio), for the extension to word in the display language
 * (host/plan/generatedProblemText.ts); `error` is the English (the CLI, the log).
 */
export type GeneratedProblem =
  | { code: 'not-utf8'; fileType: string }
  | { code: 'front-matter-open' }
  | { code: 'front-matter-yaml'; detail: string; fileType: string }
  | { code: 'front-matter-not-mapping' }
  | { code: 'front-matter-type'; found: string | null; fileType: string }
  | { code: 'front-matter-would-break'; fileType: string }
  | { code: 'front-matter-key'; key: string; fileType: string }
  | { code: 'marker-like'; line: number }
  | { code: 'unknown-region'; line: number; region: string; regions: string[] }
  | { code: 'region-unended-before'; region: string; line: number; next: number }
  | { code: 'region-twice'; region: string; line: number }
  | { code: 'stray-end'; line: number; region: string; open?: { region: string; line: number } }
  | { code: 'region-unended'; region: string; line: number };

export type GeneratedRenderResult = { ok: true; text: string } | { ok: false; error: string; line?: number; why: GeneratedProblem };

const MARKER = /^<!--[ \t]*call-coach:(begin|end)[ \t]+([a-z][a-z0-9-]*?)[ \t]*-->[ \t]*$/;
const MARKER_LIKE = /^[ \t]*<!--[ \t]*call-coach:[ \t]*(begin|end)/i;
const FENCE = /^---[ \t]*$/;

interface Line {
  text: string;
  eol: string;
}

function splitLines(s: string): Line[] {
  if (s === '') return [];
  return s.split(/(?<=\n)/).map((l) => {
    const eol = l.endsWith('\r\n') ? '\r\n' : l.endsWith('\n') ? '\n' : '';
    return { text: l.slice(0, l.length - eol.length), eol };
  });
}

const fail = (error: string, why: GeneratedProblem, line?: number): GeneratedRenderResult => (line === undefined ? { ok: false, error, why } : { ok: false, error, line, why });

/**
 * The file's Markdown: a new file when `existingText` is undefined or blank, otherwise the existing
 * file with its generated regions replaced. `file(updated)` describes the file as of that date;
 * `updated` is today's date, kept at the file's own when nothing else would change.
 */
export function renderGeneratedFile(file: (updated: string) => GeneratedFile, updated: string, existingText?: string): GeneratedRenderResult {
  if (existingText === undefined || existingText.trim() === '') return { ok: true, text: newFile(file(updated)) };
  const first = render(file(updated), existingText);
  if (!first.ok) return first;
  const old = existingUpdated(existingText);
  if (old && old !== updated && first.text !== existingText) {
    const again = render(file(old), existingText);
    if (again.ok && again.text === existingText) return again;
  }
  return first;
}

function newFile(file: GeneratedFile): string {
  return ['---', ...file.frontMatter.map(([, text]) => text), '---', ''].join('\n') + newBody(file);
}

/** A new file's body: a blank line, the intro, every region. */
function newBody(file: GeneratedFile): string {
  return ['', ...file.intro, ...file.regions.map((r) => `${beginMarker(r)}\n${file.regionText[r]}${endMarker(r)}\n`)].join('\n');
}

function existingUpdated(text: string): string | undefined {
  const lines = splitLines(text.startsWith('\ufeff') ? text.slice(1) : text);
  if (!lines.length || !FENCE.test(lines[0]!.text)) return undefined;
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l.text));
  if (close < 0) return undefined;
  const doc = parseYaml(lines.slice(1, close).map((l) => l.text + l.eol).join(''));
  const node = doc.ok ? getPair(doc.root, 'updated')?.value : undefined;
  const v = node && toJS(node);
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function render(file: GeneratedFile, existing: string): GeneratedRenderResult {
  const bom = existing.startsWith('\ufeff') ? '\ufeff' : '';
  const lines = splitLines(existing.slice(bom.length));
  const eol = lines.find((l) => l.eol)?.eol ?? '\n';
  const withEol = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));
  const { regions, regionText } = file;

  // The front matter.
  let head: string;
  let bodyStart: number;
  if (lines.length && FENCE.test(lines[0]!.text)) {
    const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l.text));
    if (close < 0) return fail('the front matter is not closed: add a line with only `---` after its properties', { code: 'front-matter-open' }, 1);
    const block = lines.slice(1, close).map((l) => l.text + l.eol).join('');
    const edited = editFrontMatter(block, file, eol);
    if (!edited.ok) return fail(edited.error, edited.why, edited.line === undefined ? 1 : edited.line + 1);
    head = lines[0]!.text + lines[0]!.eol + edited.text + lines[close]!.text + (lines[close]!.eol || eol);
    bodyStart = close + 1;
    // Front matter and nothing else (Import Usage Data's customerSince, before the first plan):
    // the body a new file gets, with its title, under the front matter kept.
    if (lines.slice(bodyStart).every((l) => l.text.trim() === '')) return { ok: true, text: bom + head + withEol(newBody(file)) };
  } else {
    head = withEol(['---', ...file.frontMatter.map(([, text]) => text), '---', ''].join('\n')) + (lines.length ? eol : '');
    bodyStart = 0;
  }

  // The regions.
  const out: string[] = [bom, head];
  const seen = new Set<string>();
  let open: { region: string; line: number } | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const m = MARKER.exec(line.text);
    if (!m) {
      if (MARKER_LIKE.test(line.text)) {
        return fail(`line ${lineNo} looks like a Call Coach region marker but is not exactly \`<!-- call-coach:begin NAME -->\` or \`<!-- call-coach:end NAME -->\` at the start of a line; restore it or delete it`, { code: 'marker-like', line: lineNo }, lineNo);
      }
      if (!open) out.push(line.text + line.eol);
      continue;
    }
    const [, kind, region] = m as unknown as [string, 'begin' | 'end', string];
    if (!regions.includes(region) && !file.optionalRegions?.includes(region)) {
      return fail(`line ${lineNo} marks an unknown region "${region}"; the regions are ${regions.join(', ')}`, { code: 'unknown-region', line: lineNo, region, regions: [...regions] }, lineNo);
    }
    if (kind === 'begin') {
      if (open) return fail(`the region "${open.region}" that begins on line ${open.line} has no end marker before the next region begins on line ${lineNo}; add \`${endMarker(open.region)}\` where it ends`, { code: 'region-unended-before', region: open.region, line: open.line, next: lineNo }, open.line);
      if (seen.has(region)) return fail(`the region "${region}" appears twice (again on line ${lineNo}); delete one of the two`, { code: 'region-twice', region, line: lineNo }, lineNo);
      seen.add(region);
      open = { region, line: lineNo };
      out.push(line.text + (line.eol || eol), withEol(regionText[region]!));
    } else {
      if (!open || open.region !== region) {
        return fail(`line ${lineNo} ends the region "${region}", which ${open ? `is not the one open (“${open.region}”, from line ${open.line})` : 'has not begun'}; restore its \`${beginMarker(region)}\` or delete this line`, {
          code: 'stray-end',
          line: lineNo,
          region,
          ...(open ? { open: { region: open.region, line: open.line } } : {}),
        }, lineNo);
      }
      open = undefined;
      out.push(line.text + line.eol);
    }
  }
  if (open) return fail(`the region "${open.region}" that begins on line ${open.line} has no end; add \`${endMarker(open.region)}\` where it ends`, { code: 'region-unended', region: open.region, line: open.line }, open.line);

  // Regions the file does not have yet go at its end.
  const missing = regions.filter((r) => !seen.has(r));
  if (missing.length) {
    let text = out.join('');
    if (!text.endsWith('\n')) text += eol;
    if (!/\n(\r?\n)$/.test(text)) text += eol;
    text += missing.map((r) => withEol(`${beginMarker(r)}\n${regionText[r]}${endMarker(r)}\n`)).join(withEol('\n'));
    return { ok: true, text };
  }
  return { ok: true, text: out.join('') };
}

type Edit = { ok: true; text: string } | { ok: false; error: string; line?: number; why: GeneratedProblem };

/** Sets our keys in the YAML block in place; every other byte stays. `line` is 1-based in the block. */
function editFrontMatter(block: string, file: GeneratedFile, eol: string): Edit {
  const doc = parseYaml(block);
  const lineOf = (offset: number) => block.slice(0, offset).split('\n').length;
  if (!doc.ok) return { ok: false, error: `the front matter is not valid YAML (${doc.error.message}); fix it by hand, then ${file.again}`, line: lineOf(doc.error.range[0]), why: { code: 'front-matter-yaml', detail: doc.error.message, fileType: file.type } };
  const root = doc.root;
  if (root !== null && root.kind !== 'map') return { ok: false, error: 'the front matter must be a YAML mapping of `key: value` lines', line: 1, why: { code: 'front-matter-not-mapping' } };
  const find = (k: string) => getPair(root, k);
  const type = find('type');
  const typeValue = type && deref(type.value);
  if (type && !(typeValue?.kind === 'scalar' && typeValue.value === file.type)) {
    return { ok: false, error: `the front matter says \`type: ${typeValue?.kind === 'scalar' ? String(typeValue.value) : '…'}\`, but this file is where Call Coach keeps ${file.what} (\`type: ${file.type}\`); rename your file or fix its type`,
      line: lineOf(type.keyNode.range[0]),
      why: { code: 'front-matter-type', found: typeValue?.kind === 'scalar' ? String(typeValue.value) : null, fileType: file.type },
    };
  }
  const edits: { from: number; to: number; text: string }[] = [];
  const append: string[] = [];
  for (const [k, value] of file.frontMatter) {
    const pair = find(k);
    const text = value.replace(/\n/g, eol);
    if (!pair) {
      append.push(text + eol);
      continue;
    }
    const from = pair.keyNode.range[0];
    const to = pair.value.range[1];
    if (block.slice(from, to) !== text) edits.push({ from, to, text });
  }
  let text = block;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  if (append.length) text += (text === '' || text.endsWith('\n') ? '' : eol) + append.join('');
  // Check the result reads back to what we meant to write.
  const check = parseYaml(text);
  const expected = parseYaml(file.frontMatter.map(([, v]) => v).join('\n'));
  if (!check.ok || check.root?.kind !== 'map' || !expected.ok) {
    return { ok: false, error: `the front matter could not be updated without breaking it; fix it by hand, then ${file.again}`, line: 1, why: { code: 'front-matter-would-break', fileType: file.type } };
  }
  const valueOf = (root: YamlNode | null, k: string) => JSON.stringify(toJS(getPair(root, k)?.value ?? null));
  for (const [k] of file.frontMatter) {
    if (valueOf(check.root, k) !== valueOf(expected.root, k)) {
      return { ok: false, error: `the front matter's \`${k}\` could not be updated in place; fix it by hand, then ${file.again}`, line: 1, why: { code: 'front-matter-key', key: k, fileType: file.type } };
    }
  }
  return { ok: true, text };
}
