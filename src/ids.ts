// Every id Call Coach shares with VS Code, in one place: commands, the view and its container,
// context keys, settings, storage keys, and the built-in commands it runs. No imports, so the
// activation shell, the lazily loaded features, the webview and the tests can all use it without
// pulling anything else in. package.json must contribute exactly these commands, view and
// settings; test/unit/ids.test.ts holds the two together.

/** The extension's own id (publisher.name in package.json). */
export const EXTENSION_ID = 'call-coach.call-coach';

/** Every contributed command (`callCoach.verbNoun`). */
export const CommandId = {
  startCall: 'callCoach.startCall',
  finishCall: 'callCoach.finishCall',
  discardCall: 'callCoach.discardCall',
  showSidebar: 'callCoach.showSidebar',
  reloadBanks: 'callCoach.reloadBanks',
  showLog: 'callCoach.showLog',
  browseStageQuestions: 'callCoach.browseStageQuestions',
  browseAllQuestions: 'callCoach.browseAllQuestions',
  showAdoptionCriteria: 'callCoach.showAdoptionCriteria',
  newQuestionBank: 'callCoach.newQuestionBank',
  commitNotes: 'callCoach.commitNotes',
  updateSuccessPlan: 'callCoach.updateSuccessPlan',
  copyCallSummary: 'callCoach.copyCallSummary',
  updatePortfolio: 'callCoach.updatePortfolio',
  openSuccessPlan: 'callCoach.openSuccessPlan',
  sortCustomersByHealth: 'callCoach.sortCustomersByHealth',
  sortCustomersByLastContact: 'callCoach.sortCustomersByLastContact',
  sortCustomersByNextDue: 'callCoach.sortCustomersByNextDue',
  filterCustomers: 'callCoach.filterCustomers',
  clearCustomerFilter: 'callCoach.clearCustomerFilter',
  refreshCustomers: 'callCoach.refreshCustomers',
  importUsageData: 'callCoach.importUsageData',
  // The call's shortcuts (src/shortcuts.ts binds them to keys).
  nextPrompt: 'callCoach.nextPrompt',
  previousPrompt: 'callCoach.previousPrompt',
  skipPrompt: 'callCoach.skipPrompt',
  toggleTechniqueList: 'callCoach.toggleTechniqueList',
  tagObjective: 'callCoach.tagObjective',
  tagPainPoint: 'callCoach.tagPainPoint',
  tagMetric: 'callCoach.tagMetric',
  tagActionItem: 'callCoach.tagActionItem',
  tagFollowUp: 'callCoach.tagFollowUp',
  askAnotherTedQuestion: 'callCoach.askAnotherTedQuestion',
  strategicObjectiveReached: 'callCoach.strategicObjectiveReached',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** The activity-bar container that holds the sidebar. */
export const VIEW_CONTAINER_ID = 'callCoach';

export const ViewId = {
  /** The sidebar webview view. */
  sidebar: 'callCoach.sidebar',
  /** The Customers tree view, below the sidebar. */
  customers: 'callCoach.customers',
} as const;
export type ViewId = (typeof ViewId)[keyof typeof ViewId];

/** Context keys for `when` clauses and `enablement`. */
export const ContextKey = {
  /** A call is running (set before the features load, since a call survives a reload). */
  callActive: 'callCoach.callActive',
  /** Call Coach runs in the web worker host, where there is no Git extension: Commit is hidden. */
  gitUnavailable: 'callCoach.gitUnavailable',
  /** Focus is in the Call Coach sidebar (the webview reports it: VS Code's focusedView is not set inside a webview). */
  sidebarFocus: 'callCoach.sidebarFocus',
  /** The Customers view is filtered by text (shows Clear Customer Filter). */
  customersFiltered: 'callCoach.customersFiltered',
} as const;

/** The configuration section; settings are `callCoach.<key>`. */
export const SETTINGS_SECTION = 'callCoach';

/** Keys of the contributed settings, within SETTINGS_SECTION. */
export const Setting = {
  notesFolder: 'notesFolder',
  openNoteAfterFinish: 'openNoteAfterFinish',
  questionBanks: 'questionBanks',
  commitMessageTemplate: 'commitMessageTemplate',
  pushAfterCommit: 'pushAfterCommit',
  commitAfterFinish: 'commitAfterFinish',
  updatePlanAfterCall: 'updatePlanAfterCall',
  updatePortfolioAfterCall: 'updatePortfolioAfterCall',
} as const;
export type Setting = (typeof Setting)[keyof typeof Setting];

/** The full id of a setting, as the Settings editor and `affectsConfiguration` name it. */
export const settingId = (key: Setting): `callCoach.${Setting}` => `${SETTINGS_SECTION}.${key}`;

/** Keys in the workspace's Memento (context.workspaceState). */
export const StateKey = {
  /** Whether a call is running (its draft is a file under storageUri; see src/host/callStore.ts). */
  callRunning: 'callCoach.callRunning',
  /** The running call as Call Coach 0.1 kept it, moved to the draft file when read. */
  legacyActiveCall: 'callCoach.activeCall',
  /** Which workspace folder holds the notes, when there are several. */
  notesRoot: 'callCoach.notesRoot',
  /** The customer folder whose plan was last updated, offered first next time. */
  lastPlanCustomerFolder: 'callCoach.lastPlanCustomerFolder',
  /** The web's "cannot commit here" explanation was shown after a Finish Call. */
  webCommitExplained: 'callCoach.webCommitExplained',
  /** How the Customers view is sorted and grouped. */
  customersOrder: 'callCoach.customersOrder',
} as const;

/** Ids of things Call Coach creates that VS Code shows by id. */
export const DIAGNOSTIC_COLLECTION = 'callCoach.banks';
export const BANK_STATUS_ITEM = 'callCoach.bankStatus';

/** VS Code's own commands that Call Coach runs (for buttons in its messages). */
export const BuiltInCommand = {
  setContext: 'setContext',
  openFolder: 'workbench.action.files.openFolder',
  openSettings: 'workbench.action.openSettings',
  manageTrust: 'workbench.trust.manage',
  showSourceControl: 'workbench.view.scm',
  /** Opens Keyboard Shortcuts; an optional argument is the search text. */
  openKeyboardShortcuts: 'workbench.action.openGlobalKeybindings',
  /** `<view id>.focus` reveals and focuses a view. */
  focusView: (view: ViewId) => `${view}.focus` as const,
} as const;
