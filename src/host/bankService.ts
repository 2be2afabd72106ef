// Loads the question banks through the VS Code file system API (so virtual workspaces work):
// the built-ins shipped with the extension, then the team's banks in the workspace. Validates
// them with the core loader, publishes team bank problems as diagnostics, and tells listeners
// when the catalog changes. Nothing happens until first use; after that, team bank changes on
// disk reload the catalog by themselves.
import * as vscode from 'vscode';
import { buildCatalog, emptyCatalog, type BankFile, type Catalog } from '../core/bank/catalog';
import type { BankProblem } from '../core/bank/loader';
import { decodeBankBytes, type DecodingWords } from './bankDecoding';
import { isBankFileName } from '../core/bank/teamPaths';
import { BankDiagnostics } from './bankDiagnostics';
import type { Log } from './log';
import { findTeamBankFiles } from './teamBankFiles';
import { TeamBankWatcher } from './teamBankWatcher';

/** bankDecoding's problems in the display language (they show in the Problems panel). */
function decodingWords(): DecodingWords {
  const saveAs = vscode.l10n.t('save it as UTF-8 (in VS Code: the encoding in the status bar, then "Save with Encoding")');
  return {
    tooBig: (mb) => vscode.l10n.t('file is {0} MB; a question bank must be under 1 MB, so split it into several banks', mb),
    bom: (name) => vscode.l10n.t('file is {0} text (it starts with a {0} byte order mark), not UTF-8; {1}', name, saveAs),
    nul: (line, col, what) => vscode.l10n.t('file is not UTF-8 text: it has a NUL byte at line {0}, column {1} ({2}); {3}', line, col, what, saveAs),
    wide: vscode.l10n.t('UTF-16 or UTF-32 text without a byte order mark'),
    binary: vscode.l10n.t('binary data'),
    invalid: (byte, line, col) =>
      vscode.l10n.t('file is not valid UTF-8: byte {0} at line {1}, column {2} is not part of a UTF-8 character (Latin-1 or Windows-1252 text?); {3}', byte, line, col, saveAs),
  };
}

export class BankService implements vscode.Disposable {
  private current: Catalog = emptyCatalog();
  private loading: Promise<Catalog> | undefined;
  private running: Promise<Catalog> | undefined;
  private queued: Promise<Catalog> | undefined;
  private readonly changed = new vscode.EventEmitter<Catalog>();
  private readonly diagnostics = new BankDiagnostics();
  private watcher: TeamBankWatcher | undefined;
  /** Fires after every (re)load, with the new catalog. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly builtinFolder: vscode.Uri,
    private readonly log: Log,
  ) {}

  /** The last loaded catalog; empty until the first load finishes. */
  get catalog(): Catalog {
    return this.current;
  }

  /** Loads once; later calls share the first load. */
  ready(): Promise<Catalog> {
    return (this.loading ??= this.reload());
  }

  /** Loads everything again. A reload asked for while one runs happens once, after it. */
  reload(): Promise<Catalog> {
    if (!this.running) {
      this.running = this.load().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running.then(
      () => ((this.queued = undefined), this.reload()),
      () => ((this.queued = undefined), this.reload()),
    );
    return this.queued;
  }

  private async load(): Promise<Catalog> {
    const started = Date.now();
    this.watcher ??= new TeamBankWatcher(() => {
      this.reload().catch((err: unknown) => this.log.error('Could not reload the question banks after a change', err));
    });
    const undecodable: BankProblem[] = [];
    const builtins = await this.readFiles(await this.builtinFiles(), (uri) => uri.fsPath || uri.toString(), undecodable);
    const team = await findTeamBankFiles();
    this.watcher.follow(team.existing);
    const labels = new Map<string, vscode.Uri>();
    const label = (uri: vscode.Uri) => {
      const relative = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      const name = labels.has(relative) ? uri.toString() : relative;
      labels.set(name, uri);
      return name;
    };
    const teamFiles = await this.readFiles(team.uris, label, undecodable);
    const built = buildCatalog([...builtins, ...teamFiles]);
    // Files that are not UTF-8 text never reach the loader; they are skipped like broken banks.
    const catalog: Catalog = { ...built, problems: [...undecodable, ...built.problems], skipped: [...undecodable.map((p) => p.file), ...built.skipped] };
    for (const p of catalog.problems) {
      this.log.warn(`${p.file}:${p.start.line}:${p.start.col}: ${p.message}${p.path ? ` (at ${p.path})` : ''}`);
    }
    for (const problem of team.settingProblems) this.log.warn(problem);
    this.diagnostics.publish(catalog, labels, team.settingProblems);
    this.log.info(
      `Loaded ${catalog.banks.length} question banks (${teamFiles.length} team files, ${catalog.overridden.length} prompts overridden) in ${Date.now() - started} ms; ${catalog.skipped.length} skipped.`,
    );
    this.current = catalog;
    this.loading = Promise.resolve(catalog);
    this.changed.fire(catalog);
    return catalog;
  }

  private async builtinFiles(): Promise<vscode.Uri[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.builtinFolder);
      return entries
        .filter(([name, type]) => type === vscode.FileType.File && isBankFileName(name))
        .map(([name]) => name)
        .sort()
        .map((name) => vscode.Uri.joinPath(this.builtinFolder, name));
    } catch (err) {
      this.log.error(`Cannot read question folder ${this.builtinFolder.toString()}`, err);
      return [];
    }
  }

  /**
   * Reads each file; one that cannot be read (deleted meanwhile, no permission) is left out and
   * logged, one that is not UTF-8 text is left out with a problem added to `undecodable`.
   */
  private async readFiles(uris: readonly vscode.Uri[], label: (uri: vscode.Uri) => string, undecodable: BankProblem[]): Promise<BankFile[]> {
    const files = await Promise.all(
      uris.map(async (uri): Promise<BankFile | undefined> => {
        const file = label(uri);
        try {
          const decoded = decodeBankBytes(await vscode.workspace.fs.readFile(uri), decodingWords());
          if (decoded.ok) return { file, text: decoded.text };
          undecodable.push({ file, message: decoded.message, path: '', start: decoded.start, end: decoded.start, severity: 'error' });
          return undefined;
        } catch (err) {
          this.log.warn(`Could not read the question bank ${file}`, err);
          return undefined;
        }
      }),
    );
    return files.filter((f): f is BankFile => !!f);
  }

  dispose(): void {
    this.watcher?.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
