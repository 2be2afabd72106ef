// Shows team bank problems where they can be fixed: in the Problems panel on the file, at the
// exact range, and a status bar notice saying how many banks were skipped (the rest still load).
import * as vscode from 'vscode';
import type { Catalog } from '../core/bank/catalog';
import type { BankProblem } from '../core/bank/loader';
import { BANK_STATUS_ITEM, DIAGNOSTIC_COLLECTION } from '../ids';
import { bankProblemText } from './bankIssueText';
import { displayNumber } from './displayFormat';

const toPosition = (p: { line: number; col: number }) => new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));

export function toDiagnostic(p: BankProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(toPosition(p.start), toPosition(p.end)),
    p.path ? vscode.l10n.t('{0} (at {1})', bankProblemText(p), p.path) : bankProblemText(p),
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  d.source = 'Call Coach';
  return d;
}

export class BankDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private status: vscode.StatusBarItem | undefined;

  /**
   * Replaces every diagnostic with the catalog's problems in team files.
   * @param teamFiles label used in the catalog -> the file's URI
   */
  publish(catalog: Catalog, teamFiles: ReadonlyMap<string, vscode.Uri>, settingProblems: readonly string[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of catalog.problems) {
      if (!teamFiles.has(p.file)) continue;
      const list = byFile.get(p.file) ?? [];
      list.push(toDiagnostic(p));
      byFile.set(p.file, list);
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(teamFiles.get(file)!, diagnostics);
    const skipped = catalog.skipped.filter((f) => teamFiles.has(f));
    const errors = catalog.problems.filter((p) => p.severity === 'error' && teamFiles.has(p.file)).length;
    this.showStatus(skipped, errors, settingProblems);
  }

  private showStatus(skipped: readonly string[], errors: number, settingProblems: readonly string[]): void {
    if (!skipped.length && !errors && !settingProblems.length) {
      this.status?.hide();
      return;
    }
    this.status ??= vscode.window.createStatusBarItem(BANK_STATUS_ITEM, vscode.StatusBarAlignment.Left, 10);
    this.status.name = vscode.l10n.t('Call Coach Question Banks');
    const problems = errors + settingProblems.length;
    const text =
      skipped.length === 1
        ? vscode.l10n.t('Call Coach: 1 bank skipped')
        : skipped.length
          ? vscode.l10n.t('Call Coach: {0} banks skipped', displayNumber(skipped.length))
          : problems === 1
            ? vscode.l10n.t('Call Coach: 1 bank problem')
            : vscode.l10n.t('Call Coach: {0} bank problems', displayNumber(problems));
    this.status.text = `$(warning) ${text}`;
    const lines = [
      skipped.length === 1
        ? vscode.l10n.t('1 team question bank has errors and was skipped: {0}. The other banks are loaded.', skipped.join(', '))
        : skipped.length
          ? vscode.l10n.t('{0} team question banks have errors and were skipped: {1}. The other banks are loaded.', displayNumber(skipped.length), skipped.join(', '))
          : '',
      errors && !skipped.length
        ? errors === 1
          ? vscode.l10n.t('1 problem in team banks; the entries with problems are ignored.')
          : vscode.l10n.t('{0} problems in team banks; the entries with problems are ignored.', displayNumber(errors))
        : '',
      ...settingProblems,
      vscode.l10n.t('Click to open the Problems panel.'),
    ].filter(Boolean);
    this.status.tooltip = lines.join('\n\n');
    this.status.command = 'workbench.actions.view.problems';
    this.status.show();
  }

  dispose(): void {
    this.collection.dispose();
    this.status?.dispose();
  }
}
