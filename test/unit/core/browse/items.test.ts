// The question browser's contents: the stage list, a stage's questions, every question grouped
// by bank, and the Markdown it inserts or shows. Built on the real built-in banks.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCatalog, type BankFile, type Catalog } from '../../../../src/core/bank/catalog';
import { stageIds } from '../../../../src/core/bank/constants';
import { allQuestions, questionLabel, sharedRule, stageChoices, stageQuestions, type QuestionItem } from '../../../../src/core/browse/items';
import { adoptionCriteriaMarkdown, inlineMarkdown, questionList } from '../../../../src/core/browse/markdown';

const questionsDir = path.resolve(__dirname, '../../../../../questions');
const builtInFiles: BankFile[] = fs
  .readdirSync(questionsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(questionsDir, f), 'utf8') }));

function catalog(...extra: BankFile[]): Catalog {
  const c = buildCatalog([...builtInFiles, ...extra]);
  assert.deepEqual(c.problems, []);
  return c;
}

describe('question browser contents', () => {
  it('lists the ten stages in lifecycle order, each with its adoption rule', () => {
    const stages = stageChoices(catalog().banks);
    assert.deepEqual(
      stages.map((s) => s.stage),
      [...stageIds],
    );
    assert.deepEqual(stages.map((s) => s.label), ['Manage', 'Plan', 'Create', 'Verify', 'Package', 'Secure', 'Release', 'Configure', 'Monitor', 'Govern']);
    const manage = stages[0]!;
    assert.match(manage.rule, /^A stage is adopted when more than 25% of the account uses it/);
    assert.doesNotMatch(manage.rule, /\n/);
    // The row shows what differs first: not the 25% opening every stage shares, nor the stage's name.
    assert.equal(manage.description, 'using 2 of the following, Code Analytics and Insights, and Value Stream Management.');
    assert.ok(stages.every((s) => !s.description.startsWith('A stage is adopted') && !s.description.includes('(Since 2023-06-15')));
    assert.match(stages.find((s) => s.stage === 'verify')!.description, /^without data in version\.gitlab\.com, ask whether they have made instance-level shared Runner/);
    assert.deepEqual(sharedRule(stages.map((s) => s.rule)), {
      prefix: 'A stage is adopted when more than 25% of the account uses it as its criteria define; less than roughly 25% is presumed to be a pilot or work in progress.',
      suffix: '(Since 2023-06-15 the handbook points to Use Case Adoption Scoring for current thresholds.)',
    });
    assert.deepEqual(sharedRule(['One rule. Only.']), { prefix: '', suffix: '' }, 'a lone stage keeps its whole rule');
    assert.deepEqual(manage.bankIds, ['stage-manage']);
  });

  it("lists a stage's questions with their hints as details", () => {
    const items = stageQuestions(catalog(), 'manage');
    assert.deepEqual(items[0], {
      kind: 'question',
      label: 'How do your admins monitor changes to user permission levels?',
      detail: 'Manual reviews or spreadsheets point at audit events and permission reporting in GitLab.',
      ref: { bankId: 'stage-manage', promptId: 'manage-permission-changes' },
    });
    assert.ok(items.every((i) => i.ref.bankId === 'stage-manage' && i.detail.length > 0));
  });

  it("adds a team's own stage bank to that stage and marks team wording", () => {
    const team: BankFile = {
      file: '.callcoach/questions/plan.yaml',
      text: `id: team-plan
kind: stage
stage: plan
title: Plan (our team)
summary: Our own Plan questions.
source: { title: Team playbook }
adoption:
  rule: Our rule.
  criteria:
    - { id: team-plan-boards, text: Uses boards. }
prompts:
  - id: team-plan-boards-q
    text: Who grooms the board for {team}?
    hint: A named owner means the board is alive.
    placeholders: { team: { label: Team } }
    followUps:
      - id: team-plan-boards-when
        when: if nobody
        text: What would it take?
        hint: Listen for time, not tools.
`,
    };
    const wording: BankFile = { file: '.callcoach/questions/wording.yaml', text: 'id: wording\nkind: overrides\noverrides:\n  - prompt: manage-cycle-time\n    hint: Our hint.\n' };
    const c = catalog(team, wording);
    const plan = stageChoices(c.banks).find((s) => s.stage === 'plan')!;
    assert.deepEqual(plan.bankIds.slice().sort(), ['stage-plan', 'team-plan']);
    const items = stageQuestions(c, 'plan').filter((i) => i.ref.bankId === 'team-plan');
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ['Who grooms the board for [Team]?', undefined],
        ['What would it take?', 'follow-up · if nobody'],
      ],
    );
    const manage = stageQuestions(c, 'manage').find((i) => i.ref.promptId === 'manage-cycle-time')!;
    assert.equal(manage.detail, 'Our hint.');
    assert.equal(manage.description, 'team wording');
  });

  it('groups every question of every bank: techniques, then stages in order, then checklists', () => {
    const c = catalog();
    const entries = allQuestions(c);
    const groups = entries.filter((e) => e.kind === 'group').map((e) => e.label);
    assert.equal(groups.length, c.banks.length);
    const firstStage = groups.findIndex((g) => g.startsWith('Stage · '));
    const firstChecklist = groups.findIndex((g) => g.startsWith('Checklist · '));
    assert.ok(groups.slice(0, firstStage).every((g) => g.startsWith('Technique · ')), groups.join('\n'));
    assert.deepEqual(groups.slice(firstStage, firstStage + 10), stageChoices(c.banks).map((s) => `Stage · ${s.label}`));
    if (firstChecklist >= 0) assert.ok(groups.slice(firstChecklist).every((g) => g.startsWith('Checklist · ')));
    const questions = entries.filter((e): e is QuestionItem => e.kind === 'question');
    const total = c.banks.reduce((n, b) => n + b.prompts.reduce((m, p) => m + 1 + (p.followUps?.length ?? 0), 0), 0);
    assert.equal(questions.length, total, 'every prompt and follow-up once');
    assert.equal(new Set(questions.map((q) => `${q.ref.bankId}/${q.ref.promptId}`)).size, total);
    assert.ok(questions.every((q) => q.label && !/[\r\n{}]/.test(q.label) && q.detail), 'one-line labels without raw placeholders, every one with a hint');
    // Each question sits under its own bank's header.
    let header = '';
    for (const e of entries) {
      if (e.kind === 'group') header = e.label;
      else assert.ok(header.endsWith(c.banks.find((b) => b.id === e.ref.bankId)!.title), `${e.ref.promptId} under ${header}`);
    }
  });

  it('labels placeholders by their label, falling back to the name', () => {
    assert.equal(questionLabel({ text: 'Tell me\nabout {topic} and {other}.', placeholders: { topic: { label: 'Topic' } } }), 'Tell me about [Topic] and [other].');
  });
});

describe('browser Markdown', () => {
  it('writes a list, one question per line, escaping block markers', () => {
    assert.equal(questionList(['Why?', '# not a heading', '1. not numbered', '> no quote']), '- Why?\n- &#35; not a heading\n- &#49;. not numbered\n- &gt; no quote\n');
    assert.equal(inlineMarkdown('  a\n  b  '), 'a b');
  });

  it("shows every stage's rule, criteria and usage-ping metric keys", () => {
    const md = adoptionCriteriaMarkdown(catalog().banks);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, ['Manage', 'Plan', 'Create', 'Verify', 'Package', 'Secure', 'Release', 'Configure', 'Monitor', 'Govern']);
    assert.match(md, /^# Stage Adoption Criteria\n/);
    assert.match(md, /- Using Value Stream Management within GitLab\. \(group `manage-features`; metrics `redis_hll_counters\.analytics\.g_analytics_valuestream_monthly`\)/);
    assert.match(md, /- Using Continuous Integration \(CI\) with continuous growth over 3 months\. \(group `verify-ci-usage`; metrics `counts\.ci_internal_pipelines`; met by usage data growing 3 months running\)/);
    assert.match(md, /- at least 2 of group `manage-features`: Using 2 of the following/);
    assert.match(md, /`counts\.merge_requests`/);
    assert.match(md, /\*\*Adopted above:\*\* 25% of the account\./);
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });
});
