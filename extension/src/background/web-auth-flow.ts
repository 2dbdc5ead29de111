/**
 * Sign-in, renewal and sign-out for each tenant, in the background worker: the authorization code flow with PKCE of
 * `@conga-connections/auth` (`PkceFlow`, on oauth4webapi), launched through `identity.launchWebAuthFlow` at the
 * extension's redirect URL. The worker may be stopped at any moment, so nothing lives in its globals: tokens, state
 * and transactions are in `storage.session`, and "one at a time" is a Web Lock, which dies with the worker (C1-09).
 */
import {AuthError, isAuthError, PkceFlow, type AuthLauncher, type TokenSet} from '@conga-connections/auth';
import {browserText} from '../browser-text.js';
import {MessageError, serializeError} from '../messaging.js';
import type {PublicAuthState, SessionStore, SettingsStore, Tenant, TokenRecord} from '../storage.js';

/** The part of `browser.identity` the sign-in uses. */
export interface IdentityApi {
  launchWebAuthFlow(details: {url: string; interactive: boolean}): Promise<string>;
  getRedirectURL(path?: string): string;
}

/** Named exclusive locks shared by every context of the extension and released when the holder dies. */
export interface Locks {
  /** Runs `task` holding the lock, after waiting for it. */
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** Runs `task` holding the lock if it is free now; resolves `{ran: false}` without running it otherwise. */
  tryRun<T>(name: string, task: () => Promise<T>): Promise<{ran: true; value: T} | {ran: false}>;
  /** Whether some context holds the lock now. */
  isHeld(name: string): Promise<boolean>;
}

/**
 * {@link Locks} on the Web Locks API (`navigator.locks`), which MV3 service workers and Firefox event pages have.
 * A lock lives as long as the context that holds it, so a worker stopped in the middle of a renewal leaves no lock
 * behind, unlike a flag in storage would.
 */
export function webLocks(manager: LockManager): Locks {
  return {
    run: async <T>(name: string, task: () => Promise<T>): Promise<T> => manager.request(name, task),
    async tryRun(name, task) {
      return manager.request(name, {ifAvailable: true}, async (lock) =>
        lock === null ? {ran: false as const} : {ran: true as const, value: await task()},
      );
    },
    async isHeld(name) {
      const snapshot = await manager.query();
      return (snapshot.held ?? []).some((lock) => lock.name === name);
    },
  };
}

/**
 * Turns `identity.launchWebAuthFlow` into the auth package's {@link AuthLauncher}: it opens the provider in a
 * browser-managed window and resolves with the URL the provider redirected to, once it reaches the redirect URL.
 * That URL (`https://<id>.chromiumapp.org/`, `https://<hash>.extensions.allizom.org/`) is never loaded, so no page
 * can read the code in it (RFC 8252 §7; developer.chrome.com/docs/extensions/reference/api/identity).
 */
export function createWebAuthFlowLauncher(identity: IdentityApi): AuthLauncher {
  return {
    async launch(url) {
      const target = await url;
      if (target === undefined) return undefined;
      try {
        return await identity.launchWebAuthFlow({url: target, interactive: true});
      } catch (error) {
        throw launchError(error);
      }
    },
  };
}

/**
 * Maps launchWebAuthFlow's failures, which are only messages: Chromium says "The user did not approve access." when
 * the window is closed and "Authorization page could not be loaded." when the provider is unreachable; Firefox says
 * "User cancelled or denied access.".
 */
function launchError(error: unknown): AuthError {
  const text = error instanceof Error ? error.message : String(error);
  if (/did not approve|cancel+ed|closed/i.test(text)) return new AuthError('AUTH_POPUP_CLOSED', {cause: error});
  if (/could not be loaded|network/i.test(text)) return new AuthError('AUTH_NETWORK_ERROR', {cause: error});
  if (/interaction required|requires user interaction/i.test(text)) {
    return new AuthError('AUTH_LOGIN_REQUIRED', {cause: error});
  }
  return new AuthError('AUTH_PROVIDER_ERROR', {cause: error});
}

/** What {@link WorkerAuth} needs; all injected, so unit tests run it against fakes. */
export interface WorkerAuthOptions {
  settings: SettingsStore;
  session: SessionStore;
  identity: IdentityApi;
  locks: Locks;
  /** Called as a plain function. */
  fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The extension's ID (`runtime.id`), named when its redirect URL is not registered (B5-08). */
  extensionId?: string;
  /** Renew this long before the access token expires; default 60 s (the auth package's margin). */
  refreshMarginMs?: number;
  /** Space-separated scopes; default the auth package's. */
  scope?: string;
}

/** A token produced by a forced renewal and rejected again within this time will not be helped by renewing (C1-05). */
const FORCED_RENEWAL_GRACE_MS = 60_000;

function signInLock(tenantId: string): string {
  return `conga:sign-in:${tenantId}`;
}

function renewalLock(tenantId: string): string {
  return `conga:renewal:${tenantId}`;
}

/**
 * The worker's side of every tenant's session. It has no state of its own: each call reads storage, so a fresh
 * instance per message (or after the worker restarted) behaves exactly like a long-lived one.
 */
export class WorkerAuth {
  readonly #options: WorkerAuthOptions;
  readonly #marginMs: number;

  constructor(options: WorkerAuthOptions) {
    this.#options = options;
    this.#marginMs = options.refreshMarginMs ?? 60_000;
  }

  /** The redirect URL every tenant's UI-to-API connection must list: `identity.getRedirectURL()`. */
  get redirectUri(): string {
    return this.#options.identity.getRedirectURL();
  }

  /**
   * The tenant's public state. A sign-in whose worker died (its lock is gone) is reported as interrupted
   * (C1-09), and stored tokens of another issuer or client are dropped rather than used.
   */
  async state(tenantId: string): Promise<PublicAuthState> {
    const tenant = await this.#tenant(tenantId);
    const {session, locks} = this.#options;
    const stored = await session.readState(tenantId);
    if (stored?.status === 'signing-in' && !(await locks.isHeld(signInLock(tenantId)))) {
      return session.writeState(tenantId, {status: 'error', error: serializeError(new AuthError('AUTH_INTERRUPTED'))});
    }
    const tokens = await this.#tokens(tenant);
    if (stored?.status === 'signed-in' && tokens === undefined) {
      return session.clearTokens(tenantId, {status: 'signed-out'});
    }
    if (tokens !== undefined && tokens.refreshToken === undefined && tokens.expiresAt <= this.#options.now()) {
      return session.clearTokens(tenantId, {status: 'signed-out', reason: 'expired'});
    }
    return stored ?? {status: 'signed-out'};
  }

  /**
   * Signs in to the tenant in a launchWebAuthFlow window. A second call while one runs (from another page, or a
   * double click) does not open a second window; it answers the current state.
   */
  async signIn(tenantId: string): Promise<PublicAuthState> {
    const tenant = await this.#tenant(tenantId);
    const attempt = await this.#options.locks.tryRun(signInLock(tenantId), () => this.#signIn(tenant));
    return attempt.ran ? attempt.value : {status: 'signing-in'};
  }

  /**
   * Forgets the tenant's tokens first, everywhere at once (every page watches the state in storage, C1-08), then
   * ends the provider's session in a launchWebAuthFlow window (RP-Initiated Logout 1.0, identified by `client_id`:
   * no token ever goes in a URL), so the next sign-in asks for the password. Closing that window leaves the tenant signed out here all the same.
   */
  async signOut(tenantId: string): Promise<PublicAuthState> {
    const tenant = await this.#tenant(tenantId);
    const {session} = this.#options;
    const tokens = await this.#tokens(tenant);
    const state = await session.clearTokens(tenantId, {status: 'signed-out', reason: 'signed-out'});
    if (tokens === undefined) return state;
    try {
      const flow = this.#flow(tenant);
      const url = await flow.endSession({postLogoutRedirectUri: this.redirectUri});
      await createWebAuthFlowLauncher(this.#options.identity).launch(Promise.resolve(url), {
        redirectUri: this.redirectUri,
      });
    } catch (error) {
      // Signed out here whatever the provider says; a closed window is the admin's choice, anything else is logged.
      if (!isAuthError(error, 'AUTH_POPUP_CLOSED')) console.warn('ending the provider session failed', error);
    }
    return state;
  }

  /**
   * A valid access token for the tenant. It renews first when the token is within the margin of its expiry, or
   * when the API rejected `rejectedToken` (401). One renewal at a time per tenant, across every caller and across
   * worker restarts: the renewal runs under a Web Lock, and each waiting caller re-reads storage afterwards and
   * takes the token the first one stored (C1-04).
   */
  async accessToken(tenantId: string, options: {forceRefresh?: boolean; rejectedToken?: string} = {}): Promise<string> {
    const tenant = await this.#tenant(tenantId);
    const {forceRefresh = false, rejectedToken} = options;
    const tokens = await this.#tokens(tenant);
    if (tokens === undefined) throw new AuthError('AUTH_SIGNED_OUT');
    if (!forceRefresh && this.#fresh(tokens)) return tokens.accessToken;
    if (forceRefresh && rejectedToken !== undefined && rejectedToken !== tokens.accessToken) return tokens.accessToken;
    const seen = tokens.accessToken;
    return this.#options.locks.run(renewalLock(tenantId), () => this.#renew(tenant, seen, forceRefresh));
  }

  /**
   * B5-08: a provider answers an authorization request whose redirect_uri it doesn't know with its own error page
   * (400, no redirect: RFC 9700 §4.1.3), and launchWebAuthFlow would show that page in a window that never comes
   * back. So the request is made once first, without cookies and without following redirects: a redirect (to the
   * login page, or straight back) means the provider took it; an error page that names the redirect URI means the
   * extension's redirect URL is not on the tenant's connection, which the admin is told in words that say what to add.
   * Anything else (the provider unreachable, another error) is left to the sign-in window to show.
   */
  async #checkRedirectRegistered(url: string, tenant: Tenant): Promise<void> {
    let response: Response;
    try {
      response = await this.#options.fetch(url, {redirect: 'manual', credentials: 'omit'});
    } catch {
      return;
    }
    if (response.type === 'opaqueredirect' || response.status < 400) return;
    const page = await response.text().catch(() => '');
    if (!/redirect_uri/i.test(page.slice(0, 50_000))) return;
    const id = this.#options.extensionId ?? new URL(this.redirectUri).hostname.split('.')[0] ?? '';
    const host = new URL(tenant.issuer).host;
    // In the browser's language (_locales), as the pages show it word for word (issue 17).
    throw new AuthError('AUTH_REDIRECT_URI_NOT_REGISTERED', {
      message: browserText(
        'authRedirectNotRegistered',
        `Redirect URI not registered for extension ID ${id}: add ${this.redirectUri} to the Redirect URIs of the UI-to-API connection with Client ID ${tenant.clientId} on ${host}, then sign in again.`,
        [id, this.redirectUri, tenant.clientId, host],
      ),
    });
  }

  async #signIn(tenant: Tenant): Promise<PublicAuthState> {
    const {session} = this.#options;
    await session.writeState(tenant.id, {status: 'signing-in'});
    const flow = this.#flow(tenant);
    let started: {url: string; state: string} | undefined;
    try {
      started = await flow.start();
      await this.#checkRedirectRegistered(started.url, tenant);
      const callback = await createWebAuthFlowLauncher(this.#options.identity).launch(Promise.resolve(started.url), {
        redirectUri: flow.redirectUri,
      });
      if (callback === undefined) throw new AuthError('AUTH_INTERRUPTED');
      const {tokens, profile} = await flow.complete(callback);
      const state = await session.writeTokens(tenant.id, this.#record(tenant, tokens, undefined));
      // Signed in first, so the popup's first list call goes out at once; the name follows (issue 18).
      void this.#withProfile(tenant, tokens, profile);
      return state;
    } catch (error) {
      if (started !== undefined) await flow.cancel(started.state).catch(() => undefined);
      const authError = error instanceof AuthError ? error : new AuthError('AUTH_INTERRUPTED', {cause: error});
      // A failed attempt leaves an existing session alone (the admin may have signed in elsewhere meanwhile).
      const existing = await this.#tokens(tenant);
      if (existing !== undefined) await session.writeTokens(tenant.id, existing);
      else await session.writeState(tenant.id, {status: 'error', error: serializeError(authError)});
      throw authError;
    }
  }

  /**
   * Asks userinfo once the tokens are stored (the pages' first API call needn't share the moment with it), and stores
   * the user's name and e-mail once it has answered, under the renewal lock and only onto the token set they were
   * asked for: a renewal or a sign-out in the meantime wins.
   */
  async #withProfile(tenant: Tenant, tokens: TokenSet, profile: (() => Promise<TokenSet>) | undefined): Promise<void> {
    const profiled = await profile?.();
    if (profiled === undefined || profiled === tokens) return;
    await this.#options.locks
      .run(renewalLock(tenant.id), async () => {
        const current = await this.#tokens(tenant);
        if (current?.accessToken !== tokens.accessToken) return;
        await this.#options.session.writeTokens(tenant.id, this.#record(tenant, profiled, current.forcedAt));
      })
      .catch(() => undefined);
  }

  async #renew(tenant: Tenant, seen: string, forced: boolean): Promise<string> {
    const {session, now} = this.#options;
    // Another caller may have renewed while this one waited for the lock: use its token (C1-04).
    const current = await this.#tokens(tenant);
    if (current === undefined) throw new AuthError('AUTH_SIGNED_OUT');
    if (current.accessToken !== seen && this.#fresh(current)) return current.accessToken;
    if (forced && current.forcedAt !== undefined && now() - current.forcedAt < FORCED_RENEWAL_GRACE_MS) {
      // A token that a forced renewal has just produced is rejected too: renewing again would loop (C1-05).
      await session.clearTokens(tenant.id, {status: 'signed-out', reason: 'renewal-failed'});
      throw new AuthError('AUTH_RENEWAL_FAILED');
    }
    if (current.refreshToken === undefined) {
      if (!forced && current.expiresAt > now()) return current.accessToken;
      await session.clearTokens(tenant.id, {status: 'signed-out', reason: 'expired'});
      throw new AuthError('AUTH_RENEWAL_FAILED');
    }
    let renewed: TokenSet;
    try {
      renewed = await this.#flow(tenant).refresh(toTokenSet(current));
    } catch (error) {
      // An unreachable service says nothing about the refresh token: keep the session (C3-01). Each renewal
      // reads discovery again (nothing is cached in the worker), so that failing counts as unreachable too.
      if (isAuthError(error, 'AUTH_NETWORK_ERROR') || isAuthError(error, 'AUTH_DISCOVERY_FAILED')) throw error;
      await session.clearTokens(tenant.id, {status: 'signed-out', reason: 'renewal-failed'});
      throw isAuthError(error, 'AUTH_RENEWAL_FAILED') ? error : new AuthError('AUTH_RENEWAL_FAILED', {cause: error});
    }
    // Signed out (or switched tenant configuration) while the request was out: those tokens must not come back.
    const after = await this.#tokens(tenant);
    if (after?.accessToken !== current.accessToken) throw new AuthError('AUTH_SIGNED_OUT');
    await session.writeTokens(tenant.id, this.#record(tenant, renewed, forced ? now() : undefined));
    return renewed.accessToken;
  }

  #fresh(tokens: TokenRecord): boolean {
    return tokens.expiresAt - this.#marginMs > this.#options.now();
  }

  async #tenant(tenantId: string): Promise<Tenant> {
    const tenant = await this.#options.settings.tenant(tenantId);
    if (tenant === undefined) throw new MessageError('TENANT_NOT_FOUND');
    return tenant;
  }

  /** The tenant's tokens, only if they were issued by its current issuer to its current client (B6-05). */
  async #tokens(tenant: Tenant): Promise<TokenRecord | undefined> {
    const tokens = await this.#options.session.readTokens(tenant.id);
    if (tokens === undefined) return undefined;
    if (tokens.issuer !== tenant.issuer || tokens.clientId !== tenant.clientId) {
      await this.#options.session.forgetTenant(tenant.id);
      return undefined;
    }
    return tokens;
  }

  #flow(tenant: Tenant): PkceFlow {
    const {fetch, now, scope, session} = this.#options;
    return new PkceFlow({
      issuer: tenant.issuer,
      clientId: tenant.clientId,
      redirectUri: this.redirectUri,
      ...(scope === undefined ? {} : {scope}),
      fetch,
      now,
      transactionStorage: session.transactions(),
    });
  }

  #record(tenant: Tenant, tokens: TokenSet, forcedAt: number | undefined): TokenRecord {
    return {
      issuer: tenant.issuer,
      clientId: tenant.clientId,
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken === undefined ? {} : {refreshToken: tokens.refreshToken}),
      expiresAt: tokens.expiresAt,
      scopes: [...tokens.scopes],
      user: {...tokens.user},
      ...(forcedAt === undefined ? {} : {forcedAt}),
    };
  }
}

function toTokenSet(record: TokenRecord): TokenSet {
  return {
    accessToken: record.accessToken,
    ...(record.refreshToken === undefined ? {} : {refreshToken: record.refreshToken}),
    expiresAt: record.expiresAt,
    scopes: [...record.scopes],
    user: {...record.user},
  };
}
