// Why Call Coach left success-plan.md or portfolio.md as it is, in the display language. Core words
// it in English for the CLI and the log (core/plan/generatedFile.ts, updatePlan.ts) and keeps the
// facts (GeneratedProblem); markers and YAML are quoted as the file has them.
import * as vscode from 'vscode';
import { assertNever } from '../../core/assertNever';
import { beginMarker, endMarker, type GeneratedProblem } from '../../core/plan/generatedFile';
import { PORTFOLIO_TYPE } from '../../core/portfolio/portfolioFile';
import { displayNumber } from '../displayFormat';

const code = (s: string) => `\`${s}\``;
const n = (line: number) => displayNumber(line);

/** What to do once the file is fixed by hand. */
function again(fileType: string): string {
  return fileType === PORTFOLIO_TYPE ? vscode.l10n.t('update the portfolio again') : vscode.l10n.t('update the plan again');
}

function what(fileType: string): string {
  return fileType === PORTFOLIO_TYPE ? vscode.l10n.t('the portfolio') : vscode.l10n.t('the success plan');
}

export function generatedProblemText(why: GeneratedProblem): string {
  switch (why.code) {
    case 'not-utf8':
      return vscode.l10n.t('the file is not UTF-8 text, so Call Coach leaves it as it is; save it as UTF-8, then {0}.', again(why.fileType));
    case 'front-matter-open':
      return vscode.l10n.t('the front matter is not closed: add a line with only {0} after its properties', code('---'));
    case 'front-matter-yaml':
      // The YAML parser's own words (English).
      return vscode.l10n.t('the front matter is not valid YAML ({0}); fix it by hand, then {1}', why.detail, again(why.fileType));
    case 'front-matter-not-mapping':
      return vscode.l10n.t('the front matter must be a YAML mapping of {0} lines', code('key: value'));
    case 'front-matter-type':
      return vscode.l10n.t('the front matter says {0}, but this file is where Call Coach keeps {1} ({2}); rename your file or fix its type', code(`type: ${why.found ?? '…'}`), what(why.fileType), code(`type: ${why.fileType}`));
    case 'front-matter-would-break':
      return vscode.l10n.t('the front matter could not be updated without breaking it; fix it by hand, then {0}', again(why.fileType));
    case 'front-matter-key':
      return vscode.l10n.t("the front matter's {0} could not be updated in place; fix it by hand, then {1}", code(why.key), again(why.fileType));
    case 'marker-like':
      return vscode.l10n.t('line {0} looks like a Call Coach region marker but is not exactly {1} or {2} at the start of a line; restore it or delete it', n(why.line), code(beginMarker('NAME')), code(endMarker('NAME')));
    case 'unknown-region':
      return vscode.l10n.t('line {0} marks an unknown region "{1}"; the regions are {2}', n(why.line), why.region, why.regions.join(', '));
    case 'region-unended-before':
      return vscode.l10n.t('the region "{0}" that begins on line {1} has no end marker before the next region begins on line {2}; add {3} where it ends', why.region, n(why.line), n(why.next), code(endMarker(why.region)));
    case 'region-twice':
      return vscode.l10n.t('the region "{0}" appears twice (again on line {1}); delete one of the two', why.region, n(why.line));
    case 'stray-end':
      return why.open
        ? vscode.l10n.t('line {0} ends the region "{1}", which is not the one open ("{2}", from line {3}); restore its {4} or delete this line', n(why.line), why.region, why.open.region, n(why.open.line), code(beginMarker(why.region)))
        : vscode.l10n.t('line {0} ends the region "{1}", which has not begun; restore its {2} or delete this line', n(why.line), why.region, code(beginMarker(why.region)));
    case 'region-unended':
      return vscode.l10n.t('the region "{0}" that begins on line {1} has no end; add {2} where it ends', why.region, n(why.line), code(endMarker(why.region)));
    default:
      return assertNever(why);
  }
}
