/**
 * "Test a connection, in place": one authorization-code + PKCE round trip with a UI-to-API connection's Client ID,
 * and one `client_credentials` request with an API-to-API connection's Client ID and secret. Both answer only what an
 * admin may see — decoded claims, granted scopes and lifetimes, or the error the provider named — and drop the raw
 * tokens before they return: nothing here stores, logs or hands out a token or a secret.
 */
import type * as OAuth from 'oauth4webapi';
import type {AuthErrorCode, isAuthError} from './errors.js';
import type {isLoopbackHttp, PkceFlow, transportOptions} from './pkce-flow.js';
import type {AuthLauncher} from './session.js';
import type {createMemoryStorage} from './transaction-store.js';

/**
 * The sign-in code the tests run on, handed in rather than imported (`connection-test-kit.ts` holds the real one): this
 * module then imports nothing at run time, so a page that bundles it apart from its sign-in code (the element loads it
 * with its connection tools only, issue 18) takes oauth4webapi and the flow from the sign-in code it already has.
 */
export interface ConnectionTestKit {
  readonly oauth: Pick<
    typeof OAuth,
    | 'AuthorizationResponseError'
    | 'ResponseBodyError'
    | 'WWWAuthenticateChallengeError'
    | 'discoveryRequest'
    | 'processDiscoveryResponse'
    | 'clientCredentialsGrantRequest'
    | 'processClientCredentialsResponse'
    | 'ClientSecretBasic'
  >;
  readonly PkceFlow: typeof PkceFlow;
  readonly isAuthError: typeof isAuthError;
  readonly isLoopbackHttp: typeof isLoopbackHttp;
  readonly transportOptions: typeof transportOptions;
  readonly createMemoryStorage: typeof createMemoryStorage;
}

/** What a token says about itself once decoded: a JWT's payload, or only that it can't be read. */
export type DecodedToken =
  | {readonly format: 'jwt'; readonly claims: Readonly<Record<string, unknown>>}
  /** Not a JWT (a reference token): only the provider can read it, by introspection. */
  | {readonly format: 'opaque'}
  /** Three dot-separated parts, but the header or payload is not base64url JSON. */
  | {readonly format: 'malformed'};

/** The most characters of a token this module decodes; a longer one is reported as malformed, not parsed. */
const MAX_DECODED_TOKEN_CHARACTERS = 16_384;

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new TypeError('not base64url');
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a token's claims without checking its signature: for display only, after the token endpoint (over TLS, with
 * PKCE or the client's secret) handed it over, and after oauth4webapi validated the ID token (iss, aud, nonce, exp).
 * A JWS compact serialization (RFC 7515 §7.1) has three parts; anything else, including an encrypted JWE (five
 * parts), is opaque to the client.
 */
export function decodeToken(token: string): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3) return {format: 'opaque'};
  if (token.length > MAX_DECODED_TOKEN_CHARACTERS) return {format: 'malformed'};
  try {
    const header = decodeSegment(parts[0] ?? '');
    const claims = decodeSegment(parts[1] ?? '');
    if (!isRecord(header) || typeof header.alg !== 'string' || !isRecord(claims)) return {format: 'malformed'};
    return {format: 'jwt', claims};
  } catch {
    return {format: 'malformed'};
  }
}

/** A round trip that worked: what the tokens grant, never the tokens. */
export interface SignInTestSuccess {
  readonly ok: true;
  /** The ID token's claims; absent when `openid` was not requested. */
  readonly idToken?: DecodedToken;
  readonly accessToken: DecodedToken;
  /** The token response's `scope`, else the requested scopes (RFC 6749 §5.1: omitted when identical). */
  readonly scopes: readonly string[];
  /** The token response's `expires_in`, in seconds. */
  readonly expiresIn?: number;
}

/** A round trip that failed, with what the browser could see of the cause. */
export interface SignInTestFailure {
  readonly ok: false;
  /** The OAuth error the provider named: `error=` on the callback, or the token endpoint's error body. */
  readonly error?: string;
  /** The token request never got an answer the page may read (a fetch `TypeError`: no CORS header for this origin). */
  readonly tokenRequestBlocked?: boolean;
  /** Why the round trip stopped when the provider named no error: a closed popup, a timeout, a failed check. */
  readonly code?: AuthErrorCode;
}

/** The outcome of {@link runSignInTest}. */
export type SignInTestResult = SignInTestSuccess | SignInTestFailure;

/** Options of {@link runSignInTest}. */
export interface SignInTestOptions {
  issuer: string;
  /** The tested connection's Client ID (never the admin's own client). */
  clientId: string;
  /** Where the launcher's window lands: the page's callback, or the extension's redirect URL. */
  redirectUri: string;
  /** Space-separated scopes to ask for. */
  scope: string;
  /** Opens the authorization request and brings the redirect back. */
  launcher: AuthLauncher;
  fetch?: typeof fetch;
  now?: () => number;
}

/** A fetch that failed without an HTTP answer: in a browser, a network failure or a CORS refusal look the same. */
function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError;
}

/**
 * The OAuth error code an oauth4webapi error carries: from the callback, the token endpoint's JSON body, or — when the
 * endpoint answered 401 with a `WWW-Authenticate` challenge, which oauth4webapi reports before reading the body — the
 * challenge's `error` parameter, else the body it left unread, else `invalid_client` (RFC 6749 §5.2: a 401 from the
 * token endpoint is a failed client authentication).
 */
async function oauthErrorOf({oauth}: ConnectionTestKit, error: unknown): Promise<string | undefined> {
  if (error instanceof oauth.AuthorizationResponseError || error instanceof oauth.ResponseBodyError) return error.error;
  if (!(error instanceof oauth.WWWAuthenticateChallengeError)) return undefined;
  const named = error.cause.map((challenge) => challenge.parameters.error).find((code) => typeof code === 'string');
  if (named !== undefined) return named;
  try {
    const body: unknown = await error.response.clone().json();
    if (isRecord(body) && typeof body.error === 'string') return body.error;
  } catch {
    // No JSON body: the status says enough.
  }
  return error.status === 401 ? 'invalid_client' : undefined;
}

/** What failed, from the error a {@link PkceFlow} step threw. */
async function failureOf(kit: ConnectionTestKit, error: unknown): Promise<SignInTestFailure> {
  if (kit.isAuthError(error)) {
    const cause = error.cause;
    const named = await oauthErrorOf(kit, cause);
    if (named !== undefined) return {ok: false, error: named};
    if (error.code === 'AUTH_ACCESS_DENIED') return {ok: false, error: 'access_denied'};
    // The token request is the only request of `complete()` that a page's origin can block: discovery already
    // answered before the window opened, so this failure is the browser refusing the token endpoint's answer.
    if (error.code === 'AUTH_NETWORK_ERROR' && isFetchFailure(cause)) return {ok: false, tokenRequestBlocked: true};
    return {ok: false, code: error.code};
  }
  return {ok: false, code: 'AUTH_PROVIDER_ERROR'};
}

/**
 * Runs one authorization-code + PKCE (S256, state, nonce, iss) round trip with the connection's Client ID, in memory:
 * its transaction lives in a store of its own, so no session, storage or token of the admin is touched. The
 * launcher is called synchronously, so a popup opens within the click that started the test.
 */
export async function runSignInTest(kit: ConnectionTestKit, options: SignInTestOptions): Promise<SignInTestResult> {
  const flow = new kit.PkceFlow({
    issuer: options.issuer,
    clientId: options.clientId,
    redirectUri: options.redirectUri,
    scope: options.scope,
    transactionStorage: kit.createMemoryStorage(),
    ...(options.fetch === undefined ? {} : {fetch: options.fetch}),
    ...(options.now === undefined ? {} : {now: options.now}),
  });
  const started = flow.start();
  let answer: Promise<string | undefined>;
  try {
    answer = options.launcher.launch(
      started.then(({url}) => url),
      {redirectUri: options.redirectUri},
    );
  } catch (error) {
    started.catch(() => undefined);
    return await failureOf(kit, error);
  }
  let callback: string | undefined;
  try {
    await started;
    callback = await answer;
  } catch (error) {
    answer.catch(() => undefined);
    return await failureOf(kit, error);
  }
  if (callback === undefined) return {ok: false, code: 'AUTH_INTERRUPTED'};
  try {
    const {tokens} = await flow.complete(callback);
    // Decoded here, then the token set goes out of scope: the raw tokens are never returned or kept.
    return {
      ok: true,
      ...(tokens.idToken === undefined ? {} : {idToken: decodeToken(tokens.idToken)}),
      accessToken: decodeToken(tokens.accessToken),
      scopes: [...tokens.scopes],
      expiresIn: Math.round((tokens.expiresAt - (options.now ?? Date.now)()) / 1000),
    };
  } catch (error) {
    return await failureOf(kit, error);
  }
}

/** A `client_credentials` grant that worked: what the token grants, never the token. */
export interface TokenTestSuccess {
  readonly ok: true;
  readonly accessToken: DecodedToken;
  readonly scopes: readonly string[];
  /** The token response's `expires_in`, in seconds. */
  readonly expiresIn?: number;
}

/** A `client_credentials` grant that failed. */
export interface TokenTestFailure {
  readonly ok: false;
  /** The token endpoint's OAuth error, e.g. `invalid_client` (wrong secret, or an inactive connection). */
  readonly error?: string;
  /** No readable answer: in a page, the browser refused it (no CORS for this origin), or the network failed. */
  readonly blocked?: boolean;
  /** A failure the provider named no error for (discovery, an unexpected answer). */
  readonly code?: AuthErrorCode;
}

/** The outcome of {@link runTokenTest}. */
export type TokenTestResult = TokenTestSuccess | TokenTestFailure;

/** Options of {@link runTokenTest}. */
export interface TokenTestOptions {
  issuer: string;
  clientId: string;
  /** Used for this one request and dropped; never stored, logged or put in a URL. */
  clientSecret: string;
  /** Space-separated; the connection's default scopes when absent. */
  scope?: string;
  fetch?: typeof fetch;
}

/**
 * Requests one token with `client_credentials` (RFC 6749 §4.4) and answers its decoded claims, scopes and lifetime.
 * The secret goes in the `Authorization` header (client_secret_basic, which every provider must support, RFC 6749
 * §2.3.1), never in a URL: from a page, that header makes the browser ask the provider first (a CORS preflight), so
 * a provider that refuses this origin there never receives the secret from the page.
 */
export async function runTokenTest(kit: ConnectionTestKit, options: TokenTestOptions): Promise<TokenTestResult> {
  const {oauth} = kit;
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  let issuer: URL;
  try {
    issuer = new URL(options.issuer);
  } catch {
    return {ok: false, code: 'AUTH_DISCOVERY_FAILED'};
  }
  // Plain http only for the loopback emulator, as in PkceFlow (B2-12).
  if (issuer.protocol !== 'https:' && !kit.isLoopbackHttp(issuer)) return {ok: false, code: 'AUTH_INSECURE_ISSUER'};
  const http = kit.transportOptions(issuer, fetchFunction);
  let as: OAuth.AuthorizationServer;
  try {
    as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, http));
  } catch (error) {
    return isFetchFailure(error) ? {ok: false, blocked: true} : {ok: false, code: 'AUTH_DISCOVERY_FAILED'};
  }
  if (as.issuer !== options.issuer) return {ok: false, code: 'AUTH_CONFIGURATION_MISMATCH'};
  const client: OAuth.Client = {client_id: options.clientId};
  const parameters = new URLSearchParams();
  if (options.scope !== undefined && options.scope.trim() !== '') parameters.set('scope', options.scope.trim());
  let response: Response;
  try {
    response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(options.clientSecret),
      parameters,
      http,
    );
  } catch (error) {
    return isFetchFailure(error) ? {ok: false, blocked: true} : {ok: false, code: 'AUTH_NETWORK_ERROR'};
  }
  try {
    const result = await oauth.processClientCredentialsResponse(as, client, response);
    return {
      ok: true,
      accessToken: decodeToken(result.access_token),
      scopes: typeof result.scope === 'string' ? result.scope.split(' ').filter(Boolean) : [],
      ...(result.expires_in === undefined ? {} : {expiresIn: result.expires_in}),
    };
  } catch (error) {
    const named = await oauthErrorOf(kit, error);
    return named === undefined ? {ok: false, code: 'AUTH_TOKEN_REQUEST_FAILED'} : {ok: false, error: named};
  }
}
