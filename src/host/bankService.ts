// Loads the question banks through the VS Code file system API (so virtual workspaces work),
// validates them with the core loader, and tells listeners when the catalog changes.
import * as vscode from 'vscode';
import { buildCatalog, emptyCatalog, type BankFile, type Catalog } from '../core/bank/catalog';
import type { Log } from './log';

const decoder = new TextDecoder('utf-8', { fatal: false });

export class BankService implements vscode.Disposable {
  private current: Catalog = emptyCatalog();
  private loading: Promise<Catalog> | undefined;
  private readonly changed = new vscode.EventEmitter<Catalog>();
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

  async reload(): Promise<Catalog> {
    const started = Date.now();
    const files = await this.readFolder(this.builtinFolder);
    const catalog = buildCatalog(files);
    for (const p of catalog.problems) {
      this.log.warn(`${p.file}:${p.start.line}:${p.start.col}: ${p.message}${p.path ? ` (at ${p.path})` : ''}`);
    }
    this.log.info(`Loaded ${catalog.banks.length} question banks in ${Date.now() - started} ms; ${catalog.skipped.length} skipped.`);
    this.current = catalog;
    this.loading = Promise.resolve(catalog);
    this.changed.fire(catalog);
    return catalog;
  }

  private async readFolder(folder: vscode.Uri): Promise<BankFile[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch (err) {
      this.log.error(`Cannot read question folder ${folder.toString()}`, err);
      return [];
    }
    const names = entries
      .filter(([name, type]) => type === vscode.FileType.File && /\.ya?ml$/i.test(name))
      .map(([name]) => name)
      .sort();
    return Promise.all(
      names.map(async (name) => {
        const uri = vscode.Uri.joinPath(folder, name);
        const bytes = await vscode.workspace.fs.readFile(uri);
        return { file: uri.fsPath || uri.toString(), text: decodeBank(bytes) };
      }),
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Decodes UTF-8, keeping a BOM out of the text; invalid bytes become U+FFFD, which the loader reports. */
function decodeBank(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
