/**
 * Every user-facing string of the element, in one catalogue (STYLE.md §4). Functions take the values they
 * interpolate; the UI renders them as text, never as HTML.
 *
 * Each string goes through @lit/localize's `msg()` (issue 17; `npm run l10n:extract` writes them to
 * widget/l10n/xliff/). These carry no explicit id: lit-localize's id is then a hash of the English, which costs the
 * main module nothing (an `{id}` per message was 0.5 KB gzip of its 30 KB); translations match by the English text. `build()` makes the catalogue in the current locale, and `messages` is rebuilt on each
 * locale change: a live binding, so code that reads `messages.x` when it renders gets the current language. One
 * sentence per message: a choice between sentences is a choice between messages, never a ternary inside one.
 */
import {msg, str} from './localize.js';
import {formatCount as count, onLocaleReady} from './locale.js';

const build = () => ({
  title: msg('Conga API Connections'),
  loading: msg('Loading API connections…'),
  refresh: msg('Refresh'),

  // Sign-in
  signIn: msg('Sign in'),
  signInPrompt: msg('Sign in with your Conga administrator account to manage API connections.'),
  signingIn: msg('Signing in…'),
  signOut: msg('Sign out'),
  signedInAs: (name: string) => msg(str`Signed in as ${name}`),
  history: msg('Your changes'),
  historyCleared: msg('Your list of changes is cleared.'),
  notConfigured: msg(
    'This element is not configured: set "issuer", "client-id" and "redirect-uri" (or hand it a session) and "api-base-url".',
  ),
  sessionExpired: msg('Your session expired. Sign in again to continue — your changes are kept.'),
  popupBlocked: msg('The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.'),
  signInOnThisPage: msg('Sign in on this page'),

  // Access
  needAdmin: msg('You need the administrator role to manage API connections.'),
  needAdminDetail: msg('Ask an administrator of your organization to give you the role, then sign in again.'),

  // Errors (switch on code, never on message)
  retry: msg('Try again'),
  errorGeneric: msg('Something went wrong. Try again in a moment.'),
  errorNetwork: msg("Can't reach the server. Check your connection and try again."),
  errorOffline: msg("You're offline — changes not saved yet."),
  errorTimeout: msg("The server didn't respond."),
  errorServer: msg('The server had a problem answering. Try again in a moment.'),
  errorShape: msg('The server sent an answer this page does not understand.'),
  errorNotFound: msg('This API connection no longer exists.'),
  errorConflict: msg('Changed by someone else since you opened it.'),
  errorRejected: (status: number) => msg(str`The server rejected the request (${status}).`),
  errorRateLimited: (seconds: number) => msg(str`Too many requests — retrying in ${seconds} s`),
  errorSignIn: msg("Sign-in couldn't be completed."),
  errorSignInVerify: msg("Sign-in couldn't be verified. Please try again."),
  errorSignInConfig: msg('Sign-in service configuration mismatch.'),
  errorSignInUnreachable: (issuer: string) => msg(str`Can't reach the sign-in service at ${issuer}.`),
  errorSignInDenied: msg('Sign-in was cancelled.'),
  errorSignInClosed: msg('The sign-in window was closed before sign-in finished.'),
  errorSignInRedirect: msg(
    "The sign-in service doesn't accept this page's redirect URI: it isn't registered on the connection.",
  ),

  // List (conga-connection-list): keys added by the list's author go below this line.
  // Functions that take a name return parts, so the element can wrap the name in <bdi> (B1-06) and keep text as text.
  listLabel: msg('API connections'),
  addApiToApi: msg('Add API To API Connection'),
  addUiToApi: msg('Add UI To API Connection'),
  search: msg('Search connections'),
  searchHint: msg('Matches name, External Identifier, Client ID, redirect URIs and origins.'),
  /** The type filter's label and the column's header: one message, as the platform's UI has one word for both. */
  type: msg('Type'),
  filterTypeAll: msg('All types'),
  /** The status filter's label and the column's header. */
  status: msg('Status'),
  filterStatusAll: msg('All statuses'),
  columnExternalIdentifier: msg('External Identifier'),
  columnClientName: msg('Client Name'),
  columnClientId: msg('Client ID'),
  columnDescription: msg('Description'),
  columnActions: msg('Actions'),
  /**
   * Accessible names of the row buttons: they start with the visible text (WCAG 2.5.3) and name the row. Plain
   * strings in `aria-label`, not hidden spans, so a page of rows costs no extra nodes to build, lay out and paint. No
   * Unicode isolates: an accessible name is never laid out, so a right-to-left name can't reorder it (B1-06).
   */
  editLabel: (identifier: string, typeLabel: string) => msg(str`${identifier}, edit the ${typeLabel} connection`),
  copy: msg('Copy'),
  copyLabel: (name: string) => msg(str`Copy the Client ID of ${name}`),
  copied: msg('Copied'),
  copyFailed: msg('Copy failed — select the text and copy it manually.'),
  deactivate: msg('Deactivate'),
  reactivate: msg('Reactivate'),
  deactivating: msg('Deactivating…'),
  reactivating: msg('Reactivating…'),
  connectionCreated: (name: string) => msg(str`${name} was added.`),
  connectionUpdated: (name: string) => msg(str`${name} was saved.`),
  dismiss: msg('Dismiss'),
  refreshing: msg('Refreshing…'),
  empty: msg('No API connections yet. Add one to let another system call the Conga Advantage Platform APIs.'),
  noMatch: (search: string) =>
    search
      ? msg(str`No connections match “${search}” with these filters.`)
      : msg('No connections match these filters.'),
  clearFilters: msg('Clear filters'),
  total: (connections: number) =>
    connections === 1 ? msg('1 connection') : msg(str`${count(connections)} connections`),
  showing: (from: number, to: number, matches: number) =>
    msg(str`Showing ${count(from)}–${count(to)} of ${count(matches)}`),
  loadingSome: (connections: number) => msg(str`Loading all ${count(connections)} connections…`),
  filteredFrom: (total: number) => msg(str` (filtered from ${count(total)})`),
  pages: msg('Pages'),
  previousPage: msg('Previous'),
  nextPage: msg('Next'),
  pageOf: (page: number, pages: number) => msg(str`Page ${count(page)} of ${count(pages)}`),
  stale: (time: string) => msg(str`This list may be out of date: it was loaded at ${time}.`),
  confirm: msg('Confirm'),
  cancel: msg('Cancel'),
  // Selection (the bulk actions' own strings load with them, from bulk-messages.ts).
  selectPage: msg('Select all on this page'),
  selectRow: (name: string) => msg(str`Select ${name}`),
  selected: (selected: number) => msg(str`${count(selected)} selected`),
  selectAllMatching: (matching: number) => msg(str`Select all ${count(matching)} matching`),
  clearSelection: msg('Clear selection'),
  exportCsv: msg('Export CSV'),
  exportJson: msg('Export JSON'),

  // The form, the secret hand-off and the tools: their strings load with them, from connection-form/form-messages.ts.

  // Types
  typeApiToApi: msg('API to API'),
  typeUiToApi: msg('UI to API'),
  active: msg('Active'),
  inactive: msg('Inactive'),
});

/** The catalogue in the current locale (see above). */
export let messages = build();
onLocaleReady(() => (messages = build()));

/** The message catalogue's type. */
export type Messages = ReturnType<typeof build>;
