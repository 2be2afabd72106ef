// One LogOutputChannel for the extension: details and stacks go here, never into a
// notification. Users reach it through "Call Coach: Show Log" or an error's "Show Log" button.
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Call Coach', { log: true });
}

/**
 * Tells the user what went wrong and what to do, in one sentence each, and keeps the details
 * (stack included) in the log.
 */
export async function reportError(log: Log, whatHappened: string, whatToDo: string, err?: unknown): Promise<void> {
  log.error(whatHappened, err ?? '');
  const showLog = vscode.l10n.t('Show Log');
  const pick = await vscode.window.showErrorMessage(`${whatHappened} ${whatToDo}`, showLog);
  if (pick === showLog) log.show(true);
}
