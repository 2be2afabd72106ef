// Plain-text helpers every part of the domain shares: the call, the note, the plan, the question
// browser and the exports. No Markdown here (see markdown.ts) and no imports, so the webview can
// use them too.

/** Normalises captured text: one newline convention, no NULs (they break files and YAML). */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
}

/** Text on one line: runs of whitespace (newlines too) as one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Captured text for a one-line field (questions, topics, action items): cleaned, then on one line. */
export function cleanLine(text: string): string {
  return oneLine(cleanText(text));
}

/** "40%", or "" when not asked. */
export function percentText(p: number | null): string {
  return p === null ? '' : `${Math.round(p * 10) / 10}%`;
}

/** "12 → 30", "12 → ?" or "" when neither is known. */
export function baselineToTarget(baseline: string, target: string): string {
  if (!baseline && !target) return '';
  return `${baseline || '?'} → ${target || '?'}`;
}

/**
 * Whether the text ends in something a Markdown autolinker would take for a link (a URL, a
 * `www.` or bare domain, an address): punctuation right after it would become part of the link
 * (`https://example.com/dash”` links to `…/dash%E2%80%9D`), so derived punctuation keeps a space.
 */
export function endsInLink(text: string): boolean {
  const word = /\S+$/.exec(text)?.[0] ?? '';
  return /[A-Za-z][A-Za-z0-9+.-]*:|www\.|\/\/|@|[A-Za-z0-9-]\.[A-Za-z]{2,}(?:[/?#:]|$)/.test(word);
}

/** Text in curly quotes, “like this”; a space before the closing quote when the text ends in a link. */
export function quoted(text: string): string {
  return `“${text}${endsInLink(text) ? ' ' : ''}”`;
}

/**
 * At most `max` UTF-16 units, ending in "…" when cut. Never splits a surrogate pair, and never
 * leaves half a link: a cut link is dropped, so nothing links to a wrong address.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  let cut = text.slice(0, end);
  // A link the cut goes through is dropped whole.
  const start = cut.search(/\S+$/);
  if (start >= 0 && !/\s/.test(text[end] ?? ' ') && endsInLink(/^\S+/.exec(text.slice(start))![0])) cut = cut.slice(0, start);
  cut = cut.trimEnd();
  return `${cut}${endsInLink(cut) ? ' ' : ''}…`;
}

/** "1 answer", "3 answers", "1 use-case health": `n` and the noun in the number it takes. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
