/**
 * What the extension keeps, and where. `storage.local` holds the settings (tenants: names, URLs, Client IDs) and
 * never a token; `storage.session` holds the tokens and sign-in state: in memory only, gone when the browser quits,
 * and readable only by the extension's trusted contexts (B5-03). Every item is checked when it is read.
 */
import type {AuthState, AuthUser, TransactionStorage} from '@conga-connections/auth';
import type {SerializedError} from './serialized-error.js';

/** The part of a `browser.storage` area this module uses; tests pass an in-memory fake. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The key of the settings item in `storage.local`. */
export const SETTINGS_KEY = 'conga:settings';
/** The prefix of each tenant's tokens in `storage.session`. */
export const TOKENS_KEY_PREFIX = 'conga:tokens:';
/** The prefix of each tenant's public sign-in state in `storage.session`; pages watch these keys. */
export const AUTH_STATE_KEY_PREFIX = 'conga:auth-state:';
/** The prefix `@conga-connections/auth` gives sign-in transactions (verifier, state, nonce; never tokens). */
export const TRANSACTION_KEY_PREFIX = 'conga:auth-transaction:';

/** The key of a tenant's tokens. */
export function tokensKey(tenantId: string): string {
  return TOKENS_KEY_PREFIX + tenantId;
}

/** The key of a tenant's public sign-in state. */
export function authStateKey(tenantId: string): string {
  return AUTH_STATE_KEY_PREFIX + tenantId;
}

/** Where a tenant's issuer and API base URL came from. */
export const TENANT_PRESETS = [
  'na',
  'eu',
  'au',
  'na-preview',
  'eu-preview',
  'au-preview',
  'emulator',
  'custom',
] as const;

/** One of {@link TENANT_PRESETS}. */
export type TenantPreset = (typeof TENANT_PRESETS)[number];

/** A Conga tenant the admin signs in to: where its provider and API are, and the connection to sign in with. */
export interface Tenant {
  /** A generated UUID; the key of the tenant's tokens. */
  readonly id: string;
  readonly name: string;
  readonly preset: TenantPreset;
  /** The OpenID provider, e.g. `https://login-rls.congacloud.com/api/v1/auth`. */
  readonly issuer: string;
  /** The API gateway, e.g. `https://rls.congacloud.com`. */
  readonly apiBaseUrl: string;
  /** The Client ID of the UI-to-API connection whose Redirect URIs hold the extension's redirect URL. */
  readonly clientId: string;
}

/** Everything in `storage.local`. */
export interface Settings {
  readonly tenants: readonly Tenant[];
  /** The tenant the popup, side panel and drawer show. */
  readonly activeTenantId?: string;
}

/** A tenant's tokens in `storage.session`, with the issuer and client they belong to. */
export interface TokenRecord {
  readonly issuer: string;
  readonly clientId: string;
  readonly accessToken: string;
  /** Rotated on every renewal. The ID token is not kept: it is validated at sign-in and needed nowhere after. */
  readonly refreshToken?: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  readonly scopes: readonly string[];
  readonly user: AuthUser;
  /** When the token came from a renewal forced by a 401; a second 401 soon after ends the session (C1-05). */
  readonly forcedAt?: number;
}

/** {@link AuthState} as it is stored and sent to pages: an error is its three strings, never an object. */
export type PublicAuthState =
  | Exclude<AuthState, {status: 'error'} | {status: 'signed-in'}>
  | {status: 'signed-in'; user: AuthUser; expiresAt: number; scopes: string[]}
  | {status: 'error'; error: SerializedError};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function parseUser(value: unknown): AuthUser | undefined {
  if (!isRecord(value) || !isString(value.sub)) return undefined;
  return {
    sub: value.sub,
    ...(isString(value.name) ? {name: value.name} : {}),
    ...(isString(value.email) ? {email: value.email} : {}),
  };
}

function parseTenant(value: unknown): Tenant | undefined {
  if (!isRecord(value)) return undefined;
  const {id, name, preset, issuer, apiBaseUrl, clientId} = value;
  if (![id, name, issuer, apiBaseUrl, clientId].every(isString)) return undefined;
  if (!(TENANT_PRESETS as readonly unknown[]).includes(preset)) return undefined;
  return {
    id: id as string,
    name: name as string,
    preset: preset as TenantPreset,
    issuer: issuer as string,
    apiBaseUrl: apiBaseUrl as string,
    clientId: clientId as string,
  };
}

/** Reads settings as stored; anything unreadable is dropped rather than trusted. */
export function parseSettings(value: unknown): Settings {
  if (!isRecord(value)) return {tenants: []};
  const tenants = Array.isArray(value.tenants)
    ? value.tenants.map(parseTenant).filter((tenant) => tenant !== undefined)
    : [];
  const active = isString(value.activeTenantId) ? value.activeTenantId : undefined;
  return {
    tenants,
    ...(active !== undefined && tenants.some((tenant) => tenant.id === active) ? {activeTenantId: active} : {}),
  };
}

/** Reads a stored token record; `undefined` when it is missing or malformed. */
export function parseTokenRecord(value: unknown): TokenRecord | undefined {
  if (!isRecord(value)) return undefined;
  const {issuer, clientId, accessToken, refreshToken, expiresAt, scopes, forcedAt} = value;
  const user = parseUser(value.user);
  if (![issuer, clientId, accessToken].every(isString) || typeof expiresAt !== 'number' || user === undefined) {
    return undefined;
  }
  if (!Array.isArray(scopes) || !scopes.every(isString)) return undefined;
  return {
    issuer: issuer as string,
    clientId: clientId as string,
    accessToken: accessToken as string,
    ...(isString(refreshToken) ? {refreshToken} : {}),
    expiresAt,
    scopes: [...scopes],
    user,
    ...(typeof forcedAt === 'number' ? {forcedAt} : {}),
  };
}

function parseSerializedError(value: unknown): SerializedError | undefined {
  if (!isRecord(value) || !isString(value.name) || !isString(value.code) || !isString(value.message)) {
    return undefined;
  }
  return {name: value.name, code: value.code, message: value.message};
}

/** Reads a stored public state; `undefined` when it is missing or malformed. */
export function parsePublicAuthState(value: unknown): PublicAuthState | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.status) {
    case 'signed-out': {
      const reason = value.reason;
      return reason === 'expired' || reason === 'signed-out' || reason === 'renewal-failed'
        ? {status: 'signed-out', reason}
        : {status: 'signed-out'};
    }
    case 'signing-in':
      return {status: 'signing-in'};
    case 'signed-in': {
      const user = parseUser(value.user);
      const {expiresAt, scopes} = value;
      if (user === undefined || typeof expiresAt !== 'number' || !Array.isArray(scopes) || !scopes.every(isString)) {
        return undefined;
      }
      return {status: 'signed-in', user, expiresAt, scopes: [...scopes]};
    }
    case 'error': {
      const error = parseSerializedError(value.error);
      return error === undefined ? undefined : {status: 'error', error};
    }
    default:
      return undefined;
  }
}

/** The settings in `storage.local`. Nothing here ever writes a token to that area. */
export class SettingsStore {
  readonly #area: StorageAreaLike;

  constructor(area: StorageAreaLike) {
    this.#area = area;
  }

  /** The current settings. */
  async read(): Promise<Settings> {
    const items = await this.#area.get(SETTINGS_KEY);
    return parseSettings(items[SETTINGS_KEY]);
  }

  /** Replaces the settings; only the fields of {@link Settings} are written, whatever else `settings` carries. */
  async write(settings: Settings): Promise<void> {
    const tenants = settings.tenants.map(({id, name, preset, issuer, apiBaseUrl, clientId}) => ({
      id,
      name,
      preset,
      issuer,
      apiBaseUrl,
      clientId,
    }));
    const active = settings.activeTenantId;
    await this.#area.set({
      [SETTINGS_KEY]: {
        tenants,
        ...(active !== undefined && tenants.some((t) => t.id === active) ? {activeTenantId: active} : {}),
      },
    });
  }

  /** The tenant with this ID, if it is configured. */
  async tenant(tenantId: string): Promise<Tenant | undefined> {
    return (await this.read()).tenants.find((tenant) => tenant.id === tenantId);
  }
}

/**
 * Tokens, public sign-in state and sign-in transactions in `storage.session`. The worker keeps nothing in its
 * globals: it may be stopped at any moment and starts again from here (C1-09).
 */
export class SessionStore {
  readonly #area: StorageAreaLike;

  constructor(area: StorageAreaLike) {
    this.#area = area;
  }

  /** The tenant's tokens, if any. */
  async readTokens(tenantId: string): Promise<TokenRecord | undefined> {
    const key = tokensKey(tenantId);
    return parseTokenRecord((await this.#area.get(key))[key]);
  }

  /** Stores the tenant's tokens and its signed-in state in one write, so a page never sees one without the other. */
  async writeTokens(tenantId: string, tokens: TokenRecord): Promise<PublicAuthState> {
    const state: PublicAuthState = {
      status: 'signed-in',
      user: tokens.user,
      expiresAt: tokens.expiresAt,
      scopes: [...tokens.scopes],
    };
    await this.#area.set({[tokensKey(tenantId)]: tokens, [authStateKey(tenantId)]: state});
    return state;
  }

  /** Forgets the tenant's tokens and records why it is signed out. */
  async clearTokens(tenantId: string, state: PublicAuthState): Promise<PublicAuthState> {
    await this.#area.remove(tokensKey(tenantId));
    await this.#area.set({[authStateKey(tenantId)]: state});
    return state;
  }

  /** The tenant's public state as last written; `undefined` when nothing was written this browser session. */
  async readState(tenantId: string): Promise<PublicAuthState | undefined> {
    const key = authStateKey(tenantId);
    return parsePublicAuthState((await this.#area.get(key))[key]);
  }

  /** Records the tenant's public state (signing in, or a failed sign-in). */
  async writeState(tenantId: string, state: PublicAuthState): Promise<PublicAuthState> {
    await this.#area.set({[authStateKey(tenantId)]: state});
    return state;
  }

  /** Forgets everything about a tenant that was removed or changed its issuer or client. */
  async forgetTenant(tenantId: string): Promise<void> {
    await this.#area.remove([tokensKey(tenantId), authStateKey(tenantId)]);
  }

  /**
   * The sign-in transactions' storage for `PkceFlow`: asynchronous, so `storage.session` fits; it cannot list keys,
   * so abandoned transactions are not pruned, but they expire after 10 minutes and vanish with the session.
   */
  transactions(): TransactionStorage {
    const area = this.#area;
    return {
      async getItem(key) {
        const value = (await area.get(key))[key];
        return typeof value === 'string' ? value : null;
      },
      async setItem(key, value) {
        await area.set({[key]: value});
      },
      async removeItem(key) {
        await area.remove(key);
      },
    };
  }
}
