// An in-memory index of call notes for the success-plan roll-up, the coverage gaps and the customer
// list. Pure: the host stats and reads the files and hands over their bytes.
//
// Per note file it keeps what buildPlan reads (the front matter and the action items), never the
// answers; for a note read on the fast path, compactly: the front matter as text (see FastNote). It is keyed by folder and file name and stamped with the
// file's mtime and size and a hash of its bytes, so:
//   - a file whose stamp is unchanged is neither read nor parsed again (`fresh`); a stamp that is
//     too close to the moment the file was read does not count as unchanged, since a write in the
//     same clock tick would not show in the mtime (Git's "racily clean" problem);
//   - a file that was read again but hashes the same (touched, checked out again) is not parsed again;
//     the hash is taken from a file's second read on: the first read parses anyway, and hashing every
//     note on a cold start (10,000 notes: ~20 ms) would only pay off for files touched later;
//   - only a changed file is parsed (`store`), and only its folder needs rolling up again.
//
// Reading a note (summarizeNote) gives exactly what parseNote gives for the fields above, error
// messages and lines included. The fast path covers notes as Call Coach writes them: it looks at the
// bytes as one char per byte (structure is ASCII), decodes only the front matter (read by
// readRenderedFrontMatter) and the action items, and checks the anchors, answers and Tags lines
// the way parseNote does. Anything it is not sure about — another line ending, a BOM, bytes that
// are not UTF-8, a hand-edited layout, an error — goes to parseNote on the whole text, decoded
// as the host decodes notes. test/unit/core/plan/noteIndex.test.ts holds the two to the same results.
import { readRenderedFrontMatter } from '../note/fastFrontMatter';
import type { FileStamp } from '../notesFolder';
import type { FrontMatterFields } from '../note/frontMatter';
import { answerTags, type ActionItem } from '../note/model';
import { unescapeText } from '../markdown';
import { parseNote } from '../note/parse';
import type { SkippedNote } from './model';
import type { PlanNote, RollupNote } from './rollup';
import { fnv1a, portableByteText, type ByteText } from './byteText';

/** A note as the index keeps it; see RollupNote. */
export type NoteSummary = RollupNote;

export type NoteRead = { ok: true; note: NoteSummary } | { ok: false; error: string; line?: number };

export { fnv1a, portableByteText, type ByteText } from './byteText';

// ---- Reading one note -----------------------------------------------------------------------------

const ACTIONS_LINE = '<!-- call-coach:actions -->';
const SECTION_PREFIX = '<!-- call-coach:section ';
const PROMPT_PREFIX = '<!-- call-coach:prompt ';
const TASK = /^[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$/;
const KNOWN_TAGS = new Set<string>(answerTags.map((t) => `#${t}`));

/** The note's summary, as parseNote would read it (see the top of this file). */
export function summarizeNote(bytes: Uint8Array, text: ByteText = portableByteText): NoteRead {
  return readStored(fastSummary(bytes, text) ?? slowSummary(bytes, text));
}

function slowSummary(bytes: Uint8Array, text: ByteText): NoteRead {
  const parsed = parseNote(text.decode(bytes));
  // parseNote's strings share the memory of the whole text; a JSON copy keeps only the summary's.
  return JSON.parse(JSON.stringify(parsed.ok ? { ok: true, note: summaryOf(parsed.note, parsed.note.actionItems) } : parsed)) as NoteRead;
}

/** The fields of a note (parsed, or its front matter read on the fast path) that the index keeps. */
function summaryOf(n: Omit<RollupNote, 'actionItems'>, actionItems: ActionItem[]): NoteSummary {
  return {
    title: n.title,
    customer: n.customer,
    date: n.date,
    callType: n.callType,
    attendees: n.attendees,
    techniques: n.techniques,
    stages: n.stages,
    objectives: n.objectives,
    adoption: n.adoption,
    metrics: n.metrics,
    health: n.health,
    durationMinutes: n.durationMinutes,
    actionItems,
  };
}

/** Whether `s` has a heading of exactly `level` on the line starting at `p` and ending at `end`. */
function isHeading(s: string, p: number, end: number, level: number): boolean {
  for (let k = 0; k < level; k++) if (s.charCodeAt(p + k) !== 35 /* # */) return false;
  if (p + level === end) return true;
  const c = s.charCodeAt(p + level);
  return c === 32 || c === 9;
}


const enum Anchor {
  Section,
  Prompt,
  Actions,
}

/**
 * The kind of the anchor line [a, end): exactly `<!-- call-coach:actions -->`, or
 * `<!-- call-coach:section …-->` / `<!-- call-coach:prompt …-->` (which ANCHOR in parse.ts
 * matches whatever the id); undefined for any other line that starts with `<!--`.
 */
function anchorKind(s: string, a: number, end: number): Anchor | undefined {
  if (!s.startsWith('<!-- call-coach:', a)) return undefined;
  const c = s.charCodeAt(a + 16);
  const length = end - a;
  if (c === 97 /* a */) return length === ACTIONS_LINE.length && s.startsWith('actions -->', a + 16) ? Anchor.Actions : undefined;
  const closed = s.charCodeAt(end - 1) === 62 && s.charCodeAt(end - 2) === 45 && s.charCodeAt(end - 3) === 45; // -->
  if (!closed) return undefined;
  if (c === 115 /* s */) return length >= SECTION_PREFIX.length + 3 && s.startsWith('section ', a + 16) ? Anchor.Section : undefined;
  if (c === 112 /* p */) return length >= PROMPT_PREFIX.length + 3 && s.startsWith('prompt ', a + 16) ? Anchor.Prompt : undefined;
  return undefined;
}

/** The newline before the next line (after `from`) that starts with `<!--`, or -1. */
function nextAnchor(s: string, from: number): number {
  for (let i = s.indexOf('<!--', from + 1); i >= 0; i = s.indexOf('<!--', i + 1)) {
    if (s.charCodeAt(i - 1) === 10) return i - 1;
  }
  return -1;
}

/**
 * A note read on the fast path, as the index keeps it: its front matter as text and its action
 * items, not the fields. Ten thousand notes' fields are a few hundred thousand small objects, and
 * holding them made the young-generation collector copy them again and again while the index was
 * built (half the time of a cold roll-up); one string per note is cheap to hold, and reading it
 * again when a plan is rolled up (readRenderedFrontMatter, ~5 µs) costs far less.
 */
class FastNote {
  /**
   * The fields as `store` read them, handed to the first `read` and then let go: the host rolls
   * a folder up right after indexing it, so they die young, and that first read costs nothing.
   */
  private first: FrontMatterFields | undefined;

  constructor(
    /** Known to be read by readRenderedFrontMatter. */
    readonly frontMatter: string,
    readonly actionItems: ActionItem[],
    fields: FrontMatterFields | undefined,
  ) {
    this.first = fields;
  }

  read(): NoteRead {
    const fields = this.first ?? readRenderedFrontMatter(this.frontMatter)!;
    this.first = undefined;
    return { ok: true, note: summaryOf(fields, this.actionItems) };
  }
}

/** What the index holds for a note: the fast path's compact form, or what parseNote read. */
type Stored = FastNote | NoteRead;
const readStored = (stored: Stored): NoteRead => (stored instanceof FastNote ? stored.read() : stored);

/** undefined: not sure, read the whole note with parseNote. */
function fastSummary(bytes: Uint8Array, text: ByteText): FastNote | undefined {
  // `---\n` first: no BOM, no CR line endings.
  if (bytes.length < 8 || bytes[0] !== 45 || bytes[1] !== 45 || bytes[2] !== 45 || bytes[3] !== 10) return undefined;
  const s = text.latin1(bytes);
  // No CR (parseNote turns a lone one into a line break), and no raw U+2028/U+2029 (UTF-8 E2 80
  // A8/A9): parse.ts's regexes treat them as line ends (`.` does not match them). We write neither.
  if (s.indexOf('\r') >= 0 || s.indexOf('\u00e2\u0080\u00a8') >= 0 || s.indexOf('\u00e2\u0080\u00a9') >= 0 || !text.isUtf8(bytes)) return undefined;
  // The closing fence: the first line that starts with `---` must be exactly `---`.
  const close = s.indexOf('\n---', 3); // index of the newline before it
  if (close < 0) return undefined;
  const afterFence = close + 4;
  if (afterFence < s.length && s.charCodeAt(afterFence) !== 10) return undefined;
  const frontMatter = close >= 4 ? text.utf8(bytes, 4, close) : '';
  const fields = readRenderedFrontMatter(frontMatter);
  if (!fields) return undefined;

  // The anchors: lines starting with `<!--` after the front matter, each right below its heading.
  let sectionSeen = false;
  let actionItems: ActionItem[] | undefined;
  let actionsFrom = -1;
  // The open prompt: where its lines start (after the anchor line).
  let openPrompt = -1;
  // `<` is escaped everywhere else in a note we write, so searching for it finds just the anchors.
  for (let at = nextAnchor(s, afterFence); ; at = nextAnchor(s, at + 1)) {
    const a = at + 1; // the anchor line's start, or 0 when there are no more anchors
    let headingStart = s.length; // where the open anchor's lines end: this anchor's heading, or EOF
    let kind: Anchor | undefined;
    let lineEnd = 0;
    if (a > 0) {
      lineEnd = s.indexOf('\n', a);
      if (lineEnd < 0) lineEnd = s.length;
      kind = anchorKind(s, a, lineEnd);
      if (kind === undefined) return undefined; // a damaged anchor or some other comment: parseNote decides
      // The heading right above (no blank line between), below the front matter.
      headingStart = s.lastIndexOf('\n', a - 2) + 1;
      if (headingStart <= afterFence || !isHeading(s, headingStart, a - 1, kind === Anchor.Prompt ? 3 : 2)) return undefined;
    }
    // Close the anchor before this one.
    if (openPrompt >= 0 && !answered(s, openPrompt, headingStart)) return undefined;
    openPrompt = -1;
    if (actionsFrom >= 0) {
      const regionEnd = a > 0 ? headingStart - 1 : s.length;
      actionItems = tasks(text.utf8(bytes, actionsFrom, Math.max(actionsFrom, regionEnd)));
      actionsFrom = -1;
    }
    if (a === 0) break;
    if (kind === Anchor.Section) sectionSeen = true;
    else if (kind === Anchor.Prompt) {
      if (!sectionSeen) return undefined;
      openPrompt = lineEnd + 1;
    } else {
      if (actionItems) return undefined; // two actions anchors: an error parseNote words
      actionsFrom = Math.min(lineEnd + 1, s.length);
      actionItems = [];
    }
  }
  return new FastNote(frontMatter, actionItems ?? [], fields);
}

/**
 * Whether a prompt's lines [from, end) hold an answer (a `>` line) and, after it, either no `Tags:`
 * line or a first one with known tags only — the cases where parseNote reads the entry without error.
 */
function answered(s: string, from: number, end: number): boolean {
  // As written: a blank line after the anchor, then the quote.
  let q = s.charCodeAt(from) === 10 && s.charCodeAt(from + 1) === 62 /* > */ ? from + 1 : s.indexOf('\n>', from - 1) + 1;
  if (q <= 0 || q >= end) return false;
  // Past the quoted lines.
  for (;;) {
    const nl = s.indexOf('\n', q);
    if (nl < 0 || nl + 1 >= end) return true; // the answer runs to the end: no Tags line
    q = nl + 1;
    if (s.charCodeAt(q) !== 62) break;
  }
  // The first `Tags:` line before `end`, line by line: the search must not run past `end`.
  for (let line = q; line < end; ) {
    if (s.startsWith('Tags:', line)) {
      let tagsEnd = s.indexOf('\n', line);
      if (tagsEnd < 0) tagsEnd = s.length;
      for (const word of s.slice(line + 5, tagsEnd).split(/[ \t]+/)) {
        if (word && !KNOWN_TAGS.has(word)) return false;
      }
      return true;
    }
    const nl = s.indexOf('\n', line);
    if (nl < 0) break;
    line = nl + 1;
  }
  return true;
}

/** The task lines of the actions part, as parseNote reads them. */
function tasks(region: string): ActionItem[] {
  const out: ActionItem[] = [];
  for (const line of region.split('\n')) {
    const c = line.charCodeAt(0);
    if (c !== 45 && c !== 42 && c !== 43) continue; // - * +
    const m = TASK.exec(line);
    if (m) out.push({ text: unescapeText(m[2] ?? ''), done: m[1] !== ' ' });
  }
  return out;
}

// ---- The index ------------------------------------------------------------------------------------

/** What the file system says about a file (defined with the notes folder, which takes it). */
export type { FileStamp } from '../notesFolder';

export interface IndexedNote {
  readonly file: string;
  readonly mtime: number;
  readonly size: number;
  /** A hash of the bytes; undefined after the file's first read (see the top of this file). */
  readonly hash: number | undefined;
  /** When the bytes were read (the index's clock). */
  readonly readAt: number;
  /** The summary, made afresh on each use from what the index holds (see FastNote). */
  readonly read: NoteRead;
}

class Entry implements IndexedNote {
  constructor(
    readonly file: string,
    readonly mtime: number,
    readonly size: number,
    readonly hash: number | undefined,
    readonly readAt: number,
    readonly stored: Stored,
  ) {}

  get read(): NoteRead {
    return readStored(this.stored);
  }
}

export interface NoteIndexOptions {
  text?: ByteText;
  /** A hash of a file's bytes; fnv1a by default. */
  hash?: (bytes: Uint8Array) => number;
  /** Milliseconds since the epoch, on the same clock as the files' mtimes. */
  now?: () => number;
  /**
   * Hash every file read, its first read included. For an index that is persisted (the CLI's
   * cache): a file whose stamp changed in between but whose bytes did not is then not parsed again.
   */
  hashEveryRead?: boolean;
}

/**
 * A note's entry as it is persisted between runs (JSON): its stamp and hash, and what the index
 * holds of it. Only for the same version of Call Coach that wrote it (the caller keys it so).
 */
export interface PersistedNote {
  file: string;
  mtime: number;
  size: number;
  hash?: number;
  readAt: number;
  /** Read on the fast path: the front matter text and the action items. */
  frontMatter?: string;
  actionItems?: ActionItem[];
  /** Read by parseNote (or unreadable): the summary or the error. */
  read?: NoteRead;
}

/**
 * A stamp this close to the moment the file was read (or later) may hide a second write in the
 * same tick; such a file is read again (and hashed) rather than trusted.
 */
export const RACY_MS = 2000;

export class NoteIndex {
  private readonly folders = new Map<string, Map<string, Entry>>();
  private readonly text: ByteText;
  private readonly hash: (bytes: Uint8Array) => number;
  private readonly now: () => number;
  private readonly hashEveryRead: boolean;
  /** Files parsed (not just hashed) since the index was made, and how many of them parseNote read. */
  parses = 0;
  slowParses = 0;

  constructor(options: NoteIndexOptions = {}) {
    this.text = options.text ?? portableByteText;
    this.hash = options.hash ?? fnv1a;
    this.now = options.now ?? Date.now;
    this.hashEveryRead = options.hashEveryRead ?? false;
  }

  /** The entry for folder/file when its stamp says the file has not changed since it was read. */
  fresh(folder: string, file: string, stamp: FileStamp): IndexedNote | undefined {
    const e = this.folders.get(folder)?.get(file);
    return e && e.mtime === stamp.mtime && e.size === stamp.size && stamp.mtime < e.readAt - RACY_MS ? e : undefined;
  }

  /** The entry for folder/file whatever its stamp (undefined when never stored). */
  get(folder: string, file: string): IndexedNote | undefined {
    return this.folders.get(folder)?.get(file);
  }

  /** Records a file just read; parses it only when its bytes differ from the ones indexed. */
  store(folder: string, file: string, stamp: FileStamp, bytes: Uint8Array, readAt = this.now()): IndexedNote {
    let notes = this.folders.get(folder);
    if (!notes) this.folders.set(folder, (notes = new Map()));
    const was = notes.get(file);
    const hash = was || this.hashEveryRead ? this.hash(bytes) : undefined;
    let stored: Stored | undefined = was && was.hash === hash && was.size === bytes.length ? was.stored : fastSummary(bytes, this.text);
    if (!stored) {
      stored = slowSummary(bytes, this.text);
      this.slowParses++;
    }
    if (stored !== was?.stored) this.parses++;
    const entry = new Entry(file, stamp.mtime, stamp.size, hash, readAt, stored);
    notes.set(file, entry);
    return entry;
  }

  delete(folder: string, file: string): void {
    const notes = this.folders.get(folder);
    notes?.delete(file);
    if (notes && !notes.size) this.folders.delete(folder);
  }

  /** Forgets the files of `folder` that are not in `files` (deleted or renamed since). */
  retain(folder: string, files: Iterable<string>): void {
    const notes = this.folders.get(folder);
    if (!notes) return;
    const keep = new Set(files);
    for (const file of notes.keys()) if (!keep.has(file)) notes.delete(file);
    if (!notes.size) this.folders.delete(folder);
  }

  /** A folder's entries, by file name. */
  folder(folder: string): IndexedNote[] {
    const notes = this.folders.get(folder);
    return notes ? [...notes.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) : [];
  }

  /** A folder's entries as they are persisted (see PersistedNote). */
  persistFolder(folder: string): PersistedNote[] {
    const notes = this.folders.get(folder);
    if (!notes) return [];
    return [...notes.values()].map((e) => {
      const base = { file: e.file, mtime: e.mtime, size: e.size, readAt: e.readAt, ...(e.hash === undefined ? {} : { hash: e.hash }) };
      return e.stored instanceof FastNote ? { ...base, frontMatter: e.stored.frontMatter, actionItems: e.stored.actionItems } : { ...base, read: e.stored };
    });
  }

  /** Puts back a folder's persisted entries (replacing what the index had for the folder). */
  restoreFolder(folder: string, persisted: readonly PersistedNote[]): void {
    const notes = new Map<string, Entry>();
    for (const p of persisted) {
      const stored: Stored | undefined = p.frontMatter !== undefined && p.actionItems ? new FastNote(p.frontMatter, p.actionItems, undefined) : p.read;
      if (stored) notes.set(p.file, new Entry(p.file, p.mtime, p.size, p.hash, p.readAt, stored));
    }
    if (notes.size) this.folders.set(folder, notes);
    else this.folders.delete(folder);
  }

  /** Whether any file of `folder` is indexed. */
  holds(folder: string): boolean {
    return this.folders.has(folder);
  }

  folderNames(): string[] {
    return [...this.folders.keys()];
  }

  get size(): number {
    let n = 0;
    for (const notes of this.folders.values()) n += notes.size;
    return n;
  }

}

/** A folder's notes and unreadable files for buildPlan, as readCustomerNotes gives them. */
export function planInput(entries: readonly IndexedNote[]): { notes: PlanNote[]; skipped: SkippedNote[] } {
  const notes: PlanNote[] = [];
  const skipped: SkippedNote[] = [];
  for (const e of entries) {
    const read = e.read; // made afresh on each use: once
    if (read.ok) notes.push({ file: e.file, note: read.note });
    else skipped.push(read.line === undefined ? { file: e.file, error: read.error } : { file: e.file, error: read.error, line: read.line });
  }
  return { notes, skipped };
}
