// Independent checks that the Markdown we write stays inert, with three renderers that many
// readers of a note or plan use:
//   - markdown-it configured as VS Code's Markdown preview (markdown-language-features: raw HTML on,
//     `markdown.preview.linkify` on and `markdown.preview.typographer` off by default);
//   - marked with GFM (what many static sites, wikis and tools use);
//   - unified: remark-parse + remark-gfm + remark-rehype (allowDangerousHtml) + rehype-raw +
//     rehype-stringify, without a sanitizer.
// They are test oracles only (devDependencies), never shipped.
//
// unsafeHtml is the quick markdown-it check. structureProblems compares a document with its
// skeleton: the same document with every user text replaced by a plain "x" (see skeletonOf). Any
// heading, rule, list, table, code, quote, image, checkbox, HTML element or comment the hostile
// document has and its skeleton has not came from user text. Links are checked one by one: a link
// the skeleton does not have must be an http, https or mailto autolink of a URL in the text, with
// no quote or ellipsis stuck to its end.
import { createRequire } from 'node:module';

interface MarkdownIt {
  render(source: string): string;
}
const load = createRequire(__filename);
const MarkdownItClass = load('markdown-it') as new (options: { html: boolean; linkify: boolean; typographer: boolean }) => MarkdownIt;
const md = new MarkdownItClass({ html: true, linkify: true, typographer: false });

/** Tags Markdown syntax itself produces (CommonMark + GFM tables and strikethrough). */
const MARKDOWN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 's', 'code', 'pre', 'hr', 'br', 'a']);

const ATTRIBUTE = /([^\s=]+)\s*=\s*"([^"]*)"/g;

function attributeProblems(tag: string, attrs: string): string[] {
  const out: string[] = [];
  const rest = attrs.replace(ATTRIBUTE, (_, name: string, value: string) => {
    const ok =
      (tag === 'a' && name === 'href' && /^(https?:|mailto:|#|[^:]*$)/i.test(value)) ||
      (tag === 'ol' && name === 'start' && /^\d+$/.test(value)) ||
      ((tag === 'th' || tag === 'td') && name === 'style' && /^text-align:(left|right|center)$/.test(value)) ||
      (tag === 'code' && name === 'class' && /^language-/.test(value));
    if (!ok) out.push(`<${tag} ${name}="${value}">`);
    return '';
  });
  if (rest.trim() !== '' && rest.trim() !== '/') out.push(`<${tag}${attrs}> (unparsed attributes)`);
  return out;
}

/** The HTML markdown-it makes of `markdown`. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** Call Coach's own anchor and region comments, which markdown-it passes through as HTML blocks. */
const OWN_COMMENT = /^<!-- call-coach:(?:(?:section|prompt) [^<>]*|actions|(?:begin|end) [a-z-]+) -->$/gm;

/**
 * Tags and attributes in markdown-it's HTML that Markdown syntax alone would not produce. Our own
 * anchor comments are allowed (count them separately: only the real ones may be there).
 */
export function unsafeHtml(markdown: string): string[] {
  const html = md.render(markdown).replace(OWN_COMMENT, '');
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    const tag = m[2]!.toLowerCase();
    if (!MARKDOWN_TAGS.has(tag)) problems.push(`<${m[1]}${m[2]}${m[3]}>`);
    else if (!m[1]) problems.push(...attributeProblems(tag, m[3]!));
  }
  // Anything that opens a tag without closing it, or a comment, is raw HTML too.
  if (/<!--|<[A-Za-z][^>]*$/.test(html)) problems.push('raw HTML comment or unterminated tag');
  return problems;
}

// ---- three renderers ---------------------------------------------------------------------------

export type RendererName = 'markdown-it' | 'marked' | 'remark';
type Render = (markdown: string) => string;
let renderers: [RendererName, Render][] | undefined;

/** Loads marked and the unified pipeline (ES modules only); call once, in a `before` hook. */
export async function loadRenderers(): Promise<void> {
  if (renderers) return;
  const { Marked } = await import('marked');
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const remarkRehype = (await import('remark-rehype')).default;
  const rehypeRaw = (await import('rehype-raw')).default;
  const rehypeStringify = (await import('rehype-stringify')).default;
  const marked = new Marked({ gfm: true, async: false });
  const remark = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeStringify);
  renderers = [
    ['markdown-it', (s) => md.render(s)],
    ['marked', (s) => marked.parse(s) as string],
    ['remark', (s) => String(remark.processSync(s))],
  ];
}

/** The HTML each renderer makes of `markdown`. */
export function renderAll(markdown: string): { renderer: RendererName; html: string }[] {
  if (!renderers) throw new Error('call loadRenderers() first');
  return renderers.map(([renderer, render]) => ({ renderer, html: render(markdown) }));
}

/** What an HTML document holds, as far as inertness goes. */
interface Structure {
  /** Opening tags by name (comments as `!--`). */
  tags: Map<string, number>;
  /** Every link: its href and its text, both decoded. */
  links: { href: string; text: string }[];
  /** Attributes on tags that Markdown writes without any (p, em, strong, del, s, br): raw HTML. */
  attributed: string[];
  /** Every other URL attribute (src, action, formaction, xlink:href…), decoded. */
  urls: string[];
}

/**
 * Tags that user text may legitimately produce through Markdown syntax it is allowed to keep:
 * paragraphs (a blank line inside an answer), emphasis (`*`, `_`) and strikethrough (`~`). They are
 * counted like every other tag unless the text has that syntax (see structureProblems' `allow`).
 */
const FORMATTING = new Set(['p', 'em', 'strong', 'del', 's']);
/** What each formatting tag needs in the user text to be explained by Markdown syntax. */
const FORMATTING_SYNTAX: Record<string, RegExp> = { p: /\n/, em: /[*_]/, strong: /[*_]/, del: /~/, s: /~/ };

/** The formatting tags `texts` may produce (every other tag must match the skeleton's count). */
export function formattingFrom(texts: readonly string[]): Set<string> {
  return new Set([...FORMATTING].filter((tag) => texts.some((t) => FORMATTING_SYNTAX[tag]!.test(t))));
}

function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()]!;
  });
}

const TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

function structureOf(html: string): Structure {
  const tags = new Map<string, number>();
  const add = (tag: string) => tags.set(tag, (tags.get(tag) ?? 0) + 1);
  const links: { href: string; text: string }[] = [];
  const urls: string[] = [];
  const attributed: string[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, () => {
    add('!--');
    return '';
  });
  for (const m of withoutComments.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    add(tag);
    if ((FORMATTING.has(tag) || tag === 'br') && m[2]!.replace(/\/$/, '').trim()) attributed.push(`<${tag}${m[2]}>`);
    for (const a of m[2]!.matchAll(/([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
      const name = a[1]!.toLowerCase();
      const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      if (tag === 'a' && name === 'href') {
        // The link's text: everything up to its </a>, tags dropped (autolinks have none).
        const rest = withoutComments.slice(m.index + m[0].length);
        const end = rest.search(/<\/a\s*>/i);
        links.push({ href: value, text: decodeEntities((end < 0 ? rest : rest.slice(0, end)).replace(/<[^>]*>/g, '')) });
      } else if (/^(src|srcset|action|formaction|xlink:href|href|poster|background|data)$/.test(name)) urls.push(value);
    }
  }
  return { tags, links, urls, attributed };
}

/**
 * Whether a link is an autolink of the URL its text shows: the text is the href itself, or the
 * href with the `mailto:` or `http://` an autolinker adds to an address or a `www.` host (marked
 * and remark percent-encode what markdown-it does not, so both are compared decoded).
 */
function isAutolink(href: string, text: string): boolean {
  const decoded = (s: string) => {
    try {
      return decodeURI(s);
    } catch {
      return s;
    }
  };
  const h = decoded(href);
  const t = decoded(text);
  return [t, `mailto:${t}`, `http://${t}`, `https://${t}`].includes(h);
}

/** A scheme that runs or embeds something, however it is spelt (browsers drop controls and spaces). */
const DANGEROUS = /^(?:javascript|vbscript|data|file):/i;
/** Closing quotes, guillemets and an ellipsis stuck to an autolink, percent-encoded or not. */
const STUCK_PUNCTUATION = /[“”‘’«»…]|%E2%80%(?:9[89CD]|A6|B9|BA)|%C2%(?:AB|BB)/i;

/**
 * What `markdown` has, in each renderer, that its skeleton (the same document with every user text
 * replaced by "x") has not: structure that came from user text, raw HTML, dangerous URLs, and links
 * that are not a plain http, https or mailto autolink of the URL they show. Every tag is counted,
 * except the formatting tags in `allow` (see formattingFrom: emphasis a `*` in an answer may make).
 * Empty when the document is inert.
 */
export function structureProblems(markdown: string, skeleton: string, allow: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  const skeletons = new Map(renderAll(skeleton).map((r) => [r.renderer, structureOf(r.html)]));
  for (const { renderer, html } of renderAll(markdown)) {
    const got = structureOf(html);
    const want = skeletons.get(renderer)!;
    for (const tag of new Set([...got.tags.keys(), ...want.tags.keys()])) {
      if (tag === 'a' || allow.has(tag)) continue;
      const n = got.tags.get(tag) ?? 0;
      const expected = want.tags.get(tag) ?? 0;
      if (n !== expected) problems.push(`${renderer}: ${n} <${tag}> where the template has ${expected}`);
    }
    for (const a of got.attributed) if (!want.attributed.includes(a)) problems.push(`${renderer}: raw HTML ${a.slice(0, 80)}`);
    const own = want.links.map((l) => l.href);
    for (const { href, text } of got.links) {
      const i = own.indexOf(href);
      if (i >= 0) {
        own.splice(i, 1);
        continue;
      }
      const clean = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      if (DANGEROUS.test(clean)) problems.push(`${renderer}: a dangerous link ${JSON.stringify(href).slice(0, 80)}`);
      else if (!/^(?:https?:\/\/|mailto:)/i.test(clean)) problems.push(`${renderer}: a link the template did not write: ${JSON.stringify(href).slice(0, 80)}`);
      else if (STUCK_PUNCTUATION.test(href)) problems.push(`${renderer}: an autolink with punctuation stuck to it: ${JSON.stringify(href).slice(0, 120)}`);
      else if (!isAutolink(href, text)) problems.push(`${renderer}: a link whose text is not its URL (not an autolink): ${JSON.stringify(text).slice(0, 60)} -> ${JSON.stringify(href).slice(0, 80)}`);
    }
    if (own.length) problems.push(`${renderer}: the template's links ${JSON.stringify(own).slice(0, 120)} are gone`);
    for (const url of got.urls) {
      if (!want.urls.includes(url)) problems.push(`${renderer}: a URL attribute the template did not write: ${JSON.stringify(url).slice(0, 80)}`);
    }
  }
  return problems;
}

/**
 * `value` with every string replaced by "x" ('' stays ''), except under the keys in `keep` (ids,
 * enums, file names: what shapes the document rather than fills it). Shared objects stay shared,
 * so code that compares identities (the first call is the latest) renders the same structure.
 */
export function skeletonOf<T>(value: T, keep: ReadonlySet<string>): T {
  const seen = new Map<object, unknown>();
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return key !== undefined && keep.has(key) ? v : v === '' ? '' : 'x';
    if (typeof v !== 'object' || v === null) return v;
    const known = seen.get(v);
    if (known) return known;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(walk(item, key));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, item] of Object.entries(v)) out[k] = walk(item, k);
    return out;
  };
  return walk(value, undefined) as T;
}
