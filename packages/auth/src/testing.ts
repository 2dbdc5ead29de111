import {AuthError} from './errors.js';
import {AuthStateEmitter, type AuthSession, type AuthState, type GetAccessTokenOptions} from './state.js';

/** The user a fake session signs in as. */
export const FAKE_USER = Object.freeze({sub: 'fake-admin', name: 'Fake Admin', email: 'admin@example.test'});

/** A controllable {@link AuthSession} for component tests: no network, no timers. */
export interface FakeAuthSession extends AuthSession {
  /** Replaces the state and tells the subscribers, as a real session does on every change. */
  setState(state: AuthState): void;
  /** Every `getAccessToken()` call's options, in order. */
  readonly accessTokenRequests: readonly GetAccessTokenOptions[];
}

/**
 * Creates a {@link FakeAuthSession}: `signIn()` and `signOut()` flip the state, and `getAccessToken()` resolves
 * `'fake-token'` while signed in and rejects with `AUTH_SIGNED_OUT` otherwise.
 */
export function createFakeAuthSession(initial: AuthState = signedIn()): FakeAuthSession {
  const emitter = new AuthStateEmitter(initial);
  const accessTokenRequests: GetAccessTokenOptions[] = [];
  return {
    get state() {
      return emitter.state;
    },
    accessTokenRequests,
    setState(state) {
      emitter.set(state);
    },
    subscribe: (listener) => emitter.subscribe(listener),
    signIn() {
      emitter.set(signedIn());
      return Promise.resolve();
    },
    signOut() {
      emitter.set({status: 'signed-out', reason: 'signed-out'});
      return Promise.resolve();
    },
    getAccessToken(options = {}) {
      accessTokenRequests.push({...options});
      return emitter.state.status === 'signed-in'
        ? Promise.resolve('fake-token')
        : Promise.reject(new AuthError('AUTH_SIGNED_OUT'));
    },
  };
}

function signedIn(): AuthState {
  return {status: 'signed-in', user: {...FAKE_USER}, expiresAt: Date.now() + 3_600_000, scopes: ['openid']};
}

/** One request a {@link FakeOpenIdProvider} received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** The form body of a POST; empty otherwise. */
  readonly body: URLSearchParams;
}

/** Options of {@link createFakeOpenIdProvider}. */
export interface FakeOpenIdProviderOptions {
  /** Default `https://login.example.test/api/v1/auth`. */
  issuer?: string;
  /** The only client it knows; default `test-client`. */
  clientId?: string;
  /** Milliseconds since the epoch, for ID token timestamps; default `Date.now`. */
  now?: () => number;
  /** Access token lifetime in seconds; default 3600. */
  accessTokenLifetime?: number;
}

/** An in-memory OpenID provider behind a `fetch` function, for tests of code that signs in. */
export interface FakeOpenIdProvider {
  readonly issuer: string;
  readonly clientId: string;
  /** Pass this as the session's `fetch`. */
  readonly fetch: typeof fetch;
  /** Every request, in order. */
  readonly requests: RecordedRequest[];
  /** The discovery document; tests may change it (e.g. a different `issuer`). */
  readonly metadata: Record<string, unknown>;
  /** When true, every request fails as if the network were down. */
  offline: boolean;
  /** The requests to the token endpoint. */
  tokenRequests(): RecordedRequest[];
  /**
   * Plays the user signing in at the authorization URL and returns the redirect the provider would send the
   * browser to (`code`, `state`, `iss`), or an error redirect with `error`.
   */
  authorize(authorizationUrl: string, options?: AuthorizeOptions): Promise<string>;
  /** Rewrites the next token endpoint answers (successful JSON bodies), e.g. to drop `expires_in`. */
  rewriteTokens(rewrite: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined): void;
  /** Answers the next token request with this status and JSON body instead. */
  failNextTokenRequest(status: number, body: Record<string, unknown>): void;
  /** Makes token requests wait until the returned function is called. */
  holdTokenRequests(): () => void;
  /** The refresh tokens that are still valid. */
  validRefreshTokens(): string[];
}

/** Options of {@link FakeOpenIdProvider.authorize}. */
export interface AuthorizeOptions {
  /** Answer with this error instead of a code. */
  error?: string;
  /** The `iss` to send; `null` leaves it out. Default: the provider's issuer. */
  iss?: string | null;
  /** The `state` to send; `null` leaves it out. Default: the request's. */
  state?: string | null;
  /** More parameters to append to the redirect. */
  extra?: Record<string, string>;
  /** The signed-in user; default `user-1`. */
  sub?: string;
}

interface IssuedCode {
  readonly challenge: string;
  readonly redirectUri: string;
  readonly nonce: string | null;
  readonly scope: string;
  readonly sub: string;
}

/** Creates a {@link FakeOpenIdProvider} that implements discovery and the code and refresh grants with PKCE S256. */
export function createFakeOpenIdProvider(options: FakeOpenIdProviderOptions = {}): FakeOpenIdProvider {
  const issuer = options.issuer ?? 'https://login.example.test/api/v1/auth';
  const clientId = options.clientId ?? 'test-client';
  const now = options.now ?? Date.now;
  const lifetime = options.accessTokenLifetime ?? 3600;
  const metadata: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${issuer}/connect/authorize`,
    token_endpoint: `${issuer}/connect/token`,
    end_session_endpoint: `${issuer}/connect/endsession`,
    jwks_uri: `${issuer}/.well-known/openid-configuration/jwks`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    id_token_signing_alg_values_supported: ['RS256'],
    authorization_response_iss_parameter_supported: true,
  };
  const requests: RecordedRequest[] = [];
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Map<string, {sub: string; scope: string}>();
  const failures: {status: number; body: Record<string, unknown>}[] = [];
  let rewrite: ((body: Record<string, unknown>) => Record<string, unknown>) | undefined;
  let hold: Promise<void> | undefined;
  let counter = 0;

  const issueTokens = (grant: {sub: string; scope: string; nonce: string | null}): Record<string, unknown> => {
    counter++;
    // Like real providers, a refresh token only for `offline_access`.
    const refreshToken = grant.scope.split(' ').includes('offline_access') ? `refresh-${counter}` : undefined;
    if (refreshToken !== undefined) refreshTokens.set(refreshToken, {sub: grant.sub, scope: grant.scope});
    const seconds = Math.floor(now() / 1000);
    const claims = {
      iss: issuer,
      aud: clientId,
      sub: grant.sub,
      iat: seconds,
      exp: seconds + lifetime,
      name: 'Test Admin',
      email: 'admin@example.test',
      ...(grant.nonce === null ? {} : {nonce: grant.nonce}),
    };
    const body = {
      access_token: `access-${counter}`,
      token_type: 'Bearer',
      expires_in: lifetime,
      ...(refreshToken === undefined ? {} : {refresh_token: refreshToken}),
      scope: grant.scope,
      id_token: `${base64url(JSON.stringify({alg: 'RS256', typ: 'JWT'}))}.${base64url(JSON.stringify(claims))}.c2ln`,
    };
    return rewrite ? rewrite(body) : body;
  };

  const token = async (body: URLSearchParams): Promise<Response> => {
    if (hold) await hold;
    const failure = failures.shift();
    if (failure) return json(failure.status, failure.body);
    if (body.get('client_id') !== clientId) return json(401, {error: 'invalid_client'});
    if (body.get('grant_type') === 'authorization_code') {
      const code = codes.get(body.get('code') ?? '');
      codes.delete(body.get('code') ?? '');
      if (code === undefined) return json(400, {error: 'invalid_grant'});
      if (body.get('redirect_uri') !== code.redirectUri) return json(400, {error: 'invalid_grant'});
      if ((await s256(body.get('code_verifier') ?? '')) !== code.challenge) return json(400, {error: 'invalid_grant'});
      return json(200, issueTokens(code));
    }
    if (body.get('grant_type') === 'refresh_token') {
      const grant = refreshTokens.get(body.get('refresh_token') ?? '');
      if (grant === undefined) return json(400, {error: 'invalid_grant'});
      // Rotation: a refresh token works once (RFC 9700 §4.14.2).
      refreshTokens.delete(body.get('refresh_token') ?? '');
      return json(200, issueTokens({...grant, nonce: null}));
    }
    return json(400, {error: 'unsupported_grant_type'});
  };

  const provider: FakeOpenIdProvider = {
    issuer,
    clientId,
    requests,
    metadata,
    offline: false,
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = init?.method ?? 'GET';
      const body = new URLSearchParams(
        typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? init.body : '',
      );
      requests.push({method, url, body});
      if (provider.offline) throw new TypeError('fetch failed');
      if (method === 'GET' && url === `${issuer}/.well-known/openid-configuration`) return json(200, metadata);
      if (method === 'POST' && url === metadata.token_endpoint) return token(body);
      return json(404, {error: 'not_found'});
    },
    tokenRequests: () =>
      requests.filter((request) => request.method === 'POST' && request.url === metadata.token_endpoint),
    async authorize(authorizationUrl, authorizeOptions = {}) {
      const request = new URL(authorizationUrl).searchParams;
      const redirectUri = request.get('redirect_uri') ?? '';
      const answer = new URL(redirectUri);
      const state = authorizeOptions.state === undefined ? request.get('state') : authorizeOptions.state;
      if (state !== null) answer.searchParams.set('state', state);
      const iss = authorizeOptions.iss === undefined ? issuer : authorizeOptions.iss;
      if (iss !== null) answer.searchParams.set('iss', iss);
      const pkceOk = request.get('code_challenge_method') === 'S256' && (request.get('code_challenge') ?? '') !== '';
      const error = authorizeOptions.error ?? (pkceOk ? undefined : 'invalid_request');
      if (error !== undefined) {
        answer.searchParams.set('error', error);
      } else {
        counter++;
        const code = `code-${counter}`;
        codes.set(code, {
          challenge: request.get('code_challenge') ?? '',
          redirectUri,
          nonce: request.get('nonce'),
          scope: request.get('scope') ?? '',
          sub: authorizeOptions.sub ?? 'user-1',
        });
        answer.searchParams.set('code', code);
      }
      for (const [name, value] of Object.entries(authorizeOptions.extra ?? {})) answer.searchParams.set(name, value);
      return Promise.resolve(answer.href);
    },
    rewriteTokens(next) {
      rewrite = next;
    },
    failNextTokenRequest(status, body) {
      failures.push({status, body});
    },
    holdTokenRequests() {
      let release: () => void = () => undefined;
      hold = new Promise((resolve) => {
        release = () => {
          hold = undefined;
          resolve();
        };
      });
      return release;
    },
    validRefreshTokens: () => [...refreshTokens.keys()],
  };
  return provider;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});
}

function base64url(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replaceAll('=', '');
}

async function s256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
