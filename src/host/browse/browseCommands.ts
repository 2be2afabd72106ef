// Palette commands of the question browser: Browse Stage Questions, Browse All Questions and
// Show Stage Adoption Criteria. Each returns what it did, for keybindings, tests and other
// extensions; arguments (see args.ts) skip the matching pick.
import * as vscode from 'vscode';
import { registerCommand } from '../commandRegistry';
import type { Catalog } from '../../core/bank/catalog';
import { allQuestions, stageChoices, stageQuestions, type BrowseEntry, type QuestionItem } from '../../core/browse/items';
import type { BankService } from '../bankService';
import type { CallController } from '../callController';
import { reportError, type Log } from '../log';
import { AdoptionDocumentProvider, ADOPTION_SCHEME, showAdoptionCriteria } from './adoptionDocument';
import { parseBrowseArgs, type BrowseArgs } from './args';
import { runQuestionAction, type ActionResult } from './questionActions';
import { pickAction, pickQuestions, pickStage } from './questionPicker';
import { CommandId } from '../../ids';

/** The questions named by id, or the user's pick; undefined when cancelled or not found. */
async function chooseQuestions(entries: readonly BrowseEntry[], args: BrowseArgs, title: string): Promise<QuestionItem[] | undefined> {
  if (!args.promptIds) return pickQuestions(entries, title);
  const questions = entries.filter((e): e is QuestionItem => e.kind === 'question');
  const found = args.promptIds.map((id) => questions.find((q) => q.ref.promptId === id));
  const missing = args.promptIds.filter((_, i) => !found[i]);
  if (missing.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Call Coach has no question with the id {0} here. Check the ids, or run the command without arguments to pick.', missing.map((m) => `"${m}"`).join(', ')),
    );
    return undefined;
  }
  return found as QuestionItem[];
}

async function act(questions: QuestionItem[] | undefined, args: BrowseArgs, calls: CallController): Promise<ActionResult | undefined> {
  if (!questions?.length) return undefined;
  const action = args.action ?? (await pickAction(questions.length));
  return action ? runQuestionAction(action, questions, calls) : undefined;
}

/** Validates the arguments, loads the catalog, and reports failures to the user and the log. */
function withArgs(banks: BankService, log: Log, run: (args: BrowseArgs, catalog: Catalog) => Promise<ActionResult | undefined>) {
  return async (raw?: unknown): Promise<ActionResult | undefined> => {
    const parsed = parseBrowseArgs(raw);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Call Coach: the command's arguments are not usable ({0}). Fix the keybinding, or run it from the Command Palette.", parsed.error));
      return undefined;
    }
    try {
      return await run(parsed.args, await banks.ready());
    } catch (err) {
      await reportError(log, vscode.l10n.t('The question browser failed.'), vscode.l10n.t('Check the log for details, then try again.'), err);
      return undefined;
    }
  };
}

export function registerBrowseCommands(banks: BankService, calls: CallController, log: Log): vscode.Disposable[] {
  const adoption = new AdoptionDocumentProvider(banks);
  return [
    adoption,
    vscode.workspace.registerTextDocumentContentProvider(ADOPTION_SCHEME, adoption),
    registerCommand(
      CommandId.browseStageQuestions,
      withArgs(banks, log, async (args, catalog) => {
        const stages = stageChoices(catalog.banks);
        const stage = args.stage ? stages.find((s) => s.stage === args.stage) : await pickStage(stages);
        if (!stage) {
          if (args.stage) void vscode.window.showErrorMessage(vscode.l10n.t('No question bank covers the "{0}" stage. Check the team banks, or pick another stage.', args.stage));
          return undefined;
        }
        const questions = await chooseQuestions(stageQuestions(catalog, stage.stage), args, vscode.l10n.t('Call Coach: {0} questions', stage.label));
        return act(questions, args, calls);
      }),
    ),
    registerCommand(
      CommandId.browseAllQuestions,
      withArgs(banks, log, async (args, catalog) => act(await chooseQuestions(allQuestions(catalog), args, vscode.l10n.t('Call Coach: All Questions')), args, calls)),
    ),
    registerCommand(CommandId.showAdoptionCriteria, async () => {
      try {
        return await showAdoptionCriteria(log);
      } catch (err) {
        await reportError(log, vscode.l10n.t('The stage adoption criteria could not be shown.'), vscode.l10n.t('Check the log for details, then try again.'), err);
        return undefined;
      }
    }),
  ];
}
