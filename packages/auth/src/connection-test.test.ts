import {describe, expect, it} from 'vitest';
import {testClientCredentials, testSignIn} from './connection-test-kit.js';
import {decodeToken} from './connection-test.js';
import {AuthError} from './errors.js';
import type {AuthLauncher} from './session.js';
import {createFakeOpenIdProvider} from './testing.js';

const REDIRECT_URI = 'https://app.example.test/callback';
const T0 = 1_760_000_000_000;

function base64url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
}

function jwt(header: unknown, claims: unknown): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.c2ln`;
}

describe('decodeToken', () => {
  it('reads the claims of a JWS', () => {
    expect(decodeToken(jwt({alg: 'RS256'}, {sub: 'a', scope: 'x y'}))).toEqual({
      format: 'jwt',
      claims: {sub: 'a', scope: 'x y'},
    });
  });

  it('reports a reference token (no dots, or a five-part JWE) as opaque', () => {
    expect(decodeToken('Kq3b0x0VYn2n8t1m')).toEqual({format: 'opaque'});
    expect(decodeToken('a.b.c.d.e')).toEqual({format: 'opaque'});
    expect(decodeToken('')).toEqual({format: 'opaque'});
  });

  it('reports three parts that are not base64url JSON as malformed, never throwing', () => {
    expect(decodeToken('not.a.jwt')).toEqual({format: 'malformed'});
    expect(decodeToken(`${base64url('{"alg":"RS256"}')}.${base64url('[1,2]')}.x`)).toEqual({format: 'malformed'});
    expect(decodeToken(`${base64url('{"typ":"JWT"}')}.${base64url('{"sub":"a"}')}.x`)).toEqual({format: 'malformed'});
    expect(decodeToken(`${base64url('{"alg":"RS256"}')}.${base64url('{"sub":')}.x`)).toEqual({format: 'malformed'});
    expect(decodeToken(`${base64url('{"alg":"RS256"}')}.e30+/.x`)).toEqual({format: 'malformed'});
    expect(decodeToken(`${base64url('{"alg":"RS256"}')}.${'A'.repeat(20_000)}.x`)).toEqual({format: 'malformed'});
    // Invalid UTF-8 in the payload.
    expect(decodeToken(`${base64url('{"alg":"RS256"}')}.${base64url('\xff\xfe')}.x`)).toEqual({format: 'malformed'});
  });
});

/** A launcher that plays the user at the fake provider, or fails as told. */
function launcherFor(
  provider: ReturnType<typeof createFakeOpenIdProvider>,
  behaviour: {error?: string; reject?: AuthError; launched?: string[]} = {},
): AuthLauncher {
  return {
    async launch(url) {
      const target = await url;
      if (target === undefined) return undefined;
      behaviour.launched?.push(target);
      if (behaviour.reject) throw behaviour.reject;
      return provider.authorize(target, behaviour.error === undefined ? {} : {error: behaviour.error});
    },
  };
}

describe('testSignIn', () => {
  it('answers the provider error of the callback (invalid_scope), with no token request', async () => {
    const provider = createFakeOpenIdProvider({now: () => T0});
    const result = await testSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: REDIRECT_URI,
      scope: 'openid email',
      launcher: launcherFor(provider, {error: 'invalid_scope'}),
      fetch: provider.fetch,
      now: () => T0,
    });
    expect(result).toEqual({ok: false, error: 'invalid_scope'});
    expect(provider.tokenRequests()).toHaveLength(0);
  });

  it('answers access_denied when the user denies consent', async () => {
    const provider = createFakeOpenIdProvider({now: () => T0});
    const result = await testSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: REDIRECT_URI,
      scope: 'openid',
      launcher: launcherFor(provider, {error: 'access_denied'}),
      fetch: provider.fetch,
      now: () => T0,
    });
    expect(result).toEqual({ok: false, error: 'access_denied'});
  });

  it('answers tokenRequestBlocked when the token request fails in the browser (a fetch TypeError)', async () => {
    const provider = createFakeOpenIdProvider({now: () => T0});
    const blockingTokenEndpoint: typeof fetch = (input, init) =>
      init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : provider.fetch(input, init);
    const result = await testSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: REDIRECT_URI,
      scope: 'openid',
      launcher: launcherFor(provider),
      fetch: blockingTokenEndpoint,
      now: () => T0,
    });
    expect(result).toEqual({ok: false, tokenRequestBlocked: true});
  });

  it("answers the token endpoint's error (invalid_client)", async () => {
    const provider = createFakeOpenIdProvider({now: () => T0});
    provider.failNextTokenRequest(401, {error: 'invalid_client'});
    const result = await testSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: REDIRECT_URI,
      scope: 'openid',
      launcher: launcherFor(provider),
      fetch: provider.fetch,
      now: () => T0,
    });
    expect(result).toEqual({ok: false, error: 'invalid_client'});
  });

  it('answers the launcher failure code: a closed popup, a timeout', async () => {
    for (const code of ['AUTH_POPUP_CLOSED', 'AUTH_TIMED_OUT', 'AUTH_POPUP_BLOCKED'] as const) {
      const provider = createFakeOpenIdProvider({now: () => T0});
      const result = await testSignIn({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        scope: 'openid',
        launcher: launcherFor(provider, {reject: new AuthError(code)}),
        fetch: provider.fetch,
        now: () => T0,
      });
      expect(result).toEqual({ok: false, code});
    }
  });

  it('succeeds with PKCE S256, state and nonce, and answers decoded claims and scopes but no raw token', async () => {
    const provider = createFakeOpenIdProvider({now: () => T0});
    const launched: string[] = [];
    const result = await testSignIn({
      issuer: provider.issuer,
      clientId: provider.clientId,
      redirectUri: REDIRECT_URI,
      scope: 'openid profile',
      launcher: launcherFor(provider, {launched}),
      fetch: provider.fetch,
      now: () => T0,
    });
    const request = new URL(launched[0] ?? '').searchParams;
    expect(request.get('code_challenge_method')).toBe('S256');
    expect(request.get('client_id')).toBe(provider.clientId);
    expect(request.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(request.get('state')).toEqual(expect.any(String));
    expect(request.get('nonce')).toEqual(expect.any(String));
    expect(result).toMatchObject({
      ok: true,
      idToken: {format: 'jwt', claims: {sub: 'user-1', aud: provider.clientId, nonce: request.get('nonce')}},
      accessToken: {format: 'opaque'},
      scopes: ['openid', 'profile'],
      expiresIn: 3600,
    });
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain('access-');
    expect(serialized).not.toContain('.c2ln');
  });
});

/** A provider that answers discovery and client_credentials for one client and secret. */
function clientCredentialsProvider(options: {accessToken?: string; blockToken?: boolean} = {}) {
  const issuer = 'https://login.example.test/api/v1/auth';
  const bodies: {authorization: string | null; body: string}[] = [];
  const fetchFunction: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url === `${issuer}/.well-known/openid-configuration`) {
      return Promise.resolve(
        Response.json({issuer, token_endpoint: `${issuer}/connect/token`, authorization_endpoint: `${issuer}/a`}),
      );
    }
    if (options.blockToken === true) return Promise.reject(new TypeError('Failed to fetch'));
    const headers = new Headers(init?.headers);
    bodies.push({
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? init.body : new URLSearchParams(init?.body as URLSearchParams).toString(),
    });
    // RFC 6749 §2.3.1: each part form-urlencoded before base64.
    const [id, secret] = atob((headers.get('authorization') ?? '').replace(/^Basic /, ''))
      .split(':')
      .map((part) => decodeURIComponent(part));
    if (id !== 'api-client' || secret !== 's3cret') {
      return Promise.resolve(Response.json({error: 'invalid_client'}, {status: 401}));
    }
    return Promise.resolve(
      Response.json({
        access_token: options.accessToken ?? 'opaque-token',
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'api.user-management',
      }),
    );
  };
  return {issuer, fetch: fetchFunction, bodies};
}

describe('testClientCredentials', () => {
  it('answers invalid_client for a wrong secret', async () => {
    const provider = clientCredentialsProvider();
    const result = await testClientCredentials({
      issuer: provider.issuer,
      clientId: 'api-client',
      clientSecret: 'wrong',
      fetch: provider.fetch,
    });
    expect(result).toEqual({ok: false, error: 'invalid_client'});
  });

  it('answers blocked when the browser refuses the token request', async () => {
    const provider = clientCredentialsProvider({blockToken: true});
    const result = await testClientCredentials({
      issuer: provider.issuer,
      clientId: 'api-client',
      clientSecret: 's3cret',
      fetch: provider.fetch,
    });
    expect(result).toEqual({ok: false, blocked: true});
  });

  it('refuses a plain-http issuer away from loopback before sending anything', async () => {
    const provider = clientCredentialsProvider();
    const result = await testClientCredentials({
      issuer: 'http://login.example.test/api/v1/auth',
      clientId: 'api-client',
      clientSecret: 's3cret',
      fetch: provider.fetch,
    });
    expect(result).toEqual({ok: false, code: 'AUTH_INSECURE_ISSUER'});
    expect(provider.bodies).toEqual([]);
  });

  it('sends the secret in the Authorization header only, and answers an opaque token as opaque', async () => {
    const provider = clientCredentialsProvider();
    const result = await testClientCredentials({
      issuer: provider.issuer,
      clientId: 'api-client',
      clientSecret: 's3cret',
      scope: 'api.user-management',
      fetch: provider.fetch,
    });
    expect(result).toEqual({
      ok: true,
      accessToken: {format: 'opaque'},
      scopes: ['api.user-management'],
      expiresIn: 3600,
    });
    expect(provider.bodies[0]?.body).not.toContain('s3cret');
    expect(provider.bodies[0]?.body).toContain('grant_type=client_credentials');
    expect(JSON.stringify(result)).not.toContain('opaque-token');
  });

  it('answers the claims of a JWT access token', async () => {
    const token = jwt({alg: 'RS256'}, {client_id: 'api-client', scope: 'api.user-management'});
    const provider = clientCredentialsProvider({accessToken: token});
    const result = await testClientCredentials({
      issuer: provider.issuer,
      clientId: 'api-client',
      clientSecret: 's3cret',
      fetch: provider.fetch,
    });
    expect(result).toMatchObject({
      ok: true,
      accessToken: {format: 'jwt', claims: {client_id: 'api-client', scope: 'api.user-management'}},
    });
  });
});
