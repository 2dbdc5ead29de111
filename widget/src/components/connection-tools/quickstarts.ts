import type {ApiConnectionResponse, ConnectionType} from '@conga-connections/api-client';
import {toolsMessages as messages} from './tools-messages.js';

/** One of the platform's regions, from PLATFORM.md §4.1. */
export interface Region {
  /** `NA`, `EU` or `AU`, with ` preview` for the preview environments. */
  name: string;
  /** The OpenID provider (authority) of the region. */
  issuer: string;
}

const NA = {name: 'NA', issuer: 'https://login-rls.congacloud.com/api/v1/auth'} as const;
const NA_PREVIEW = {name: 'NA preview', issuer: 'https://login-rlspreview.congacloud.com/api/v1/auth'} as const;
const EU = {name: 'EU', issuer: 'https://login.congacloud.eu/api/v1/auth'} as const;
const EU_PREVIEW = {name: 'EU preview', issuer: 'https://login-preview.congacloud.eu/api/v1/auth'} as const;
const AU = {name: 'AU', issuer: 'https://login.congacloud.au/api/v1/auth'} as const;
const AU_PREVIEW = {name: 'AU preview', issuer: 'https://login-preview.congacloud.au/api/v1/auth'} as const;

/**
 * API hosts by region (PLATFORM.md §4.1): the gateways `rls[-preview].congacloud.{com,eu,au}` and the numbered tenant
 * hosts `prod-rlsNN` / `preview-rlsNN` under `congacloud.com`. Staging, QA and dev hosts are not listed: unknown.
 */
const REGION_HOSTS: readonly (readonly [RegExp, Region])[] = [
  [/^(?:rls|prod-rls\d+)\.congacloud\.com$/, NA],
  [/^(?:rls-preview|rlspreview|preview-rls\d+)\.congacloud\.com$/, NA_PREVIEW],
  [/^rls\.congacloud\.eu$/, EU],
  [/^rls-preview\.congacloud\.eu$/, EU_PREVIEW],
  [/^rls\.congacloud\.au$/, AU],
  [/^rls-preview\.congacloud\.au$/, AU_PREVIEW],
];

/** The region of an API base URL (`https://rls.congacloud.eu` → EU), or undefined for any other host. */
export function regionFor(apiBaseUrl: string): Region | undefined {
  let url: URL;
  try {
    url = new URL(apiBaseUrl.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  return REGION_HOSTS.find(([pattern]) => pattern.test(url.hostname))?.[1];
}

/** The provider's endpoints a quickstart names; IdentityServer paths under the issuer (PLATFORM.md §4.1). */
export interface TenantEndpoints {
  issuer: string;
  authorization: string;
  token: string;
  userinfo: string;
  /** False when the issuer is a placeholder: neither the issuer nor the API base URL's region is known. */
  known: boolean;
}

/** Placeholder for an unknown issuer: the snippets stay usable once the admin replaces it. */
const UNKNOWN_ISSUER = '<issuer>';

/** The endpoints under `issuer`, else under the API base URL's region, else under an `<issuer>` placeholder. */
export function tenantEndpoints(config: {issuer: string; apiBaseUrl: string}): TenantEndpoints {
  const configured = config.issuer.trim().replace(/\/+$/, '');
  const issuer = configured === '' ? (regionFor(config.apiBaseUrl)?.issuer ?? '') : configured;
  const base = issuer === '' ? UNKNOWN_ISSUER : issuer;
  return {
    issuer: base,
    authorization: `${base}/connect/authorize`,
    token: `${base}/connect/token`,
    userinfo: `${base}/connect/userinfo`,
    known: issuer !== '',
  };
}

/** One quickstart: a titled block of text to show in `<pre><code>` and copy. */
export interface Quickstart {
  id: 'curl' | 'api-call' | 'node' | 'spa-config' | 'spa-code';
  title: string;
  text: string;
}

/** One Salesforce Auth. Provider field with the value to type or paste. */
export interface SalesforceField {
  label: string;
  value: string;
  /** False for the secret's placeholder: there is nothing to copy. */
  copyable: boolean;
}

/** What the quickstarts are built from; never a secret (STYLE.md §7: a secret exists only in the one-time hand-off). */
export interface QuickstartInput {
  connection: Pick<ApiConnectionResponse, 'ClientId' | 'RedirectURI' | 'AllowedScopes'>;
  type: ConnectionType;
  endpoints: TenantEndpoints;
  /** The API origin for the example call; a placeholder when unknown. */
  apiBaseUrl: string;
}

/** A value inside a double-quoted shell word: `$`, `` ` ``, `"` and `\` escaped, so it is taken literally. */
function shellQuoted(value: string): string {
  return `"${value.replace(/[$`"\\]/g, '\\$&')}"`;
}

const API_PLACEHOLDER = '<api-base-url>';

function apiOrigin(apiBaseUrl: string): string {
  return apiBaseUrl.trim().replace(/\/+$/, '') || API_PLACEHOLDER;
}

/** The API call every quickstart makes: the list of API connections (PLATFORM.md §1). */
const EXAMPLE_PATH = '/api/user-management/v1/api-connections';

function clientCredentialsQuickstarts(input: QuickstartInput): Quickstart[] {
  const clientId = input.connection.ClientId ?? '';
  const scopes = input.connection.AllowedScopes.join(' ');
  const api = apiOrigin(input.apiBaseUrl);
  // The secret is an environment variable the admin sets from what they stored; it never appears here.
  const curl = [
    `curl -sS -X POST ${shellQuoted(input.endpoints.token)} \\`,
    `  -u "${clientId.replace(/[$`"\\]/g, '\\$&')}:$CONGA_CLIENT_SECRET" \\`,
    `  -d grant_type=client_credentials${scopes ? ' \\' : ''}`,
    ...(scopes ? [`  --data-urlencode ${shellQuoted(`scope=${scopes}`)}`] : []),
  ].join('\n');
  // API-to-API tokens carry no user: the platform reads the acting user from the user-id header (PLATFORM.md §4.3).
  const apiCall = [
    `curl -sS ${shellQuoted(`${api}${EXAMPLE_PATH}`)} \\`,
    '  -H "Authorization: Bearer $CONGA_ACCESS_TOKEN" \\',
    '  -H "user-id: $CONGA_USER_ID"',
  ].join('\n');
  const node = [
    "import * as oauth from 'oauth4webapi';",
    '',
    `const issuer = new URL(${JSON.stringify(input.endpoints.issuer)});`,
    'const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));',
    `const client = {client_id: ${JSON.stringify(clientId)}};`,
    'const clientAuth = oauth.ClientSecretBasic(process.env.CONGA_CLIENT_SECRET);',
    '',
    `const parameters = new URLSearchParams(${scopes ? `{scope: ${JSON.stringify(scopes)}}` : ''});`,
    'const response = await oauth.clientCredentialsGrantRequest(as, client, clientAuth, parameters);',
    'const {access_token} = await oauth.processClientCredentialsResponse(as, client, response);',
    '',
    `const answer = await fetch(${JSON.stringify(`${api}${EXAMPLE_PATH}`)}, {`,
    "  headers: {authorization: `Bearer ${access_token}`, 'user-id': process.env.CONGA_USER_ID},",
    '});',
    'console.log(await answer.json());',
  ].join('\n');
  return [
    {id: 'curl', title: messages.toolsCurlTitle, text: curl},
    {id: 'api-call', title: messages.toolsApiCallTitle, text: apiCall},
    {id: 'node', title: messages.toolsNodeTitle, text: node},
  ];
}

function browserQuickstarts(input: QuickstartInput): Quickstart[] {
  const clientId = input.connection.ClientId ?? '';
  const redirectUri = input.connection.RedirectURI[0] ?? '';
  const scope = input.connection.AllowedScopes.join(' ');
  const config = JSON.stringify(
    {
      authority: input.endpoints.issuer,
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope,
    },
    null,
    2,
  );
  const code = [
    "import * as oauth from 'oauth4webapi';",
    '',
    `const issuer = new URL(${JSON.stringify(input.endpoints.issuer)});`,
    'const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));',
    `const client = {client_id: ${JSON.stringify(clientId)}};`,
    `const redirectUri = ${JSON.stringify(redirectUri)};`,
    '',
    '// 1. Sign in: authorization code with PKCE S256 and state.',
    'const codeVerifier = oauth.generateRandomCodeVerifier();',
    'const state = oauth.generateRandomState();',
    "sessionStorage.setItem('conga:pkce', JSON.stringify({codeVerifier, state}));",
    'const url = new URL(as.authorization_endpoint);',
    'url.search = new URLSearchParams({',
    '  client_id: client.client_id,',
    '  redirect_uri: redirectUri,',
    "  response_type: 'code',",
    `  scope: ${JSON.stringify(scope)},`,
    '  code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),',
    "  code_challenge_method: 'S256',",
    '  state,',
    '}).toString();',
    'location.assign(url);',
    '',
    '// 2. On the redirect URI page: check the answer and redeem the code.',
    "const saved = JSON.parse(sessionStorage.getItem('conga:pkce'));",
    'const params = oauth.validateAuthResponse(as, client, new URL(location.href), saved.state);',
    'const response = await oauth.authorizationCodeGrantRequest(',
    '  as, client, oauth.None(), params, redirectUri, saved.codeVerifier,',
    ');',
    'const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);',
  ].join('\n');
  return [
    {id: 'spa-config', title: messages.toolsSpaTitle, text: config},
    {id: 'spa-code', title: messages.toolsSpaCodeTitle, text: code},
  ];
}

/** The code quickstarts for a connection: curl, the API call and Node for API-to-API; the SPA setup for UI-to-API. */
export function quickstartsFor(input: QuickstartInput): Quickstart[] {
  return input.type === 'APItoAPI' ? clientCredentialsQuickstarts(input) : browserQuickstarts(input);
}

/**
 * The Salesforce Auth. Provider fields for an API-to-API connection: its Client ID and Client Secret are the Consumer
 * Key and Secret (PLATFORM.md §5, CLM "Configuring a New Authentication Provider"); the secret is named, never shown.
 */
export function salesforceFields(input: QuickstartInput): SalesforceField[] {
  const scopes = input.connection.AllowedScopes.join(' ') || 'openid profile email';
  return [
    {label: messages.toolsSalesforceConsumerKey, value: input.connection.ClientId ?? '', copyable: true},
    {label: messages.toolsSalesforceConsumerSecret, value: messages.toolsSalesforceStoredSecret, copyable: false},
    {label: messages.toolsSalesforceAuthorize, value: input.endpoints.authorization, copyable: true},
    {label: messages.toolsSalesforceToken, value: input.endpoints.token, copyable: true},
    {label: messages.toolsSalesforceUserInfo, value: input.endpoints.userinfo, copyable: true},
    {label: messages.toolsSalesforceScopes, value: scopes, copyable: true},
  ];
}
