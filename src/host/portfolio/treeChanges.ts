// What the Customers tree must be told after some customers were read again: as little as
// possible. A whole-tree change makes VS Code forget which element each row stands for until it
// has asked for every row again, so a context menu opened on a row just before (Start Call on the
// customer whose plan was just written) would run its command with no customer. So: when no row
// moved, only the changed rows; when rows moved between or within groups but the groups are the
// same, only those groups; everything only when groups came or went. No `vscode` here: the view
// turns the answer into its own (same, long-lived) group and customer objects.

/** A group as the tree shows it: its id and its customers' folders, in order. */
export interface LaidOutGroup<Id extends string = string> {
  id: Id;
  folders: readonly string[];
}

export type TreeChange<Id extends string = string> =
  /** Groups came, went or changed places: the whole tree. */
  | { all: true }
  /** Groups whose rows changed (added, removed or reordered) and rows changed in place. */
  | { all: false; groups: Id[]; customers: string[] };

/**
 * `before`: what the tree was last given (empty when it never asked); `after`: what it shows now;
 * `changed`: the customer folders read again.
 */
export function treeChange<Id extends string>(before: readonly LaidOutGroup<Id>[], after: readonly LaidOutGroup<Id>[], changed: Iterable<string>): TreeChange<Id> {
  if (before.length !== after.length || before.some((g, i) => g.id !== after[i]!.id)) return { all: true };
  const groups: Id[] = [];
  const customers: string[] = [];
  const wanted = new Set(changed);
  after.forEach((g, i) => {
    const old = before[i]!.folders;
    if (old.length !== g.folders.length || old.some((f, j) => f !== g.folders[j])) groups.push(g.id);
    else customers.push(...g.folders.filter((f) => wanted.has(f)));
  });
  return { all: false, groups, customers };
}
