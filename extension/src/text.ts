/**
 * Every sentence the extension's own pages show (the tab's copy is in the widget's message catalogue). Through
 * `msg()` like the widget's catalogues (widget/src/messages.ts), ids prefixed `extension.`; the manifest's own text
 * (name, description, commands) is in extension/_locales/.
 */
import {msg, str} from '@lit/localize';
import {onLocaleReady} from '@conga-connections/widget/locale';

const build = () => ({
  tenant: msg('Tenant', {id: 'extension.tenant'}),
  noTenants: msg('Add the Conga tenant you manage to get started.', {id: 'extension.noTenants'}),
  openSettings: msg('Settings', {id: 'extension.openSettings'}),
  addTenant: msg('Add a tenant', {id: 'extension.addTenant'}),
  openSidePanel: msg('Open side panel', {id: 'extension.openSidePanel'}),
  openTab: msg('Open in a tab', {id: 'extension.openTab'}),
  promote: msg('Promote…', {id: 'extension.promote'}),
  promoteBetweenTenants: msg('Promote connections between tenants…', {id: 'extension.promoteBetweenTenants'}),
  promoteHint: msg('Copy connections from one tenant to another, e.g. from a sandbox to production.', {
    id: 'extension.promoteHint',
  }),
  showInPage: msg('Show in this page', {id: 'extension.showInPage'}),
  showInPageHint: msg(
    'Shows API connections in a drawer on this page. The first time, the browser asks to allow this site.',
    {id: 'extension.showInPageHint'},
  ),
  pageNotAllowed: msg("API connections weren't enabled on this page.", {id: 'extension.pageNotAllowed'}),
  handOff: msg('Adding or editing a connection opens the side panel, where a new secret can be shown safely.', {
    id: 'extension.handOff',
  }),
  loadFailed: msg("Couldn't load the settings. Close this and try again.", {id: 'extension.loadFailed'}),

  // Options page
  optionsTitle: msg('Conga API Connections: settings', {id: 'extension.optionsTitle'}),
  tenantsHeading: msg('Tenants', {id: 'extension.tenantsHeading'}),
  redirectHeading: msg('Redirect URL of this extension', {id: 'extension.redirectHeading'}),
  redirectHelp: msg(
    "Add this to the Redirect URIs of the UI-to-API connection whose Client ID you enter below. Sign-in can't finish without it.",
    {id: 'extension.redirectHelp'},
  ),
  copy: msg('Copy', {id: 'extension.copy'}),
  copied: msg('Copied.', {id: 'extension.copied'}),
  copyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'extension.copyFailed'}),
  name: msg('Name', {id: 'extension.name'}),
  region: msg('Region', {id: 'extension.region'}),
  issuer: msg('Issuer (sign-in service)', {id: 'extension.issuer'}),
  apiBaseUrl: msg('API base URL', {id: 'extension.apiBaseUrl'}),
  clientId: msg('Client ID', {id: 'extension.clientId'}),
  clientIdHelp: msg('The Client ID of the UI-to-API connection the extension signs in with.', {
    id: 'extension.clientIdHelp',
  }),
  check: msg('Check', {id: 'extension.check'}),
  checking: msg('Checking…', {id: 'extension.checking'}),
  save: msg('Save tenant', {id: 'extension.save'}),
  saveChanges: msg('Save changes', {id: 'extension.saveChanges'}),
  cancel: msg('Cancel', {id: 'extension.cancel'}),
  edit: msg('Edit', {id: 'extension.edit'}),
  remove: msg('Remove', {id: 'extension.remove'}),
  removeConfirm: (name: string) =>
    msg(str`Remove the tenant “${name}”? The extension forgets its sign-in.`, {id: 'extension.removeConfirm'}),
  saved: (name: string) => msg(str`Saved “${name}”.`, {id: 'extension.saved'}),
  removed: (name: string) => msg(str`Removed “${name}”.`, {id: 'extension.removed'}),
  permissionDenied: msg(
    "The browser didn't allow access to this tenant's sign-in service and API, so the extension can't reach them. Save again and choose Allow.",
    {id: 'extension.permissionDenied'},
  ),
  noTenantsYet: msg('No tenants yet.', {id: 'extension.noTenantsYet'}),
  fixErrors: msg('Fix the highlighted fields first.', {id: 'extension.fixErrors'}),
  checkPassed: msg('Everything needed for sign-in is in place.', {id: 'extension.checkPassed'}),
  // Tenant presets and the tenant form's checks (tenants.ts).
  presetNa: msg('North America (production)', {id: 'extension.presetNa'}),
  presetEu: msg('Europe (production)', {id: 'extension.presetEu'}),
  presetAu: msg('Australia (production)', {id: 'extension.presetAu'}),
  presetNaPreview: msg('North America (preview)', {id: 'extension.presetNaPreview'}),
  presetEuPreview: msg('Europe (preview)', {id: 'extension.presetEuPreview'}),
  presetAuPreview: msg('Australia (preview)', {id: 'extension.presetAuPreview'}),
  presetEmulator: msg('Local emulator (npm start)', {id: 'extension.presetEmulator'}),
  presetCustom: msg('Custom issuer and API', {id: 'extension.presetCustom'}),
  apiHintNaPreview: msg("Your tenant's API host, e.g. https://preview-rls09.congacloud.com", {
    id: 'extension.apiHintNaPreview',
  }),
  apiHintEuPreview: msg("Your tenant's API host, probably https://rls-preview.congacloud.eu", {
    id: 'extension.apiHintEuPreview',
  }),
  issuerNotUrl: msg('Enter the issuer as a full URL starting with https://', {id: 'extension.issuerNotUrl'}),
  apiBaseUrlNotUrl: msg('Enter the API base URL as a full URL starting with https://', {
    id: 'extension.apiBaseUrlNotUrl',
  }),
  issuerNotHttps: msg('The issuer must use https:// (http is only allowed for 127.0.0.1 or localhost).', {
    id: 'extension.issuerNotHttps',
  }),
  apiBaseUrlNotHttps: msg('The API base URL must use https:// (http is only allowed for 127.0.0.1 or localhost).', {
    id: 'extension.apiBaseUrlNotHttps',
  }),
  issuerUserInfo: msg('Remove the user-name/password part (…@) from the issuer.', {id: 'extension.issuerUserInfo'}),
  apiBaseUrlUserInfo: msg('Remove the user-name/password part (…@) from the API base URL.', {
    id: 'extension.apiBaseUrlUserInfo',
  }),
  issuerQuery: msg("The issuer can't have a query or fragment.", {id: 'extension.issuerQuery'}),
  apiBaseUrlQuery: msg("The API base URL can't have a query or fragment.", {id: 'extension.apiBaseUrlQuery'}),
  nameRequired: msg('Enter a name for this tenant.', {id: 'extension.nameRequired'}),
  nameTooLong: msg('Use at most 100 characters for the name.', {id: 'extension.nameTooLong'}),
  apiBaseUrlNotOrigin: msg('Enter only the API origin, e.g. https://rls.congacloud.com', {
    id: 'extension.apiBaseUrlNotOrigin',
  }),
  clientIdRequired: msg('Enter the Client ID of the UI-to-API connection to sign in with.', {
    id: 'extension.clientIdRequired',
  }),
  clientIdInvalid: msg("The Client ID can't contain spaces or special characters.", {id: 'extension.clientIdInvalid'}),
  signInAnswered: (tenant: {issuer: string}) =>
    msg(str`The sign-in service at ${tenant.issuer} answered.`, {id: 'extension.signInAnswered'}),
  noPkce: msg("The sign-in service doesn't offer PKCE with S256, which sign-in needs.", {id: 'extension.noPkce'}),
  missingScopes: (missing: readonly string[]) =>
    missing.length === 1
      ? msg(str`The sign-in service doesn't list the scope ${missing.join(', ')}.`, {id: 'extension.missingScopes.one'})
      : msg(str`The sign-in service doesn't list the scopes ${missing.join(', ')}.`, {id: 'extension.missingScopes'}),
  noSignOut: msg('The sign-in service has no sign-out endpoint; sign-out stays local.', {id: 'extension.noSignOut'}),
  otherIssuer: (issuer: string) =>
    msg(
      str`The discovery document at ${issuer} names a different issuer. Copy the issuer exactly, without a trailing slash.`,
      {id: 'extension.otherIssuer'},
    ),
  issuerInvalid: msg("The issuer isn't a valid URL.", {id: 'extension.issuerInvalid'}),
  discoveryUnreadable: (issuer: string) =>
    msg(
      str`Couldn't read ${issuer}/.well-known/openid-configuration. Check the issuer URL, and that the extension was allowed to reach it.`,
      {id: 'extension.discoveryUnreadable'},
    ),
  apiAnswered: (apiBaseUrl: string) => msg(str`The API at ${apiBaseUrl} answered.`, {id: 'extension.apiAnswered'}),
  apiAnsweredStatus: (apiBaseUrl: string, response: {status: number}) =>
    msg(str`The API at ${apiBaseUrl} answered HTTP ${response.status}; is this the right host?`, {
      id: 'extension.apiAnsweredStatus',
    }),
  apiUnreachable: (apiBaseUrl: string) =>
    msg(str`Couldn't reach the API at ${apiBaseUrl}. Check the API base URL.`, {id: 'extension.apiUnreachable'}),
  checkResults: msg('Check results', {id: 'extension.checkResults'}),
  checkFailed: msg('Check found problems:', {id: 'extension.checkFailed'}),
});

/** The extension pages' text in the current locale (rebuilt on each locale change). */
export let text = build();
onLocaleReady(() => (text = build()));
