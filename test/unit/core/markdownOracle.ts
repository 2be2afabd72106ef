// An independent check that Markdown we write stays inert: render it with markdown-it as VS Code's
// preview does (raw HTML allowed, as VS Code, Obsidian and Foam allow it) and list every tag or
// attribute in the output that plain Markdown syntax could not have produced. markdown-it escapes
// text, so every `<` left in its output is a tag it generated or raw HTML it passed through.
// markdown-it comes with @vscode/vsce (a pinned devDependency).
import { createRequire } from 'node:module';

interface MarkdownIt {
  render(source: string): string;
}
const load = createRequire(__filename);
const MarkdownItClass = load('markdown-it') as new (options: { html: boolean; linkify: boolean }) => MarkdownIt;
const md = new MarkdownItClass({ html: true, linkify: true });

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
 * Tags and attributes in the rendered HTML that Markdown syntax alone would not produce. Our own
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
