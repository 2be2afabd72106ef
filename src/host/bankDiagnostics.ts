// Shows team bank problems where they can be fixed: in the Problems panel on the file, at the
// exact range, and a status bar notice saying how many banks were skipped (the rest still load).
import * as vscode from 'vscode';
import type { Catalog } from '../core/bank/catalog';
import type { BankProblem } from '../core/bank/loader';
import { BANK_STATUS_ITEM, DIAGNOSTIC_COLLECTION } from '../ids';

const toPosition = (p: { line: number; col: number }) => new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));

export function toDiagnostic(p: BankProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(
    new vscode.Range(toPosition(p.start), toPosition(p.end)),
    p.path ? `${p.message} (at ${p.path})` : p.message,
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
    this.status.name = 'Call Coach Question Banks';
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    this.status.text = skipped.length
      ? `$(warning) Call Coach: ${plural(skipped.length, 'bank', 'banks')} skipped`
      : `$(warning) Call Coach: ${plural(errors + settingProblems.length, 'bank problem', 'bank problems')}`;
    const lines = [
      skipped.length
        ? `${plural(skipped.length, 'team question bank has', 'team question banks have')} errors and ${skipped.length === 1 ? 'was' : 'were'} skipped: ${skipped.join(', ')}. The other banks are loaded.`
        : '',
      errors && !skipped.length ? `${plural(errors, 'problem', 'problems')} in team banks; the entries with problems are ignored.` : '',
      ...settingProblems,
      'Click to open the Problems panel.',
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
