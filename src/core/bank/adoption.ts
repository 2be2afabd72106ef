// The stage adoption rule: from the share of the account using a stage and the stage's criteria the
// customer meets, its status (adopted, pilot, not started). Pure; the rule data comes from the stage
// bank's `adoption` block (questions/stage-*.yaml).
//
// The handbook: "a stage is adopted when more than 25% of the account uses it as its criteria
// define; less than roughly 25% is presumed to be a pilot or work in progress". So:
//
//   adopted      percent > thresholdPercent (strictly: 25% exactly is still a pilot)
//                AND the criteria hold: every `requires` entry has at least `atLeast` checked
//                criteria in its group (or among all the stage's criteria when it names no group);
//                a stage without `requires` needs at least one checked criterion.
//   pilot        not adopted, but percent > 0 or at least one criterion is checked.
//   not-started  otherwise (percent 0 or not asked, and nothing checked).
//
// Decisions where the handbook is silent:
//   - The share alone never makes a stage adopted: "as its criteria define" means the criteria are
//     the evidence, so 80% with no criterion checked is a pilot. The scorecard shows which
//     requirement is missing (`unmet`), so the CSM sees why and ticks the box if it holds.
//   - The share not asked (null) is not "above 25%": criteria alone make at most a pilot.
//   - Criterion ids the bank does not know (a renamed criterion in an old note) count for nothing;
//     duplicates count once.
import type { Adoption } from './schema';
import type { AdoptionStatus } from '../note/model';

export interface AdoptionCheck {
  status: AdoptionStatus;
  /** The requirements not met, as the CSM reads them (the bank's description, or a made-up one). */
  unmet: string[];
}

/** How the made-up requirements are worded (the sidebar passes its display language's). */
export interface AdoptionWords {
  share(thresholdPercent: number): string;
  atLeast(count: number, criteria: string): string;
}

const ENGLISH: AdoptionWords = {
  share: (threshold) => `more than ${threshold}% of teams or projects using the stage`,
  atLeast: (count, criteria) => `at least ${count} of: ${criteria}`,
};

/** Checks a stage's criteria and share against its rule. */
export function checkAdoption(adoption: Adoption, percent: number | null, criteria: readonly string[], words: AdoptionWords = ENGLISH): AdoptionCheck {
  const checked = new Set(criteria);
  const met = adoption.criteria.filter((c) => checked.has(c.id));
  const unmet: string[] = [];
  const requires = adoption.requires?.length ? adoption.requires : [{ atLeast: 1, group: undefined, description: undefined }];
  for (const r of requires) {
    const pool = r.group === undefined ? adoption.criteria : adoption.criteria.filter((c) => c.group === r.group);
    const count = met.filter((c) => pool.includes(c)).length;
    if (count >= r.atLeast) continue;
    unmet.push(r.description ?? (pool.length === 1 ? pool[0]!.text : words.atLeast(r.atLeast, pool.map((c) => c.text).join('; '))));
  }
  const share = percent !== null && Number.isFinite(percent) ? percent : null;
  if (share === null || share <= adoption.thresholdPercent) {
    unmet.unshift(words.share(adoption.thresholdPercent));
  }
  if (unmet.length === 0) return { status: 'adopted', unmet };
  if ((share !== null && share > 0) || met.length > 0) return { status: 'pilot', unmet };
  return { status: 'not-started', unmet };
}

/** The stage's status by its rule (see the top of this file). */
export function adoptionStatus(adoption: Adoption, percent: number | null, criteria: readonly string[]): AdoptionStatus {
  return checkAdoption(adoption, percent, criteria).status;
}
