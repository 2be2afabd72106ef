// The sidebar's words, dates and numbers in the display language. The host sends the strings
// (src/host/webviewStrings.ts, from l10n/bundle.l10n.json) and the language as its first message
// after `ready`; nothing is painted before it, and the view has no English of its own.
import type { UiStringId, UiStrings } from '../uiStrings';

let strings: Partial<UiStrings> = {};
let locale: string | undefined;

export function setStrings(language: string, table: UiStrings): void {
  strings = table;
  try {
    // A pseudo locale (qps-ploc) or one the browser lacks falls back to its default.
    locale = Intl.NumberFormat.supportedLocalesOf([language]).length ? language : undefined;
  } catch {
    locale = undefined;
  }
}

/** A count as the display language writes it. */
export const num = (n: number): string => new Intl.NumberFormat(locale).format(n);

/** The string `id` with {0}, {1}… filled in (numbers formatted for the display language). */
export function t(id: UiStringId, ...args: (string | number)[]): string {
  return (strings[id] ?? '').replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? whole : typeof value === 'number' ? num(value) : value;
  });
}

/** `one` for 1, else `many` with the count as {0} (and `args` after it). */
export function tn(n: number, one: UiStringId, many: UiStringId, ...args: (string | number)[]): string {
  return n === 1 ? t(one, ...args) : t(many, n, ...args);
}

/** "2026-03-07" as the display language writes a date; anything else as it is. */
export function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const when = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(when.getTime()) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(when);
}
