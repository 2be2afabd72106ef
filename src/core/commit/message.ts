// The commit message for plan notes, from the `callCoach.commitMessageTemplate` setting.

export const DEFAULT_COMMIT_TEMPLATE = 'Success plan notes: ${customers} (${notes}, ${date})';

export interface CommitFacts {
  /** Customer folder names, e.g. ["acme", "globex"]. */
  customers: readonly string[];
  /** YYYY-MM-DD, the CSM's local date. */
  date: string;
  /** How many note files the commit holds. */
  count: number;
}

const MAX_NAMED = 3;

function customerList(customers: readonly string[]): string {
  if (!customers.length) return 'no customer';
  if (customers.length <= MAX_NAMED) return customers.join(', ');
  return `${customers.slice(0, MAX_NAMED).join(', ')} and ${customers.length - MAX_NAMED} more`;
}

/**
 * Fills `${customers}`, `${date}`, `${count}` and `${notes}` ("1 note", "3 notes"). Unknown
 * variables stay as written, so a typo shows in the commit rather than vanishing. A blank
 * template falls back to the default.
 */
export function commitMessage(template: string, facts: CommitFacts): string {
  const values: Record<string, string> = {
    customers: customerList(facts.customers),
    date: facts.date,
    count: String(facts.count),
    notes: `${facts.count} ${facts.count === 1 ? 'note' : 'notes'}`,
  };
  const source = template.trim() ? template : DEFAULT_COMMIT_TEMPLATE;
  return source.replace(/\$\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole).trim();
}
