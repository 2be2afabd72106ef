// The Customers view (`callCoach.customers`, a native tree below the Call webview): every customer
// in the notes folder with its figures (src/core/portfolio), grouped and sorted by health, last
// contact or next due date, filtered by text. Health is a codicon in a theme colour, and the same in
// words in the description and in what screen readers read (accessibilityInformation).
//
// It reads through the host's note index: the first look at the view reads every customer (a window
// progress item shows it, and the tree fills in as customers are read); after that a note that
// changes re-reads only its customer's changed files.
//
// Rows and groups are long-lived objects, updated in place, and the tree is told only what changed
// (treeChanges.ts): VS Code resolves a row's context-menu command through its element, which a
// whole-tree change makes it forget until every row was asked for again.
import * as vscode from 'vscode';
import { localToday } from '../../core/localToday';
import type { HealthColor } from '../../core/note/model';
import { planContext } from '../../core/plan/context';
import { collectCustomer, collectPortfolio } from '../../core/portfolio/collect';
import { isCustomerFolderName } from '../../core/notesFolder';
import { portfolioUsage } from '../../core/usage/usageStore';
import { customerFigures } from '../../core/portfolio/aggregate';
import { FiguresCache } from '../../core/portfolio/figuresCache';
import type { CustomerFigures } from '../../core/portfolio/model';
import { customerOrders, filterCustomers, groupCustomers, type CustomerGroupId, type CustomerOrder } from '../../core/portfolio/order';
import { CommandId, ContextKey, StateKey, BuiltInCommand } from '../../ids';
import type { Catalog } from '../../core/bank/catalog';
import type { BankService } from '../bankService';
import type { Log } from '../log';
import { resolveNotesLocation } from '../notesLocation';
import { notesSource, sharedNoteIndex, WorkspaceNotesFolder } from '../workspaceNotesFolder';
import type { IndexCache } from './indexCache';
import { figureLines, groupLabel, groupSentence, orderLabel, shortFigures } from './customerWords';
import { treeChange, type LaidOutGroup } from './treeChanges';
import { displayNumber } from '../displayFormat';

/** A customer in the tree; `folder` and `customer` are what Update Success Plan and Start Call take. */
export interface CustomerNode {
  kind: 'customer';
  /** The customer's folder. */
  folder: vscode.Uri;
  /** The customer's name. */
  customer: string;
  /** The newest call note, for Copy Call Summary; undefined when no note reads. */
  uri: vscode.Uri | undefined;
  figures: CustomerFigures;
}

interface GroupNode {
  kind: 'group';
  id: CustomerGroupId;
  label: string;
  customers: CustomerNode[];
}

type Node = CustomerNode | GroupNode;

const HEALTH_COLOR: Record<HealthColor, string> = { red: 'charts.red', yellow: 'charts.yellow', green: 'charts.green' };
/** How often the tree redraws while the first read is under way. */
const FILL_IN_MS = 150;

/** `lastNote`: the newest call's file name, if any. */
function customerNode(folder: WorkspaceNotesFolder, customer: string, lastNote: string | undefined, figures: CustomerFigures): CustomerNode {
  return { kind: 'customer', folder: folder.uri([customer]), customer: figures.customer, uri: lastNote ? folder.uri([customer, lastNote]) : undefined, figures };
}

export class CustomersView implements vscode.Disposable {
  /** Every customer's row, by folder: one object per customer for the view's life, updated in place. */
  private readonly nodes = new Map<string, CustomerNode>();
  /** The groups' nodes, by id, one object each for the view's life (their rows set on each layout). */
  private readonly groupNodes = new Map<CustomerGroupId, GroupNode>();
  /** The groups and rows as the tree was last given them. */
  private laidOut: LaidOutGroup<CustomerGroupId>[] = [];
  /** Customers read since the tree was last told (while the first read fills it in). */
  private readonly unshown = new Set<string>();
  private notesFolder: WorkspaceNotesFolder | undefined;
  private restoredFolders = 0;
  /** What the last read counted of each customer (kept between sessions by the index cache). */
  private figuresCache: FiguresCache | undefined;
  /** The notes folder's Uri as the index cache is keyed by it. */
  private notesRoot: vscode.Uri | undefined;
  private loading: Promise<void> | undefined;
  /** The banks the last read was counted with (the gaps depend on them). */
  private readWith: Catalog | undefined;
  /** While a read runs (not `loading`, which stays set once read): the empty-view message waits for it. */
  private reading = false;
  private order: CustomerOrder;
  private filter = '';
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly pending = new Set<string>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Milliseconds the last single-customer refresh took (index + roll-up + figures), for the benchmark and the log. */
  lastUpdateMs = 0;

  /** The tree view and its change event, made by the activation shell before the features loaded. */
  private view: vscode.TreeView<unknown> | undefined;
  /** No argument: the whole tree changed; else these nodes (and their rows) did. */
  private fire: (nodes?: readonly Node[]) => void = () => undefined;

  constructor(
    private readonly banks: BankService,
    private readonly state: vscode.Memento,
    private readonly log: Log,
    /** The note index kept between sessions; none keeps nothing. */
    private readonly indexCache?: IndexCache,
  ) {
    const saved = state.get<string>(StateKey.customersOrder);
    this.order = (customerOrders as readonly string[]).includes(saved ?? '') ? (saved as CustomerOrder) : 'health';
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('callCoach.notesFolder')) this.reload(false);
      }),
      // Every load fires this, the first one too: a read that has not taken its banks yet will take
      // these, so only a read made with other banks is done again (else the first look read twice).
      banks.onDidChange((catalog) => {
        if (this.readWith && this.readWith !== catalog) this.reload();
      }),
    );
  }

  /** Called by the activation shell once the features load: the view to describe and how to say the items changed. */
  attach(view: vscode.TreeView<unknown>, fire: (nodes?: readonly object[]) => void): void {
    this.view = view;
    this.fire = fire;
    this.showTitle();
  }

  dispose(): void {
    this.watcher?.dispose();
    clearTimeout(this.pendingTimer);
    clearTimeout(this.redrawTimer);
    for (const d of this.disposables) d.dispose();
  }

  // ---- TreeDataProvider (through the activation shell's proxy) ------------------------------------

  getChildren(node?: Node): Node[] {
    if (node) return node.kind === 'group' ? node.customers : [];
    void this.ensureLoaded();
    return this.layout();
  }

  /** The groups as they show now (order and filter applied), on the same group objects; remembered as what the tree was given. */
  private layout(): GroupNode[] {
    const shown = filterCustomers(
      [...this.nodes.values()].map((n) => n.figures),
      this.filter,
    );
    const groups = groupCustomers(shown, this.order).map((g) => {
      let group = this.groupNodes.get(g.id);
      if (!group) this.groupNodes.set(g.id, (group = { kind: 'group', id: g.id, label: groupLabel(g.id), customers: [] }));
      group.customers = g.customers.map((f) => this.nodes.get(f.folder)!);
      return group;
    });
    this.laidOut = groups.map((g) => ({ id: g.id, folders: g.customers.map((c) => c.figures.folder) }));
    return groups;
  }

  /** Tells the tree what changed after `changed` customers were read: those rows, or their groups, or (groups came or went) everything. */
  private redraw(changed: Iterable<string>): void {
    this.showTitle();
    const before = this.laidOut;
    this.layout();
    const change = treeChange(before, this.laidOut, changed);
    if (change.all) return this.fire();
    const nodes: Node[] = [...change.groups.map((id) => this.groupNodes.get(id)!), ...change.customers.map((folder) => this.nodes.get(folder)!)];
    if (nodes.length) this.fire(nodes);
  }

  /** A customer's row read (again): the same object updated, so the tree's element for the row stays valid. */
  private put(folder: string, node: CustomerNode): void {
    const existing = this.nodes.get(folder);
    if (existing) Object.assign(existing, node);
    else this.nodes.set(folder, node);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.label} (${node.customers.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.label}`;
      item.contextValue = 'customerGroup';
      item.accessibilityInformation = { label: groupSentence(node.label, node.customers.length), role: 'treeitem' };
      return item;
    }
    const f = node.figures;
    const item = new vscode.TreeItem(f.customer, vscode.TreeItemCollapsibleState.None);
    item.id = `customer:${f.folder}`;
    item.iconPath = f.health ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(HEALTH_COLOR[f.health])) : new vscode.ThemeIcon('circle-outline');
    item.description = shortFigures(f);
    const lines = figureLines(f);
    const sentence = lines.join(', ');
    item.tooltip = `${f.customer}\n${lines.join('\n')}`;
    item.accessibilityInformation = { label: `${f.customer}: ${sentence}`, role: 'treeitem' };
    item.contextValue = 'customer';
    item.command = { command: CommandId.openSuccessPlan, title: vscode.l10n.t('Open Success Plan'), arguments: [node] };
    return item;
  }

  // ---- Orders and filter --------------------------------------------------------------------------

  async sortBy(order: CustomerOrder): Promise<void> {
    this.order = order;
    await this.state.update(StateKey.customersOrder, order);
    this.showTitle();
    this.fire();
  }

  async askFilter(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter Customers'),
      prompt: vscode.l10n.t('Show customers whose name, folder or usage alerts contain every word. Leave empty to show all.'),
      value: this.filter,
    });
    if (text === undefined) return;
    await this.setFilter(text);
  }

  async setFilter(text: string): Promise<void> {
    this.filter = text.trim();
    await vscode.commands.executeCommand(BuiltInCommand.setContext, ContextKey.customersFiltered, !!this.filter);
    this.showTitle();
    this.fire();
  }

  private showTitle(): void {
    if (!this.view) return;
    this.view.description = orderLabel(this.order);
    const shown = filterCustomers(
      [...this.nodes.values()].map((n) => n.figures),
      this.filter,
    ).length;
    this.view.message = this.filter
      ? vscode.l10n.t('Filtered by “{0}”: {1} of {2} customers.', this.filter, displayNumber(shown), displayNumber(this.nodes.size))
      : this.reading || this.nodes.size
        ? undefined
        : vscode.l10n.t('No customers with call notes yet. Finish a call and its customer shows here.');
  }

  // ---- Reading ------------------------------------------------------------------------------------

  /** The node of a customer folder, for commands given a folder name. */
  node(folder: string): CustomerNode | undefined {
    return this.nodes.get(folder);
  }

  /**
   * What the view counted of each customer, for another read of the same notes folder (Update
   * Portfolio after every call: unchanged customers are not rolled up again); undefined before
   * the view's first read, or for another folder.
   */
  figuresFor(notesFolder: vscode.Uri): FiguresCache | undefined {
    return this.notesRoot?.toString() === notesFolder.toString() ? this.figuresCache : undefined;
  }

  /** Every customer's figures, once the first read is done (Update Portfolio, tests). */
  async figures(): Promise<CustomerFigures[]> {
    await this.ensureLoaded();
    return [...this.nodes.values()].map((n) => n.figures);
  }

  /** How many customer folders the view's reads took from the last session (its figures or its note index; the tests ask). */
  async restoredFromCache(): Promise<number> {
    await this.ensureLoaded();
    return this.restoredFolders;
  }

  /** The customers' names as the view shows them now (order, groups and filter applied). */
  async shownNames(): Promise<string[]> {
    await this.ensureLoaded();
    // Not through getChildren: that records what the tree was given.
    const shown = filterCustomers([...this.nodes.values()].map((n) => n.figures), this.filter);
    return groupCustomers(shown, this.order).flatMap((g) => g.customers.map((f) => this.nodes.get(f.folder)!.customer));
  }

  /**
   * Reads every customer again. `keepRows`: the rows stay (updated in place, the ones gone removed
   * once read) rather than the tree emptying and filling in; not for another notes folder.
   */
  reload(keepRows = true): void {
    this.loading = undefined;
    if (!keepRows) this.nodes.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
    void this.ensureLoaded();
  }

  ensureLoaded(): Promise<void> {
    this.loading ??= this.load().catch((err: unknown) => {
      this.log.warn('Customers: could not read the notes folder', err);
    });
    return this.loading;
  }

  private async context() {
    return planContext((await this.banks.ready()).banks, localToday());
  }

  private async load(): Promise<void> {
    this.reading = true;
    try {
      await this.read();
    } finally {
      this.reading = false;
      this.showTitle();
    }
  }

  private async read(): Promise<void> {
    const location = await resolveNotesLocation(this.state, false).catch(() => undefined);
    if (!location) {
      this.nodes.clear();
      this.showTitle();
      this.fire();
      return;
    }
    const folder = new WorkspaceNotesFolder(location.folder);
    this.notesFolder = folder;
    this.notesRoot = location.folder;
    this.watch(location.folder);
    const started = Date.now();
    // Last session's figures: a customer whose notes' stamps are unchanged is counted from them.
    // Its note index is put back only when some customer's notes must be read (a reload of the
    // view, after a bank or setting change, finds them in the index already).
    const index = sharedNoteIndex();
    const figures = (await this.indexCache?.figures(location.folder)) ?? new FiguresCache();
    this.figuresCache = figures;
    let restoring: Promise<number> | undefined;
    const restore = () => (restoring ??= this.indexCache?.restore(index, location.folder) ?? Promise.resolve(0));
    let read = 0;
    let hits = 0;
    const seen = new Set<string>();
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Call Coach: reading customers') }, async (progress) => {
      const catalog = await this.banks.ready();
      this.readWith = catalog;
      const context = planContext(catalog.banks, localToday());
      const source = notesSource(folder, this.log);
      const before = figures.hits;
      await collectPortfolio(source, {
        context,
        usage: portfolioUsage(source),
        cache: figures,
        beforeRead: async () => void (await restore()),
        onCustomer: ({ folder: customer, facts }, counted) => {
          this.put(customer, customerNode(folder, customer, facts.lastCall?.file, counted));
          seen.add(customer);
          this.unshown.add(customer);
          read++;
          if (read % 25 === 0) progress.report({ message: vscode.l10n.t('{0} customers', displayNumber(read)) });
          this.redrawSoon();
        },
      });
      hits = figures.hits - before;
    });
    // Rows kept from before a reload whose customer is gone.
    for (const customer of [...this.nodes.keys()]) if (!seen.has(customer)) this.nodes.delete(customer);
    const restored = restoring ? await restoring : 0;
    this.restoredFolders += hits + restored;
    this.log.info(`Customers: ${this.nodes.size} read in ${Date.now() - started} ms (${hits} counted from the last session's figures, ${restored} customer folders' notes from its index).`);
    this.indexCache?.saveSoon(index, location.folder, 0, { figures, saveIndex: !!restoring });
    this.redrawRead();
  }

  private redrawSoon(): void {
    this.redrawTimer ??= setTimeout(() => {
      this.redrawTimer = undefined;
      this.redrawRead();
    }, FILL_IN_MS);
  }

  /** The rows read since the tree was last told. */
  private redrawRead(): void {
    const changed = [...this.unshown];
    this.unshown.clear();
    this.redraw(changed);
  }

  private watch(root: vscode.Uri): void {
    this.watcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '*/**'));
    const onChange = (uri: vscode.Uri) => {
      const rel = uri.path.slice(root.path.replace(/\/$/, '').length + 1).split('/');
      const name = rel[0];
      if (!name || !isCustomerFolderName(name)) return;
      if (rel.length >= 2) this.refreshSoon(name);
      else void this.refreshIfFolder(uri, name);
    };
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    this.watcher = watcher;
  }

  /**
   * An entry beside the customer folders changed: a customer folder made or removed, or a file such
   * as portfolio.md, which is no customer (listing it as a folder fails, and VS Code logs that).
   */
  private async refreshIfFolder(uri: vscode.Uri, name: string): Promise<void> {
    const type = await vscode.workspace.fs.stat(uri).then(
      (stat) => stat.type,
      () => undefined,
    );
    if (type === undefined ? this.nodes.has(name) : (type & vscode.FileType.Directory) !== 0) this.refreshSoon(name);
  }

  private refreshSoon(customer: string): void {
    this.pending.add(customer);
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      const customers = [...this.pending];
      this.pending.clear();
      void Promise.all(customers.map((c) => this.refreshCustomer(c))).then(() => this.redraw(customers));
    }, 100);
  }

  /** Re-reads one customer (only its changed notes are read again) and updates its row. */
  async refreshCustomer(customer: string): Promise<void> {
    const folder = this.notesFolder;
    if (!folder || !this.loading) return;
    await this.loading;
    const context = await this.context();
    // The last session's note index, if the first read did not need it: only changed notes are read.
    if (this.notesRoot) await this.indexCache?.restore(sharedNoteIndex(), this.notesRoot);
    const started = performance.now();
    const source = notesSource(folder, this.log);
    const input = await collectCustomer(source, customer, { context, usage: portfolioUsage(source) });
    if (!input) this.nodes.delete(customer);
    else this.put(customer, customerNode(folder, customer, input.plan.calls[input.plan.calls.length - 1]?.file, customerFigures(input, context.today).figures));
    this.lastUpdateMs = performance.now() - started;
    if (this.notesRoot) this.indexCache?.saveSoon(sharedNoteIndex(), this.notesRoot, undefined, this.figuresCache && { figures: this.figuresCache });
    this.log.trace(`Customers: ${customer} updated in ${this.lastUpdateMs.toFixed(2)} ms.`);
    this.showTitle();
  }
}
