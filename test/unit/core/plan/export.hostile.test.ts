// The hostile corpus in the call summary export (src/core/plan/export.ts): the Markdown summary
// renders as nothing but Markdown, plain text for a CRM field carries no control or direction
// characters and keeps every word, and the objectives CSV reads back field for field, with
// formula-like cells neutralised.
import { strict as assert } from 'node:assert';
import { unescapeText } from '../../../../src/core/markdown';
import { objectivesCsv, objectivesCsvHeader, summaryMarkdown, summaryPlainText } from '../../../../src/core/plan/export';
import { HOSTILE_RAW_LINES, HOSTILE_TEXTS, labelled } from '../../../fixtures/hostile';
import { hostileNote } from '../../../fixtures/hostileNote';
import { unsafeHtml } from '../markdownOracle';

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; rows end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      for (i++; ; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`junk after a quoted field at ${i}`);
    } else if (text[i] === ',') (row.push(field), (field = ''), i++);
    else if (text.startsWith('\r\n', i)) (row.push(field), rows.push(row), (row = []), (field = ''), (i += 2));
    else if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
    else field += text[i++];
  }
  if (field || row.length) throw new Error('the last row has no CRLF');
  return rows;
}

/** What a spreadsheet must see: the text, with a leading quote if it would start a formula. */
const neutralised = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('hostile corpus: the call summary export', () => {
  for (const { label, text } of labelled([...HOSTILE_TEXTS, ...HOSTILE_RAW_LINES])) {
    it(`Markdown, plain text and CSV stay inert and keep the text: ${label}`, () => {
      const note = hostileNote(text, text.trim() ? text : `${text}x`);

      const markdown = summaryMarkdown(note);
      assert.deepEqual(unsafeHtml(markdown), [], 'markdown-it (HTML on) renders nothing but Markdown');
      for (const line of markdown.split('\n')) {
        if (line.startsWith('#')) assert.match(line, /^## |^### (Objectives|Pain points|Metrics|Stage adoption|Use-case health|Action items|Follow-ups)$/, 'only the summary’s own headings');
        assert.doesNotMatch(line, /^[ \t]*(?:>|[-*+][ \t]+\[[ xX]\]|<!--)/, `no quote, task or comment from the call: ${JSON.stringify(line).slice(0, 80)}`);
      }
      assert.doesNotMatch(markdown, RAW_CONTROLS);
      assert.ok(unescapeText(markdown).includes(`**Customer:** ${flat(text)}`), 'the customer reads as given, on one line');

      const plain = summaryPlainText(note);
      assert.doesNotMatch(plain, RAW_CONTROLS, 'no control, separator or direction characters for a CRM field');
      const words = flat(text.replace(new RegExp(RAW_CONTROLS.source, 'g'), ' ')).split(' ').filter(Boolean);
      for (const word of words) assert.ok(plain.includes(word), `the word ${JSON.stringify(word)} is kept whole`);

      const rows = parseCsv(objectivesCsv(note));
      assert.deepEqual(rows[0], objectivesCsvHeader);
      const o = note.objectives[0]!;
      assert.deepEqual(rows.slice(1), [[note.customer, note.date, note.title, o.text, 'At risk', o.owner, o.due, '6', o.valueDriver, o.origin].map(neutralised)]);
    });
  }
});
