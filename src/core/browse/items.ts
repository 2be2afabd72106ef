// What the question browser lists: plain data the host turns into QuickPick items. Kept free of
// vscode so the contents (labels, grouping, details) are unit-tested.
import type { Catalog } from '../bank/catalog';
import type { Bank, FollowUp, Prompt } from '../bank/schema';
import { stageIds, type StageId } from '../bank/constants';
import { oneLine } from '../text';

/** One prompt, as a pickable line. */
export interface QuestionItem {
  kind: 'question';
  /** The question on one line, placeholders shown as [Label]. */
  label: string;
  /** The hint: what to listen for. */
  detail: string;
  /** "follow-up · if yes", "team wording", or both; absent when there is nothing to say. */
  description?: string;
  ref: { bankId: string; promptId: string };
}

export interface GroupHeader {
  kind: 'group';
  label: string;
}

export type BrowseEntry = QuestionItem | GroupHeader;

export interface StageChoice {
  stage: StageId;
  /** The stage's title, e.g. "Manage". */
  label: string;
  /** What this stage's adoption rule says that the others' do not, on one line. */
  description: string;
  /** Its whole adoption rule, on one line. */
  rule: string;
  /** Stage banks for this stage (a team may add its own beside the built-in one). */
  bankIds: string[];
}

/** The question as read aloud: `{name}` becomes `[Label]`. */
export function questionLabel(prompt: Pick<Prompt, 'text' | 'placeholders'>): string {
  return oneLine(prompt.text.replace(/\{([a-z_][a-z0-9_]*)\}/g, (_, name: string) => `[${prompt.placeholders?.[name]?.label ?? name}]`));
}

function overriddenSet(catalog: Pick<Catalog, 'overridden'>): Set<string> {
  return new Set(catalog.overridden.map((o) => `${o.bankId}/${o.promptId}`));
}

function items(bank: Bank, overridden: Set<string>): QuestionItem[] {
  const item = (p: Prompt | FollowUp, followUpWhen?: string | null): QuestionItem => {
    const notes = [
      ...(followUpWhen !== undefined ? [followUpWhen ? `follow-up · ${followUpWhen}` : 'follow-up'] : []),
      ...(overridden.has(`${bank.id}/${p.id}`) ? ['team wording'] : []),
    ];
    return {
      kind: 'question',
      label: questionLabel(p),
      detail: p.hint,
      ...(notes.length ? { description: notes.join(' · ') } : {}),
      ref: { bankId: bank.id, promptId: p.id },
    };
  };
  return bank.prompts.flatMap((p) => [item(p), ...(p.followUps ?? []).map((f) => item(f, f.when ?? null))]);
}

/** The stages that have at least one stage bank, in lifecycle order (Manage … Govern). */
export function stageChoices(banks: readonly Bank[]): StageChoice[] {
  const stages = stageIds.flatMap((stage) => {
    const of = banks.filter((b) => b.kind === 'stage' && b.stage === stage);
    const first = of[0];
    if (!first) return [];
    return [{ stage, label: first.title, rule: oneLine(first.adoption?.rule ?? ''), bankIds: of.map((b) => b.id) }];
  });
  const shared = sharedRule(stages.map((s) => s.rule));
  return stages.map((s) => ({ ...s, description: ownRule(s.rule, s.label, shared) }));
}

/**
 * The sentences every stage's rule starts and ends with (the built-in ones all begin with the
 * same 25% definition and end with the same note): the picker says them once, so each row shows
 * what is its own rather than the same opening cut off at the width of the list.
 */
export function sharedRule(rules: readonly string[]): { prefix: string; suffix: string } {
  if (rules.length < 2) return { prefix: '', suffix: '' };
  const common = (texts: readonly string[]) => {
    let n = 0;
    while (texts.every((t) => n < t.length && t[n] === texts[0]![n])) n++;
    return texts[0]!.slice(0, n);
  };
  const reverse = (t: string) => [...t].reverse().join('');
  // Whole sentences only: back to the last sentence end (prefix), on to the next sentence start (suffix).
  const head = common(rules);
  const tail = reverse(common(rules.map(reverse)));
  const end = head.lastIndexOf('. ');
  const start = tail.indexOf('. ');
  return { prefix: end < 0 ? '' : head.slice(0, end + 1), suffix: start < 0 ? '' : tail.slice(start + 2) };
}

function ownRule(rule: string, label: string, shared: { prefix: string; suffix: string }): string {
  let own = rule.slice(shared.prefix.length, rule.length - shared.suffix.length).trim();
  // "Manage: using 2 of …" under the label "Manage": the label says it already.
  if (own.toLowerCase().startsWith(`${label.toLowerCase()}:`)) own = own.slice(label.length + 1).trim();
  return own || rule;
}

/** Every question of one stage, follow-ups after their parent. */
export function stageQuestions(catalog: Pick<Catalog, 'banks' | 'overridden'>, stage: StageId): QuestionItem[] {
  const overridden = overriddenSet(catalog);
  return catalog.banks.filter((b) => b.kind === 'stage' && b.stage === stage).flatMap((b) => items(b, overridden));
}

const KIND_LABEL: Record<Bank['kind'], string> = { technique: 'Technique', stage: 'Stage', checklist: 'Checklist' };

/**
 * Every question of every bank, one group per bank: techniques first (in their order), then the
 * stages in lifecycle order, then checklists.
 */
export function allQuestions(catalog: Pick<Catalog, 'banks' | 'overridden'>): BrowseEntry[] {
  const overridden = overriddenSet(catalog);
  const rank = (b: Bank) => (b.kind === 'technique' ? 0 : b.kind === 'stage' ? 1 : 2);
  const stageRank = (b: Bank) => (b.stage ? stageIds.indexOf(b.stage) : 0);
  const ordered = catalog.banks
    .map((bank, index) => ({ bank, index }))
    .sort((a, b) => rank(a.bank) - rank(b.bank) || stageRank(a.bank) - stageRank(b.bank) || a.index - b.index)
    .map((x) => x.bank);
  return ordered.flatMap((bank): BrowseEntry[] => [{ kind: 'group', label: `${KIND_LABEL[bank.kind]} · ${bank.title}` }, ...items(bank, overridden)]);
}
