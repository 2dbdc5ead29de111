/**
 * Every user-facing string of the element, in one catalogue (STYLE.md §4). Functions take the values they
 * interpolate; the UI renders them as text, never as HTML.
 */
/**
 * A count with en-US digit grouping ("100,000"). Written out because the first `toLocaleString` of a page loads the
 * number formatting data, about 15 ms, and the list's first render is where it would land (issue 7).
 */
function count(value: number): string {
  return Number.isSafeInteger(value) ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : value.toLocaleString('en-US');
}

export const messages = {
  title: 'Conga API Connections',
  intro:
    'API connections let other systems call the Conga Advantage Platform APIs. API-to-API connections are for server integrations; UI-to-API connections are for browser apps that sign users in.',
  loading: 'Loading API connections…',
  refresh: 'Refresh',

  // Sign-in
  signIn: 'Sign in',
  signInPrompt: 'Sign in with your Conga administrator account to manage API connections.',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (name: string) => `Signed in as ${name}`,
  history: 'Your changes',
  historyCleared: 'Your list of changes is cleared.',
  notConfigured:
    'This element is not configured: set "issuer", "client-id" and "redirect-uri" (or hand it a session) and "api-base-url".',
  sessionExpired: 'Your session expired. Sign in again to continue — your changes are kept.',
  popupBlocked: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.',
  signInOnThisPage: 'Sign in on this page',

  // Access
  needAdmin: 'You need the administrator role to manage API connections.',
  needAdminDetail: 'Ask an administrator of your organization to give you the role, then sign in again.',

  // Errors (switch on code, never on message)
  retry: 'Try again',
  errorGeneric: 'Something went wrong. Try again in a moment.',
  errorNetwork: "Can't reach the server. Check your connection and try again.",
  errorOffline: "You're offline — changes not saved yet.",
  errorTimeout: "The server didn't respond.",
  errorServer: 'The server had a problem answering. Try again in a moment.',
  errorShape: 'The server sent an answer this page does not understand.',
  errorNotFound: 'This API connection no longer exists.',
  errorConflict: 'Changed by someone else since you opened it.',
  errorRejected: (status: number) => `The server rejected the request (${status}).`,
  errorRateLimited: (seconds: number) => `Too many requests — retrying in ${seconds} s`,
  errorSignIn: "Sign-in couldn't be completed.",
  errorSignInVerify: "Sign-in couldn't be verified. Please try again.",
  errorSignInConfig: 'Sign-in service configuration mismatch.',
  errorSignInUnreachable: (issuer: string) => `Can't reach the sign-in service at ${issuer}.`,
  errorSignInDenied: 'Sign-in was cancelled.',
  errorSignInClosed: 'The sign-in window was closed before sign-in finished.',
  errorSignInRedirect:
    "The sign-in service doesn't accept this page's redirect URI: it isn't registered on the connection.",
  errorSummaryTitle: 'Fix these to continue:',
  backToList: 'Back to the list',

  // List (conga-connection-list): keys added by the list's author go below this line.
  // Functions that take a name return parts, so the element can wrap the name in <bdi> (B1-06) and keep text as text.
  listLabel: 'API connections',
  addApiToApi: 'Add API To API Connection',
  addUiToApi: 'Add UI To API Connection',
  search: 'Search connections',
  searchHint: 'Matches name, External Identifier, Client ID, redirect URIs and origins.',
  filterType: 'Type',
  filterTypeAll: 'All types',
  filterStatus: 'Status',
  filterStatusAll: 'All statuses',
  columnExternalIdentifier: 'External Identifier',
  columnClientName: 'Client Name',
  columnType: 'Type',
  columnClientId: 'Client ID',
  columnStatus: 'Status',
  columnDescription: 'Description',
  columnActions: 'Actions',
  /**
   * Accessible names of the row buttons: they start with the visible text (WCAG 2.5.3) and name the row. Plain
   * strings in `aria-label`, not hidden spans, so a page of rows costs no extra nodes to build, lay out and paint. No
   * Unicode isolates: an accessible name is never laid out, so a right-to-left name can't reorder it (B1-06).
   */
  editLabel: (identifier: string, typeLabel: string) => `${identifier}, edit the ${typeLabel} connection`,
  copy: 'Copy',
  copyLabel: (name: string) => `Copy the Client ID of ${name}`,
  copied: 'Copied',
  copyFailed: 'Copy failed — select the text and copy it manually.',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  deactivating: 'Deactivating…',
  reactivating: 'Reactivating…',
  confirmDeactivateTitle: <T>(name: T) => ['Deactivate ', name, '?'] as const,
  confirmReactivateTitle: <T>(name: T) => ['Reactivate ', name, '?'] as const,
  confirmConnection: <T>(typeLabel: string, externalIdentifier: T) =>
    [`${typeLabel} connection for External Identifier `, externalIdentifier, '.'] as const,
  confirmDeactivateBody:
    'New token requests with this connection fail at once. Tokens already issued stay valid until they expire.',
  confirmReactivateBody:
    'New token requests with this connection work again at once, with the same Client ID and secret.',
  deactivated: (name: string) => `${name} is deactivated.`,
  reactivated: (name: string) => `${name} is active again.`,
  deactivateFailed: (name: string) => `Couldn't deactivate ${name}; it is still active.`,
  reactivateFailed: (name: string) => `Couldn't reactivate ${name}; it is still inactive.`,
  connectionCreated: (name: string) => `${name} was added.`,
  connectionUpdated: (name: string) => `${name} was saved.`,
  dismiss: 'Dismiss',
  refreshing: 'Refreshing…',
  empty: 'No API connections yet. Add one to let another system call the Conga Advantage Platform APIs.',
  noMatch: (search: string) =>
    search ? `No connections match “${search}” with these filters.` : 'No connections match these filters.',
  clearFilters: 'Clear filters',
  total: (connections: number) => (connections === 1 ? '1 connection' : `${count(connections)} connections`),
  showing: (from: number, to: number, matches: number) => `Showing ${count(from)}–${count(to)} of ${count(matches)}`,
  loadingSome: (connections: number) => `Loading all ${count(connections)} connections…`,
  filteredFrom: (total: number) => ` (filtered from ${count(total)})`,
  pages: 'Pages',
  previousPage: 'Previous',
  nextPage: 'Next',
  pageOf: (page: number, pages: number) => `Page ${count(page)} of ${count(pages)}`,
  stale: (time: string) => `This list may be out of date: it was loaded at ${time}.`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  // Selection (the bulk actions' own strings load with them, from bulk-messages.ts).
  selectPage: 'Select all on this page',
  selectRow: (name: string) => `Select ${name}`,
  selected: (selected: number) => `${count(selected)} selected`,
  selectAllMatching: (matching: number) => `Select all ${count(matching)} matching`,
  clearSelection: 'Clear selection',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',

  // The form, the secret hand-off and the tools: their strings load with them, from connection-form/form-messages.ts.

  // Types
  typeApiToApi: 'API to API',
  typeUiToApi: 'UI to API',
  active: 'Active',
  inactive: 'Inactive',
} as const;

/** The message catalogue's type, for hosts that want to translate it. */
export type Messages = typeof messages;
