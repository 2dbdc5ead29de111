import * as oauth from 'oauth4webapi';
import {AuthError} from './errors.js';
import type {AuthUser} from './state.js';
import {safeReturnTo, TransactionStore, type LauncherKind, type TransactionStorage} from './transaction-store.js';

/** The scopes the tab needs: sign-in, profile, renewal and the user-management API (PLATFORM.md §4.2). */
export const DEFAULT_SCOPE = 'openid profile email offline_access api.user-management';

/** The lifetime assumed for an access token whose response has no `expires_in` (B2-13): short, so it renews soon. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

/** Options of {@link PkceFlow}. */
export interface PkceFlowOptions {
  /** The provider's issuer identifier, e.g. `https://login-rls.congacloud.com/api/v1/auth`. */
  issuer: string;
  clientId: string;
  /** Exactly as registered on the UI-to-API connection. */
  redirectUri: string;
  /** Space-separated; sent exactly as given (B2-11). */
  scope?: string;
  /** Called as a plain function, never as a method. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Where the transactions of sign-ins in progress are kept. */
  transactionStorage: TransactionStorage;
  /** How long discovery may take before it counts as failed (default {@link DISCOVERY_TIMEOUT_MS}). */
  discoveryTimeoutMs?: number;
}

/**
 * A discovery request that never answers would otherwise stay the cached metadata promise for good: every later
 * "Sign in" or "Retry" would wait on it. After this long it fails like an unreachable provider, and the next call
 * asks again (C3-04).
 */
export const DISCOVERY_TIMEOUT_MS = 10_000;

/** The tokens of a session, with what they grant; held in memory only. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
  /** Milliseconds since the epoch, by the flow's clock. */
  readonly expiresAt: number;
  readonly scopes: string[];
  readonly user: AuthUser;
}

/** What a completed authorization gives back. */
export interface CompletedSignIn {
  readonly tokens: TokenSet;
  /**
   * Asks the userinfo endpoint for the user's name and e-mail, when the ID token has only `sub`, and resolves the same
   * set with them (or the set as it is). Asked for by the caller once the tokens are in use, not before: the first
   * API call needn't wait for it or share the moment with it (issue 18). Never rejects.
   */
  readonly profile?: () => Promise<TokenSet>;
  /** The validated same-origin path the sign-in was started from, if any. */
  readonly returnTo?: string;
}

/** Issuers served over plain http are accepted only on loopback, for the local emulator (B2-12). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** How long the cosmetic userinfo request may take: as long as one attempt of an API request (C3-02). */
const USERINFO_TIMEOUT_MS = 30_000;

/** Parameters that only an implicit or hybrid response carries; the flow asks for `code` only (B2-07, RFC 9700 §2.1.2). */
const IMPLICIT_PARAMETERS = ['access_token', 'id_token', 'token'];

/** Authorization errors that mean "the user has to interact": a silent attempt then simply did not work. */
const INTERACTION_ERRORS = new Set([
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
]);

/**
 * Tokens bound to a proof-of-possession key are refused: this client never asks for DPoP, so a `DPoP` token
 * type means the provider and the client disagree (B2-13, RFC 9449 §5).
 */
const TOKEN_TYPES: oauth.RecognizedTokenTypes = {
  dpop: () => {
    throw new oauth.UnsupportedOperationError('a DPoP-bound token was issued but never requested');
  },
};

/**
 * The authorization code flow with PKCE on oauth4webapi: discovery, the authorization request, the callback, the
 * code and refresh grants, and the end-session request. It holds no tokens; sessions do.
 */
export class PkceFlow {
  /** The configured issuer, exactly as given. */
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The scope list, in the configured order. */
  readonly scopes: readonly string[];
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #transactions: TransactionStore;
  readonly #insecure: boolean;
  readonly #discoveryTimeoutMs: number;
  #metadata: Promise<oauth.AuthorizationServer> | undefined;

  constructor(options: PkceFlowOptions) {
    const issuer = parseUrl(options.issuer, 'issuer');
    parseUrl(options.redirectUri, 'redirectUri');
    if (typeof options.clientId !== 'string' || options.clientId === '') {
      throw new TypeError('"clientId" must be a non-empty string');
    }
    const scopes = (options.scope ?? DEFAULT_SCOPE).split(' ').filter((scope) => scope !== '');
    if (scopes.length === 0) throw new TypeError('"scope" must name at least one scope');
    this.issuer = options.issuer;
    this.clientId = options.clientId;
    this.redirectUri = options.redirectUri;
    this.scopes = scopes;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#now = options.now ?? Date.now;
    this.#transactions = new TransactionStore(options.transactionStorage, this.#now);
    this.#insecure = issuer.protocol !== 'https:' && !isLoopbackHttp(issuer);
    this.#discoveryTimeoutMs = options.discoveryTimeoutMs ?? DISCOVERY_TIMEOUT_MS;
  }

  /** Whether the issuer is refused for using plain http away from loopback (B2-12). */
  get insecureIssuer(): boolean {
    return this.#insecure;
  }

  /**
   * Resolves the provider's metadata, fetched once and kept; a failed discovery is retried on the next call, so
   * "Retry" works without a reload (C3-04).
   */
  metadata(): Promise<oauth.AuthorizationServer> {
    this.#metadata ??= this.#discover().catch((error: unknown) => {
      this.#metadata = undefined;
      throw error;
    });
    return this.#metadata;
  }

  /**
   * Starts an attempt: stores a fresh verifier, state and nonce for it and resolves the authorization URL. Fails
   * before any navigation when discovery does not confirm the configured issuer (B2-03).
   */
  async start(
    options: {returnTo?: string; prompt?: 'none' | 'login'; launcher?: LauncherKind} = {},
  ): Promise<{url: string; state: string}> {
    const as = await this.metadata();
    // A new verifier per attempt, S256 only and never `plain`, not even after an error (RFC 9700 §2.1.1, B2-01).
    const verifier = oauth.generateRandomCodeVerifier();
    const challenge = await oauth.calculatePKCECodeChallenge(verifier);
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();
    const returnTo = safeReturnTo(options.returnTo, new URL(this.redirectUri).origin);
    await this.#transactions.save({
      state,
      verifier,
      nonce,
      issuer: this.issuer,
      redirectUri: this.redirectUri,
      createdAt: this.#now(),
      provider: as,
      ...(returnTo === undefined ? {} : {returnTo}),
      ...(options.launcher === undefined ? {} : {launcher: options.launcher}),
    });
    const url = new URL(endpoint(as, 'authorization_endpoint'));
    const parameters = url.searchParams;
    parameters.set('client_id', this.clientId);
    parameters.set('redirect_uri', this.redirectUri);
    // The authorization code flow only: tokens never travel in a URL (RFC 9700 §2.1.2, B2-07).
    parameters.set('response_type', 'code');
    // Exactly the configured list, nothing added (B2-11).
    parameters.set('scope', this.scopes.join(' '));
    parameters.set('state', state);
    if (this.#openId) parameters.set('nonce', nonce);
    parameters.set('code_challenge', challenge);
    parameters.set('code_challenge_method', 'S256');
    if (options.prompt !== undefined) parameters.set('prompt', options.prompt);
    return {url: url.href, state};
  }

  /**
   * How the attempt that `callbackUrl`'s state names was launched, as far as this flow's store knows, without using
   * the attempt up: a popup's own store, copied before its opener saved the attempt, usually does not know.
   */
  async launcherOf(callbackUrl: string): Promise<LauncherKind | undefined> {
    const state = parseUrl(callbackUrl, 'callbackUrl').searchParams.get('state');
    return state === null || state === '' ? undefined : this.#transactions.launcherOf(state);
  }

  /** Forgets an attempt that will not complete (its popup was closed, its frame timed out). */
  async cancel(state: string): Promise<void> {
    await this.#transactions.remove(state);
  }

  /**
   * Checks the provider's answer at the redirect URI and redeems its code. Nothing reaches the token endpoint
   * unless the state names a stored, unexpired transaction of this issuer and `iss` is the expected issuer.
   */
  async complete(callbackUrl: string): Promise<CompletedSignIn> {
    const url = parseUrl(callbackUrl, 'callbackUrl');
    const parameters = url.searchParams;
    const state = parameters.get('state');
    // The state binds the answer to an attempt this browser started (CSRF, RFC 6749 §10.12); it is taken out of
    // the store before anything else is looked at, so every answer uses it up, good or bad (B2-02).
    const transaction = state === null || state === '' ? undefined : await this.#transactions.take(state);
    if (transaction === undefined) throw new AuthError('AUTH_STATE_MISMATCH');
    if (transaction === 'expired') throw new AuthError('AUTH_INTERRUPTED');
    const fragment = new URLSearchParams(url.hash.slice(1));
    if (IMPLICIT_PARAMETERS.some((name) => parameters.has(name) || fragment.has(name))) {
      throw new AuthError('AUTH_UNEXPECTED_RESPONSE');
    }
    // An attempt is only ever completed at the issuer it was started at (mix-up defence, RFC 9700 §4.4; B2-05).
    if (transaction.issuer !== this.issuer) throw new AuthError('AUTH_ISSUER_MISMATCH');
    if (!sameEndpoint(url, transaction.redirectUri)) throw new AuthError('AUTH_UNEXPECTED_RESPONSE');
    // The metadata the attempt was started with, when it passes discovery's checks again; else discovery.
    const as = this.#startedWith(transaction.provider) ?? (await this.metadata());
    const client = this.#client();
    // RFC 9207: `iss` must name the expected issuer, and must be present when the provider says it sends it (B2-04).
    const iss = parameters.get('iss');
    if (iss === null ? as.authorization_response_iss_parameter_supported === true : iss !== as.issuer) {
      throw new AuthError('AUTH_ISSUER_MISMATCH');
    }
    let validated: URLSearchParams;
    try {
      // Checks state, iss and error responses again, with the library's own rules.
      validated = oauth.validateAuthResponse(as, client, parameters, transaction.state);
    } catch (error) {
      throw authorizationError(error);
    }
    let response: Response;
    try {
      response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        validated,
        transaction.redirectUri,
        transaction.verifier,
        this.#http(),
      );
    } catch (error) {
      throw networkError(error);
    }
    let result: oauth.TokenEndpointResponse;
    try {
      result = await oauth.processAuthorizationCodeResponse(as, client, response, {
        recognizedTokenTypes: TOKEN_TYPES,
        ...(this.#openId ? {expectedNonce: transaction.nonce, requireIdToken: true} : {}),
      });
    } catch (error) {
      throw new AuthError('AUTH_TOKEN_REQUEST_FAILED', {cause: error});
    }
    const tokens = this.#tokenSet(result, undefined, undefined);
    const profile = () => this.#withProfile(as, tokens);
    return transaction.returnTo === undefined ? {tokens, profile} : {tokens, profile, returnTo: transaction.returnTo};
  }

  /**
   * Trades the refresh token for new tokens. The provider rotates refresh tokens (RFC 9700 §4.14.2), so the
   * returned set carries the new one and the old one is spent.
   */
  async refresh(previous: TokenSet): Promise<TokenSet> {
    if (previous.refreshToken === undefined) throw new AuthError('AUTH_RENEWAL_FAILED');
    const as = await this.metadata();
    const client = this.#client();
    let response: Response;
    try {
      response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), previous.refreshToken, this.#http());
    } catch (error) {
      throw networkError(error);
    }
    let result: oauth.TokenEndpointResponse;
    try {
      result = await oauth.processRefreshTokenResponse(as, client, response, {recognizedTokenTypes: TOKEN_TYPES});
    } catch (error) {
      // An overloaded or failing service says nothing about the refresh token: keep the session (C3-01).
      if (response.status >= 500 || response.status === 429) {
        throw new AuthError('AUTH_NETWORK_ERROR', {cause: error});
      }
      throw new AuthError('AUTH_RENEWAL_FAILED', {cause: error});
    }
    return this.#tokenSet(result, previous.user, previous.refreshToken);
  }

  /**
   * Resolves the RP-initiated logout URL (`client_id`, `post_logout_redirect_uri`, a new `state`), or
   * `undefined` when the provider has no end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2). It is a
   * GET: a cross-site form POST would not carry the provider's SameSite=Lax session cookie, and oidc-provider turns
   * POST off for that reason. The ID token in it identifies the session; it is no API credential.
   */
  async endSession(options: {postLogoutRedirectUri: string}): Promise<string | undefined> {
    const as = await this.metadata();
    if (as.end_session_endpoint === undefined) return undefined;
    const url = new URL(endpoint(as, 'end_session_endpoint'));
    url.searchParams.set('client_id', this.clientId);
    // No id_token_hint: an ID token is a token, and tokens never go in URLs (DESIGN.md; B2-08). RP-Initiated
    // Logout 1.0 §2 lets `client_id` identify the client instead when a post_logout_redirect_uri is sent.
    url.searchParams.set('post_logout_redirect_uri', options.postLogoutRedirectUri);
    url.searchParams.set('state', oauth.generateRandomState());
    return url.href;
  }

  get #openId(): boolean {
    return this.scopes.includes('openid');
  }

  async #discover(): Promise<oauth.AuthorizationServer> {
    if (this.#insecure) throw new AuthError('AUTH_INSECURE_ISSUER');
    const issuer = new URL(this.issuer);
    let response: Response;
    try {
      response = await oauth.discoveryRequest(issuer, {
        ...this.#http(),
        signal: AbortSignal.timeout(this.#discoveryTimeoutMs),
      });
    } catch (error) {
      throw new AuthError('AUTH_DISCOVERY_FAILED', {
        message: `Can't reach the sign-in service at ${this.issuer}.`,
        cause: error,
      });
    }
    let as: oauth.AuthorizationServer;
    try {
      as = await oauth.processDiscoveryResponse(issuer, response);
    } catch (error) {
      if (error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON) {
        // The document names another issuer: stop before any redirect (RFC 8414 §3.3, B2-03).
        throw new AuthError('AUTH_CONFIGURATION_MISMATCH', {cause: error});
      }
      throw new AuthError('AUTH_DISCOVERY_FAILED', {
        message: `Can't reach the sign-in service at ${this.issuer}.`,
        cause: error,
      });
    }
    return acceptedMetadata(as, this.issuer);
  }

  /**
   * The provider metadata stored with an attempt, if it is still what {@link #discover} would accept for this flow's
   * issuer; it then also serves the session's later requests (refresh, end session) as discovery's answer would.
   */
  #startedWith(provider: Readonly<Record<string, unknown>> | undefined): oauth.AuthorizationServer | undefined {
    if (provider === undefined || this.#insecure) return undefined;
    let as: oauth.AuthorizationServer;
    try {
      as = acceptedMetadata(provider as unknown as oauth.AuthorizationServer, this.issuer);
    } catch {
      return undefined;
    }
    this.#metadata ??= Promise.resolve(as);
    return as;
  }

  #client(): oauth.Client {
    return {
      client_id: this.clientId,
      // ID token time checks use the injected clock, like every other expiry decision of the session.
      [oauth.clockSkew]: Math.round((this.#now() - Date.now()) / 1000),
    };
  }

  /**
   * The transport options of every request. `allowInsecureRequests` is set here and nowhere else, and only for a
   * plain-http issuer on loopback, i.e. the local emulator (B2-12).
   */
  #http(): oauth.HttpRequestOptions<'GET' | 'POST', URLSearchParams | undefined> {
    return transportOptions(new URL(this.issuer), this.#fetch);
  }

  /**
   * Fills in the user's name and e-mail from the userinfo endpoint when the ID token has only `sub`, as the
   * platform's provider (IdentityServer) issues it by default. Cosmetic: a failure keeps the user as they are.
   *
   * A plain `fetch`, not oauth4webapi's userinfo functions (issue 18: they were 0.4 KB gzip of every sign-in's
   * chunk, for JWT and DPoP answers the platform never sends). It keeps what matters here: the endpoint must be https
   * (or the loopback emulator's http), redirects are not followed with the token, and the answer must name the
   * signed-in user (OpenID Connect Core §5.3.4), or it is ignored.
   */
  async #withProfile(as: oauth.AuthorizationServer, tokens: TokenSet): Promise<TokenSet> {
    if (!this.#openId || as.userinfo_endpoint === undefined || tokens.user.sub === '') return tokens;
    if (tokens.user.name !== undefined || tokens.user.email !== undefined) return tokens;
    try {
      const response = await this.#fetch(endpoint(as, 'userinfo_endpoint'), {
        headers: {accept: 'application/json', authorization: `Bearer ${tokens.accessToken}`},
        redirect: 'manual',
        signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS),
      });
      if (!response.ok) return tokens;
      const claims = (await response.json()) as Record<string, unknown> | null;
      if (claims?.sub !== tokens.user.sub) return tokens;
      return {
        ...tokens,
        user: {
          sub: tokens.user.sub,
          ...(typeof claims.name === 'string' ? {name: claims.name} : {}),
          ...(typeof claims.email === 'string' ? {email: claims.email} : {}),
        },
      };
    } catch {
      return tokens;
    }
  }

  #tokenSet(
    result: oauth.TokenEndpointResponse,
    user: AuthUser | undefined,
    refreshToken: string | undefined,
  ): TokenSet {
    const claims = oauth.getValidatedIdTokenClaims(result);
    if (claims !== undefined && user !== undefined && claims.sub !== user.sub) {
      // A renewed ID token must name the same user (OpenID Connect Core §12.2).
      throw new AuthError('AUTH_RENEWAL_FAILED');
    }
    const expiresIn = result.expires_in ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
    const newRefreshToken = result.refresh_token ?? refreshToken;
    return {
      accessToken: result.access_token,
      ...(newRefreshToken === undefined ? {} : {refreshToken: newRefreshToken}),
      ...(result.id_token === undefined ? {} : {idToken: result.id_token}),
      expiresAt: this.#now() + expiresIn * 1000,
      scopes: typeof result.scope === 'string' ? result.scope.split(' ').filter(Boolean) : [...this.scopes],
      user: claims === undefined ? (user ?? {sub: ''}) : userOf(claims),
    };
  }
}

/**
 * The transport options of every request to the provider at `issuer`. `allowInsecureRequests` is set here and nowhere
 * else, and only for a plain-http issuer on loopback, i.e. the local emulator (B2-12).
 */
export function transportOptions(
  issuer: URL,
  fetchFunction: typeof fetch,
): oauth.HttpRequestOptions<'GET' | 'POST', URLSearchParams | undefined> {
  return {
    [oauth.customFetch]: (url, init) => fetchFunction(url, init),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, and only for the loopback emulator
    ...(isLoopbackHttp(issuer) ? {[oauth.allowInsecureRequests]: true} : {}),
  };
}

/** Whether `url` is plain http on a loopback host. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

function parseUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new TypeError(`"${name}" must be an absolute URL`);
  }
}

/**
 * Reads an endpoint from the metadata: it must exist and use https, or http on loopback when the issuer is a
 * loopback emulator.
 */
/**
 * What provider metadata must hold to be used, from discovery or stored with an attempt: exactly the configured issuer
 * (`iss` and ID tokens are compared to it character by character) and https (or loopback) authorization and token
 * endpoints.
 */
function acceptedMetadata(as: oauth.AuthorizationServer, issuer: string): oauth.AuthorizationServer {
  if (as.issuer !== issuer) throw new AuthError('AUTH_CONFIGURATION_MISMATCH');
  endpoint(as, 'authorization_endpoint');
  endpoint(as, 'token_endpoint');
  return as;
}

function endpoint(
  as: oauth.AuthorizationServer,
  name: 'authorization_endpoint' | 'token_endpoint' | 'end_session_endpoint' | 'userinfo_endpoint',
): string {
  const value = as[name];
  let url: URL | undefined;
  try {
    url = value === undefined ? undefined : new URL(value);
  } catch {
    url = undefined;
  }
  const issuerIsLoopback = isLoopbackHttp(new URL(as.issuer));
  if (url === undefined || !(url.protocol === 'https:' || (issuerIsLoopback && isLoopbackHttp(url)))) {
    throw new AuthError('AUTH_DISCOVERY_FAILED', {message: `The sign-in service's "${name}" is missing or not https.`});
  }
  return url.href;
}

function sameEndpoint(url: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri);
  return url.origin === expected.origin && url.pathname === expected.pathname;
}

function userOf(claims: oauth.IDToken): AuthUser {
  return {
    sub: claims.sub,
    ...(typeof claims.name === 'string' ? {name: claims.name} : {}),
    ...(typeof claims.email === 'string' ? {email: claims.email} : {}),
  };
}

function authorizationError(error: unknown): AuthError {
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === 'access_denied') return new AuthError('AUTH_ACCESS_DENIED', {cause: error});
    if (INTERACTION_ERRORS.has(error.error)) return new AuthError('AUTH_LOGIN_REQUIRED', {cause: error});
    return new AuthError('AUTH_PROVIDER_ERROR', {cause: error});
  }
  if (error instanceof oauth.UnsupportedOperationError)
    return new AuthError('AUTH_UNEXPECTED_RESPONSE', {cause: error});
  return new AuthError('AUTH_STATE_MISMATCH', {cause: error});
}

function networkError(error: unknown): unknown {
  // An abort is the caller's decision, not a failure: pass it through untouched.
  if (error instanceof Error && error.name === 'AbortError') return error;
  if (error instanceof AuthError) return error;
  return new AuthError('AUTH_NETWORK_ERROR', {cause: error});
}
