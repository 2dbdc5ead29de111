/** Every sentence of the Promote page and its plan (kept apart from the shell's copy, which every page loads). */
import {msg, str} from '@lit/localize';
import {onLocaleReady} from '@conga-connections/widget/locale';
import type {CopiedField} from './fields.js';

/** Counted noun phrases, each a message of its own (one and many), for the sentences below. */
const connections = (count: number) =>
  count === 1
    ? msg('1 connection', {id: 'promote.connections.one'})
    : msg(str`${count} connections`, {id: 'promote.connections'});
const newSecrets = (count: number) =>
  count === 1
    ? msg('1 new Client Secret', {id: 'promote.newSecrets.one'})
    : msg(str`${count} new Client Secrets`, {id: 'promote.newSecrets'});
const secrets = (count: number) =>
  count === 1
    ? msg('1 Client Secret', {id: 'promote.secrets.one'})
    : msg(str`${count} Client Secrets`, {id: 'promote.secrets'});

/** Through `msg()` like the widget's catalogues (widget/src/messages.ts), ids prefixed `promote.`. */
const build = () => ({
  title: msg('Promote connections between tenants', {id: 'promote.title'}),
  intro: msg(
    "Copy connections' settings from one tenant to another, e.g. from a sandbox to production. Client IDs, secrets, status and created/modified data are never copied.",
    {id: 'promote.intro'},
  ),
  source: msg('From (source tenant)', {id: 'promote.source'}),
  target: msg('To (target tenant)', {id: 'promote.target'}),
  chooseTenant: msg('Choose a tenant', {id: 'promote.chooseTenant'}),
  sameTenant: msg('Choose two different tenants.', {id: 'promote.sameTenant'}),
  settingsFailed: msg("Couldn't load the settings. Close this page and try again.", {id: 'promote.settingsFailed'}),
  needTwoTenants: msg('Add at least two tenants in the settings to promote connections between them.', {
    id: 'promote.needTwoTenants',
  }),
  openSettings: msg('Settings', {id: 'promote.openSettings'}),
  signIn: (tenant: string) => msg(str`Sign in to ${tenant}`, {id: 'promote.signIn'}),
  signingIn: msg('Signing in…', {id: 'promote.signingIn'}),
  signedInAs: (user: string) => msg(str`Signed in as ${user}`, {id: 'promote.signedInAs'}),
  notSignedIn: msg('Not signed in.', {id: 'promote.notSignedIn'}),
  signInFailed: (tenant: string) => msg(str`Couldn't sign in to ${tenant}. Try again.`, {id: 'promote.signInFailed'}),

  connectionsHeading: msg('Connections to promote', {id: 'promote.connectionsHeading'}),
  loadingConnections: msg('Loading the source connections…', {id: 'promote.loadingConnections'}),
  loadFailed: (tenant: string) => msg(str`Couldn't load the connections of ${tenant}.`, {id: 'promote.loadFailed'}),
  retry: msg('Try again', {id: 'promote.retry'}),
  search: msg('Search connections', {id: 'promote.search'}),
  searchHint: msg('Client Name, External Identifier or type', {id: 'promote.searchHint'}),
  selectAllShown: msg('Select all shown', {id: 'promote.selectAllShown'}),
  noConnections: msg('The source tenant has no API connections.', {id: 'promote.noConnections'}),
  noMatches: msg('No connection matches the search.', {id: 'promote.noMatches'}),
  selectedCount: (count: number, total: number) =>
    msg(str`${String(count)} of ${String(total)} selected`, {id: 'promote.selectedCount'}),
  columnName: msg('Client Name', {id: 'promote.columnName'}),
  columnIdentifier: msg('External Identifier', {id: 'promote.columnIdentifier'}),
  columnType: msg('Type', {id: 'promote.columnType'}),
  columnStatus: msg('Status', {id: 'promote.columnStatus'}),
  active: msg('Active', {id: 'promote.active'}),
  inactive: msg('Inactive', {id: 'promote.inactive'}),
  typeLabel: (type: string | null) =>
    type === 'APItoAPI'
      ? msg('API to API', {id: 'promote.typeApiToApi'})
      : type === 'UItoAPI'
        ? msg('UI to API', {id: 'promote.typeUiToApi'})
        : '?',

  dryRun: msg('Preview changes (dry run)', {id: 'promote.dryRun'}),
  dryRunning: msg('Reading the target…', {id: 'promote.dryRunning'}),
  dryRunHint: msg('Nothing is written until you apply.', {id: 'promote.dryRunHint'}),
  dryRunFailed: (source: string, target: string) =>
    msg(str`Couldn't read the connections of ${source} and ${target}, or the External Integrations of ${target}.`, {
      id: 'promote.dryRunFailed',
    }),
  planHeading: msg('Dry run', {id: 'promote.planHeading'}),
  planSummary: (counts: {create: number; update: number; unchanged: number; invalid: number}) =>
    msg(
      str`${String(counts.create)} to create, ${String(counts.update)} to update, ${String(counts.unchanged)} unchanged, ${String(counts.invalid)} invalid for the target.`,
      {id: 'promote.planSummary'},
    ),
  planStale: msg('The selection or tenants changed since the dry run. Run it again.', {id: 'promote.planStale'}),
  actionLabels: {
    create: msg('Create', {id: 'promote.actionLabels.create'}),
    update: msg('Update', {id: 'promote.actionLabels.update'}),
    unchanged: msg('No change', {id: 'promote.actionLabels.unchanged'}),
    invalid: msg('Invalid for the target', {id: 'promote.actionLabels.invalid'}),
  },
  createsSecret: msg('A new Client Secret is issued and handed over once after the apply.', {
    id: 'promote.createsSecret',
  }),
  createsClientId: msg('A new Client ID is issued in the target.', {id: 'promote.createsClientId'}),
  regenerates: msg(
    'Saving regenerates this API-to-API connection’s Client Secret: whoever uses the current one stops working until they get the new one.',
    {id: 'promote.regenerates'},
  ),
  keepsClientId: (clientId: string) => msg(str`Keeps its Client ID ${clientId}.`, {id: 'promote.keepsClientId'}),
  change: (label: string) => msg(str`${label}:`, {id: 'promote.change'}),
  /** Read between a change's old and new value, where the screen shows an arrow. */
  changeTo: msg('to', {id: 'promote.changeTo'}),
  empty: msg('(empty)', {id: 'promote.empty'}),
  arrow: msg('→', {id: 'promote.arrow'}),
  fieldLabels: {
    ClientName: msg('Client Name', {id: 'promote.fieldLabels.ClientName'}),
    Description: msg('Description', {id: 'promote.fieldLabels.Description'}),
    RedirectURI: msg('Redirect URI', {id: 'promote.fieldLabels.RedirectURI'}),
    CorsOrigins: msg('Cors Origins', {id: 'promote.fieldLabels.CorsOrigins'}),
    BackChannelLogoutURI: msg('Back-Channel Logout URI', {id: 'promote.fieldLabels.BackChannelLogoutURI'}),
    FrontChannelLogoutURI: msg('Front-Channel Logout URI', {id: 'promote.fieldLabels.FrontChannelLogoutURI'}),
    AllowedScopes: msg('Allowed Scopes', {id: 'promote.fieldLabels.AllowedScopes'}),
  } satisfies Record<CopiedField, string> as Partial<Record<string, string>>,
  missingIntegration: (identifier: string) =>
    msg(
      str`The target has no External Integration with the identifier ${identifier}. Add it to the target's External Integrations first.`,
      {id: 'promote.missingIntegration'},
    ),
  unknownType: (apiType: string) =>
    msg(str`The connection's type “${apiType}” is neither API to API nor UI to API.`, {id: 'promote.unknownType'}),
  uiFieldsDropped: msg("Redirect, CORS and logout URIs aren't copied: an API-to-API connection doesn't use them.", {
    id: 'promote.uiFieldsDropped',
  }),
  sourceInactive: msg("The source connection is inactive; the new one starts active (status isn't copied).", {
    id: 'promote.sourceInactive',
  }),
  targetInactive: msg('The target connection is inactive and stays inactive.', {id: 'promote.targetInactive'}),

  apply: msg('Apply…', {id: 'promote.apply'}),
  applyNothing: msg('Nothing to apply: no connection would be created or updated.', {id: 'promote.applyNothing'}),
  confirmHeading: (tenant: string) => msg(str`Apply to ${tenant}?`, {id: 'promote.confirmHeading'}),
  confirmLabel: msg('Apply', {id: 'promote.confirmLabel'}),
  confirmBody: (creates: number, updates: number, tenant: string) =>
    msg(str`This creates ${connections(creates)} and updates ${connections(updates)} in ${tenant}.`, {
      id: 'promote.confirmBody',
    }),
  confirmSecrets: (issued: number, regenerated: number) =>
    regenerated > 0
      ? msg(
          str`It issues ${newSecrets(issued)} and regenerates ${secrets(regenerated)}: whoever uses a regenerated secret stops working until they get the new one.`,
          {id: 'promote.confirmSecrets.regenerates'},
        )
      : msg(str`It issues ${newSecrets(issued)} and regenerates ${secrets(regenerated)}.`, {
          id: 'promote.confirmSecrets',
        }),
  applying: (done: number, total: number) =>
    msg(str`Applying ${String(done)} of ${String(total)}…`, {id: 'promote.applying'}),
  applyProgress: msg('Progress of the apply', {id: 'promote.applyProgress'}),
  resultsHeading: msg('Results', {id: 'promote.resultsHeading'}),
  resultsSummary: (succeeded: number, failed: number) =>
    failed > 0
      ? msg(
          str`${String(succeeded)} succeeded, ${String(failed)} failed. The others were applied; fix the failed ones and run the dry run again.`,
          {id: 'promote.resultsSummary.failed'},
        )
      : msg(str`${String(succeeded)} succeeded, ${String(failed)} failed.`, {id: 'promote.resultsSummary'}),
  created: (clientId: string) => msg(str`Created. Client ID ${clientId}.`, {id: 'promote.created'}),
  updated: msg('Updated.', {id: 'promote.updated'}),
  failed: (reason: string) => msg(str`Failed: ${reason}`, {id: 'promote.failed'}),
  secretsWaiting: (count: number) =>
    count === 1
      ? msg('1 new secret to hand over. Each is shown once; store it before you close it.', {
          id: 'promote.secretsWaiting.one',
        })
      : msg(str`${count} new secrets to hand over. Each is shown once; store it before you close it.`, {
          id: 'promote.secretsWaiting',
        }),
  showNextSecret: msg('Show the next secret', {id: 'promote.showNextSecret'}),
  secretsDone: msg('Every new secret was handed over and is no longer kept here.', {id: 'promote.secretsDone'}),
  startOver: msg('Start a new promotion', {id: 'promote.startOver'}),
});

/** The Promote page's text in the current locale (rebuilt on each locale change, like the widget's catalogues). */
export let promoteText = build();
onLocaleReady(() => (promoteText = build()));
