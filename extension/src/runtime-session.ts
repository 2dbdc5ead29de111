/**
 * `RuntimeAuthSession`: the `AuthSession` the extension's pages hand to `<conga-api-connections>`. It holds no
 * token: it asks the background worker for one per request, and follows the tenant's sign-in state, which the
 * worker keeps in `storage.session`, so every page (popup, side panel, tab, drawer) sees a sign-in or sign-out at
 * once (C1-08).
 */
import browser from 'webextension-polyfill';
import type {Storage} from 'webextension-polyfill';
import {AuthError, type AuthSession, type AuthState, type GetAccessTokenOptions} from '@conga-connections/auth';
import {deserializeError, sendMessage as defaultSendMessage} from './messaging.js';
import {authStateKey, parsePublicAuthState, type PublicAuthState} from './storage.js';

/** The `storage.onChanged` event, or a fake of it. */
export interface StorageChangedEvent {
  addListener(listener: (changes: Record<string, Storage.StorageChange>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, Storage.StorageChange>, areaName: string) => void): void;
}

/** Options of {@link RuntimeAuthSession}. */
export interface RuntimeAuthSessionOptions {
  tenantId: string;
  /** The tenant's issuer, shown in error messages. */
  issuer?: string;
  /** Sends a message to the worker; default {@link defaultSendMessage}. */
  sendMessage?: typeof defaultSendMessage;
  /** Default `browser.storage.onChanged`. */
  storageChanged?: StorageChangedEvent;
}

/** Turns the stored, serializable state into the auth package's {@link AuthState}. */
export function toAuthState(state: PublicAuthState): AuthState {
  if (state.status !== 'error') return state;
  const error = deserializeError(state.error);
  return {status: 'error', error: error instanceof AuthError ? error : new AuthError('AUTH_PROVIDER_ERROR')};
}

/**
 * An {@link AuthSession} backed by the background worker.
 *
 * @example
 * ```ts
 * const session = await RuntimeAuthSession.create({tenantId: tenant.id, issuer: tenant.issuer});
 * element.session = session;
 * element.apiClient = createApiClient({baseUrl: tenant.apiBaseUrl, getAccessToken: (o) => session.getAccessToken(o)});
 * ```
 */
export class RuntimeAuthSession implements AuthSession {
  /** The tenant this session signs in to. */
  readonly tenantId: string;
  /** The tenant's issuer (the sign-in element names it when the service can't be reached). */
  readonly issuer: string | undefined;
  #state: AuthState = Object.freeze({status: 'signed-out'});
  readonly #listeners = new Set<(state: AuthState) => void>();
  readonly #send: typeof defaultSendMessage;
  readonly #storageChanged: StorageChangedEvent;
  #disposed = false;

  constructor(options: RuntimeAuthSessionOptions) {
    this.tenantId = options.tenantId;
    this.issuer = options.issuer;
    this.#send = options.sendMessage ?? defaultSendMessage;
    this.#storageChanged = options.storageChanged ?? browser.storage.onChanged;
    this.#storageChanged.addListener(this.#handleStorageChanged);
  }

  /** Creates a session and loads the tenant's current state from the worker. */
  static async create(options: RuntimeAuthSessionOptions): Promise<RuntimeAuthSession> {
    const session = new RuntimeAuthSession(options);
    await session.refresh();
    return session;
  }

  /** The current snapshot. */
  get state(): AuthState {
    return this.#state;
  }

  /** Calls `listener` with each new state; returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks the worker for the tenant's state again (e.g. after the worker restarted). */
  async refresh(): Promise<void> {
    this.#set(await this.#send('auth:get-state', {tenantId: this.tenantId}));
  }

  /**
   * Signs in through the worker, which opens the provider in a browser-managed window. It runs in the worker
   * because a popup closes when that window takes focus (STYLE §9); the state arrives through storage either way.
   */
  async signIn(): Promise<void> {
    if (this.#state.status !== 'signed-in') this.#set({status: 'signing-in'});
    try {
      this.#set(await this.#send('auth:sign-in', {tenantId: this.tenantId}));
    } catch (error) {
      await this.refresh().catch(() => undefined);
      throw error;
    }
  }

  /** Signs out of the tenant everywhere: the worker forgets the tokens and ends the provider's session. */
  async signOut(): Promise<void> {
    this.#set({status: 'signed-out', reason: 'signed-out'});
    this.#set(await this.#send('auth:sign-out', {tenantId: this.tenantId}));
  }

  /** Asks the worker for a valid access token; `signal` stops this caller's wait only. */
  async getAccessToken(options: GetAccessTokenOptions = {}): Promise<string> {
    const {signal, forceRefresh, rejectedToken} = options;
    signal?.throwIfAborted();
    const request = this.#send('auth:get-access-token', {
      tenantId: this.tenantId,
      ...(forceRefresh === undefined ? {} : {forceRefresh}),
      ...(rejectedToken === undefined ? {} : {rejectedToken}),
    });
    if (signal === undefined) return request;
    return new Promise<string>((resolve, reject) => {
      const abort = () => {
        reject(signal.reason as Error);
      };
      signal.addEventListener('abort', abort, {once: true});
      request.then(resolve, reject).finally(() => {
        signal.removeEventListener('abort', abort);
      });
    });
  }

  /** Stops following the state and drops the listeners. */
  dispose(): void {
    this.#disposed = true;
    this.#storageChanged.removeListener(this.#handleStorageChanged);
    this.#listeners.clear();
  }

  readonly #handleStorageChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    const change = changes[authStateKey(this.tenantId)];
    if (areaName !== 'session' || change === undefined) return;
    // Removed (the tenant was forgotten): signed out.
    const next =
      change.newValue === undefined ? {status: 'signed-out' as const} : parsePublicAuthState(change.newValue);
    if (next !== undefined) this.#set(next);
  };

  #set(next: PublicAuthState | AuthState): void {
    if (this.#disposed) return;
    const state = Object.freeze(
      'error' in next && !(next.error instanceof Error) ? toAuthState(next) : next,
    ) as AuthState;
    if (sameState(this.#state, state)) return;
    this.#state = state;
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

function sameState(a: AuthState, b: AuthState): boolean {
  if (a.status !== b.status) return false;
  if (a.status === 'signed-in' && b.status === 'signed-in') {
    return a.expiresAt === b.expiresAt && a.user.sub === b.user.sub;
  }
  if (a.status === 'signed-out' && b.status === 'signed-out') return a.reason === b.reason;
  if (a.status === 'error' && b.status === 'error') return a.error.code === b.error.code;
  return true;
}
