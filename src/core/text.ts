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
