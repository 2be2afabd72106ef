// Copy Call Summary: Markdown, plain text for a CRM field, objectives as CSV.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { CallNote } from '../../../../src/core/note/model';
import { csvField, exportCall, objectivesCsv, objectivesCsvHeader, summaryMarkdown, summaryPlainText, wrap } from '../../../../src/core/plan/export';
import { realistic } from '../note/noteFixtures';

const names = {
  valueDriverName: (id: string) => ({ 'increase-operational-efficiencies': 'Increase Operational Efficiencies', 'deliver-better-products-faster': 'Deliver Better Products Faster' })[id] ?? id,
  stageTitle: (id: string) => id[0]!.toUpperCase() + id.slice(1),
};

/** RFC 4180 reader, strict: for checking what we write. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(text.slice(i))![0];
      field = m;
      i += m.length;
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    assert.equal(text.slice(i, i + 2), '\r\n', `rows end with CRLF (at ${i})`);
    i += 2;
    rows.push(row);
    row = [];
    if (i >= text.length) return rows;
  }
}

describe('call summary export', () => {
  it('Markdown: the facts, then the sections that have content', () => {
    const md = summaryMarkdown(realistic, names);
    assert.ok(md.startsWith('## Acme discovery\n\n**Customer:** Acme Corp · **Date:** 2026-11-24 · **Type:** discovery · **Length:** 47 min · **Attendees:** Dana Reyes (VP Eng), Sam Ito\n'));
    assert.deepEqual(md.split('\n').filter((l) => l.startsWith('### ')), ['### Objectives', '### Pain points', '### Metrics', '### Stage adoption', '### Use-case health', '### Action items']);
    assert.ok(md.includes('- Release weekly instead of monthly (Not started; owner Dana Reyes; due 2027-03-31; 6-month horizon; Increase Operational Efficiencies)\n'));
    assert.ok(md.includes('| Verify | 40% | runners, pipelines-25 | Adopted |\n'));
    assert.ok(md.includes('| Deployment frequency | Deliver Better Products Faster | Count of prod deploys &#124; per month | 1 → 4 | deploys/month |\n'));
    assert.ok(md.includes('- Book a CI review with Sam (done)\n'));
    const bare: CallNote = { ...realistic, objectives: [], adoption: [], metrics: [], health: [], sections: [], actionItems: [] };
    assert.equal(summaryMarkdown(bare), '## Acme discovery\n\n**Customer:** Acme Corp · **Date:** 2026-11-24 · **Type:** discovery · **Length:** 47 min · **Attendees:** Dana Reyes (VP Eng), Sam Ito\n');
  });

  it('Markdown: text from the call stays inert', () => {
    const evil = '<img src=x onerror=alert(1)> ![t](http://e/t.png)';
    const note: CallNote = { ...realistic, title: '# <b>x</b>', objectives: [{ ...realistic.objectives[0]!, text: `- [ ] ${evil}` }], actionItems: [{ text: '> quoted\nline', done: false }] };
    const md = summaryMarkdown(note);
    assert.doesNotMatch(md, /<(img|b)/);
    assert.doesNotMatch(md, /!\[/);
    assert.ok(md.includes('- &#45; &#91; ] &lt;img'), 'no nested task');
    assert.ok(md.includes('- &gt; quoted line\n'), 'no quote, one line');
  });

  it('plain text: no Markdown syntax, wrapped at 80 columns with hanging indents', () => {
    const text = summaryPlainText(realistic, names);
    assert.ok(text.startsWith('Call summary: Acme discovery\nCustomer: Acme Corp\nDate: 2026-11-24\nType: discovery\nLength: 47 min\nAttendees: Dana Reyes (VP Eng), Sam Ito\n\nObjectives:\n'));
    assert.ok(text.includes('- Release weekly instead of monthly (Not started; owner Dana Reyes; due\n  2027-03-31; 6-month horizon; Increase Operational Efficiencies)\n'));
    assert.ok(text.includes('Stage adoption:\n- Verify: 40% of teams, Adopted (criteria met: runners, pipelines-25)\n- Release: Not started\n'));
    assert.ok(text.includes('Use-case health:\n- CI: Yellow, Runners flaky during deploys\n'));
    for (const line of text.split('\n')) {
      assert.ok([...line].length <= 80, line);
      assert.doesNotMatch(line, /^#|\*\*|^\||^> |\[[ x]\]|^ *\d+\. /, line);
      assert.doesNotMatch(line, /[ \t]$/, 'no trailing space');
    }
  });

  it('plain text: control and bidi characters are dropped, and long words are not cut', () => {
    const long = 'x'.repeat(120);
    const note: CallNote = { ...realistic, actionItems: [{ text: `a\u202eb\u0000c\u2028d ${long} e`, done: false }] };
    const text = summaryPlainText(note, { width: 40 });
    assert.doesNotMatch(text, /[\u202e\u0000\u2028]/);
    assert.ok(text.includes(`- a b c d\n  ${long}\n  e\n`), text);
    assert.deepEqual(wrap('', 10, '- '), ['-']);
  });

  it('CSV: RFC 4180 with CRLF rows and a header, quoting what needs it', () => {
    const note: CallNote = {
      ...realistic,
      title: 'Q1, "kick-off"',
      objectives: [...realistic.objectives, { text: 'Line one\nline two', status: 'at-risk', origin: 'tagged', owner: ' Lee ', due: '', horizon: 24, valueDriver: 'x' }],
    };
    const csv = objectivesCsv(note, names);
    const rows = readCsv(csv);
    assert.deepEqual(rows[0], objectivesCsvHeader);
    assert.deepEqual(rows[1], ['Acme Corp', '2026-11-24', 'Q1, "kick-off"', 'Release weekly instead of monthly', 'Not started', 'Dana Reyes', '2027-03-31', '6', 'Increase Operational Efficiencies', 'five-whys']);
    assert.deepEqual(rows[3], ['Acme Corp', '2026-11-24', 'Q1, "kick-off"', 'Line one\nline two', 'At risk', ' Lee ', '', '24', 'x', 'tagged']);
    assert.ok(csv.includes(',"Q1, ""kick-off""",'));
    assert.equal(rows.length, 4);
  });

  it('CSV: cells that a spreadsheet would run as a formula get a leading quote', () => {
    for (const [value, written] of [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=x', "'\t=x"],
      ['=HYPERLINK("http://e","x")', `"'=HYPERLINK(""http://e"",""x"")"`],
      ['a=b', 'a=b'],
      ['', ''],
    ] as const) {
      assert.equal(csvField(value), written, JSON.stringify(value));
    }
  });

  it('CSV: any objective text reads back exactly, never starting a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const note: CallNote = { ...realistic, objectives: [{ ...realistic.objectives[0]!, text }] };
        const cell = readCsv(objectivesCsv(note))[1]![3]!;
        assert.equal(/^[=+\-@\t\r]/.test(text) ? cell.slice(1) : cell, text);
        assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });

  it('exportCall picks the format', () => {
    assert.equal(exportCall(realistic, 'markdown', names), summaryMarkdown(realistic, names));
    assert.equal(exportCall(realistic, 'text', names), summaryPlainText(realistic, names));
    assert.equal(exportCall(realistic, 'csv', names), objectivesCsv(realistic, names));
  });
});
