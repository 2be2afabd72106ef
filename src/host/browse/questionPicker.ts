// The QuickPicks of the question browser: a stage, then questions (filterable, multi-select,
// hints as details), then what to do with them. Their contents come from core/browse/items.
import * as vscode from 'vscode';
import { sharedRule, type BrowseEntry, type QuestionItem, type StageChoice } from '../../core/browse/items';
import type { QuestionAction } from './args';
import { displayNumber } from '../displayFormat';

/** Each stage with what its adoption rule says of it alone; what all of them share, once, above. */
export async function pickStage(stages: readonly StageChoice[]): Promise<StageChoice | undefined> {
  const { prefix } = sharedRule(stages.map((s) => s.rule));
  const pick = await vscode.window.showQuickPick(
    stages.map((s) => ({ label: s.label, description: s.description, stage: s })),
    {
      title: vscode.l10n.t('Call Coach: Browse Stage Questions'),
      placeHolder: prefix ? vscode.l10n.t('Pick a DevOps stage. {0}', prefix) : vscode.l10n.t('Pick a DevOps stage'),
      matchOnDescription: true,
    },
  );
  return pick?.stage;
}

type Item = vscode.QuickPickItem & { question?: QuestionItem };

function toItems(entries: readonly BrowseEntry[]): Item[] {
  return entries.map((e): Item =>
    e.kind === 'group'
      ? { kind: vscode.QuickPickItemKind.Separator, label: e.label }
      : { label: e.label, detail: e.detail, ...(e.description ? { description: e.description } : {}), question: e },
  );
}

/** Resolves to the chosen questions in list order, or undefined when dismissed. */
export function pickQuestions(entries: readonly BrowseEntry[], title: string): Promise<QuestionItem[] | undefined> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Type to filter by question or hint; select one or more, then press Enter');
  pick.canSelectMany = true;
  pick.matchOnDetail = true;
  pick.matchOnDescription = true;
  pick.items = toItems(entries);
  return new Promise((resolve) => {
    let chosen: QuestionItem[] | undefined;
    pick.onDidAccept(() => {
      // With nothing ticked, Enter takes the highlighted question.
      const items = pick.selectedItems.length ? pick.selectedItems : pick.activeItems;
      // Nothing ticked and nothing highlighted (a multi-select list highlights nothing until an
      // arrow key is pressed): stay open rather than close as if dismissed.
      if (!items.some((i) => i.question)) return;
      chosen = items.flatMap((i) => (i.question ? [i.question] : []));
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen?.length ? chosen : undefined);
    });
    pick.show();
  });
}

const actions = (): { action: QuestionAction; label: string; detail: string }[] => [
  { action: 'insert', label: `$(insert) ${vscode.l10n.t('Insert at Cursor')}`, detail: vscode.l10n.t('As a Markdown list, in the active editor') },
  { action: 'copy', label: `$(copy) ${vscode.l10n.t('Copy')}`, detail: vscode.l10n.t('As a Markdown list, to the clipboard') },
  { action: 'addToCall', label: `$(add) ${vscode.l10n.t('Add to Current Call')}`, detail: vscode.l10n.t("As prompts of the call's Stage Adoption part") },
];

export async function pickAction(count: number): Promise<QuestionAction | undefined> {
  const pick = await vscode.window.showQuickPick(actions(), {
    title: count === 1 ? vscode.l10n.t('Call Coach: 1 question chosen') : vscode.l10n.t('Call Coach: {0} questions chosen', displayNumber(count)),
    placeHolder: vscode.l10n.t('What should happen with them?'),
  });
  return pick?.action;
}
