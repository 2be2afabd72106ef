// Dates and numbers as the user's display language writes them (vscode.env.language), for what
// the UI shows only: notes, plans and the portfolio on disk keep their stable ISO dates.
import * as vscode from 'vscode';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** The display language when Intl knows it (a pseudo locale such as qps-ploc falls back to the default). */
function locale(): string | undefined {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([vscode.env.language]).length ? vscode.env.language : undefined;
  } catch {
    return undefined;
  }
}

/** "2024-03-07" as the display language writes a date ("7 Mar 2024", "07.03.2024"…); anything else as it is. */
export function displayDate(iso: string): string {
  const day = ISO_DAY.exec(iso);
  const month = day ? undefined : ISO_MONTH.exec(iso);
  const parts = day ?? month;
  if (!parts) return iso;
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, day ? Number(parts[3]) : 1));
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = day ? { dateStyle: 'medium', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(), options).format(date);
}

/** A count or figure with the display language's digit grouping and decimal sign. */
export function displayNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/**
 * "a", "a and b", "a, b and c" in the display language. The translators' words rather than
 * Intl.ListFormat, whose English ("a, b, and c") is not the English the rest of the UI writes.
 */
export function displayList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  const head = parts.slice(0, -1).reduce((a, b) => vscode.l10n.t('{0}, {1}', a, b));
  return vscode.l10n.t('{0} and {1}', head, parts[parts.length - 1]!);
}
