/** Every sentence of the Promote page and its plan (kept apart from the shell's copy, which every page loads). */
import type {CopiedField} from './fields.js';

const plural = (count: number, one: string, many: string) => `${String(count)} ${count === 1 ? one : many}`;

export const promoteText = {
  title: 'Promote connections between tenants',
  intro:
    "Copy connections' settings from one tenant to another, e.g. from a sandbox to production. Client IDs, secrets, status and created/modified data are never copied.",
  source: 'From (source tenant)',
  target: 'To (target tenant)',
  chooseTenant: 'Choose a tenant',
  sameTenant: 'Choose two different tenants.',
  settingsFailed: "Couldn't load the settings. Close this page and try again.",
  needTwoTenants: 'Add at least two tenants in the settings to promote connections between them.',
  openSettings: 'Settings',
  signIn: (tenant: string) => `Sign in to ${tenant}`,
  signingIn: 'Signing in…',
  signedInAs: (user: string) => `Signed in as ${user}`,
  notSignedIn: 'Not signed in.',
  signInFailed: (tenant: string) => `Couldn't sign in to ${tenant}. Try again.`,

  connectionsHeading: 'Connections to promote',
  loadingConnections: 'Loading the source connections…',
  loadFailed: (tenant: string) => `Couldn't load the connections of ${tenant}.`,
  retry: 'Try again',
  search: 'Search connections',
  searchHint: 'Client Name, External Identifier or type',
  selectAllShown: 'Select all shown',
  noConnections: 'The source tenant has no API connections.',
  noMatches: 'No connection matches the search.',
  selectedCount: (count: number, total: number) => `${String(count)} of ${String(total)} selected`,
  columnName: 'Client Name',
  columnIdentifier: 'External Identifier',
  columnType: 'Type',
  columnStatus: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  typeLabel: (type: string | null) => (type === 'APItoAPI' ? 'API to API' : type === 'UItoAPI' ? 'UI to API' : '?'),

  dryRun: 'Preview changes (dry run)',
  dryRunning: 'Reading the target…',
  dryRunHint: 'Nothing is written until you apply.',
  dryRunFailed: (source: string, target: string) =>
    `Couldn't read the connections of ${source} and ${target}, or the External Integrations of ${target}.`,
  planHeading: 'Dry run',
  planSummary: (counts: {create: number; update: number; unchanged: number; invalid: number}) =>
    `${String(counts.create)} to create, ${String(counts.update)} to update, ${String(counts.unchanged)} unchanged, ${String(counts.invalid)} invalid for the target.`,
  planStale: 'The selection or tenants changed since the dry run. Run it again.',
  actionLabels: {
    create: 'Create',
    update: 'Update',
    unchanged: 'No change',
    invalid: 'Invalid for the target',
  },
  createsSecret: 'A new Client Secret is issued and handed over once after the apply.',
  createsClientId: 'A new Client ID is issued in the target.',
  regenerates:
    'Saving regenerates this API-to-API connection’s Client Secret: whoever uses the current one stops working until they get the new one.',
  keepsClientId: (clientId: string) => `Keeps its Client ID ${clientId}.`,
  change: (label: string) => `${label}:`,
  empty: '(empty)',
  arrow: '→',
  fieldLabels: {
    ClientName: 'Client Name',
    Description: 'Description',
    RedirectURI: 'Redirect URI',
    CorsOrigins: 'Cors Origins',
    BackChannelLogoutURI: 'Back-Channel Logout URI',
    FrontChannelLogoutURI: 'Front-Channel Logout URI',
    AllowedScopes: 'Allowed Scopes',
  } satisfies Record<CopiedField, string> as Partial<Record<string, string>>,
  missingIntegration: (identifier: string) =>
    `The target has no External Integration with the identifier ${identifier}. Add it to the target's External Integrations first.`,
  unknownType: (apiType: string) => `The connection's type “${apiType}” is neither API to API nor UI to API.`,
  uiFieldsDropped: "Redirect, CORS and logout URIs aren't copied: an API-to-API connection doesn't use them.",
  sourceInactive: "The source connection is inactive; the new one starts active (status isn't copied).",
  targetInactive: 'The target connection is inactive and stays inactive.',

  apply: 'Apply…',
  applyNothing: 'Nothing to apply: no connection would be created or updated.',
  confirmHeading: (tenant: string) => `Apply to ${tenant}?`,
  confirmLabel: 'Apply',
  confirmBody: (creates: number, updates: number, tenant: string) =>
    `This creates ${plural(creates, 'connection', 'connections')} and updates ${plural(updates, 'connection', 'connections')} in ${tenant}.`,
  confirmSecrets: (issued: number, regenerated: number) =>
    `It issues ${plural(issued, 'new Client Secret', 'new Client Secrets')} and regenerates ${plural(regenerated, 'Client Secret', 'Client Secrets')}${regenerated > 0 ? ': whoever uses a regenerated secret stops working until they get the new one' : ''}.`,
  applying: (done: number, total: number) => `Applying ${String(done)} of ${String(total)}…`,
  applyProgress: 'Progress of the apply',
  resultsHeading: 'Results',
  resultsSummary: (succeeded: number, failed: number) =>
    `${String(succeeded)} succeeded, ${String(failed)} failed.${failed > 0 ? ' The others were applied; fix the failed ones and run the dry run again.' : ''}`,
  created: (clientId: string) => `Created. Client ID ${clientId}.`,
  updated: 'Updated.',
  failed: (reason: string) => `Failed: ${reason}`,
  secretsWaiting: (count: number) =>
    `${plural(count, 'new secret', 'new secrets')} to hand over. Each is shown once; store it before you close it.`,
  showNextSecret: 'Show the next secret',
  secretsDone: 'Every new secret was handed over and is no longer kept here.',
  startOver: 'Start a new promotion',
} as const;
