// The codicons the sidebar shows, and nothing else: esbuild.mjs ships only these rules of
// @vscode/codicons' codicon.css (34 KB → under 2 KB, about 5 KB less in the .vsix). A name missing
// here is a type error at its icon() call. Keep one quoted name per entry: esbuild.mjs reads them.
export const CODICONS = [
  'add',
  'arrow-down',
  'arrow-left',
  'arrow-right',
  'arrow-up',
  'check',
  'checklist',
  'clock',
  'close',
  'comment-discussion',
  'debug-step-over',
  'graph',
  'heart',
  'layers',
  'lightbulb',
  'list-ordered',
  'pass-filled',
  'play',
  'pulse',
  'save',
  'target',
  'trash',
] as const;

export type CodiconName = (typeof CODICONS)[number];
