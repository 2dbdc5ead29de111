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

  // Form (conga-connection-form): keys added by the form's author go below this line.
  formTitleCreateApiToApi: 'Add API To API Connection',
  formTitleCreateUiToApi: 'Add UI To API Connection',
  formTitleEdit: 'Edit API connection',
  formRequiredNote: 'Fields marked * are required.',
  formFieldExternalIdentifier: 'External Identifier',
  formFieldClientName: 'Client Name',
  formFieldDescription: 'Description',
  formFieldRedirectUri: 'Redirect URI',
  formFieldCorsOrigins: 'Cors Origins',
  formFieldBackChannelLogoutUri: 'Back Channel Logout URI',
  formFieldFrontChannelLogoutUri: 'Front Channel Logout URI',
  formFieldAllowedScopes: 'Allowed Scopes',
  formFieldClientId: 'Client ID',
  formChooseIdentifier: 'Choose an external identifier',
  formIdentifierTaken: (type: 'APItoAPI' | 'UItoAPI') =>
    type === 'APItoAPI' ? '(already has an API-to-API connection)' : '(already has a UI-to-API connection)',
  formIdentifierDuplicate: (type: 'APItoAPI' | 'UItoAPI') =>
    `This External Identifier already has ${type === 'APItoAPI' ? 'an API-to-API' : 'a UI-to-API'} connection. Choose another one, or edit the existing connection from the list.`,
  formNoIntegrations: 'This organization has no external integrations yet. Add one under External Integrations first.',
  formHelpClientName: 'Helps you find this connection in the list.',
  formHelpRedirectUri:
    'Where sign-in sends the user back, exactly as your app sends it. One URL per row; pasting a comma-separated list fills several rows.',
  formHelpCorsOrigins: 'The origins (https://host[:port]) your app calls the API from.',
  formHelpLogoutUri: 'Optional. Leave blank unless your app handles this kind of logout.',
  formHelpAllowedScopes: 'One scope per row.',
  formRowLabel: (field: string, row: number) => `${field} ${row}`,
  formRemove: 'Remove',
  formAddRedirectUri: 'Add redirect URI',
  formAddCorsOrigin: 'Add origin',
  formAddScope: 'Add scope',
  formUseSuggestedOrigins: 'Use suggested origins',
  formSuggestedOriginsAdded: (count: number) =>
    count === 1 ? 'Added 1 suggested origin.' : `Added ${count} suggested origins.`,
  formNoSuggestedOrigins: 'No new origins to suggest: add a valid redirect URI first.',
  formPasteSplit: (count: number) => `Pasted ${count} entries, one per row.`,
  formApplyFix: (value: string) => `Use ${value}`,
  formFieldMessage: (field: string, message: string) => `${field}: ${message}`,
  formSaveCreate: 'Save & Generate Client Secret',
  formSaveRegenerate: 'Save & Regenerate Client Secret',
  formSave: 'Save',
  formCancel: 'Cancel',
  formClose: 'Close',
  formSaving: 'Saving…',
  formLoading: 'Loading the connection…',
  formRegenerateTitle: 'Issue a new client secret?',
  formRegenerateWarning:
    'Saving issues a new client secret. The current secret stops working at once, in every system that uses it.',
  formConfirm: 'Confirm',
  formDiscardTitle: 'Discard changes?',
  formDiscardDetail: "Your changes to this connection haven't been saved.",
  formDiscard: 'Discard changes',
  formSaveFailed: "Couldn't save — your changes are still here.",
  formRetry: 'Retry',
  formCreatedSecretLost: "The connection was created, but its secret couldn't be displayed. Generate a new secret.",
  formGenerateNewSecret: 'Generate a new secret',
  formCreateAsNew: 'Create as new (prefilled)',
  formConflictField: 'Field',
  formConflictYours: 'Your version',
  formConflictTheirs: 'Latest version',
  formConflictNoFieldChanges: 'No field values differ: it was saved again, or its status or secret changed.',
  formConflictReapply: 'Re-apply my changes on the latest version',
  formConflictTakeTheirs: 'Take theirs',
  formConflictKeepEditing: 'Keep editing',
  formConflictTookTheirs: 'The form now shows the latest version.',
  formEmptyValue: '(empty)',
  formDetails: 'Details',
  formCreated: 'Created',
  formModified: 'Modified',
  formStatus: 'Status',
  formUnknown: 'unknown',
  formByOn: (name: string, date: string) => `${name}, ${date}`,
  formCopy: 'Copy',
  formCopied: 'Copied',
  formCopyFailed: 'Copy failed — select the text and copy it manually.',
  formNoApiClient: 'This form is not connected to the platform yet.',

  // Secret hand-off (conga-secret-reveal): keys added below this line.
  secretTitleCreated: 'API connection created',
  secretTitleRegenerated: 'New client secret issued',
  secretClientId: 'Client ID',
  secretClientSecret: 'Client Secret',
  secretWarning: "This is the only time the secret is shown. Store it now: it can't be shown again.",
  secretUpdateEverywhere: 'Update it in every system that used the previous secret.',
  secretPublicClientNote:
    "Use this Client ID in your app's sign-in settings. UI-to-API connections have no secret: they sign in with PKCE.",
  secretCopy: 'Copy',
  secretCopyEnv: 'Copy as .env',
  secretCopied: 'Copied',
  secretCopiedEnv: 'Copied as .env',
  secretCopyFailed: 'Copy failed — select the text and copy it manually.',
  secretStored: 'I have stored the secret',
  secretDone: 'Done',
  secretDoneHint: 'Check “I have stored the secret” first.',
  secretClose: 'Close',
  secretCloseQuestion: "You haven't confirmed you've saved the secret. It can't be shown again. Close anyway?",
  secretCloseAnyway: 'Close anyway',
  secretKeepOpen: 'Keep it open',

  // Tools (conga-connection-tools): keys added by the tools' author go below this line.
  toolsTitle: 'Tools',
  toolsCheckTitle: 'Check a redirect URI',
  toolsCheckLabel: 'Redirect URI your app sends',
  toolsCheckHelp: 'Paste the redirect_uri your app puts in its sign-in request.',
  toolsCheckButton: 'Check',
  toolsCheckMatch: 'Matches the registered redirect URI exactly.',
  toolsCheckNoMatch: (closest: string, difference: string) =>
    `Doesn't match. Closest registered: ${closest} — differs by ${difference}.`,
  toolsCheckNoMatchNone: "Doesn't match.",
  toolsCheckRule: (rule: string) => `Rule: ${rule}`,
  toolsQuickstartsTitle: 'Quickstarts for this connection',
  toolsQuickstartsIntro:
    'Prefilled with this connection’s Client ID and your tenant’s endpoints. They never contain a client secret: use the one you stored when it was shown.',
  toolsEndpointsUnknown:
    'The sign-in endpoints of this tenant are unknown (no issuer, and the API base URL is not a known Conga region). Replace <issuer> with your tenant’s login URL.',
  toolsCurlTitle: 'Get a token with curl (client_credentials)',
  toolsApiCallTitle: 'Call the API with the token (user-id header)',
  toolsNodeTitle: 'Node.js (oauth4webapi)',
  toolsSalesforceTitle: 'Salesforce Auth. Provider',
  toolsSalesforceConsumerKey: 'Consumer Key',
  toolsSalesforceConsumerSecret: 'Consumer Secret',
  toolsSalesforceStoredSecret: '(the secret you stored)',
  toolsSalesforceAuthorize: 'Authorize Endpoint URL',
  toolsSalesforceToken: 'Token Endpoint URL',
  toolsSalesforceUserInfo: 'User Info Endpoint URL',
  toolsSalesforceScopes: 'Default Scopes',
  toolsSpaTitle: 'Browser single-page app configuration',
  toolsSpaCodeTitle: 'Browser sign-in (oauth4webapi)',
  toolsNoRedirectUri: 'Register a redirect URI first: the single-page app configuration uses the first one.',
  toolsCopy: 'Copy',
  toolsCopied: 'Copied',
  toolsCopyFailed: 'Copy failed — select the text and copy it manually.',
  // Test sign-in diagnoses (diagnose.ts): one plain-language sentence each.
  diagnosisInactive:
    'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
  diagnosisClientRefused:
    'The platform refused this Client ID (invalid_client). Reload the connection: it may have been deactivated or changed.',
  diagnosisRedirectNotRegistered: (redirectUri: string, closest: string, difference: string) =>
    `The redirect URI ${redirectUri} isn't registered on this connection. Closest registered: ${closest} — differs by ${difference}.`,
  diagnosisRedirectNoneRegistered: (redirectUri: string) =>
    `The redirect URI ${redirectUri} isn't registered on this connection, which has no redirect URIs yet.`,
  diagnosisAddRedirectUri: (redirectUri: string) => `Add ${redirectUri} to Redirect URIs`,
  diagnosisScopeNotAllowed: (scopes: string) =>
    `The sign-in asked for scopes this connection doesn't allow: ${scopes}. Add them to Allowed Scopes or stop asking for them.`,
  diagnosisScopeRefused:
    'The platform refused the requested scopes (invalid_scope). Check Allowed Scopes against the scopes the app asks for.',
  diagnosisOriginMissing: (origin: string) =>
    `The browser blocked the token request: ${origin} isn't in this connection's Cors Origins.`,
  diagnosisAddOrigin: (origin: string) => `Add ${origin} to Cors Origins`,
  diagnosisAccessDenied: 'The user declined access on the consent page.',
  diagnosisUnknown: (error: string) =>
    `Sign-in failed with the platform's error "${error}". The connection's settings don't explain it.`,

  // Types
  typeApiToApi: 'API to API',
  typeUiToApi: 'UI to API',
  active: 'Active',
  inactive: 'Inactive',
} as const;

/** The message catalogue's type, for hosts that want to translate it. */
export type Messages = typeof messages;
