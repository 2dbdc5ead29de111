/**
 * Tenants as the options page edits them: the region presets of the platform (PLATFORM.md §4.1), the local
 * emulator, the host permissions each tenant needs, the form's checks, and "Check", which reads the issuer's
 * discovery document and says in plain words what is wrong.
 */
import {PkceFlow, createMemoryStorage, isAuthError} from '@conga-connections/auth';
import type {Tenant, TenantPreset} from './storage.js';
import {text} from './text.js';

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
 * The presets, their labels and hints read from the catalogue when shown (getters: the language may change). Issuers come from the platform's discovery documents and CLM docs (PLATFORM.md §4.1); preview API
 * hosts differ per tenant, so those are left for the admin to fill in.
 */
export const PRESETS: Readonly<Record<TenantPreset, PresetDefinition>> = {
  na: {
    get label() {
      return text.presetNa;
    },
    issuer: 'https://login-rls.congacloud.com/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.com',
  },
  eu: {
    get label() {
      return text.presetEu;
    },
    issuer: 'https://login.congacloud.eu/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.eu',
  },
  au: {
    get label() {
      return text.presetAu;
    },
    issuer: 'https://login.congacloud.au/api/v1/auth',
    apiBaseUrl: 'https://rls.congacloud.au',
  },
  'na-preview': {
    get label() {
      return text.presetNaPreview;
    },
    issuer: 'https://login-rlspreview.congacloud.com/api/v1/auth',
    apiBaseUrl: '',
    get apiHint() {
      return text.apiHintNaPreview;
    },
  },
  'eu-preview': {
    get label() {
      return text.presetEuPreview;
    },
    issuer: 'https://login-preview.congacloud.eu/api/v1/auth',
    apiBaseUrl: '',
    get apiHint() {
      return text.apiHintEuPreview;
    },
  },
  'au-preview': {
    get label() {
      return text.presetAuPreview;
    },
    issuer: 'https://login-preview.congacloud.au/api/v1/auth',
    apiBaseUrl: 'https://rls-preview.congacloud.au',
  },
  emulator: {
    get label() {
      return text.presetEmulator;
    },
    issuer: 'http://127.0.0.1:7070/api/v1/auth',
    apiBaseUrl: 'http://127.0.0.1:7070',
    clientId: EMULATOR_CLIENT_ID,
  },
  custom: {
    get label() {
      return text.presetCustom;
    },
    issuer: '',
    apiBaseUrl: '',
  },
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

function urlProblem(value: string, field: 'issuer' | 'apiBaseUrl'): FieldProblem | undefined {
  const issuer = field === 'issuer';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {field, message: issuer ? text.issuerNotUrl : text.apiBaseUrlNotUrl};
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return {field, message: issuer ? text.issuerNotHttps : text.apiBaseUrlNotHttps};
  }
  if (url.username !== '' || url.password !== '') {
    return {field, message: issuer ? text.issuerUserInfo : text.apiBaseUrlUserInfo};
  }
  if (url.search !== '' || url.hash !== '') return {field, message: issuer ? text.issuerQuery : text.apiBaseUrlQuery};
  return undefined;
}

/** Checks the tenant form; an empty list means it can be saved. */
export function validateTenant(tenant: Pick<Tenant, 'name' | 'issuer' | 'apiBaseUrl' | 'clientId'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (tenant.name.trim() === '') problems.push({field: 'name', message: text.nameRequired});
  if (tenant.name.length > 100) problems.push({field: 'name', message: text.nameTooLong});
  const issuer = urlProblem(tenant.issuer, 'issuer');
  if (issuer) problems.push(issuer);
  const api = urlProblem(tenant.apiBaseUrl, 'apiBaseUrl');
  if (api) problems.push(api);
  else if (new URL(tenant.apiBaseUrl).pathname !== '/') {
    problems.push({field: 'apiBaseUrl', message: text.apiBaseUrlNotOrigin});
  }
  if (tenant.clientId.trim() === '') {
    problems.push({field: 'clientId', message: text.clientIdRequired});
  } else if (!/^[\x21-\x7e]{1,200}$/.test(tenant.clientId)) {
    problems.push({field: 'clientId', message: text.clientIdInvalid});
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
    findings.push({level: 'ok', message: text.signInAnswered(tenant)});
  } catch (error) {
    findings.push({level: 'error', message: discoveryProblem(error, tenant.issuer)});
  }
  if (metadata) {
    const methods = metadata.code_challenge_methods_supported;
    if (methods !== undefined && !methods.includes('S256')) {
      findings.push({
        level: 'error',
        message: text.noPkce,
      });
    }
    const scopes = metadata.scopes_supported;
    const missing = scopes === undefined ? [] : NEEDED_SCOPES.filter((scope) => !scopes.includes(scope));
    if (missing.length > 0) {
      findings.push({
        level: 'warning',
        message: text.missingScopes(missing),
      });
    }
    if (metadata.end_session_endpoint === undefined) {
      findings.push({level: 'warning', message: text.noSignOut});
    }
  }
  findings.push(await apiFinding(tenant.apiBaseUrl, fetchFunction));
  return {ok: findings.every((finding) => finding.level !== 'error'), findings};
}

function discoveryProblem(error: unknown, issuer: string): string {
  if (isAuthError(error, 'AUTH_INSECURE_ISSUER')) {
    return text.issuerNotHttps;
  }
  if (isAuthError(error, 'AUTH_CONFIGURATION_MISMATCH')) {
    return text.otherIssuer(issuer);
  }
  if (error instanceof TypeError) return text.issuerInvalid;
  return text.discoveryUnreadable(issuer);
}

async function apiFinding(apiBaseUrl: string, fetchFunction: typeof fetch): Promise<CheckReport['findings'][number]> {
  try {
    const response = await fetchFunction(new URL('/api/user-management/v1/api-connections', apiBaseUrl).href, {
      method: 'GET',
      credentials: 'omit',
    });
    // Without a token the API must refuse: that it does so is the sign that this is the right host.
    if (response.status === 401 || response.status === 403 || response.ok) {
      return {level: 'ok', message: text.apiAnswered(apiBaseUrl)};
    }
    return {
      level: 'warning',
      message: text.apiAnsweredStatus(apiBaseUrl, response),
    };
  } catch {
    return {level: 'error', message: text.apiUnreachable(apiBaseUrl)};
  }
}
