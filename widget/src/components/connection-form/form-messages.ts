/**
 * The strings of the add/edit form, the one-time secret hand-off and the connection tools (Check a redirect URI,
 * Quickstarts, Test sign-in diagnoses). Only the lazily loaded form chunk uses them, so they load with it, not with
 * the element's main module (issue 7: 30 KB gzip). `messages` here is the main catalogue plus these, so the form's
 * code reads `messages.x` for both; a string the main module needs goes into `../../messages.ts` instead.
 */
import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';
import {messages as main} from '../../messages.js';

/**
 * Built like the main catalogue (see messages.ts): `main` is read when this runs, so a locale change rebuilds this
 * after the main catalogue (whose listener was registered first, when messages.ts was evaluated).
 */
const build = () => ({
  ...main,

  // Form (conga-connection-form): keys added by the form's author go below this line.
  formTitleCreateApiToApi: msg('Add API To API Connection', {id: 'formTitleCreateApiToApi'}),
  formTitleCreateUiToApi: msg('Add UI To API Connection', {id: 'formTitleCreateUiToApi'}),
  formTitleEdit: msg('Edit API connection', {id: 'formTitleEdit'}),
  errorSummaryTitle: msg('Fix these to continue:', {id: 'errorSummaryTitle'}),
  backToList: msg('Back to the list', {id: 'backToList'}),
  formRequiredNote: msg('Fields marked * are required.', {id: 'formRequiredNote'}),
  formIntegrationUserGuidance: msg(
    'Conga recommends the Integration User flow instead of an API-to-API connection for most integrations.',
    {id: 'formIntegrationUserGuidance'},
  ),
  formIntegrationUserLink: msg('About the Integration User flow', {id: 'formIntegrationUserLink'}),
  formFieldExternalIdentifier: msg('External Identifier', {id: 'formFieldExternalIdentifier'}),
  formFieldClientName: msg('Client Name', {id: 'formFieldClientName'}),
  formFieldDescription: msg('Description', {id: 'formFieldDescription'}),
  formFieldRedirectUri: msg('Redirect URI', {id: 'formFieldRedirectUri'}),
  formFieldCorsOrigins: msg('Cors Origins', {id: 'formFieldCorsOrigins'}),
  formFieldBackChannelLogoutUri: msg('Back Channel Logout URI', {id: 'formFieldBackChannelLogoutUri'}),
  formFieldFrontChannelLogoutUri: msg('Front Channel Logout URI', {id: 'formFieldFrontChannelLogoutUri'}),
  formFieldAllowedScopes: msg('Allowed Scopes', {id: 'formFieldAllowedScopes'}),
  formFieldClientId: msg('Client ID', {id: 'formFieldClientId'}),
  formChooseIdentifier: msg('Choose an external identifier', {id: 'formChooseIdentifier'}),
  formIdentifierTaken: (type: 'APItoAPI' | 'UItoAPI') =>
    type === 'APItoAPI'
      ? msg('(already has an API-to-API connection)', {id: 'formIdentifierTaken.apiToApi'})
      : msg('(already has a UI-to-API connection)', {id: 'formIdentifierTaken.uiToApi'}),
  formIdentifierDuplicate: (type: 'APItoAPI' | 'UItoAPI') =>
    type === 'APItoAPI'
      ? msg(
          'This External Identifier already has an API-to-API connection. Choose another one, or edit the existing connection from the list.',
          {id: 'formIdentifierDuplicate.apiToApi'},
        )
      : msg(
          'This External Identifier already has a UI-to-API connection. Choose another one, or edit the existing connection from the list.',
          {id: 'formIdentifierDuplicate.uiToApi'},
        ),
  formNoIntegrations: msg(
    'This organization has no external integrations yet. Add one under External Integrations first.',
    {id: 'formNoIntegrations'},
  ),
  formHelpClientName: msg('Helps you find this connection in the list.', {id: 'formHelpClientName'}),
  formHelpRedirectUri: msg(
    'Where sign-in sends the user back, exactly as your app sends it. One URL per row; pasting a comma-separated list fills several rows.',
    {id: 'formHelpRedirectUri'},
  ),
  formHelpCorsOrigins: msg('The origins (https://host[:port]) your app calls the API from.', {
    id: 'formHelpCorsOrigins',
  }),
  formHelpLogoutUri: msg('Optional. Leave blank unless your app handles this kind of logout.', {
    id: 'formHelpLogoutUri',
  }),
  formHelpAllowedScopes: msg(
    "Optional: the platform's own dialog doesn't ask for them. Listing scopes limits this client to them; leave it empty to let the platform decide. One scope per row.",
    {id: 'formHelpAllowedScopes'},
  ),
  formHelpAllowedScopesNoneLoaded: msg(
    'The platform lists none for this connection: saving leaves its scopes as they are unless you add some here.',
    {id: 'formHelpAllowedScopesNoneLoaded'},
  ),
  formRowLabel: (field: string, row: number) => msg(str`${field} ${row}`, {id: 'formRowLabel'}),
  formRemove: msg('Remove', {id: 'formRemove'}),
  formAddRedirectUri: msg('Add redirect URI', {id: 'formAddRedirectUri'}),
  formAddCorsOrigin: msg('Add origin', {id: 'formAddCorsOrigin'}),
  formAddScope: msg('Add scope', {id: 'formAddScope'}),
  formUseSuggestedOrigins: msg('Use suggested origins', {id: 'formUseSuggestedOrigins'}),
  formSuggestedOriginsAdded: (count: number) =>
    count === 1
      ? msg('Added 1 suggested origin.', {id: 'formSuggestedOriginsAdded.one'})
      : msg(str`Added ${count} suggested origins.`, {id: 'formSuggestedOriginsAdded'}),
  formNoSuggestedOrigins: msg('No new origins to suggest: add a valid redirect URI first.', {
    id: 'formNoSuggestedOrigins',
  }),
  formPasteSplit: (count: number) => msg(str`Pasted ${count} entries, one per row.`, {id: 'formPasteSplit'}),
  formApplyFix: (value: string) => msg(str`Use ${value}`, {id: 'formApplyFix'}),
  formFieldMessage: (field: string, message: string) => msg(str`${field}: ${message}`, {id: 'formFieldMessage'}),
  formSaveCreate: msg('Save & Generate Client Secret', {id: 'formSaveCreate'}),
  formSaveRegenerate: msg('Save & Regenerate Client Secret', {id: 'formSaveRegenerate'}),
  formSave: msg('Save', {id: 'formSave'}),
  formCancel: msg('Cancel', {id: 'formCancel'}),
  formClose: msg('Close', {id: 'formClose'}),
  formSaving: msg('Saving…', {id: 'formSaving'}),
  formLoading: msg('Loading the connection…', {id: 'formLoading'}),
  formRegenerateTitle: msg('Issue a new client secret?', {id: 'formRegenerateTitle'}),
  formRegenerateWarning: msg(
    'Saving issues a new client secret. The current secret stops working at once, in every system that uses it.',
    {id: 'formRegenerateWarning'},
  ),
  formConfirm: msg('Confirm', {id: 'formConfirm'}),
  formDiscardTitle: msg('Discard changes?', {id: 'formDiscardTitle'}),
  formDiscardDetail: msg("Your changes to this connection haven't been saved.", {id: 'formDiscardDetail'}),
  formDiscard: msg('Discard changes', {id: 'formDiscard'}),
  formSaveFailed: msg("Couldn't save — your changes are still here.", {id: 'formSaveFailed'}),
  formRetry: msg('Retry', {id: 'formRetry'}),
  /** A connection the admin asked to edit was never there (the platform has no delete): not "no longer exists". */
  formDoesNotExist: msg("This API connection doesn't exist.", {id: 'formDoesNotExist'}),
  formDoesNotExistDetail: (typeLabel: string, identifier: string) =>
    msg(str`No ${typeLabel} connection has the External Identifier ${identifier}.`, {id: 'formDoesNotExistDetail'}),
  formCreatedSecretLost: msg(
    "The connection was created, but its secret couldn't be displayed. Generate a new secret.",
    {id: 'formCreatedSecretLost'},
  ),
  formGenerateNewSecret: msg('Generate a new secret', {id: 'formGenerateNewSecret'}),
  formCreateAsNew: msg('Create as new (prefilled)', {id: 'formCreateAsNew'}),
  formConflictField: msg('Field', {id: 'formConflictField'}),
  formConflictYours: msg('Your version', {id: 'formConflictYours'}),
  formConflictTheirs: msg('Latest version', {id: 'formConflictTheirs'}),
  formConflictNoFieldChanges: msg('No field values differ: it was saved again, or its status or secret changed.', {
    id: 'formConflictNoFieldChanges',
  }),
  formConflictReapply: msg('Re-apply my changes on the latest version', {id: 'formConflictReapply'}),
  formConflictTakeTheirs: msg('Take theirs', {id: 'formConflictTakeTheirs'}),
  formConflictKeepEditing: msg('Keep editing', {id: 'formConflictKeepEditing'}),
  formConflictTookTheirs: msg('The form now shows the latest version.', {id: 'formConflictTookTheirs'}),
  formEmptyValue: msg('(empty)', {id: 'formEmptyValue'}),
  formDetails: msg('Details', {id: 'formDetails'}),
  formCreated: msg('Created', {id: 'formCreated'}),
  formModified: msg('Modified', {id: 'formModified'}),
  formStatus: msg('Status', {id: 'formStatus'}),
  formUnknown: msg('unknown', {id: 'formUnknown'}),
  formByOn: (name: string, date: string) => msg(str`${name}, ${date}`, {id: 'formByOn'}),
  formCopy: msg('Copy', {id: 'formCopy'}),
  formCopied: msg('Copied', {id: 'formCopied'}),
  formCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'formCopyFailed'}),
  formNoApiClient: msg('This form is not connected to the platform yet.', {id: 'formNoApiClient'}),

  // Secret hand-off (conga-secret-reveal): keys added below this line.
  secretTitleCreated: msg('API connection created', {id: 'secretTitleCreated'}),
  secretTitleRegenerated: msg('New client secret issued', {id: 'secretTitleRegenerated'}),
  secretClientId: msg('Client ID', {id: 'secretClientId'}),
  secretClientSecret: msg('Client Secret', {id: 'secretClientSecret'}),
  secretWarning: msg("This is the only time the secret is shown. Store it now: it can't be shown again.", {
    id: 'secretWarning',
  }),
  secretUpdateEverywhere: msg('Update it in every system that used the previous secret.', {
    id: 'secretUpdateEverywhere',
  }),
  secretTitleClientIdGenerated: msg('Client ID generated', {id: 'secretTitleClientIdGenerated'}),
  secretPublicClientNote: msg(
    "The Client ID was generated. This is a UI-to-API connection, so it has no client secret: your app signs in with the Client ID and PKCE. Use this Client ID in your app's sign-in settings.",
    {id: 'secretPublicClientNote'},
  ),
  secretCopy: msg('Copy', {id: 'secretCopy'}),
  secretCopyEnv: msg('Copy as .env', {id: 'secretCopyEnv'}),
  secretCopied: msg('Copied', {id: 'secretCopied'}),
  secretCopiedEnv: msg('Copied as .env', {id: 'secretCopiedEnv'}),
  secretCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'secretCopyFailed'}),
  secretStored: msg('I have stored the secret', {id: 'secretStored'}),
  secretDone: msg('Done', {id: 'secretDone'}),
  secretDoneHint: msg('Check “I have stored the secret” first.', {id: 'secretDoneHint'}),
  secretClose: msg('Close', {id: 'secretClose'}),
  secretCloseQuestion: msg("You haven't confirmed you've saved the secret. It can't be shown again. Close anyway?", {
    id: 'secretCloseQuestion',
  }),
  secretCloseAnyway: msg('Close anyway', {id: 'secretCloseAnyway'}),
  secretKeepOpen: msg('Keep it open', {id: 'secretKeepOpen'}),

  // Tools (conga-connection-tools): keys added by the tools' author go below this line.
  toolsTitle: msg('Tools', {id: 'toolsTitle'}),
  toolsCheckTitle: msg('Check a redirect URI', {id: 'toolsCheckTitle'}),
  toolsCheckLabel: msg('Redirect URI your app sends', {id: 'toolsCheckLabel'}),
  toolsCheckHelp: msg('Paste the redirect_uri your app puts in its sign-in request.', {id: 'toolsCheckHelp'}),
  toolsCheckButton: msg('Check', {id: 'toolsCheckButton'}),
  toolsCheckMatch: msg('Matches the registered redirect URI exactly.', {id: 'toolsCheckMatch'}),
  toolsCheckNoMatch: (closest: string, difference: string) =>
    msg(str`Doesn't match. Closest registered: ${closest} — differs by ${difference}.`, {id: 'toolsCheckNoMatch'}),
  toolsCheckNoMatchNone: msg("Doesn't match.", {id: 'toolsCheckNoMatchNone'}),
  toolsCheckNoMatchFar: (count: number, first: string) =>
    count === 1
      ? msg(str`Doesn't match. The only registered redirect URI (${first}) is nothing like it.`, {
          id: 'toolsCheckNoMatchFar.one',
        })
      : msg(
          str`Doesn't match. None of the ${String(count)} registered redirect URIs is like it (the first is ${first}).`,
          {
            id: 'toolsCheckNoMatchFar',
          },
        ),
  toolsCheckRule: (rule: string) => msg(str`Rule: ${rule}`, {id: 'toolsCheckRule'}),
  toolsQuickstartsTitle: msg('Quickstarts for this connection', {id: 'toolsQuickstartsTitle'}),
  toolsQuickstartsIntro: msg(
    'Prefilled with this connection’s Client ID and your tenant’s endpoints. They never contain a client secret: use the one you stored when it was shown.',
    {id: 'toolsQuickstartsIntro'},
  ),
  toolsEndpointsUnknown: msg(
    'The sign-in endpoints of this tenant are unknown (no issuer, and the API base URL is not a known Conga region). Replace <issuer> with your tenant’s login URL.',
    {id: 'toolsEndpointsUnknown'},
  ),
  toolsCurlTitle: msg('Get a token with curl (client_credentials)', {id: 'toolsCurlTitle'}),
  toolsApiCallTitle: msg('Call the API with the token (user-id header)', {id: 'toolsApiCallTitle'}),
  toolsNodeTitle: msg('Node.js (oauth4webapi)', {id: 'toolsNodeTitle'}),
  toolsSalesforceTitle: msg('Salesforce Auth. Provider', {id: 'toolsSalesforceTitle'}),
  toolsSalesforceConsumerKey: msg('Consumer Key', {id: 'toolsSalesforceConsumerKey'}),
  toolsSalesforceConsumerSecret: msg('Consumer Secret', {id: 'toolsSalesforceConsumerSecret'}),
  toolsSalesforceStoredSecret: msg('(the secret you stored)', {id: 'toolsSalesforceStoredSecret'}),
  toolsSalesforceAuthorize: msg('Authorize Endpoint URL', {id: 'toolsSalesforceAuthorize'}),
  toolsSalesforceToken: msg('Token Endpoint URL', {id: 'toolsSalesforceToken'}),
  toolsSalesforceUserInfo: msg('User Info Endpoint URL', {id: 'toolsSalesforceUserInfo'}),
  toolsSalesforceScopes: msg('Default Scopes', {id: 'toolsSalesforceScopes'}),
  toolsSpaTitle: msg('Browser single-page app configuration', {id: 'toolsSpaTitle'}),
  toolsSpaCodeTitle: msg('Browser sign-in (oauth4webapi)', {id: 'toolsSpaCodeTitle'}),
  toolsNoRedirectUri: msg('Register a redirect URI first: the single-page app configuration uses the first one.', {
    id: 'toolsNoRedirectUri',
  }),
  toolsCopy: msg('Copy', {id: 'toolsCopy'}),
  toolsCopied: msg('Copied', {id: 'toolsCopied'}),
  toolsCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'toolsCopyFailed'}),
  // Test sign-in diagnoses (diagnose.ts): one plain-language sentence each.
  diagnosisInactive: msg(
    'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
    {id: 'diagnosisInactive'},
  ),
  diagnosisClientRefused: msg(
    'The platform refused this Client ID (invalid_client). Reload the connection: it may have been deactivated or changed.',
    {id: 'diagnosisClientRefused'},
  ),
  diagnosisRedirectNotRegistered: (redirectUri: string, closest: string, difference: string) =>
    msg(
      str`The redirect URI ${redirectUri} isn't registered on this connection. Closest registered: ${closest} — differs by ${difference}.`,
      {id: 'diagnosisRedirectNotRegistered'},
    ),
  diagnosisRedirectNoneAlike: (redirectUri: string, count: number, first: string) =>
    count === 1
      ? msg(
          str`The redirect URI ${redirectUri} isn't registered on this connection, whose only redirect URI (${first}) is nothing like it.`,
          {id: 'diagnosisRedirectNoneAlike.one'},
        )
      : msg(
          str`The redirect URI ${redirectUri} isn't registered on this connection, whose ${String(count)} redirect URIs are nothing like it (the first is ${first}).`,
          {id: 'diagnosisRedirectNoneAlike'},
        ),
  diagnosisRedirectNoneRegistered: (redirectUri: string) =>
    msg(str`The redirect URI ${redirectUri} isn't registered on this connection, which has no redirect URIs yet.`, {
      id: 'diagnosisRedirectNoneRegistered',
    }),
  diagnosisAddRedirectUri: (redirectUri: string) =>
    msg(str`Add ${redirectUri} to Redirect URIs`, {id: 'diagnosisAddRedirectUri'}),
  diagnosisScopeNotAllowed: (scopes: string) =>
    msg(
      str`The sign-in asked for scopes this connection doesn't allow: ${scopes}. Add them to Allowed Scopes or stop asking for them.`,
      {id: 'diagnosisScopeNotAllowed'},
    ),
  diagnosisScopeRefused: msg(
    'The platform refused the requested scopes (invalid_scope). Check Allowed Scopes against the scopes the app asks for.',
    {id: 'diagnosisScopeRefused'},
  ),
  diagnosisOriginMissing: (origin: string) =>
    msg(str`The browser blocked the token request: ${origin} isn't in this connection's Cors Origins.`, {
      id: 'diagnosisOriginMissing',
    }),
  diagnosisAddOrigin: (origin: string) => msg(str`Add ${origin} to Cors Origins`, {id: 'diagnosisAddOrigin'}),
  diagnosisAccessDenied: msg('The user declined access on the consent page.', {id: 'diagnosisAccessDenied'}),
  diagnosisUnknown: (error: string) =>
    msg(str`Sign-in failed with the platform's error "${error}". The connection's settings don't explain it.`, {
      id: 'diagnosisUnknown',
    }),
  diagnosisTokenRequestFailed: (origin: string) =>
    msg(
      str`The token request from ${origin} got no answer this page may read, although ${origin} is in Cors Origins. Check that the sign-in service is reachable from this page, then test again.`,
      {id: 'diagnosisTokenRequestFailed'},
    ),
});

/** The main catalogue plus the form's, in the current locale. */
export let messages = build();
onLocaleReady(() => (messages = build()));

/** The form catalogue's type. */
export type FormMessages = ReturnType<typeof build>;
