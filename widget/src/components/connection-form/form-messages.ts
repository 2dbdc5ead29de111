/**
 * The strings of the add/edit form, the one-time secret hand-off and the connection tools (Check a redirect URI,
 * Quickstarts, Test sign-in diagnoses). Only the lazily loaded form chunk uses them, so they load with it, not with
 * the element's main module (issue 7: 30 KB gzip). `messages` here is the main catalogue plus these, so the form's
 * code reads `messages.x` for both; a string the main module needs goes into `../../messages.ts` instead.
 */
import {messages as main} from '../../messages.js';

export const messages = {
  ...main,

  // Form (conga-connection-form): keys added by the form's author go below this line.
  formTitleCreateApiToApi: 'Add API To API Connection',
  formTitleCreateUiToApi: 'Add UI To API Connection',
  formTitleEdit: 'Edit API connection',
  formRequiredNote: 'Fields marked * are required.',
  formIntegrationUserGuidance:
    'Conga recommends the Integration User flow instead of an API-to-API connection for most integrations.',
  formIntegrationUserLink: 'About the Integration User flow',
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
  formHelpAllowedScopes:
    "Optional: the platform's own dialog doesn't ask for them. Listing scopes limits this client to them; leave it empty to let the platform decide. One scope per row.",
  formHelpAllowedScopesNoneLoaded:
    'The platform lists none for this connection: saving leaves its scopes as they are unless you add some here.',
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
  /** A connection the admin asked to edit was never there (the platform has no delete): not "no longer exists". */
  formDoesNotExist: "This API connection doesn't exist.",
  formDoesNotExistDetail: (typeLabel: string, identifier: string) =>
    `No ${typeLabel} connection has the External Identifier ${identifier}.`,
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
  secretTitleClientIdGenerated: 'Client ID generated',
  secretPublicClientNote:
    "The Client ID was generated. This is a UI-to-API connection, so it has no client secret: your app signs in with the Client ID and PKCE. Use this Client ID in your app's sign-in settings.",
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
  toolsCheckNoMatchFar: (count: number, first: string) =>
    count === 1
      ? `Doesn't match. The only registered redirect URI (${first}) is nothing like it.`
      : `Doesn't match. None of the ${String(count)} registered redirect URIs is like it (the first is ${first}).`,
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
  diagnosisRedirectNoneAlike: (redirectUri: string, count: number, first: string) =>
    count === 1
      ? `The redirect URI ${redirectUri} isn't registered on this connection, whose only redirect URI (${first}) is nothing like it.`
      : `The redirect URI ${redirectUri} isn't registered on this connection, whose ${String(count)} redirect URIs are nothing like it (the first is ${first}).`,
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
  diagnosisTokenRequestFailed: (origin: string) =>
    `The token request from ${origin} got no answer this page may read, although ${origin} is in Cors Origins. Check that the sign-in service is reachable from this page, then test again.`,
} as const;

/** The form catalogue's type, for hosts that want to translate it. */
export type FormMessages = typeof messages;
