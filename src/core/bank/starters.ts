// Starter files written by "Call Coach: New Question Bank": valid as written, and commented so a
// team lead can change them without reading the schema.

export type StarterKind = 'technique' | 'overrides';

export function starterBank(kind: StarterKind, id: string): string {
  return kind === 'technique' ? techniqueStarter(id) : overridesStarter(id);
}

function techniqueStarter(id: string): string {
  return `# A team question bank for Call Coach. Files in .callcoach/questions/ (and any path in the
# callCoach.questionBanks setting) load beside the built-in banks, and changes show at once.
# Problems appear in the Problems panel at the line to fix. Banks are data only: nothing here runs.

# A unique id: lower-case letters, digits and single dashes. It must not match a built-in bank's id.
id: ${id}
# technique (a set of questions for any call), stage (one DevOps stage, with adoption criteria)
# or checklist.
kind: technique
title: Our Team Questions
# One or two sentences: when to use these questions and what they get you.
summary: >-
  Questions our team asks on every discovery call, in the order we like to ask them.
# The page these questions come from (url is optional and must be https://).
source:
  title: Our team playbook
# Lower comes first in the technique list (built-ins use 100 to 1000).
order: 900
prompts:
  # Each prompt needs an id (unique in this bank), the text the CSM says, and a one-line hint.
  - id: ${id}-goals
    text: What would make the next quarter a success for {team}?
    hint: Listen for a measurable outcome you can write down as an objective.
    # {team} above is a placeholder the CSM fills in during the call.
    placeholders:
      team: { label: Team, example: Platform team }
    # The tag an answer gets by default: objective, pain-point, metric, action-item or follow-up.
    tag: objective
    followUps:
      - id: ${id}-goals-measure
        when: if they name a goal
        text: How would you measure that today?
        hint: No measure yet is an opening to agree one together.
  - id: ${id}-teams
    text: Roughly what share of your teams use it today?
    hint: Above 25% of the account counts as adopted; below is a pilot.
    # text (default), number, percent or choice (then list choices).
    answer: percent
`;
}

function overridesStarter(id: string): string {
  return `# Team wording for built-in questions. Each entry names a prompt by its id and gives only the
# fields to change (text, hint, note, tag, answer, choices, unit, placeholders, or "when" for a
# follow-up); everything else stays as built in. Find ids with "Call Coach: Browse All Questions".
# Problems appear in the Problems panel at the line to fix. Nothing here runs: it is data only.
id: ${id}
kind: overrides
title: Our wording
overrides:
  - prompt: manage-cycle-time
    hint: We track cycle time in GitLab Value Stream Analytics; ask which dashboards they use.
  # If two banks use the same prompt id, add "bank:" with the bank's id to say which one.
  - prompt: manage-group-efficiency
    text: How do you measure efficiency across your groups today?
    tag: metric
`;
}
