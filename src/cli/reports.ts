// How `call-coach validate` prints what it found: `file:line:col: message` lines (text, what
// editors' problem matchers read), JUnit XML or GitLab's Code Quality JSON (what merge request
// widgets read). Pure.
import { createHash } from 'node:crypto';

export const reportFormats = ['text', 'junit', 'codequality'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface Finding {
  /** Relative to the workspace, `/`-separated. */
  file: string;
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
  kind: 'bank' | 'note';
}

export interface Checked {
  /** Every file checked, with its kind, so JUnit can list the ones that passed too. */
  files: { file: string; kind: 'bank' | 'note' }[];
  findings: Finding[];
}

/** One line per finding; warnings say so, errors are the plain form. */
export function textReport({ findings }: Checked): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.col}: ${f.severity === 'warning' ? 'warning: ' : ''}${oneLine(f.message)}\n`).join('');
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

const xml = (s: string) =>
  s
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** JUnit XML: one test suite per kind, one test case per file; a file's errors are its failure. */
export function junitReport({ files, findings }: Checked): string {
  const suites = (['bank', 'note'] as const).map((kind) => {
    const ofKind = files.filter((f) => f.kind === kind);
    let failures = 0;
    const cases = ofKind.map(({ file }) => {
      const errors = findings.filter((f) => f.file === file && f.severity === 'error');
      if (!errors.length) return `    <testcase classname="${kind}s" name="${xml(file)}" file="${xml(file)}"/>`;
      failures++;
      const body = errors.map((f) => `${f.file}:${f.line}:${f.col}: ${oneLine(f.message)}`).join('\n');
      return `    <testcase classname="${kind}s" name="${xml(file)}" file="${xml(file)}">\n      <failure type="error" message="${xml(oneLine(errors[0]!.message))}">${xml(body)}</failure>\n    </testcase>`;
    });
    return { xml: `  <testsuite name="call-coach ${kind}s" tests="${ofKind.length}" failures="${failures}" errors="0">\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`, tests: ofKind.length, failures };
  });
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="call-coach validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}

/** GitLab Code Quality report: a JSON array of issues (a subset of the Code Climate format). */
export function codeQualityReport({ findings }: Checked): string {
  const issues = findings.map((f) => ({
    description: oneLine(f.message),
    check_name: `call-coach-${f.kind}`,
    fingerprint: createHash('sha256').update(`${f.kind}\n${f.file}\n${f.line}\n${f.col}\n${f.message}`).digest('hex'),
    severity: f.severity === 'error' ? 'major' : 'minor',
    location: { path: f.file, lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}

export function report(format: ReportFormat, checked: Checked): string {
  return format === 'junit' ? junitReport(checked) : format === 'codequality' ? codeQualityReport(checked) : textReport(checked);
}
