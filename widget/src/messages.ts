/**
 * Every user-facing string of the element, in one catalogue (STYLE.md §4). Functions take the values they
 * interpolate; the UI renders them as text, never as HTML.
 *
 * Each string goes through @lit/localize's `msg()` with its key as id (issue 17; `npm run l10n:extract` writes them
 * to widget/l10n/xliff/). `build()` makes the catalogue in the current locale, and `messages` is rebuilt on each
 * locale change: a live binding, so code that reads `messages.x` when it renders gets the current language. One
 * sentence per message: a choice between sentences is a choice between messages, never a ternary inside one.
 */
import {msg, str} from './localize.js';
import {formatCount as count, onLocaleReady} from './locale.js';

/** The value the element wraps in markup (a name in `<bdi>`), as a marker while the sentence is translated. */
const MARK = '\u0000';

/**
 * A translated sentence as [before, value, after], so the element can wrap `value` in markup (B1-06) while word
 * order is the translation's.
 */
function around<T>(sentence: (value: string) => string, value: T): readonly [string, T, string] {
  const [before = '', after = ''] = sentence(MARK).split(MARK);
  return [before, value, after];
}

const build = () => ({
  title: msg('Conga API Connections', {id: 'title'}),
  intro: msg(
    'API connections let other systems call the Conga Advantage Platform APIs. API-to-API connections are for server integrations; UI-to-API connections are for browser apps that sign users in.',
    {id: 'intro'},
  ),
  loading: msg('Loading API connections…', {id: 'loading'}),
  refresh: msg('Refresh', {id: 'refresh'}),

  // Sign-in
  signIn: msg('Sign in', {id: 'signIn'}),
  signInPrompt: msg('Sign in with your Conga administrator account to manage API connections.', {id: 'signInPrompt'}),
  signingIn: msg('Signing in…', {id: 'signingIn'}),
  signOut: msg('Sign out', {id: 'signOut'}),
  signedInAs: (name: string) => msg(str`Signed in as ${name}`, {id: 'signedInAs'}),
  history: msg('Your changes', {id: 'history'}),
  historyCleared: msg('Your list of changes is cleared.', {id: 'historyCleared'}),
  notConfigured: msg(
    'This element is not configured: set "issuer", "client-id" and "redirect-uri" (or hand it a session) and "api-base-url".',
    {id: 'notConfigured'},
  ),
  sessionExpired: msg('Your session expired. Sign in again to continue — your changes are kept.', {
    id: 'sessionExpired',
  }),
  popupBlocked: msg('The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.', {
    id: 'popupBlocked',
  }),
  signInOnThisPage: msg('Sign in on this page', {id: 'signInOnThisPage'}),

  // Access
  needAdmin: msg('You need the administrator role to manage API connections.', {id: 'needAdmin'}),
  needAdminDetail: msg('Ask an administrator of your organization to give you the role, then sign in again.', {
    id: 'needAdminDetail',
  }),

  // Errors (switch on code, never on message)
  retry: msg('Try again', {id: 'retry'}),
  errorGeneric: msg('Something went wrong. Try again in a moment.', {id: 'errorGeneric'}),
  errorNetwork: msg("Can't reach the server. Check your connection and try again.", {id: 'errorNetwork'}),
  errorOffline: msg("You're offline — changes not saved yet.", {id: 'errorOffline'}),
  errorTimeout: msg("The server didn't respond.", {id: 'errorTimeout'}),
  errorServer: msg('The server had a problem answering. Try again in a moment.', {id: 'errorServer'}),
  errorShape: msg('The server sent an answer this page does not understand.', {id: 'errorShape'}),
  errorNotFound: msg('This API connection no longer exists.', {id: 'errorNotFound'}),
  errorConflict: msg('Changed by someone else since you opened it.', {id: 'errorConflict'}),
  errorRejected: (status: number) => msg(str`The server rejected the request (${status}).`, {id: 'errorRejected'}),
  errorRateLimited: (seconds: number) =>
    msg(str`Too many requests — retrying in ${seconds} s`, {id: 'errorRateLimited'}),
  errorSignIn: msg("Sign-in couldn't be completed.", {id: 'errorSignIn'}),
  errorSignInVerify: msg("Sign-in couldn't be verified. Please try again.", {id: 'errorSignInVerify'}),
  errorSignInConfig: msg('Sign-in service configuration mismatch.', {id: 'errorSignInConfig'}),
  errorSignInUnreachable: (issuer: string) =>
    msg(str`Can't reach the sign-in service at ${issuer}.`, {id: 'errorSignInUnreachable'}),
  errorSignInDenied: msg('Sign-in was cancelled.', {id: 'errorSignInDenied'}),
  errorSignInClosed: msg('The sign-in window was closed before sign-in finished.', {id: 'errorSignInClosed'}),
  errorSignInRedirect: msg(
    "The sign-in service doesn't accept this page's redirect URI: it isn't registered on the connection.",
    {id: 'errorSignInRedirect'},
  ),
  errorSummaryTitle: msg('Fix these to continue:', {id: 'errorSummaryTitle'}),
  backToList: msg('Back to the list', {id: 'backToList'}),

  // List (conga-connection-list): keys added by the list's author go below this line.
  // Functions that take a name return parts, so the element can wrap the name in <bdi> (B1-06) and keep text as text.
  listLabel: msg('API connections', {id: 'listLabel'}),
  addApiToApi: msg('Add API To API Connection', {id: 'addApiToApi'}),
  addUiToApi: msg('Add UI To API Connection', {id: 'addUiToApi'}),
  search: msg('Search connections', {id: 'search'}),
  searchHint: msg('Matches name, External Identifier, Client ID, redirect URIs and origins.', {id: 'searchHint'}),
  filterType: msg('Type', {id: 'filterType'}),
  filterTypeAll: msg('All types', {id: 'filterTypeAll'}),
  filterStatus: msg('Status', {id: 'filterStatus'}),
  filterStatusAll: msg('All statuses', {id: 'filterStatusAll'}),
  columnExternalIdentifier: msg('External Identifier', {id: 'columnExternalIdentifier'}),
  columnClientName: msg('Client Name', {id: 'columnClientName'}),
  columnType: msg('Type', {id: 'columnType'}),
  columnClientId: msg('Client ID', {id: 'columnClientId'}),
  columnStatus: msg('Status', {id: 'columnStatus'}),
  columnDescription: msg('Description', {id: 'columnDescription'}),
  columnActions: msg('Actions', {id: 'columnActions'}),
  /**
   * Accessible names of the row buttons: they start with the visible text (WCAG 2.5.3) and name the row. Plain
   * strings in `aria-label`, not hidden spans, so a page of rows costs no extra nodes to build, lay out and paint. No
   * Unicode isolates: an accessible name is never laid out, so a right-to-left name can't reorder it (B1-06).
   */
  editLabel: (identifier: string, typeLabel: string) =>
    msg(str`${identifier}, edit the ${typeLabel} connection`, {id: 'editLabel'}),
  copy: msg('Copy', {id: 'copy'}),
  copyLabel: (name: string) => msg(str`Copy the Client ID of ${name}`, {id: 'copyLabel'}),
  copied: msg('Copied', {id: 'copied'}),
  copyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'copyFailed'}),
  deactivate: msg('Deactivate', {id: 'deactivate'}),
  reactivate: msg('Reactivate', {id: 'reactivate'}),
  deactivating: msg('Deactivating…', {id: 'deactivating'}),
  reactivating: msg('Reactivating…', {id: 'reactivating'}),
  confirmDeactivateTitle: <T>(name: T) =>
    around((name) => msg(str`Deactivate ${name}?`, {id: 'confirmDeactivateTitle'}), name),
  confirmReactivateTitle: <T>(name: T) =>
    around((name) => msg(str`Reactivate ${name}?`, {id: 'confirmReactivateTitle'}), name),
  confirmConnection: <T>(typeLabel: string, externalIdentifier: T) =>
    around(
      (externalIdentifier) =>
        msg(str`${typeLabel} connection for External Identifier ${externalIdentifier}.`, {id: 'confirmConnection'}),
      externalIdentifier,
    ),
  confirmDeactivateBody: msg(
    'New token requests with this connection fail at once. Tokens already issued stay valid until they expire.',
    {id: 'confirmDeactivateBody'},
  ),
  confirmReactivateBody: msg(
    'New token requests with this connection work again at once, with the same Client ID and secret.',
    {id: 'confirmReactivateBody'},
  ),
  deactivated: (name: string) => msg(str`${name} is deactivated.`, {id: 'deactivated'}),
  reactivated: (name: string) => msg(str`${name} is active again.`, {id: 'reactivated'}),
  deactivateFailed: (name: string) =>
    msg(str`Couldn't deactivate ${name}; it is still active.`, {id: 'deactivateFailed'}),
  reactivateFailed: (name: string) =>
    msg(str`Couldn't reactivate ${name}; it is still inactive.`, {id: 'reactivateFailed'}),
  connectionCreated: (name: string) => msg(str`${name} was added.`, {id: 'connectionCreated'}),
  connectionUpdated: (name: string) => msg(str`${name} was saved.`, {id: 'connectionUpdated'}),
  dismiss: msg('Dismiss', {id: 'dismiss'}),
  refreshing: msg('Refreshing…', {id: 'refreshing'}),
  empty: msg('No API connections yet. Add one to let another system call the Conga Advantage Platform APIs.', {
    id: 'empty',
  }),
  noMatch: (search: string) =>
    search
      ? msg(str`No connections match “${search}” with these filters.`, {id: 'noMatch'})
      : msg('No connections match these filters.', {id: 'noMatch.noSearch'}),
  clearFilters: msg('Clear filters', {id: 'clearFilters'}),
  total: (connections: number) =>
    connections === 1
      ? msg('1 connection', {id: 'total.one'})
      : msg(str`${count(connections)} connections`, {id: 'total'}),
  showing: (from: number, to: number, matches: number) =>
    msg(str`Showing ${count(from)}–${count(to)} of ${count(matches)}`, {id: 'showing'}),
  loadingSome: (connections: number) => msg(str`Loading all ${count(connections)} connections…`, {id: 'loadingSome'}),
  filteredFrom: (total: number) => msg(str` (filtered from ${count(total)})`, {id: 'filteredFrom'}),
  pages: msg('Pages', {id: 'pages'}),
  previousPage: msg('Previous', {id: 'previousPage'}),
  nextPage: msg('Next', {id: 'nextPage'}),
  pageOf: (page: number, pages: number) => msg(str`Page ${count(page)} of ${count(pages)}`, {id: 'pageOf'}),
  stale: (time: string) => msg(str`This list may be out of date: it was loaded at ${time}.`, {id: 'stale'}),
  confirm: msg('Confirm', {id: 'confirm'}),
  cancel: msg('Cancel', {id: 'cancel'}),
  // Selection (the bulk actions' own strings load with them, from bulk-messages.ts).
  selectPage: msg('Select all on this page', {id: 'selectPage'}),
  selectRow: (name: string) => msg(str`Select ${name}`, {id: 'selectRow'}),
  selected: (selected: number) => msg(str`${count(selected)} selected`, {id: 'selected'}),
  selectAllMatching: (matching: number) => msg(str`Select all ${count(matching)} matching`, {id: 'selectAllMatching'}),
  clearSelection: msg('Clear selection', {id: 'clearSelection'}),
  exportCsv: msg('Export CSV', {id: 'exportCsv'}),
  exportJson: msg('Export JSON', {id: 'exportJson'}),

  // The form, the secret hand-off and the tools: their strings load with them, from connection-form/form-messages.ts.

  // Types
  typeApiToApi: msg('API to API', {id: 'typeApiToApi'}),
  typeUiToApi: msg('UI to API', {id: 'typeUiToApi'}),
  active: msg('Active', {id: 'active'}),
  inactive: msg('Inactive', {id: 'inactive'}),
});

/** The catalogue in the current locale (see above). */
export let messages = build();
onLocaleReady(() => (messages = build()));

/** The message catalogue's type. */
export type Messages = ReturnType<typeof build>;
