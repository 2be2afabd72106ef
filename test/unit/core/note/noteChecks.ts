// The checks every hostile call note must pass (shared by the note and team bank tests): written as
// the host writes it (UTF-8 bytes), read back exactly, and nothing in it acting as HTML, front
// matter, an anchor or a task, by our parser and by markdown-it.
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import type { CallNote } from '../../../../src/core/note/model';
import { parseNote } from '../../../../src/core/note/parse';
import { renderNote } from '../../../../src/core/note/render';
import { unsafeHtml } from '../markdownOracle';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
/** A line a task-list renderer (GitHub, Obsidian, Foam) would show as a checkbox, quoted or not. */
const TASK_LINE = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+\[[ xX]\]/;

/** The note exactly as the host writes it (TextEncoder) and reads it (TextDecoder). */
function throughFile(markdown: string): string {
  assert.doesNotMatch(markdown, LONE_SURROGATE, 'a lone surrogate would become U+FFFD on disk');
  return new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(markdown));
}

/** Checks the written note: exact round trip and nothing live in it. Returns the Markdown. */
export function assertInertRoundTrip(note: CallNote): string {
  const markdown = renderNote(note);
  const parsed = parseNote(throughFile(markdown));
  if (!parsed.ok) assert.fail(`the note does not read back: ${parsed.error} (line ${parsed.line})`);
  assert.deepEqual(parsed.note, note);

  const lines = markdown.split('\n');
  assert.equal(lines[0], '---');
  const close = lines.indexOf('---', 1);
  // The front matter ends where we ended it, and holds exactly the properties (as Obsidian reads it).
  const props = parseYaml(lines.slice(1, close).join('\n'), { uniqueKeys: true }) as Record<string, unknown>;
  const { sections: _s, actionItems: _a, ...fields } = note;
  assert.deepEqual(props, { type: 'call-note', ...fields });

  const body = lines.slice(close + 1);
  const entries = note.sections.reduce((n, s) => n + s.entries.length, 0);
  assert.equal(body.filter((l) => l.startsWith('<!--')).length, note.sections.length + entries + 1, 'only the real anchors');
  assert.equal(body.filter((l) => TASK_LINE.test(l)).length, note.actionItems.length, 'only the real tasks');
  assert.doesNotMatch(markdown, RAW_CONTROLS, 'no raw control, separator or bidi characters');
  assert.deepEqual(unsafeHtml(body.join('\n')), [], 'markdown-it (HTML on) renders nothing but Markdown');
  return markdown;
}
