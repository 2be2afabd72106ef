// "Show Stage Adoption Criteria": a read-only Markdown page built from the stage banks in force.
// Served by a content provider (documents of a provider's scheme cannot be edited or saved) and
// refreshed when the banks change, e.g. after a team edits its stage bank.
import * as vscode from 'vscode';
import { adoptionCriteriaMarkdown } from '../../core/browse/markdown';
import type { BankService } from '../bankService';
import type { Log } from '../log';

export const ADOPTION_SCHEME = 'call-coach';
export const ADOPTION_URI = vscode.Uri.from({ scheme: ADOPTION_SCHEME, path: '/Stage Adoption Criteria.md' });

export class AdoptionDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly banks: BankService) {
    this.subscription = banks.onDidChange(() => this.changed.fire(ADOPTION_URI));
  }

  async provideTextDocumentContent(): Promise<string> {
    return adoptionCriteriaMarkdown((await this.banks.ready()).banks);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Opens the page as a Markdown preview, or as a read-only editor when preview is unavailable. */
export async function showAdoptionCriteria(log: Log): Promise<vscode.Uri> {
  const document = await vscode.workspace.openTextDocument(ADOPTION_URI);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', ADOPTION_URI);
  } catch (err) {
    log.info(`Markdown preview is unavailable (${err instanceof Error ? err.message : String(err)}); showing the page as text.`);
    await vscode.window.showTextDocument(document, { preview: true });
  }
  return ADOPTION_URI;
}
