/**
 * The strings of the add/edit form. Only the lazily loaded form chunk uses them, so they load with it, not with the
 * element's main module (issue 7: 30 KB gzip). `messages` here is the main catalogue plus these, so the form's code
 * reads `messages.x` for both; a string the main module needs goes into `../../messages.ts` instead. The one-time
 * secret hand-off's and the connection tools' strings load with those parts (`../connection-tools/tools-messages.ts`),
 * not with the form (issue 18: what a first visit loads).
 */
import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';
import {messages as main} from '../../messages.js';
import type {PartsMessages} from '../connection-tools/tools-messages.js';
import type {EditMessages} from './edit-messages.js';

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
  formChooseIdentifier: msg('Choose an external identifier', {id: 'formChooseIdentifier'}),
  formIdentifierTaken: (type: 'APItoAPI' | 'UItoAPI') =>
    type === 'APItoAPI'
      ? msg('(already has an API-to-API connection)', {id: 'formIdentifierTaken.apiToApi'})
      : msg('(already has a UI-to-API connection)', {id: 'formIdentifierTaken.uiToApi'}),
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
  formDiscardTitle: msg('Discard changes?', {id: 'formDiscardTitle'}),
  formDiscardDetail: msg("Your changes to this connection haven't been saved.", {id: 'formDiscardDetail'}),
  formDiscard: msg('Discard changes', {id: 'formDiscard'}),
  formSaveFailed: msg("Couldn't save — your changes are still here.", {id: 'formSaveFailed'}),
  formRetry: msg('Retry', {id: 'formRetry'}),
  formCreatedSecretLost: msg(
    "The connection was created, but its secret couldn't be displayed. Generate a new secret.",
    {id: 'formCreatedSecretLost'},
  ),
  formGenerateNewSecret: msg('Generate a new secret', {id: 'formGenerateNewSecret'}),
  formConflictTookTheirs: msg('The form now shows the latest version.', {id: 'formConflictTookTheirs'}),
  formCopied: msg('Copied', {id: 'formCopied'}),
  formCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'formCopyFailed'}),
  formNoApiClient: msg('This form is not connected to the platform yet.', {id: 'formNoApiClient'}),
  // Test sign-in asked the form to add a value (the form announces it; the tools load later).
});

/** The main catalogue plus the form's, in the current locale. */
export let messages = build();
onLocaleReady(() => (messages = build()));

/**
 * The form catalogue's type, with the strings that load with the form's parts: the edit form's, the hand-off's and
 * the tools'.
 */
export type FormMessages = ReturnType<typeof build> & EditMessages & PartsMessages;
