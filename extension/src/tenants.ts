/**
 * Tenants as the options page edits them: the region presets of the platform (PLATFORM.md §4.1), the local
 * emulator, the host permissions each tenant needs, the form's checks, and "Check", which reads the issuer's
 * discovery document and says in plain words what is wrong.
 */
import {PkceFlow, createMemoryStorage, isAuthError} from '@conga-connections/auth';
import type {Tenant, TenantPreset} from './storage.js';

/** What a preset fills in. `apiBaseUrl` is empty where the platform gives each tenant its own API host. */
export interface PresetDefinition {
  readonly label: string;
  readonly issuer: string;
  readonly apiBaseUrl: string;
  /** A hint for the API base URL field. */
  readonly apiHint?: string;
  /** A Client ID to start from (the emulator's seeded extension connection). */
  readonly clientId?: string;
}

/** The Client ID of the emulator's seeded UI-to-API connection for this extension (packages/emulator seed). */
export const EMULATOR_CLIENT_ID = 'c0a9e7d2-6b1f-4e3a-9d8c-7f6e5d4c3b2a';

/**
 * The presets. Issuers come from the platform's discovery documents and CLM docs (PLATFORM.md §4.1); preview API
 * hosts differ per tenant, so those are left for the admin to fill in.
 */
export const PRESETS: Readonly<Record<TenantPreset, PresetDefinition>> = {
  na: {
    label: 'North America (production)',
    issuer: 'https://login-rls.congacloud.com/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.com',
  },
  eu: {
    label: 'Europe (production)',
    issuer: 'https://login.congacloud.eu/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.eu',
  },
  au: {
    label: 'Australia (production)',
    issuer: 'https://login.congacloud.au/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.au',
  },
  'na-preview': {
    label: 'North America (preview)',
    issuer: 'https://login-rlspreview.congacloud.com/api/v1/auth',
    apiBaseUrl: '',
    apiHint: "Your tenant's API host, e.g. https://preview-rls09.congacloud.com",
  },
  'eu-preview': {
    label: 'Europe (preview)',
    issuer: 'https://login-preview.congacloud.eu/api/v1/auth',
    apiBaseUrl: '',
    apiHint: "Your tenant's API host, probably https://rls-preview.congacloud.eu",
  },
  'au-preview': {
    label: 'Australia (preview)',
    issuer: 'https://login-preview.congacloud.au/api/v1/auth',
    apiBaseUrl: 'https://rls-preview.congacloud.au',
  },
  emulator: {
    label: 'Local emulator (npm start)',
    issuer: 'http://127.0.0.1:7070/api/v1/auth',
    apiBaseUrl: 'http://127.0.0.1:7070',
    clientId: EMULATOR_CLIENT_ID,
  },
  custom: {label: 'Custom issuer and API', issuer: '', apiBaseUrl: ''},
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * The host permission pattern of a URL's origin: `https://host/*`, or `http://127.0.0.1/*` on loopback. Match
 * patterns have no port in Firefox, and a pattern without a port covers every port in Chromium. `undefined` for
 * anything else (plain http away from loopback, other schemes), which the extension never asks for.
 */
export function originPattern(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:' && parsed.hostname !== '') return `https://${parsed.hostname}/*`;
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return `http://${parsed.hostname}/*`;
  return undefined;
}

/** The host permissions a tenant needs: its issuer's and its API's origins (once each). */
export function tenantOrigins(tenant: Pick<Tenant, 'issuer' | 'apiBaseUrl'>): string[] {
  const patterns = [originPattern(tenant.issuer), originPattern(tenant.apiBaseUrl)];
  return [...new Set(patterns.filter((pattern) => pattern !== undefined))];
}

/** A problem with one field of the tenant form, in plain words. */
export interface FieldProblem {
  field: 'name' | 'issuer' | 'apiBaseUrl' | 'clientId';
  message: string;
}

function urlProblem(value: string, what: string, field: FieldProblem['field']): FieldProblem | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {field, message: `Enter the ${what} as a full URL starting with https://`};
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return {field, message: `The ${what} must use https:// (http is only allowed for 127.0.0.1 or localhost).`};
  }
  if (url.username !== '' || url.password !== '') {
    return {field, message: `Remove the user-name/password part (…@) from the ${what}.`};
  }
  if (url.search !== '' || url.hash !== '') return {field, message: `The ${what} can't have a query or fragment.`};
  return undefined;
}

/** Checks the tenant form; an empty list means it can be saved. */
export function validateTenant(tenant: Pick<Tenant, 'name' | 'issuer' | 'apiBaseUrl' | 'clientId'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (tenant.name.trim() === '') problems.push({field: 'name', message: 'Enter a name for this tenant.'});
  if (tenant.name.length > 100) problems.push({field: 'name', message: 'Use at most 100 characters for the name.'});
  const issuer = urlProblem(tenant.issuer, 'issuer', 'issuer');
  if (issuer) problems.push(issuer);
  const api = urlProblem(tenant.apiBaseUrl, 'API base URL', 'apiBaseUrl');
  if (api) problems.push(api);
  else if (new URL(tenant.apiBaseUrl).pathname !== '/') {
    problems.push({field: 'apiBaseUrl', message: 'Enter only the API origin, e.g. https://rls.congacloud.com'});
  }
  if (tenant.clientId.trim() === '') {
    problems.push({field: 'clientId', message: 'Enter the Client ID of the UI-to-API connection to sign in with.'});
  } else if (!/^[\x21-\x7e]{1,200}$/.test(tenant.clientId)) {
    problems.push({field: 'clientId', message: "The Client ID can't contain spaces or special characters."});
  }
  return problems;
}

/** The outcome of "Check": a verdict, and one line per finding. */
export interface CheckReport {
  ok: boolean;
  findings: {level: 'ok' | 'warning' | 'error'; message: string}[];
}

/** The scopes the tab asks for; the last two matter most (renewal, and the API itself). */
const NEEDED_SCOPES = ['openid', 'offline_access', 'api.user-management'];

/**
 * Fetches `<issuer>/.well-known/openid-configuration` the way sign-in will (through `PkceFlow`, so the same rules
 * apply: exact issuer match, https endpoints, loopback-only http) and reports what is wrong in plain words; then
 * sees whether the API origin answers at all. Needs the tenant's host permissions (the provider sends no CORS
 * headers to the extension's origin).
 */
export async function checkTenant(
  tenant: Pick<Tenant, 'issuer' | 'apiBaseUrl' | 'clientId'>,
  options: {redirectUri: string; fetch?: typeof fetch},
): Promise<CheckReport> {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  const findings: CheckReport['findings'] = [];
  let metadata: Awaited<ReturnType<PkceFlow['metadata']>> | undefined;
  try {
    const flow = new PkceFlow({
      issuer: tenant.issuer,
      clientId: tenant.clientId || 'check',
      redirectUri: options.redirectUri,
      fetch: fetchFunction,
      transactionStorage: createMemoryStorage(),
    });
    metadata = await flow.metadata();
    findings.push({level: 'ok', message: `The sign-in service at ${tenant.issuer} answered.`});
  } catch (error) {
    findings.push({level: 'error', message: discoveryProblem(error, tenant.issuer)});
  }
  if (metadata) {
    const methods = metadata.code_challenge_methods_supported;
    if (methods !== undefined && !methods.includes('S256')) {
      findings.push({
        level: 'error',
        message: "The sign-in service doesn't offer PKCE with S256, which sign-in needs.",
      });
    }
    const scopes = metadata.scopes_supported;
    const missing = scopes === undefined ? [] : NEEDED_SCOPES.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0) {
      findings.push({
        level: 'warning',
        message: `The sign-in service doesn't list the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      });
    }
    if (metadata.end_session_endpoint === undefined) {
      findings.push({level: 'warning', message: 'The sign-in service has no sign-out endpoint; sign-out stays local.'});
    }
  }
  findings.push(await apiFinding(tenant.apiBaseUrl, fetchFunction));
  return {ok: findings.every((finding) => finding.level !== 'error'), findings};
}

function discoveryProblem(error: unknown, issuer: string): string {
  if (isAuthError(error, 'AUTH_INSECURE_ISSUER')) {
    return 'The issuer must use https:// (http is only allowed for 127.0.0.1 or localhost).';
  }
  if (isAuthError(error, 'AUTH_CONFIGURATION_MISMATCH')) {
    return `The discovery document at ${issuer} names a different issuer. Copy the issuer exactly, without a trailing slash.`;
  }
  if (error instanceof TypeError) return `The issuer isn't a valid URL.`;
  return `Couldn't read ${issuer}/.well-known/openid-configuration. Check the issuer URL, and that the extension was allowed to reach it.`;
}

async function apiFinding(apiBaseUrl: string, fetchFunction: typeof fetch): Promise<CheckReport['findings'][number]> {
  try {
    const response = await fetchFunction(new URL('/api/user-management/v1/api-connections', apiBaseUrl).href, {
      method: 'GET',
      credentials: 'omit',
    });
    // Without a token the API must refuse: that it does so is the sign that this is the right host.
    if (response.status === 401 || response.status === 403 || response.ok) {
      return {level: 'ok', message: `The API at ${apiBaseUrl} answered.`};
    }
    return {
      level: 'warning',
      message: `The API at ${apiBaseUrl} answered HTTP ${response.status}; is this the right host?`,
    };
  } catch {
    return {level: 'error', message: `Couldn't reach the API at ${apiBaseUrl}. Check the API base URL.`};
  }
}
