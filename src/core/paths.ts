// Safe file and folder names for notes, as path segments (string arrays) rather than path strings:
// the host joins them with vscode.Uri.joinPath, so no separator handling happens here and nothing
// here depends on Node's `path` (this module also runs in the browser bundle).
//
// Every name produced here is valid on Windows, macOS and Linux, because notes live in Git
// repositories that are cloned everywhere: no separators, no reserved device names, no trailing dot
// or space, never `.` or `..`, never empty.

export const MAX_SLUG_LENGTH = 60;
const MAX_SEGMENT_LENGTH = 255;

/** Windows device names, reserved with any extension and in any case (`CON.txt`, `com1.md`). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/** Windows would open a device instead of a file for this name. */
export function isReservedName(name: string): boolean {
  const base = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
  return RESERVED.test(base);
}

/** Combining marks that only add a diacritic to a Latin, Greek or Cyrillic letter (é -> e). */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
/** A run of letters and digits, with the marks that belong to them (Devanagari vowel signs…). */
const WORD = /(?:[\p{L}\p{N}]\p{M}*)+/gu;

function slugCore(text: string): string {
  const words = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC').match(WORD);
  if (!words) return '';
  let slug = words.join('-');
  if (slug.length > MAX_SLUG_LENGTH) {
    let end = MAX_SLUG_LENGTH;
    const c = slug.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
    slug = slug.slice(0, end).replace(/-+$/, '');
  }
  return slug;
}

/**
 * A file-name-safe slug: NFKC, lowercase, diacritics removed where they decompose, every run of
 * anything but letters, digits (and their combining marks) turned into one `-`, trimmed, at most
 * 60 UTF-16 code units. Falls back to `fallback` (slugified) and then to "untitled" when nothing is
 * left; a Windows device name gets `-1` appended.
 */
export function slugify(text: string, fallback: string): string {
  const slug = slugCore(text) || slugCore(fallback) || 'untitled';
  return isReservedName(slug) ? `${slug}-1` : slug;
}

const WINDOWS_FORBIDDEN = /[<>:"|?*\u0000-\u001f]/;

export type FolderCheck = { ok: true; segments: string[] } | { ok: false; error: string };

/**
 * Checks the `callCoach.notesFolder` setting: a relative path inside the workspace, `/` or `\`
 * separated. Empty segments (`a//b`, a trailing `/`) and `.` segments are dropped.
 */
export function validateNotesFolder(setting: string): FolderCheck {
  const example = 'write a folder inside the workspace, such as `success-plans` or `docs/customers`';
  const bad = (what: string): FolderCheck => ({ ok: false, error: `callCoach.notesFolder ${what}; ${example}` });
  if (setting.includes('\u0000')) return bad('contains a NUL character');
  if (setting.trim() === '') return bad('is empty');
  if (/^[\\/]/.test(setting)) return bad(`"${setting}" is an absolute path (it starts with a slash)`);
  if (/^[A-Za-z]:/.test(setting)) return bad(`"${setting}" starts with a drive letter, which makes it absolute`);
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(setting)) return bad(`"${setting}" looks like a URI; it must be a plain relative path`);
  const segments: string[] = [];
  for (const segment of setting.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return bad('uses "..", which would leave the workspace folder');
    if (segment === '~') return bad('starts with "~", which is not expanded to your home folder');
    if (WINDOWS_FORBIDDEN.test(segment)) {
      return bad(`has the folder name "${segment}", which contains a character Windows does not allow in names (< > : " | ? * or a control character)`);
    }
    if (/[ .]$/.test(segment)) return bad(`has the folder name "${segment}", which ends with a dot or a space; remove it`);
    if (isReservedName(segment)) return bad(`has the folder name "${segment}", which is a reserved device name on Windows; choose another name`);
    if (segment.length > MAX_SEGMENT_LENGTH) return bad(`has a folder name longer than ${MAX_SEGMENT_LENGTH} characters`);
    segments.push(segment);
  }
  if (!segments.length) return bad(`"${setting}" names no folder`);
  return { ok: true, segments };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `[...folder, <customer-slug>, <YYYY-MM-DD>-<title-slug>.md]`; from attempt 2 on, `-<attempt>` is
 * added before `.md` so a second call with the same title on the same day gets its own file.
 */
export function noteRelativePath(notesFolderSegments: readonly string[], customer: string, date: string, title: string, attempt = 1): string[] {
  const day = ISO_DATE.test(date) ? date : slugify(date, 'undated');
  const n = Number.isSafeInteger(attempt) && attempt > 1 ? `-${attempt}` : '';
  return [...notesFolderSegments, slugify(customer, 'customer'), `${day}-${slugify(title, 'call')}${n}.md`];
}

/** `[...folder, <customer-slug>, 'success-plan.md']`. */
export function successPlanRelativePath(notesFolderSegments: readonly string[], customer: string): string[] {
  return [...notesFolderSegments, slugify(customer, 'customer'), 'success-plan.md'];
}

/** A single, harmless path segment: not empty, `.`, `..`, and without separators or NUL. */
export function isSafeSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[\\/\u0000]/.test(segment);
}

/** `segments` names something strictly below `folderSegments`, with no segment that could climb out. */
export function isInside(folderSegments: readonly string[], segments: readonly string[]): boolean {
  if (segments.length <= folderSegments.length) return false;
  if (!folderSegments.every((s, i) => segments[i] === s)) return false;
  return segments.every(isSafeSegment);
}
