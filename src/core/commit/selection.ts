// Which changes a "Commit Success Plan Notes" stages and commits. Pure: the host maps the Git
// extension's changes to RepoChange (paths are URI paths, '/'-separated) and acts on the plan.
//
// The staging rule: only new and modified files under the notes folder are staged, never the note
// writer's temporary files; deletions are left for the CSM to decide. A commit takes everything
// in the index, so when files outside the notes folder are already staged the plan refuses
// (otherStaged) rather than commit them or unstage someone's work.

export type ChangeGroup = 'index' | 'workingTree' | 'untracked' | 'merge';
export type ChangeKind = 'added' | 'modified' | 'deleted' | 'untracked' | 'other';

export interface RepoChange {
  path: string;
  group: ChangeGroup;
  kind: ChangeKind;
}

export interface NotesCommitPlan {
  /** New or modified note files to `add`. */
  toStage: string[];
  /** Note files already in the index; they go into the commit too. */
  alreadyStaged: string[];
  /** Staged files outside the notes folder: the commit would take them, so it must not run. */
  otherStaged: string[];
  /** Unmerged files: no commit is possible until the merge is resolved. */
  conflicted: string[];
  /** Deleted note files, which are not staged. */
  deletions: string[];
}

/**
 * The note writer's temporary files (`.<hex>.call-coach.tmp`, renamed into place once written):
 * one left behind by a crash is a partial note, never something to commit.
 */
const TEMP_FILE = /(^|\/)\.[^/]*\.call-coach\.tmp$/;

/** Whether `path` lies strictly inside `folder` (both '/'-separated, no trailing slash needed). */
export function isUnder(folder: string, path: string): boolean {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(base) && path.length > base.length;
}

export function planNotesCommit(changes: readonly RepoChange[], notesFolder: string): NotesCommitPlan {
  const plan: NotesCommitPlan = { toStage: [], alreadyStaged: [], otherStaged: [], conflicted: [], deletions: [] };
  for (const c of changes) {
    if (c.group === 'merge') plan.conflicted.push(c.path);
    else if (c.group === 'index') {
      (isUnder(notesFolder, c.path) ? plan.alreadyStaged : plan.otherStaged).push(c.path);
    }
  }
  for (const c of changes) {
    if ((c.group !== 'workingTree' && c.group !== 'untracked') || !isUnder(notesFolder, c.path) || TEMP_FILE.test(c.path)) continue;
    if (c.kind === 'deleted') plan.deletions.push(c.path);
    else if (c.kind === 'modified' || c.kind === 'untracked' || c.kind === 'added') {
      if (!plan.toStage.includes(c.path)) plan.toStage.push(c.path);
    }
  }
  // A note staged and then changed again is in both lists; staging it again takes the change.
  for (const key of ['toStage', 'alreadyStaged', 'otherStaged', 'conflicted', 'deletions'] as const) plan[key].sort();
  return plan;
}

/** The customer folders (first segment under the notes folder) that the files belong to. */
export function customersOf(paths: readonly string[], notesFolder: string): string[] {
  const base = notesFolder.endsWith('/') ? notesFolder : `${notesFolder}/`;
  const names = paths
    .filter((p) => isUnder(notesFolder, p))
    .map((p) => p.slice(base.length).split('/'))
    .filter((segments) => segments.length > 1)
    .map((segments) => segments[0]!);
  return [...new Set(names)].sort();
}
