// The commit message for plan notes, from the `callCoach.commitMessageTemplate` setting, and the
// words for what a commit holds ("1 call note and the success plan"), which the notification uses too.
import { isNoteFileName, PLAN_FILE } from '../notesFolder';
import { PORTFOLIO_FILE } from '../portfolio/portfolioFile';
import { counted } from '../text';
import { isUnder } from './selection';

export const DEFAULT_COMMIT_TEMPLATE = 'Success plan notes: ${customers} (${notes}, ${date})';

/** What a commit of the notes folder holds, by kind of file. */
export interface CommitContents {
  /** Call notes (`<customer>/<date>-<title>.md`). */
  callNotes: number;
  /** Success plans (`<customer>/success-plan.md`). */
  plans: number;
  /** The portfolio (`portfolio.md` at the notes folder's top): 0 or 1. */
  portfolio: number;
  /** Anything else under the notes folder (a usage snapshot, a file the CSM added). */
  other: number;
}

export interface CommitFacts {
  /** The customers the files belong to, as their notes name them ("Acme Corp"), sorted. */
  customers: readonly string[];
  /** YYYY-MM-DD, the CSM's local date. */
  date: string;
  /** What the commit holds. */
  contents: CommitContents;
}

/** Sorts the committed files (paths '/'-separated, under `notesFolder`) by kind. */
export function commitContents(paths: readonly string[], notesFolder: string): CommitContents {
  const base = notesFolder.endsWith('/') ? notesFolder : `${notesFolder}/`;
  const contents: CommitContents = { callNotes: 0, plans: 0, portfolio: 0, other: 0 };
  for (const path of paths) {
    const segments = isUnder(notesFolder, path) ? path.slice(base.length).split('/') : [];
    const name = segments[segments.length - 1] ?? '';
    if (segments.length === 1 && name === PORTFOLIO_FILE) contents.portfolio++;
    else if (segments.length === 2 && name === PLAN_FILE) contents.plans++;
    else if (segments.length === 2 && isNoteFileName(name)) contents.callNotes++;
    else contents.other++;
  }
  return contents;
}

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * What a commit holds, in words. English by default: the commit message (Git history, the CLI) and
 * the unit tests; the extension's notification passes its display language's (host/git/commitWords.ts).
 */
export interface ContentsWords {
  callNotes(n: number): string;
  plans(n: number): string;
  /** One plan, when the commit is about one customer. */
  thePlan: string;
  portfolio: string;
  otherFiles(n: number): string;
  /** Nothing at all. */
  none: string;
  /** "a", "a and b", "a, b and c". */
  list(parts: readonly string[]): string;
}

export const ENGLISH_CONTENTS: ContentsWords = {
  callNotes: (n) => counted(n, 'call note'),
  plans: (n) => counted(n, 'success plan'),
  thePlan: 'the success plan',
  portfolio: 'the portfolio',
  otherFiles: (n) => counted(n, 'other file'),
  none: 'no files',
  list: listed,
};

/**
 * What changed, in words: "1 call note and the success plan", "3 call notes, 2 success plans and
 * the portfolio". One plan is "the success plan" when the commit is about one customer.
 */
export function describeContents(contents: CommitContents, customerCount: number, words: ContentsWords = ENGLISH_CONTENTS): string {
  const parts: string[] = [];
  if (contents.callNotes) parts.push(words.callNotes(contents.callNotes));
  if (contents.plans) parts.push(contents.plans === 1 && customerCount <= 1 ? words.thePlan : words.plans(contents.plans));
  if (contents.portfolio) parts.push(words.portfolio);
  if (contents.other) parts.push(words.otherFiles(contents.other));
  return parts.length ? words.list(parts) : words.none;
}

const MAX_NAMED = 3;

function customerList(customers: readonly string[]): string {
  if (!customers.length) return 'no customer';
  if (customers.length <= MAX_NAMED) return listed(customers);
  return `${customers.slice(0, MAX_NAMED).join(', ')} and ${customers.length - MAX_NAMED} more`;
}

/**
 * Fills `${customers}` (the customers' names: "Acme Corp and Globex"), `${date}`, `${count}` (how
 * many files) and `${notes}` (what they are: "1 call note and the success plan"). Unknown variables
 * stay as written, so a typo shows in the commit rather than vanishing. A blank template falls back
 * to the default.
 */
export function commitMessage(template: string, facts: CommitFacts): string {
  const { callNotes, plans, portfolio, other } = facts.contents;
  const values: Record<string, string> = {
    customers: customerList(facts.customers),
    date: facts.date,
    count: String(callNotes + plans + portfolio + other),
    notes: describeContents(facts.contents, facts.customers.length),
  };
  const source = template.trim() ? template : DEFAULT_COMMIT_TEMPLATE;
  return source.replace(/\$\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole).trim();
}
