// `<notesFolder>/portfolio.md`: the CSM's document with Call Coach's generated regions in it, kept
// exactly like the success plan (generatedFile.ts): hand-written text outside the regions stays byte
// for byte, and a file with damaged markers is refused rather than guessed at.
import { yamlProperty } from '../note/frontMatter';
import { renderGeneratedFile, type GeneratedFile, type GeneratedRenderResult } from '../plan/generatedFile';
import type { Portfolio } from './model';
import { portfolioRegions, portfolioRegionText } from './regions';

export const PORTFOLIO_FILE = 'portfolio.md';
export const PORTFOLIO_TYPE = 'portfolio';

function portfolioFile(p: Portfolio, updated: string): GeneratedFile {
  return {
    type: PORTFOLIO_TYPE,
    what: 'the portfolio',
    again: 'update the portfolio again',
    frontMatter: [
      ['type', yamlProperty('type', PORTFOLIO_TYPE)],
      ['updated', yamlProperty('updated', updated, true)],
      ['customers', yamlProperty('customers', p.customers.length)],
    ],
    regions: portfolioRegions,
    regionText: portfolioRegionText(p),
    intro: [
      '# Portfolio',
      '',
      'Call Coach updates the sections between its `call-coach:begin` and `call-coach:end` comments from the call notes and success plans in this folder. Write your own sections anywhere outside them: they are kept as you wrote them.',
      '',
    ],
  };
}

/** portfolio.md's text: new, or `existingText` with its regions replaced. */
export function renderPortfolio(p: Portfolio, existingText?: string): GeneratedRenderResult {
  return renderGeneratedFile((updated) => portfolioFile(p, updated), p.today, existingText);
}
