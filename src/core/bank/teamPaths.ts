// Where a team keeps its banks: `.callcoach/questions/` in each workspace folder, plus the
// workspace-relative files or folders listed in the `callCoach.questionBanks` setting.

/** The folder, inside each workspace folder, that is always searched for team banks. */
export const TEAM_BANK_FOLDER = ['.callcoach', 'questions'] as const;

/** Bank files are YAML. */
export const isBankFileName = (name: string): boolean => /\.ya?ml$/i.test(name);

export type BankPathCheck = { ok: true; segments: string[] } | { ok: false; error: string };

/**
 * Checks one `callCoach.questionBanks` entry: a relative path inside the workspace folder, `/`
 * or `\` separated, to a bank file or a folder of them.
 */
export function checkBankPath(entry: unknown): BankPathCheck {
  const bad = (why: string): BankPathCheck => ({ ok: false, error: `callCoach.questionBanks entry ${JSON.stringify(entry)} ${why}; use a path inside the workspace folder, such as "team/banks" or "team/banks/discovery.yaml"` });
  if (typeof entry !== 'string') return bad('is not a string');
  if (!entry.trim()) return bad('is empty');
  if (entry.includes('\u0000')) return bad('contains a NUL character');
  if (/^[\\/]/.test(entry) || /^[A-Za-z]:/.test(entry)) return bad('is an absolute path');
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(entry)) return bad('looks like a URI');
  const segments = entry.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return bad('uses "..", which would leave the workspace folder');
  if (segments[0] === '~') return bad('starts with "~", which is not expanded to your home folder');
  if (!segments.length) return bad('names no file or folder');
  return { ok: true, segments };
}

/**
 * One glob, relative to a workspace folder, matching every place a change to team banks can
 * show up: each bank path, everything below it, and each folder above it. The folders above
 * matter because a file watcher may report only the top folder of a tree created in one go
 * (a `git pull`, `mkdir -p`), never the files inside it; a change there is the cue to look again.
 * Glob syntax has no escapes, so the characters it treats specially match as `?`.
 */
export function bankWatchGlob(paths: readonly (readonly string[])[]): string {
  const alternatives = new Set<string>();
  for (const segments of paths) {
    const safe = segments.map((s) => s.replace(/[{}[\]*?,!]/g, '?'));
    for (let i = 1; i <= safe.length; i++) alternatives.add(safe.slice(0, i).join('/'));
    if (safe.length) alternatives.add(`${safe.join('/')}/**`);
  }
  return `{${[...alternatives].join(',')}}`;
}
