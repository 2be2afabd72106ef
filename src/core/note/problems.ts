// Why a call note cannot be read, as a code and its facts, beside the English `error` the CLI and
// success-plan.md's skipped-notes list print; the extension words it in the display language
// (host/plan/noteProblemText.ts). Front matter keys and YAML stay as written: they are the file's.

/** The front matter's record lists, by what one item is. */
export type NoteRecord = 'objective' | 'stage-score' | 'metric' | 'health';

export type NoteProblem =
  | { code: 'unreadable'; detail: string }
  | { code: 'no-front-matter' }
  | { code: 'front-matter-open' }
  | { code: 'damaged-anchor' }
  | { code: 'anchor-without-heading'; kind: 'section' | 'prompt'; line: number }
  | { code: 'question-outside-section'; line: number }
  | { code: 'two-action-anchors' }
  | { code: 'no-answer'; question: string; line: number }
  | { code: 'unknown-tag'; word: string; tags: string[] }
  | { code: 'front-matter-too-big'; kb: number; max: number }
  | { code: 'front-matter-yaml'; detail: string }
  | { code: 'front-matter-alias' }
  | { code: 'front-matter-not-mapping' }
  | { code: 'missing-key'; key: string }
  | { code: 'not-text'; key: string }
  | { code: 'not-list'; key: string }
  | { code: 'item-not-text'; key: string }
  | { code: 'wrong-type'; type: string; expected: string }
  | { code: 'bad-date'; date: string }
  | { code: 'bad-duration'; value: string }
  | { code: 'record-not-mapping'; list: string; required: string[] }
  | { code: 'record-missing'; record: NoteRecord; key: string }
  | { code: 'record-not-text'; record: NoteRecord; key: string }
  | { code: 'record-not-list'; record: NoteRecord; key: string }
  | { code: 'record-item-not-text'; record: NoteRecord; key: string }
  | { code: 'not-one-of'; field: 'objective-status' | 'objective-origin' | 'stage-status' | 'health-color'; value: string; allowed: string[] }
  | { code: 'bad-horizon'; value: string; allowed: string[] }
  | { code: 'bad-percent'; value: string };
